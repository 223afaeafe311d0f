"""Celery application: configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery
from celery.signals import worker_process_init

from factdesk.broker import patch_kombu_redis_channel

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
patch_kombu_redis_channel()  # a Redis outage must not end the worker (see factdesk/broker.py)

app = Celery("factdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _warm_extractor(**_kwargs) -> None:
    """Load the segmenter once per worker process, before the first task pays for it."""
    try:
        from claims.extraction import warm_up
    except ImportError:  # extractor without a warm-up hook
        return
    warm_up()

"""Celery application: configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery
from celery.signals import worker_init, worker_ready, worker_shutdown

from factdesk import heartbeat
from factdesk.broker import patch_kombu_redis_channel

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
patch_kombu_redis_channel()  # a Redis outage must not end the worker (see factdesk/broker.py)

app = Celery("factdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Each worker proves in the database that it is alive and consuming (factdesk/heartbeat.py).
worker_init.connect(heartbeat.on_worker_init, weak=False)
worker_ready.connect(heartbeat.on_worker_ready, weak=False)
worker_shutdown.connect(heartbeat.on_worker_shutdown, weak=False)

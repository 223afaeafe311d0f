"""Broker (kombu) fix so a Celery worker survives a Redis outage instead of exiting.

The bug (kombu 5.7.0, the newest release; no upstream fix yet, same family as celery/kombu#582):
when the connection is lost while the worker waits in BRPOP *and* holds an unacknowledged message,
celery calls ``connection.collect()``. Closing the default (task) channel there fails on the
pending BRPOP read, closing a fanout channel (remote control) fails on Redis, and ``collect()``
then detaches the transport (``transport.client = None``) with the task channel still open. The
following ``connection.close()`` closes that channel for real: it drops its Redis pool and
restores the unacked message, and rebuilding the pool reads ``transport.client.hostname``
-> ``AttributeError``, which is not a connection error, so the consumer dies ("Unrecoverable
error") and the worker exits. Reproduced by tests/factdesk/test_worker_broker_outage.py.

The fix: every Redis channel remembers the connection settings it was created with and builds its
pool from them when the transport has already been detached. Restoring the message then works if
Redis is back, or fails with an ordinary connection error that celery ignores (the message stays in
Redis's unacked set and is redelivered after the visibility timeout; extraction also has the
outbox sweep). Late acknowledgements of tasks that finish after a reconnect go through the same
path. Remove this module when kombu fixes it upstream (the drill test keeps guarding).
"""

from __future__ import annotations

import threading

from kombu.transport import redis as kombu_redis

_lock = threading.Lock()


def patch_kombu_redis_channel() -> None:
    """Install the fix once per process (idempotent)."""
    channel_cls = kombu_redis.Channel
    with _lock:
        if getattr(channel_cls, "_factdesk_patched", False):
            return
        original_init = channel_cls.__init__
        original_connparams = channel_cls._connparams

        def __init__(self, *args, **kwargs):
            transport = args[0] if args else kwargs.get("connection")
            # The kombu Connection (host, port, password, ssl): kept so a detached channel can still
            # reach Redis to restore or acknowledge its messages.
            self._factdesk_conninfo = getattr(transport, "client", None)
            original_init(self, *args, **kwargs)

        def _connparams(self, asynchronous=False):
            transport = self.connection
            conninfo = self.__dict__.get("_factdesk_conninfo")
            if transport is None or transport.client is not None or conninfo is None:
                return original_connparams(self, asynchronous=asynchronous)
            # The transport was detached by Connection.collect(); re-attach its settings only for
            # the time it takes to compute pool parameters (the consumer runs in one thread).
            transport.client = conninfo
            try:
                return original_connparams(self, asynchronous=asynchronous)
            finally:
                transport.client = None

        channel_cls.__init__ = __init__
        channel_cls._connparams = _connparams
        channel_cls._factdesk_patched = True

"""How the API hands a job to the workers, without knowing which mode it runs in.

Both modes use the same Celery tasks; only the broker differs (Redis, or the
SQLite queue of `quotetrail serve`). Messages carry just the job id: the job's
request lives in the SQL store, so a message can be re-sent at any time.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Protocol

from celery import Celery

from quotetrail.config import ServiceConfig

EMBEDDED_SCHEME = "qtsqlite"  # worker.sqlite_broker.ALIAS
EXTRACT_TASK = "quotetrail.extract"  # the first task of a job (worker/tasks.py)
ENQUEUE_RETRY = {"max_retries": 3, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


class Dispatcher(Protocol):
    def enqueue(self, job_id: str) -> None: ...

    def cancel(self, job_id: str) -> None: ...


class CeleryDispatcher:
    """Sends `quotetrail.extract` for a job; the task chain does the rest."""

    def __init__(self, app: Celery) -> None:
        from worker.celery_app import ensure_broker_folders

        self.app = app
        ensure_broker_folders(app)

    @property
    def embedded(self) -> bool:
        return str(self.app.conf.broker_url).startswith(f"{EMBEDDED_SCHEME}:")

    def enqueue(self, job_id: str) -> None:
        """Send the job's first task. Fails fast (about a second) when the broker is down:
        the job is already `queued` in the store, and the workers' sweep re-sends queued
        jobs that made no progress for QUOTETRAIL_JOB_STALE_AFTER seconds."""
        self.app.send_task(
            EXTRACT_TASK,
            args=[job_id],
            task_id=task_id(job_id, EXTRACT_TASK),
            retry=True,
            retry_policy=ENQUEUE_RETRY,
        )

    def queue_length(self) -> int | None:
        """Messages waiting in the job queue (not those held by workers), None if unknown.

        Read from the broker's storage directly, not through a kombu connection: the
        sweep calls this from a worker's timer, next to the worker's own connection."""
        from worker.celery_app import queue_name

        options = self.app.conf.broker_transport_options or {}
        try:
            if self.embedded:
                from worker.sqlite_broker import queued

                return queued(Path(options["folder"]), queue_name())
            import redis

            client = redis.Redis.from_url(str(self.app.conf.broker_url), socket_timeout=2)
            try:
                return int(client.llen(f"{options.get('global_keyprefix', '')}{queue_name()}"))
            finally:
                client.close()
        except Exception:
            return None

    def cancel(self, job_id: str) -> None:
        """Nothing to send: the store's status is the signal.

        The API marks the job canceled in the store; every task reads the status before
        it starts and before it saves, so queued tasks end at once and a running fetch
        stops at its next step. Revoking by task id would need a broadcast, which the
        embedded broker does not support, and would not reach retries in flight.
        """


def task_id(job_id: str, task_name: str) -> str:
    """`<job>.<task>.<random>`: a job's messages stay readable in logs and the broker."""
    return f"{job_id}.{task_name.rsplit('.', 1)[-1]}.{uuid.uuid4().hex[:8]}"


def get_dispatcher(config: ServiceConfig | None = None) -> CeleryDispatcher:
    """The dispatcher for `config`: Celery over Redis with REDIS_URL, else the embedded broker."""
    from worker import celery_app

    config = config or ServiceConfig.from_env()
    app = celery_app.app
    if _broker_for(config) != str(app.conf.broker_url) or _folder(app) != _folder_for(config):
        app = celery_app.make_app(config)
    return CeleryDispatcher(app)


def _broker_for(config: ServiceConfig) -> str:
    from worker.celery_app import EMBEDDED_BROKER

    return config.redis_url or EMBEDDED_BROKER


def _folder(app: Celery) -> str | None:
    return (app.conf.broker_transport_options or {}).get("folder")


def _folder_for(config: ServiceConfig) -> str | None:
    if config.redis_url:
        return None
    from worker.celery_app import broker_folder

    return str(broker_folder(config.data_dir))

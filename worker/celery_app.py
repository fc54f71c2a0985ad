"""The Celery application: one app for both modes, configured from the environment.

With REDIS_URL the broker is Redis. Without it the broker is kombu's `filesystem://`
transport under QUOTETRAIL_DATA_DIR/broker, so `quotetrail serve` needs no Redis and
the API process and the worker process still share one queue on disk.

Delivery is at-least-once on purpose (`acks_late`, `reject_on_worker_lost`, prefetch 1):
a worker killed mid-task gives its message back, and every task is idempotent, keyed
by job (and source), so a second run overwrites the first instead of adding to it.
Results are not kept in Celery: the SQL store is the system of record.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from celery import Celery, bootsteps
from celery.signals import celeryd_init, worker_process_init

from quotetrail.config import ServiceConfig
from worker.settings import REDIS_PREFIX_ENV, WorkerSettings, env_text


def queue_name() -> str:
    """One queue for every task; QUOTETRAIL_QUEUE lets test runs share a Redis safely."""
    return env_text("QUOTETRAIL_QUEUE", "quotetrail")


# The host part means nothing to the filesystem transport; naming one keeps kombu quiet.
FILESYSTEM_BROKER = "filesystem://localhost//"


def broker_folders(data_dir: Path) -> dict[str, Path]:
    """Where the embedded (filesystem) broker keeps messages: producer and consumer agree."""
    root = data_dir / "broker"
    return {"queue": root / "queue", "control": root / "control"}


def broker_settings(config: ServiceConfig, settings: WorkerSettings) -> dict[str, Any]:
    if config.redis_url:
        options: dict[str, Any] = {}
        prefix = env_text(REDIS_PREFIX_ENV)
        if prefix:  # several deployments (or test runs) sharing one Redis stay apart
            options["global_keyprefix"] = f"{prefix}:"
        return {
            "broker_url": config.redis_url,
            "broker_transport_options": {
                **options,
                "visibility_timeout": settings.visibility_timeout,
                "unacked_restore_interval": settings.restore_interval,
                "unacked_restore_throttle": 1,
                "socket_timeout": 30,
                "socket_connect_timeout": 5,
                "health_check_interval": 10,
            },
        }
    folders = broker_folders(config.data_dir)
    return {
        "broker_url": FILESYSTEM_BROKER,
        "broker_transport_options": {
            "data_folder_in": str(folders["queue"]),
            "data_folder_out": str(folders["queue"]),
            "control_folder": str(folders["control"]),
            "polling_interval": settings.polling_interval,
        },
    }


def make_app(
    config: ServiceConfig | None = None,
    settings: WorkerSettings | None = None,
    *,
    queue: str | None = None,
) -> Celery:
    config = config or ServiceConfig.from_env()
    settings = settings or WorkerSettings.from_env()
    celery = Celery("quotetrail", include=["worker.tasks"])
    celery.conf.update(
        **broker_settings(config, settings),
        task_default_queue=queue or queue_name(),
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        result_backend=None,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=settings.soft_time_limit,
        task_time_limit=settings.time_limit,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        task_publish_retry=True,
        task_publish_retry_policy={
            "max_retries": 10,
            "interval_start": 0.2,
            "interval_step": 0.5,
            "interval_max": 3,
        },
        # On a broker blip, running tasks go on: their results land in the store, and the
        # redelivered message finds them saved. Cancelling would throw finished work away.
        worker_cancel_long_running_tasks_on_connection_loss=False,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        enable_utc=True,
    )
    celery.steps["worker"].add(SweepStep)
    return celery


def ensure_broker_folders(celery: Celery) -> None:
    """Create the filesystem broker's folders (no-op with Redis); called before first use,
    not at import, so importing the app has no side effects on disk."""
    options = celery.conf.broker_transport_options or {}
    for name in ("data_folder_in", "data_folder_out", "control_folder"):
        if options.get(name):
            Path(options[name]).mkdir(parents=True, exist_ok=True)


@celeryd_init.connect
def _on_worker_init(sender: Any = None, conf: Any = None, **kwargs: Any) -> None:
    ensure_broker_folders(app)
    # One line per HTTP request drowns the task log; fetch outcomes are in the store.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    log = logging.getLogger("quotetrail.worker")
    for problem in WorkerSettings.from_env().problems():
        log.warning("settings: %s", problem)
    from worker import webhooks

    secret = webhooks.configured_secret()
    try:
        if secret:
            webhooks.secret_key(secret)
    except webhooks.WebhookError as exc:
        log.error("settings: %s; webhooks will not be sent", exc)


@worker_process_init.connect
def _load_models(**kwargs: Any) -> None:
    """Load the sentence model once per worker process, before any task's time limit runs."""
    from quotetrail.embed import install

    reason = install()
    if reason:
        logging.getLogger("quotetrail.worker").warning(
            "cross-language checks unavailable: %s", reason
        )


class SweepStep(bootsteps.StartStopStep):
    """Runs the job sweep on the worker's timer: stuck jobs are re-kicked or failed.

    This is the backstop behind "nothing runs forever": whatever happened to the
    messages (a broker restart that lost one, a task killed past every limit), a job
    past its deadline ends `failed` with the reason.
    """

    requires = ("celery.worker.components:Timer",)

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.tref: Any = None

    def start(self, parent: Any) -> None:
        from worker.sweep import sweep_safely

        interval = WorkerSettings.from_env().sweep_interval
        if interval > 0:
            self.tref = parent.timer.call_repeatedly(interval, sweep_safely, priority=10)

    def stop(self, parent: Any) -> None:
        if self.tref is not None:
            self.tref.cancel()
            self.tref = None


app = make_app()

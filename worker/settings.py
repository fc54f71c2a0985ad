"""Worker knobs read from the environment, so tests and operators can tighten them.

Defaults suit production: a source fetch never runs longer than the hard time limit,
retries back off up to `retry_backoff_max`, and the broker's visibility timeout
exceeds both (a task still running or waiting on a retry countdown when it expires
would be delivered twice). Tests shrink everything through the same variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any

# Prefix of the workers' Redis keys; also the broker's, when set (deployments sharing a Redis).
REDIS_PREFIX_ENV = "QUOTETRAIL_REDIS_PREFIX"


def env_text(name: str, default: str = "") -> str:
    """A string variable, stripped; `default` when unset or blank."""
    return os.environ.get(name, "").strip() or default


def _number(name: str, default: float) -> float:
    raw = env_text(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number, got {raw!r}") from exc
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {raw!r}")
    return value


def _env(name: str, default: float) -> Any:
    """A field that `from_env` reads from the variable `name` (an int field stays an int)."""
    return field(default=default, metadata={"env": name})


# Recovery in about two minutes with the defaults (the trade-off, in numbers):
# - a task held by a killed worker comes back after the visibility timeout (120 s), which
#   must exceed the longest a task may legitimately stay unacknowledged: its hard time
#   limit (60 s) plus the longest retry countdown (30 s);
# - a job whose messages were lost (submitted while the broker was down) is re-sent by
#   the sweep after `stale_after` (90 s) of silence, checked every `sweep_interval` (30 s),
#   and only while the queue is empty (a backlog is not a loss). Every saved source and
#   every retry is a heartbeat (updated_at), and no task runs longer than 60 s, so a live
#   job is never silent that long. Shorter values recover faster but re-send live work.
@dataclass(frozen=True)
class WorkerSettings:
    soft_time_limit: float = _env("QUOTETRAIL_TASK_SOFT_TIME_LIMIT", 50.0)
    time_limit: float = _env("QUOTETRAIL_TASK_TIME_LIMIT", 60.0)
    visibility_timeout: float = _env("QUOTETRAIL_VISIBILITY_TIMEOUT", 120.0)
    max_retries: int = _env("QUOTETRAIL_TASK_MAX_RETRIES", 5)
    retry_backoff: float = _env("QUOTETRAIL_RETRY_BACKOFF", 2.0)
    retry_backoff_max: float = _env("QUOTETRAIL_RETRY_BACKOFF_MAX", 30.0)
    job_deadline: float = _env("QUOTETRAIL_JOB_DEADLINE", 1800.0)
    stale_after: float = _env("QUOTETRAIL_JOB_STALE_AFTER", 90.0)
    sweep_interval: float = _env("QUOTETRAIL_SWEEP_INTERVAL", 30.0)
    restore_interval: float = _env("QUOTETRAIL_RESTORE_INTERVAL", 10.0)
    # Embedded broker: a backstop only; consumers are woken by producers (sqlite_broker).
    polling_interval: float = _env("QUOTETRAIL_BROKER_POLL_INTERVAL", 1.0)
    # `serve` restarts its worker when the worker's heartbeat is older than this.
    worker_silent_after: float = _env("QUOTETRAIL_WORKER_SILENT_AFTER", 20.0)
    webhook_retries: int = _env("QUOTETRAIL_WEBHOOK_RETRIES", 8)
    webhook_timeout: float = _env("QUOTETRAIL_WEBHOOK_TIMEOUT", 10.0)
    # Per source host, across all workers (through Redis) or per process (embedded).
    host_concurrency: int = _env("QUOTETRAIL_HOST_CONCURRENCY", 2)
    host_interval: float = _env("QUOTETRAIL_HOST_INTERVAL", 1.0)
    # The longest a task waits in-process for a host slot; longer waits re-queue the task
    # with a countdown, so one busy host never holds workers other jobs need.
    host_max_wait: float = _env("QUOTETRAIL_HOST_MAX_WAIT", 0.25)
    # A job of at most this many quote × source pairs runs in as few tasks as it can: the
    # extract task fetches the first host batch itself, and the task that saves the last
    # source judges the job at once instead of queueing finalize (each queue hop costs a
    # few ms of broker and store work). 0: every stage is its own task.
    inline_pairs: int = _env("QUOTETRAIL_INLINE_PAIRS", 200)

    @classmethod
    def from_env(cls) -> WorkerSettings:
        values: dict[str, Any] = {}
        for item in fields(cls):
            value = _number(item.metadata["env"], item.default)
            values[item.name] = int(value) if isinstance(item.default, int) else value
        return cls(**values)

    def host_limits(self) -> tuple[int, float]:
        """(concurrent fetches, seconds between fetch starts) per host."""
        return max(1, self.host_concurrency), self.host_interval

    def problems(self) -> list[str]:
        """Combinations that would make tasks run twice or never stop."""
        found = []
        if self.soft_time_limit >= self.time_limit:
            found.append("QUOTETRAIL_TASK_SOFT_TIME_LIMIT must be below QUOTETRAIL_TASK_TIME_LIMIT")
        if self.visibility_timeout <= self.time_limit + self.retry_backoff_max:
            found.append(
                "QUOTETRAIL_VISIBILITY_TIMEOUT must exceed the hard time limit plus the "
                "longest retry backoff, or a slow task is delivered twice"
            )
        return found

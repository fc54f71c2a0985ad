"""Worker knobs read from the environment, so tests and operators can tighten them.

Defaults suit production: a source fetch never runs longer than the hard time limit,
retries back off up to `retry_backoff_max`, and the broker's visibility timeout
exceeds both (a task still running or waiting on a retry countdown when it expires
would be delivered twice). Tests shrink everything through the same variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number, got {raw!r}") from exc
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {raw!r}")
    return value


def _int(name: str, default: int) -> int:
    return int(_float(name, default))


@dataclass(frozen=True)
class WorkerSettings:
    soft_time_limit: float = 60.0
    time_limit: float = 90.0
    visibility_timeout: float = 900.0
    max_retries: int = 5
    retry_backoff: float = 2.0
    retry_backoff_max: float = 120.0
    job_deadline: float = 1800.0
    stale_after: float = 1200.0
    sweep_interval: float = 60.0
    restore_interval: float = 10.0
    polling_interval: float = 0.2
    webhook_retries: int = 8
    webhook_timeout: float = 10.0

    @classmethod
    def from_env(cls) -> WorkerSettings:
        d = cls()
        return cls(
            soft_time_limit=_float("QUOTETRAIL_TASK_SOFT_TIME_LIMIT", d.soft_time_limit),
            time_limit=_float("QUOTETRAIL_TASK_TIME_LIMIT", d.time_limit),
            visibility_timeout=_float("QUOTETRAIL_VISIBILITY_TIMEOUT", d.visibility_timeout),
            max_retries=_int("QUOTETRAIL_TASK_MAX_RETRIES", d.max_retries),
            retry_backoff=_float("QUOTETRAIL_RETRY_BACKOFF", d.retry_backoff),
            retry_backoff_max=_float("QUOTETRAIL_RETRY_BACKOFF_MAX", d.retry_backoff_max),
            job_deadline=_float("QUOTETRAIL_JOB_DEADLINE", d.job_deadline),
            stale_after=_float("QUOTETRAIL_JOB_STALE_AFTER", d.stale_after),
            sweep_interval=_float("QUOTETRAIL_SWEEP_INTERVAL", d.sweep_interval),
            restore_interval=_float("QUOTETRAIL_RESTORE_INTERVAL", d.restore_interval),
            polling_interval=_float("QUOTETRAIL_BROKER_POLL_INTERVAL", d.polling_interval),
            webhook_retries=_int("QUOTETRAIL_WEBHOOK_RETRIES", d.webhook_retries),
            webhook_timeout=_float("QUOTETRAIL_WEBHOOK_TIMEOUT", d.webhook_timeout),
        )

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

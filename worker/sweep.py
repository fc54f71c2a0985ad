"""Finds jobs the message flow lost and either restarts or ends them.

Messages are the fast path; the store is the truth. A job whose messages vanished (a
broker restarted without its log, an embedded worker killed while holding a message)
is still `queued` or `running` in the store, so:

- `recover` re-sends every unfinished job — `quotetrail serve` does it at start-up,
  when no other worker can be holding the job's messages;
- `sweep` (every `QUOTETRAIL_SWEEP_INTERVAL` s on each worker) re-sends a job with no
  progress for `QUOTETRAIL_JOB_STALE_AFTER` s, and fails a job still unfinished after
  `QUOTETRAIL_JOB_DEADLINE` s with the reason. Re-sending is safe: tasks are idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

log = logging.getLogger("quotetrail.worker")

UNFINISHED = ("queued", "running")


def unfinished_jobs(store: Any) -> Iterator[Any]:
    for status in UNFINISHED:
        cursor = None
        while True:
            jobs, cursor = store.list_jobs(status=status, cursor=cursor, limit=200)
            yield from jobs
            if not cursor:
                break


def recover(store: Any, dispatcher: Any) -> int:
    """Re-send every unfinished job; returns how many."""
    count = 0
    for job in list(unfinished_jobs(store)):
        dispatcher.enqueue(job.id)
        count += 1
    if count:
        log.info("recovered %d unfinished job(s)", count)
    return count


def sweep(
    store: Any,
    dispatcher: Any,
    *,
    deadline: float,
    stale_after: float,
    now: datetime | None = None,
    on_failed: Any = None,
    queued_messages: int | None = None,
) -> dict[str, list[str]]:
    """Fail overdue jobs; re-send stale ones — unless `queued_messages` (the broker's
    queue length, None when unknown) says a backlog is waiting: a job behind a long queue
    is slow, not lost, and re-sending it would only grow the queue."""
    now = now or datetime.now(UTC)
    outcome: dict[str, list[str]] = {"failed": [], "kicked": []}
    may_kick = not queued_messages
    for job in list(unfinished_jobs(store)):
        age = (now - job.created_at).total_seconds()
        idle = (now - job.updated_at).total_seconds()
        if deadline and age > deadline:
            reason = f"job did not finish within {deadline:g} s (deadline exceeded)"
            if _fail(store, job.id, reason):
                outcome["failed"].append(job.id)
                if on_failed is not None:
                    on_failed(job.id)
        elif stale_after and idle > stale_after and may_kick:
            dispatcher.enqueue(job.id)
            outcome["kicked"].append(job.id)
    return outcome


def _fail(store: Any, job_id: str, reason: str) -> bool:
    """True if this call failed the job (it may have finished meanwhile)."""
    job = store.fail_job(job_id, reason)
    return job.status == "failed" and job.error == reason


def sweep_safely() -> None:
    """The worker timer's entry point: a failing sweep must never stop the worker."""
    from worker import runtime
    from worker.dispatch import get_dispatcher
    from worker.tasks import notify

    try:
        s = runtime.settings()
        dispatcher = get_dispatcher(runtime.config())
        outcome = sweep(
            runtime.store(),
            dispatcher,
            deadline=s.job_deadline,
            stale_after=s.stale_after,
            on_failed=notify,
            queued_messages=dispatcher.queue_length(),
        )
        if outcome["failed"] or outcome["kicked"]:
            log.warning("sweep: failed %s, re-sent %s", outcome["failed"], outcome["kicked"])
    except Exception:
        log.exception("job sweep failed; will try again")

"""The job as Celery tasks: thin wrappers over the pipeline's stages.

    extract(job) ──► fetch_source(job, source) × N ──► finalize(job) ──► webhook(job)
      read article,     one task per source: fetch,      evaluate all quotes,
      quotes, sources   retry, keep the evidence         store the report

Every task is idempotent, keyed by job (and source): it first reads the job's status
in the store (a canceled or finished job stops it), a source already saved is not
fetched again, and saving overwrites the same row. The last fetch to finish — or any
re-run of one — sees that every source is saved and sends `finalize`; a duplicate
finalize finds the job finished and does nothing.

What ends a job:
- the article cannot be read, or has nothing to check → `failed` with the reason
  (after retries when the reason was a network error, 429 or 5xx);
- a source that keeps failing (retries exhausted, other 4xx, refused address, time
  limit) does NOT fail the job: it is saved with status "error" and its reason, every
  quote's evidence for it is `unverifiable`, and the job `succeeded`;
- an unexpected error or time limit in extract/finalize → `failed` with the reason;
- anything left unfinished past QUOTETRAIL_JOB_DEADLINE → `failed` by the sweep.
"""

from __future__ import annotations

import hashlib
import logging
import random
import time
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded

from quotetrail.core.models import SourceStatus
from quotetrail.errors import QuotetrailError
from quotetrail.pipeline import SourceSpec, SourceText, read_source, source_outlet
from worker import progress, runtime, webhooks
from worker.celery_app import app
from worker.dispatch import EXTRACT_TASK, task_id
from worker.plan import Plan, build_plan, service_registry
from worker.politeness import PolitenessTimeout

log = logging.getLogger("quotetrail.worker")

EXTRACT = EXTRACT_TASK
FETCH_SOURCE = "quotetrail.fetch_source"
FINALIZE = "quotetrail.finalize"
WEBHOOK = "quotetrail.webhook"
JUDGED_INTERVAL = 0.25  # seconds between progress writes while quotes are judged


def _transient_errors() -> tuple[type[BaseException], ...]:
    """Store or Redis hiccups: the whole task is retried later, not judged."""
    import kombu.exceptions
    import redis.exceptions
    import sqlalchemy.exc

    return (
        kombu.exceptions.OperationalError,  # the broker, while sending the next task
        sqlalchemy.exc.OperationalError,
        sqlalchemy.exc.InterfaceError,
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
    )


class JobTask(Task):
    """Common retry policy; subclasses say what a final failure means for the job."""

    autoretry_for = _transient_errors()
    retry_backoff = True
    retry_backoff_max = 60
    retry_jitter = True
    max_retries = runtime.settings().max_retries
    acks_late = True
    reject_on_worker_lost = True

    def on_failure(self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        try:
            self.job_failed(str(args[0]), _describe(exc), *args[1:])
        except Exception:  # the store may be what failed; the sweep catches up later
            log.exception("could not record the failure of %s[%s]", self.name, task_id)

    def job_failed(self, job_id: str, reason: str, *rest: Any) -> None:
        fail_and_notify(job_id, reason)


class SourceTask(JobTask):
    def job_failed(self, job_id: str, reason: str, *rest: Any) -> None:
        """The source ends unverifiable with the reason — unless it was saved before the
        failure (say, sending finalize failed): a good fetch is never overwritten."""
        spec, plan = SourceSpec(**rest[0]), rest[1]
        saved = {record.source for record in runtime.store().get_sources(job_id)}
        if spec.source not in saved:
            _save(job_id, spec, _error_text(spec, reason), None, None)
        maybe_finalize(job_id, plan)


# --- the tasks ---------------------------------------------------------------------


@app.task(bind=True, base=JobTask, name=EXTRACT)
def extract(self: JobTask, job_id: str) -> str:
    store = runtime.store()
    job = store.get_job(job_id)
    if job is None or job.finished:
        return "skipped"
    recorder = RecordingFetcher()
    _progress(job_id, "extracting")
    try:
        plan = build_plan(job.request, recorder, service_registry())
    except (QuotetrailError, SoftTimeLimitExceeded) as exc:
        delay = retry_delay(recorder.error, self.request.retries)
        if delay is not None:
            raise self.retry(countdown=delay, exc=exc) from None
        fail_and_notify(job_id, _describe(exc))
        return "failed"
    started = store.start_job(
        job_id,
        quotes_total=len(plan.quotes),
        sources_total=len(plan.specs),
        article={**plan.article, "text": plan.text},
    )
    if started is None:
        return "canceled"
    saved = {record.source for record in store.get_sources(job_id)}
    pending = [spec for spec in plan.specs if spec.source not in saved]
    _progress(job_id, "fetching", sources=len(plan.specs))
    payload = plan.to_dict()
    if not pending:
        from worker.discovery import next_stage  # discovery: worker/discovery.py

        _send(next_stage(payload), job_id, payload)
    for spec in pending:
        _send(FETCH_SOURCE, job_id, asdict(spec), payload)
    return f"{len(pending)} source(s) sent"


@app.task(bind=True, base=SourceTask, name=FETCH_SOURCE)
def fetch_source(self: SourceTask, job_id: str, spec_data: dict[str, Any], plan: dict) -> str:
    store = runtime.store()
    job = store.get_job(job_id)
    if job is None or job.status != "running":
        return "skipped"
    spec = SourceSpec(**spec_data)
    if any(record.source == spec.source for record in store.get_sources(job_id)):
        maybe_finalize(job_id, plan)  # a redelivery after the save: only the check is left
        return "already saved"
    recorder = RecordingFetcher()
    fetcher = recorder if spec.kind == "url" else None
    read = read_source(spec, fetcher, service_registry())
    if isinstance(recorder.error, PolitenessTimeout):
        # Fair scheduling: the host is busy, so this worker goes on with other jobs; the
        # same attempt (not counted as a retry) comes back when a slot should be free.
        _requeue(self, recorder.error.retry_after)
        return "host busy: re-queued"
    if recorder.timed_out:
        read = _error_text(spec, _over_time_limit())
    elif read.status.status == "error":
        delay = retry_delay(recorder.error, self.request.retries)
        if delay is not None:
            store.touch_job(job_id)  # heartbeat: a retry is coming, the job is not stale
            raise self.retry(countdown=delay, exc=recorder.error)
        if recorder.error is not None and recorder.error.retryable:
            read = _error_text(
                spec, f"{read.status.error} (gave up after {self.request.retries + 1} attempts)"
            )
    if store.get_job(job_id).status != "running":
        return "canceled"
    _save(job_id, spec, read, recorder.result, recorder.error)
    _progress(job_id, "fetched", source=spec.source)
    maybe_finalize(job_id, plan)
    return read.status.status


@app.task(bind=True, base=JobTask, name=FINALIZE)
def finalize(self: JobTask, job_id: str, plan_data: dict[str, Any]) -> str:
    from quotetrail.pipeline import judge_all

    store = runtime.store()
    job = store.get_job(job_id)
    if job is None or job.status != "running":
        return "skipped"
    plan = Plan.from_dict(plan_data)
    records = {record.source: record for record in store.get_sources(job_id)}
    if any(spec.source not in records for spec in plan.specs):
        return "waiting"  # a fetch is still out; its own completion check sends us again
    registry = service_registry()
    texts = [
        _text_from_record(
            spec,
            records[spec.source],
            source_outlet_of(job_id, spec, records[spec.source], registry),
        )
        for spec in plan.specs
    ]
    report = judge_all(
        plan.quotes,
        texts,
        plan.article,
        plan_data.get("searches") or (),
        on_quote=_judged_counter(job_id),
    )
    finished = store.finish_job(job_id, report.to_dict())
    _progress(job_id, finished.status)
    if finished.status == "succeeded":
        notify(job_id)
    return finished.status


@app.task(bind=True, base=Task, name=WEBHOOK, acks_late=True, reject_on_worker_lost=True)
def deliver_webhook(self: Task, job_id: str) -> str:
    from worker.fetching import post_guarded

    job = runtime.store().get_job(job_id)
    url = webhooks.callback_url(job.request if job else None)
    if job is None or url is None:
        return "no callback"
    msg_id, body = webhooks.event_for(job)
    secret = webhooks.configured_secret()
    if secret is None:
        log.warning("QUOTETRAIL_WEBHOOK_SECRET is not set: webhook for %s goes unsigned", job_id)
    try:
        headers = webhooks.headers_for(secret, msg_id, body)
    except webhooks.WebhookError as exc:  # a bad secret is the operator's to fix, not retried
        log.error("webhook for %s not sent: %s", job_id, exc)
        return f"not sent: {exc}"
    try:
        status = post_guarded(url, body, headers, timeout=runtime.settings().webhook_timeout)
        failure = None if 200 <= status < 300 else f"HTTP {status}"
    except Exception as exc:  # refused address, network error: all retried the same way
        failure = _describe(exc)
        if getattr(exc, "retryable", True) is False:
            log.warning("webhook for %s not delivered: %s", job_id, failure)
            return f"refused: {failure}"
    if failure is None:
        return "delivered"
    settings = runtime.settings()
    if self.request.retries >= settings.webhook_retries:
        log.warning("webhook for %s given up: %s", job_id, failure)
        return f"gave up: {failure}"
    raise self.retry(countdown=_backoff(self.request.retries), max_retries=None)


# --- helpers -----------------------------------------------------------------------


class RecordingFetcher:
    """Passes fetches through and remembers the last result or error.

    `read_source` turns fetch errors into an "error" status, which is right for the
    report but hides what the task needs: whether the error is worth a retry, and the
    raw response to keep as evidence.
    """

    def __init__(self, inner: Any = None) -> None:
        self._inner = inner
        self.result: Any = None
        self.error: Any = None
        self.timed_out = False

    @property
    def inner(self) -> Any:
        if self._inner is None:  # built on first use: text-only jobs never need one
            self._inner = runtime.fetcher()
        return self._inner

    def fetch(self, url: str, *args: Any, **kwargs: Any) -> Any:
        try:
            self.result = self.inner.fetch(url, *args, **kwargs)
            self.error = None
            return self.result
        except SoftTimeLimitExceeded:
            self.timed_out = True
            raise
        except Exception as exc:
            self.error = exc
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def retry_delay(error: Any, retries: int) -> float | None:
    """Seconds before the next attempt, or None when this error should not be retried.

    Network errors, 429 and 5xx are retried with exponential backoff and jitter; a
    server's Retry-After is honoured as a minimum — and if it asks for longer than the
    longest backoff we allow, the source is given up rather than held past the broker's
    visibility timeout.
    """
    settings = runtime.settings()
    if error is None or not getattr(error, "retryable", False):
        return None
    if retries >= settings.max_retries:
        return None
    delay = _backoff(retries)
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None:
        if retry_after > settings.retry_backoff_max:
            return None
        delay = max(delay, float(retry_after))
    return delay


def _backoff(retries: int) -> float:
    settings = runtime.settings()
    ceiling = min(settings.retry_backoff_max, settings.retry_backoff * (2**retries))
    return round(ceiling * random.uniform(0.5, 1.0), 3)


def maybe_finalize(job_id: str, plan: dict[str, Any]) -> None:
    """Send finalize once every source of the plan is saved (checked in the store)."""
    saved = {record.source for record in runtime.store().get_sources(job_id)}
    specs = plan["specs"]
    if all(spec["source"] in saved for spec in specs):
        client = runtime.redis_client()
        if client is not None and not _first_to_finalize(client, job_id):
            return
        from worker.discovery import next_stage  # discovery first: worker/discovery.py

        _send(next_stage(plan), job_id, plan)


def _first_to_finalize(client: Any, job_id: str) -> bool:
    """Several fetches may see completion at once; let one send finalize (best effort)."""
    try:
        return bool(client.set(f"{runtime.redis_prefix()}:finalize:{job_id}", "1", nx=True, ex=30))
    except Exception:
        return True


def fail_and_notify(job_id: str, reason: str) -> None:
    job = runtime.store().fail_job(job_id, reason)
    if job.status == "failed" and job.error == reason[:4000]:
        _progress(job_id, "failed", error=reason)
        notify(job_id)


def notify(job_id: str) -> None:
    job = runtime.store().get_job(job_id)
    if job is not None and webhooks.callback_url(job.request):
        _send(WEBHOOK, job_id)


def _judged_counter(job_id: str, every: float = JUDGED_INTERVAL):
    """`on_quote` for evaluate: the job's quotes_done follows the quotes as they are judged
    (written at most every `every` seconds, and always for the last), so live progress
    moves during a long evaluation instead of jumping from 0 to N at the end."""
    last: list[float | None] = [None]

    def judged(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and last[0] is not None and now - last[0] < every:
            return
        last[0] = now
        runtime.store().set_progress(job_id, quotes_done=done, quotes_total=total)
        _progress(job_id, "judged", quotes_done=done, quotes_total=total)

    return judged


def _progress(job_id: str, stage: str, **fields: Any) -> None:
    progress.publish(runtime.redis_client(), job_id, stage, prefix=runtime.redis_prefix(), **fields)


def _requeue(task: Task, wait: float | None) -> None:
    """Send this very task again after `wait` s (jittered), keeping its retry count."""
    countdown = round(max(0.05, wait or 0.5) * random.uniform(1.0, 1.5), 3)
    app.send_task(
        task.name,
        args=list(task.request.args or ()),
        countdown=countdown,
        task_id=task_id(str(task.request.args[0]), task.name),
        retries=task.request.retries,
    )


def _send(name: str, job_id: str, *args: Any) -> None:
    app.send_task(name, args=[job_id, *args], task_id=task_id(job_id, name))


def _save(job_id: str, spec: SourceSpec, read: SourceText, result: Any, error: Any) -> None:
    """Keep the evidence: what was fetched (final URL, status, time, hash, raw bytes)."""
    if result is not None:
        evidence = {
            "final_url": result.final_url,
            "http_status": result.status,
            "content_type": result.content_type,
            "fetched_at": result.fetched_at,
            "sha256": result.sha256,
            "body": result.body,
        }
    elif spec.kind in ("text", "html") and read.status.status == "ok":
        body = spec.value.encode("utf-8")
        evidence = {
            "final_url": None,
            "http_status": None,
            "content_type": "text/html" if spec.kind == "html" else "text/plain",
            "fetched_at": datetime.now(UTC),
            "sha256": hashlib.sha256(body).hexdigest(),
            "body": body,
        }
    else:
        evidence = {"http_status": getattr(error, "status", None)}
    store = runtime.store()
    kwargs = {
        "status": read.status.status,
        "error": read.status.error,
        "text": read.text,
        **evidence,
    }
    try:
        store.save_source(job_id, spec.source, **kwargs)
    except Exception as exc:
        if not _is_integrity_error(exc):
            raise
        store.save_source(job_id, spec.source, **kwargs)  # a twin task inserted first


def _is_integrity_error(exc: Exception) -> bool:
    import sqlalchemy.exc

    return isinstance(exc, sqlalchemy.exc.IntegrityError)


def source_outlet_of(job_id: str, spec: SourceSpec, record: Any, registry: Any) -> str | None:
    """The source's outlet exactly as `read_source` names it in the CLI: from its label or
    address, else from the stored page itself (read from the store only when needed)."""
    outlet = source_outlet(spec, registry, final_url=record.final_url)
    if outlet is not None or not record.body_size or spec.kind != "url":
        return outlet
    snapshot = runtime.store().get_snapshot(job_id, spec.source)
    body = snapshot.body if snapshot is not None else None
    return source_outlet(spec, registry, final_url=record.final_url, body=body)


def _text_from_record(spec: SourceSpec, record: Any, outlet: str | None) -> SourceText:
    status = SourceStatus(
        source=spec.source,
        status="ok" if record.status == "ok" else "error",
        error=record.error,
        outlet=outlet,
        final_url=record.final_url,
        fetched_at=record.fetched_at.isoformat() if record.fetched_at else None,
        sha256=record.sha256,
        found_by=spec.how_found,  # discovery's provenance (worker/discovery.py)
        found_via=spec.found_via,
        archived_at=spec.archived_at,
    )
    return SourceText(spec, status, record.text)


def _error_text(spec: SourceSpec, reason: str) -> SourceText:
    return SourceText(
        spec, SourceStatus(source=spec.source, status="error", error=reason, outlet=spec.name)
    )


def _describe(exc: BaseException) -> str:
    from celery.exceptions import TimeLimitExceeded

    if isinstance(exc, SoftTimeLimitExceeded | TimeLimitExceeded):
        return _over_time_limit()
    reason = getattr(exc, "reason", None)
    if isinstance(exc, QuotetrailError) or reason:
        return str(reason or exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def _over_time_limit() -> str:
    return f"took longer than the task time limit ({runtime.settings().soft_time_limit:g} s)"

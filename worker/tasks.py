"""The job as Celery tasks: thin wrappers over the pipeline's stages.

    extract(job) ──► fetch_source(job, [source indices]) × batches ──► finalize(job) ──► webhook(job)
      read article,     one task per host batch: fetch,         evaluate all quotes,
      quotes, sources;  retry, keep the evidence                store the report; or first
      pasted sources                                            discover(job) ─► finalize
      saved at once                                             (worker/discovery.py)

    a small job (QUOTETRAIL_INLINE_PAIRS): extract fetches the first host batch itself and
    the task that saves the last source judges at once — one task, no queue hop

Messages carry ids only: `extract` stores the plan (quotes, labelled sources, pasted
texts) with the job, and every later task reads it from the store (or from this
process's small plan cache). Each task talks to the store in a few narrow statements
(quotetrail/store/jobpath.py); a batch's sources are saved together, and the save says
how many of the job's sources are done, so no task re-reads the job to know.

Every task is idempotent, keyed by job (and source): it first reads the job's status
in the store (a canceled or finished job stops it), and saving upserts the same rows.
The save that completes the job's sources moves it on: a small job is judged right
there (should that fail or hit the time limit, finalize is queued and starts afresh),
a big one gets a finalize task. Finalize sends `discover` first when the plan asks for
it and it has something to look for (a credited outlet, a dead page, a search
provider); discovery grows the plan and sends finalize back; a duplicate finalize finds
the job finished and does nothing. A host that is busy re-queues its batch with a
countdown (fair scheduling: no worker sleeps on a host other jobs do not need). Were a
worker killed mid-way, the unacknowledged message comes back and the task redoes what
was not saved.

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
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from threading import Lock
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
        """The batch's sources end unverifiable with the reason — except those saved before
        the failure (say, sending finalize failed): a good fetch is never overwritten."""
        plan = job_plan(job_id)
        if plan is None:
            return
        saved = {record.source for record in runtime.store().get_sources(job_id)}
        specs = [plan.specs[i] for i in rest[0] if plan.specs[i].source not in saved]
        items = [_item(spec, _error_text(spec, reason), None, None) for spec in specs]
        if runtime.store().save_sources(job_id, items).complete:
            _send(FINALIZE, job_id)  # never judged inline from a failure handler


# --- the tasks ---------------------------------------------------------------------


@app.task(bind=True, base=JobTask, name=EXTRACT)
def extract(self: JobTask, job_id: str) -> str:
    store = runtime.store()
    job = store.task_job(job_id, with_request=True, with_plan=False)
    if job is None or job.status not in ("queued", "running"):
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
    callback = webhooks.callback_url(job.request) is not None
    payload = {**plan.to_dict(), "callback": callback}
    started = store.begin_job(
        job_id,
        plan=payload,
        quotes_total=len(plan.quotes),
        sources_total=len(plan.specs),
        article={**plan.article, "text": plan.text},
    )
    if not started:
        return "canceled"
    remember_plan(job_id, plan, callback)
    # A redelivered or re-sent extract: what an earlier run saved is not fetched again.
    saved = {r.source for r in store.get_sources(job_id)} if job.status == "running" else set()
    pending = [i for i, spec in enumerate(plan.specs) if spec.source not in saved]
    _progress(job_id, "fetching", sources=len(plan.specs))
    pasted = [i for i in pending if plan.specs[i].kind != "url"]
    urls = [i for i in pending if plan.specs[i].kind == "url"]
    complete = not pending
    if pasted:  # nothing to fetch: read and saved here, in one batch
        registry = service_registry()
        items = [
            _item(plan.specs[i], read_source(plan.specs[i], None, registry), None, None)
            for i in pasted
        ]
        complete = store.save_sources(job_id, items).complete
    if complete:
        return _sources_done(job_id, plan)
    batches = host_batches(plan, urls)
    here = batches.pop(0) if batches and is_small(plan) else None
    for batch in batches:  # sent first: other workers fetch them while this one fetches
        _send(FETCH_SOURCE, job_id, batch)
    if here is None:
        return f"{len(urls)} source(s) sent"
    try:
        return fetch_batch(job_id, plan, here, attempt=0, inline=True)
    except Exception:  # a store or broker hiccup: the batch goes its usual way, as a task
        log.warning("fetching %s's first batch here failed; sent as a task", job_id, exc_info=True)
        _send(FETCH_SOURCE, job_id, here)
        return f"{len(urls)} source(s) sent"


@app.task(bind=True, base=SourceTask, name=FETCH_SOURCE)
def fetch_source(self: SourceTask, job_id: str, indices: list[int]) -> str:
    store = runtime.store()
    plan = job_plan(job_id)
    if plan is not None and (self.request.eta or self.request.retries):
        # Back after a countdown (busy host, retry): the job may have been canceled
        # meanwhile, and a cached plan is no proof it still runs. One SELECT says.
        job = store.task_job(job_id, with_plan=False)
        if job is None or job.status != "running":
            forget_plan(job_id)
            plan = None
    if plan is None:
        return "skipped"
    return fetch_batch(job_id, plan, indices, attempt=self.request.retries)


def fetch_batch(
    job_id: str, plan: Plan, indices: list[int], *, attempt: int, inline: bool = False
) -> str:
    """Fetch and save one host batch (the body of `fetch_source`; `extract` runs a small
    job's first batch itself). Busy hosts and retryable errors go back to the queue with
    a countdown; the save that completes the job's sources moves the job on.

    `inline`: run inside another task, whose time limit also covered the article. Pages
    that limit cut short are sent on as their own fetch_source (with a time limit of its
    own) instead of being saved as over the limit.
    """
    store = runtime.store()
    specs = [plan.specs[i] for i in indices]
    registry = service_registry()
    recorders = [RecordingFetcher() for _ in specs]
    reads = _read_all(specs, recorders, registry)
    items, busy, again, unfinished = [], [], [], []
    delays: list[float] = []
    for index, spec, read, recorder in zip(indices, specs, reads, recorders, strict=True):
        if isinstance(recorder.error, PolitenessTimeout):
            # Fair scheduling: the host is busy, so this worker goes on with other jobs;
            # the same attempt (not counted as a retry) comes back when a slot is free.
            busy.append(index)
            delays.append(recorder.error.retry_after or 0.5)
            continue
        if (read is None or recorder.timed_out) and inline:
            unfinished.append(index)
            continue
        if read is None or recorder.timed_out:
            read = _error_text(spec, _over_time_limit())
        elif read.status.status == "error":
            delay = retry_delay(recorder.error, attempt)
            if delay is not None:
                again.append((index, delay))
                continue
            if recorder.error is not None and recorder.error.retryable:
                read = _error_text(
                    spec, f"{read.status.error} (gave up after {attempt + 1} attempts)"
                )
        items.append(_item(spec, read, recorder.result, recorder.error))
    if unfinished:
        _send(FETCH_SOURCE, job_id, unfinished)
    if busy:
        _send_later(job_id, busy, max(delays), attempt=attempt)
    if again:
        _send_later(job_id, [i for i, _ in again], max(d for _, d in again), attempt=attempt + 1)
    if not items:
        store.touch_job(job_id)  # heartbeat: the job is waiting on its sources, not stale
        return "re-queued"
    outcome = store.save_sources(job_id, items)
    if not outcome.saved:
        return "canceled"
    _progress(job_id, "fetched", sources=outcome.sources_done)
    if outcome.complete:
        return _sources_done(job_id, plan)
    return f"{len(items)} saved, {len(busy) + len(again) + len(unfinished)} re-queued"


def is_small(plan: Plan) -> bool:
    """Whether the job runs in as few tasks as it can (QUOTETRAIL_INLINE_PAIRS)."""
    return len(plan.quotes) * len(plan.specs) <= runtime.settings().inline_pairs


def _sources_done(job_id: str, plan: Plan) -> str:
    """Every source is saved: a small job is judged here, in the task that saved the last
    one (one queue hop fewer); a big one gets finalize's own task and time limit. Should
    judging here fail or run out of time, finalize is queued and does it again, so the
    job still ends with a report or a reason."""
    if not is_small(plan):
        _send(FINALIZE, job_id)
        return "sources done"
    try:
        return f"sources done; {finish(job_id)}"
    except Exception:  # includes the soft time limit: finalize's own task starts afresh
        log.warning("judging %s inline failed; finalize queued", job_id, exc_info=True)
        _send(FINALIZE, job_id)
        return "sources done; finalize queued"


@app.task(bind=True, base=JobTask, name=FINALIZE)
def finalize(self: JobTask, job_id: str, after_discovery: bool = False) -> str:
    return finish(job_id, after_discovery=after_discovery)


def finish(job_id: str, *, after_discovery: bool = False) -> str:
    """Judge every quote against the stored sources and store the report — or, when the
    job asks for discovery and it has something to look for (a credited outlet, a dead
    page), hand over to the discovery stage first, which sends finalize back."""
    from quotetrail.pipeline import judge_all

    store = runtime.store()
    entry = plan_entry(job_id)
    if after_discovery and entry is not None and not entry[0].discovered:
        forget_plan(job_id)  # discovery grew the plan, maybe in another process: read it
        entry = plan_entry(job_id)
    if entry is None:
        return "skipped"
    plan, callback = entry
    texts, missing = stored_texts(job_id, plan, service_registry())
    if missing:
        return "waiting"  # a fetch is still out; its own completion check sends us again
    if plan.discover and not plan.discovered and _discovery_has_work(plan, texts):
        from worker.discovery import DISCOVER  # registers the task in this process

        _send(DISCOVER, job_id)
        return "discovering"
    report = judge_all(
        plan.quotes, texts, plan.article, plan.searches, on_quote=_judged_counter(job_id)
    )
    status = store.complete_job(job_id, report.to_dict())  # the write is the status check
    forget_plan(job_id)
    if status is None:
        return "skipped"
    _progress(job_id, status)
    if callback:
        _send(WEBHOOK, job_id)
    return status


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


def _read_all(specs: list[SourceSpec], recorders: list[RecordingFetcher], registry: Any) -> list:
    """Read a batch at once (one thread per source; the host allows that many). At the
    soft time limit, what finished is kept and the rest is None: one hanging page must not
    take its batch-mates' results (or their retries) with it."""
    pool = ThreadPoolExecutor(max_workers=max(1, len(specs)))
    futures = [
        pool.submit(read_source, s, r, registry) for s, r in zip(specs, recorders, strict=True)
    ]
    try:
        return [future.result() for future in futures]
    except SoftTimeLimitExceeded:
        return [f.result() if f.done() and not f.exception() else None for f in futures]
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


# --- the plan, read once per process -------------------------------------------------

_PLANS: OrderedDict[str, tuple[Plan, bool]] = OrderedDict()  # job → (plan, has callback)
_PLANS_LOCK = Lock()
PLAN_CACHE_SIZE = 64


def remember_plan(job_id: str, plan: Plan, callback: bool = False) -> None:
    with _PLANS_LOCK:
        _PLANS[job_id] = (plan, callback)
        _PLANS.move_to_end(job_id)
        while len(_PLANS) > PLAN_CACHE_SIZE:
            _PLANS.popitem(last=False)


def forget_plan(job_id: str) -> None:
    with _PLANS_LOCK:
        _PLANS.pop(job_id, None)


def job_plan(job_id: str) -> Plan | None:
    """The job's plan while it is running: from this process's cache, else one SELECT.
    A cached plan is not proof the job still runs: the write that follows is the check."""
    entry = plan_entry(job_id)
    return entry[0] if entry is not None else None


def plan_entry(job_id: str) -> tuple[Plan, bool] | None:
    """(plan, whether the job has a callback URL), cached or read in one SELECT."""
    with _PLANS_LOCK:
        cached = _PLANS.get(job_id)
    if cached is not None:
        return cached
    job = runtime.store().task_job(job_id)
    if job is None or job.status != "running" or job.plan is None:
        return None
    plan = Plan.from_dict(job.plan)
    callback = bool(job.plan.get("callback"))
    remember_plan(job_id, plan, callback)
    return plan, callback


def host_batches(plan: Plan, indices: list[int]) -> list[list[int]]:
    """URL sources grouped by host, at most the per-host concurrency in a batch: one task
    fetches a batch at once (the host allows that many) and saves it in one write."""
    size, _interval = runtime.settings().host_limits()
    by_host: dict[str, list[int]] = {}
    for i in indices:
        by_host.setdefault(_host_key(plan.specs[i].value), []).append(i)
    return [group[n : n + size] for group in by_host.values() for n in range(0, len(group), size)]


def _host_key(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def fail_and_notify(job_id: str, reason: str) -> None:
    job = runtime.store().fail_job(job_id, reason)
    if job.status == "failed" and job.error == reason[:4000]:
        _progress(job_id, "failed", error=reason)
        if webhooks.callback_url(job.request):
            _send(WEBHOOK, job_id)
    forget_plan(job_id)


def notify(job_id: str) -> None:
    job = runtime.store().get_job(job_id)
    if job is not None and webhooks.callback_url(job.request):
        _send(WEBHOOK, job_id)


def _discovery_has_work(plan: Plan, texts: list[SourceText]) -> bool:
    """Whether the discovery stage would look for anything (a quote crediting an outlet,
    a dead web source, a search provider): a job that gives its sources and credits no
    outlet skips the stage, its queue hop and its fetcher set-up. Its report is the same:
    discovery with nothing to look for adds no source and no search."""
    from quotetrail.discover.options import has_work

    return has_work(plan.quotes, texts)


def _judged_counter(job_id: str, every: float = JUDGED_INTERVAL):
    """`on_quote` for evaluate: the job's quotes_done follows the judging as it happens
    (written at most every `every` seconds; the end is written with the report), so live
    progress moves during a long evaluation instead of jumping from 0 to N at the end,
    and a short one costs no database statement at all."""
    last: list[float | None] = [None]

    def judged(done: int, total: int) -> None:
        now = time.monotonic()
        if last[0] is None:
            last[0] = now  # judging started
        if done >= total or now - last[0] < every:
            return  # the final count is written with the report itself (complete_job)
        last[0] = now
        runtime.store().set_progress(job_id, quotes_done=done, quotes_total=total)
        _progress(job_id, "judged", quotes_done=done, quotes_total=total)

    return judged


def _progress(job_id: str, stage: str, **fields: Any) -> None:
    progress.publish(runtime.redis_client(), job_id, stage, prefix=runtime.redis_prefix(), **fields)


def _send_later(job_id: str, indices: list[int], wait: float, *, attempt: int) -> None:
    """Send a fetch_source for `indices` after `wait` s (jittered), as attempt number
    `attempt` (the same for a busy-host re-queue, one more for a retry)."""
    countdown = round(max(0.05, wait) * random.uniform(1.0, 1.5), 3)
    app.send_task(
        FETCH_SOURCE,
        args=[job_id, indices],
        countdown=countdown,
        task_id=task_id(job_id, FETCH_SOURCE),
        retries=attempt,
    )


def _send(name: str, job_id: str, *args: Any) -> None:
    app.send_task(name, args=[job_id, *args], task_id=task_id(job_id, name))


def _item(spec: SourceSpec, read: SourceText, result: Any, error: Any) -> dict[str, Any]:
    """One source's row for save_sources: what was fetched (final URL, status, time, hash,
    raw bytes) — the evidence — or why not."""
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
    return {
        "source": spec.source,
        "status": read.status.status,
        "error": read.status.error,
        "text": read.text,
        **evidence,
    }


def source_outlet_of(
    job_id: str, spec: SourceSpec, record: Any, registry: Any, bodies: dict | None = None
) -> str | None:
    """The source's outlet exactly as `read_source` names it in the CLI: from its label or
    address, else from the stored page itself (`bodies`, read in one query when needed)."""
    outlet = source_outlet(spec, registry, final_url=record.final_url)
    if outlet is not None or not record.body_size or spec.kind != "url":
        return outlet
    if bodies is not None:
        body = bodies.get(spec.source)
    else:
        snapshot = runtime.store().get_snapshot(job_id, spec.source)
        body = snapshot.body if snapshot is not None else None
    return source_outlet(spec, registry, final_url=record.final_url, body=body)


def stored_sources(job_id: str, plan: Plan, registry: Any) -> tuple[dict, dict]:
    """(the job's stored sources by source, raw pages by source) in one query. Pages are
    read only when a web source's outlet is not known from its address: then the page
    itself may name it (canonical URL, og:site_name). A redirect to a registry outlet's
    address needs no page, but is only known once the records are read; reading the pages
    with them costs less than a second query."""
    with_body = any(
        spec.kind == "url" and source_outlet(spec, registry) is None for spec in plan.specs
    )
    rows = runtime.store().get_sources(job_id, with_body=with_body)
    records = {row.source: row for row in rows}
    return records, {row.source: row.body for row in rows if row.body is not None}


def stored_texts(job_id: str, plan: Plan, registry: Any) -> tuple[list[SourceText], int]:
    """The plan's stored sources as the pipeline reads them (one query), and how many of
    its sources are not stored yet (a fetch still out). Finalize and discovery both start here."""
    records, bodies = stored_sources(job_id, plan, registry)
    texts = [
        _text_from_record(
            spec,
            records[spec.source],
            source_outlet_of(job_id, spec, records[spec.source], registry, bodies),
        )
        for spec in plan.specs
        if spec.source in records
    ]
    return texts, len(plan.specs) - len(texts)


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

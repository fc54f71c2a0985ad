"""The discovery stage of a job: between the fetches and finalize.

    extract ─► fetch_source × N ─► finalize ─► discover(job) ─► finalize(job) ─► webhook
                                    (gate)     │ stored sources + plan ─► quotetrail.discover
                                               │ (listings cached in Redis, politeness shared
                                               │  through Redis by the worker's fetcher)
                                               └► found pages and archived copies saved as the
                                                  job's sources; searches[] rides to finalize

Messages carry the job id only: the task reads the plan from the store, saves the pages
it found as the job's sources, and stores the grown plan (its specs, searches[] and
`discovered`) for finalize. The task is idempotent: a redelivery after the plan was
grown only sends finalize; before that, it searches again (listings come from the
cache, pages from the fetch cache) and saving upserts the same (job, source) rows; a
finished or canceled job stops it. What ends it: every outlet searched within the
caps, or the stage's time limit (QUOTETRAIL_DISCOVERY_TIME_LIMIT, default 300 s) or an
unexpected error — then finalize runs with the fetched sources alone and an empty
searches[], so credited outlets stay `unverifiable`, never wrongly `not_found`.
A request with `"discover": false` skips the stage, and so does a job with nothing to
look for (no credited outlet, no dead page, no search provider): finalize decides, once
every source is saved, whether to send this task or to judge at once.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import replace
from datetime import date
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded

from quotetrail.discover.cache import FRESH_TTL, ListingCache, MemoryListingCache
from quotetrail.discover.listed import Listed
from quotetrail.pipeline import SourceSpec, SourceText
from worker import runtime
from worker.celery_app import app
from worker.tasks import (
    FINALIZE,
    JobTask,
    _progress,
    forget_plan,
    plan_entry,
    remember_plan,
    stored_texts,
)

log = logging.getLogger("quotetrail.worker")

DISCOVER = "quotetrail.discover"
FINAL_TTL = 30 * 24 * 3600  # past days' listings: kept a month
TIME_LIMIT = float(os.environ.get("QUOTETRAIL_DISCOVERY_TIME_LIMIT", "300") or 300)


def wanted(request: dict[str, Any] | None) -> bool:
    """Discovery is on unless the request says `"discover": false`."""
    return not (isinstance(request, dict) and request.get("discover") is False)


class RedisListingCache:
    """Listings in Redis, shared by every worker (a miss or a Redis error is just a miss)."""

    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.prefix = prefix

    def _key(self, key: str) -> str:
        import hashlib

        return f"{self.prefix}:listing:{hashlib.sha256(key.encode('utf-8')).hexdigest()}"

    def get(self, key: str) -> list[Listed] | None:
        try:
            raw = self.client.get(self._key(key))
            return None if raw is None else [Listed.from_dict(x) for x in json.loads(raw)]
        except Exception:
            return None

    def put(self, key: str, items: list[Listed], *, final: bool) -> None:
        data = json.dumps([x.to_dict() for x in items], ensure_ascii=False)
        try:
            self.client.set(self._key(key), data, ex=FINAL_TTL if final else int(FRESH_TTL))
        except Exception:
            log.warning("listing cache: could not store %s", key)


def listing_cache() -> ListingCache:
    client = runtime.redis_client()
    if client is None:
        return MemoryListingCache()
    return RedisListingCache(client, runtime.redis_prefix())


@app.task(
    bind=True,
    base=JobTask,  # store/Redis hiccups retried; a final failure fails the job with its reason
    name=DISCOVER,
    soft_time_limit=TIME_LIMIT,
    time_limit=TIME_LIMIT + 30,
)
def discover_job(self: Any, job_id: str) -> str:
    from quotetrail.discover import DiscoveryOptions, discover
    from worker.plan import service_registry

    store = runtime.store()
    entry = plan_entry(job_id)
    if entry is None:
        return "skipped"
    plan, callback = entry
    if plan.discovered:  # a redelivery after the plan was grown: only finalize is left
        _send(FINALIZE, job_id, True)
        return "already discovered"
    registry = service_registry()
    texts, _ = stored_texts(job_id, plan, registry)  # one query, not one a page
    article = plan.article
    given = article.get("date") if article.get("date_source") != "none" else None
    window = article.get("window") or {}
    options = DiscoveryOptions(
        date=date.fromisoformat(given) if given else None,
        window=f"{window['from']}..{window['to']}" if window else None,
        cache=listing_cache(),
        note=lambda text: _progress(job_id, "discovering", note=text),
    )
    _progress(job_id, "discovering")
    try:
        found = discover(
            plan.quotes,
            texts,
            text=plan.text or "",
            html=None,
            url=article.get("url"),
            fetcher=runtime.fetcher(),
            registry=registry,
            options=options,
        )
    except SoftTimeLimitExceeded:
        return _finish(job_id, plan, callback, (), [], "cut short")
    except Exception:  # a discovery bug must not lose the job: judge what was fetched
        log.exception("discovery for %s failed; finalizing without it", job_id)
        return _finish(job_id, plan, callback, (), [], "failed; finalized without discovery")
    specs = list(plan.specs)
    items = []
    for i, copy in found.replaced.items():
        items.append(_item(copy))
        specs[i] = replace(copy.spec, value=plan.specs[i].value)
    for page in found.sources:
        items.append(_item(page))
        specs.append(page.spec)
    if items:
        store.save_sources(job_id, items)
    grown = replace(plan, specs=tuple(specs))
    return _finish(
        job_id, grown, callback, found.searches, items, f"{len(found.sources)} page(s) found"
    )


def _finish(
    job_id: str, plan: Any, callback: bool, searches: Any, items: list, outcome: str
) -> str:
    """Store the grown plan (with searches[] and `discovered`), then send finalize."""
    done = replace(plan, discovered=True, searches=tuple(dict(x) for x in searches))
    payload = {**done.to_dict(), "callback": callback}
    if not runtime.store().replace_plan(job_id, payload, sources_total=len(done.specs)):
        forget_plan(job_id)
        return "canceled"
    remember_plan(job_id, done, callback)
    _send(FINALIZE, job_id, True)  # after_discovery: a process with the old plan reads it again
    return outcome


def _item(read: SourceText) -> dict[str, Any]:
    """A discovered page (or archived copy) as one of the job's sources, with its snapshot."""
    status = read.status
    return {
        "source": read.spec.source,
        "status": status.status,
        "error": status.error,
        "text": read.text,
        "final_url": status.final_url,
        "http_status": read.http_status,
        "content_type": read.content_type,
        "fetched_at": status.fetched_at,
        "sha256": status.sha256,
        "body": read.body,
    }


def _send(name: str, job_id: str, *args: Any) -> None:
    from worker import tasks  # one way out for every stage's messages

    tasks._send(name, job_id, *args)


__all__ = ["DISCOVER", "RedisListingCache", "SourceSpec", "discover_job", "wanted"]

"""Accepting a job: the one path shared by POST /v1/jobs and the dashboard's submit form.

Both must refuse the same URLs, store the job durably before answering, and enqueue it
the same way, so the rule lives here and not in either shell.
"""

from __future__ import annotations

import logging
from typing import Any

from api.context import ApiContext
from api.problems import validation_problem
from api.schemas import JobIn
from api.url_policy import check_url
from quotetrail.store import JobRecord

log = logging.getLogger("quotetrail.api")


def accept_job(
    body: JobIn,
    context: ApiContext,
    *,
    owner: str | None,
    idempotency_key: str | None = None,
    audit: dict[str, Any] | None = None,
) -> tuple[JobRecord, bool]:
    """Check the URLs, store the job (with its audit entry, in one transaction), enqueue
    it when new; (job, created)."""
    check_urls(body, context)
    job, created = context.store.create_job(
        body.to_request(), idempotency_key=idempotency_key, owner=owner, audit=audit
    )
    if created:
        enqueue(context, job.id)
    return job, created


def check_urls(body: JobIn, context: ApiContext) -> None:
    named: list[tuple[str, list[Any], str]] = []
    if body.article is not None and body.article.url is not None:
        named.append(("/article/url", ["body", "article", "url"], body.article.url))
    for i, source in enumerate(body.sources):
        if source.url is not None:
            named.append((f"/sources/{i}/url", ["body", "sources", i, "url"], source.url))
    if body.callback_url is not None:
        named.append(("/callback_url", ["body", "callback_url"], body.callback_url))
    errors = []
    for pointer, loc, url in named:
        refusal = check_url(url, context.resolver)
        if refusal is not None:
            errors.append(
                {
                    "pointer": pointer,
                    "loc": loc,
                    "message": refusal.reason,
                    "type": "url_not_allowed",
                }
            )
    if errors:
        raise validation_problem(errors)


def enqueue(context: ApiContext, job_id: str) -> None:
    # The job is already committed; if the broker is down the worker's sweep re-sends it.
    try:
        context.dispatcher.enqueue(job_id)
    except Exception:
        log.exception("could not enqueue job %s; the sweep will retry it", job_id)

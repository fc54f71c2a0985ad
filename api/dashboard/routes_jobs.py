"""The article list (filters, search, live status) and the submit form."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from api.dashboard.app import dashboard_of, href, redirect, render, t_for
from api.dashboard.article import SHOWN_VERDICTS
from api.dashboard.auth import CsrfForm, CurrentUser
from api.dashboard.jobdata import article_url, job_title
from api.dashboard.panel import outlet_display, outlet_terms
from api.dashboard.submit import Submission, SubmitRefused, create_job
from quotetrail.core.models import VERDICTS
from quotetrail.store import JOB_STATUSES, BadCursor
from quotetrail.store.reviews import ARTICLE_STATES
from quotetrail.store.workflow import WorkflowStore, reviewed_counts

log = logging.getLogger("quotetrail.dashboard")
router = APIRouter()

PAGE_SIZE = 50
SCAN_LIMIT = 1000  # jobs looked at when filtering on review state or text


# -- list ---------------------------------------------------------------------------------


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _matches(
    row: dict[str, Any], q: str, review: str, needs_review: bool, mine: str | None
) -> bool:
    job = row["job"]
    if mine is not None and row["assignee"] != mine:
        return False
    if needs_review and (job.status != "succeeded" or row["state"] == "reviewed"):
        return False
    if review and row["state"] != review:
        return False
    if q:
        haystack = search_text(row)
        return all(word in haystack for word in q.lower().replace("ё", "е").split())
    return True


def search_text(row: dict[str, Any]) -> str:
    """What the list's search looks in: title, addresses, quote texts, speakers, and every
    name of every outlet involved (aliases in either language, domains)."""
    job = row["job"]
    result = job.result or {}
    outlets = {*job.cited_outlets}
    parts = [row["title"], row["url"] or "", job.id, job.owner or ""]
    for quote in result.get("quotes") or []:
        parts += [quote.get("text") or "", quote.get("speaker") or ""]
        outlets.add(quote.get("cited_source") or "")
    for source in result.get("sources") or []:
        parts += [source.get("source") or "", source.get("final_url") or ""]
        outlets.add(source.get("outlet") or "")
    for outlet in outlets - {""}:
        parts += outlet_terms(outlet)
    return " ".join(" ".join(str(p).split()) for p in parts).lower().replace("ё", "е")


@router.get("/jobs")
def jobs(
    request: Request,
    user: CurrentUser,
    q: str = "",
    status: str = "",
    verdict: str = "",
    review: str = "",
    outlet: str = "",
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
    needs_review: str = "",
    mine: str = "",
    cursor: str = "",
):
    dashboard = dashboard_of(request)
    status = status if status in JOB_STATUSES else ""
    verdict = verdict if verdict in VERDICTS else ""
    review = review if review in ARTICLE_STATES else ""
    local_filter = bool(q.strip() or review or needs_review or mine)
    assignee = user.username if mine else None
    rows: list[dict[str, Any]] = []
    scanned, next_cursor = 0, cursor or None
    while True:
        try:
            page, next_cursor = dashboard.store.list_jobs(
                status=status or None,
                outlet=outlet.strip() or None,
                verdict=verdict or None,
                submitted_from=_date(date_from),
                submitted_to=_date(date_to),
                cursor=next_cursor,
                limit=PAGE_SIZE,
            )
        except BadCursor:  # a cursor this store did not make: start from the top
            page, next_cursor = [], None
        scanned += len(page)
        states = dashboard.reviews.article_states(j.id for j in page)
        assignees = dashboard.reviews.article_assignees(j.id for j in page)
        in_force = WorkflowStore(dashboard.store).reviews_in_force(j.id for j in page)
        for job in page:
            row = {
                "job": job,
                "title": job_title(job),
                "url": article_url(job),
                "state": states[job.id].state,
                "assignee": assignees.get(job.id),
                # the verdicts in force: a reviewer's where there is one, dismissals left out
                "counts": reviewed_counts(
                    (job.result or {}).get("quotes") or [],
                    in_force.get(job.id, {}),
                    SHOWN_VERDICTS,
                ),
            }
            if _matches(row, q.strip(), review, bool(needs_review), assignee):
                rows.append(row)
        if not local_filter or len(rows) >= PAGE_SIZE or not next_cursor or scanned >= SCAN_LIMIT:
            break
    next_url = None
    if next_cursor:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
        next_url = href(request, "/jobs?" + urlencode([*params, ("cursor", next_cursor)]))
    filters = {
        "q": q,
        "status": status,
        "verdict": verdict,
        "review": review,
        "outlet": outlet,
        "date_from": date_from if _date(date_from) else "",
        "date_to": date_to if _date(date_to) else "",
        "needs_review": bool(needs_review),
        "mine": bool(mine),
    }
    context = {
        "nav": "jobs",
        "rows": rows,
        "filters": filters,
        "statuses": JOB_STATUSES,
        "states": ARTICLE_STATES,
        "next_url": next_url,
        "outlet_name": lambda name: outlet_display(name, request.state.lang),
    }
    return render(request, "jobs.html", context)


# -- submit -------------------------------------------------------------------------------


@router.get("/submit")
def submit_page(request: Request, user: CurrentUser):
    return render(request, "submit.html", {"nav": "submit", "form": Submission(), "errors": []})


@router.post("/submit")
def submit(request: Request, user: CurrentUser, form: CsrfForm):
    t = t_for(request)
    submission = Submission.from_form(form)
    body = submission.request()
    if body is None:
        errors = [t(key, **values) for key, values in submission.errors]
        context = {"nav": "submit", "form": submission, "errors": errors}
        return render(request, "submit.html", context, status=400)
    dashboard = dashboard_of(request)
    audit = {
        "actor": user.username,
        "action": "job.submitted",
        "after": {"request": _summary(body)},
    }
    try:
        job = create_job(dashboard, body, owner=user.username, audit=audit)
    except SubmitRefused as exc:
        errors = [t("submit.failed", reason=message) for message in exc.messages]
        context = {"nav": "submit", "form": submission, "errors": errors}
        return render(request, "submit.html", context, status=400)
    except Exception:  # the database is down: say so, keep the form, log the details
        log.exception("dashboard could not create a job")
        errors = [t("submit.failed", reason=t("submit.unavailable"))]
        context = {"nav": "submit", "form": submission, "errors": errors}
        return render(request, "submit.html", context, status=503)
    return redirect(request, f"/jobs/{job.id}")


def _summary(body: dict[str, Any]) -> dict[str, Any]:
    article = body.get("article", {})
    kind = next(iter(article), "text")
    return {
        "article": kind,
        "url": article.get("url"),
        "chars": len(article.get(kind, "")),
        "sources": len(body.get("sources", [])),
        "quotes": len(body.get("quotes", [])),
    }

"""Article list, submission, the article view with its quote panels, and review actions."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import FormData

from api.dashboard.app import dashboard_of, flash, href, redirect, render, t_for
from api.dashboard.article import diff_pieces, source_statuses
from api.dashboard.auth import CsrfForm, CurrentUser, Editor, Reviewer
from api.dashboard.jobdata import article_url, job_page, job_title, load_job
from api.dashboard.security import SNAPSHOT_POLICY
from api.dashboard.submit import Submission, SubmitRefused, create_job, is_web_url
from quotetrail.core.models import VERDICTS
from quotetrail.store import JOB_STATUSES
from quotetrail.store.reviews import ARTICLE_STATES, ReviewError
from quotetrail.store.users import User

router = APIRouter()

PAGE_SIZE = 50
SCAN_LIMIT = 1000  # jobs looked at when filtering on review state or text


# -- list ---------------------------------------------------------------------------------


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _matches(row: dict[str, Any], q: str, review: str, needs_review: bool) -> bool:
    job = row["job"]
    if needs_review and (job.status != "succeeded" or row["state"] == "reviewed"):
        return False
    if review and row["state"] != review:
        return False
    if q:
        haystack = " ".join(
            [row["title"], row["url"] or "", job.id, *job.cited_outlets, job.owner or ""]
        ).lower()
        return all(word in haystack for word in q.lower().split())
    return True


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
    cursor: str = "",
):
    dashboard = dashboard_of(request)
    status = status if status in JOB_STATUSES else ""
    verdict = verdict if verdict in VERDICTS else ""
    review = review if review in ARTICLE_STATES else ""
    local_filter = bool(q.strip() or review or needs_review)
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
        except ValueError:  # a cursor this store did not make
            page, next_cursor = [], None
        scanned += len(page)
        states = dashboard.reviews.article_states(j.id for j in page)
        assignees = dashboard.reviews.article_assignees(j.id for j in page)
        for job in page:
            row = {
                "job": job,
                "title": job_title(job),
                "url": article_url(job),
                "state": states[job.id].state,
                "assignee": assignees.get(job.id),
                "counts": {v: job.verdict_counts[v] for v in VERDICTS if job.verdict_counts.get(v)},
            }
            if _matches(row, q.strip(), review, bool(needs_review)):
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
    }
    context = {
        "nav": "jobs",
        "rows": rows,
        "filters": filters,
        "statuses": JOB_STATUSES,
        "states": ARTICLE_STATES,
        "next_url": next_url,
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
    try:
        job = create_job(dashboard, body, owner=user.username)
    except SubmitRefused as exc:
        errors = [t("submit.failed", reason=message) for message in exc.messages]
        context = {"nav": "submit", "form": submission, "errors": errors}
        return render(request, "submit.html", context, status=400)
    except Exception as exc:  # the database is down: say so, keep the form
        context = {"nav": "submit", "form": submission, "errors": [t("submit.failed", reason=exc)]}
        return render(request, "submit.html", context, status=503)
    dashboard.store.append_audit(
        actor=user.username,
        action="job.submitted",
        job_id=job.id,
        after={"request": _summary(body)},
    )
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


# -- the article view -------------------------------------------------------------------------


def _source_links(request: Request, job) -> list[dict[str, Any]]:
    """Each source with its status, a live link (http(s) only) and its stored-copy link."""
    stored = {s.source: s for s in dashboard_of(request).store.get_sources(job.id)}
    links = []
    for source, status in source_statuses(job.result).items():
        record = stored.get(source)
        live = status.get("final_url") or source
        snapshot = None
        if record is not None and (record.body_size or record.text):
            snapshot = href(request, f"/jobs/{job.id}/snapshot?" + urlencode({"source": source}))
        links.append(
            {
                "source": source,
                "status": status.get("status"),
                "error": status.get("error"),
                "live": live if is_web_url(live) else None,
                "snapshot": snapshot,
            }
        )
    return links


def render_job(request: Request, user: User, job, selected: int | None = None, status: int = 200):
    t = t_for(request)
    page = job_page(request, job, t)
    sources = _source_links(request, job) if job.status == "succeeded" else []
    if selected is not None and not 1 <= selected <= len(page.view.quotes):
        selected = None
    assignable = [u for u in dashboard_of(request).users.list() if not u.disabled]
    article_assignee = page.assignments.get(None)
    context = {
        "nav": "jobs",
        "job": job,
        "title": job_title(job),
        "article_url": article_url(job),
        "view": page.view,
        "state": page.state,
        "audit": page.audit,
        "sources": sources,
        "source_map": {s["source"]: s for s in sources},
        "selected": selected,
        "assignable": assignable,
        "article_assignee": article_assignee.assignee if article_assignee else None,
        "can_edit": user.can("editor"),
        "locked": page.state.state == "reviewed",
        "diff": diff_pieces,
    }
    return render(request, "job.html", context, status=status)


@router.get("/jobs/{job_id}")
def job_view(request: Request, job_id: str, user: CurrentUser, q: int | None = None):
    return render_job(request, user, load_job(request, job_id), selected=q)


@router.get("/jobs/{job_id}/progress")
def job_progress(request: Request, job_id: str, user: CurrentUser):
    """Polled by the page's script while the job runs."""
    job = load_job(request, job_id)
    t = t_for(request)
    return JSONResponse(
        {
            "status": job.status,
            "status_label": t(f"status.{job.status}"),
            "finished": job.finished,
            "sources_done": job.sources_done,
            "sources_total": job.sources_total,
            "quotes_done": job.quotes_done,
            "quotes_total": job.quotes_total,
            "sources_text": t("job.sources_done", done=job.sources_done, total=job.sources_total),
            "quotes_text": t("job.quotes_done", done=job.quotes_done, total=job.quotes_total),
        }
    )


@router.get("/jobs/{job_id}/snapshot")
def snapshot(request: Request, job_id: str, source: str, user: CurrentUser):
    """The page as fetched, as plain text: evidence to read, never markup to render."""
    job = load_job(request, job_id)
    record = dashboard_of(request).store.get_snapshot(job.id, source)
    if record is None:
        raise HTTPException(status_code=404)
    body = record.body if record.body is not None else (record.text or "").encode("utf-8")
    charset = _charset(record.content_type) if record.body is not None else "utf-8"
    return Response(
        body,
        media_type=f"text/plain; charset={charset}",
        headers={
            "Content-Security-Policy": SNAPSHOT_POLICY,
            "Content-Disposition": 'inline; filename="snapshot.txt"',
            "X-Quotetrail-Source-Sha256": record.sha256 or "",
        },
    )


def _charset(content_type: str | None) -> str:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        value = value.strip().strip('"')
        if name.lower() == "charset" and value.replace("-", "").replace("_", "").isalnum():
            return value
    return "utf-8"


# -- review actions -------------------------------------------------------------------------


REVIEW_ERRORS = {
    "reason_required": "review.reason_required",
    "bad_verdict": "review.bad_verdict",
    "bad_action": "review.bad_verdict",
    "locked": "review.locked",
    "reason_too_long": "review.reason_required",
}


def _finished_job(request: Request, job_id: str):
    job = load_job(request, job_id)
    if job.status != "succeeded":
        raise HTTPException(status_code=409, detail=t_for(request)("review.not_finished"))
    return job


def _quote(job, number: int) -> dict[str, Any]:
    quotes = (job.result or {}).get("quotes") or []
    if not 1 <= number <= len(quotes):
        raise HTTPException(status_code=404)
    return quotes[number - 1]


@router.post("/jobs/{job_id}/quotes/{number}/review")
def review_quote(
    request: Request,
    job_id: str,
    number: int,
    user: Reviewer,
    form: CsrfForm,
):
    job = _finished_job(request, job_id)
    quote = _quote(job, number)
    try:
        dashboard_of(request).reviews.review_quote(
            job.id,
            number - 1,
            actor=user.username,
            action=str(form.get("action", "")),
            verdict=str(form.get("verdict", "")),
            original_verdict=quote.get("verdict") or "unverifiable",
            reason=str(form.get("reason", "")),
        )
    except ReviewError as exc:
        flash(request, "error", REVIEW_ERRORS.get(exc.code, "error.title"))
        return render_job(request, user, job, selected=number, status=400)
    flash(request, "ok", "review.done")
    return redirect(request, f"/jobs/{job.id}?q={number}#panel-{number}")


def _assignee(request: Request, form: FormData) -> str | None:
    name = str(form.get("assignee", "")).strip().lower()
    found = dashboard_of(request).users.get_by_name(name)
    return found.username if found is not None and not found.disabled else None


@router.post("/jobs/{job_id}/quotes/{number}/assign")
def assign_quote(
    request: Request,
    job_id: str,
    number: int,
    user: Editor,
    form: CsrfForm,
):
    job = _finished_job(request, job_id)
    _quote(job, number)
    assignee = _assignee(request, form)
    if assignee is None:
        flash(request, "error", "review.assignee_unknown")
        return render_job(request, user, job, selected=number, status=400)
    dashboard_of(request).reviews.assign(job.id, number - 1, assignee=assignee, actor=user.username)
    flash(request, "ok", "review.done")
    return redirect(request, f"/jobs/{job.id}?q={number}#panel-{number}")


@router.post("/jobs/{job_id}/assign")
def assign_article(
    request: Request,
    job_id: str,
    user: Editor,
    form: CsrfForm,
):
    job = _finished_job(request, job_id)
    assignee = _assignee(request, form)
    if assignee is None:
        flash(request, "error", "review.assignee_unknown")
        return render_job(request, user, job, status=400)
    dashboard_of(request).reviews.assign(job.id, None, assignee=assignee, actor=user.username)
    flash(request, "ok", "review.done")
    return redirect(request, f"/jobs/{job.id}")


@router.post("/jobs/{job_id}/state")
def set_state(
    request: Request,
    job_id: str,
    user: Editor,
    form: CsrfForm,
):
    job = _finished_job(request, job_id)
    state = str(form.get("state", ""))
    if state not in ("reviewed", "in_review"):
        raise HTTPException(status_code=400, detail="unknown review state")
    dashboard_of(request).reviews.set_article_state(job.id, state, actor=user.username)
    flash(request, "ok", "review.done")
    return redirect(request, f"/jobs/{job.id}")

"""Review actions: confirm, override or dismiss ("not a quote"), comment, assign or
unassign work, sign an article off (with an explicit confirmation when quotes are left
unreviewed)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.datastructures import FormData

from api.dashboard.app import dashboard_of, flash, redirect, t_for
from api.dashboard.auth import CsrfForm, Editor, Reviewer
from api.dashboard.jobdata import job_page, load_job
from api.dashboard.routes_article import render_job
from quotetrail.store.reviews import ReviewError
from quotetrail.store.users import User
from quotetrail.store.workflow import WorkflowStore

router = APIRouter()

REVIEW_ERRORS = {
    "reason_required": "review.reason_required",
    "bad_verdict": "review.bad_verdict",
    "bad_action": "review.bad_verdict",
    "locked": "review.locked",
    "reason_too_long": "review.reason_required",
    "too_long": "review.too_long",
    "comment_empty": "comment.empty",
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
    return _done(request, job, number)


def _done(request: Request, job, number: int | None = None):
    """Back to the job page (at the quote's panel), saying the action was recorded."""
    flash(request, "ok", "review.done")
    where = f"/jobs/{job.id}" if number is None else f"/jobs/{job.id}?q={number}#panel-{number}"
    return redirect(request, where)


def _assign(request: Request, user: User, form: FormData, job, number: int | None):
    """Give quote `number` (or, with None, the whole article) to an active user, or to
    nobody (an empty choice, or the Unassign button)."""
    name = str(form.get("assignee", "")).strip().lower()
    index = None if number is None else number - 1
    if not name or form.get("unassign"):
        WorkflowStore(dashboard_of(request).store).unassign(job.id, index, actor=user.username)
        return _done(request, job, number)
    found = dashboard_of(request).users.get_by_name(name)
    if found is None or found.disabled:
        flash(request, "error", "review.assignee_unknown")
        return render_job(request, user, job, selected=number, status=400)
    dashboard_of(request).reviews.assign(
        job.id, index, assignee=found.username, actor=user.username
    )
    return _done(request, job, number)


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
    return _assign(request, user, form, job, number)


@router.post("/jobs/{job_id}/assign")
def assign_article(
    request: Request,
    job_id: str,
    user: Editor,
    form: CsrfForm,
):
    return _assign(request, user, form, _finished_job(request, job_id), None)


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
    if state == "in_review":
        dashboard_of(request).reviews.set_article_state(job.id, state, actor=user.username)
        return _done(request, job)
    view = job_page(request, job, None).view
    unreviewed = len(view.unreviewed)
    if unreviewed and form.get("confirm_unreviewed") != "1":
        warning = {"count": unreviewed, "total": len(view.counted)}
        return render_job(request, user, job, status=409, extra={"signoff": warning})
    WorkflowStore(dashboard_of(request).store).sign_off(
        job.id, actor=user.username, unreviewed=unreviewed
    )
    return _done(request, job)


@router.post("/jobs/{job_id}/quotes/{number}/dismiss")
def dismiss_quote(
    request: Request,
    job_id: str,
    number: int,
    user: Reviewer,
    form: CsrfForm,
):
    """ "Not a quote": out of counts and exports, with the reason in the audit trail."""
    job = _finished_job(request, job_id)
    quote = _quote(job, number)
    try:
        WorkflowStore(dashboard_of(request).store).dismiss(
            job.id,
            number - 1,
            actor=user.username,
            original_verdict=quote.get("verdict") or "unverifiable",
            reason=str(form.get("reason", "")),
        )
    except ReviewError as exc:
        flash(request, "error", REVIEW_ERRORS.get(exc.code, "error.title"))
        return render_job(request, user, job, selected=number, status=400)
    return _done(request, job, number)


@router.post("/jobs/{job_id}/comments")
def comment(
    request: Request,
    job_id: str,
    user: Reviewer,
    form: CsrfForm,
):
    """A comment on a quote (form field `quote`, its number) or on the article."""
    job = _finished_job(request, job_id)
    raw = str(form.get("quote", "")).strip()
    number = int(raw) if raw.isdigit() else None
    if number is not None:
        _quote(job, number)
    try:
        WorkflowStore(dashboard_of(request).store).add_comment(
            job.id,
            None if number is None else number - 1,
            author=user.username,
            body=str(form.get("body", "")),
        )
    except ReviewError as exc:
        flash(request, "error", REVIEW_ERRORS.get(exc.code, "error.title"))
        return render_job(request, user, job, selected=number, status=400)
    return _done(request, job, number)

"""The article view with its quote panels, live progress, and stored snapshots."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from api.dashboard.app import dashboard_of, href, render, t_for
from api.dashboard.article import diff_pieces, source_statuses
from api.dashboard.auth import CurrentUser
from api.dashboard.jobdata import article_url, job_page, job_title, load_job
from api.dashboard.security import SNAPSHOT_POLICY
from api.dashboard.submit import is_web_url
from api.snapshots import snapshot_body
from quotetrail.store.users import User

router = APIRouter()


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
                # discovery's provenance: how the page was found, and an archived copy's date
                "found_by": status.get("found_by"),
                "archived_at": status.get("archived_at"),
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


def progress_payload(job, t) -> dict[str, Any]:
    """A job's progress as the page's script shows it (polled JSON and live events alike)."""
    return {
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


@router.get("/jobs/{job_id}/progress")
def job_progress(request: Request, job_id: str, user: CurrentUser):
    """Polled by the page's script when live events are not available."""
    return JSONResponse(progress_payload(load_job(request, job_id), t_for(request)))


@router.get("/jobs/{job_id}/snapshot")
def snapshot(request: Request, job_id: str, source: str, user: CurrentUser):
    """The page as fetched, as plain text: evidence to read, never markup to render."""
    job = load_job(request, job_id)
    record = dashboard_of(request).store.get_snapshot(job.id, source)
    if record is None:
        raise HTTPException(status_code=404)
    body, charset = snapshot_body(record)
    return Response(
        body,
        media_type=f"text/plain; charset={charset}",
        headers={
            "Content-Security-Policy": SNAPSHOT_POLICY,
            "Content-Disposition": 'inline; filename="snapshot.txt"',
            "X-Quotetrail-Source-Sha256": record.sha256 or "",
        },
    )

"""The article view with its quote panels, live progress, and the evidence viewer.

GET /jobs/{id}            article + panels (deciding source first, others folded)
GET /jobs/{id}/progress   polled progress JSON
GET /jobs/{id}/evidence   a stored copy: capture facts, extracted text with the
                          matched passage highlighted; never the page's HTML
GET /jobs/{id}/snapshot   the raw bytes, as a text/plain download
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from api.dashboard.app import dashboard_of, href, render, t_for
from api.dashboard.article import DEFAULT_MIN_CONFIDENCE, SHOWN_VERDICTS, source_statuses
from api.dashboard.auth import CurrentUser
from api.dashboard.jobdata import article_url, job_page, job_title, load_job
from api.dashboard.panel import host_of, outlet_display, split_sources
from api.dashboard.reasons import explain
from api.dashboard.routes_export import claimreview_settings
from api.dashboard.security import SNAPSHOT_POLICY
from api.dashboard.submit import is_web_url
from api.snapshots import snapshot_body
from quotetrail.store.users import User

router = APIRouter()


def _source_links(request: Request, job) -> dict[str, dict[str, Any]]:
    """Each source with its status, a live link (http(s) only) and its viewer link."""
    stored = {s.source: s for s in dashboard_of(request).store.get_sources(job.id)}
    links = {}
    for source, status in source_statuses(job.result).items():
        record = stored.get(source)
        live = status.get("final_url") or source
        viewer = None
        if record is not None and (record.body_size or record.text):
            viewer = href(request, f"/jobs/{job.id}/evidence?" + urlencode({"source": source}))
        links[source] = {
            "source": source,
            "status": status.get("status"),
            "error": status.get("error"),
            "live": live if is_web_url(live) else None,
            "viewer": viewer,
            "name": outlet_display(status.get("outlet"), request.state.lang)
            or host_of(live)
            or source,
            "host": host_of(live),
            "found_by": status.get("found_by"),
            "archived_at": status.get("archived_at"),
        }
    return links


def render_job(
    request: Request,
    user: User,
    job,
    selected: int | None = None,
    status: int = 200,
    extra: dict[str, Any] | None = None,
):
    t = t_for(request)
    lang = request.state.lang
    page = job_page(request, job, t)
    links = _source_links(request, job) if job.status == "succeeded" else {}
    statuses = source_statuses(job.result)
    if selected is not None and not 1 <= selected <= len(page.view.quotes):
        selected = None
    panels = {q.number: split_sources(q.data, statuses, links, lang) for q in page.view.quotes}
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
        "sources": list(links.values()),
        "source_names": {source: link["name"] for source, link in links.items()},
        "article_lang": ((job.result or {}).get("article") or {}).get("lang"),
        "panels": panels,
        "comments": page.comments,
        "names": page.names,
        "selected": selected,
        "assignable": assignable,
        "article_assignee": article_assignee.assignee if article_assignee else None,
        "can_edit": user.can("editor"),
        "locked": page.state.state == "reviewed",
        "min_confidence": DEFAULT_MIN_CONFIDENCE,
        "has_confidence": any(q.confidence is not None for q in page.view.quotes),
        "legend_verdicts": SHOWN_VERDICTS,
        "searches": (job.result or {}).get("searches") or [],
        "export_defaults": claimreview_settings(job.id),
        "outlet_name": lambda name: outlet_display(name, lang),
        "reason_text": lambda raw: explain(raw, lang).text,
        "signoff": None,
    }
    context.update(extra or {})
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


def _record(request: Request, job, source: str):
    record = dashboard_of(request).store.get_snapshot(job.id, source)
    if record is None:
        raise HTTPException(status_code=404)
    return record


def highlight(text: str, start: Any, end: Any) -> tuple[str, str, str]:
    """(before, passage, after) when the offsets fit the text, else (text, "", "")."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[:start], text[start:end], text[end:]
    return text, "", ""


@router.get("/jobs/{job_id}/evidence")
def evidence_viewer(
    request: Request, job_id: str, source: str, user: CurrentUser, q: int | None = None
):
    """The stored copy as evidence: who served what, when, its hash, and the text read."""
    job = load_job(request, job_id)
    record = _record(request, job, source)
    status = source_statuses(job.result).get(source) or {}
    quotes = (job.result or {}).get("quotes") or []
    evidence: dict[str, Any] = {}
    if q is not None and 1 <= q <= len(quotes):
        evidence = next(
            (e for e in quotes[q - 1].get("evidence") or [] if e.get("source") == source), {}
        )
    else:
        q = None
    text = record.text or ""
    before, passage, after = highlight(text, evidence.get("start"), evidence.get("end"))
    lang = request.state.lang
    context = {
        "nav": "jobs",
        "job": job,
        "record": record,
        "status": status,
        "name": outlet_display(status.get("outlet"), lang) or host_of(record.final_url) or source,
        "number": q,
        "before": before,
        "passage": passage,
        "after": after,
        "raw_url": href(request, f"/jobs/{job.id}/snapshot?" + urlencode({"source": source})),
        "live": record.final_url if is_web_url(record.final_url or "") else None,
    }
    return render(request, "evidence.html", context)


@router.get("/jobs/{job_id}/snapshot")
def snapshot(request: Request, job_id: str, source: str, user: CurrentUser):
    """The raw bytes as fetched, as a plain-text download: evidence, never markup."""
    job = load_job(request, job_id)
    record = _record(request, job, source)
    body, charset = snapshot_body(record)
    return Response(
        body,
        media_type=f"text/plain; charset={charset}",
        headers={
            "Content-Security-Policy": SNAPSHOT_POLICY,
            "Content-Disposition": f'attachment; filename="snapshot-{job.id[:8]}-{record.index}.txt"',
            "X-Quotetrail-Source-Sha256": record.sha256 or "",
        },
    )

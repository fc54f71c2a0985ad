"""Downloads of an article's review: JSON, CSV, Markdown and ClaimReview JSON-LD.

ClaimReview's publisher and fact-check page come from the export form, else from the
settings QUOTETRAIL_PUBLISHER_NAME, QUOTETRAIL_PUBLISHER_URL and QUOTETRAIL_FACTCHECK_URL
(`{job_id}` in it is replaced by the job's id). Without them, or with nothing reviewed,
the answer is a page saying so, never an empty or half-filled file.
"""

from __future__ import annotations

import os

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from api.dashboard import claimreview, exports
from api.dashboard.app import dashboard_of, error_page, t_for
from api.dashboard.article import source_statuses
from api.dashboard.auth import CurrentUser
from api.dashboard.jobdata import export_audit, job_page, load_job

router = APIRouter()

MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def _download(body: str, media_type: str, filename: str) -> Response:
    return Response(
        body.encode("utf-8"),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _page(request: Request, job_id: str):
    job = load_job(request, job_id)
    if job.status != "succeeded":
        raise HTTPException(status_code=409, detail=t_for(request)("review.not_finished"))
    return job_page(request, job, None)


def user_names(request: Request) -> dict[str, str]:
    return {u.username: u.label for u in dashboard_of(request).users.list()}


@router.get("/jobs/{job_id}/export.{fmt}")
def export(
    request: Request,
    job_id: str,
    fmt: str,
    user: CurrentUser,
    per: str = "source",
):
    if fmt not in MEDIA_TYPES:
        raise HTTPException(status_code=404)
    page = _page(request, job_id)
    t, lang = t_for(request), request.state.lang
    statuses = source_statuses(page.job.result)
    stem = f"quotetrail-{page.job.id[:8]}"
    audit = export_audit(page.audit)
    if fmt == "csv":
        per = "quote" if per == "quote" else "source"
        body = exports.to_csv(page.job.id, page.view, per, t=t, lang=lang, statuses=statuses)
        return _download(body, MEDIA_TYPES["csv"], f"{stem}-{per}-{lang}.csv")
    if fmt == "md":
        body = exports.to_markdown(
            page.job,
            page.view,
            page.state,
            audit,
            t=t,
            lang=lang,
            statuses=statuses,
            names=user_names(request),
        )
        return _download(body, MEDIA_TYPES["md"], f"{stem}-{lang}.md")
    data = exports.to_json(page.job, page.view, page.state, audit)
    return _download(exports.dumps(data), MEDIA_TYPES["json"], f"{stem}.json")


def claimreview_settings(job_id: str) -> dict[str, str]:
    """The export form's defaults, from the environment."""
    page = os.environ.get("QUOTETRAIL_FACTCHECK_URL", "")
    return {
        "publisher_name": os.environ.get("QUOTETRAIL_PUBLISHER_NAME")
        or os.environ.get("QUOTETRAIL_PUBLISHER", ""),
        "publisher_url": os.environ.get("QUOTETRAIL_PUBLISHER_URL", ""),
        "page_url": page.replace("{job_id}", job_id),
    }


@router.get("/jobs/{job_id}/claimreview.jsonld")
def claimreview_export(
    request: Request,
    job_id: str,
    user: CurrentUser,
    publisher_name: str = "",
    publisher_url: str = "",
    page_url: str = "",
):
    page = _page(request, job_id)
    defaults = claimreview_settings(page.job.id)
    t = t_for(request)
    try:
        data = claimreview.build(
            page.job,
            page.view,
            page_url=page_url.strip() or defaults["page_url"],
            publisher_name=publisher_name.strip() or defaults["publisher_name"],
            publisher_url=publisher_url.strip() or defaults["publisher_url"],
            lang=request.state.lang,
            t=t,
        )
    except claimreview.SettingsMissing:
        return error_page(request, "export.need_settings", 400)
    except claimreview.NothingReviewed:
        return error_page(request, "export.none_reviewed", 409)
    return _download(
        exports.dumps(data),
        "application/ld+json",
        f"quotetrail-{page.job.id[:8]}-claimreview.jsonld",
    )

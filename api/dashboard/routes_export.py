"""Downloads of an article's review: JSON, CSV, Markdown and ClaimReview JSON-LD."""

from __future__ import annotations

import os

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from api.dashboard import exports
from api.dashboard.app import href, t_for
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
    stem = f"quotetrail-{page.job.id[:8]}"
    audit = export_audit(page.audit)
    if fmt == "csv":
        per = "quote" if per == "quote" else "source"
        body = exports.to_csv(
            page.job.id, page.view, per=per, sources=source_statuses(page.job.result)
        )
        return _download(body, MEDIA_TYPES["csv"], f"{stem}-{per}.csv")
    if fmt == "md":
        body = exports.to_markdown(page.job, page.view, page.state, audit)
        return _download(body, MEDIA_TYPES["md"], f"{stem}.md")
    data = exports.to_json(page.job, page.view, page.state, audit)
    return _download(exports.dumps(data), MEDIA_TYPES["json"], f"{stem}.json")


@router.get("/jobs/{job_id}/claimreview.jsonld")
def claimreview(request: Request, job_id: str, user: CurrentUser):
    page = _page(request, job_id)
    base = str(request.base_url).rstrip("/")
    root = str(request.scope.get("root_path", ""))
    if root and base.endswith(root.rstrip("/")):
        base = base[: -len(root.rstrip("/"))]
    page_url = base + href(request, f"/jobs/{page.job.id}")
    publisher = os.environ.get("QUOTETRAIL_PUBLISHER") or "quotetrail"
    data = exports.to_claimreview(page.job, page.view, page_url=page_url, publisher=publisher)
    return _download(
        exports.dumps(data),
        "application/ld+json",
        f"quotetrail-{page.job.id[:8]}-claimreview.jsonld",
    )

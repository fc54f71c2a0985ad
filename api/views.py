"""Store records turned into the API's JSON (and the links between resources)."""

from __future__ import annotations

from typing import Any

from quotetrail.store import JobRecord, SourceRecord

JOBS_PATH = "/v1/jobs"


def job_links(job: JobRecord) -> dict[str, str]:
    base = f"{JOBS_PATH}/{job.id}"
    return {"self": base, "sources": f"{base}/sources", "jobs": JOBS_PATH}


def progress(job: JobRecord) -> dict[str, int]:
    return {
        "sources_done": job.sources_done,
        "sources_total": job.sources_total,
        "quotes_done": job.quotes_done,
        "quotes_total": job.quotes_total,
    }


def job_summary(job: JobRecord) -> dict[str, Any]:
    return {
        "id": job.id,
        "status": job.status,
        "created_at": job.created_at,
        "updated_at": job.updated_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "title": job.title,
        "progress": progress(job),
        "cited_outlets": job.cited_outlets,
        "verdict_counts": job.verdict_counts,
        "error": job.error,
        "links": job_links(job),
    }


def job_detail(job: JobRecord) -> dict[str, Any]:
    return {**job_summary(job), "result": job.result if job.status == "succeeded" else None}


def job_accepted(job: JobRecord) -> dict[str, Any]:
    return {
        "id": job.id,
        "status": job.status,
        "created_at": job.created_at,
        "links": job_links(job),
    }


def snapshot_path(job_id: str, index: int) -> str:
    return f"{JOBS_PATH}/{job_id}/sources/{index}/snapshot"


def source_view(record: SourceRecord) -> dict[str, Any]:
    links = {"job": f"{JOBS_PATH}/{record.job_id}"}
    if record.body_size is not None or record.text is not None:
        links["snapshot"] = snapshot_path(record.job_id, record.index)
    return {
        "index": record.index,
        "source": record.source,
        "status": record.status,
        "error": record.error,
        "final_url": record.final_url,
        "http_status": record.http_status,
        "content_type": record.content_type,
        "fetched_at": record.fetched_at,
        "sha256": record.sha256,
        "body_size": record.body_size,
        "links": links,
    }

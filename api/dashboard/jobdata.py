"""A job as the pages need it: title, article text, reviews folded in, audit rows.

The quote offsets point into the text the pipeline extracted from the article; the
worker stores that text with the job (`job.article["text"]`), so the dashboard shows
exactly what was checked and never extracts anything again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from api.dashboard.article import ArticleView, build_view
from api.dashboard.audit_text import sentence
from quotetrail.store.workflow import WorkflowStore


@dataclass
class JobPage:
    job: Any
    view: ArticleView
    state: Any
    assignments: dict
    audit: list[dict[str, Any]]
    comments: dict
    names: dict[str, str]


def load_job(request: Request, job_id: str):
    job = request.app.state.dashboard.store.get_job(job_id) if len(job_id) <= 64 else None
    if job is None:
        raise HTTPException(status_code=404)
    return job


def job_title(job) -> str:
    article = (job.result or {}).get("article") or job.article or {}
    title = job.title or article.get("title")
    if title:
        return str(title)
    given = (job.request or {}).get("article")
    if isinstance(given, dict):
        if given.get("url"):
            return str(given["url"])
        text = given.get("text") or ""
        if text:
            words = " ".join(str(text).split())
            return words[:80] + ("…" if len(words) > 80 else "")
    return ""


def article_url(job) -> str | None:
    given = (job.request or {}).get("article")
    if isinstance(given, dict) and str(given.get("url", "")).startswith(("http://", "https://")):
        return str(given["url"])
    return None


def article_text(job) -> str:
    """The text quote offsets point into; "" when the job carries none (quotes only)."""
    text = (job.article or {}).get("text")
    return text if isinstance(text, str) else ""


def audit_rows(store, job_id: str, t, names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Audit entries with a readable sentence each and the raw record beside it."""
    rows = []
    for entry in store.list_audit(job_id):
        row = {
            "at": entry.at,
            "actor": entry.actor,
            "action": entry.action,
            "label": t(f"audit.{entry.action}") if t else entry.action,
            "quote_index": entry.quote_index,
            "before": entry.before,
            "after": entry.after,
        }
        row["sentence"] = sentence(row, t, names or {}) if t else entry.action
        row["raw"] = _raw(entry)
        rows.append(row)
    return rows


def _raw(entry) -> str:
    record = {
        "at": entry.at.isoformat(timespec="seconds"),
        "actor": entry.actor,
        "action": entry.action,
        "quote_index": entry.quote_index,
        "before": entry.before,
        "after": entry.after,
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1)[:4000]


def export_audit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "at": row["at"].isoformat(timespec="seconds"),
            "actor": row["actor"],
            "action": row["action"],
            "quote_index": row["quote_index"],
            "before": row["before"],
            "after": row["after"],
        }
        for row in rows
    ]


def job_page(request: Request, job, t=None) -> JobPage:
    dashboard = request.app.state.dashboard
    reviews = dashboard.reviews.latest_reviews(job.id)
    assignments = dashboard.reviews.assignments(job.id)
    text = article_text(job) if job.status == "succeeded" else ""
    view = build_view(job.result, text, reviews, assignments)
    names = {u.username: u.label for u in dashboard.users.list()}
    return JobPage(
        job=job,
        view=view,
        state=dashboard.reviews.article_state(job.id),
        assignments=assignments,
        audit=audit_rows(dashboard.store, job.id, t, names),
        comments=WorkflowStore(dashboard.store).comments(job.id),
        names=names,
    )

"""A job as the pages need it: title, article text, reviews folded in, audit rows.

The quote offsets point into the text the pipeline extracted from the article, which
the report does not carry. The dashboard re-derives it with the same pure functions
the pipeline used (deterministic), or from the article's stored snapshot for a URL.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from api.dashboard.article import ArticleView, build_view
from quotetrail.errors import QuotetrailError

TEXT_CACHE_SIZE = 64


@dataclass
class JobPage:
    job: Any
    view: ArticleView
    state: Any
    assignments: dict
    audit: list[dict[str, Any]]


class _TextCache:
    """Article texts of finished jobs; re-extracting HTML on every page view would be slow."""

    def __init__(self, size: int = TEXT_CACHE_SIZE):
        self._items: OrderedDict[str, str] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            return None

    def put(self, key: str, value: str) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


_texts = _TextCache()


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


def article_text(store, job) -> str:
    """The text quote offsets point into; "" when it cannot be re-derived."""
    for meta in ((job.result or {}).get("article") or {}, job.article or {}):
        if isinstance(meta.get("text"), str) and meta["text"]:
            return meta["text"]
    cached = _texts.get(job.id)
    if cached is not None:
        return cached
    try:
        text = _derive_text(store, job)
    except (QuotetrailError, ValueError):
        text = ""
    if job.finished:
        _texts.put(job.id, text)
    return text


def _derive_text(store, job) -> str:
    from quotetrail.core.document import (
        document_from_bytes,
        document_from_html,
        document_from_text,
    )

    given = (job.request or {}).get("article")
    if isinstance(given, str):
        given = (
            {"url": given} if given.strip().startswith(("http://", "https://")) else {"text": given}
        )
    if not isinstance(given, dict):
        return ""
    # Same precedence as the worker: url, then html, then text.
    url = given.get("url")
    if isinstance(url, str) and url.strip():
        snapshot = store.get_snapshot(job.id, url)
        if snapshot is None or snapshot.body is None:
            return ""
        return document_from_bytes(snapshot.body, snapshot.content_type, snapshot.final_url).text
    if isinstance(given.get("html"), str) and given["html"].strip():
        return document_from_html(given["html"], None).text
    if isinstance(given.get("text"), str) and given["text"].strip():
        return document_from_text(given["text"]).text
    return ""


def audit_rows(store, job_id: str, t) -> list[dict[str, Any]]:
    rows = []
    for entry in store.list_audit(job_id):
        rows.append(
            {
                "at": entry.at,
                "actor": entry.actor,
                "action": entry.action,
                "label": t(f"audit.{entry.action}") if t else entry.action,
                "quote_index": entry.quote_index,
                "before": entry.before,
                "after": entry.after,
                "before_text": _compact(entry.before),
                "after_text": _compact(entry.after),
            }
        )
    return rows


def _compact(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)[:500]


def export_audit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "at": row["at"].isoformat(),
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
    text = article_text(dashboard.store, job) if job.status == "succeeded" else ""
    view = build_view(job.result, {"article": {"text": text}}, reviews, assignments)
    return JobPage(
        job=job,
        view=view,
        state=dashboard.reviews.article_state(job.id),
        assignments=assignments,
        audit=audit_rows(dashboard.store, job.id, t),
    )

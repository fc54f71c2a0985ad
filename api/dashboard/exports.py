"""An article's review as JSON, CSV, Markdown and schema.org ClaimReview JSON-LD.

All four read the same ArticleView, so the verdict a CSV row carries is the one the
page shows: the reviewer's when there is one, the pipeline's otherwise.

CSV layouts:
- `per=source` (default): one row per quote × source, with that source's verdict,
  score, passage and reasons; a quote with no source gets one row with empty source cells.
- `per=quote`: one row per quote with its verdicts and the sources joined by " | ".
Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading '.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote as percent_encode

from api.dashboard.article import ArticleView, QuoteView

# The quote's own cells and its review's, which both layouts carry.
_QUOTE_COLUMNS = (
    "job_id",
    "quote_number",
    "quote",
    "speaker",
    "cited_outlet",
    "verdict",
    "pipeline_verdict",
)
_REVIEW_COLUMNS = ("review_action", "review_reason", "reviewer")
CSV_SOURCE_COLUMNS = (
    *_QUOTE_COLUMNS,
    *_REVIEW_COLUMNS,
    "source",
    "source_verdict",
    "source_score",
    "source_passage",
    "source_reasons",
    # discovery's provenance (sources[].found_by / found_via / archived_at)
    "source_found_by",
    "source_found_via",
    "source_archived_at",
)
CSV_QUOTE_COLUMNS = (*_QUOTE_COLUMNS, "score", *_REVIEW_COLUMNS, "assignee", "sources")

# ClaimReview ratings: 5 is "the quote is what the source says", 1 "nothing supports it".
RATING: dict[str, int] = {
    "matched": 5,
    "paraphrased": 4,
    "unverifiable": 3,
    "altered": 2,
    "not_found": 1,
}


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _review_fields(quote: QuoteView) -> dict[str, str]:
    review = quote.review
    return {
        "review_action": review.action if review else "",
        "review_reason": review.reason if review else "",
        "reviewer": review.reviewer if review else "",
    }


def _quote_fields(job_id: str, quote: QuoteView) -> dict[str, Any]:
    data = quote.data
    return {
        "job_id": job_id,
        "quote_number": quote.number,
        "quote": data.get("text", ""),
        "speaker": data.get("speaker") or "",
        "cited_outlet": data.get("cited_source") or "",
        "verdict": quote.verdict,
        "pipeline_verdict": quote.pipeline_verdict,
        **_review_fields(quote),
    }


def to_csv(
    job_id: str,
    view: ArticleView,
    per: str = "source",
    sources: dict[str, dict[str, Any]] | None = None,
) -> str:
    """`sources` (source string -> the report's sources[] entry) fills the provenance cells."""
    buffer = io.StringIO()
    columns = CSV_QUOTE_COLUMNS if per == "quote" else CSV_SOURCE_COLUMNS
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for quote in view.quotes:
        base = _quote_fields(job_id, quote)
        rows = _quote_rows(base, quote) if per == "quote" else _source_rows(base, quote, sources)
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _quote_rows(base: dict[str, Any], quote: QuoteView) -> list[dict[str, Any]]:
    evidence = quote.data.get("evidence") or []
    sources = " | ".join(f"{e.get('source')}: {e.get('verdict')}" for e in evidence)
    score = quote.data.get("score", "")
    return [{**base, "score": score, "assignee": quote.assignee or "", "sources": sources}]


def _source_rows(
    base: dict[str, Any], quote: QuoteView, sources: dict[str, dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """One row per source; a quote with no evidence still gets its row."""
    sources = sources or {}
    rows = []
    for item in quote.data.get("evidence") or [{}]:
        status = sources.get(item.get("source", ""), {})
        rows.append(
            {
                **base,
                "source": item.get("source", ""),
                "source_verdict": item.get("verdict", ""),
                "source_score": item.get("score", ""),
                "source_passage": item.get("passage", ""),
                "source_reasons": "; ".join(item.get("reasons") or []),
                "source_found_by": status.get("found_by") or "",
                "source_found_via": status.get("found_via") or "",
                "source_archived_at": status.get("archived_at") or "",
            }
        )
    return rows


def to_json(job, view: ArticleView, state, audit: list[dict[str, Any]]) -> dict[str, Any]:
    """The job's result with the review folded in: what a newsroom archive would keep."""
    result = job.result or {}
    return {
        "job_id": job.id,
        "status": job.status,
        "title": job.title,
        "submitted_at": _iso(job.created_at),
        "review_state": state.to_dict(),
        "article": result.get("article", {}),
        "sources": result.get("sources", []),
        "quotes": [
            {
                "number": q.number,
                **q.data,
                "pipeline_verdict": q.pipeline_verdict,
                "verdict": q.verdict,
                "review": q.review.to_dict() if q.review else None,
                "assignee": q.assignee,
            }
            for q in view.quotes
        ],
        "audit": audit,
    }


def to_markdown(job, view: ArticleView, state, audit: list[dict[str, Any]]) -> str:
    result = job.result or {}
    article = result.get("article") or {}
    lines = [f"# Quote review: {_md(job.title or article.get('title') or job.id)}", ""]
    if article.get("url"):
        lines.append(f"- Article: <{_md_url(article['url'])}>")
    lines += [
        f"- Job: `{job.id}`",
        f"- Submitted: {_iso(job.created_at)}",
        f"- Review state: {state.state}"
        + (f" ({state.updated_by}, {_iso(state.updated_at)})" if state.updated_by else ""),
    ]
    counts = view.verdict_counts()
    if counts:
        lines.append("- Verdicts: " + ", ".join(f"{v} {n}" for v, n in counts.items()))
    lines.append("")
    for quote in view.quotes:
        data = quote.data
        lines += [f"## {quote.number}. {quote.verdict}", "", f"> {_md(data.get('text', ''))}", ""]
        meta = [("Speaker", data.get("speaker")), ("Cited outlet", data.get("cited_source"))]
        lines += [f"- {k}: {_md(v)}" for k, v in meta if v]
        if quote.review is not None:
            review = quote.review
            what = "confirmed" if review.action == "confirm" else "overridden"
            line = f"- Review: {what} by {review.reviewer} on {_iso(review.created_at)}"
            if review.action == "override":
                line += f" (automatic verdict: {quote.pipeline_verdict})"
            lines.append(line)
            if review.reason:
                lines.append(f"- Reason: {_md(review.reason)}")
        else:
            lines.append("- Review: not reviewed")
        evidence = data.get("evidence") or []
        if evidence:
            found = {s.get("source"): s for s in result.get("sources") or []}
            lines += [
                "",
                "| Source | Verdict | Score | Passage | Found by |",
                "|---|---|---|---|---|",
            ]
            for item in evidence:
                lines.append(
                    f"| {_cellmd(item.get('source'))} | {item.get('verdict')} | "
                    f"{item.get('score')} | {_cellmd(item.get('passage'))} | "
                    f"{_cellmd(_found_by(found.get(item.get('source')) or {}))} |"
                )
        lines.append("")
    searches = result.get("searches") or []
    if searches:
        lines += ["## Searches", ""]
        lines += [
            f"- {_md(x.get('outlet'))} ({x.get('status')}): {_md(x.get('reason'))}"
            for x in searches
        ]
        lines.append("")
    if audit:
        lines += ["## Audit trail", ""]
        for entry in audit:
            lines.append(
                f"- {entry.get('at')} {_md(entry.get('actor'))}: {_md(entry.get('action'))}"
                + (
                    f" (quote {entry['quote_index'] + 1})"
                    if entry.get("quote_index") is not None
                    else ""
                )
            )
        lines.append("")
    return "\n".join(lines)


def to_claimreview(
    job, view: ArticleView, *, page_url: str, publisher: str = "quotetrail"
) -> dict[str, Any]:
    """schema.org ClaimReview for each reviewed quote (unreviewed quotes are not claims we stand by)."""
    article = (job.result or {}).get("article") or {}
    article_url = article.get("url") or (job.request or {}).get("article", {}).get("url")
    reviews = []
    for quote in view.quotes:
        if quote.review is None:
            continue
        data = quote.data
        claim: dict[str, Any] = {"@type": "Claim"}
        if data.get("speaker"):
            claim["author"] = {"@type": "Person", "name": data["speaker"]}
        appearance = []
        if article_url:
            appearance.append({"@type": "CreativeWork", "url": article_url})
        appearance += [
            {"@type": "CreativeWork", "url": e["source"]}
            for e in data.get("evidence") or []
            if str(e.get("source", "")).startswith(("http://", "https://"))
            and e.get("verdict") in ("matched", "paraphrased", "altered")
        ]
        if appearance:
            claim["appearance"] = appearance
            claim["firstAppearance"] = appearance[0]
        reviews.append(
            {
                "@type": "ClaimReview",
                "url": f"{page_url}#q-{quote.number}",
                "claimReviewed": data.get("text", ""),
                "datePublished": quote.review.created_at.date().isoformat(),
                "author": {"@type": "Organization", "name": publisher},
                "itemReviewed": claim,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": RATING.get(quote.verdict, 3),
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": quote.verdict,
                },
            }
        )
    return {"@context": "https://schema.org", "@graph": reviews}


def _found_by(status: dict[str, Any]) -> str:
    """How a source was found: "sitemap (via …), archived copy of …"."""
    how = status.get("found_by") or ""
    if how and status.get("found_via"):
        how += f" (via {status['found_via']})"
    if status.get("archived_at"):
        how += f", archived copy of {status['archived_at']}"
    return how


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _iso(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat(timespec="seconds")


def _md(value: Any) -> str:
    # Keep Markdown structure ours: article text must not open headings, links or HTML.
    text = " ".join(str(value or "").split())
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def _md_url(value: Any) -> str:
    """An address inside <…>: characters that would end it or break the line are escaped."""
    return percent_encode(str(value), safe="/:?#[]@!$&'*+,;=%~-._")  # [] for IPv6 hosts


def _cellmd(value: Any) -> str:
    return _md(value)[:300]

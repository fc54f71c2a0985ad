"""An article's review as JSON, CSV and Markdown (ClaimReview: claimreview.py).

    ArticleView (verdict in force per quote) + report sources + audit
        ├─► JSON      the report with the review folded in; machine tokens (the contract)
        ├─► CSV       UI language: translated headers and verdict names, reasons in plain
        │             words, passages cut at a word boundary with "…", the diff, ISO 8601
        │             times to the second; UTF-8 with a BOM so spreadsheets read Cyrillic
        └─► Markdown  UI language: the same, as a report to paste

All read the same ArticleView, so the verdict a row carries is the one the page shows
(the reviewer's when there is one). Quotes dismissed as "not a quote" are left out of
CSV and Markdown (the Markdown says how many) and flagged in JSON.

CSV layouts: `per=source` (default) one row per quote × source; `per=quote` one row per
quote with its sources joined by " | ". Cells a spreadsheet would run as a formula
(=, +, -, @, tab, CR) get a leading '.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote as percent_encode

from api.dashboard.article import ArticleView, DiffPiece, QuoteView, diff_pieces
from api.dashboard.audit_text import sentence
from api.dashboard.panel import outlet_display
from api.dashboard.reasons import explain_all

BOM = "\ufeff"
PASSAGE_LIMIT = 300

_QUOTE_COLUMNS = (
    "job_id",
    "quote_number",
    "quote",
    "speaker",
    "cited_outlet",
    "verdict",
    "pipeline_verdict",
)
_REVIEW_COLUMNS = ("review_action", "review_reason", "reviewer", "reviewed_at")
CSV_SOURCE_COLUMNS = (
    *_QUOTE_COLUMNS,
    *_REVIEW_COLUMNS,
    "source",
    "outlet",
    "source_verdict",
    "source_score",
    "source_passage",
    "source_reasons",
    "diff",
    "fetched_at",
    # discovery's provenance: how the page was found, and an archived copy's date
    "found_by",
    "found_via",
    "archived_at",
)
CSV_QUOTE_COLUMNS = (*_QUOTE_COLUMNS, "score", *_REVIEW_COLUMNS, "assignee", "sources")

Translate = Callable[..., str]


def cut(text: Any, limit: int = PASSAGE_LIMIT) -> str:
    """At most `limit` characters, cut at a word boundary, with "…" when anything is cut."""
    words = " ".join(str(text or "").split())
    if len(words) <= limit:
        return words
    head = words[: limit - 1]
    if words[limit - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:.—–-") + "…"


def diff_text(pieces: list[DiffPiece]) -> str:
    """The CLI's markers, one convention everywhere: [-dropped source words-] {+added+}."""
    marks = {"del": "[-{}-]", "ins": "{{+{}+}}", "equal": "{}"}
    return " ".join(marks[p.kind].format(p.text) for p in pieces)


def iso(value: datetime | str | None) -> str:
    """ISO 8601 to the second, in UTC."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _verdict(t: Translate, verdict: str | None) -> str:
    return t(f"verdict.{verdict}") if verdict else ""


def _review_fields(quote: QuoteView, t: Translate) -> dict[str, str]:
    review = quote.review
    return {
        "review_action": t(f"review.action.{review.action}") if review else "",
        "review_reason": review.reason if review else "",
        "reviewer": review.reviewer if review else "",
        "reviewed_at": iso(review.created_at) if review else "",
    }


def _quote_fields(job_id: str, quote: QuoteView, t: Translate, lang: str) -> dict[str, Any]:
    data = quote.data
    return {
        "job_id": job_id,
        "quote_number": quote.number,
        "quote": data.get("text", ""),
        "speaker": data.get("speaker") or "",
        "cited_outlet": outlet_display(data.get("cited_source"), lang) or "",
        "verdict": _verdict(t, quote.verdict),
        "pipeline_verdict": _verdict(t, quote.pipeline_verdict),
        **_review_fields(quote, t),
    }


def to_csv(
    job_id: str,
    view: ArticleView,
    per: str = "source",
    *,
    t: Translate,
    lang: str = "en",
    statuses: dict[str, dict[str, Any]] | None = None,
) -> str:
    """The CSV file's text, BOM first; headers and verdicts in the UI language."""
    statuses = statuses or {}
    buffer = io.StringIO()
    columns = CSV_QUOTE_COLUMNS if per == "quote" else CSV_SOURCE_COLUMNS
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(f"csv.{c}") for c in columns])
    for quote in view.counted:
        base = _quote_fields(job_id, quote, t, lang)
        if per == "quote":
            rows = [_quote_row(base, quote, t, lang, statuses)]
        else:
            rows = _source_rows(base, quote, t, lang, statuses)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    return BOM + buffer.getvalue()


def _outlet_of(source: str, statuses: dict[str, dict[str, Any]], lang: str) -> str:
    return outlet_display((statuses.get(source) or {}).get("outlet"), lang) or ""


def _quote_row(base, quote: QuoteView, t: Translate, lang: str, statuses) -> dict[str, Any]:
    sources = " | ".join(
        f"{_outlet_of(str(e.get('source')), statuses, lang) or e.get('source')}: "
        f"{_verdict(t, e.get('verdict'))}"
        for e in quote.data.get("evidence") or []
    )
    return {
        **base,
        "score": quote.data.get("score", ""),
        "assignee": quote.assignee or "",
        "sources": sources,
    }


def _source_rows(base, quote: QuoteView, t: Translate, lang: str, statuses) -> list[dict]:
    """One row per source; a quote with no evidence still gets its row."""
    rows = []
    for item in quote.data.get("evidence") or [{}]:
        source = str(item.get("source", ""))
        rows.append(
            {
                **base,
                "source": source,
                "outlet": _outlet_of(source, statuses, lang) if source else "",
                "source_verdict": _verdict(t, item.get("verdict")),
                "source_score": item.get("score", ""),
                "source_passage": cut(item.get("passage")),
                "source_reasons": " ".join(r.text for r in explain_all(item.get("reasons"), lang)),
                "diff": diff_text(diff_pieces(item.get("diff") or [])),
                "fetched_at": iso((statuses.get(source) or {}).get("fetched_at")),
                **_provenance(statuses.get(source) or {}, t),
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
        "submitted_at": iso(job.created_at),
        "review_state": state.to_dict(),
        "article": result.get("article", {}),
        "sources": result.get("sources", []),
        "searches": result.get("searches", []),
        "quotes": [
            {
                "number": q.number,
                **q.data,
                "pipeline_verdict": q.pipeline_verdict,
                "verdict": q.verdict,
                "dismissed": q.dismissed,
                "review": q.review.to_dict() if q.review else None,
                "assignee": q.assignee,
            }
            for q in view.quotes
        ],
        "audit": audit,
    }


def to_markdown(
    job,
    view: ArticleView,
    state,
    audit: list[dict[str, Any]],
    *,
    t: Translate,
    lang: str = "en",
    statuses: dict[str, dict[str, Any]] | None = None,
    names: dict[str, str] | None = None,
) -> str:
    """A report to paste, in the UI language."""
    statuses = statuses or {}
    result = job.result or {}
    article = result.get("article") or {}
    title = job.title or article.get("title") or job.id
    lines = [f"# {t('md.title', title=_md(title))}", ""]
    if article.get("url"):
        lines.append(f"- {t('md.article')}: <{_md_url(article['url'])}>")
    state_text = t(f"state.{state.state}")
    if state.updated_by:
        state_text += f" ({_md(state.updated_by)}, {iso(state.updated_at)})"
    lines += [
        f"- {t('md.job')}: `{job.id}`",
        f"- {t('md.submitted')}: {iso(job.created_at)}",
        f"- {t('md.state')}: {state_text}",
    ]
    counts = view.verdict_counts()
    if counts:
        lines.append(
            f"- {t('md.verdicts')}: "
            + ", ".join(f"{t('verdict.' + v)} {n}" for v, n in counts.items())
        )
    dismissed = len(view.quotes) - len(view.counted)
    if dismissed:
        lines.append(f"- {t('md.dismissed', n=dismissed)}")
    lines += ["", f"_{t('md.legend')}_", ""]
    if not view.counted:
        lines += [t("md.none"), ""]
    for quote in view.counted:
        lines += _md_quote(quote, t, lang, statuses)
    searches = result.get("searches") or []
    if searches:
        lines += [f"## {t('md.searches')}", ""]
        lines += [f"- {_md(x.get('outlet'))}: {_md(x.get('reason'))}" for x in searches]
        lines.append("")
    if audit:
        lines += [f"## {t('md.audit')}", ""]
        for entry in audit:
            lines.append(f"- {entry.get('at')}: {_md(sentence(entry, t, names or {}))}")
        lines.append("")
    return "\n".join(lines)


def _md_quote(quote: QuoteView, t: Translate, lang: str, statuses) -> list[str]:
    data = quote.data
    lines = [
        f"## {t('md.quote', n=quote.number, verdict=t('verdict.' + quote.verdict))}",
        "",
        f"> {_md(data.get('text', ''))}",
        "",
    ]
    meta = [
        (t("panel.speaker"), data.get("speaker")),
        (t("panel.cited"), outlet_display(data.get("cited_source"), lang)),
    ]
    lines += [f"- {k}: {_md(v)}" for k, v in meta if v]
    review = quote.review
    if review is None:
        lines.append(f"- {t('md.not_reviewed')}")
    else:
        key = "md.review_confirmed" if review.action == "confirm" else "md.review_overridden"
        lines.append(
            "- "
            + t(
                key,
                who=_md(review.reviewer),
                when=iso(review.created_at),
                was=t("verdict." + quote.pipeline_verdict),
            )
        )
        if review.reason:
            lines.append(f"- {t('md.reason')}: {_md(review.reason)}")
    for item in data.get("evidence") or []:
        source = str(item.get("source", ""))
        name = _outlet_of(source, statuses, lang) or source
        lines += [
            "",
            f"### {_md(name)} — {t('verdict.' + str(item.get('verdict')))} ({item.get('score')})",
            "",
        ]
        if name != source:
            lines.append(f"- {t('md.source')}: {_md(source)}")
        found = _provenance(statuses.get(source) or {}, t)
        if found["found_by"]:
            via = f" ({_md(found['found_via'])})" if found["found_via"] else ""
            lines.append(f"- {t('md.found_by')}: {_md(found['found_by'])}{via}")
        if found["archived_at"]:
            lines.append(f"- {t('md.archived', when=found['archived_at'])}")
        if item.get("passage"):
            lines.append(f"- {t('md.passage')}: {_md(cut(item.get('passage')))}")
        pieces = diff_pieces(item.get("diff") or [])
        if pieces:
            lines.append(f"- {t('md.diff')}: {_md_diff(pieces)}")
        reasons = explain_all(item.get("reasons"), lang)
        if reasons:
            lines.append(f"- {t('md.why')}: " + " ".join(_md(r.text) for r in reasons))
    lines.append("")
    return lines


def _provenance(status: dict[str, Any], t: Translate) -> dict[str, str]:
    """How a source was found (sources[].found_by/found_via/archived_at), for the exports."""
    how = status.get("found_by")
    return {
        "found_by": t("found_by." + how) if how else "",
        "found_via": str(status.get("found_via") or ""),
        "archived_at": iso(status.get("archived_at")) if status.get("archived_at") else "",
    }


def _md_diff(pieces: list[DiffPiece]) -> str:
    marks = {"del": "~~{}~~", "ins": "**{}**", "equal": "{}"}
    return " ".join(marks[p.kind].format(_md(p.text)) for p in pieces)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _md(value: Any) -> str:
    # Keep Markdown structure ours: article text must not open headings, links or HTML.
    text = " ".join(str(value or "").split())
    for char in "\\`*_[]<>#|~":
        text = text.replace(char, "\\" + char)
    return text


def _md_url(value: Any) -> str:
    """An address inside <…>: characters that would end it or break the line are escaped."""
    return percent_encode(str(value), safe="/:?#[]@!$&'*+,;=%~-._")  # [] for IPv6 hosts

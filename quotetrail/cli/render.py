"""Reports as text for a person, Markdown for a newsroom document, or JSON for programs.

Diffs read from the source to the article: `[-words-]` stand in the source but not in
the quote (the article dropped or changed them), `{+words+}` stand in the quote but
not in the source (the article added them). The markers stay when colour is on, so
the diff survives copy-paste and colour blindness; colour is used only on a
terminal and never when NO_COLOR is set (https://no-color.org).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO, TypeVar

from quotetrail.core.models import (
    VERDICT_RANK,
    VERDICTS,
    DiffOp,
    Evidence,
    Quote,
    QuoteResult,
    Report,
    SourceStatus,
)
from quotetrail.core.report import verdict_counts

FORMATS = ("text", "json", "markdown")

DIFF_LEGEND = "[-words-] are in the source but not in the quote; {+words+} are in the quote but not in the source"

_RESET = "\033[0m"
_STYLES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "magenta": "35",
    "cyan": "36",
    "strike-red": "9;31",
    "bold-green": "1;32",
    "bold-cyan": "1;36",
    "bold-red": "1;31",
}
_VERDICT_STYLE = {
    "matched": "bold-green",
    "translated": "bold-cyan",
    "paraphrased": "cyan",
    "altered": "bold-red",
    "not_found": "yellow",
    "unverifiable": "magenta",
}
_NO_SUPPORT = frozenset({"not_found", "unverifiable"})
_VERDICT_MEANING = {
    "matched": "the source has these words",
    "translated": "the source says this in another language; numbers, names, dates and negation agree",
    "paraphrased": "the source says this in other words",
    "altered": "the source has a near-identical passage whose meaning differs",
    "not_found": "no source has this",
    "unverifiable": "the source that could confirm it could not be read",
}


_T = TypeVar("_T")
# C0/C1 controls (ESC starts terminal commands) and bidi overrides (which reorder what
# a reader sees): a fetched page must not be able to drive the reader's terminal.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\r\n]+")


def printable(text: str) -> str:
    """Text safe to print on a terminal: controls shown as �, line breaks as spaces."""
    return _UNSAFE.sub("\ufffd", _BREAKS.sub(" ", text))


def safe_for_display(value: _T) -> _T:
    """A copy of a report (or any of its parts) with every string made `printable`.

    JSON output keeps the exact text (json.dumps escapes controls); text and
    Markdown go through this first.
    """
    if isinstance(value, str):
        return printable(value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(safe_for_display(v) for v in value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [safe_for_display(v) for v in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {k: safe_for_display(v) for k, v in value.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: safe_for_display(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)  # type: ignore[return-value]
    return value


def use_color(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb."""
    env = os.environ if env is None else env
    if env.get("NO_COLOR", "") != "" or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        return f"\033[{_STYLES[style]}m{text}{_RESET}"


# --- shared helpers -------------------------------------------------------------------


def best_evidence(result: QuoteResult) -> Evidence | None:
    """The evidence that backs the quote's overall verdict: same verdict, highest score."""
    if not result.evidence:
        return None
    same = [e for e in result.evidence if e.verdict == result.verdict]
    pool = same or list(result.evidence)
    return min(pool, key=lambda e: (VERDICT_RANK.get(e.verdict, 9), -e.score))


def outlet_of(report: Report) -> dict[str, str]:
    """source string -> outlet name, for the sources that have one."""
    return {s.source: s.outlet for s in report.sources if s.outlet}


def diff_text(ops: Iterable[DiffOp], paint: _Painter | None = None) -> str:
    """The word diff with [-source-]{+quote+} markers (coloured when `paint` is on)."""
    paint = paint or _Painter(False)
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(op.source or op.quote)
        elif op.op == "delete":
            parts.append(paint(f"[-{op.source}-]", "strike-red"))
        elif op.op == "insert":
            parts.append(paint(f"{{+{op.quote}+}}", "bold-green"))
        else:
            parts.append(
                paint(f"[-{op.source}-]", "strike-red") + paint(f"{{+{op.quote}+}}", "bold-green")
            )
    return " ".join(p for p in parts if p)


def tidy_error(source: str, message: str | None) -> str:
    """A reason without the source's URL in front when it is printed next to that URL anyway."""
    message = message or ""
    if source and message.startswith(source + " "):
        return message[len(source) + 1 :]
    return message


def _unverifiable_meaning(
    result: QuoteResult,
    sources: Sequence[SourceStatus],
    searches: Sequence[Mapping[str, Any]] = (),
) -> str:
    """Why a quote is unverifiable: its credited outlet could not be searched, its page
    failed, or it was never given."""
    cited = result.quote.cited_source
    search = next(
        (x for x in searches if cited and str(x.get("outlet", "")).casefold() == cited.casefold()),
        None,
    )
    if search is not None and search.get("status") != "ok":
        return f"{search.get('reason')}"
    if cited and not any(s.outlet and s.outlet.casefold() == cited.casefold() for s in sources):
        return (
            f"the outlet it credits ({cited}) was not among the sources; "
            "give its page with --source to check"
        )
    return _VERDICT_MEANING["unverifiable"]


def _has_changes(ops: Sequence[DiffOp]) -> bool:
    return any(op.op != "equal" for op in ops)


def _quoted(text: str) -> str:
    return f"“{text}”"


def _summary_line(report: Report) -> str:
    counts = verdict_counts(report)
    n = len(report.quotes)
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
    unread = sum(1 for s in report.sources if s.status != "ok")
    sources = f"{len(report.sources)} source{'s' if len(report.sources) != 1 else ''}"
    if unread:
        sources += f" ({unread} unreadable)"
    return f"{n} quote{'s' if n != 1 else ''} against {sources}: {parts}"


def _attribution(quote: Quote) -> str:
    bits = [f"speaker: {quote.speaker or 'unknown'}"]
    if quote.cited_source:
        bits.append(f"cited outlet: {quote.cited_source}")
    bits.append(
        "credited claim, not quoted words" if quote.kind == "claim" else f"{quote.kind} quote"
    )
    if quote.confidence < 1.0:
        bits.append(f"confidence {quote.confidence:.2f}")
    if quote.start >= 0:
        bits.append(f"article chars {quote.start}–{quote.end}")
    elif quote.start < 0:
        bits.append("not located in the article")
    return " · ".join(bits)


def _source_label(source: str, outlets: Mapping[str, str]) -> str:
    outlet = outlets.get(source)
    return f"{source} ({outlet})" if outlet else source


# --- text -----------------------------------------------------------------------------


def render_text(report: Report, *, color: bool = False) -> str:
    """One block per quote: verdict, attribution, best passage with diff, other sources, wordings."""
    report = safe_for_display(report)
    paint = _Painter(color)
    outlets = outlet_of(report)
    errors = {s.source: s.error for s in report.sources if s.status != "ok"}
    lines: list[str] = []
    title = report.article.get("title")
    if title or report.article.get("source"):
        lines.append(paint(f"Article: {title or report.article.get('source')}", "bold"))
        if title and report.article.get("source"):
            lines.append(paint(f"         {report.article['source']}", "dim"))
        lines.append("")
    for n, result in enumerate(report.quotes, 1):
        lines.extend(
            _text_quote(n, result, paint, outlets, errors, report.sources, report.searches)
        )
        lines.append("")
    lines.extend(_text_sources(report.sources, paint))
    lines.extend(_text_searches(report, paint))
    lines.append("")
    lines.append(paint(_summary_line(report), "bold"))
    if any(_has_changes(e.diff) for r in report.quotes for e in r.evidence):
        lines.append(paint(f"diff: {DIFF_LEGEND}", "dim"))
    return "\n".join(lines) + "\n"


def _text_quote(
    n: int,
    result: QuoteResult,
    paint: _Painter,
    outlets: Mapping[str, str],
    errors: Mapping[str, str | None],
    sources: Sequence[SourceStatus] = (),
    searches: Sequence[Mapping[str, Any]] = (),
) -> list[str]:
    verdict = paint(result.verdict.upper(), _VERDICT_STYLE.get(result.verdict, "bold"))
    lines = [f"[{n}] {verdict} ({result.score:.0f}) {_quoted(result.quote.text)}"]
    lines.append("    " + paint(_attribution(result.quote), "dim"))
    best = best_evidence(result)
    if result.verdict == "unverifiable":
        lines.append(f"    {_unverifiable_meaning(result, sources, searches)}")
    if best is not None and best.verdict != "unverifiable" and best.passage:
        label = "closest passage in" if best.verdict == "not_found" else "best source"
        lines.append(f"    {label}: {_source_label(best.source, outlets)}")
        lines.append(f"      passage: {_quoted(best.passage)}")
        lines.extend(f"      {label + ':':<8} {text}" for label, text in semantic_lines(best))
        if _has_changes(best.diff):
            lines.append(f"      diff:    {diff_text(best.diff, paint)}")
        lines.extend(f"      why:     {reason}" for reason in best.reasons)
    else:
        if result.verdict != "unverifiable":
            lines.append(f"    {_VERDICT_MEANING.get(result.verdict, '')}")
        if best is not None:
            why = (tidy_error(best.source, r) for r in best.reasons)
            lines.extend(f"      why:     {reason}" for reason in why)
    others = [e for e in result.evidence if e is not best]
    if others:
        lines.append("    other sources:")
        for e in others:
            note = errors.get(e.source) if e.verdict == "unverifiable" else None
            note = tidy_error(e.source, note or "; ".join(e.reasons))
            tag = paint(f"{e.verdict:<12}", _VERDICT_STYLE.get(e.verdict, "bold"))
            score = f"{e.score:5.0f}" if e.verdict != "unverifiable" else "    -"
            tail = f" — {note}" if note else ""
            lines.append(f"      {tag} {score}  {_source_label(e.source, outlets)}{tail}")
            if e.verdict in ("altered", "paraphrased") and _has_changes(e.diff):
                lines.append(f"{'':19}diff: {diff_text(e.diff, paint)}")
    if len(result.comparison) > 1:
        lines.append("    wordings across sources:")
        for g in result.comparison:
            lines.append(f"      {g.verdict:<12} {_quoted(_short(g.wording, 100))}")
            lines.append(paint(f"                   in: {', '.join(g.sources)}", "dim"))
    return lines


def semantic_lines(ev: Evidence) -> list[tuple[str, str]]:
    """Language, model score, anchors and display translation of a passage, when it has them.

    Shown for cross-language and model-found passages only (they carry `aligned`), so
    the usual word-for-word blocks read as before.
    """
    if not ev.aligned:
        return []
    out = [("language", f"{ev.lang or '?'} · sentence similarity {ev.aligned[0].score:.2f}")]
    if ev.anchors:
        marks = [
            f"{'✓' if a.agree else '✗'} {a.kind} {a.quote or '—'} {'=' if a.agree else '≠'} "
            f"{a.source or '—'}"
            for a in ev.anchors
        ]
        out.append(("anchors", " · ".join(marks)))
    if ev.translation:
        out.append(("translation", f"{_quoted(ev.translation)} (machine, display only)"))
    return out


def _text_sources(sources: Sequence[SourceStatus], paint: _Painter) -> list[str]:
    lines = [paint("Sources", "bold")]
    for s in sources:
        state = paint("ok   ", "green") if s.status == "ok" else paint("error", "red")
        outlet = f" [{s.outlet}]" if s.outlet else ""
        error = f" — {tidy_error(s.source, s.error)}" if s.error else ""
        how = found_how(s)
        lines.append(f"  {state} {s.source}{outlet}{error}")
        if how:
            lines.append(paint(f"        {how}", "dim"))
    return lines


def found_how(s: SourceStatus) -> str:
    """How discovery found a source, in words ("" for a source given or linked as is)."""
    bits = []
    if s.found_by and s.found_by not in ("given", "link"):
        via = f" {s.found_via}" if s.found_via else ""
        bits.append(f"found by {s.found_by}{via}")
    if s.archived_at:
        bits.append(f"read from the web archive's copy of {s.archived_at}")
    return "; ".join(bits)


def article_window(article: Mapping[str, Any]) -> str:
    """ "article dated 2020-11-16 (from the page); searched 2020-11-09 … 2020-11-17"."""
    window = article.get("window")
    if not window:
        return ""
    where = {"page": "from the page", "url": "from its URL", "given": "as given"}
    if article.get("date"):
        dated = f"article dated {article['date']} ({where.get(article.get('date_source'), '')})"
    else:
        dated = "the article's date is unknown, so the window ends today"
    return f"{dated}; outlets searched {window['from']} … {window['to']}"


def _text_searches(report: Report, paint: _Painter) -> list[str]:
    if not report.searches:
        return []
    lines = ["", paint("Searches", "bold")]
    window = article_window(report.article)
    if window:
        lines.append(paint(f"  {window}", "dim"))
    for x in report.searches:
        style = "green" if x.get("status") == "ok" else "red"
        status = f"{x.get('status')!s:<11}"
        lines.append(f"  {paint(status, style)} {x.get('reason')}")
    return lines


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- markdown -------------------------------------------------------------------------


def render_markdown(report: Report) -> str:
    """A report a journalist can paste: a table of verdicts, then each quote in detail."""
    report = safe_for_display(report)
    outlets = outlet_of(report)
    errors = {s.source: s.error for s in report.sources if s.status != "ok"}
    title = report.article.get("title") or report.article.get("source") or "given quotes"
    out = [f"# Quote check: {_md(title)}", ""]
    if report.article.get("source"):
        out += [f"Article: {_md(report.article['source'])}", ""]
    out += [_md(_summary_line(report)) + ".", ""]
    out += ["| # | Quote | Speaker | Cited outlet | Verdict | Score | Best source |"]
    out += ["|---|---|---|---|---|---|---|"]
    for n, r in enumerate(report.quotes, 1):
        best = best_evidence(r)
        found = best is not None and best.passage and best.verdict not in _NO_SUPPORT
        where = _source_label(best.source, outlets) if found and best else "—"
        out.append(
            f"| {n} | {_cell(_short(r.quote.text, 90))} | {_cell(r.quote.speaker or '—')} "
            f"| {_cell(r.quote.cited_source or '—')} | **{r.verdict}** | {r.score:.0f} "
            f"| {_cell(where)} |"
        )
    out.append("")
    for n, r in enumerate(report.quotes, 1):
        out += _md_quote(n, r, outlets, errors, report.sources, report.searches)
    out += ["## Sources", "", "| Source | Outlet | Status | Problem |", "|---|---|---|---|"]
    for s in report.sources:
        how = found_how(s)
        problem = "; ".join(p for p in (tidy_error(s.source, s.error), how) if p)
        out.append(
            f"| {_cell(s.source)} | {_cell(s.outlet or '—')} | {s.status} | {_cell(problem)} |"
        )
    if report.searches:
        out += ["", "## Searches", ""]
        window = article_window(report.article)
        if window:
            out += [_md(window[0].upper() + window[1:]) + ".", ""]
        out += ["| Outlet | Status | What was done |", "|---|---|---|"]
        for x in report.searches:
            out.append(
                f"| {_cell(str(x.get('outlet')))} | {x.get('status')} "
                f"| {_cell(str(x.get('reason')))} |"
            )
    out += [
        "",
        "Diffs: ~~struck~~ words are in the source but not in the quote; "
        "**bold** words are in the quote but not in the source.",
        "",
    ]
    return "\n".join(out)


def _md_quote(
    n: int,
    r: QuoteResult,
    outlets: Mapping[str, str],
    errors: Mapping[str, str | None],
    sources: Sequence[SourceStatus] = (),
    searches: Sequence[Mapping[str, Any]] = (),
) -> list[str]:
    out = [f"## {n}. {_md(_short(r.quote.text, 80))} — {r.verdict}", ""]
    out += [f"> {_md(r.quote.text)}", ""]
    meaning = (
        _unverifiable_meaning(r, sources, searches)
        if r.verdict == "unverifiable"
        else _VERDICT_MEANING.get(r.verdict, "")
    )
    out.append(f"- Verdict: **{r.verdict}** (score {r.score:.0f}) — {_md(meaning)}")
    out.append(f"- Speaker: {_md(r.quote.speaker or 'unknown')}")
    out.append(f"- Cited outlet: {_md(r.quote.cited_source or 'none')}")
    best = best_evidence(r)
    if best is not None and best.passage:
        label = "Closest passage in" if best.verdict in _NO_SUPPORT else "Best source"
        out.append(f"- {label}: {_md(_source_label(best.source, outlets))}")
        out.append(f"- Source passage: “{_md(best.passage)}”")
        out.extend(f"- {label.capitalize()}: {_md(text)}" for label, text in semantic_lines(best))
        if _has_changes(best.diff):
            out.append(f"- Diff: {_md_diff(best.diff)}")
        out.extend(f"- Why: {_md(reason)}" for reason in best.reasons)
    out += ["", "| Source | Verdict | Score | Note |", "|---|---|---|---|"]
    for e in r.evidence:
        note = errors.get(e.source) if e.verdict == "unverifiable" else None
        note = _cell(tidy_error(e.source, note or "; ".join(e.reasons)))
        if e.verdict in ("altered", "paraphrased") and _has_changes(e.diff):
            note = f"{note} — {_md_diff(e.diff)}" if note else _md_diff(e.diff)
        score = f"{e.score:.0f}" if e.verdict != "unverifiable" else "—"
        out.append(
            f"| {_cell(_source_label(e.source, outlets))} | {e.verdict} | {score} | {note} |"
        )
    if len(r.comparison) > 1:
        out += ["", "Wordings across sources:", ""]
        for g in r.comparison:
            out.append(
                f"- “{_md(_short(g.wording, 160))}” ({g.verdict}): {_md(', '.join(g.sources))}"
            )
    out.append("")
    return out


def _md_diff(ops: Iterable[DiffOp]) -> str:
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(_md(op.source or op.quote))
        elif op.op == "delete":
            parts.append(f"~~{_md(op.source)}~~")
        elif op.op == "insert":
            parts.append(f"**{_md(op.quote)}**")
        else:
            parts.append(f"~~{_md(op.source)}~~ **{_md(op.quote)}**")
    return " ".join(p for p in parts if p)


_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def _md(text: str) -> str:
    """Escape what Markdown would otherwise read as formatting or HTML."""
    text = " ".join(str(text).split())
    for ch in "\\`*[]<>#|~":
        text = text.replace(ch, "\\" + ch)
    # "_" emphasises only at a word's edge; inside a word (a URL's a_b) it is literal
    return _EDGE_UNDERSCORE.sub(r"\\_", text)


def _cell(text: str) -> str:
    return _md(text)


# --- json -----------------------------------------------------------------------------


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        return render_json(report)
    if fmt == "markdown":
        return render_markdown(report)
    return render_text(report, color=color)


# --- extract --------------------------------------------------------------------------


def extract_to_dict(quotes: Sequence[Quote], article: Mapping[str, Any]) -> dict[str, Any]:
    return {"article": dict(article), "quotes": [q.to_dict() for q in quotes]}


def render_extract(
    quotes: Sequence[Quote], article: Mapping[str, Any], fmt: str, *, color: bool = False
) -> str:
    """The quotes an article holds, one per entry, with who said them and who is credited."""
    if fmt == "json":
        return json.dumps(extract_to_dict(quotes, article), ensure_ascii=False, indent=2) + "\n"
    quotes, article = safe_for_display(tuple(quotes)), safe_for_display(dict(article))
    paint = _Painter(color)
    lines = []
    title = article.get("title") or article.get("source")
    if title:
        lines += [paint(f"Article: {title}", "bold"), ""]
    for n, q in enumerate(quotes, 1):
        lines.append(f"[{n}] {_quoted(q.text)}")
        lines.append("    " + paint(_attribution(q), "dim"))
    lines.append("")
    lines.append(f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''} found")
    return "\n".join(lines) + "\n"

"""The pure evaluate step: every quote judged against every source text, into one Report.

Kept apart from the pipeline (which reads files and fetches pages) so a worker can
run it on texts it already stored, and so it can be tested without any I/O. The
rule that gives the JSON its shape lives here: every source yields one Evidence
entry for every quote — a source that could not be read yields `unverifiable`
evidence rather than disappearing, so callers can always join results back on
the `source` string the user gave.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from quotetrail.core.align import prepare_page
from quotetrail.core.compare import judge_claim, summarize
from quotetrail.core.models import VERDICTS, Evidence, Quote, QuoteResult, Report, SourceStatus
from quotetrail.core.verdict import judge, unverifiable


class ReadSource(Protocol):
    """What evaluate needs of a source: how reading it went, and its text if it was read."""

    @property
    def status(self) -> SourceStatus: ...

    @property
    def text(self) -> str | None: ...


def evidence_for(quote: Quote, source: ReadSource) -> Evidence:
    """One quote against one source; an unreadable source is `unverifiable`, never skipped."""
    status = source.status
    if status.status != "ok" or not source.text or not source.text.strip():
        reason = status.error or "the source has no readable text"
        return unverifiable(status.source, reason)
    if quote.kind == "claim":
        return judge_claim(quote, source.text, status.source)
    return judge(quote.text, source.text, status.source)


def evaluate(
    quotes: Sequence[Quote],
    sources: Sequence[ReadSource],
    article: Mapping[str, Any] | None = None,
    searches: Sequence[Mapping[str, Any]] = (),
    on_quote: Callable[[int, int], None] | None = None,
) -> Report:
    """Judge each quote × source, summarise each quote, and keep the sources' statuses.

    Source by source: each page is prepared once, judged against every quote while it
    is pinned, then released — so the cost grows with pages + pairs, never with
    pages × quotes re-preparations, whatever the page cache can hold.

    `searches` are discovery's searches[] entries: an outlet searched for a quote
    (status ok) without finding it makes `not_found` stand for that quote.

    `on_quote(done, total)` is told after each source, in quotes' worth of judging done
    (pairs judged ÷ sources), so a caller can show progress as it happens (the worker
    writes it to the job; the core does no I/O).
    """
    grid: list[list[Evidence]] = [[] for _ in quotes]
    for done_sources, source in enumerate(sources, start=1):
        with prepare_page.pinned(source.text or ""):
            for row, quote in zip(grid, quotes, strict=True):
                row.append(evidence_for(quote, source))
        if on_quote is not None:
            on_quote(len(quotes) * done_sources // len(sources), len(quotes))
    if on_quote is not None and not sources:
        on_quote(len(quotes), len(quotes))
    results = [
        credited_source_rule(summarize(quote, evidence), sources, searched_for(n, searches))
        for n, (quote, evidence) in enumerate(zip(quotes, grid, strict=True))
    ]
    return Report(
        quotes=tuple(results),
        sources=tuple(source.status for source in sources),
        article=dict(article or {}),
        searches=tuple(dict(s) for s in searches),
    )


def searched_for(index: int, searches: Sequence[Mapping[str, Any]]) -> frozenset[str]:
    """The outlets (casefolded) whose listings were searched for quote `index` without refusal."""
    return frozenset(
        str(s.get("outlet", "")).casefold()
        for s in searches
        if s.get("status") == "ok" and index in s.get("quotes", ())
    )


def credited_source_rule(
    result: QuoteResult, sources: Sequence[ReadSource], searched: frozenset[str] = frozenset()
) -> QuoteResult:
    """A quote not found elsewhere whose credited outlet was not read is `unverifiable`.

    Why: "not found" would accuse the article, yet the one source it names was never
    seen. Applies when the article credits an outlet and no source labelled with that
    outlet could be read — because its page failed, or because none was among the
    sources at all and discovery could not search its listings (`searched`). The
    per-source evidence keeps its `not_found`; only the overall verdict changes.
    """
    cited = result.quote.cited_source
    if cited and cited.casefold() in searched:
        if result.verdict == "unverifiable" and not any(
            e.verdict != "unverifiable" for e in result.evidence
        ):  # searched, and no page carried it: that is a finding, not a gap
            return replace(result, verdict="not_found", score=0.0)
        return result
    if result.verdict != "not_found" or not cited:
        return result
    if not credited_outlet_read(cited, sources):
        return replace(result, verdict="unverifiable", score=0.0)
    return result


def credited_outlet_read(cited: str, sources: Sequence[ReadSource]) -> bool:
    """Whether any source labelled with the outlet `cited` was read."""
    return any(
        s.status.status == "ok"
        and s.status.outlet
        and s.status.outlet.casefold() == cited.casefold()
        for s in sources
    )


def all_matched(report: Report) -> bool:
    """True when every quote was found verbatim: the CLI's exit status 0."""
    return all(result.verdict == "matched" for result in report.quotes)


def verdict_counts(report: Report) -> dict[str, int]:
    """How many quotes got each overall verdict (every verdict present, zeros included)."""
    counts = dict.fromkeys(VERDICTS, 0)
    for result in report.quotes:
        counts[result.verdict] = counts.get(result.verdict, 0) + 1
    return counts


def cited_outlets(report: Report) -> list[str]:
    """Distinct outlets the article credits for its quotes, in order of first mention."""
    return _unique(r.quote.cited_source for r in report.quotes if r.quote.cited_source)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))

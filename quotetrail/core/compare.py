"""One quote across many sources: overall verdict, evidence order, wording groups.

Ordering uses `models.VERDICT_RANK` then score. `altered` ranks above `paraphrased`
on purpose: if any source carries a near-verbatim version whose negation, number
or name differs from the quote, that is what the journalist must see first — a
paraphrase elsewhere does not make the changed wording any less of a problem, and
a verbatim match anywhere still wins (the quote *is* in a source).

Wording groups gather sources that carry the same passage (after normalisation,
rapidfuzz `ratio` ≥ 95, and no change of number, negation or name between them —
the core's own `judge` must call one passage a match of the other), so a reader sees at a glance that, say, three outlets
carry one wording and a fourth carries another. Only evidence with a passage that
supports or bears on the quote (matched, altered, paraphrased) is grouped;
not_found and unverifiable sources have no wording to compare — they stay visible
in the evidence list, not in the comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from quotetrail.core.models import VERDICT_RANK, Evidence, Quote, QuoteResult, Verdict, WordingGroup
from quotetrail.core.normalize import normalize
from quotetrail.core.verdict import judge

SAME_WORDING = 95.0
_GROUPED: frozenset[str] = frozenset({"matched", "altered", "paraphrased"})


def rank_key(evidence: Evidence) -> tuple[int, float, str]:
    """Sort key: best verdict first, then higher score, then source for stability."""
    return VERDICT_RANK[evidence.verdict], -evidence.score, evidence.source


def summarize(quote: Quote, evidence: Sequence[Evidence]) -> QuoteResult:
    """Overall verdict = the best evidence; with no evidence at all, `unverifiable`."""
    if quote.kind == "claim":
        evidence = [_claim_evidence(quote, ev) for ev in evidence]
    ordered = tuple(sorted(evidence, key=rank_key))
    if not ordered:
        return QuoteResult(quote=quote, verdict="unverifiable", score=0.0)
    best = ordered[0]
    return QuoteResult(
        quote=quote,
        verdict=best.verdict,
        score=best.score,
        evidence=ordered,
        comparison=wording_groups(ordered),
    )


def judge_claim(quote: Quote, source_text: str, source: str) -> Evidence:
    """A claim against one source: its whole text, or what was said after the cue.

    "Андрей Кольцов пообещал открыть мост в мае" rarely stands in the source as
    written; "открыть мост в мае" (the act's content) does, reworded. The better of
    the two judgements counts, and it is never `matched` unless the words are there.
    """
    tries = [judge(quote.text, source_text, source)]
    cue = (quote.cue or "").lower()
    at = quote.text.lower().find(cue) if cue else -1
    rest = quote.text[at + len(cue) :].strip(" ,:") if at >= 0 else ""
    if len(rest.split()) >= 3:
        tries.append(judge(rest, source_text, source))
    return _claim_evidence(quote, min(tries, key=rank_key))


def _claim_evidence(quote: Quote, ev: Evidence) -> Evidence:
    """A claim is the writer's summary: it supports, it is not `matched`, unless the words are there.

    `judge` forgives small wording changes in a quote; for a claim ("X thanked Y for the
    support") those changes are the writer's, so a near-verbatim passage only counts as
    `matched` when it holds every word of the claim in order (after normalisation).
    """
    if ev.verdict != "matched" or normalize(quote.text) in normalize(ev.passage):
        return ev
    return replace(ev, verdict="paraphrased")


def wording_groups(evidence: Sequence[Evidence]) -> tuple[WordingGroup, ...]:
    """Group sources whose passages are identical or nearly so (best evidence first)."""
    groups: list[tuple[str, list[Evidence]]] = []  # (normalised wording, members)
    for ev in sorted(evidence, key=rank_key):
        if ev.verdict not in _GROUPED or not ev.passage:
            continue
        norm = normalize(ev.passage)
        for key, members in groups:
            if _same_wording(norm, key, ev.passage, members[0].passage):
                members.append(ev)
                break
        else:
            groups.append((norm, [ev]))
    return tuple(_group(members) for _, members in groups)


def _same_wording(norm: str, key: str, passage: str, wording: str) -> bool:
    """Near-identical text is not enough: "5 percent" and "50 percent" differ in meaning."""
    if fuzz.ratio(norm, key) < SAME_WORDING:
        return False
    return norm == key or judge(passage, wording).verdict == "matched"


def _group(members: list[Evidence]) -> WordingGroup:
    best = members[0]
    verdict: Verdict = best.verdict
    sources = tuple(dict.fromkeys(m.source for m in members))
    return WordingGroup(wording=best.passage, verdict=verdict, sources=sources)

"""Decide whether a quote is in a source: matched, altered, paraphrased or not_found.

The decision is made from honest, inspectable signals that need no model:

1. Align the quote to its best passage (align.py). If the passage is *near-verbatim*
   (most of the quote's words, by stem, in order, in a passage of about the quote's
   length) the quote is judged word by word:
   - any changed negation, number, name or opposite word → `altered`
     (checked before anything else: such a quote must never be called matched),
     unless the passage covers only part of its sentence and the rest of that
     clause carries the negation, number or name the quote "adds" ("Selling the
     land … was never part of our plans" for "We never planned to sell the land …"):
     then the quote rewords the whole sentence and goes to the paraphrase test (2)
     on it, staying `altered` if that test fails;
   - otherwise, if every difference is one normalisation forgives (an omission
     mark standing for skipped words, words in place of an [editorial insertion])
     → `matched`;
   - otherwise (other words in the same frame) → `paraphrased`.
2. Otherwise look for a *paraphrase*: one to three sentences around the candidate
   regions that contain most of the quote's content words (stemmed, stopwords
   removed) and agree with it on every number, every name and on negation. Anything
   weaker — including a passage on the same topic that states something else —
   is `not_found`, and the reasons say what the closest passage lacks.

Scores (0–100): matched is 100; a near-verbatim altered/paraphrased passage scores
its stem Dice similarity to the quote; a looser paraphrase the weighted share of the
quote's content words it carries; not_found keeps that share for the closest passage
(capped at 59) so a reviewer can see how close it came.

An optional semantic scorer (any callable ``(quote, passage) -> 0..1``) can rescue
paraphrases whose wording shares too few words; nothing requires it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from quotetrail.core import semantic
from quotetrail.core.align import (
    FRAGMENT_GAP,
    Alignment,
    Page,
    QuoteView,
    best_alignment,
    candidate_regions,
    find_exact,
    prepare_page,
    prepare_quote,
)
from quotetrail.core.anchors import text_lang
from quotetrail.core.diff import Run, ops_from_runs, token_runs
from quotetrail.core.lexicon import (
    AGENT_MARKERS,
    INSTRUMENTAL_ENDINGS,
    NOT_AGENT_PREPOSITIONS,
    SPEECH_VERBS,
    WEAK_NEGATIONS,
)
from quotetrail.core.meaning import (
    antonym_conflict,
    antonym_reason,
    clause_bounds,
    clause_spans,
    content_keys,
    context_reason,
    date_reason,
    is_name,
    is_negation,
    lexical_negatives,
    limiter_reason,
    limiter_words,
    negation_reason,
    negation_words,
    number_order_reason,
    number_reasons,
    prefix_negation_reason,
    same_name,
)
from quotetrail.core.models import Evidence
from quotetrail.core.normalize import Token

NEAR_VERBATIM = 0.7  # Dice similarity of stems between quote and passage
PARAPHRASE_RECALL = 0.6  # share of the quote's content words a paraphrase must carry
SEMANTIC_FLOOR = 0.35  # below this overlap even a semantic model is not consulted
SEMANTIC_THRESHOLD = 0.8
EDITORIAL_WORDS = 3  # source words an [editorial insertion] may stand in for
NAME_CONTEXT = 60  # tokens before a passage where its speaker's name may appear
EDGE_EXTENSION = 4
SHORT_QUOTE = 12  # tokens; longer quotes may be paraphrased across one more sentence
HIDDEN_NEGATION_SPAN = 4  # omissions this short that hide a negation make a quote altered

SemanticScorer = Callable[[str, str], float]
_semantic: SemanticScorer | None = None


def use_semantic_model(scorer: SemanticScorer | None) -> None:
    """Plug in (or remove) a semantic similarity model for borderline paraphrases."""
    global _semantic
    _semantic = scorer


def unverifiable(source: str, reason: str) -> Evidence:
    """Evidence for a source that could not be read (fetch failed, not text, ...)."""
    return Evidence(source=source, verdict="unverifiable", reasons=(reason,))


def judge(quote: str, source_text: str, source: str = "") -> Evidence:
    """Judge one quote against one source text; never raises on any pair of strings.

    A source in the other language goes to semantic.judge_across (`translated`); in
    the same language, a quote the word-level tests cannot find gets one more chance
    from the sentence-similarity model when one is plugged in (semantic.py).
    """
    q_lang, page_lang = text_lang(quote), semantic.page_lang(source_text)
    evidence = _judge_same_language(quote, source_text, source)
    if q_lang and page_lang and q_lang != page_lang:
        # a page in the other language may still carry the quote's own words
        if evidence.verdict in ("matched", "altered", "paraphrased"):
            return replace(evidence, lang=q_lang)
        return semantic.judge_across(quote, source_text, source)
    if evidence.verdict == "not_found" and semantic.unavailable_reason() is None:
        evidence = _other_words(quote, source_text, source, evidence)
    return replace(evidence, lang=page_lang) if evidence.lang is None else evidence


def _other_words(quote: str, source_text: str, source: str, lexical: Evidence) -> Evidence:
    """The model's paraphrase, unless the word-level test saw that very passage conflict.

    Why: the lexical test's reasons beyond the first ("negation differs", "word changed:
    open → close") are facts about the passage; a similarity score cannot overrule them.
    """
    found = semantic.paraphrase_in_other_words(quote, source_text, source)
    if found is None:
        return lexical
    same = lexical.start >= 0 and found.start < lexical.end and lexical.start < found.end
    if same and len(lexical.reasons) > 1:
        return lexical
    return found


def _judge_same_language(quote: str, source_text: str, source: str) -> Evidence:
    q = prepare_quote(quote)
    if not q.tokens:
        return Evidence(source, "not_found", reasons=("the quote has no words to look for",))
    page = prepare_page(source_text)
    if not page.keys:
        return Evidence(source, "not_found", reasons=("the source has no text",))
    exact = find_exact(q, page)
    regions = [] if exact else candidate_regions(q, page)
    alignment = exact or best_alignment(q, page, regions)
    if alignment is not None:
        close = _judge_near_verbatim(q, page, alignment, source)
        if close is not None:
            return close
    return _judge_loose(q, page, regions, source)


# --- near-verbatim -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Comparison:
    first: int
    last: int
    runs: list[Run]
    forgiven: set[int]  # indices into runs
    hidden: list[Token]  # source words an omission mark stands for
    replaced: list[Token]  # source words an [editorial insertion] stands in for


def _extend(q: QuoteView, page: Page, al: Alignment) -> tuple[int, int]:
    """Widen the passage over the source words facing unmatched quote words at either end.

    Why: "… это нормально" aligned to "… это ненормально" must show the last word, and
    "…, Reyne said" aligned to "…, Tuttle said" must show Tuttle (names get a few
    extra words for first names and titles). Never past the sentence.
    """
    first, last = al.first, al.last
    lead, trail = al.pairs[0][0], len(q.tokens) - 1 - al.pairs[-1][0]
    if lead:
        extra = EDGE_EXTENSION if any(is_name(t) or t.number for t in q.tokens[:lead]) else 0
        s_first, _ = page.sentence_span(page.sentence_of(first))
        first = max(s_first, first - lead - extra)
    if trail:
        extra = EDGE_EXTENSION if any(is_name(t) or t.number for t in q.tokens[-trail:]) else 0
        _, s_last = page.sentence_span(page.sentence_of(last))
        last = min(s_last, last + trail + extra)
    return first, last


def _name_order(q: QuoteView, page: Page, first: int, last: int) -> tuple[str, int, int] | None:
    """The quote's names in another order than its source sentence's, and the span showing them.

    The reason is empty when the order differs only because the quote turns the
    source's passive into an active: the span still has to show the agent.

    Why: "Jones defeated Smith" for "Smith defeated Jones" keeps every word yet reverses
    the claim. Names next to a speech verb (who said it) are left out: reported speech
    moves the speaker freely.
    """
    names: list[Token] = []
    for i, t in enumerate(q.tokens):
        if not t.capital or t.number or _next_to_speech_verb(q.tokens, i):
            continue
        if not (is_name(t) or (t.sentence_start and _page_has_name(page, t.norm))):
            continue
        if not any(same_name(t.norm, n.norm) for n in names):
            names.append(t)
    if len(names) < 2:
        return None
    lo = page.sentence_span(page.sentence_of(first))[0]
    hi = page.sentence_span(page.sentence_of(last))[1]
    positions = []
    for t in names:
        at = next(
            (
                i
                for i in range(lo, hi + 1)
                if page.tokens[i].capital
                and same_name(t.norm, page.tokens[i].norm)
                and not _next_to_speech_verb(page.tokens, i)
            ),
            None,
        )
        if at is None or at in positions:
            return None
        positions.append(at)
    if positions == _expected_order(q, page, names, positions, lo):
        if positions == sorted(positions):
            return None
        return "", min(first, *positions), max(last, *positions)  # passive → active
    src = page.norm.original
    was = " … ".join(src[page.tokens[p].start : page.tokens[p].end] for p in sorted(positions))
    now = " … ".join(q.norm.original[t.start : t.end] for t in names)
    return f"names in another order: {was} → {now}", min(first, *positions), max(last, *positions)


def _expected_order(
    q: QuoteView, page: Page, names: list[Token], positions: list[int], lo: int
) -> list[int]:
    """The source positions in the order an unswapped quote would name them.

    Why: "Harwick will build the footbridge" for "The footbridge will be built by
    Harwick" turns a passive into an active: the agent moves to the front without
    any swap of roles. A quote that keeps the passive (its own "by …") keeps the
    source's order, so "Smith defeated Jones" for "Smith was defeated by Jones"
    is still a swap. A Russian instrumental counts as an agent only while the quote
    puts no name of its own in the instrumental: «Сидоров руководил Петровым» for
    «Петров руководил Сидоровым» swaps roles.
    """
    pairs = list(zip(names, positions, strict=True))
    marked = {p for t, p in pairs if _by_agent(page, p, lo) and not _quote_agent(q, t)}
    quote_instrumental = any(
        _instrumental(t.norm) and t.norm != page.tokens[p].norm for t, p in pairs
    )
    if not quote_instrumental:
        marked |= {p for t, p in pairs if _instrumental_agent(page, p, lo, t)}
    return sorted(positions, key=lambda p: (p not in marked, p))


AGENT_REACH = 2  # words allowed between "by"/«силами» and the name ("by the", «силами компании»)


def _by_agent(page: Page, p: int, lo: int) -> bool:
    """Whether source name p follows "by"/«силами» (name parts and two words between)."""
    tokens = page.tokens
    i, between = p - 1, 0
    while i >= lo and between <= AGENT_REACH:
        if tokens[i].norm in AGENT_MARKERS:
            return True
        if not tokens[i].capital:  # name parts ("by Harwick Construction") are not counted
            between += 1
        i -= 1
    return False


def _instrumental(norm: str) -> bool:
    return norm.endswith(INSTRUMENTAL_ENDINGS)


def _instrumental_agent(page: Page, p: int, lo: int, quoted: Token) -> bool:
    """A Russian name the source puts in the instrumental and the quote does not («Вектором»)."""
    norm = page.tokens[p].norm
    before = page.tokens[p - 1].norm if p > lo else ""
    return (
        norm != quoted.norm
        and _instrumental(norm)
        and not _instrumental(quoted.norm)
        and before not in NOT_AGENT_PREPOSITIONS
    )


def _quote_agent(q: QuoteView, t: Token) -> bool:
    """Whether the quote itself gives name t as a passive's agent ("… by Jones")."""
    i = q.tokens.index(t)
    return any(u.norm in AGENT_MARKERS for u in q.tokens[max(0, i - 1 - AGENT_REACH) : i])


def _next_to_speech_verb(tokens: Sequence[Token], i: int) -> bool:
    around = tokens[max(0, i - 1) : i + 2]
    return any(t.norm in SPEECH_VERBS for t in around)


def _page_has_name(page: Page, norm: str) -> bool:
    return norm in page.names or any(same_name(norm, n) for n in page.names)


def _compare(q: QuoteView, page: Page, first: int, last: int) -> _Comparison:
    passage = page.tokens[first : last + 1]
    runs = token_runs(q.tokens, passage)
    forgiven: set[int] = set()
    hidden: list[Token] = []
    replaced: list[Token] = []
    qt = q.tokens
    for k, (op, i1, _i2, j1, j2) in enumerate(runs):
        if op != "delete" or i1 == 0 or i1 >= len(qt):
            continue
        if qt[i1 - 1].fragment != qt[i1].fragment and j2 - j1 <= FRAGMENT_GAP:
            forgiven.add(k)
            hidden.extend(passage[j1:j2])
        elif i1 in q.editorial_gaps and j2 - j1 <= EDITORIAL_WORDS:
            forgiven.add(k)
            replaced.extend(passage[j1:j2])
    return _Comparison(first, last, runs, forgiven, hidden, replaced)


def _similarity(q: QuoteView, al: Alignment, cmp: _Comparison) -> float:
    """Dice similarity of quote and aligned span, not counting words an omission skips."""
    skipped = sum(r[4] - r[3] for k, r in enumerate(cmp.runs) if k in cmp.forgiven)
    passage_len = al.last - al.first + 1 - skipped
    return 2 * al.matched / (len(q.tokens) + passage_len)


def _judge_near_verbatim(q: QuoteView, page: Page, al: Alignment, source: str) -> Evidence | None:
    first, last = _extend(q, page, al)
    cmp = _compare(q, page, first, last)
    sim = _similarity(q, al, cmp)
    if sim < NEAR_VERBATIM or al.matched < min(2, len(q.tokens)):
        return None
    swapped = _name_order(q, page, first, last)
    if swapped is not None:  # show the passage with both names
        first, last = swapped[1], swapped[2]
        cmp = _compare(q, page, first, last)
    reasons = _meaning_changes(q, page, cmp)
    if swapped is not None and swapped[0]:
        reasons.append(swapped[0])
    passage_tokens = page.tokens[first : last + 1]
    start, end = page.norm.span(first, last)
    diff = ops_from_runs(cmp.runs, q.norm.original, q.tokens, page.norm.original, passage_tokens)
    passage = page.norm.original[start:end]
    if reasons:
        if (swapped is None or not swapped[0]) and _said_in_clause(q, page, cmp, reasons):
            reworded = _judge_sentence(q, page, cmp, source)
            if reworded.verdict == "paraphrased":
                return reworded
        return Evidence(
            source, "altered", round(100 * sim, 1), passage, start, end, diff, tuple(reasons)
        )
    if all(op == "equal" or k in cmp.forgiven for k, (op, *_r) in enumerate(cmp.runs)):
        return Evidence(source, "matched", 100.0, passage, start, end, diff, ())
    if _content_recall(q, page, first, last) < PARAPHRASE_RECALL - 1e-9:
        return None  # same frame, other key words: let the loose search decide
    why = ("wording differs from the source",)
    return Evidence(source, "paraphrased", round(100 * sim, 1), passage, start, end, diff, why)


def _said_in_clause(q: QuoteView, page: Page, cmp: _Comparison, reasons: list[str]) -> bool:
    """Whether every change is a negation, number or name the rest of the passage's clause says.

    Why: a quote that rewords a whole sentence aligns near-verbatim to only part of it
    ("Selling the land to private developers" for "We never planned to sell the land to
    private developers"), and the passage then lacks the "never" that the clause goes on
    to say ("… was never part of our plans"). Only additions can be explained so: a
    negation the passage has and the quote lacks, or a number or name the passage
    gives otherwise ("number changed"), stays a change.
    """
    if not all(_clause_can_explain(r) for r in reasons):
        return False
    sentence = (
        page.sentence_span(page.sentence_of(cmp.first))[0],
        page.sentence_span(page.sentence_of(cmp.last))[1],
    )
    lo, hi = clause_bounds(page.tokens, page.norm.original, cmp.first, cmp.last, sentence)
    if (lo, hi) == (cmp.first, cmp.last):
        return False
    skipped = {id(t) for t in cmp.hidden} | {id(t) for t in cmp.replaced}
    clause = [t for t in page.tokens[lo : hi + 1] if id(t) not in skipped]
    if negation_reason(q.tokens, clause):
        return False
    if number_reasons(q.tokens, q.norm.original, clause, page.norm.original):
        return False
    context = page.tokens[max(0, cmp.first - NAME_CONTEXT) : hi + 1]
    return all(any(same_name(t.norm, c.norm) for c in context) for t in q.tokens if is_name(t))


_EXPLAINABLE = ("negation added: ", "number not in source: ")


def _clause_can_explain(reason: str) -> bool:
    """Reasons that words outside a partial passage may answer (not word swaps: "не…" → "…")."""
    if reason.startswith("name not in source passage: "):
        return True
    return reason.startswith(_EXPLAINABLE) and not (
        reason.startswith("negation added: ") and "→" in reason
    )


def _judge_sentence(q: QuoteView, page: Page, cmp: _Comparison, source: str) -> Evidence:
    """The paraphrase decision on the sentence(s) holding the passage."""
    lo = page.sentence_span(page.sentence_of(cmp.first))[0]
    hi = page.sentence_span(page.sentence_of(cmp.last))[1]
    return _judge_loose(q, page, [(lo, hi + 1)], source)


def _quote_names(q: QuoteView, page: Page) -> list[Token]:
    """The quote's proper nouns, including a sentence-initial one the page capitalises."""
    return [t for t in q.tokens if is_name(t) or (t.capital and t.norm in page.names)]


def _content_recall(q: QuoteView, page: Page, first: int, last: int) -> float:
    """Weighted share of the quote's content words (names aside) the passage carries."""
    named = _quote_names(q, page)
    keys = set(content_keys([t for t in q.tokens if t not in named]))
    if not keys:
        return 1.0
    weights = _weights(keys, page)
    prefixes = _prefix_keys(keys)
    found = set()
    for k in range(first, last + 1):
        key = page.keys[k]
        if key in keys:
            found.add(key)
        elif key[:5] in prefixes:
            found.add(prefixes[key[:5]])
    return math.fsum(weights[k] for k in found) / math.fsum(weights.values())


def _meaning_changes(q: QuoteView, page: Page, cmp: _Comparison) -> list[str]:
    passage = list(page.tokens[cmp.first : cmp.last + 1])
    hidden_ids = {id(t) for t in cmp.hidden} | {id(t) for t in cmp.replaced}
    compared = [t for t in passage if id(t) not in hidden_ids]
    reasons: list[str] = []
    # A short omission inside a clause ("I will … go") can hide a "not"; a long one cuts
    # whole clauses, whose negations do not bear on the words quoted.
    hidden_neg = [t.norm for i, t in enumerate(cmp.hidden) if is_negation(cmp.hidden, i)]
    if hidden_neg and len(cmp.hidden) <= HIDDEN_NEGATION_SPAN:
        reasons.append("omission hides negation: " + ", ".join(hidden_neg))
    replaced_neg = [t.norm for i, t in enumerate(cmp.replaced) if is_negation(cmp.replaced, i)]
    if replaced_neg:
        reasons.append("editorial insertion replaces negation: " + ", ".join(replaced_neg))
    replaced_limit = limiter_words(cmp.replaced)
    if replaced_limit:
        reasons.append("editorial insertion replaces: " + ", ".join(replaced_limit))
    neg = negation_reason(q.tokens, compared)
    if neg:
        reasons.append(neg)
    limit = limiter_reason(q.tokens, compared)
    if limit:
        reasons.append(limit)
    reasons.extend(number_reasons(q.tokens, q.norm.original, compared, page.norm.original))
    order = number_order_reason(q.tokens, compared)
    if order:
        reasons.append(order)
    sentence_first, _ = page.sentence_span(page.sentence_of(cmp.first))
    context = context_reason(page.tokens, page.norm.original, cmp.first, sentence_first)
    if context:
        reasons.append(context)
    date = date_reason([t.norm for t in q.tokens], [t.norm for t in compared])
    if date:
        reasons.append(date)
    reasons.extend(_name_changes(q, page, cmp, passage))
    for op, i1, i2, j1, j2 in cmp.runs:
        if op == "replace":
            q_words = [t.norm for t in q.tokens[i1:i2]]
            s_words = [t.norm for t in passage[j1:j2]]
            swap = antonym_reason(q_words, s_words) or prefix_negation_reason(q_words, s_words)
            if swap and not any(is_negation(passage, j) for j in range(j1, j2)):
                reasons.append(swap)
    return _unique(reasons)


def _name_changes(q: QuoteView, page: Page, cmp: _Comparison, passage: list[Token]) -> list[str]:
    """Names in the quote that the source replaced, or that it does not give near the passage."""
    reasons = []
    context = page.tokens[max(0, cmp.first - NAME_CONTEXT) : cmp.last + 1]
    for op, i1, i2, j1, j2 in cmp.runs:
        if op == "equal":
            continue
        source_names = [t for t in passage[j1:j2] if t.capital]
        for t in q.tokens[i1:i2]:
            if not is_name(t) or any(same_name(t.norm, s.norm) for s in passage):
                continue
            written = q.norm.original[t.start : t.end]
            swapped = [s for s in source_names if is_name(s)]
            if swapped:
                was = page.norm.original[swapped[-1].start : swapped[-1].end]
                reasons.append(f"name changed: {was} → {written}")
            elif not any(same_name(t.norm, c.norm) for c in context):
                instead = (
                    page.norm.original[passage[j1].start : passage[j2 - 1].end] if j2 > j1 else ""
                )
                reasons.append(
                    f"name not in source passage: {written}"
                    + (f" (source: {instead})" if instead else "")
                )
    return reasons


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- paraphrase / not found -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Window:
    first: int
    last: int
    recall: float
    core_first: int  # the sentences holding the matched content words
    core_last: int
    names: int = 0  # the quote's names the window carries (a tie-breaker)


def _prefix_keys(keys: set[str]) -> dict[str, str]:
    """The quote words of 5+ letters by their first five ("announc" finds "announcement").

    Built in sorted order, as are the float sums over these sets (`math.fsum`): a set's
    order follows the process's hash seed, and the same quote and page must get the same
    passage and score in every worker.
    """
    return {k[:5]: k for k in sorted(keys) if len(k) >= 5}


def _weights(keys: set[str], page: Page) -> dict[str, float]:
    """Inverse sentence frequency of each quote word in this page.

    Why: a page repeats its topic words ("school", "Северогорск") everywhere, so
    sharing them proves little; a paraphrase must share the words that carry the
    specific claim, and a hard negative is exactly topic words plus another claim.
    """
    n = len(page.sentence_starts)
    out: dict[str, float] = {}
    absent = []
    for k in keys:
        sf = page.sentence_freq.get(k, 0)
        if sf:
            out[k] = math.log((n + 1) / (sf + 0.5)) + 0.1
        else:
            absent.append(k)
    # A word the page never uses is a synonym as often as a new claim: weigh it as an
    # average word rather than as the rarest one.
    fallback = math.fsum(out.values()) / len(out) if out else 1.0
    out.update(dict.fromkeys(absent, fallback))
    return out


class _SentenceHits:
    """Which quote words each sentence carries (set intersections, memoised)."""

    def __init__(self, page: Page, keys: set[str]) -> None:
        self.page = page
        self.keys = frozenset(keys)
        self.prefixes = _prefix_keys(keys)
        self.prefix_set = frozenset(self.prefixes)
        self._memo: dict[int, frozenset[str]] = {}

    def __call__(self, s: int) -> frozenset[str]:
        hit = self._memo.get(s)
        if hit is None:
            hit = self.page.sentence_keys[s] & self.keys
            extra = self.page.sentence_prefixes[s] & self.prefix_set
            if extra:
                hit = hit | {self.prefixes[p] for p in extra}
            self._memo[s] = hit
        return hit


def _best_window(
    q: QuoteView, page: Page, regions: list[tuple[int, int]], keys: set[str], names: set[str]
) -> _Window | None:
    """The run of whole sentences around the candidate regions that best covers the quote.

    Ranked by weighted recall, then by how many of the quote's names it carries,
    then by shortness.
    """
    # A short one-sentence quote is said in one sentence: pairing sentences would let
    # topic words from two unrelated statements add up to a false paraphrase.
    q_sentences = 1 + sum(t.sentence_start for t in q.tokens[1:])
    span = q_sentences + (1 if len(q.tokens) > SHORT_QUOTE else 0)
    weights = _weights(keys, page)
    total = math.fsum(weights.values())
    hits = _SentenceHits(page, keys | names)
    n_sentences = len(page.sentence_starts)
    starts: set[int] = set()
    for lo, hi in regions:
        starts.update(range(page.sentence_of(lo) - span + 1, page.sentence_of(max(lo, hi - 1)) + 1))
    best: tuple[float, int, int] | None = None
    where = (0, 0, 0, 0)  # first and last sentence of the best window and of its core
    for s in sorted(x for x in starts if 0 <= x < n_sentences):
        found: set[str] = set()
        weight = 0.0
        core = (-1, -1)
        for n in range(min(span, n_sentences - s)):
            new = hits(s + n) - found
            if not new and n:
                continue
            if new:
                found |= new
                weight += math.fsum(weights.get(w, 0.0) for w in new)
                core = (s + n if core[0] < 0 else core[0], s + n)
            a, b = page.sentence_bounds[s][0], page.sentence_bounds[s + n][1]
            rank = (weight / total, len(found & names), a - b)
            if best is None or rank > best:
                best = rank
                where = (s, s + n, *(core if core[0] >= 0 else (s, s + n)))
    if best is None:
        return None
    s1, s2, c1, c2 = where
    bounds = page.sentence_bounds
    return _Window(bounds[s1][0], bounds[s2][1], best[0], bounds[c1][0], bounds[c2][1], best[1])


def _judge_loose(q: QuoteView, page: Page, regions: list[tuple[int, int]], source: str) -> Evidence:
    # Names are checked on their own (they may sit in the sentence before, as the
    # attribution), so the overlap measures the statement itself; names only break ties.
    named = _quote_names(q, page)
    plain = [t for t in q.tokens if t not in named]
    keys = set(content_keys(plain)) or set(content_keys(q.tokens))
    if not keys:
        return Evidence(source, "not_found", reasons=("the quote has only function words",))
    names = set(content_keys(named)) - keys
    best = _best_window(q, page, regions or candidate_regions(q, page), keys, names)
    if best is None or best.recall == 0:
        return Evidence(source, "not_found", reasons=("no passage shares the quote's words",))
    start, end = page.norm.span(best.first, best.last)
    passage = page.norm.original[start:end]
    # Below the semantic floor the passage is no candidate paraphrase: listing how it
    # differs ("date changed", "negation differs") would read as a near miss.
    conflicts = _loose_conflicts(q, page, best) if best.recall >= SEMANTIC_FLOOR else []
    share = f"closest passage carries {round(100 * best.recall)}% of the weight of the quote's content words"
    score = round(100 * best.recall, 1)
    if not conflicts and _supports(q, passage, best.recall):
        return Evidence(
            source,
            "paraphrased",
            score,
            passage,
            start,
            end,
            (),
            ("same statement in other words",),
        )
    return Evidence(
        source, "not_found", min(score, 59.0), passage, start, end, (), (share, *conflicts)
    )


def _supports(q: QuoteView, passage: str, recall: float) -> bool:
    if recall >= PARAPHRASE_RECALL - 1e-9:  # weights are floats: 3 of 5 is 0.6
        return True
    if _semantic is not None and recall >= SEMANTIC_FLOOR:
        return _semantic(q.norm.original, passage) >= SEMANTIC_THRESHOLD
    return False


def _loose_conflicts(q: QuoteView, page: Page, w: _Window) -> list[str]:
    """What a paraphrase may not change: numbers, names, negation, opposite words."""
    window = page.tokens[w.first : w.last + 1]
    core = page.tokens[w.core_first : w.core_last + 1]
    reasons = number_reasons(q.tokens, q.norm.original, window, page.norm.original)
    context = page.tokens[max(0, w.first - NAME_CONTEXT) : w.last + 1]
    for t in q.tokens:
        if is_name(t) and not any(same_name(t.norm, c.norm) for c in context):
            reasons.append(f"name not in source passage: {q.norm.original[t.start : t.end]}")
    q_neg = _polarity(q.tokens)
    s_neg = _polarity(core)
    if bool(q_neg) != bool(s_neg):
        reasons.append("negation differs" if q_neg else "source negates it")
    elif q_neg and not _negated_where_said(q, page, w):
        reasons.append("negation differs: the source negates another clause")
    swap = antonym_conflict([t.norm for t in q.tokens], [t.norm for t in core])
    if swap:
        reasons.append(swap)
    date = date_reason([t.norm for t in q.tokens], [t.norm for t in window])
    if date:
        reasons.append(date)
    return _unique(reasons)


def _polarity(tokens: Sequence[Token]) -> list[str]:
    """Negations, "without"/"без", and lexical negatives ("groundless" = "has no grounds")."""
    weak = [t.norm for t in tokens if t.norm in WEAK_NEGATIONS]
    return negation_words(tokens) + weak + lexical_negatives(tokens)


def _negated_where_said(q: QuoteView, page: Page, w: _Window) -> bool:
    """Whether a clause carrying the quote's content words is negated.

    Why: in "The mayor never said that the plant will close" the "never" negates
    "said"; the clause holding "plant" and "close" is positive, so it cannot back
    "the plant will never close". (A positive quote is checked per sentence above: a
    negation anywhere around it, "never said that …", already keeps it unsupported.)
    """
    keys = set(content_keys(q.tokens))
    prefixes = {k[:5] for k in keys if len(k) >= 5}
    text = page.norm.original
    for a, b in clause_spans(page.tokens, text, w.core_first, w.core_last):
        carries = any(
            page.keys[k] in keys or (len(page.keys[k]) >= 5 and page.keys[k][:5] in prefixes)
            for k in range(a, b + 1)
        )
        clause = page.tokens[a : b + 1]
        if carries and _polarity(clause):
            return True
    return False

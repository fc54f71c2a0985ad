"""Language-independent anchors: numbers, dates, names and negation, compared across languages.

    quote text ──tokenize──► numbers (values), dates (month/season/weekday members),
    passage text            names (transliterated keys), polarity (negation or a
                            lexical negative) ──compare──► Anchor[] + reasons

A multilingual embedding scores "4 thousand" and "40,000" alike, and a flipped
negation barely moves it; these anchors are what decides that a faithful-looking
rendering is `altered`. They are also how candidate sentences are picked before any
model runs: a sentence that shares a number, a date or a name with the quote is
worth embedding. Reasons read "source → quote" like meaning.py's ("number changed:
4 тыс. → 40,000"). Pure functions: no I/O; the transliteration is iuliia's
Wikipedia scheme (Пашинян → Pashinyan, Алиев → Aliyev).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import iuliia
from rapidfuzz import fuzz

from quotetrail.core.lexicon import (
    STOPWORDS,
    TIME_GROUPS,
    WEAK_NEGATIONS,
)
from quotetrail.core.meaning import (
    NumberMention,
    lexical_negatives,
    negation_words,
    number_mentions,
)
from quotetrail.core.models import Anchor
from quotetrail.core.normalize import Token, tokenize

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_MONTHS = TIME_GROUPS[0]

# English exonyms whose Russian form no transliteration reaches (Moscow ≠ Moskva).
EXONYMS: dict[str, str] = {
    "russia": "rossi",
    "moscow": "moskv",
    "kyiv": "kiev",
    "kiev": "kiev",
    "azerbaijan": "azerbaidjan",
    "georgia": "gruzi",
    "germany": "germani",
    "turkey": "turci",
    "china": "kitai",
    "belarus": "belorusi",
    "us": "ssha",
    "usa": "ssha",
    "america": "amerik",
    "eu": "es",
    "nato": "nato",
    "un": "oon",
    "britain": "britani",
    "london": "london",
    "tbilisi": "tbilis",
    "baku": "baku",
}


def text_lang(text: str) -> str | None:
    """'ru' when most letters are Cyrillic, 'en' when most are Latin, None without letters."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    if not cyr and not lat:
        return None
    return "ru" if cyr >= lat else "en"


@lru_cache(maxsize=8192)
def name_key(word: str) -> str:
    """A spelling-neutral key for a name in either script (Пашиняну → pashinianu).

    Why: English spells Russian names by several schemes (Aliyev/Aliev, Shoigu/Shoygu,
    Zelensky/Zelenskyy); folding y/j to i, w to v, c to k and doubled letters away
    makes the schemes meet, and the inflected Russian forms keep the stem in front.
    """
    word = word.lower().replace("ё", "е")
    if _CYRILLIC.search(word):
        word = iuliia.WIKIPEDIA.translate(word).lower()
    word = EXONYMS.get(word.removesuffix("'s"), word.removesuffix("'s")).replace("oo", "u")
    for a, b in (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ch", "c"), ("ks", "x")):
        word = word.replace(a, b)
    word = word.translate(str.maketrans({"y": "i", "j": "i", "w": "v", "c": "k", "'": ""}))
    return re.sub(r"(.)\1+", r"\1", word)


def same_name_across(a: str, b: str) -> bool:
    """Whether two name keys are one name, allowing Russian case endings on either side."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3:
        return False
    if long_.startswith(short[: max(3, len(short) - 1)]) and len(long_) - len(short) <= 5:
        return True
    return len(short) >= 5 and fuzz.ratio(short, long_[: len(short)]) >= 85


# --- reading anchors ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Facts:
    """What a text states that survives translation."""

    numbers: tuple[tuple[float, str], ...]  # value, as written (dates' day numbers excluded)
    days: tuple[tuple[float, str], ...]  # day numbers next to a month name
    times: tuple[tuple[int, int, str], ...]  # (group, member, word as written)
    names: tuple[tuple[str, str, bool], ...]  # key, as written, sentence-initial
    negations: tuple[str, ...]  # negation units (negative concord collapsed), as written


def polarity_words(tokens: Sequence[Token]) -> list[str]:
    """Negations, "without"/"без" and lexical negatives: what makes a statement negative."""
    weak = [t.norm for t in tokens if t.norm in WEAK_NEGATIONS]
    return negation_words(tokens) + weak + lexical_negatives(tokens)


def negation_units(tokens: Sequence[Token], text: str) -> list[str]:
    """The negations of a text counted as a translation keeps them, for a parity test.

    Why parity: "the talk … will not reach people is groundless" negates twice, like
    «… не дойдут, абсолютно безосновательны»; "… is absolutely justified" negates once.
    Russian negative concord says one "not" with several words («ни один … не»,
    «не … ничего»): within a clause, n-words beside «не»/«нет»/«нельзя» add nothing.
    """
    units: list[str] = []
    clause: list[Token] = []
    for i, t in enumerate(tokens):
        if i and _clause_gap(text[tokens[i - 1].end : t.start]):
            units += _clause_units(clause)
            clause = []
        clause.append(t)
    units += _clause_units(clause)
    return units


def _clause_gap(between: str) -> bool:
    return any(c in ",;:—–()" for c in between)


def _clause_units(clause: Sequence[Token]) -> list[str]:
    words = negation_words(clause)
    heads = [w for w in words if w in _RU_HEADS]
    n_words = [w for w in words if w.startswith("ни") and w not in _RU_HEADS]
    other = [w for w in words if w not in heads and w not in n_words]
    if heads:
        n_words = []
    elif n_words:
        n_words = n_words[:1]  # «ни … ни …» is one negation
    weak = [t.norm for t in clause if t.norm in WEAK_NEGATIONS]
    return heads + n_words + other + weak + lexical_negatives(clause)


_RU_HEADS = frozenset({"не", "нет", "нельзя"})


_TIME_WORDS: frozenset[str] = frozenset(w for group in TIME_GROUPS for m in group for w in m)


def read_facts(tokens: Sequence[Token], text: str) -> Facts:
    """The anchors of tokens (offsets into `text`)."""
    mentions = number_mentions(tokens)
    numbers, days = [], []
    for m in mentions:
        if m.value == 1 and not any(t.number for t in tokens[m.first : m.last + 1]):
            continue  # "one"/«одного»: "ни одного" is "not a single", no count
        (days if _is_day(tokens, m) else numbers).append((m.value, _written(text, tokens, m)))
    times = []
    for t in tokens:
        for g, group in enumerate(TIME_GROUPS[:3]):  # months, seasons, weekdays
            for k, member in enumerate(group):
                if t.norm in member and not (g == 0 and t.norm == "may" and not t.capital):
                    times.append((g, k, text[t.start : t.end]))
    names = [
        (name_key(t.norm), text[t.start : t.end], t.sentence_start)
        for t in tokens
        if t.capital
        and not t.number
        and t.norm not in STOPWORDS
        and t.norm not in _TIME_WORDS
        and len(t.norm) > 1
    ]
    negations = tuple(negation_units(tokens, text))
    return Facts(tuple(numbers), tuple(days), tuple(times), tuple(names), negations)


def facts_of(text: str) -> Facts:
    norm = tokenize(text)
    return read_facts(norm.tokens, norm.original)


def _is_day(tokens: Sequence[Token], m: NumberMention) -> bool:
    """'17 November', 'November 17', '17 ноября': a day of a month, not a count."""
    if m.first != m.last or not tokens[m.first].number:
        return False
    near = [tokens[j].norm for j in (m.first - 1, m.last + 1) if 0 <= j < len(tokens)]
    return any(n in member for n in near for member in _MONTHS) and m.value <= 31


def _written(text: str, tokens: Sequence[Token], m: NumberMention) -> str:
    return text[tokens[m.first].start : tokens[m.last].end]


# --- comparing ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnchorCheck:
    anchors: tuple[Anchor, ...]
    reasons: tuple[str, ...]

    @property
    def agreeing(self) -> int:
        return sum(a.agree for a in self.anchors)


def compare_anchors(
    quote: str, passage: str, context: str = "", page_names: Sequence[str] = ()
) -> AnchorCheck:
    """Compare the quote's anchors with the passage's; `context` (text before it) may hold names.

    `page_names` are the name keys the whole page uses: a quote name that the page
    has elsewhere but not here, where someone else is named, is a swap.

    Only what the quote states is checked: a passage may say more than a partial
    quote. A number or date the quote gives and the passage gives otherwise, a
    negation on one side only, or a name swapped for another is a disagreement.
    """
    q = facts_of(quote)
    p = facts_of(passage)
    ctx = facts_of(context) if context else None
    anchors: list[Anchor] = []
    reasons: list[str] = []
    _compare_numbers("number", q.numbers, p.numbers + p.days, anchors, reasons, p.numbers)
    _compare_numbers("date", q.days, p.days + p.numbers, anchors, reasons, p.days)
    _compare_times(q, p, anchors, reasons)
    _compare_names(q, p, ctx, page_names, anchors, reasons)
    _compare_polarity(q, p, anchors, reasons)
    _compare_plans(quote, passage, reasons)
    return AnchorCheck(tuple(anchors), tuple(reasons))


# A plan told as a past plan ("was originally due to open in May", «изначально
# должна была открыться в мае»): the statement it carries no longer holds. Both
# languages' forms, counted for parity like negations; "had to" stands beside
# «должен был», which says both.
_PAST_PLAN = re.compile(
    r"\b(?:originally|initially|(?:was|were) (?:due|supposed|scheduled|meant) to|had to)\b"
    r"|\b(?:изначально|первоначально|должн[аоы]? был[аои]?)\b",
    re.IGNORECASE,
)


def _compare_plans(quote: str, passage: str, reasons: list[str]) -> None:
    """A passage's past plan rendered as a firm statement (or the reverse) is a change.

    Why: "the line will open in May" and "the line was originally due to open in
    May" share every anchor and score like translations, but say opposite things
    about what will happen. No Anchor entry (the schema's kinds are number, name,
    date and negation): a reason only, which keeps the pair from `translated`.
    """
    q = [m.group(0).lower() for m in _PAST_PLAN.finditer(quote)]
    p = [m.group(0).lower() for m in _PAST_PLAN.finditer(passage)]
    if bool(q) == bool(p):
        return
    if p:
        reasons.append("past plan stated as fact: " + ", ".join(p))
    else:
        reasons.append("stated as a past plan: " + ", ".join(q))


def _compare_numbers(
    kind: str,
    quote: Sequence[tuple[float, str]],
    source: Sequence[tuple[float, str]],
    anchors: list[Anchor],
    reasons: list[str],
    rivals: Sequence[tuple[float, str]],
) -> None:
    """Each quote value must be in `source`; an unmatched one changed from a `rivals` value.

    Why rivals: a day of the month ("5 April") is changed by another day, not by the
    "two" of "two-year renovation" nearby.
    """
    left = list(source)
    missing = []
    for value, written in quote:
        hit = next((s for s in left if s[0] == value), None)
        if hit is None:
            hit = next((s for s in left if _elliptic(value, s[0])), None)
        if hit is not None:
            left.remove(hit)
            anchors.append(Anchor(kind, written, hit[1], True))  # type: ignore[arg-type]
        else:
            missing.append(written)
    quote_values = {v for v, _ in quote}
    extra = [
        s
        for s in left
        if s in rivals
        and s[0] not in quote_values
        and not any(_elliptic(s[0], v) for v in quote_values)
    ]
    for k, written in enumerate(missing):
        was = extra[k][1] if k < len(extra) else ""
        anchors.append(Anchor(kind, written, was, False))  # type: ignore[arg-type]
        label = "number" if kind == "number" else "date"
        reasons.append(
            f"{label} changed: {was} → {written}" if was else f"{label} not in source: {written}"
        )


def _elliptic(a: float, b: float) -> bool:
    """ "from 600 to 750 million" says 600 million: a bare figure may borrow the next scale."""
    return any(a == b * scale or b == a * scale for scale in (1e3, 1e6, 1e9)) and min(a, b) < 1000


def _compare_times(q: Facts, p: Facts, anchors: list[Anchor], reasons: list[str]) -> None:
    for g, k, written in q.times:
        same = next((w for pg, pk, w in p.times if pg == g and pk == k), None)
        other = next((w for pg, pk, w in p.times if pg == g and pk != k), None)
        if same is not None:
            anchors.append(Anchor("date", written, same, True))
        elif other is not None:
            anchors.append(Anchor("date", written, other, False))
            reasons.append(f"date changed: {other} → {written}")


def _compare_names(
    q: Facts,
    p: Facts,
    ctx: Facts | None,
    page_names: Sequence[str],
    anchors: list[Anchor],
    reasons: list[str],
) -> None:
    """Names the quote gives must be in the passage (or just before it) unless none fits.

    A quote name missing here is a change only when the page knows it elsewhere (one
    of the story's people) and the passage or its lead-in names someone the quote does
    not: a swap ("Алиев" → "Pashinyan"). A name merely left out (a translator wrote
    "the prime minister"), or a capitalised word English capitalises and Russian does
    not ("Institute"), proves nothing either way.
    """
    # The lead-in names the speaker only when the passage names nobody ("she said").
    around = p.names if p.names or ctx is None else ctx.names
    for key, written, _initial in q.names:
        hit = next((w for k, w, _ in around if same_name_across(key, k)), None)
        if hit is not None:
            anchors.append(Anchor("name", written, hit, True))
            continue
        if not any(same_name_across(key, k) for k in page_names):
            continue
        others = [
            w
            for k, w, _ in around
            if any(same_name_across(k, pk) for pk in page_names)
            and not any(same_name_across(k, qk) for qk, _, _ in q.names)
        ]
        if others:
            anchors.append(Anchor("name", written, others[-1], False))
            reasons.append(f"name changed: {others[-1]} → {written}")


def _compare_polarity(q: Facts, p: Facts, anchors: list[Anchor], reasons: list[str]) -> None:
    if not q.negations and not p.negations:
        return
    # Parity, and never a negative statement for a positive one ("not … not" is no yes).
    agree = len(q.negations) % 2 == len(p.negations) % 2 and bool(q.negations) == bool(p.negations)
    anchors.append(Anchor("negation", " ".join(q.negations), " ".join(p.negations), agree))
    if agree:
        return
    if len(p.negations) > len(q.negations):
        reasons.append("negation dropped: " + ", ".join(p.negations))
    else:
        reasons.append("negation added: " + ", ".join(q.negations))


def shares_anchor(quote: Facts, sentence: Facts) -> bool:
    """Whether a sentence shares a number, date or name with the quote: a candidate."""
    values = {v for v, _ in sentence.numbers + sentence.days}
    if any(v in values for v, _ in quote.numbers + quote.days if v >= 10 or v != int(v)):
        return True
    times = {(g, k) for g, k, _ in sentence.times}
    if any((g, k) in times for g, k, _ in quote.times):
        return True
    return any(
        same_name_across(qk, sk)
        for qk, _, _ in quote.names
        if len(qk) >= 4
        for sk, _, _ in sentence.names
    )

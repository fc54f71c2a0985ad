"""Checks for the small edits that keep a quote near-verbatim but change what it says.

A changed negation, number, name or a word swapped for its opposite is exactly the
kind of edit a journalist must never see called `matched`. Each check compares the
quote's tokens with the source passage's tokens and returns human-readable reasons,
written "source → quote" ("number changed: 4,000 → 40,000" means the source says
4,000 and the quote says 40,000).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quotetrail.core.lexicon import (
    ANTONYMS,
    CLAUSE_WORDS,
    COMPLEMENTIZERS,
    CONTEXT_NEGATORS,
    DOUBT_WORDS,
    HUNDRED,
    LEXICAL_NEGATIVE_PREFIXES,
    LEXICAL_NEGATIVES,
    LIMITERS,
    NEGATIONS,
    NOT_NEGATING_BIGRAMS,
    NUMBER_WORDS,
    ONE_IDIOMS,
    ORDINALS,
    SCALES,
    STOPWORDS,
    SUBORDINATORS,
    TIME_GROUPS,
)
from quotetrail.core.normalize import Token
from quotetrail.core.stem import stem


def is_negation(tokens: Sequence[Token], i: int) -> bool:
    """Whether token i negates ("not", "n't", "не", "никогда"), minus idioms like "не раз"."""
    n = tokens[i].norm
    if n not in NEGATIONS and not n.endswith("n't"):
        return False
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return (n, nxt) not in NOT_NEGATING_BIGRAMS


def negation_words(tokens: Sequence[Token]) -> list[str]:
    return [t.norm for i, t in enumerate(tokens) if is_negation(tokens, i)]


def lexical_negatives(tokens: Sequence[Token]) -> list[str]:
    """Words that negate by themselves: groundless, unacceptable, безосновательны.

    Why: "the talk is groundless" and "the talk has no grounds" say the same; counted
    as negations, neither reads as a negation dropped or added against the other.
    """
    return [
        t.norm
        for t in tokens
        if t.norm in LEXICAL_NEGATIVES or t.norm.startswith(LEXICAL_NEGATIVE_PREFIXES)
    ]


def negation_reason(quote: Sequence[Token], source: Sequence[Token]) -> str | None:
    """'negation dropped: not' when the source negates more often than the quote, etc.

    Lexical negatives count: "unacceptable" for "not acceptable" is no change.
    """
    q = Counter(negation_words(quote) + lexical_negatives(quote))
    s = Counter(negation_words(source) + lexical_negatives(source))
    nq, ns = sum(q.values()), sum(s.values())
    if nq == ns:
        return None
    if ns > nq:
        return "negation dropped: " + ", ".join(sorted((s - q).elements()))
    return "negation added: " + ", ".join(sorted((q - s).elements()))


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number as written ("4 тыс.", "forty thousand", "1,200") and its value."""

    value: float
    first: int
    last: int


def number_mentions(tokens: Sequence[Token]) -> list[NumberMention]:
    """Read digits, number words and scale words ("4,2 млрд", "twenty-five") as values."""
    out: list[NumberMention] = []
    total = current = 0.0
    first = -1
    last_kind = ""

    def flush(end: int) -> None:
        nonlocal total, current, first, last_kind
        if first >= 0:
            out.append(NumberMention(total + current, first, end))
        total = current = 0.0
        first, last_kind = -1, ""

    for i, t in enumerate(tokens):
        n = t.norm
        if t.number:
            if first >= 0:
                flush(i - 1)
            first, current, last_kind = i, float(n), "digit"
        elif n in NUMBER_WORDS and not _pronoun_one(tokens, i):
            v = NUMBER_WORDS[n]
            small_after_tens = (
                last_kind == "word" and current % 100 >= 20 and current % 10 == 0 and v < 10
            )
            if first >= 0 and last_kind in ("digit", "word") and not small_after_tens:
                flush(i - 1)
            if first < 0:
                first = i
            current += v
            last_kind = "word"
        elif n in HUNDRED and first >= 0:
            current = (current or 1) * 100
            last_kind = "hundred"
        elif n in SCALES:
            if first < 0:
                first, current = i, 1.0
            total += (current or 1) * SCALES[n]
            current = 0.0
            last_kind = "scale"
        elif first >= 0:
            flush(i - 1)
    flush(len(tokens) - 1)
    return out


def _pronoun_one(tokens: Sequence[Token], i: int) -> bool:
    """English "one" as a pronoun ("no one", "get one", "one of them") is not a count."""
    if tokens[i].norm != "one":
        return False
    before = tokens[i - 1].norm if i else ""
    after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return before in ONE_IDIOMS or not after or after in STOPWORDS


def _surface(text: str, tokens: Sequence[Token], m: NumberMention) -> str:
    return text[tokens[m.first].start : tokens[m.last].end]


def number_reasons(
    quote: Sequence[Token], quote_text: str, source: Sequence[Token], source_text: str
) -> list[str]:
    """Numbers the quote states that the source passage does not."""
    qm, sm = number_mentions(quote), number_mentions(source)
    s_left = Counter(m.value for m in sm)
    q_missing = []
    for m in qm:
        if s_left[m.value] > 0:
            s_left[m.value] -= 1
        else:
            q_missing.append(m)
    q_values = Counter(m.value for m in qm)
    s_extra = [m for m in sm if q_values[m.value] == 0]
    reasons = []
    for k, m in enumerate(q_missing):
        if k < len(s_extra):
            reasons.append(
                f"number changed: {_surface(source_text, source, s_extra[k])} → {_surface(quote_text, quote, m)}"
            )
        else:
            reasons.append(f"number not in source: {_surface(quote_text, quote, m)}")
    return reasons


def number_order_reason(quote: Sequence[Token], source: Sequence[Token]) -> str | None:
    """'numbers in another order: 5, 7 → 7, 5': the same numbers, swapped ("from 5 to 7").

    A swap is told by the word before each number: "from 7 to 5" pairs "from" with
    another number than "from 5 to 7" does, while "to 7 from 5" keeps the pairs.
    """
    qm, sm = number_mentions(quote), number_mentions(source)
    qv, sv = [m.value for m in qm], [m.value for m in sm]
    if len(qv) < 2 or qv == sv or Counter(qv) != Counter(sv):
        return None
    q_pairs, s_pairs = _led_by(quote, qm), _led_by(source, sm)
    if all(s_pairs.get(word, value) == value for word, value in q_pairs.items()):
        return None
    return f"numbers in another order: {_values(sv)} → {_values(qv)}"


def _led_by(tokens: Sequence[Token], mentions: Sequence[NumberMention]) -> dict[str, float]:
    """The word before each number -> that number (words used twice are left out)."""
    seen: Counter[str] = Counter()
    pairs: dict[str, float] = {}
    for m in mentions:
        word = tokens[m.first - 1].norm if m.first > 0 else ""
        seen[word] += 1
        pairs[word] = m.value
    return {w: v for w, v in pairs.items() if seen[w] == 1 and w}


def _values(values: Sequence[float]) -> str:
    return ", ".join(f"{v:g}" for v in values)


def limiter_words(tokens: Sequence[Token]) -> list[str]:
    """ "only"/"лишь"/"только", except in "not only"/"не только" (which widens, not narrows)."""
    return [
        t.norm
        for i, t in enumerate(tokens)
        if t.norm in LIMITERS and not (i and tokens[i - 1].norm in NEGATIONS)
    ]


def limiter_reason(quote: Sequence[Token], source: Sequence[Token]) -> str | None:
    """'limiter dropped: only': "free only for residents" is not "free for residents"."""
    q, s = Counter(limiter_words(quote)), Counter(limiter_words(source))
    if sum(q.values()) == sum(s.values()):
        return None
    if sum(s.values()) > sum(q.values()):
        return "limiter dropped: " + ", ".join(sorted((s - q).elements()))
    return "limiter added: " + ", ".join(sorted((q - s).elements()))


CONTEXT_WORDS = 6  # how far before a fragment a negation can still govern it
_CLAUSE_MARKS = frozenset(';()[]—–"«»“”„')


def context_reason(
    tokens: Sequence[Token], text: str, first: int, sentence_first: int
) -> str | None:
    """Why a fragment means something else in its sentence, or None.

    Why: "we will win this case" is verbatim in "I do not think we will win this
    case", yet quoting it alone reverses the speaker. Only words in the same clause
    before the fragment count: a comma (unless "that"/"что" follows), a dash, a
    semicolon or "and"/"but"/"и"/"но" starts another statement.
    """
    for i in range(first - 1, max(sentence_first, first - CONTEXT_WORDS) - 1, -1):
        t, nxt = tokens[i], tokens[i + 1]
        if t.norm in DOUBT_WORDS:  # "I doubt that …" reverses; "never doubted that …" does not
            lo = max(sentence_first, i - 3)
            if any(is_negation(tokens, j) for j in range(lo, i)):
                return None
            return f"source context doubts it: “{text[t.start : tokens[first].start]}…”"
        between = text[t.end : nxt.start]
        if any(c in _CLAUSE_MARKS for c in between):
            return None
        if "," in between and nxt.norm not in COMPLEMENTIZERS:
            return None
        if t.norm in CLAUSE_WORDS:
            return None
        if is_negation(tokens, i) or (t.norm in CONTEXT_NEGATORS and t.norm not in NEGATIONS):
            return f"source context negates it: “{text[t.start : tokens[first].start]}…”"
        before = tokens[i - 1].norm if i > sentence_first else ""
        if i == first - 1 and t.norm in LIMITERS and before not in NEGATIONS:
            return f"source context limits it: “{text[t.start : tokens[first].start]}…”"
    return None


_CLAUSE_BREAKS = _CLAUSE_MARKS | frozenset(",:")
_CLAUSE_OPENERS = CLAUSE_WORDS | COMPLEMENTIZERS | SUBORDINATORS


def clause_bounds(
    tokens: Sequence[Token], text: str, first: int, last: int, sentence: tuple[int, int]
) -> tuple[int, int]:
    """The clause around tokens first..last: never past the sentence, a comma, a colon,
    a dash, a quote mark, or a word that starts another clause ("and", "that", "who", "но").

    Why: a passage aligned to part of a sentence ("Selling the land …") can stop short
    of the negation its own clause carries ("… was never part of our plans"), while a
    negation in another clause ("…, and the library will keep …") or above a reported
    one ("never said that …") says nothing about the words quoted.
    """
    lo, hi = first, last
    while lo > sentence[0] and not _clause_break(tokens, text, lo - 1):
        lo -= 1
    while hi < sentence[1] and not _clause_break(tokens, text, hi):
        hi += 1
    return lo, hi


def clause_spans(
    tokens: Sequence[Token], text: str, first: int, last: int
) -> list[tuple[int, int]]:
    """Split tokens first..last into clauses (inclusive index pairs) at clause breaks.

    A clause of function words only is no statement of its own: it joins the clause
    before ("they failed where we had not": an elided verb) or, at the start, the
    one after ("He did not, he said, resign") unless that one opens a reported or
    subordinate clause ("He never said that …" negates the saying, not what follows).
    """
    spans: list[tuple[int, int]] = []
    lo = first
    for i in range(first, last):
        if _clause_break(tokens, text, i):
            spans.append((lo, i))
            lo = i + 1
    spans.append((lo, last))
    merged: list[tuple[int, int]] = []
    pending = -1  # start of a leading function-word clause waiting for the next one
    for k, (a, b) in enumerate(spans):
        a = a if pending < 0 else pending
        pending = -1
        if content_keys(tokens[a : b + 1]) or (k == len(spans) - 1 and not merged):
            merged.append((a, b))
        elif merged:
            merged[-1] = (merged[-1][0], b)
        elif tokens[b + 1].norm in COMPLEMENTIZERS | SUBORDINATORS:
            merged.append((a, b))
        else:
            pending = a
    return merged


def _clause_break(tokens: Sequence[Token], text: str, i: int) -> bool:
    """Whether a new clause starts between token i and token i + 1."""
    between = text[tokens[i].end : tokens[i + 1].start]
    nxt = tokens[i + 1].norm
    return any(c in _CLAUSE_BREAKS for c in between) or nxt in _CLAUSE_OPENERS


def is_name(t: Token) -> bool:
    """A capitalised word that does not start a sentence: a likely proper noun."""
    return (
        t.capital
        and not t.sentence_start
        and not t.number
        and t.norm not in STOPWORDS
        and t.norm not in NEGATIONS
    )


def same_name(a: str, b: str) -> bool:
    """Names match across inflection ("Алиев"/"Алиева", "Okafor"/"Okafor's")."""
    if a == b:
        return True
    a, b = a.removesuffix("'s"), b.removesuffix("'s")
    k = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        k += 1
    return k >= 3 and k >= min(len(a), len(b)) - 2


def antonym_reason(quote_words: Sequence[str], source_words: Sequence[str]) -> str | None:
    """'word changed: fallen → risen' when a replaced word is the opposite of the original."""
    for q in quote_words:
        for s in source_words:
            for a, b in ANTONYMS:
                if (q in a and s in b) or (q in b and s in a):
                    return f"word changed: {s} → {q}"
    return None


def prefix_negation_reason(quote_words: Sequence[str], source_words: Sequence[str]) -> str | None:
    """Russian negative prefix: "нормально" ↔ "ненормально" flips the claim."""
    for q in quote_words:
        for s in source_words:
            if s == "не" + q and len(q) > 3:
                return f"negation dropped: {s} → {q}"
            if q == "не" + s and len(s) > 3:
                return f"negation added: {s} → {q}"
    return None


def antonym_conflict(quote_words: Sequence[str], source_words: Sequence[str]) -> str | None:
    """For loose (paraphrase) windows: the quote uses one side of a pair, the source only the other."""
    qs, ss = set(quote_words), set(source_words)
    for a, b in ANTONYMS:
        for one, other in ((a, b), (b, a)):
            q_side = qs & one
            if q_side and not (ss & one) and (ss & other):
                return f"word changed: {sorted(ss & other)[0]} → {sorted(q_side)[0]}"
    return None


def content_keys(tokens: Sequence[Token]) -> list[str]:
    """Stems of the words that carry content (no stopwords, negations or editorial words)."""
    return [
        stem(t.norm)
        for t in tokens
        if t.norm not in STOPWORDS and t.norm not in NEGATIONS and not t.editorial
    ]


def date_reason(quote_words: Sequence[str], source_words: Sequence[str]) -> str | None:
    """'date changed: spring → autumn' when the quote names another month, season, day or period."""
    for group in TIME_GROUPS:
        change = _member_change(group, quote_words, source_words)
        if change:
            return f"date changed: {change}"
    change = _member_change(ORDINALS, quote_words, source_words)
    return f"ordinal changed: {change}" if change else None


def _member_change(
    group: Sequence[frozenset[str]], quote_words: Sequence[str], source_words: Sequence[str]
) -> str | None:
    """'was → now' when the quote uses a member of `group` that the source, using another, lacks."""
    qs, ss = set(quote_words), set(source_words)
    q_members = [m for m in group if m & qs]
    s_members = [m for m in group if m & ss]
    for m in q_members:
        if m not in s_members and s_members:
            was = sorted(s_members[0] & ss)[0]
            return f"{was} → {sorted(m & qs)[0]}"
    return None

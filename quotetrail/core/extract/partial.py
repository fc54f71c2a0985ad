"""Direct and reported quotes that overlap: partial quotations and embedded fragments.

    candidates ──► _without_partial_quotations: a direct quote inside a reported
                   clause goes; the reported quote carries it, marks included
               ──► _embedded_fragments: a short marked fragment right after the
                   writer's word ("portrayed the levy as “a tax on work”") is reported

Runs once all direct and reported candidates exist, since it compares the two kinds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from quotetrail.core.extract.article import (
    _MARKS,
    _SMALL_WORDS,
    _WORD,
    _Article,
    _Candidate,
    _words,
)
from quotetrail.core.speech import THAT, find_cues


def _mostly_quoted(a: int, b: int, direct: list[_Candidate], starts: list[int]) -> bool:
    """Is most of a reported clause already a direct quote? (`direct` sorted by start)"""
    covered = 0
    i = bisect_left(starts, b) - 1
    while i >= 0 and direct[i].end > a - 2000:
        c = direct[i]
        if c.kind != "term":
            covered += max(0, min(b, c.end) - max(a, c.start))
        i -= 1
    return covered * 2 > (b - a)


def _words_outside(
    article: _Article, a: int, b: int, direct: list[_Candidate], starts: list[int]
) -> bool:
    """Does a reported clause hold words of the writer's around its quoted fragments?

    `Trump said Kaine “has a passion for the wrong people”` does ("Kaine"): a mixed
    quote, returned whole as reported speech. "that"/«что» and marks do not count.
    """
    text = article.text
    inside = [
        (c.start - 1, c.end + 1)
        for c in direct[max(0, bisect_left(starts, a) - 2) : bisect_left(starts, b)]
        if c.kind != "term" and c.end > a and c.start < b
    ]
    for m in _WORD.finditer(text, a, b):
        if any(lo <= m.start() < hi for lo, hi in inside):
            continue
        if not THAT.fullmatch(m.group()):
            return True
    return False


def _without_partial_quotations(article: _Article, candidates: list[_Candidate]):
    """Drop a short direct quote lying inside a reported clause (`candidates` sorted).

    In "Orlov said the bridge would open “in the autumn of 2028”" the marked words
    are a partial quotation: the reported clause already carries them, marks
    included, and a second quote would count the same words twice downstream.
    """
    # only clauses whose cue stands before them ("X said …"): in «…, «Мы победим», — сказал
    # Петров» the marked words are the attributed quote, not a partial quotation
    reported = [
        (c.start, c.end, c.mixed)
        for c in candidates
        if c.kind == "reported" and (c.mixed or (c.cue is not None and c.cue.end <= c.start))
    ]
    if not reported:
        return candidates
    starts = [a for a, _, _ in reported]
    sizes: dict[int, int] = {}
    for c in candidates:
        if c.kind == "direct":
            sizes[c.group] = sizes.get(c.group, 0) + 1

    def partial(c: _Candidate) -> bool:
        if c.kind != "direct":
            return False
        i = bisect_right(starts, c.start) - 1
        if i < 0 or not (reported[i][0] <= c.start - 1 and c.end + 1 <= reported[i][1]):
            return False
        if reported[i][2]:
            return True  # a mixed quote: the reported clause carries the fragment
        return sizes.get(c.group, 0) == 1  # a quoted fragment of the reported words

    return [c for c in candidates if not partial(c)]


_EMBEDDED_MAX_WORDS = 9


def _embedded_fragments(article: _Article, candidates: list[_Candidate]) -> None:
    """A short quoted fragment the writer's sentence runs through is a mixed quote.

    In "Orlan portrayed the levy as “a tax on work” and left" the marks open right
    after a word of the writer's: the fragment is a partial quotation inside words
    the writer chose, not a statement standing on its own, so it is *reported* (the
    kind of a mixed quote) even when no reported clause could be cut around it.
    A quote opened after a colon, a comma, a dash or at a sentence start is left
    direct ("said: “…”", "“…,” he said"), and so is a long one.
    """
    text = article.text
    sizes: dict[int, int] = {}
    for c in candidates:
        if c.kind == "direct":
            sizes[c.group] = sizes.get(c.group, 0) + 1
    for c in candidates:
        if c.kind != "direct" or c.group < 0 or c.mixed or sizes[c.group] > 1:
            continue
        if len(_WORD.findall(text, c.start, c.end)) > _EMBEDDED_MAX_WORDS:
            continue
        i = c.start - 1
        while i >= 0 and text[i] in _MARKS:
            i -= 1  # the opening mark(s)
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
        if i < 0 or not text[i].isalnum():
            continue
        lead = text[max(0, i - 60) : i + 1]
        cues = find_cues(lead)
        if _NAMING_BEFORE.search(lead) or (cues and cues[-1].end == len(lead)):
            continue
        if _title_in_running_text(article, c):
            c.kind = "term"  # `told ABC's “Good Morning America.”`: a show, not words
            continue
        c.kind, c.mixed = "reported", True


_TITLE_SMALL = _SMALL_WORDS | frozenset(_words("with for to at by from or as is with"))


def _title_in_running_text(article: _Article, c: _Candidate) -> bool:
    """A capitalised name ("Meet the Press.") in a sentence written in lower case.

    In a headline, where every word is capitalised, the marks may hold words.
    """
    text = article.text
    words = _WORD.findall(text, c.start, c.end)
    if not words or not words[0][0].isupper() or "," in text[c.start : c.end]:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return False
    s = article.sentences.at(c.start)
    if s is None:
        return False
    outside = [w for w in _WORD.findall(text, s.start, s.end) if w not in text[c.start : c.end]]
    lower = sum(1 for w in outside if w[0].islower() and w.lower() not in _SMALL_WORDS)
    return lower * 3 >= len(outside)


# `said “…”`, `that “…”`: the speaker's words start with the marks; `called the plan
# “a mistake”`, «назвала решение «ошибкой»»: a naming, quoted as said
_NAMING_BEFORE = re.compile(
    r"(?<![\w-])(?:that|что)$"
    r"|(?<![\w-])(?:call(?:s|ed|ing)?|named|dubbed|назвал[аио]?|называ[а-я]*)(?:\s+\S+){0,5}$",
    re.IGNORECASE,
)

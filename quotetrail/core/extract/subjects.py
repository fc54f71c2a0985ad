"""Who a speech cue points at: the subject before or after the verb.

    cue ──► pronoun in the cue («сказал он») ──► that
        ──► name after / before the cue (speakers.subject_after/_before)
        ──► a body ("the ministry", «в Кремле») when no person stands there

Used by direct quotes, reported speech, clause trimming and back-attributions alike,
so it sits below them all. A name inside an outlet's name ("Lenta.ru") is nobody.
"""

from __future__ import annotations

from bisect import bisect_left

from quotetrail.core.extract.adjuncts import _RU_ADJUNCTS
from quotetrail.core.extract.article import _CYRILLIC, _Article
from quotetrail.core.speakers import (
    SpeakerRef,
    body_after,
    body_before,
    subject_after,
    subject_before,
)
from quotetrail.core.speech import Cue


def _subject(
    article: _Article, cue: Cue, lo: int, hi: int, *, prefer_after: bool
) -> SpeakerRef | None:
    ref = _subject_ref(article, cue, lo, hi, prefer_after=prefer_after)
    if ref is not None and ref.kind == "name" and article.in_outlet_name(ref.pos):
        return None
    return ref


def _subject_ref(
    article: _Article, cue: Cue, lo: int, hi: int, *, prefer_after: bool
) -> SpeakerRef | None:
    text = article.text
    pronoun = _pronoun_in_cue(cue)
    if pronoun:
        return pronoun
    genitive = cue.kind == "according" and bool(_CYRILLIC.search(cue.text))
    if cue.kind == "as" and not _CYRILLIC.search(cue.text):
        return subject_after(text, cue.start + 2, cue.end, article.is_outlet)
    before = lambda: subject_before(text, lo, cue.start, article.is_outlet)  # noqa: E731
    after_at = cue.end
    if _CYRILLIC.search(cue.text):
        after_at = _past_outlet(article, _RU_ADJUNCTS.match(text, cue.end, hi or cue.end).end())
    after = lambda: subject_after(text, after_at, hi, article.is_outlet, genitive=genitive)  # noqa: E731
    if cue.kind != "verb":
        return after() or body_after(text, _past_outlet(article, cue.end), hi, article.is_outlet)
    if cue.lower in _TO_A_LISTENER:
        # "telling Fox 35 that …": who is told comes after the participle; the sentence's
        # subject, found by the participle rule, tells
        return before() or _body_subject(article, cue, lo, hi)
    ref = (after() or before()) if prefer_after else (before() or after())
    return ref or _body_subject(article, cue, lo, hi)


_TO_A_LISTENER = frozenset(("telling",))


def _past_outlet(article: _Article, pos: int) -> int:
    """Skip an outlet right after a cue: «Как сообщил «Интерфаксу» источник …»."""
    text = article.text
    start = pos + len(text[pos : pos + 3]) - len(text[pos : pos + 3].lstrip(' «"“„'))
    i = bisect_left(article._mention_starts, start)
    if i < len(article.mentions) and article.mentions[i][0] == start:
        end = article.mentions[i][1]
        while end < len(text) and text[end] in '»"”“':
            end += 1
        return end
    return pos


def _body_subject(article: _Article, cue: Cue, lo: int, hi: int) -> SpeakerRef | None:
    """No person: an organisation or unnamed source ("the ministry said", «в Кремле заявили»)."""
    text = article.text
    before = text[lo : cue.start]
    if before.strip() and (before.strip(" ,—–-") or not _CYRILLIC.search(cue.text)):
        return body_before(text, lo, cue.start, article.is_outlet)
    return body_after(text, _past_outlet(article, cue.end), hi, article.is_outlet)


def _pronoun_in_cue(cue: Cue) -> SpeakerRef | None:
    low = cue.text.lower()
    if " его " in f" {low} ":
        return SpeakerRef("pronoun", gender="m", pos=cue.start)
    if " ее " in f" {low} " or " её " in f" {low} ":
        return SpeakerRef("pronoun", gender="f", pos=cue.start)
    return None

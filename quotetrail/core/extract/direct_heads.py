"""Who said a direct quote, read before it: `Putin said: "…"`, «По словам Пескова, «…»».

    quote ──► the words before it, within reach (`_REACH`)
                ├─► _head_attribution: a cue and its subject ("He told reporters that")
                ├─► a colon after a person, a statement or a headline label
                │     (`Ridley was blunt: "…"`, `EXCLUSIVE – X: "…"`)
                └─► a participle of saying right before the quote (`…, adding, "…"`),
                    which takes the subject of its clause or of the verb it continues

Each reader looks only at a bounded window before the opening mark, so the work stays
linear in the article; a reader that cannot tell returns None and the next one looks.
"""

from __future__ import annotations

import re

from quotetrail.core.extract.article import (
    _LEADING_FILLER,
    _NOT_A_SPEAKER_LABEL,
    _TERMINAL,
    _WORD,
    _Article,
)
from quotetrail.core.extract.direct_tails import _WORD_CHAR
from quotetrail.core.extract.noun_phrases import _appositive_chain, _phrase_subject
from quotetrail.core.extract.subjects import _subject
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import SpeakerRef, subject_after, subject_before
from quotetrail.core.speech import Cue


def _head_attribution(article: _Article, head: tuple[int, int]):
    """`Putin said: "…"` / «По словам Пескова, «…»» / `He told reporters that "…"`."""
    lo, hi = head
    text = article.text
    if hi <= lo:
        return None, None, False
    cues = article.cues(lo, hi)
    if not cues:
        return None, None, False
    cue = cues[-1]
    ref = _subject(article, cue, lo, hi, prefer_after=cue.kind != "verb")
    if ref is None and cue.kind == "verb" and not cue.participle:
        # "Melanne Verveer, a close friend of Mrs. Clinton's who …, said, "…""
        ref = _appositive_chain(article, Sentence(lo, hi, -1, -1), cue)
        s = article.sentences.at(cue.start)
        if ref is None and s is not None:
            ref = _phrase_subject(article, s, cue)  # "The former pollster said, "…""
    if ref is None and cue.participle:  # "Rep. Ann Diaz reacted, saying: "…"": the subject
        starts = [lo] + [m.end() for m in re.finditer(r",\s*", text[lo : cue.start])]
        for start in starts[:4]:
            start = start if start == lo else lo + start
            ref = subject_after(text, start, cue.start, article.is_outlet, sentence_start=True)
            if ref is not None and ref.kind in ("name", "pronoun", "role"):
                break
            ref = None
        if ref is None:
            ref = _described_subject(article, cue)
    gap = text[cue.end : hi].strip()
    adjacent = len(gap) <= 60 and (
        gap.endswith((":", ",", "—", "–")) or bool(re.search(r"(?:that|что)$", gap)) or not gap
    )
    return cue, ref, adjacent


# "The former candidate continued, saying …", "Her campaign quickly blasted out an email
# stating …": a described subject opening the sentence, then its verb
_DESCRIBED_SUBJECT = re.compile(
    r"[\s\"“”'‘’]*(?P<np>(?-i:The|Her|His|Their|Its)\s+(?:(?!said\b|says\b)[\w'’-]+\s+){0,4}?"
    r"(?-i:[a-z][\w-]*[a-z]))\s+(?:(?-i:[a-z]+ly)\s+)?(?-i:[a-z]+ed|continued|went|took|made"
    r"|gave|wrote|told|said|spoke|sent|put|was|is|has|had)\b"
)


def _described_subject(article: _Article, cue: Cue) -> SpeakerRef | None:
    """The described subject of a participle's sentence: "The candidate continued, saying"."""
    s = article.sentences.at(cue.start)
    if s is None:
        return None
    m = _DESCRIBED_SUBJECT.match(article.text, s.start, cue.start)
    if m is None:
        return None
    phrase = m.group("np")
    name = phrase[0].lower() + phrase[1:]
    return SpeakerRef("role", name=name, pos=m.start("np"))


def _colon_speaker(article: _Article, head: tuple[int, int]) -> SpeakerRef | None:
    """`Dmitry Peskov: "We are ready."` — a name and a colon, the headline way."""
    text = article.text
    before = text[head[0] : head[1]].rstrip()
    statement = _STATEMENT_HEAD.search(text, max(head[0], head[1] - 80), head[1])
    if statement is not None and not article.cues(head[0], head[1]):
        s = article.sentences.at(statement.start())
        if s is not None:  # "Trump issued a statement, "Last night, our nation …""
            ref = subject_after(
                text, s.start, statement.start(), article.is_outlet, sentence_start=True
            )
            if ref is not None and ref.kind in ("name", "pronoun", "role"):
                return ref
    if not before.endswith(":"):
        return _headline_label(article, head)
    colon = head[0] + len(before) - 1
    ref = subject_before(text, head[0], colon, article.is_outlet)
    if ref is None or ref.kind != "name" or text[ref.pos + len(ref.name) : colon].strip():
        return _introducing_subject(article, colon)
    return ref


_STATEMENT_HEAD = re.compile(
    r"(?<![\w-])(?:issued|released|put\s+out|sent\s+out|posted|published)\s+(?:a|an|the|this|his|her"
    r"|its|their)(?:\s+following)?\s+(?:\w+\s+)?(?:statement|message|email|letter|note)"
    r"(?:\s+\w+){0,3}?\s*[,:]\s*$",
    re.IGNORECASE,
)


def _introducing_subject(article: _Article, colon: int) -> SpeakerRef | None:
    """A paragraph ending "…, President Clinton released the following statement:" and
    the quote in the next one: the subject of the introducing sentence speaks."""
    text = article.text
    if "\n" not in text[colon : colon + 4]:
        return None  # only a colon closing its paragraph introduces the next one
    s = article.sentences.at(colon)
    if s is None:
        return None
    ref = subject_after(text, s.start, colon, article.is_outlet, sentence_start=True)
    return ref if ref is not None and ref.kind in ("name", "pronoun", "role") else None


# "Dr. Ben Carver: Hillary Clinton ‘Not Fit To Serve.’" — a headline labelled with its speaker
_HEADLINE_LABEL = re.compile(
    r"[^\S\n]*(?:(?-i:[A-Z])[\w.’'-]*[^\S\n]+){0,3}(?-i:[A-Z])[\w’'-]+(?P<colon>:)[^\S\n]+"
)
_HEADLINE_MAX = 200


def _headline_label(article: _Article, head: tuple[int, int]) -> SpeakerRef | None:
    """A quote closing a one-line headline opened by "Name:" is that person's words.

    Only the quote that ends the line: a fragment inside the line ("Graham: Trump's
    ‘Hateful Rhetoric’ Destroying GOP") belongs to the headline's reported words.
    """
    text = article.text
    line_start = text.rfind("\n", 0, head[1]) + 1
    line_end = text.find("\n", head[1])
    line_end = len(text) if line_end < 0 else line_end
    if line_start < head[0] or line_end - line_start > _HEADLINE_MAX:
        return None
    span = next((sp for sp in article.spans_near(head[1]) if sp.open == head[1]), None)
    if span is None or re.search(r"\w", text[span.close + 1 : line_end]):
        return None
    content = text[span.start : span.end].strip()
    words = len(_WORD.findall(content))
    if not (words >= 6 or (words >= 3 and content[0].isupper() and content[-1] in _TERMINAL)):
        return None  # a scare quote ("Trump stirs ‘ugliness’"): the headline's own words
    m = _HEADLINE_LABEL.match(text, line_start, head[1])
    if m is None or article.cues(line_start, head[1]):
        return None
    label = text[line_start : m.start("colon")]
    if any(w.lower().strip(".’'") in _NOT_A_SPEAKER_LABEL for w in label.split()):
        return None
    ref = subject_before(text, line_start, m.start("colon"), article.is_outlet)
    if (
        ref is None
        or ref.kind != "name"
        or text[ref.pos + len(ref.name) : m.start("colon")].strip()
    ):
        return None
    return ref


_RU_FINITE = re.compile(
    r"(?<![\w-])(?-i:[а-яё]{3,}(?:л|ла|ли|лся|лась|лись|ет|ит|ют|ят|ется|ится))(?![\w-])"
)


def _ru_colon_subject(article: _Article, head: tuple[int, int], content: str):
    """«Эксперт Денис Кондратьев сомневается в этом: «Сроки нереалистичны».»

    A sentence opened by a person, with a verb of its own, then a colon and a quoted
    sentence: the person's words, whatever the verb (the cue list cannot hold them all).
    """
    text = article.text
    before = text[head[0] : head[1]].rstrip()
    if not before.endswith(":") or not content[:1].isupper() or len(_WORD.findall(content)) < 2:
        return None
    lead = (
        head[0]
        + len(text[head[0] : head[1]])
        - len(_LEADING_FILLER.sub("", text[head[0] : head[1]]))
    )
    ref = subject_after(text, lead, head[1], article.is_outlet, sentence_start=True)
    if ref is None or ref.kind not in ("name", "pronoun") or article.in_outlet_name(ref.pos):
        return None
    if len(_WORD.findall(text[lead : ref.pos])) > 4 or not _RU_FINITE.search(
        text, ref.pos, head[1]
    ):
        return None  # the person must open the sentence and a verb must follow them
    return ref


def _en_colon_subject(article: _Article, head: tuple[int, int], content: str):
    """`Tom Ridley was blunt: "We will …"`, `He disagreed: "…"`: a sentence opened by a
    person, a predicate of its own (no verb of saying), a colon, then a quoted sentence."""
    text = article.text
    before = text[head[0] : head[1]].rstrip()
    if not before.endswith(":") or not content[:1].isupper() or len(_WORD.findall(content)) < 3:
        return None
    colon = head[0] + len(before) - 1
    s = article.sentences.at(colon)
    if s is None or s.start < head[0]:
        return None
    ref = subject_after(text, s.start, colon, article.is_outlet, sentence_start=True)
    if ref is None or ref.kind not in ("name", "pronoun") or article.in_outlet_name(ref.pos):
        return None
    if len(_WORD.findall(text[s.start : ref.pos])) > 2:
        return None  # the person must open the sentence
    end = ref.pos + len(ref.name) if ref.kind == "name" else ref.pos
    predicate = _WORD.findall(text[end:colon])
    if not predicate or len(predicate) > 10:
        return None
    if ref.kind == "name" and not re.match(r"\s+(?-i:[a-z])", text[end:colon]):
        return None  # "Tom Ridley Jr.:", a label, is the headline way (`_colon_speaker`)
    return ref


# `…, writing "…"`, `…, asking supporters to "…"`, `Adding, "…"`: a participle of saying
# (not all are cues: "asking", "writing" open too many other clauses) right before the quote
_PARTICIPLE_HEAD = re.compile(
    r"(?P<p>(?i:writing|asking|urging|adding|saying|declaring|telling|noting|warning|stating"
    r"|tweeting|posting|arguing|insisting|explaining))(?:[^\S\n]+(?-i:[a-z][\w'’-]*)){0,3}?"
    r"[^\S\n]*[,:]?[^\S\n]*\Z"
)


def _participle_head(article: _Article, head: tuple[int, int]) -> SpeakerRef | None:
    """The subject of the clause a participle of saying hangs from: `Ann Roe shared the
    news, writing "…"`; a sentence opened by the participle (`Adding, "…"`) hangs from
    the sentence before it."""
    text = article.text
    lo, hi = head
    m = _PARTICIPLE_HEAD.search(text, max(lo, hi - 60), hi)
    s = article.sentences.at(m.start()) if m is not None else None
    if m is None or s is None:
        return None
    if _WORD_CHAR.search(text, s.start, m.start()):
        lead = text[max(s.start, m.start() - 6) : m.start()].rstrip(" \t\"”’'")
        if lead[-1:] not in (",", "—", "–"):
            return None  # "… by writing": the participle must follow a comma or a dash
        said = _verb_before_participle(article, max(lo, s.start), m.start())
        if said is not None:  # "…, Spicer said, adding, "…"": the one who said
            return said
        start, stop = s.start, m.start()
    else:
        prev = article.sentences.previous(s)
        if prev is None or prev.para != s.para:
            return None
        said = _last_speaker(article, prev)
        if said is not None:  # `Maher stated … "wasn't good." Adding, "…"`
            return said
        start, stop = prev.start, prev.end
    ref = subject_after(text, start, stop, article.is_outlet, sentence_start=True)
    if ref is None or ref.kind not in ("name", "pronoun", "role"):
        return None
    if len(_WORD.findall(text[start : ref.pos])) > 3:
        return None  # not the clause's opening subject
    return ref


# between a verb of saying and the participle: nothing but a short setting and a comma
_SAID_THEN = re.compile(
    r"(?:[^\S\n]+(?:in|on|at|to|during|after|from)\b[^,;:\"“”\n]{0,40})?,[^\S\n]*"
)


def _verb_before_participle(article: _Article, lo: int, at: int) -> SpeakerRef | None:
    """`…, Nefzi said, adding, "…"`: the participle continues a verb of saying, whose
    subject is the speaker (not the sentence's opening subject, whose words were reported)."""
    verbs = [c for c in article.cues(lo, at) if c.kind == "verb" and not c.participle]
    if not verbs or not _SAID_THEN.fullmatch(article.text, verbs[-1].end, at):
        return None
    ref = _subject(article, verbs[-1], lo, verbs[-1].start, prefer_after=False)
    return ref if ref is not None and ref.kind in ("name", "pronoun", "role", "body") else None


def _last_speaker(article: _Article, s: Sentence) -> SpeakerRef | None:
    """The subject of the last verb of saying in a sentence (a person, role or body)."""
    verbs = [c for c in article.cues(s.start, s.end) if c.kind == "verb" and not c.participle]
    if not verbs:
        return None
    ref = _subject(article, verbs[-1], s.start, verbs[-1].start, prefer_after=False)
    return ref if ref is not None and ref.kind in ("name", "pronoun", "role", "body") else None

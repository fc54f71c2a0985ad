"""The subject noun phrase of a verb of saying, when it is not a plain name.

    cue ──► _phrase_subject: "the ministry's spokesman", "officials in Kyiv",
                             "a senior European diplomat" (a common-noun phrase)
        ──► _appositive_chain: "Oleg Varin, the head of the port authority, said"

Both walk back from the cue over a bounded stretch of the sentence and stop at a
clause break, so a phrase never swallows the previous clause. Shared by direct and
reported speech.
"""

from __future__ import annotations

import re

from quotetrail.core.extract.adjuncts import _AUX
from quotetrail.core.extract.article import _CYRILLIC, _LEADING_FILLER, _WORD, _Article, _words
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import SpeakerRef, subject_after
from quotetrail.core.speakers.names import _RU_FIRST_FORMS as _RU_FIRST_NAMES
from quotetrail.core.speech import Cue

_NP_HEAD = re.compile(
    r"(?:the|a|an|some|many|most|several|all|other|his|her|their|its|our|one|another|these"
    r"|those|both|each|every|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds"
    r"|thousands|\d[\d,.%]*)\b"
    r"|(?:(?-i:[A-Z])[\w.-]*\s+){0,3}(?-i:[A-Z])[\w.-]*(?:'s|’s|s'|s’)\s",  # "Clinton's campaign"
    re.IGNORECASE,
)
_NP_LEAD = re.compile(r"^(?:but|and|so|yet|still|now|meanwhile|however)\b[\s,]*", re.IGNORECASE)
_NP_BREAK = re.compile(
    r"(?<![\w-])(?:who|which|that|whom|whose|when|if|because|after|before|while)(?![\w-])",
    re.IGNORECASE,
)
_GRIEVANCE = frozenset(_words("complained complains complain believes believed believe"))
_TRAILING_TIME = re.compile(
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
    r"|also|again|later|earlier|recently|then|now|still)$",
    re.IGNORECASE,
)
# plural nouns for people who speak as a group ("Aides said", "…, donors said.")
_PLURAL_PEOPLE = frozenset(
    _words(
        """
    aides officials advisers advisors donors sources voters staffers critics experts analysts
    investigators residents lawmakers supporters organizers organisers delegates leaders
    executives economists protesters activists democrats republicans strategists diplomats
    prosecutors witnesses insiders allies officers lawyers attorneys scientists researchers
    """
    )
)
_TRAILING_AUX = re.compile(
    r"\s+(?:has|have|had|will|would|could|might|may|also|long|previously|repeatedly|already)"
    r"(?:\s+(?:also|long|previously|repeatedly|already|since|often|publicly))*$",
    re.IGNORECASE,
)
_GENERIC_NP = re.compile(
    r"(?:local|many|some|most|several|other|few|both)\s+(?:\w+\s+)?(?:businesses|residents"
    r"|people|experts|analysts|critics|observers|commentators|voters|users|citizens|owners)\b",
    re.IGNORECASE,
)


def _phrase_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """The noun phrase right before "said" when no name, role or known body is there.

    "The Clinton campaign said …", "a source familiar with the investigation said …":
    the speaker is the phrase as written (a body). Only for verbs of saying and a phrase
    of at most ten words that opens its clause, holds no verb of its own and is not a
    generic group ("Local businesses complained …" is the writer's summary).
    """
    text = article.text
    lo = max(s.start, cue.start - 160)
    brk = max(text.rfind(mark, lo, cue.start) for mark in ",;:—")
    if brk >= s.start:
        a = brk + 1
    elif s.start >= lo:
        a = s.start
    else:
        return None  # more than 160 characters without a break: no short phrase
    phrase = text[a : cue.start].strip()
    phrase = _NP_LEAD.sub("", phrase)
    phrase = _TRAILING_AUX.sub("", phrase)  # "Many conservatives have (long) said"
    words = _WORD.findall(phrase)
    group = len(words) <= 3 and (
        re.fullmatch(
            r"(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?-i:[A-Z])[\w-]*(?:ans|ers|ists|ats|ics|ors|ees|ents)",
            phrase,
        )  # "Republicans said", "Democrats say": a group, as written
        or re.fullmatch(
            r"(?-i:[A-Z])[\w-]*\s+(?:[\w-]+\s+)?(?-i:[a-z])[\w-]*"
            r"(?:ans|ers|ists|ats|ics|ors|ees|ents|ives|als|ates)",
            phrase,
        )  # "Democratic strategists say", "Hacking specialists say"
        or (words and words[-1].lower() in _PLURAL_PEOPLE)  # "Aides said", ", donors said."
    )
    if not 1 <= len(words) <= 10 or not (_NP_HEAD.match(phrase) or group):
        return None
    phrase = _TRAILING_TIME.sub("", phrase)
    words = _WORD.findall(phrase)
    if not words or _AUX.search(phrase) or _NP_BREAK.search(phrase):
        return None
    if _GENERIC_NP.match(phrase) and cue.lower in _GRIEVANCE:
        return None  # "Local businesses have long complained …": the writer's summary
    if article.cues(a, cue.start) or re.search(r"[\"“”«»()]", phrase):
        return None
    if words[-1].lower().endswith("ly") or words[-1].lower() in ("also", "then", "still", "later"):
        words = words[:-1]
        phrase = phrase[: phrase.rfind(words[-1]) + len(words[-1])] if words else ""
    if not words:
        return None
    name = (
        phrase[0].lower() + phrase[1:]
        if re.match(
            r"(?:The|A|An|Some|Many|Most|Several|Other|His|Her|Their|Its|Our|One|Another|These|Those|Both|Each|Every)\b",
            phrase,
        )
        else phrase
    )
    return SpeakerRef("body", name=name, pos=text.find(phrase, a))


_CHAIN_NAME_END = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*,")


def _appositive_chain(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """A name that opens the sentence, then appositives set off by commas, then the verb.

    "Marley Anders, 21, a junior from Port Lisle, said …", "Rep. Hal Wyse (D-Ore.),
    ranking member of the committee and one of its negotiators, said …": the name, not
    a place or a person named inside the appositives. Only when the name fills the
    sentence's first chunk and no other cue stands between it and the verb.
    """
    text = article.text
    if cue.start - s.start > 300:  # before slicing: a sentence may span the article
        return None
    end = cue.start
    perfect = _PERFECT_BEFORE.search(text, max(s.start, cue.start - 20), cue.start)
    if perfect is not None:
        end = perfect.start() + 1  # "Rabbi Marvin Hier, the founder of …, has said that"
    before = text[s.start : end].rstrip()
    if not before.endswith(","):
        return None
    lead = (
        s.start
        + len(text[s.start : cue.start])
        - len(_LEADING_FILLER.sub("", text[s.start : cue.start]))
    )
    comma = text.find(",", lead, cue.start)
    if comma < 0 or comma >= s.start + len(before) - 1:
        return None  # a single appositive is subject_before's
    ref = subject_after(text, lead, comma + 1, article.is_outlet, sentence_start=True)
    if ref is None or ref.kind != "name" or article.in_outlet_name(ref.pos):
        return None
    name_end = text.find(ref.name.split()[-1].rstrip("."), ref.pos, comma + 1)
    if name_end < 0:
        return None
    name_end += len(ref.name.split()[-1].rstrip("."))
    if not _CHAIN_NAME_END.match(text, name_end) or text[lead : ref.pos].count(" ") > 3:
        return None  # the name (a title before it, a party tag after it) fills the chunk
    if article.cues(comma, cue.start) or article.in_span(comma):
        return None
    for aux in _AUX.finditer(text, comma, end):
        chunk = text[text.rfind(",", comma, aux.start()) : aux.start()]
        if not _RELATIVE_WORD.search(chunk):
            return None  # a verb of its own, not inside "who was her chief of staff"
    return ref


_PERFECT_BEFORE = re.compile(r",\s*(?:has|have|had)\s+(?:\w+ly\s+)?$")
_RELATIVE_WORD = re.compile(r"(?<![\w-])(?:who|whom|whose|which|that)(?![\w-])", re.IGNORECASE)


# «Ранее», «Позже», «В свою очередь»: words before a Russian subject that are not it
_RU_LEAD = re.compile(
    r"(?:(?:ранее|позже|позднее|также|однако|затем|потом|сегодня|вчера|накануне|тогда|впрочем"
    r"|при этом|кроме того|в свою очередь|в то же время|между тем)[\s,]+)+",
    re.IGNORECASE,
)
_RU_HEAD = re.compile(r"[А-ЯЁа-яё][а-яё-]{2,}")
_RU_GENITIVE = re.compile(
    r"(?-i:[а-яё][а-яё-]*(?:а|я|ы|и|ов|ев|ей|ых|их|ого|его|ой|ок|ек|ий))|[А-ЯЁ]{2,}|«[^«»\n]{1,40}»"
)
_RU_NOT_HEAD = re.compile(
    r"(?:он|она|они|оно|мы|я|вы|ты|это|этот|эта|все|всё|кто|что|который|которая|которые"
    r"|сам|сама|сами|там|здесь|тут|так|как|но|и|а|его|ее|её|их|после|перед|через|после|для"
    r"|из-за|из|от|до|за|под|над|при|про|без|среди|около|возле|вокруг|кроме|вместо|ради)",
    re.IGNORECASE,
)


def _ru_phrase_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """«Соседи пропавшей пенсионерки рассказали, будто …», «Ранее агент игрока заявил, что …»:
    a Russian common noun and its genitive complement, as written.

    Only a phrase that fills its clause up to the verb: a head noun, then one to four
    words in the genitive (or acronyms, «…» names), nothing capitalised but the first
    word; a name («Сын женщины Евгений Коротков») is subject_before's.
    """
    text = article.text
    if cue.kind != "verb" or cue.participle or not _CYRILLIC.search(cue.text):
        return None
    lo = max(s.start, cue.start - 120)
    brk = max(text.rfind(mark, lo, cue.start) for mark in ",;:—–()")
    if brk < s.start and lo > s.start:
        return None  # no break within reach and the sentence starts further back: no phrase
    a = brk + 1 if brk >= s.start else s.start
    while a < cue.start and text[a] in ' \t\n«"„':
        a += 1
    lead = _RU_LEAD.match(text, a, cue.start)
    if lead is not None:
        a = lead.end()
    phrase = text[a : cue.start].strip()
    words = re.findall(r"«[^«»\n]{1,40}»|\S+", phrase)
    if not 2 <= len(words) <= 5 or not _RU_HEAD.fullmatch(words[0]):
        return None
    if _RU_NOT_HEAD.fullmatch(words[0]) or words[0].lower().replace("ё", "е") in _RU_FIRST_NAMES:
        return None
    if not all(_RU_GENITIVE.fullmatch(w) and not _RU_NOT_HEAD.fullmatch(w) for w in words[1:]):
        return None
    name = phrase[0].lower() + phrase[1:]
    gender = None if cue.feminine is None else ("f" if cue.feminine else "m")
    return SpeakerRef("body", name=name, gender=gender, pos=a)

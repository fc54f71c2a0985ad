"""The words that announce speech: "said", "according to", «заявил», «по словам».

A cue has a `kind` that tells the extractor where to look for the speaker and
the words:

* ``verb``: a speech verb. The speaker stands before it ("Putin said") or right
  after it ("said Putin", «заявил Путин»); reported words follow "that"/«что»
  or a colon, or precede the verb (", Putin said.").
* ``according``: "according to X, …", «по словам X, …», «по мнению X» — the
  speaker follows the cue (in Russian in the genitive case).
* ``as``: «как заявил X, …», "as X said, …" — speaker after the cue, words after
  the next comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["THAT", "Cue", "CueKind", "find_acts", "find_cues"]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one block of text."""
    return tuple(text.split())


CueKind = Literal["verb", "according", "as"]

_EN_VERBS = _words(
    """
    said says say told tells stated states stressed stresses noted notes added adds warned
    warns claimed claims argued argues explained explains announced announces declared
    declares insisted insists emphasized emphasised emphasizes emphasises remarked remarks
    replied replies responded responds asked asks wrote writes recalled recalls admitted
    admits acknowledged acknowledges suggested suggests commented comments concluded
    concludes confirmed confirms denied denies assured assures promised promises urged urges
    mentioned mentions observed observes predicted predicts revealed reveals complained
    complains believes believed called calls continued continues reiterated reiterates vowed
    vows reported reports asserted asserts conceded concedes contended contends maintained
    maintains testified tweeted posted disclosed discloses warn argue insist claim note add
    tell acknowledge admit explain suggest stress contend maintain predict deny concede
    assert respond reply emphasize emphasise announce reveal
    """
)
_EN_PHRASES = ("pointed out", "points out", "made clear", "went on")
# Participles introduce reported speech only with "that": "…, adding that …".
_EN_PARTICIPLES = _words(
    """
    saying adding noting stressing warning explaining insisting claiming announcing
    arguing asserting acknowledging suggesting conceding telling declaring
    stating emphasizing emphasising revealing recalling predicting maintaining contending
    confirming admitting reporting tweeting complaining reiterating
    """
)

_RU_PAST = _words(
    """
    заявил сказал отметил подчеркнул сообщил добавил пояснил уточнил рассказал указал
    заверил признал предупредил напомнил констатировал ответил написал заметил призвал
    пообещал выразил подытожил резюмировал заключил оценил прокомментировал высказал
    объяснил утверждал уверил посетовал пожаловался назвал охарактеризовал
    возразил описал парировал признался
    подтвердил допустил сообщал говорил объявил посоветовал
    призналась признались поделился поделилась поделились пожаловалась пожаловались
    вспомнил вспоминал настаивал настоял
    """
)
# Russian gerunds introduce reported speech only with «что»: «…, добавив, что …».
_RU_GERUNDS = _words(
    """
    добавив подчеркнув отметив заявив пояснив уточнив сообщив указав напомнив признав
    заверив предупредив
    """
)
_RU_PRESENT = _words(
    """
    заявляет говорит считает полагает отмечает подчеркивает подчёркивает сообщает добавляет
    поясняет уточняет рассказывает указывает признает признаёт напоминает пишет уверен
    уверена убежден убеждена убеждён утверждает допускает подтверждает говорится
    вспоминает настаивает настаивают
    """
)
_RU_ACCORDING = tuple(
    f"{p} {w}"
    for p in ("по", "по его", "по ее", "по её", "по их")
    for w in (
        *("словам", "мнению", "оценке", "утверждению", "прогнозу", "признанию", "заявлению"),
        "данным",  # «по данным полиции», «по ее данным»: a source's figures, as reported
    )
)
# «— приводит слова форварда Романа Сычева «Советский спорт»»: the genitive speaks
_RU_ACCORDING = (*_RU_ACCORDING, "со слов", "приводит слова", "приводят слова", "привело слова")
_EN_ACCORDING = ("according to",)
_RU_AS_VERBS = "|".join(_RU_PAST)
_RU_AS_PRESENT = "сообщает|сообщают|пишет|пишут|передает|передаёт|отмечает|заявляет"
_EN_AS_VERBS = (
    "said|noted|put it|stressed|explained|told|wrote|stated|added|pointed out"
    "|reported|reports|says|notes|writes|observed|argued"
)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Every cue starts with a letter: the look-ahead lets the engine skip non-word
# positions (a run of quotation marks) before trying the large alternation.
_CUE = re.compile(
    r"(?=\w)(?<![\w-])(?:"
    rf"(?P<as_ru>как\s+(?:(?:{_RU_AS_VERBS})(?:а|и|о|ся|ась|ись)?|{_RU_AS_PRESENT}))"
    rf"|(?P<according>{_alternation(_EN_ACCORDING + _RU_ACCORDING)})"
    rf"|(?P<verb_ru>(?:{_alternation(_RU_PAST)})(?:а|и|о)?|{_alternation(_RU_PRESENT + _RU_GERUNDS)}|говорят|считают|полагают|заявляют|отмечают|пишут)"
    rf"|(?P<verb_en>{_alternation(_EN_PHRASES + tuple(_EN_VERBS) + tuple(_EN_PARTICIPLES))})"
    r")(?![\w-])",
    re.IGNORECASE,
)
# an "as X said" cue never spans a sentence end: a line break, or a full stop after a
# word that is no abbreviation ("as fracking. He said"; "as Sen. Ann Orlan said" is one)
_AS_ACROSS_SENTENCES = re.compile(r"\n|[^\W\d_]{4,}[.!?]\s|[a-z]{2,3}[.!?]\s+(?-i:[a-z])|[!?;:,]\s")
_EN_AS = re.compile(
    # "As reported by the Ledger, …": the source follows, as after "according to"
    r"\bas\s+(?:(?:first|previously|originally|earlier|\w+ly)\s+)?reported\s+(?:by|in)\b"
    rf"|\bas\s+(?:(?:[\w.'’-]+\s+){{1,4}}?(?:{_EN_AS_VERBS})"
    # "as Jane Roe, a senator, put it": its commas are the appositive's (no sentence end)
    r"|(?P<put_it>(?-i:[A-Z])(?:[^.;:!?\"“”\n]|\.(?=\s*\d)){1,120}?,\s+put\s+it))\b",
    re.IGNORECASE,
)

# What introduces the reported clause after a verb: "that", «что», «о том, что».
# not "that's": "said that's what …" is a clause that opens with the pronoun
THAT = re.compile(
    r"(?<![\w-])(?:that|что|о том,\s*что|будто)(?![\w-]|['’](?:s|d|ll)\b)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    kind: CueKind
    participle: bool = False
    feminine: bool | None = None  # from a Russian past-tense ending: заявила / заявил

    @property
    def lower(self) -> str:
        return self.text.lower()


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every speech cue in text[start:end], in order."""
    end = len(text) if end is None else end
    cues = [_cue(m) for m in _CUE.finditer(text, start, end) if not _in_name(text, m)]
    for m in _EN_AS.finditer(text, start, end):
        if m.group("put_it") is None and _AS_ACROSS_SENTENCES.search(m.group()):
            continue  # "… known as fracking.\n\nHe said …": the verb opens a sentence of its own
        if m.start() == 0 or not text[m.start() - 1].isalpha():
            cues.append(Cue(m.start(), m.end(), m.group(), "as"))
    cues.sort(key=lambda c: c.start)
    return _drop_overlaps(cues)


def _in_name(text: str, m: re.Match[str]) -> bool:
    """ "the United States", "Reports Without Borders": a capitalised verb mid-sentence."""
    word = m.group()
    if not word[:1].isupper() or m.group("according") or m.group("as_ru"):
        return False
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t")
    if not before or before[-1] in ".!?\"“”«»—–-:\n'’":
        return False
    # "Rubio Says Abandoning Reform Was A Sign": a headline's verb, not part of a name
    return word.lower() not in _HEADLINE_VERBS or not _title_case_line(text, m)


# a headline's speech verb, capitalised like every word of its line
_HEADLINE_VERBS = frozenset(_words("says say said tells told warns warned"))
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_HEADLINE_SMALL = frozenset(_words("a an the of to in on for and or at by as with from is"))


def _title_case_line(text: str, m: re.Match[str]) -> bool:
    """Whether the verb's line is a headline written in title case (every long word capitalised).

    Such a line has no sentence case to tell a name from a verb, so "Says" there is the
    verb; a capitalised "Says" inside a sentence of running text stays part of a name.
    """
    lo = text.rfind("\n", max(0, m.start() - 200), m.start())
    hi = text.find("\n", m.end(), m.end() + 200)
    if lo < 0 < m.start() - 200 or hi < 0 < len(text) - m.end() - 200:
        return False  # a line over 200 characters is running text, not a headline
    lo, hi = lo + 1, len(text) if hi < 0 else hi
    if hi - lo > 200:
        return False
    words = [w for w in _HEADLINE_WORD.findall(text, lo, hi) if w.lower() not in _HEADLINE_SMALL]
    after = _HEADLINE_WORD.findall(text, m.end(), hi)
    return len(words) >= 4 and len(after) >= 2 and all(w[0].isupper() for w in words)


def _cue(m: re.Match[str]) -> Cue:
    word = m.group()
    low = word.lower()
    if m.group("as_ru"):
        return Cue(m.start(), m.end(), word, "as", feminine=_ru_feminine(low.split()[-1]))
    if m.group("according"):
        return Cue(m.start(), m.end(), word, "according")
    if m.group("verb_ru"):
        if low in _RU_GERUNDS:
            return Cue(m.start(), m.end(), word, "verb", participle=True)
        return Cue(m.start(), m.end(), word, "verb", feminine=_ru_feminine(low))
    return Cue(m.start(), m.end(), word, "verb", participle=low in _EN_PARTICIPLES)


def _ru_feminine(verb: str) -> bool | None:
    if verb.endswith(("ла", "лась", "на")):
        return True
    if verb.endswith(("л", "лся", "н", "нул")):
        return False
    return None


def _drop_overlaps(cues: list[Cue]) -> list[Cue]:
    kept: list[Cue] = []
    for cue in cues:
        if kept and cue.start < kept[-1].end:
            if cue.end - cue.start > kept[-1].end - kept[-1].start:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept


# Speech acts reported without the words: "X thanked Y for …", «X призвал Y …». They
# make a *claim* (the writer's summary of what X said), not a quote.
_EN_ACTS = _words(
    """
    thanked thanks congratulated congratulates accused accuses urged urges warned warns
    promised promises denied denies condemned condemns pledged pledges vowed vows demanded
    demands apologised apologized
    """
)
_EN_ACT_PHRASES = ("called for", "calls for", "called on", "calls on")
_RU_ACTS = _words(
    """
    поблагодарил поздравил призвал обвинил предупредил пообещал опроверг опровергла опровергли
    осудил потребовал
    извинился благодарит призывает обвиняет предупреждает обещает опровергает осуждает
    требует
    """
)
_ACT = re.compile(
    rf"(?<![\w-])(?:(?P<ru>(?:{_alternation(_RU_ACTS)})(?:а|и|о)?)"
    rf"|(?:(?:has|have|had)\s+|(?:publicly|personally|also|again|sharply|strongly)\s+)*"
    rf"(?P<en>{_alternation(_EN_ACT_PHRASES + tuple(_EN_ACTS))}))(?![\w-])",
    re.IGNORECASE,
)


def find_acts(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Speech acts ("thanked", «призвал») in text[start:end]: the cues of credited claims."""
    end = len(text) if end is None else end
    out = []
    for m in _ACT.finditer(text, start, end):
        group = "ru" if m.group("ru") else "en"
        a, b = m.span(group)
        word = m.group(group)
        out.append(
            Cue(a, b, word, "verb", feminine=_ru_feminine(word.lower()) if group == "ru" else None)
        )
    return out

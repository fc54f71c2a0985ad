"""The article as extraction sees it, the candidate model, and what every stage shares.

    text ──► _Article (unwrapped text, quote spans, sentences, outlets, cues, names)
                 └──► each stage adds _Candidate items (span, kind, cue, speaker ref)

`_Article` computes everything once per text, so the stages only look things up;
`_Candidate` is the mutable working item that `extract_quotes` turns into a `Quote` at
the end. The word lists and regexes here are the ones several stages use (a regex one
stage needs lives with that stage). Nothing here imports another extract module: this
is the bottom of the package, so shared things come down here to avoid import cycles.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from quotetrail.core.models import QuoteKind
from quotetrail.core.outlets import Outlet, OutletRegistry
from quotetrail.core.quotemarks import QuoteSpan, find_quote_spans
from quotetrail.core.sentences import Sentence, Sentences
from quotetrail.core.speakers import Person, SpeakerRef
from quotetrail.core.speech import Cue, find_cues

_REACH = 300  # how far from a quote its attribution may stand


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one block of text."""
    return tuple(text.split())


_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_NAMING_EN = frozenset(
    _words(
        """
    narrative term word words phrase slogan expression motto headline title nickname label
    film movie book novel song album show series programme program operation party newspaper
    paper magazine channel station agency outlet company firm group movement foundation fund
    campaign initiative project plan doctrine strategy concept festival forum exercise
    exercises drills law bill brand app platform website site so-called dubbed named titled
    entitled nicknamed hashtag codenamed code-named mission bloc alliance coalition club
    team band ship vessel
    """
    )
)
_NAMING_RU = (
    "телеканал", "канал", "газет", "парти", "операци", "фильм", "книг", "роман", "песн", "программ",
    "проект", "компани", "концерн", "фонд", "движени", "групп", "термин", "слово", "понят",
    "называем", "нарратив", "лозунг", "форум", "фестивал", "журнал", "сайт", "издани",
    "организаци", "банк", "завод", "клуб", "команд", "театр", "преми", "учени", "агентств",
    "радиостанци", "доктрин", "план", "акци", "кампани", "фирм", "холдинг", "корпораци",
    "сериал", "шоу", "спектакл", "выставк", "конкурс", "закон", "стратеги", "концепци",
    "инициатив", "платформ", "сервис", "приложени", "мессенджер", "бренд", "блок", "портал",
    "ресурс", "объединени", "миссии", "миссия", "хэштег", "позывн", "прозвищ", "судн", "корабл",
    "авиакомпани", "центр", "ассоциаци", "союз", "издательств", "студи", "университет",
    "институт", "академи", "комбинат", "предприяти", "обществ", "аэропорт", "порт", "станци",
    "лаборатори", "стадион", "школ", "гимнази", "лицей", "ансамбл", "коллектив", "эфир",
)  # fmt: skip
_SMALL_WORDS = frozenset(
    _words(
        """
    of the and for in on a an de la von van и в на за по с of-the
    """
    )
)
_TERMINAL = "!?.…"
_RELATIVE = frozenset(
    _words("which who whom that where когда который которая которое которые что где")
)
_MARKS = "\"'«»“”„‘’‹›"
_LEADING_FILLER = re.compile(
    r"^(?:but|however|also|and|meanwhile|earlier|later|однако|также|ранее|позже|при этом|кроме того|и|но|а)\W+",
    re.IGNORECASE,
)
_DIRECT_CLAUSE_START = re.compile(
    r"(?-i:[A-ZА-ЯЁ0-9])|(?:the|a|an|it|he|she|they|we|i|there|this|these|no|not|russia|moscow)\b",
    re.IGNORECASE,
)


# "according to official figures": numbers, not anybody's words
_DATA = re.compile(
    r"\s+(?:(?:the|a|an|its|their|official|latest|preliminary|new|recent|government|final"
    r"|early|first|census|police|ministry|federal|state|national|[\w-]+'s)\s+){0,3}"
    r"(?:figures|data|statistics|stats|estimates|numbers|records|census|calculations|forecasts?"
    r"|results|tallies|tally|polls?|surveys?|projections|counts?)\b",
    re.IGNORECASE,
)


# «по данным статистики», «по данным опроса ВЦИОМ»: figures, not somebody's words
_RU_DATA = re.compile(
    r"\s+(?:[а-яё]+(?:ого|его|ой|ей|ых|их)\s+){0,2}(?:статистик|опрос|исследовани|мониторинг"
    r"|росстат|перепис|рейтинг|подсч[её]т|расч[её]т|анализ|прогноз|сводк|учет|учёт|реестр)",
    re.IGNORECASE,
)


def _data_source(text: str, cue: Cue) -> bool:
    if cue.kind != "according":
        return False
    if cue.lower.endswith("данным"):
        return _RU_DATA.match(text, cue.end) is not None
    return _DATA.match(text, cue.end) is not None


@dataclass
class _Candidate:
    """A quote in the making; offsets fixed, speaker and outlet filled in by later steps."""

    kind: QuoteKind
    start: int
    end: int
    para: int
    sentence: int
    context: tuple[int, int]  # sentences (first, last index) whose credits apply
    cue: Cue | None = None
    ref: SpeakerRef | None = None
    inherit: bool = False  # continues the previous speaker ("A," he said. "B.")
    group: int = -1
    person: Person | None = None
    outlet: Outlet | None = None
    mixed: bool = False  # reported words around a quoted fragment: the clause is the quote


class _Article:
    """One article's text with what every step needs: spans, sentences, outlets."""

    def __init__(self, text: str, registry: OutletRegistry) -> None:
        self.text = text
        self.registry = registry
        self._outlet_names: dict[str, bool] = {}
        self.spans = find_quote_spans(text)
        self.sentences = Sentences(text, self.spans)
        self.span_opens = [s.open for s in self.spans]
        self._cues = [
            c for c in find_cues(text) if not self.in_span(c.start) and not _data_source(text, c)
        ]
        self._cue_starts = [c.start for c in self._cues]
        self.mentions = registry.find_mentions(text)
        self._mention_starts = [m[0] for m in self.mentions]

    def is_outlet(self, name: str) -> bool:
        known = self._outlet_names.get(name)
        if known is None:  # the same names are asked about again and again
            known = self._outlet_names[name] = self.registry.resolve(name) is not None
        return known

    def has_mention(self, lo: int, hi: int) -> bool:
        """Is an outlet named wholly inside text[lo:hi]? (mentions found once per article)"""
        i = bisect_left(self._mention_starts, lo)
        return i < len(self.mentions) and self.mentions[i][1] <= hi

    def in_outlet_name(self, pos: int) -> bool:
        """Is `pos` inside an outlet's name («Новости» of «РИА Новости»)?"""
        i = bisect_right(self._mention_starts, pos) - 1
        return i >= 0 and pos < self.mentions[i][1]

    def in_span(self, pos: int) -> bool:
        return any(s.open <= pos <= s.close for s in self.spans_near(pos))

    def spans_near(self, pos: int) -> list[QuoteSpan]:
        i = bisect_right(self.span_opens, pos)
        return self.spans[max(0, i - 2) : i]

    def cues(self, lo: int, hi: int) -> list[Cue]:
        """Cues outside quoted words that lie wholly in text[lo:hi] (found once per article)."""
        i = bisect_left(self._cue_starts, lo)
        out = []
        while i < len(self._cues) and self._cues[i].start < hi:
            if self._cues[i].end <= hi:
                out.append(self._cues[i])
            i += 1
        return out


_NOT_A_SPEAKER_LABEL = frozenset(
    _words(
        """
    poll update watch video photos photo live breaking exclusive opinion analysis editorial
    review report newspaper news guide note editor's correction source sources read more
    see also related tags filed topics share comments listen transcript q a summary
    """
    )
)


def _by_para(candidates: list[_Candidate]) -> dict[int, list[_Candidate]]:
    paras: dict[int, list[_Candidate]] = {}
    for c in candidates:
        paras.setdefault(c.para, []).append(c)
    return paras


def _preceding(paras: dict[int, list[_Candidate]], s: Sentence) -> list[_Candidate]:
    """Quotes earlier in the sentence's paragraph, or in the previous one if it opens a paragraph."""
    same = [c for c in paras.get(s.para, []) if c.sentence < s.index]
    return same or paras.get(s.para - 1, [])

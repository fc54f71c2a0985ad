"""Find the quotations in an article: who said what, and which outlet the article credits.

The pipeline reads top to bottom:

1. **Quote spans** (:mod:`quotemarks`): every top-level "…", “…”, «…», „…“, ‘…’
   span; a quote over several paragraphs comes as one fragment per paragraph.
2. **Sentences** (:mod:`sentences`): boundaries that never cut through a quote.
3. **Direct quotes**: each span is attributed from the words right around it —
   a cue before it in its sentence (``Putin said: "…"``, «По словам Пескова, «…»»)
   or right after it (``"…," he said``, «…», — заявил он), or a name and a colon
   (``Dmitry Peskov: "…"``), or a signature (``"…" — Tom Reyes``). A quote that is a sentence of its own continues the
   previous speaker (``"A," he said. "B."``). Russian attributions inside the marks
   («Мы готовы, — сказал он. — Но не сегодня») and dialogue paragraphs opened by a
   dash (— Мы готовы, — заявил Песков.) are split around the attribution.
   Interrupted and multi-paragraph quotes are returned **one Quote per fragment**,
   each with the same speaker, so that ``text[q.start:q.end] == q.text`` always holds.
   A *partial quotation* — a direct quote lying wholly inside a reported clause
   whose cue stands before it ("Orlov said the bridge would open “in the autumn of
   2028”") — is not returned on its own: the reported quote carries it, marks
   included, so no word is counted twice downstream. A *mixed quote* (reported words
   around a quoted fragment, `Trump said Kaine “has a passion …”`, `But on trade, “we
   held firm,” he said`, a headline `Orlan: Velt's ‘Honesty Is in Question’`) is one
   reported quote, whatever the share of marked words; its text keeps the fragment's
   closing mark. A short fragment (≤ 9 words) whose marks open right after a word of
   the writer's (`portrayed the levy as “a tax on work”`) is reported too, even when
   no clause could be cut around it; after a verb of saying, "that" or a naming verb
   (`said “…”`, `called it “a mistake”`) it stays direct.
4. **Reported speech**: sentences shaped like ``X said (that) …``, ``X told Y that …``,
   ``according to X, …``, ``…, X said.``, ``…, saying (that) …`` (the speaker is the
   subject of the sentence's first verb), ``X did Y and said …``, ``Republicans who
   say …``, ``is telling voters that …``, «X заявил, что …»,
   «X заявил: …», «по словам X, …», «как сообщил X, …»; the quote is the reported
   clause, without a trailing credit or attribution (", передает ТАСС") or a wire
   dateline ("GENEVA, March 4 (Wire) - ") or a writer's parenthetical closing it
   ("(that is, …)"). "That"/«что» is left out of the clause. Words may stand between
   the verb and its clause ("told reporters on Monday that", "said in a statement
   that"); without "that" the clause must start like one. An attribution set off by commas in
   mid-sentence («Россия, по словам Пескова, готова к диалогу», "Russia, Peskov
   said, is ready") gives **two fragments** with one speaker and cue — the words
   before and after it — like an interrupted direct quote; the first may be one word.
   A line "Name: words" (a headline, a transcript) is Name's reported words.
   "According to" a document ("a pool report", "an email from the group") names its
   author; figures, data and polls ("according to official figures") are nobody's.
5. **Speakers** (:mod:`speakers`): names are normalised (titles dropped, Russian
   genitive turned nominative, one spelling per person); "he", «она», "the
   president", «глава государства», "the minister" resolve to the last fitting
   person named before them ("the mayor" only to someone titled mayor, never to
   the previous speaker); a role nobody held speaks as written («мэр», "the
   mayor") unless a person with that title is named later (a headline's "…, mayor
   says" before the lede's "Mayor Helen Marsh said"). The one spoken to ("told
   John Smith", "told TASS") is never a later "he", and an outlet after a name
   («заявил Кольцов Интерфаксу») is not part of it. «Об этом заявил Песков» names the speaker of the
   quotes just before it. When no person speaks, an organisation or unnamed source
   is the speaker, as written ("the ministry", "a source close to the talks",
   «Минобороны», «источник в правительстве»; «В Кремле заявили» → «Кремль»). A
   single unnamed source may be a later «он»/"he"; an organisation never is, and
   "they" means the last group or body that spoke, never one person. A sentence's
   subject (what a later "he" means) is its first name that is a person, a lone
   surname included ("Trump also took a swipe at Jeb Bush."); a quote standing alone
   after a sentence that quotes nobody is that sentence's subject's. An
   outlet as the subject ("TASS reported that …", «Как сообщает «Интерфакс», …»)
   gives a quote with speaker None, cited to the outlet; a person named inside
   ("TASS reported that Peskov said …") is the speaker instead.
6. **Credited claims** (kind ``claim``): a speech act without quoted words ("X
   thanked Y for …", «X призвал …») or a sentence credited to an outlet ("…, as RIA
   Novosti reported", or a next "This was reported by Gazeta.ru."), in a sentence
   with no quote of its own; speaker and outlet as for quotes.
7. **Outlets** (:mod:`attribution`): a credit ("quoted by TASS", «передает ТАСС»,
   "in his Telegram channel") applies to the quotes of its sentence; a credit
   sentence without quotes applies back ("This was reported by Gazeta.ru.") or
   forward ("He gave an interview to Rossiya 24."). "He told the agency", «сказал он
   изданию» credit the outlet the same speaker last spoke to; otherwise nothing
   («Источник рассказал агентству» means the article's own publisher).
8. **Terms**: quoted names, titles and scare quotes are not anyone's words. A span
   is a *term* when it follows a naming noun (the film, the narrative, so-called,
   телеканал, партия, газета, операция…), names a known outlet, or, with no speech
   cue next to it, is short or reads like a name (every word capitalised). A
   quote that is a whole sentence, or has a cue next to it, is speech. Terms are
   returned only with ``include_terms=True`` (kind ``"term"``, no speaker).

Plain text hard-wrapped at ~70 columns is read through :func:`hardwrap.unwrap`, a
same-length copy with the wrapping newlines turned to spaces: offsets index the
original text, and a quote's ``text`` keeps its newlines.

Every item gets a ``confidence`` (:func:`_confidence`); ``min_confidence`` drops the
ones below it. Everything is regex and bounded look-around on the text, linear in its
length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import groupby

from quotetrail.core.attribution import Credit, find_credits, points_back
from quotetrail.core.hardwrap import unwrap
from quotetrail.core.models import DEFAULT_MIN_CONFIDENCE, Quote, QuoteKind
from quotetrail.core.outlets import Outlet, OutletRegistry
from quotetrail.core.quotemarks import QuoteSpan, find_quote_spans
from quotetrail.core.sentences import Sentence, Sentences
from quotetrail.core.speakers import (
    Person,
    Resolver,
    SpeakerRef,
    body_after,
    body_before,
    find_full_names,
    find_titled_mentions,
    nominative,
    subject_after,
    subject_before,
)
from quotetrail.core.speech import THAT, Cue, find_acts, find_cues

__all__ = ["DEFAULT_MIN_CONFIDENCE", "extract_quotes"]

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


def _data_source(text: str, cue: Cue) -> bool:
    return cue.kind == "according" and _DATA.match(text, cue.end) is not None


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


def extract_quotes(
    text: str,
    registry: OutletRegistry | None = None,
    *,
    include_terms: bool = False,
    min_confidence: float = 0.0,
) -> list[Quote]:
    """The quotes of `text` in article order (see the module docstring for the rules).

    Items whose `confidence` is below `min_confidence` are left out (0 keeps all).
    """
    if not text or not text.strip():
        return []
    # hard-wrapped lines are joined on a same-length copy, so offsets stay valid
    article = _Article(unwrap(text), registry or OutletRegistry.default())
    candidates = _direct_quotes(article)
    candidates += _reported_speech(article, candidates)
    candidates.sort(key=lambda c: (c.start, c.end))
    candidates = _without_partial_quotations(article, candidates)
    _embedded_fragments(article, candidates)
    candidates += _claims(article, candidates)
    candidates.sort(key=lambda c: (c.start, c.end))
    _apply_back_attributions(article, candidates)
    _resolve_speakers(article, candidates)
    _attach_outlets(article, candidates)
    quotes = [_to_quote(text, c) for c in candidates if c.kind != "term" or include_terms]
    return [q for q in quotes if q.confidence >= min_confidence]


# --- 3. direct quotes ----------------------------------------------------------------


def _direct_quotes(article: _Article) -> list[_Candidate]:
    spans = article.spans
    out: list[_Candidate] = []
    groups = [list(g) for _, g in groupby(spans, key=lambda s: s.group)]
    for gi, frags in enumerate(groups):
        prev_close = groups[gi - 1][-1].close + 1 if gi else 0
        next_open = groups[gi + 1][0].open if gi + 1 < len(groups) else len(article.text)
        inner = _inner_attribution(article, frags[0]) if len(frags) == 1 else None
        out.extend(inner or _direct_group(article, frags, prev_close, next_open))
    dashed = _dash_speech(article)
    if dashed:
        regions = [(c.start, c.end) for c in dashed]
        out = [c for c in out if not any(a <= c.start and c.end <= b for a, b in regions)]
        out.extend(dashed)
    return out


# Russian dialogue style: a paragraph opened by a dash is speech, and
# «— Мы готовы, — заявил Песков. — Но не сегодня.» carries its attribution inside.
_DASH_LINE = re.compile(r"^[^\S\n]*[—–-][^\S\n]+(?=\S)", re.MULTILINE)  # "- " in wire copy
_DASH_ATTR = re.compile(
    r"(?P<stop>[,!?…])[^\S\n]*[—–-][^\S\n]+(?P<attr>(?:[^—–«»\"“”„\n]|«[^«»\n]{1,40}»){3,160}?)"
    r"(?:(?P<more>[.,:][^\S\n]*[—–-][^\S\n]+)(?=\S)|[.!?…]?[^\S\n]*$)"
)


def _dash_speech(article: _Article) -> list[_Candidate]:
    text = article.text
    out: list[_Candidate] = []
    question_end = -2  # where the last bare dash line that asks a question ends
    for line in _DASH_LINE.finditer(text):
        start = line.end()
        if article.in_span(start):
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        m = _DASH_ATTR.search(text, start, end)
        if m is None:
            answer = _interview_answer(article, line.start(), start, end, question_end)
            out.extend(answer)
            stripped = text[start:end].rstrip()
            question_end = end if stripped.endswith("?") and not answer else -2
            continue
        a, b = m.span("attr")
        cues = find_cues(text, a, b)
        ref = _subject(article, cues[0], a, b, prefer_after=True) if cues else None
        if ref is None and cues:
            ref = _common_noun_after(article, cues[0], b)  # «— Мы готовы, — сказал вратарь.»
        sentence = article.sentences.at(start)
        if ref is None or sentence is None:
            continue
        first_end = m.start() + (1 if m.group("stop") in "!?…" else 0)
        pieces = [(start, first_end)]
        if m.group("more"):
            pieces.append((m.end(), len(text[:end].rstrip())))
        out.extend(
            _Candidate(
                "direct", lo, hi, sentence.para, sentence.index,
                (sentence.index, article.sentences.at(end - 1).index), cue=cues[0], ref=ref,
            )
            for lo, hi in pieces
            if lo < hi
        )  # fmt: skip
    return out


def _interview_answer(
    article: _Article, line_start: int, start: int, end: int, question_end: int
) -> list[_Candidate]:
    """An interview in dialogue dashes: the line after a question is the interviewee's.

    «— Будет ли тур?» / «— Да, осенью…»: the answer has no attribution of its own; its
    speaker is the person the article last introduced (the pronoun-like reference
    resolves to the latest subject, «Певица Ирина Вольская рассказала…»). The
    questions are the outlet's own and are not returned.
    """
    text = article.text
    if (
        question_end < 0
        or text[question_end:line_start].strip()
        or "\n" not in text[question_end : line_start + 1]
    ):
        return []
    stop = start + len(text[start:end].rstrip())
    sentence = article.sentences.at(start)
    if stop <= start or sentence is None or text[start:stop].endswith("?"):
        return []
    last = article.sentences.at(stop - 1) or sentence
    ref = SpeakerRef("pronoun", gender=None, pos=start)
    return [
        _Candidate(
            "direct", start, stop, sentence.para, sentence.index, (sentence.index, last.index),
            ref=ref,
        )
    ]  # fmt: skip


# «Мы готовы, — сказала Захарова. — Но не сегодня»: the attribution set off by dashes
# inside one pair of marks splits the quote in two.
_INNER = re.compile(
    r"(?P<stop>[,!?…])\s*[—–-]\s+(?P<attr>[^—–«»\"“”„\n]{3,120}?)[.,:]\s*[—–-]\s+(?=\S)"
)


def _inner_attribution(article: _Article, span: QuoteSpan) -> list[_Candidate] | None:
    text = article.text
    m = _INNER.search(text, span.start, span.end)
    if m is None:
        return None
    a, b = m.span("attr")
    cues = find_cues(text, a, b)
    if not cues:
        return None
    ref = _subject(article, cues[0], a, b, prefer_after=True)
    if ref is None:
        ref = _common_noun_after(article, cues[0], b)  # «Мы проиграли, — сказал вратарь. — …»
    if ref is None:
        return None
    sentence = article.sentences.at(span.open)
    if sentence is None:
        return None
    first_end = m.start() + (1 if m.group("stop") in "!?…" else 0)
    pieces = [(span.start, first_end), (m.end(), span.end)]
    return [
        _Candidate(
            "direct",
            lo,
            hi,
            sentence.para,
            sentence.index,
            (sentence.index, sentence.index),
            cue=cues[0],
            ref=ref,
            group=span.group,
        )
        for lo, hi in pieces
        if lo < hi
    ]


def _direct_group(article: _Article, frags: list[QuoteSpan], prev_close: int, next_open: int):
    text = article.text
    first, last = frags[0], frags[-1]
    s_first = article.sentences.at(first.open)
    s_last = article.sentences.at(last.close)
    if s_first is None or s_last is None:
        return []
    head = (max(s_first.start, prev_close), first.open)
    if not text[head[0] : head[1]].strip() and s_first.index > 0:
        prev = article.sentences.items[s_first.index - 1]
        if (
            prev.start >= prev_close
            and s_first.para - prev.para <= 1
            and text[prev.start : prev.end].rstrip().endswith(":")
        ):
            head = (prev.start, first.open)  # "Cruz continued:" then the quote's paragraph
    tail = (last.close + 1, min(s_last.end, next_open))
    following = _attribution_sentence(article, s_last, tail, next_open)
    if following is not None:  # "We won." Putin told TASS.
        s_last, tail = following, (following.start, following.end)
    kind, cue, ref, inherit = _classify(article, frags, head, tail, s_first, s_last)
    context = (s_first.index, s_last.index)
    return [
        _Candidate(
            kind,
            f.start,
            f.end,
            article.sentences.at(f.start).para,
            article.sentences.at(f.start).index,
            context,
            cue=cue if kind != "term" else None,
            ref=ref if kind != "term" else None,
            inherit=inherit and kind != "term",
            group=f.group,
        )
        for f in frags
        if article.sentences.at(f.start) is not None and text[f.start : f.end].strip()
    ]


def _attribution_sentence(
    article: _Article, s: Sentence, tail: tuple[int, int], next_open: int
) -> Sentence | None:
    """A short next sentence that only says who spoke: `"We won." Putin told TASS.`"""
    text = article.text
    if re.search(r"\w", text[tail[0] : tail[1]]):
        return None
    nxt = article.sentences.next(s)
    if nxt is None or nxt.para != s.para or next_open < nxt.end:
        return None
    words = _WORD.findall(text[nxt.start : nxt.end])
    cues = article.cues(nxt.start, nxt.end)
    if not cues or len(words) > 9 or len(_WORD.findall(text[nxt.start : cues[0].start])) > 4:
        return None
    return nxt


def _classify(article: _Article, frags, head, tail, s_first: Sentence, s_last: Sentence):
    """Decide speech or term, and find the cue and speaker next to the quote."""
    text = article.text
    content = " ".join(text[f.start : f.end] for f in frags)
    if _after_naming_noun(text, head[0], frags[0].open) or article.is_outlet(content):
        return "term", None, None, False
    if len(content.strip()) <= 2 and _CYRILLIC.search(content):
        return "term", None, None, False  # «Ъ» (Kommersant's sign), «А»: a name, not words
    tail_cue, tail_ref = _tail_attribution(article, tail)
    if tail_cue and tail_ref:
        return "direct", tail_cue, tail_ref, False
    head_cue, head_ref, adjacent = _head_attribution(article, head)
    if head_cue and head_ref and adjacent:
        return "direct", head_cue, head_ref, False
    if head_cue and adjacent and _after_a_quote(article, head):
        # `"A," said the senator, "B."`: B continues the quote the attribution follows
        return "direct", head_cue, None, True
    colon_ref = _colon_speaker(article, head) or _signature(article, tail)
    if colon_ref is None and _CYRILLIC.search(content):
        colon_ref = _ru_colon_subject(article, head, content)
    if colon_ref is not None:
        return "direct", None, colon_ref, False
    if _name_like(content):
        return "term", None, None, False
    if _standalone(text, frags, s_first, s_last, article):
        return "direct", None, None, True
    words = len(_WORD.findall(content))
    if head_cue and head_ref:
        return "direct", head_cue, head_ref, False
    if words >= 3:
        cue, ref = _any_attribution(article, s_first, s_last, frags[0].open)
        if cue and ref:
            return "direct", cue, ref, False
    if words >= 6 or (words >= 3 and content[0].isupper() and content.rstrip()[-1] in _TERMINAL):
        return "direct", None, None, False  # a whole sentence in marks is somebody's words
    return "term", None, None, False


def _after_a_quote(article: _Article, head: tuple[int, int]) -> bool:
    """Does the head start right at a closing mark (only a short attribution between)?"""
    text = article.text
    lo, hi = head
    return (
        lo > 0
        and text[lo - 1] in "\"”»’'“"
        and len(_WORD.findall(text[lo:hi])) <= 8
        and not re.search(r"[.;!?]", text[lo:hi])
    )


def _after_naming_noun(text: str, lo: int, open_: int) -> bool:
    """`the film "…"`, «партия «…»»: the noun stands right before the mark, no comma between."""
    before = text[max(lo, open_ - 40) : open_]
    if not before[-1:].isspace() or before.rstrip()[-1:] in ",:;—–-":
        return False
    words = [w.lower() for w in _WORD.findall(before)][-2:]
    if not words:
        return False
    last_word = _WORD.findall(before)[-1]
    if len(last_word) >= 2 and last_word.isupper() and _CYRILLIC.search(last_word):
        return True  # «СНТ «Березка»», «ООО «Вектор»», «ФК «Волна»»: an organisation's name
    last = words[-1]
    if last in _NAMING_EN or (
        len(words) == 2 and words[0] in ("so-called", "так") and last.startswith("называем")
    ):
        return True
    return any(last.startswith(stem) and len(last) <= len(stem) + 4 for stem in _NAMING_RU)


def _name_like(content: str) -> bool:
    """«Единая Россия», "War and Peace": short, capitalised, not a sentence."""
    words = _WORD.findall(content)
    if not words or len(words) > 5 or content.rstrip()[-1:] in _TERMINAL or "," in content:
        return False
    return (
        all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)
        and words[0][0].isupper()
    )


def _standalone(text: str, frags, s_first: Sentence, s_last: Sentence, article: _Article) -> bool:
    """The quote is its sentence: only punctuation and dashes outside the marks."""
    # searched in place, not sliced: a sentence may span a whole (hostile) article
    return not (
        _WORD_CHAR.search(text, s_first.start, frags[0].open)
        or _WORD_CHAR.search(text, frags[-1].close + 1, s_last.end)
    )


_WORD_CHAR = re.compile(r"\w")


def _tail_attribution(article: _Article, tail: tuple[int, int]):
    """`"…," he said` / «…», — заявил Путин / `"…" said Peskov, the spokesman.`"""
    lo, hi = tail
    if hi <= lo:
        return None, None
    hi = _past_abbreviation(article, hi)
    cues = article.cues(lo, hi)
    if not cues:
        return None, None
    cue = cues[0]
    lead = article.text[lo : cue.start]
    limit = 160 if lead.count(",") >= 2 else 80  # "…," Jane Roe, a lawyer for the city, said
    if len(lead) > limit or re.search(r"[;:!?]|\.(?!\s*\w)|(?<=[a-z]{3})\.\s", lead):
        ref = _tail_appositive(article, lo, cue)
        return (cue, ref) if ref is not None else (None, None)
    ref = None
    if _CYRILLIC.search(cue.text) and _RU_IN_BODY.match(article.text, cue.end, hi):
        # «— отметили в пресс-службе губернатора»: the press service, not the governor
        ref = body_after(article.text, cue.end, hi, article.is_outlet)
    ref = ref or _subject(article, cue, lo, hi, prefer_after=False)
    if ref is None and lead.count(",") >= 2:
        ref = _tail_appositive(article, lo, cue)
    if ref is None and cue.kind == "verb":
        ref = _lead_phrase(article, lo, cue)  # `"…," the woman said.`
    if cue.kind == "verb" and (ref is None or ref.kind == "role") and not lead.strip(" ,—–-"):
        common = _common_noun_after(article, cue, hi)
        if common is not None and ref is None:
            ref = common
        elif common is not None and len(common.name.split()) > len(ref.name.split()):
            # «представитель прокуратуры»: the role with what completes it, same roles
            ref = SpeakerRef("role", name=common.name, roles=ref.roles, pos=common.pos)
    return cue, ref


_RU_IN_BODY = re.compile(r"\s+(?:в|во)\s+(?-i:[а-яё])", re.IGNORECASE)

# a sentence cut after an initial or a title's dot: "said J.M. Berger", "said Rev. Kyev Tatum"
_ABBREVIATION_END = re.compile(
    r"(?<!\w)(?:[A-Z]|Rev|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Jr|Sr|Gen|Lt|Col|Sgt|Prof|St|Atty|Supt)\.$"
)
_TAIL_APPOSITIVE_MAX = 300
_TITLES_ONLY = re.compile(r"[\s,\"”’'—–-]*(?:(?:(?-i:[A-Z])[\w.]*|former|then)\s+){0,3}")
_NAME_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\b\.?")


def _past_abbreviation(article: _Article, hi: int) -> int:
    """Where a tail ends when its sentence was cut after an abbreviation (at most twice)."""
    text = article.text
    for _ in range(2):
        s = article.sentences.at(hi - 1)
        nxt = article.sentences.next(s) if s is not None and s.end == hi else None
        if nxt is None or nxt.para != s.para or not _ABBREVIATION_END.search(text, hi - 6, hi):
            break
        i = bisect_right(article.span_opens, hi)
        hi = min(nxt.end, article.span_opens[i]) if i < len(article.span_opens) else nxt.end
    return hi


def _tail_appositive(article: _Article, lo: int, cue: Cue) -> SpeakerRef | None:
    """`"…," Mr. Daniloff, now 81 and retired in Cambridge, Mass., said by telephone.`

    A name right after the quote, then appositives set off by commas, then the verb:
    the name speaks, however long (or full of abbreviations) the appositives are.
    """
    text = article.text
    if cue.kind != "verb" or cue.start - lo > _TAIL_APPOSITIVE_MAX:
        return None
    if not text[lo : cue.start].rstrip().endswith(","):
        return None
    ref = subject_after(text, lo, cue.start, article.is_outlet)
    if ref is None or ref.kind != "name" or not _TITLES_ONLY.fullmatch(text, lo, ref.pos):
        return None  # not the name right after the quote ("Mr.", "former Gov." before it)
    last = ref.name.split()[-1].rstrip(".")
    name_end = text.find(last, ref.pos, cue.start)
    if name_end < 0:
        return None
    name_end += len(last)
    suffix = _NAME_SUFFIX.match(text, name_end)
    if not _CHAIN_NAME_END.match(text, suffix.end() if suffix else name_end):
        return None
    between = text[name_end : cue.start]
    if re.search(r"[;:!?\"“”«»]|\.\s+(?-i:[A-Z])[a-z]+\s+(?-i:[a-z])", between):
        return None  # another sentence or quote in between
    return ref


# «…», — сказал следователь. / «…», — описала шахматистка. / "…," said the detective.
_COMMON_AFTER = re.compile(
    r"\s+(?P<np>(?:(?:the|a|an|one|another)\s+(?:(?-i:[A-Z])[\w-]*\s+){0,2})?"
    r"(?-i:[a-zа-яё0-9][\w-]*|(?:Democrat|Republican|Independent)s?)"
    r"(?:\s+(?-i:[a-zа-яё][\w'’-]*)){0,5})"
    r"\s*(?:[.!?…]|,\s*[\"“«„']|,\s*(?:who|whose|asking|speaking|citing)\b|,?\s*$)",
    re.IGNORECASE,
)
# Russian only: what may stand between the verb and a common-noun speaker — the one
# spoken to («сказал агентству представитель …») — and, after the speaker, its object
# («— описала шахматистка решающую встречу») or a quoted name («банка «Заря»»).
_RU_ADDRESSEE = re.compile(
    r"\s+(?:журналистам|корреспонденту|корреспондентам|агентству|изданию|газете|телеканалу"
    r"|радиостанции|порталу|редакции|репортерам|репортёрам)(?=\s)",
    re.IGNORECASE,
)
_RU_COMMON_AFTER = re.compile(
    r"\s+(?P<np>(?-i:[а-яё][\w-]*)(?:\s+(?-i:[а-яё][\w-]*)){0,4})"
    r"(?:\s+(?P<q>«[^«»\n]{1,40}»))?\s*(?:[.!?…]|,\s*[\"“«„']|,?\s*$)",
    re.IGNORECASE,
)
_RU_OBJECT_WORD = re.compile(
    r"[а-яё-]+(?:ую|юю)|свою|свое|своё|свои|это|эту|этот|все|всё"
    r"|после|перед|накануне|позднее|позже|затем|также|тоже|сегодня|вчера"
)  # the object («решающую встречу») or a time («после матча») after the speaker
_LEAD_NP = re.compile(
    r"[\s,'’\"”»—–-]*(?P<np>(?:the|a|an|his|her|their|its|one|another)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:(?-i:[a-z])[\w-]*|(?-i:Democrat|Republican|Independent)s?"
    r"|(?-i:[A-Z][a-z]+(?:an|ian|er|ese))))\s+$",  # "the Texan said", "the New Yorker said"
    re.IGNORECASE,
)


def _lead_phrase(article: _Article, lo: int, cue: Cue) -> SpeakerRef | None:
    """`"…," the woman said.` / `"…," his childhood friend told the paper.`: as written."""
    text = article.text
    m = _LEAD_NP.fullmatch(text, lo, cue.start)
    if m is None or _AUX.search(m.group("np")):
        return None
    phrase = m.group("np")
    name = phrase[0].lower() + phrase[1:] if phrase[:1].isupper() else phrase
    return SpeakerRef("role", name=name, pos=m.start("np"))


_NOT_NOUN = re.compile(
    r"(?:он|она|они|it|he|she|they|him|her|then|later|again|also|today|yesterday|on|in|at"
    r"|that|this|there|here|так|тогда|затем|потом|позже|также|тоже|сегодня|вчера|ранее)$",
    re.IGNORECASE,
)


def _common_noun_after(article: _Article, cue: Cue, hi: int) -> SpeakerRef | None:
    """A common noun closing the sentence after the cue is the speaker, as written.

    Russian puts the speaker after the verb («— сказал следователь», «— сообщил
    представитель прокуратуры»); English does with "said the detective". The
    person is one unnamed speaker whom a later «он»/"he" may mean.
    """
    text = article.text
    start = cue.end
    sentence = article.sentences.at(cue.start)
    if _CYRILLIC.search(cue.text) and sentence is not None and sentence.end > hi:
        hi = sentence.end  # the tail stops at the next mark: «банка «Заря»» goes on past it
    addressee = _RU_ADDRESSEE.match(text, start, hi) if _CYRILLIC.search(cue.text) else None
    if addressee:
        start = addressee.end()  # «— сказал агентству представитель банка «Заря».»
    m = (_RU_COMMON_AFTER if _CYRILLIC.search(cue.text) else _COMMON_AFTER).match(text, start, hi)
    if m is None:
        return None
    phrase = m.group("np")
    words = phrase.split()
    if _CYRILLIC.search(cue.text):
        cut = next(
            (i for i, w in enumerate(words) if i and _RU_OBJECT_WORD.fullmatch(w.lower())), None
        )
        if cut is not None:  # «— описала шахматистка решающую встречу»: the object is not her
            words = words[:cut]
            phrase = " ".join(words)
        elif m.group("q"):
            phrase = f"{phrase} {m.group('q')}"  # «представитель банка «Заря»»
    if _NOT_NOUN.match(words[0]) or _NOT_NOUN.match(words[-1]):
        return None
    latin = not _CYRILLIC.search(phrase)
    if latin and words[0].lower() not in ("the", "a", "an", "one", "another"):
        return None  # "said quietly": English needs an article before a common noun
    if not latin and (_CYRILLIC.search(phrase) and words[0].lower().endswith(("о", "е"))):
        return None  # «— сказал тихо», «— добавил позже»: adverbs
    gender = None if cue.feminine is None else ("f" if cue.feminine else "m")
    return SpeakerRef("role", name=phrase, gender=gender, pos=m.start("np"))


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
    gap = text[cue.end : hi].strip()
    adjacent = len(gap) <= 60 and (
        gap.endswith((":", ",", "—", "–")) or bool(re.search(r"(?:that|что)$", gap)) or not gap
    )
    return cue, ref, adjacent


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


_SIGNATURE = re.compile(r"[^\S\n]*[—–][^\S\n]*(?=\S)")


def _signature(article: _Article, tail: tuple[int, int]) -> SpeakerRef | None:
    """A pull quote signed with a dash: `"Now it is up to them." — Tom Reyes`."""
    text = article.text
    m = _SIGNATURE.match(text, tail[0], tail[1])
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    ref = subject_after(text, m.end(), line_end, article.is_outlet)
    rest = text[ref.pos + len(ref.name) : line_end].strip() if ref else ""
    if ref is None or ref.kind != "name" or (rest and not rest.startswith(",")):
        return None  # a name (and its title after a comma) up to the end of the line
    return ref


def _any_attribution(article: _Article, s_first: Sentence, s_last: Sentence, near: int):
    """A cue with a subject anywhere in the quote's sentence (within reach of the quote)."""
    lo, hi = max(s_first.start, near - _REACH), min(s_last.end, near + _REACH)
    for cue in article.cues(lo, hi):
        ref = _subject(article, cue, s_first.start, s_last.end, prefer_after=cue.kind != "verb")
        if ref:
            return cue, ref
    return None, None


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
    ref = (after() or before()) if prefer_after else (before() or after())
    return ref or _body_subject(article, cue, lo, hi)


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


# --- 4. reported speech -----------------------------------------------------------


def _reported_speech(article: _Article, direct: list[_Candidate]) -> list[_Candidate]:
    direct = sorted(direct, key=lambda c: c.start)
    starts = [c.start for c in direct]
    out: list[_Candidate] = []
    for sentence in article.sentences.items:
        out.extend(_reported_in(article, sentence, direct, starts))
    taken = {c.sentence for c in direct + out if c.kind != "term"}
    out.extend(_pointed_back(article, taken))
    taken = {c.sentence for c in direct + out if c.kind != "term"}
    quoted = {c.sentence for c in direct if c.kind != "term"} - {c.sentence for c in out}
    out.extend(_headline_colons(article, taken - quoted, direct, starts))
    out.extend(_transcript_turns(article, direct + out))
    return out


def _pointed_back(article: _Article, taken: set[int]) -> list[_Candidate]:
    """«Цены не вырастут. Об этом заявил министр Виталий Рудаков.»: the first sentence
    is the minister's reported words.

    Russian copy puts the statement first and its source in the next sentence. Only
    when that sentence holds no quote of its own, the pointing sentence names a
    speaker (a person, a role, a body, «издание НГС»; a known outlet alone makes a
    credited claim instead) and follows in the same paragraph, or opens the next one.
    """
    text = article.text
    items = article.sentences.items
    out = []
    for s in items[1:]:
        if s.index in taken or not _RU_POINTING.match(text, s.start, s.end):
            continue
        prev = items[s.index - 1]
        if prev.index in taken or s.para - prev.para > 1 or article.in_span(prev.start):
            continue
        if _speech_act(article, prev) is not None:
            continue  # «Пашинян поблагодарил Путина. Об этом сообщила «Фонтанка».»: a claim
        cues = [c for c in article.cues(s.start, s.end) if c.kind == "verb"]
        if not cues:
            continue
        ref = _subject(article, cues[0], s.start, s.end, prefer_after=True)
        if ref is None:
            ref = _body_subject(article, cues[0], cues[0].end, s.end)
        if ref is None:  # «Об этом сообщает издание НГС.»
            end = s.start + len(text[s.start : s.end].rstrip(" .!?…\n"))
            ref = _ru_outlet_phrase(article, cues[0].end, end)
        if ref is None or (ref.kind == "body" and article.is_outlet(ref.name)):
            continue
        a, b = _trim_clause(article, prev.start, prev.end)
        if len(_WORD.findall(text[a:b])) < _CLAIM_MIN_WORDS or text[a:b].endswith("?"):
            continue
        out.append(
            _Candidate(
                "reported", a, b, prev.para, prev.index, (prev.index, s.index), cue=cues[0], ref=ref
            )
        )
    return out


_RU_POINTING = re.compile(r"\W*об\s+этом\s+(?:\w+\s+){0,2}?(?=\w+л[аио]?\b|\w+[ею]т\b)", re.I)


# "TAPPER: And obviously …" — a turn in a broadcast transcript, up to the end of its line
_TRANSCRIPT_TURN = re.compile(
    r"^[^\S\n]*(?P<name>(?-i:[A-Z])(?-i:[A-Z'’.-]){2,20}(?:[^\S\n](?-i:[A-Z'’.-]){2,20})?)"
    r":[^\S\n]+(?P<rest>[^\n]{12,3000})$",
    re.MULTILINE,
)


def _transcript_turns(article: _Article, taken: list[_Candidate]) -> list[_Candidate]:
    """An upper-case speaker label and a colon open a transcript turn: that person's words.

    Only a turn that no other quote overlaps (a quote inside it keeps its own speaker).
    """
    text = article.text
    spans = sorted((c.start, c.end) for c in taken if c.kind != "term")
    starts = [a for a, _ in spans]
    out = []
    for m in _TRANSCRIPT_TURN.finditer(text):
        label = m.group("name")
        if any(w.lower().strip(".’'") in _NOT_A_SPEAKER_LABEL for w in label.split()):
            continue
        if article.is_outlet(label) or article.in_span(m.start("rest")):
            continue
        a, b = _trim_clause(article, m.start("rest"), m.end("rest"))
        i = bisect_left(starts, b)
        if b <= a or (i > 0 and spans[i - 1][1] > a):
            continue  # another quote lies inside the turn
        first, last = article.sentences.at(a), article.sentences.at(b - 1)
        if first is None or last is None:
            continue
        name = " ".join(w.capitalize() for w in label.split())
        ref = SpeakerRef("name", name=name, pos=m.start("name"))
        context = (first.index, last.index)
        out.append(_Candidate("reported", a, b, first.para, first.index, context, ref=ref))
    return out


# "Rubio: I Still Believe Trump Can't Be Trusted." / «Песков: Кремль не видит оснований»
# (marks inside only around a fragment: `Orlan: Velt's ‘Honesty Is In Question.’`)
_HEADLINE_COLON = re.compile(
    r"^[^\S\n]*(?P<name>(?-i:[A-ZА-ЯЁ])[\w.’'-]+(?:[^\S\n]+(?-i:[A-ZА-ЯЁ])[\w.’'-]+){0,2})"
    r":[^\S\n]+(?P<rest>[^\n\"“«„]{12,300}?|[^\n]{12,300}?)[^\S\n]*$",
    re.MULTILINE,
)
_NOT_A_SPEAKER_LABEL = frozenset(
    _words(
        """
    poll update watch video photos photo live breaking exclusive opinion analysis editorial
    review report newspaper news guide note editor's correction source sources read more
    see also related tags filed topics share comments listen transcript q a summary
    """
    )
)


def _headline_colons(
    article: _Article, taken: set[int], direct: list[_Candidate], starts: list[int]
) -> list[_Candidate]:
    """A line "Name: what they said" (headlines, transcripts) is that person's words.

    A line that quotes a fragment among words of its own (`Orlan: Velt Would Lose,
    ‘I Fear the Worst’`) is a mixed quote, returned whole, like `X said Y “…”`.
    """
    text = article.text
    out = []
    for m in _HEADLINE_COLON.finditer(text):
        name, rest = m.group("name"), m.group("rest")
        if any(w.lower().strip(".’'") in _NOT_A_SPEAKER_LABEL for w in name.split()):
            continue
        if len(_WORD.findall(rest)) < 3 or article.in_span(m.start("rest")):
            continue
        i, j = bisect_left(starts, m.start("rest")), bisect_left(starts, m.end("rest"))
        inside = [c for c in direct[i:j] if c.kind != "term"]
        mixed = bool(inside) and _words_outside(
            article, m.start("rest"), m.end("rest"), direct, starts
        )
        if inside and not mixed:
            continue  # `Peskov: “…”`: the direct quote is the whole line
        ref = subject_before(text, m.start("name"), m.end("name"), article.is_outlet)
        if ref is None or ref.kind not in ("name", "role"):
            continue
        s = article.sentences.at(m.start("rest"))
        if s is None or s.index in taken:
            continue
        if not mixed and any(c.sentence == s.index for c in direct if c.kind != "term"):
            continue
        a, b = _trim_clause(article, m.start("rest"), m.end("rest"))
        if b > a:
            out.append(
                _Candidate(
                    "reported", a, b, s.para, s.index, (s.index, s.index), ref=ref, mixed=mixed
                )
            )
    return out


def _reported_in(
    article: _Article, s: Sentence, direct: list[_Candidate], starts: list[int]
) -> list[_Candidate]:
    cues = article.cues(s.start, s.end)
    if not cues:
        return []
    medial = []
    found = (
        _leading_according(article, s, cues)
        or _verb_that(article, s, cues)
        or (medial := _medial(article, s, cues))
        or _trailing(article, s, cues)
        or _participle(article, s, cues)
    )
    # the words around a medial attribution are one clause: its head may be one word
    min_words = 1 if found is medial else 2
    # "X, who says A, said B": the relative clause is speech of its own
    relative = _relative_who(article, s, cues)
    if relative and not any(a < relative[0][3] and relative[0][2] < b for _, _, a, b in found):
        found = [*found, *relative]
    # "Asked about X, Huckabee said …": the question is speech of its own, before the answer
    asked = _asked_lead(article, s, cues)
    if asked and not any(a < asked[0][3] and asked[0][2] < b for _, _, a, b in found):
        found = [*asked, *found]
    out = []
    for cue, ref, a, b in found:
        a, b = _trim_clause(article, a, b)
        if b <= a or len(_WORD.findall(article.text[a:b])) < min_words:
            continue
        mixed = _mostly_quoted(a, b, direct, starts)
        if article.text[a] in _MARKS:
            # `says “the wind is at our backs” despite …`: a mixed quote that opens with the
            # fragment; an unclosed mark (no direct quote there) opens nothing
            i = bisect_left(starts, a)
            if i == len(starts) or starts[i] > a + 2:
                continue
            mixed = mixed or _words_outside(article, a, b, direct, starts)
        elif not mixed and cue.start >= b and not _CYRILLIC.search(cue.text):
            # `But on trade, “we held firm,” he said`: words of the writer's before the
            # fragment, the attribution after it: one mixed quote
            i = bisect_left(starts, a)
            inside = i < len(starts) and starts[i] < b and direct[i].kind != "term"
            mixed = inside and _words_outside(article, a, b, direct, starts)
        if mixed and not _words_outside(article, a, b, direct, starts):
            continue  # `He said: "…"`: the direct quote is the whole clause
        out.append(
            _Candidate(
                "reported", a, b, s.para, s.index, (s.index, s.index), cue=cue, ref=ref, mixed=mixed
            )
        )
    return out


# "Asked whether …, Ban demurred", "When asked about X, she said": the question put
_ASKED_LEAD = re.compile(
    r"(?:(?:and|but)\s+)?(?:when\s+|after\s+being\s+|after\s+)?(?:was\s+|being\s+)?asked"
    r"(?:\s+(?:later|again|earlier|then|once|repeatedly|directly|specifically))?"
    r"(?:\s+(?:on|at|in|during|by)(?:\s+[\w.'’-]+){1,6}?)?\s+"
    r"(?=(?:whether|if|why|how|what|which|who|when|where|about)\b)",
    re.IGNORECASE,
)


def _asked_lead(article: _Article, s: Sentence, cues: list[Cue]):
    """A sentence opened by "Asked whether …," / "When asked about …,": the question asked.

    The words are a question put to the sentence's subject by someone the article does
    not name (a reporter, a moderator), so the quote has no speaker and scores below the
    default confidence threshold; it ends at the comma where the answer's clause begins.
    The question is speech (PolNeAR marks it so), and it keeps the answer that follows
    from being read as the asker's words.
    """
    text = article.text
    cue = cues[0]
    if cue.lower != "asked":
        return []
    lo = s.start + len(text[s.start : cue.start]) - len(text[s.start : cue.start].lstrip())
    m = _ASKED_LEAD.match(text, lo, s.end)
    if m is None or m.end() < cue.end:
        return []
    comma = text.find(",", m.end(), s.end)
    if comma < 0 or len(_WORD.findall(text[m.end() : comma])) < 2:
        return []
    return [(cue, None, m.end(), comma)]


def _leading_according(article: _Article, s: Sentence, cues: list[Cue]):
    """«По словам X, …», "According to X, …", «Как заявил X, …»."""
    text = article.text
    cue = cues[0]
    if cue.kind not in ("according", "as"):
        return []
    lead = _LEADING_FILLER.sub("", text[s.start : cue.start].strip())
    if lead:
        return []
    comma = text.find(",", cue.end, min(s.end, cue.end + 120))
    if comma < 0:
        return []
    ref = _subject(article, cue, s.start, comma, prefer_after=True)
    if not ref and _CYRILLIC.search(cue.text):
        ref = _ru_outlet_phrase(article, cue.end, comma) or _ru_common_source(article, cue, comma)
    if not ref and not _is_credit(article, cue.end, comma) and cue.kind == "according":
        # "According to the officer in charge that night, …": the phrase as written
        ref = _according_phrase(article, cue, comma)
    if not ref and not _is_credit(article, cue.end, comma):
        return []
    if not ref:  # "According to TASS, Putin said that …": the words are Putin's
        rest = Sentence(comma + 1, s.end, s.para, s.index)
        inner = _verb_that(article, rest, article.cues(rest.start, rest.end))
        if inner and inner[0][1] is not None:
            return inner
    return [(cue, ref, comma + 1, s.end)]  # «Как сообщает «Интерфакс», …»: no speaker


# «агентство «Прайм»», «издание НГС»: an outlet the registry does not know, by its noun
_RU_OUTLET_PHRASE = re.compile(
    r"\s*(?:(?:информационное|новостное|интернет-)?\s*(?:агентств\w*|издани\w*|газет\w*"
    r"|телеканал\w*|портал\w*|радиостанци\w*|журнал\w*|сайт\w*|телеграм-канал\w*))\s+"
    r"(?P<name>«[^«»\n]{1,40}»|[А-ЯЁA-Z][\w.-]*(?:\s+[А-ЯЁA-Z0-9][\w.-]*)?)\s*$",
)
# «по словам разработчика»: a common noun in the genitive, as written
_RU_COMMON_GENITIVE = re.compile(r"\s*(?P<np>(?-i:[а-яё][\w-]*)(?:\s+(?-i:[а-яё][\w-]*)){0,2})\s*$")


def _ru_outlet_phrase(article: _Article, lo: int, hi: int) -> SpeakerRef | None:
    """«Как сообщает агентство «Прайм», …»: the outlet speaks (a body, as it is named)."""
    m = _RU_OUTLET_PHRASE.match(article.text, lo, hi)
    if m is None:
        return None
    return SpeakerRef("body", name=m.group("name").strip("«»"), pos=m.start("name"))


def _ru_common_source(article: _Article, cue: Cue, hi: int) -> SpeakerRef | None:
    """«По словам разработчика, …»: a noun for the person, put back in the nominative."""
    if cue.kind != "according":
        return None
    m = _RU_COMMON_GENITIVE.match(article.text, cue.end, hi)
    if m is None:
        return None
    words = m.group("np").split()
    head = nominative([words[0]])[0]
    if head == words[0] or not head.isalpha():
        return None  # not a genitive noun we can read back
    return SpeakerRef("role", name=" ".join([head, *words[1:]]), pos=m.start("np"))


def _verb_that(article: _Article, s: Sentence, cues: list[Cue]):
    """`X said (that) …`, `X told Y that …`, «X заявил, что …», «X заявил: …».

    A person wins over a body or an outlet anywhere in the sentence: in "TASS
    reported that Peskov said X" the words are Peskov's. When no person speaks,
    a body ("The ministry said that …") is the speaker, and an outlet as the
    subject ("TASS reported that …") gives a quote with no speaker, which the
    outlet credit then cites.
    """
    text = article.text
    verbs = [
        c
        for c in cues
        if c.kind == "verb"
        and (not c.participle or _PROGRESSIVE.search(text, max(s.start, c.start - 12), c.start))
        and not _CLOSED_BEFORE.search(text, max(0, c.start - 8), c.start)
    ]  # `"…," said Ann Diaz`: the verb attributes the quote before it, no clause follows
    for weak in (False, True):
        for cue in verbs:
            if weak:
                ref = (
                    body_before(text, s.start, cue.start, article.is_outlet)
                    or _outlet_subject(article, s, cue)
                    or _phrase_subject(article, s, cue)
                    or _coordinated_subject(article, s, cue)
                )
            else:
                ref = _appositive_chain(article, s, cue) or subject_before(
                    text, s.start, cue.start, article.is_outlet
                )
                if ref is not None and _ADJECTIVE_NOT_NAME.fullmatch(text, ref.pos, cue.start):
                    continue  # "Coastal strategists say": a group, found by the weak pass
            if not ref:
                continue
            start = _clause_start(text, cue, s.end)
            end = s.end
            if start is None:
                start, end = _relative_clause(text, s, cue, ref)
            if start is None:
                continue
            if cue.lower in ("asked", "asks") and text.find(",", start, s.end) > 0:
                end = text.find(",", start, s.end)  # "asked Trump if …, Trump deflected"
            results = [(cue, None if ref.kind == "outlet" else ref, start, end)]
            return _split_participles(article, results, s)
    for cue in verbs:
        # "Orlan toured the pier on Monday and said the repairs were late": the second
        # verb of the sentence's subject
        if not _AND_BEFORE.search(text, max(s.start, cue.start - 12), cue.start):
            continue
        start = _clause_start(text, cue, s.end)
        ref = _main_clause_subject(article, s, cue) if start is not None else None
        if ref is not None:
            return [(cue, None if ref.kind == "outlet" else ref, start, s.end)]
    return _after_appositive(article, s, verbs)


# "Paul Porter, a truck driver from Ava, who …, said he voted": the appositive's close
_APPOSITIVE_CLOSE = re.compile(r"(?:,|\s--|\s[—–])\s*$")
_SHORT_THEN_COMMA = re.compile(r"(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+,")
_APPOSITIVE_HEAD = re.compile(r"[^,;:()—–\n\"“”]{1,60}?(?:,|\s--|\s[—–])")


def _after_appositive(article: _Article, s: Sentence, verbs: list[Cue]):
    """`Name, a long appositive …, said <clause>`: the name that opens the sentence speaks.

    The subject rules look back from the verb and stop at the appositive's commas, so
    the sentence's opening name is taken instead, when the verb is its first cue, a
    comma or dash closes the appositive right before the verb, and a reported clause
    follows it. Without this the appositive itself came back as a trailing quote.
    """
    text = article.text
    for cue in verbs[:1]:
        if cue.participle or not _APPOSITIVE_CLOSE.search(
            text, max(s.start, cue.start - 4), cue.start
        ):
            continue
        start = _clause_start(text, cue, s.end)
        if start is None or _SHORT_THEN_COMMA.match(text, start, s.end):
            continue  # "Prices, which rose, said the report, will fall": an inverted attribution
        ref = subject_after(text, s.start, cue.start, article.is_outlet, sentence_start=True)
        if ref is None or ref.kind == "pronoun" or not s.start <= ref.pos < s.start + 4:
            continue
        head = _APPOSITIVE_HEAD.match(text, ref.pos, cue.start)
        if head is None or head.end() >= cue.start - 4:
            continue  # the opening phrase must be followed by the appositive's comma or dash
        return [(cue, None if ref.kind == "outlet" else ref, start, s.end)]
    return []


_AND_BEFORE = re.compile(r"(?<![\w-])and\s+(?:then\s+|also\s+|later\s+)?$", re.IGNORECASE)
# "a letter that he said was drafted by the firm": a relative pronoun right before the subject
_RELATIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:that|which|who)\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){0,3}$", re.IGNORECASE
)
_RELATIVE_END = re.compile(r"[,;:()—–]|\s-\s")


def _relative_clause(text: str, s: Sentence, cue: Cue, ref: SpeakerRef) -> tuple[int | None, int]:
    """The words a subject says of a relative clause's antecedent, or (None, end).

    In "a charity that prosecutors said was suspected of funding terrorism" the
    prosecutors' words are "was suspected of funding terrorism" (the antecedent is
    the clause's missing subject); the clause ends at the next comma or dash, where
    the writer's sentence resumes. Only a form of be/have/will…, right after the verb,
    opens such a clause, so "the book that she wrote last year" stays out.
    """
    lo = max(s.start, ref.pos - 40)
    if ref.pos < s.start or not _RELATIVE_BEFORE.search(text, lo, ref.pos):
        return None, s.end
    if cue.lower not in _SAY and cue.lower not in _TOLD and cue.participle:
        return None, s.end
    m = re.compile(r"\s+(?P<aux>[\w'’]+)\b").match(text, cue.end, s.end)
    if m is None or m.group("aux").lower() not in _AUX_WORDS:
        return None, s.end
    brk = _RELATIVE_END.search(text, m.end(), s.end)
    end = brk.start() if brk else s.end
    if len(_WORD.findall(text[m.start("aux") : end])) < 3:
        return None, s.end
    return m.start("aux"), end


# "Kasich is telling voters that …": a participle after "is" is the sentence's verb
_PROGRESSIVE = re.compile(r"(?<![\w-])(?:is|are|was|were|been)\s+$", re.IGNORECASE)
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


# a capitalised word before a lowercase plural is an adjective, not a name
_ADJECTIVE_NOT_NAME = re.compile(
    r"[A-Z][a-z]+\s+[a-z]{3,}(?<!ss)s(?:\s+(?:have|had|would|will|also|now|have\s+long))?\s*"
)
_CLOSED_BEFORE = re.compile(r"[,.!?…]?[\"”»’]\s*[,—–]?\s*$")
_AND_BEFORE = re.compile(r"(?<![\w-])(?:and|but)\s+(?:(?:also|then|later|quickly|\w+ly)\s+)?$")


def _coordinated_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """ "McConnell embraced the mogul and said this week that …": the sentence's subject."""
    text = article.text
    if not _AND_BEFORE.search(text, max(s.start, cue.start - 30), cue.start):
        return None
    ref = subject_after(text, s.start, cue.start, article.is_outlet, sentence_start=True)
    return ref if ref is not None and ref.kind in ("name", "pronoun", "role") else None


def _outlet_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """ "TASS reported that …": an outlet fills the subject right before the verb."""
    text = article.text
    lo = max(s.start, cue.start - 60)
    first = bisect_left(article._mention_starts, lo)
    last = bisect_left(article._mention_starts, cue.start)
    for a, b, _outlet in article.mentions[first:last]:
        if b <= cue.start and not re.search(r"[\w,;:]", text[b : cue.start]):
            clause = text[s.start : a]
            if not _LEADING_FILLER.sub("", clause.strip()).strip(" ,"):
                return SpeakerRef("outlet", pos=a)  # type: ignore[arg-type]
    return None


_COORDINATED = re.compile(r"(?<![\w-])(?:and|or|but|и|или|а|но),?\s*$", re.IGNORECASE)


# What may stand between a verb and its reported clause: the one spoken to, a time,
# a channel — "told reporters on Wednesday that", "said in a statement that",
# "said Wednesday the plan", «заявил журналистам в среду, что».
_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|today|tonight"
    r"|earlier|later|again|also|recently|previously|publicly|privately|repeatedly|separately"
    r"|last\s+(?:week|weekend|month|year|night)"
    r"|this\s+(?:week|weekend|month|year|morning|afternoon|evening)"
    r"|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_CHANNEL = (
    r"statement|interview|briefing|conference|news\s+conference|press\s+conference|post|speech"
    r"|letter|release|email|e-mail|call|phone\s+call|tweet|hearing|meeting|address|appearance"
    r"|session|video|broadcast|message|op-ed|memo|filing|report|radio\s+interview|tv\s+interview"
)
_TIME_ADJUNCT = r"\s*,?\s*(?:(?:on|late|early)\s+)?(?:" + _DAYS + r")\b"
_CHANNEL_ADJUNCT = (
    r"\s+(?:in|at|during|on|via|through)\s+(?:an?|the|his|her|their|its|a\s+written|one)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:" + _CHANNEL + r")\b"
    r"(?:\s+(?:with|to|on|at|in)\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,4})?"
    r"|\s+on\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s*){1,4}"
)
_ADDRESSEE_ADJUNCT = (
    r"\s+(?:reporters|journalists|lawmakers|supporters|the\s+audience|the\s+crowd|the\s+court"
    r"|the\s+committee|the\s+(?:agency|newspaper|paper|broadcaster|channel|station|network|magazine)"
    r"|him|her|them|us|me|you|investigators|police|officials|the\s+jury|the\s+judge)\b"
    r"|\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,4}(?=\s+(?:on|in|at|last|this|that)\b)"
)
_RU_ADJUNCT = (
    r"\s+(?:журналистам|репортерам|репортёрам|агентству|изданию|газете|телеканалу"
    r"|в\s+(?:своем\s+|своём\s+)?(?:telegram|телеграм|[\w-]*)-канале|в\s+соцсетях|в\s+соцсети\s+\w+"
    r"|на\s+(?:брифинге|пресс-конференции|встрече\s+с\s+журналистами|заседании|форуме|совещании)"
    r"|в\s+ходе\s+(?:брифинга|пресс-конференции|встречи|заседания|визита)"
    r"|в\s+(?:интервью|эфире|беседе)"
    r"(?:\s+[«\"]?[А-ЯЁA-Z][\w.-]*[»\"]?){0,3}|в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|сегодня|вчера|ранее|также|тоже)"
)
_ADJUNCT = re.compile(
    f"(?:{_TIME_ADJUNCT}|{_CHANNEL_ADJUNCT}|{_ADDRESSEE_ADJUNCT}|{_RU_ADJUNCT})*", re.IGNORECASE
)
# «Как отметил в своем Telegram-канале депутат …», «заявил журналистам Песков»: what may
# stand between a Russian verb and the speaker after it
_RU_ADJUNCTS = re.compile(f"(?:{_RU_ADJUNCT})*", re.IGNORECASE)
# the same without the one spoken to: in "said the agency does not comment" the agency
# is the clause's subject, not an addressee
_ADJUNCT_NO_ADDRESSEE = re.compile(
    f"(?:{_TIME_ADJUNCT}|{_CHANNEL_ADJUNCT}|{_RU_ADJUNCT})*", re.IGNORECASE
)
_TOLD = ("told", "tells", "tell", "telling")
_OBJECT_PRONOUN = re.compile(r"\s+(?:him|her|them|us|me|you)\b", re.IGNORECASE)
_AUX = re.compile(
    r"(?<![\w-])(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had"
    r"|do|does|did|won't|wouldn't|can't|couldn't|isn't|aren't|wasn't|weren't|hasn't|haven't"
    r"|didn't|doesn't|don't|shall|need|needs)(?![\w-])"
    r"|(?<![\w-])(?:it|he|she|that|there|what|who|they|we|you|i)(?:’|')(?:s|re|ll|d|ve)\b|n[’']t\b",
    re.IGNORECASE,
)
_AUX_WORDS = frozenset(
    _words(
        """
    is are was were will would can could should may might must has have had do does did
    won't wouldn't can't couldn't isn't aren't wasn't weren't hasn't haven't didn't doesn't
    don't shall
    """
    )
)
_BARE_CLAUSE = re.compile(
    r"(?-i:[A-Z0-9])|(?:the|a|an|it|he|she|they|we|i|you|there|this|these|those|no|not|its|his"
    r"|her|their|our|my|your|some|many|most|all|any|every|each|several|few|both|having|one"
    r"|none|nobody|everyone|everybody|anyone|anybody|someone|somebody"
    r"|neither|either|only|even|russia|moscow)\b",
    re.IGNORECASE,
)
_PREP_START = re.compile(
    r"(?:in|on|at|to|after|before|during|with|from|of|about|for|by|as)\b", re.IGNORECASE
)
_SAY = ("said", "says", "say")
_SAID_OBJECTS = frozenset(
    _words(
        """
    nothing goodbye so much little yes no as grace hello something anything everything
    more less too very again earlier later instead otherwise thanks farewell sorry amen
    """
    )
)
# a quoted fragment the writer's words continue: `“the tide is turning” despite her loss`
# (not `“We will win” and walked out`: a second verb of the subject)
_MIXED_AFTER = re.compile(
    r"[“\"][^“”\"\n]{1,200}[”\"]\s+(?!(?:and|but|or|then|as|while|when|before|after|he|she"
    r"|they|it|to|said|says|told|adding|saying)\b)(?-i:[a-z])",
    re.IGNORECASE,
)
# "told the Harbour Post he …", "told his audience they …": the one spoken to, then a
# clause opened by a pronoun subject
_TOLD_NP = re.compile(
    r"\s+(?:(?:the|his|her|their|its|a|an)\s+)?(?:(?-i:[A-Z])[\w.&'’-]*\s+){0,4}?"
    r"(?:(?-i:[a-z])[\w-]+\s+)?(?P<subj>(?:he|she|they|it|we|i|you)(?:[’'](?:s|re|d|ll|ve))?\b"
    # "told the AP his firm worked …": a possessive subject, then a verb
    r"|(?:his|her|their|its|our|my)\s+(?-i:[a-z])[\w-]+(?=\s+(?:(?-i:[a-z])[\w-]+ed|is|are|was"
    r"|were|has|have|had|will|would|can|could|never|did|does|do|should|must)\b))",
    re.IGNORECASE,
)
_WH = re.compile(r"(?:whether|if|why|how|what|when|where|who)\b", re.IGNORECASE)
_NEEDS_THAT = frozenset(_words("called calls asked asks continued continues believes believed"))


def _past_adjuncts(text: str, pos: int, end: int, *, addressee: bool = True) -> int:
    m = (_ADJUNCT if addressee else _ADJUNCT_NO_ADDRESSEE).match(text, pos, end)
    return m.end() if m else pos


def _clause_start(text: str, cue: Cue, end: int) -> int | None:
    """Where the reported clause after a verb begins, or None when it has none.

    "that"/«что» right after the verb and its adjuncts ("told reporters on Monday that")
    opens it, and is left out of the clause (our convention; PolNeAR and adaq count it
    in). Without "that", a clause must start like one ("said the plan…", "says referees
    are…"); after verbs other than say/tell it must also hold a finite verb early on,
    so that "noted the decline" (an object) is not taken for speech.
    """
    window_end = min(end, cue.end + 100)
    pos = _past_adjuncts(text, cue.end, window_end)
    if cue.text[:1].isupper() and text[max(0, cue.start - 2) : cue.start].strip().isalpha():
        pos = cue.end  # a title-case headline ("Brandt Warns Port Strike Could Last"): no adjuncts
    if cue.lower in _SAY and _OBJECT_PRONOUN.match(text, cue.end, window_end):
        # "said her family asked …": "said" takes no bare addressee, the clause begins
        pos = _past_adjuncts(text, cue.end, window_end, addressee=False)
    m = THAT.match(text, pos + len(text[pos:window_end]) - len(text[pos:window_end].lstrip(" ,")))
    if m:
        return m.end()
    m = THAT.search(text, cue.end, window_end)
    # "said X, adding that …": a "that" after another cue is not this verb's;
    # "said A and that B": a "that" after a conjunction opens A's second half;
    # "said she was not going to jump to that conclusion": a clause already began
    if (
        m
        and not re.search(r"[.;:!?]", text[cue.end : m.start()])
        and not _COORDINATED.search(text, cue.end, m.start())
        and not find_cues(text, cue.end, m.start())
        and not _AUX.search(text, cue.end, m.start())
        and not re.search(
            r"(?<![\w-])(?:he|she|they|it|we|i|to)(?![\w-])",
            text[cue.end : m.start()],
            re.IGNORECASE,
        )
        and len(_WORD.findall(text[cue.end : m.start()])) <= 10
    ):
        return m.end()
    gap = text[cue.end : window_end]
    colon = gap.find(":")
    if 0 <= colon <= 40 and not re.search(r"[.;!?]", gap[:colon]):
        return cue.end + colon + 1
    if _CYRILLIC.search(cue.text):
        return None
    low = cue.lower
    if low in ("asked", "asks"):  # "asked (Trump) whether …": the question is the content
        wh = _WH.match(text, pos + len(text[pos:window_end]) - len(text[pos:window_end].lstrip()))
        if wh is None:
            wh = re.compile(
                r"\s+(?:\w+\s+){1,3}?(?=(?:whether|if|why|how|what|when|where|who)\b)"
            ).match(text, pos, window_end)
            wh = _WH.match(text, wh.end()) if wh else None
        return wh.start() if wh else None
    if low in _NEEDS_THAT:
        return None  # "called the plan …", "asked the court …": an object, not a clause
    if low in _TOLD and pos == cue.end:
        m = _TOLD_NP.match(text, cue.end, window_end)  # "told the Harbour Post he has …"
        return m.end() - len(m.group("subj")) if m else None  # else no addressee: no clause
    rest = text[pos:window_end]
    start = pos + len(rest) - len(rest.lstrip())
    nxt = text[start:window_end]
    if nxt[:1] in '“"' and (low in _SAY or low in _TOLD) and _MIXED_AFTER.match(nxt):
        return start  # `says “the tide is turning” despite …`: a mixed quote opens with marks
    if not nxt or _PREP_START.match(nxt) or not nxt[0].isalnum():
        return None  # "Russia, Peskov said, is ready": a medial attribution, not a clause
    first = _WORD.findall(nxt)[:15]
    if first and first[0].lower() in _AUX_WORDS and low not in _TOLD:
        # "said the agency does not …": what looked like an addressee opens the clause
        bare = _past_adjuncts(text, cue.end, window_end, addressee=False)
        if bare < pos:
            rest = text[bare:window_end]
            start = bare + len(rest) - len(rest.lstrip())
            nxt = text[start:window_end]
            first = _WORD.findall(nxt)[:15]
    if first and first[0].lower() in _AUX_WORDS:
        return None  # "the BBC, which she said had misreported …": a relative clause
    early_aux = _AUX.search(" ".join(first[:6]))
    if low in _SAY or low in _TOLD:
        if _BARE_CLAUSE.match(nxt) or early_aux:
            return start
        head = first[0].lower() if first else ""
        if (
            low in _SAY
            and len(first) >= 3
            and head.isalpha()
            and head == first[0]
            and not head.endswith("ly")
            and head not in _SAID_OBJECTS
        ):
            return start  # "Trump said praise from Putin would not …": a bare noun opens it
        return None
    head = nxt.split(",", 1)[0]
    if (_BARE_CLAUSE.match(nxt) or early_aux) and _AUX.search(" ".join(_WORD.findall(head)[:15])):
        return start
    return None


def _split_participles(article: _Article, results, s: Sentence):
    """ "X said A, adding that B" → two clauses with one speaker."""
    text = article.text
    cue, ref, a, b = results[0]
    for p in article.cues(a, b):
        if not p.participle:
            continue
        m = THAT.match(text, p.end + 1) or THAT.match(text, p.end) or THAT.match(text, p.end + 2)
        if m is None:
            m = THAT.search(text, p.end, min(b, p.end + 4))
        if m:
            return [(cue, ref, a, p.start), (p, ref, m.end(), b)]
    return results


def _participle(article: _Article, s: Sentence, cues: list[Cue]):
    """ "Putin rejected the plan, saying it would fail." — the sentence's subject speaks."""
    text = article.text
    for cue in cues:
        if not cue.participle:
            continue
        m = THAT.match(text, cue.end + 1) or THAT.match(text, cue.end + 2)  # «добавив, что»
        start = m.end() if m else None
        if start is None and cue.lower != "saying":
            # "telling the Harbour Post on Monday that …": the one spoken to, then "that"
            pos = _past_adjuncts(text, cue.end, min(s.end, cue.end + 100))
            m = THAT.match(text, pos + 1) if pos > cue.end else None
            start = m.end() if m else None
        nxt = text[cue.end : s.end].lstrip()
        if (
            start is None
            and cue.lower == "saying"
            and (_DIRECT_CLAUSE_START.match(nxt) or _BARE_CLAUSE.match(nxt))
        ):
            start = cue.end
        ref = subject_after(text, s.start, cue.start, article.is_outlet, sentence_start=True)
        main = [c for c in cues if c.kind == "verb" and not c.participle and c.end <= cue.start]
        if ref is None and main:  # `"…," said Ann Diaz, adding that …`: the main verb's
            ref = _subject(article, main[-1], s.start, cue.start, prefer_after=True)
        elif ref is None and start is not None:
            ref = _main_clause_subject(article, s, cue)
        if start is not None and ref is not None:
            return [(cue, ref, start, s.end)]
    return []


_WHO_BEFORE = re.compile(
    r"(?<![\w-])(?P<who>who)\s+(?:(?:also|has|have|had|long|often|still|now|repeatedly)\s+)*$",
    re.IGNORECASE,
)


def _relative_who(article: _Article, s: Sentence, cues: list[Cue]):
    """ "…, opposed by Republicans who say the law is a money pit." — the antecedent speaks.

    The clause runs to the sentence's end, or to the comma before the main verb
    ("Cruz, who says the polls have tightened, said …" ends at "tightened").
    """
    text = article.text
    for cue in cues:
        if cue.kind != "verb" or cue.participle or _CYRILLIC.search(cue.text):
            continue
        m = _WHO_BEFORE.search(text, max(s.start, cue.start - 40), cue.start)
        if m is None or m.start() <= s.start:
            continue
        start = _clause_start(text, cue, s.end)
        if start is None:
            continue
        antecedent = _rstrip_comma(text, s.start, m.start("who"))
        # the noun phrase only: "ammunition to Republicans who say" → "Republicans"
        lo = s.start
        for p in _PREPOSITION.finditer(text, max(s.start, antecedent - 80), antecedent):
            lo = p.end()
        np = Sentence(lo, s.end, s.para, s.index)
        ref = subject_before(text, lo, antecedent, article.is_outlet) or _phrase_subject(
            article, np, Cue(antecedent, antecedent, "said", "verb")
        )
        if ref is None or ref.kind == "outlet":
            continue
        end = s.end
        later = [c for c in cues if c.start > start and c.kind == "verb"]
        if later:
            comma = text.rfind(",", start, later[0].start)
            if comma <= start:
                continue
            end = comma
        return [(cue, ref, start, end)]
    return []


_PREPOSITION = re.compile(
    r"(?<![\w-])(?:to|from|by|with|among|for|against|at|on|in|of|came|offered|drew|than)\s+",
    re.IGNORECASE,
)


def _rstrip_comma(text: str, lo: int, hi: int) -> int:
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] == ","):
        hi -= 1
    return hi


# the first verb of a sentence: "Republicans have blocked …", "Both parents stiffened …"
_MAIN_VERB = re.compile(
    r"(?<![\w-])(?:has|have|had|is|are|was|were|will|would|(?-i:[a-z]{3,}ed))(?![\w-])",
    re.IGNORECASE,
)


def _main_clause_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """ "The party's leader has praised Orlan, saying he …": the subject of the first verb.

    The participle's speaker is the sentence's subject; when no name opens the
    sentence, the noun phrase before its first verb is (a role or body, as written).
    """
    text = article.text
    m = _MAIN_VERB.search(text, s.start, cue.start)
    if m is None or m.start() == s.start:
        return None
    pseudo = Cue(m.start(), m.start(), "said", "verb")
    return (
        subject_before(text, s.start, m.start(), article.is_outlet)
        or body_before(text, s.start, m.start(), article.is_outlet)
        or _phrase_subject(article, s, pseudo)
    )


def _medial(article: _Article, s: Sentence, cues: list[Cue]):
    """ "Russia, Peskov said, is ready." / «Россия, по словам Пескова, готова к диалогу.»

    The attribution set off by commas inside the reported words splits them: two
    fragments with one speaker, so that each keeps `text[start:end]` contiguous
    (as for an interrupted direct quote). The head fragment may be a single word.
    """
    text = article.text
    last_other = max((c.start for c in cues if c.kind != "as"), default=-1)
    for cue in cues:
        if cue.participle or last_other > cue.start:
            continue  # another cue follows: not a lone attribution
        first = text.rfind(",", s.start, cue.start)
        second = text.find(",", cue.end, min(s.end, cue.end + 60))
        if first <= s.start or second < 0:
            continue
        lead = _WORD.findall(text[first + 1 : cue.start])
        gap = _WORD.findall(text[cue.end : second])
        if len(lead) > 4 or len(gap) > 4 or (lead and lead[0].lower() in _RELATIVE):
            continue
        if cue.kind != "verb" and lead:
            continue  # «…, по словам Пескова, …»: nothing between the comma and the cue
        tail = _WORD.findall(text[second + 1 : s.end])
        if len(tail) < 2 or (tail[0].lower() in _RELATIVE | {"and", "и", "but", "но", "а"}):
            continue
        if _RU_GERUND_TAIL.match(text, second) or _RU_SOURCE_APPOSITIVE.match(text, second):
            continue  # «…, заявил Галиев, выступая на форуме», «сообщил источник, знакомый с …»
        if _EN_APPOSITIVE_TAIL.match(text, second + 1, s.end) and not _AUX.search(
            text, second, s.end
        ):
            continue  # "…, according to Ann Orlan, a former governor.": who she is, not her words
        if any(s.start <= sp.open < first for sp in article.spans_near(first)):
            continue  # the head is a direct quote: `"…," Lavrov said, quoted by TASS`
        if _is_credit(article, second + 1, s.end):
            continue  # the tail is a credit: «…, — заявил Лавров, передает ТАСС»
        ref = _subject(article, cue, first + 1, second, prefer_after=not lead)
        if ref is None:
            continue
        tail_piece = (cue, ref, second + 1, s.end)
        head = _LEADING_FILLER.sub("", text[s.start : first + 1]).strip(" ,")
        if not head or (_ADJUNCT_HEAD.match(head) and not _AUX.search(head)):
            # "However, he said, …", "In an interview with TMZ, Walker said, …": the head
            # is only a connective or a circumstance, not the speaker's words
            return [tail_piece]
        return [(cue, ref, s.start, first), tail_piece]
    return []


# a short noun phrase closing the sentence after the speaker: an appositive
_EN_APPOSITIVE_TAIL = re.compile(
    r"\s*(?:a|an|the|his|her|their|its)\s+(?:[\w.'’-]+\s+){0,6}?[\w.'’-]+[.!?]?[\"”’]?\s*$",
    re.IGNORECASE,
)
_ADJUNCT_HEAD = re.compile(
    r"(?:in|on|at|during|after|before|over|via|earlier|later|last|this|speaking|writing"
    r"|asked|answering|responding|interviewed)\b[^,;:]{0,80}$",
    re.IGNORECASE,
)


def _is_credit(article: _Article, lo: int, hi: int) -> bool:
    """Is the first clause of text[lo:hi] only a credit ("quoted by TASS", «передает ТАСС»)?"""
    comma = article.text.find(",", lo, hi)
    clause = article.text[lo : hi if comma < 0 else comma]
    return len(_WORD.findall(clause)) <= 4 and article.has_mention(lo, lo + len(clause))


# a Russian adverbial participle after the attribution: what the speaker was doing
_RU_GERUND_TAIL = re.compile(
    r",\s*(?:(?-i:[а-яё][\w-]*(?:ая|яя|уя|ив|ав|ыв|ев|вшись|ясь|аясь))|отвечая|комментируя"
    r"|выступая|говоря)\b"
)


# «…, сообщил источник, знакомый с ситуацией.»: who the source is, not what they said
_RU_SOURCE_APPOSITIVE = re.compile(
    r",\s*(?:знаком|близк|осведомл[её]нн|пожелавш|попросивш|работающ|участвующ|причастн)[\w-]*\s"
)


def _trailing(article: _Article, s: Sentence, cues: list[Cue]):
    """ "Russia will win, Putin said." / «…, — заявил Песков.» / "…, according to Peskov." """
    text = article.text
    cue = cues[-1]
    if cue.kind == "as" or cue.participle:
        return []
    comma = max(text.rfind(",", s.start, cue.start), text.rfind("—", s.start, cue.start))
    if comma <= s.start:
        return []
    end = s.end
    credit = text.find(",", cue.end, s.end)
    if credit > 0 and _is_credit(article, credit + 1, s.end):
        end = credit  # «…, заявил замминистра Андрей Рябинин, передает ТАСС.»
    gerund = _RU_GERUND_TAIL.search(text, cue.end, end) if _CYRILLIC.search(cue.text) else None
    if gerund is not None:
        end = gerund.start()  # «…, заявил Галиев, выступая на форуме в Уфе.»: not his words
    relative = _SOURCE_RELATIVE.search(text, cue.end, end) if cue.kind == "according" else None
    if relative is not None:
        end = relative.start()  # "…, according to Jason Ruiz, who advised the campaign."
    before, after = _WORD.findall(text[comma + 1 : cue.start]), _WORD.findall(text[cue.end : end])
    if len(after) > 7 or (before and before[0].lower() in _RELATIVE):
        return []  # the attribution must close the sentence: ", Putin said on Tuesday."
    if _NEGATED.search(text, comma + 1, cue.start):
        return []  # ", the mayor has not asked for help": a clause of its own
    if len(before) > 5:
        # a long subject can only be a body: ", two sources close to the talks said."
        ref = body_before(text, comma + 1, cue.start, article.is_outlet)
    else:
        ref = _subject(article, cue, comma + 1, end, prefer_after=cue.kind != "verb")
    if ref is None and cue.kind == "verb" and before:
        ref = _phrase_subject(article, s, cue)  # ", a source familiar with the talks said."
    if ref is None and cue.kind == "according" and _is_credit(article, cue.end, s.end):
        return [(cue, None, s.start, comma)]  # "…, according to the AP.": the outlet's words
    if ref is None and cue.kind == "according":
        ref = _according_phrase(article, cue, end)  # "…, according to The Washington Post."
    if not ref:
        return []
    close = _CLOSING_AFTER_COMMA.match(text, comma + 1)  # `The plan “was a mistake,” X said`
    return [(cue, ref, s.start, close.end() if close else comma)]


_NEGATED = re.compile(r"(?<![\w-])not(?![\w-])|n[’']t\b", re.IGNORECASE)
_SOURCE_PHRASE = re.compile(
    r"\s+(?P<np>(?:the\s+|an?\s+)?(?:(?-i:[A-Z])[\w.&'’-]*|[a-z][\w-]*)"
    r"(?:\s+(?:(?-i:[A-Z])[\w.&'’-]*|of|for|at|[a-z][\w-]*)){0,6}?)"
    r"(?:,\s+(?-i:[RDI])-[A-Z][\w.]*)?\s*[.!?]?\s*$",  # "former Sen. Scott Brown, R-Mass."
    re.IGNORECASE,
)


_SOURCE_RELATIVE = re.compile(r",?\s+(?:who|whom|whose)\b")
# an unnamed person is a source too: "according to a person who attended"
_PERSON_SOURCE = re.compile(
    r"\b(?:person|people\s+(?:familiar|close)|official|officials|officer|aide|aides|adviser"
    r"|advisers|spokes(?:man|woman|person)|lawyer|attorney|witness|witnesses|insider|insiders"
    r"|source|sources|diplomat|diplomats|investigator|investigators|members|staff|friends"
    r"|relatives|neighbors|neighbours|colleagues|prosecutors)\b"
    # a document somebody wrote is their word too ("according to a pool report", "an
    # email from the group"); figures, polls and data were dropped before (_DATA)
    r"|\b(?:reports?|emails?|e-mails?|memos?|letters?|statements?|transcripts?|filings?|complaint"
    r"|indictment|release|documents?|account|interview|posts?|tweets?|summary|minutes|testimony"
    r"|remarks|speech|lawsuit|networks?|outlets?)\b"
    r"|\b[\w-]+\.(?:com|org|net|fr|de|ru|co\.uk)\b",
    re.IGNORECASE,
)


def _according_phrase(article: _Article, cue: Cue, end: int) -> SpeakerRef | None:
    """ "…, according to The Washington Post." / "…, according to a Democratic aide.":
    a short phrase closing the sentence names the source, as written (figures and polls
    were dropped with their cue)."""
    text = article.text
    relative = _SOURCE_RELATIVE.search(text, cue.end, end)
    if relative is not None:
        end = relative.start()  # "according to Jason Ruiz, who advised the campaign"
    m = _SOURCE_PHRASE.match(text, cue.end, end)
    if m is None or not (
        re.search(r"(?-i:[A-Z])", m.group("np")) or _PERSON_SOURCE.search(m.group("np"))
    ):
        return None  # a named source only: "according to people" is nobody in particular
    name = m.group("np").rstrip(".")
    name = name[0].lower() + name[1:] if re.match(r"(?:The|A|An)\s", name) else name
    return SpeakerRef("body", name=name, pos=m.start("np"))


# "GENEVA, March 4 (Wire) - ": the dateline opening a wire story is nobody's words
_DATELINE = re.compile(r"[A-ZА-ЯЁ]{2,}(?:[ -][A-ZА-ЯЁ]{2,}){0,2},[^\n—–-]{0,40}?\s[—–-]{1,2}\s+")


def _trim_clause(article: _Article, a: int, b: int) -> tuple[int, int]:
    text = article.text
    dateline = _DATELINE.match(text, a, b)
    if dateline:
        a = dateline.end()
    while a < b and (text[a].isspace() or text[a] in "—–-:,"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:—–-"):
        b -= 1
    # a writer's aside closing the clause: "… in the future (that is, now is not the time)"
    if b > a and text[b - 1] == ")":
        open_ = text.rfind("(", a, b)
        if open_ > a and text[open_ - 1].isspace() and len(_WORD.findall(text[open_:b])) >= 3:
            b = open_
            while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
                b -= 1
    # a credit or attribution tacked on at the end: ", передает ТАСС", ", he said"
    comma = text.rfind(",", a, b)
    if comma > a:
        tail = text[comma + 1 : b]
        short = len(_WORD.findall(tail)) <= 6
        if short and (article.cues(comma + 1, b) or article.has_mention(comma + 1, b)):
            b = comma
            while b > a and (text[b - 1].isspace() or text[b - 1] in ",—–-"):
                b -= 1
            # `… ''a reinvigorated engagement,'' he said`: the closing mark stays with
            # the fragment it closes, so the quote inside lies wholly in the clause
            close = _CLOSING_AFTER_COMMA.match(text, comma + 1)
            if close and b == comma:
                b = close.end()
    return a, b


_CLOSING_AFTER_COMMA = re.compile(r"''|[”\"’»]")


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


# --- 4b. credited claims -------------------------------------------------------------

# "On Facebook, …", «В своем Telegram-канале …»: the channel, not part of the claim
_CHANNEL_LEAD = re.compile(
    r"(?:on|in|via|writing on|в|на)\s+(?:(?:his|her|their|its|своем|своём|своей)\s+)?[^,.;:]{1,40}?,\s*",
    re.IGNORECASE,
)
_CLAIM_MIN_WORDS = 4


def _claims(article: _Article, candidates: list[_Candidate]) -> list[_Candidate]:
    """Statements credited without quoted words: kind ``claim``.

    Two shapes, in sentences that hold no quote of their own:

    * a speech act with a subject: "Pashinyan thanked Putin for the support",
      «Министр обвинил оппозицию в срыве переговоров», "On Facebook, he thanked …";
    * a sentence credited to an outlet — by a credit at its end ("…, as RIA Novosti
      reported", «…, пишет «Коммерсантъ»») or by the next sentence pointing back
      ("This was reported by Gazeta.ru.") — with no speaker of its own.

    The claim's text is the statement from its subject (or the sentence start) to the
    end, without a leading channel ("On Facebook,") or a trailing credit. Speaker and
    outlet are filled in by the same steps as for quotes.
    """
    text = article.text
    taken = {c.sentence for c in candidates if c.kind != "term"}
    quoted = [(c.start, c.end) for c in candidates if c.kind == "direct"]
    credited: set[int] = set()
    for credit in find_credits(text, article.registry, quoted, article.mentions):
        s = article.sentences.at(credit.start)
        if s is not None and not credit.anaphoric:
            credited.add(s.index)
    items = article.sentences.items
    out = []
    for s in items:
        if s.index in taken or article.in_span(s.start):
            continue
        sentence = text[s.start : s.end]
        if points_back(sentence):
            continue  # "This was reported by Gazeta.ru." is the credit, not a claim
        if sentence.rstrip()[-1:] not in _TERMINAL + '"”»)':
            continue  # a headline or a caption: no sentence to credit
        made = _speech_act(article, s)
        if made is None:
            nxt = items[s.index + 1] if s.index + 1 < len(items) else None
            pointed = (
                nxt is not None
                and nxt.para == s.para
                and nxt.index in credited
                and nxt.index not in taken
                and points_back(text[nxt.start : nxt.end])
            )
            if not pointed and not _ends_with_credit(article, s):
                continue
            made = (None, None, s.start)
        cue, ref, a = made
        lead = _CHANNEL_LEAD.match(text, a, s.end)
        if lead and article.has_mention(lead.start(), lead.end()):
            a = lead.end()
        a, b = _trim_clause(article, a, s.end)
        if len(_WORD.findall(text[a:b])) < _CLAIM_MIN_WORDS or text[a:b].rstrip().endswith("?"):
            continue
        out.append(_Candidate("claim", a, b, s.para, s.index, (s.index, s.index), cue=cue, ref=ref))
    return out


def _speech_act(article: _Article, s: Sentence):
    """ "X thanked Y …": the first speech act with a person, pronoun or body before it."""
    text = article.text
    for act in find_acts(text, s.start, s.end):
        if article.in_span(act.start):
            continue
        ref = subject_before(text, s.start, act.start, article.is_outlet)
        if ref is None:
            ref = body_before(text, s.start, act.start, article.is_outlet)
            if ref is not None and _GENERIC.match(ref.name):
                ref = None
        if ref is None:
            continue
        start = ref.pos if s.start <= ref.pos < act.start else s.start
        head = text[s.start : start]
        if re.fullmatch(r"\W*(?:the|a|an)?\s*", head, re.IGNORECASE):
            start = s.start  # "The senator accused …": the claim keeps its whole subject
        return act, ref, start
    return None


def _ends_with_credit(article: _Article, s: Sentence) -> bool:
    """ "…, as RIA Novosti reported." / «…, пишет «Коммерсантъ».»: a credit closes the sentence."""
    text = article.text
    comma = text.rfind(",", s.start, s.end)
    if comma <= s.start:
        return False
    return _is_credit(article, comma + 1, s.end) and bool(
        re.search(r"(?:report|writ|сообща|пиш|переда)\w*", text[comma + 1 : s.end], re.IGNORECASE)
    )


# "Local businesses", "many residents": a generic group is not a source
_GENERIC = re.compile(
    r"(?:local|many|some|most|other|several|critics|residents|businesses|people|experts|analysts)\b",
    re.IGNORECASE,
)


# --- 5. speakers ---------------------------------------------------------------------


def _apply_back_attributions(article: _Article, candidates: list[_Candidate]) -> None:
    """«Об этом заявил Песков.» / "This was stated by X." names the speaker of earlier quotes."""
    text = article.text
    quoted_sentences = {c.sentence for c in candidates}
    paras = _by_para(candidates)
    for s in article.sentences.items:
        if s.index in quoted_sentences or not points_back(text[s.start : s.end]):
            continue
        for cue in article.cues(s.start, s.end):
            if cue.kind != "verb":
                continue
            ref = _subject(article, cue, s.start, s.end, prefer_after=True)
            if ref is None:
                by = re.search(r"\bby\b", text[cue.end : s.end])
                if by:
                    ref = subject_after(text, cue.end + by.end(), s.end, article.is_outlet)
            if ref is None:
                continue
            for c in _preceding(paras, s):
                if c.kind != "term" and c.ref is None:
                    c.ref, c.cue, c.inherit = ref, cue, False
            break


def _by_para(candidates: list[_Candidate]) -> dict[int, list[_Candidate]]:
    paras: dict[int, list[_Candidate]] = {}
    for c in candidates:
        paras.setdefault(c.para, []).append(c)
    return paras


def _preceding(paras: dict[int, list[_Candidate]], s: Sentence) -> list[_Candidate]:
    """Quotes earlier in the sentence's paragraph, or in the previous one if it opens a paragraph."""
    same = [c for c in paras.get(s.para, []) if c.sentence < s.index]
    return same or paras.get(s.para - 1, [])


def _resolve_speakers(article: _Article, candidates: list[_Candidate]) -> None:
    resolver = Resolver()
    found = find_titled_mentions(article.text, article.is_outlet)
    found += find_full_names(article.text, article.is_outlet)
    mentions = sorted((m for m in found if not article.in_span(m.pos)), key=lambda m: m.pos)
    subjects = _sentence_subjects(article, mentions, _inside_quotes(mentions, candidates))
    events: list[tuple[int, int, object]] = [(m.pos, 0, m) for m in mentions]
    events += [(c.start, 1, c) for c in candidates]
    events.sort(key=lambda e: (e[0], e[1]))
    previous: _Candidate | None = None
    subject_of: dict[int, Person] = {}  # sentence index → the person who is its subject
    quoted = {c.sentence for c in candidates if c.kind != "term"}
    for _pos, _order, item in events:
        if isinstance(item, SpeakerRef):
            sentence = subjects.get(item.pos)
            subject = sentence is not None and sentence not in subject_of
            person = resolver.mention(item, subject=subject)
            if person is not None and subject:
                subject_of[sentence] = person
            continue
        c = item
        if c.kind == "term":
            continue
        introducer = _introducing_sentence(article, c, quoted, subject_of)
        if c.ref is not None:
            c.person = resolver.speaker(c.ref, c.cue.feminine if c.cue else None)
        elif c.inherit and introducer is not None:
            c.person = introducer  # "Howard continued his remarks. “Eight years ago …”"
            resolver.speaker(SpeakerRef("name", name=introducer.name))
        elif c.inherit and previous is not None and c.para - previous.para <= 1:
            c.person = previous.person
            c.cue = c.cue or previous.cue
        if c.person is not None:
            previous = c
    _name_unnamed_roles(resolver, candidates, mentions)


def _introducing_sentence(
    article: _Article, c: _Candidate, quoted: set[int], subject_of: dict[int, Person]
) -> Person | None:
    """The subject of the sentence right before a quote standing alone, if that sentence
    quotes nobody: "Clinton delivered a message Sunday. “Our roads are crumbling.”" """
    if not c.inherit or c.sentence < 1 or c.sentence - 1 in quoted:
        return None
    prev = article.sentences.items[c.sentence - 1]
    if c.para - prev.para > 1:
        return None
    return subject_of.get(c.sentence - 1)


def _name_unnamed_roles(
    resolver: Resolver, candidates: list[_Candidate], mentions: list[SpeakerRef]
) -> None:
    """ "…, mayor says" in a headline, then "Mayor Helen Marsh said": the same person."""
    named = {}
    for c in candidates:
        p = c.person
        if p is not None and p in resolver.unnamed and id(p) not in named:
            named[id(p)] = resolver.named_later(p, c.start, mentions)
    for c in candidates:
        if c.person is not None and named.get(id(c.person)) is not None:
            c.person = named[id(c.person)]


def _inside_quotes(mentions: list[SpeakerRef], candidates: list[_Candidate]) -> set[int]:
    """Names within somebody's words (a reported clause) are not the article's subjects."""
    ranges = sorted((c.start, c.end) for c in candidates if c.kind != "term")
    starts = [a for a, _ in ranges]
    inside = set()
    for m in mentions:
        i = bisect_right(starts, m.pos) - 1
        if i >= 0 and m.pos < ranges[i][1]:
            inside.add(m.pos)
    return inside


_ADDRESSEE = re.compile(r"(?<![\w-])(?:told|to|with|by|from|asked|met)\s+$", re.IGNORECASE)


def _sentence_subjects(
    article: _Article, mentions: list[SpeakerRef], inside: set[int]
) -> dict[int, int]:
    """The sentence of each mention that may be its sentence's subject (position → index).

    The first of them that names a known person is the subject (a lone "Super" before
    "Trump" names nobody); one spoken to or named inside somebody's words never is.
    """
    out: dict[int, int] = {}
    for m in mentions:
        if m.pos in inside or _ADDRESSEE.search(article.text, max(0, m.pos - 12), m.pos):
            continue  # "the mayor told John Smith": the one spoken to is not a later "he"
        s = article.sentences.at(m.pos)
        if s is not None:
            out[m.pos] = s.index
    return out


# --- 6. outlets -------------------------------------------------------------------------


def _attach_outlets(article: _Article, candidates: list[_Candidate]) -> None:
    quoted = [(c.start, c.end) for c in candidates if c.kind == "direct"]
    credits = find_credits(article.text, article.registry, quoted, article.mentions)
    by_sentence: dict[int, list[Credit]] = {}
    for credit in credits:
        s = article.sentences.at(credit.start)
        if s is not None:
            by_sentence.setdefault(s.index, []).append(credit)
    quoted = {c.sentence for c in candidates if c.kind != "term"}
    paras = _by_para(candidates)
    for c in candidates:
        if c.kind == "term":
            continue
        own = [cr for i in range(c.context[0], c.context[1] + 1) for cr in by_sentence.get(i, [])]
        named = [cr for cr in own if not cr.anaphoric]
        if named:
            c.outlet = min(named, key=lambda cr: abs(cr.start - c.end)).outlet
        elif own:
            c.outlet = _outlet_named_before(candidates, c)
    for index, found in sorted(by_sentence.items()):
        if index in quoted:
            continue
        s = article.sentences.items[index]
        outlet = found[0].outlet
        if points_back(article.text[s.start : s.end]):
            targets = _preceding(paras, s)
        else:
            targets = [c for c in paras.get(s.para, []) if c.sentence > s.index]
        for c in targets:
            if c.kind != "term" and c.outlet is None:
                c.outlet = outlet


def _outlet_named_before(candidates: list[_Candidate], c: _Candidate) -> Outlet | None:
    """ "he told the agency": the outlet the same speaker last spoke to, if any.

    Not any outlet named earlier: in «Источник рассказал агентству» the agency is
    the article's own publisher, not the outlet credited for someone else's words.
    """
    if c.person is None:
        return None
    for earlier in reversed(candidates[: candidates.index(c)]):
        if earlier.person is c.person and earlier.outlet is not None:
            return earlier.outlet
    return None


def _to_quote(text: str, c: _Candidate) -> Quote:
    return Quote(
        text=text[c.start : c.end],
        kind=c.kind,
        start=c.start,
        end=c.end,
        speaker=c.person.name if c.person else None,
        cue=c.cue.text if c.cue else None,
        cited_source=c.outlet.name if c.outlet else None,
        confidence=_confidence(c),
    )


def _confidence(c: _Candidate) -> float:
    """How sure we are that this is somebody's statement, credited to the right speaker.

    A fixed scale, not a learned probability: marks and a cue with a named person are
    the surest (0.95); a body or an unresolved role as speaker, a medial or trailing
    attribution, or words with no cue cost a little; a quote nobody is credited with
    and a claim with neither speaker nor outlet fall below DEFAULT_MIN_CONFIDENCE.
    Terms (not speech) are 0.2.
    """
    if c.kind == "term":
        return 0.2
    person = c.person
    if person is None:
        base = {"direct": 0.55, "reported": 0.45, "claim": 0.4}[c.kind]
        if c.outlet is not None:
            base += 0.1  # the outlet is the source: "TASS reported that …"
        return round(base, 2)
    named = person.words and person.words[0][:1].isupper() and not person.tentative
    score = {"direct": 0.95, "reported": 0.9, "claim": 0.75}[c.kind]
    if c.cue is None:
        score -= 0.1
    if not named:
        score -= 0.1  # a body or a role as written: "the ministry", «следователь»
    if c.kind == "claim" and c.outlet is not None:
        score += 0.05
    return round(min(1.0, score), 2)

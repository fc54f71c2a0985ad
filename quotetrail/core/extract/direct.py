"""Direct quotes (step 3 of the package map): each marked span and who said it.

    quote spans ──► groups of fragments ──► _classify: speech or term?
                        │                        └──► a cue before (_head_attribution),
                        │                             after (_tail_attribution), a colon,
                        │                             a signature, or the sentence around
                        └──► «…, — сказал он. — …» split around the inner attribution
    dash-opened paragraphs (Russian dialogue) replace the spans they cover

Every fragment of an interrupted or multi-paragraph quote is its own candidate with
the same speaker, so `text[start:end]` is always the quote's text. The attribution is
looked for only in bounded windows around the span (`_REACH`), which keeps it linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import groupby

from quotetrail.core.extract.adjuncts import _AUX
from quotetrail.core.extract.article import (
    _CYRILLIC,
    _LEADING_FILLER,
    _NAMING_EN,
    _NAMING_RU,
    _NOT_A_SPEAKER_LABEL,
    _REACH,
    _SMALL_WORDS,
    _TERMINAL,
    _WORD,
    _Article,
    _Candidate,
)
from quotetrail.core.extract.noun_phrases import _CHAIN_NAME_END, _appositive_chain, _phrase_subject
from quotetrail.core.extract.subjects import _subject
from quotetrail.core.quotemarks import QuoteSpan
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import SpeakerRef, body_after, subject_after, subject_before
from quotetrail.core.speakers.names import _LISTED_ANY as _LISTED_FIRST
from quotetrail.core.speakers.names import _RU_FIRST_FORMS
from quotetrail.core.speech import Cue, find_cues


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
            if question_end >= 0:
                end = _answer_end(text, end)
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


_CONTINUATION_LINES = 5


def _answer_end(text: str, end: int) -> int:
    """Where an interview answer ends: its line, and the lines after it that open with no
    dash when the next dash line (the next question) follows them.

    «— Думала, конечно.\nНо потом поняла …\n— Кто вас поддержал?»: the answer runs on in
    a paragraph of its own; after the last answer the article's own text may follow, so a
    line counts only when a dash line comes after it.
    """
    pos, found = end, end
    for _ in range(_CONTINUATION_LINES):
        if pos >= len(text) or text[pos] != "\n":
            break
        line_end = text.find("\n", pos + 1)
        line_end = len(text) if line_end < 0 else line_end
        if not text[pos + 1 : line_end].strip() or _DASH_LINE.match(text, pos + 1):
            break
        if _DASH_LINE.match(text, line_end + 1):
            found = line_end
        pos = line_end
    return found


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
    r"(?P<stop>[,!?…])\s*[—–-]\s+(?P<attr>(?:[^—–«»\"“”„\n]|«[^«»\n]{1,40}»){3,120}?)"
    r"[.,:]\s*[—–-]\s+(?=\S)"  # «— сказал Лазарев «Парламентской газете». —»: an outlet inside
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
    # `"Who can remember?" Roe asks as a janitor walks in.`: a quote ending in "?" or "!"
    # cuts the sentence before its attribution, which may run on; after a "." the next
    # sentence is more likely a statement of its own (and a word or two is a term)
    cut = (
        text[last.start : last.end].rstrip()[-1:] in ("?", "!")
        and len(_WORD.findall(text[last.start : last.end])) >= 3
    )
    most = _CUT_ATTRIBUTION_WORDS if cut else _ATTRIBUTION_WORDS
    following = _attribution_sentence(article, s_last, tail, next_open, most)
    if following is not None:  # "We won." Putin told TASS.
        s_last, tail = following, (following.start, min(following.end, next_open))
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


_ATTRIBUTION_WORDS = 9  # `"We won." Putin told TASS.`
_CUT_ATTRIBUTION_WORDS = 16  # after a quote that ends in "?" or "!"


def _attribution_sentence(
    article: _Article, s: Sentence, tail: tuple[int, int], next_open: int, most: int
) -> Sentence | None:
    """A short next sentence (at most `most` words) that opens with who spoke:
    `"We won." Putin told TASS.`, `"Who can remember?" Roe asks as a janitor walks in.`"""
    text = article.text
    if re.search(r"\w", text[tail[0] : tail[1]]):
        return None
    nxt = article.sentences.next(s)
    if nxt is None or nxt.para != s.para or next_open <= nxt.start:
        return None
    if next_open < nxt.end and most <= _ATTRIBUTION_WORDS:
        return None  # `He added that "…"`: a sentence of its own with its own quote
    end = min(nxt.end, next_open)  # after a cut quote: `Roe asks, saying he's "…"`
    words = _WORD.findall(text[nxt.start : end])
    cues = article.cues(nxt.start, end)
    if not cues or len(words) > most or len(_WORD.findall(text[nxt.start : cues[0].start])) > 4:
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
    if _ru_short_name(content) and _RU_THAT_AFTER.match(text, frags[-1].close + 1):
        return "term", None, None, False  # «заявила «Фонтанке», что …»: the one told, a name
    if _ru_short_name(content) and _before_first_name(text, frags[-1]):
        return "term", None, None, False  # «агрохолдинга «Зерновая долина» Анатолий Рыбин»
    tail_cue, tail_ref = _tail_attribution(article, tail)
    if tail_cue and tail_ref:
        return "direct", tail_cue, tail_ref, False
    head_cue, head_ref, adjacent = _head_attribution(article, head)
    if head_cue and head_cue.participle and adjacent:
        ref = _participle_head(article, head)  # `… "wasn't good." Adding, "…"`
        if ref is not None:
            return "direct", head_cue, ref, False
    if head_cue and head_ref and adjacent:
        return "direct", head_cue, head_ref, False
    if head_cue and adjacent and _after_a_quote(article, head):
        # `"A," said the senator, "B."`: B continues the quote the attribution follows
        return "direct", head_cue, None, True
    colon_ref = (
        _colon_speaker(article, head)
        or _signature(article, tail)
        or _participle_head(article, head)
        or (None if tail_cue else _any_verb_tail(article, frags[-1], tail))
    )
    if colon_ref is None and _CYRILLIC.search(content):
        colon_ref = _ru_colon_subject(article, head, content)
    elif colon_ref is None and head_cue is None:
        colon_ref = _en_colon_subject(article, head, content)
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


_NEXT_WORD = re.compile(r"[»“\"]?[^\S\n]+(?P<w>\w+)")


def _ru_short_name(content: str) -> bool:
    """«Зерновая долина», «Теплый дом»: Russian names capitalise the first word only."""
    words = _WORD.findall(content)
    return (
        bool(_CYRILLIC.search(content))
        and 0 < len(words) <= 5
        and words[0][:1].isupper()
        and "," not in content
        and content.rstrip()[-1:] not in _TERMINAL
    )


def _before_first_name(text: str, frag: QuoteSpan) -> bool:
    """A name in marks followed by a first name is part of that person's title."""
    m = _NEXT_WORD.match(text, frag.close + 1)
    if m is None or not m.group("w")[:1].isupper():
        return False
    return m.group("w").lower().replace("ё", "е") in _RU_FIRST_FORMS


_RU_THAT_AFTER = re.compile(r"[»“\"]?\s*,\s*(?:что|будто)(?![\w-])")


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
    if (
        len(last_word) >= 3
        and last_word[0].isupper()
        and _CYRILLIC.search(last_word)
        and len(words) == 2
        and _WORD.findall(before)[-2][:1].isupper()
    ):
        return True  # «слова Романа Сычева «Советский спорт»»: after a name, an outlet
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
    cues = [c for c in article.cues(lo, hi) if not _NOUN_BEFORE.search(article.text, lo, c.start)]
    if not cues:
        return None, None
    cue = cues[0]
    lead = article.text[lo : cue.start]
    limit = 160 if lead.count(",") >= 2 else 80  # "…," Jane Roe, a lawyer for the city, said
    if len(lead) > limit or re.search(r"[;:!?]|\.(?!\s*\w)|(?<=[a-z]{3})\.\s", lead):
        ref = _tail_appositive(article, lo, cue)
        return (cue, ref) if ref is not None else (None, None)
    ref = None
    if _CYRILLIC.search(cue.text) and (
        _RU_IN_BODY.match(article.text, cue.end, hi)
        or (cue.lower.endswith("ли") and _RU_IN_ANY.match(article.text, cue.end, hi))
    ):
        # «— отметили в пресс-службе губернатора»: the press service, not the governor
        ref = body_after(article.text, cue.end, hi, article.is_outlet)
        if ref is None and cue.lower.endswith("ли"):
            ref = _ru_named_body(article.text, cue.end, hi)
    ref = ref or _subject(article, cue, lo, hi, prefer_after=False)
    if ref is None and lead.count(",") >= 2:
        ref = _tail_appositive(article, lo, cue)
    if ref is None and cue.kind == "verb":
        ref = _lead_phrase(article, lo, cue)  # `"…," the woman said.`
    if ref is None and cue.kind == "verb":
        ref = _surname_like_a_word(article, lo, cue)  # `"…," Israel said.` (Rep. Steve Israel)
    if cue.kind == "verb" and (ref is None or ref.kind == "role") and not lead.strip(" ,—–-'’\"”"):
        common = _common_noun_after(article, cue, hi)
        if common is not None and ref is None:
            ref = common
        elif common is not None and len(common.name.split()) > len(ref.name.split()):
            # «представитель прокуратуры»: the role with what completes it, same roles
            ref = SpeakerRef("role", name=common.name, roles=ref.roles, pos=common.pos)
    return cue, ref


# "the note says": a cue word after a determiner is a noun (the subject), not the verb
_NOUN_BEFORE = re.compile(r"(?<![\w-])(?-i:the|a|an|his|her|its|their|this|that)\s+\Z")
_RU_IN_BODY = re.compile(r"\s+(?:в|во)\s+(?-i:[а-яё])", re.IGNORECASE)
_RU_IN_ANY = re.compile(r"\s+(?:в|во)\s+\w")  # «— заявили в Минздраве»: nobody but a body
_RU_NAMED_BODY = re.compile(
    r"\s+(?:в|во)\s+(?P<name>(?-i:[А-ЯЁ])[\w-]*(?:\s+(?-i:[А-ЯЁ])[\w-]*){0,3})\s*[.,]"
)


def _ru_named_body(text: str, lo: int, hi: int) -> SpeakerRef | None:
    """«— заявили в Минэнерго Хакасии.»: after a plural verb, «в» and capitalised words
    name the institution that speaks (as written), never a person."""
    m = _RU_NAMED_BODY.match(text, lo, hi)
    if m is None:
        return None
    return SpeakerRef("body", name=m.group("name"), pos=m.start("name"))


_LONE_WORD = re.compile(r"[\s,]*(?P<w>(?-i:[A-Z])[a-z]{2,})(?:,\s+who\b[^;:\"“”]{0,120}?,)?\s*")


def _surname_like_a_word(article: _Article, lo: int, cue: Cue) -> SpeakerRef | None:
    """`"…," Israel said.` / `"…," From said.`: a surname that is also a common or place
    word (stop-listed as a name), taken only when the article named the person before
    with a first name ("Rep. Steve Israel", "Al From")."""
    text = article.text
    m = _LONE_WORD.fullmatch(text, lo, cue.start)
    if m is None:
        return None
    word = m.group("w")
    full = re.search(rf"\b(?-i:[A-Z])[a-z]+\s+{word}\b", text[: m.start("w")])
    if full is None or full.group().split()[0] in ("The", "A", "An", "In", "On", "At", "Of"):
        return None
    first = full.group().split()[0]
    if first.lower() not in _LISTED_FIRST:
        return None
    return SpeakerRef("name", name=word, pos=m.start("w"))


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
    r"(?-i:[a-zа-яё0-9][\w-]*(?:['’]s)?|(?:Democrat|Republican|Independent)s?)"
    r"(?:\s+(?-i:[a-zа-яё][\w'’-]*)){0,5})"  # "the ad's narrator, going on to …"
    r"\s*(?:[.!?…]|,\s*[\"“«„']|,\s*(?:who|whose|(?-i:[a-z]{2,}ing))\b|,?\s*$)",
    re.IGNORECASE,
)
# "…," said a prominent Republican National Committee member who supports the plan:
# an unnamed source described at length, capitalised words inside, a relative clause after
_DESCRIBED_AFTER = re.compile(
    r"\s+(?P<np>(?-i:a|an|one|another)\s+(?:[\w.'’-]+\s+){0,5}?(?-i:[a-z][\w-]*[a-z]))"
    r"(?:\s+(?:who|whose|familiar|close|with|in|at|from|of)\b|\s*[.,])",
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
    r"|[а-яё-]{3,}(?:ам|ям)"  # the one spoken to: «— сказал министр журналистам»
)  # the object («решающую встречу») or a time («после матча») after the speaker
# where it was said («— заявил гособвинитель в прениях»), not who said it
_RU_SETTING = re.compile(
    r"(?:в|во|на)\s+(?:суде|прениях|интервью|эфире|беседе|разговоре|ходе|кулуарах|сво\w+"
    r"|соцсет\w+|брифинге|пресс-конференции|заседании|совещании|форуме|сцене)"
)
_LEAD_NP = re.compile(
    r"[\s,'’\"”»—–-]*(?P<np>(?:the|a|an|his|her|their|its|one|another)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:(?-i:[a-z])[\w-]*|\d+-year-old|(?-i:Democrat|Republican|Independent)s?"
    r"|(?-i:[A-Z][a-z]+(?:an|ian|er|ese))))"  # "the Texan said", "the New Yorker said"
    r"(?:,\s*who\b[^,;:\"“”]{1,120},)?\s+$",  # "an official, who was not named, said"
    re.IGNORECASE,
)


def _lead_phrase(article: _Article, lo: int, cue: Cue) -> SpeakerRef | None:
    """`"…," the woman said.` / `"…," his childhood friend told the paper.`: as written."""
    text = article.text
    m = _LEAD_NP.fullmatch(text, lo, cue.start) or _LEAD_PROPER.fullmatch(text, lo, cue.start)
    if m is None or _AUX.search(m.group("np")):
        return None
    phrase = m.group("np").rstrip()
    if article.is_outlet(phrase) or article.in_outlet_name(m.start("np") + len(phrase) - 1):
        return None  # `"…," the Times said`: the outlet is credited, it is nobody's name
    name = phrase[0].lower() + phrase[1:] if phrase[:1].isupper() else phrase
    return SpeakerRef("role", name=name, pos=m.start("np"))


# `"…," the White House said.` / `"…," the senator from Vermont said.`: a proper name
# after "the", or a common noun completed by a place
_LEAD_PROPER = re.compile(
    r"[\s,'’\"”»—–-]*(?P<np>(?i:the)\s+(?:(?:(?-i:[A-Z])[\w’'-]*\s+){0,3}(?-i:[A-Z])[\w’'-]*"
    r"|(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2}\s+(?:from|of|for|in)\s+"
    r"(?:the\s+)?(?:(?-i:[A-Z])[\w’'.-]*\s*){1,3}?))\s*$"
)


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
    if m is None and not _CYRILLIC.search(cue.text):
        m = _DESCRIBED_AFTER.match(text, start, hi)
    if m is None:
        return None
    phrase = m.group("np")
    words = phrase.split()
    if _CYRILLIC.search(cue.text):
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if i
                and (
                    _RU_OBJECT_WORD.fullmatch(w.lower())
                    or _RU_SETTING.fullmatch(" ".join(words[i : i + 2]).lower())
                )
            ),
            None,
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


_SIGNATURE = re.compile(r"[^\S\n]*[—–][^\S\n]*(?=\S)")
# the quote ends its paragraph and the next line signs it: `"…"` / `- Bernie Sanders.`
_SIGNATURE_LINE = re.compile(r"[^\S\n]*\n\s*[-—–][^\S\n]*(?=[A-Z])")


def _signature(article: _Article, tail: tuple[int, int]) -> SpeakerRef | None:
    """A pull quote signed with a dash: `"Now it is up to them." — Tom Reyes`."""
    text = article.text
    m = _SIGNATURE.match(text, tail[0], tail[1])
    if m is None:
        m = _SIGNATURE_LINE.match(text, tail[0], min(len(text), tail[0] + 120))
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    ref = subject_after(text, m.end(), line_end, article.is_outlet)
    rest = text[ref.pos + len(ref.name) : line_end].strip(" \t.") if ref else ""
    if ref is None or ref.kind != "name" or (rest and not rest.startswith(",")):
        return None  # a name (and its title after a comma) up to the end of the line
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


# `"…," Ann Roe quipped.` / `"…?" the senator wondered aloud.`: after a quote closed by a
# comma, "?" or "!", a subject and a verb of any kind (no list holds every verb of
# manner: joked, quipped, scoffed, shot back) end the sentence or meet an adjunct
_ANY_VERB = re.compile(
    r"(?P<verb>(?-i:[a-z]{3,}ed|shot|began|went|cracked|sang|spoke|swore|wrote|read|cried))"
    r"(?:[^\S\n]+(?-i:back|on|up|out|in|aloud|again|later|then|once|softly|quietly|loudly))?"
    r"[^\S\n]*(?:[.!?]|,|[^\S\n]+(?-i:to|at|in|on|over|into|during|after|before|when|while|as|from|with|amid)\b)"
)
_QUOTE_CLOSED_BY = re.compile(r"[,?!][\"”’'»]*[^\S\n]*\Z")


def _any_verb_tail(article: _Article, last: QuoteSpan, tail: tuple[int, int]) -> SpeakerRef | None:
    """The subject right after a quote closed by a comma, "?" or "!", then any verb."""
    text = article.text
    lo, hi = tail
    if not _WORD_CHAR.search(text, lo, hi) and text[last.start : last.end].rstrip()[-1:] in "?!":
        s = article.sentences.at(last.close)  # `"We won!" Roe shouted.`: the next sentence
        nxt = article.sentences.next(s) if s is not None and s.end <= last.close + 2 else None
        if nxt is None or nxt.para != s.para:
            return None
        lo, hi = nxt.start, nxt.end
    elif hi <= lo or not _QUOTE_CLOSED_BY.search(text, max(0, last.end - 1), lo):
        return None
    verb = next(
        (
            m
            for m in _ANY_VERB.finditer(text, lo, min(hi, lo + 120))
            if text[m.start() - 1 : m.start()].isspace()
        ),
        None,
    )
    if verb is None or len(_WORD.findall(text[lo : verb.start()])) > 6:
        return None
    if re.search(r"[,;:()\"“”]", text[lo : verb.start()].lstrip(" \"”’'")):
        return None  # only the subject between the quote and the verb
    ref = subject_after(text, lo, verb.start(), article.is_outlet)
    if ref is not None and ref.kind == "name":
        rest = text[ref.pos + len(ref.name) : verb.start()]
        return ref if not re.search(r"\w", rest.replace(".", "")) else None
    m = _LEAD_NP.fullmatch(text, lo, verb.start())
    if m is None or _AUX.search(m.group("np")):
        return None
    phrase = m.group("np")
    return SpeakerRef("role", name=phrase[0].lower() + phrase[1:], pos=m.start("np"))


def _any_attribution(article: _Article, s_first: Sentence, s_last: Sentence, near: int):
    """A cue with a subject anywhere in the quote's sentence (within reach of the quote)."""
    lo, hi = max(s_first.start, near - _REACH), min(s_last.end, near + _REACH)
    for cue in article.cues(lo, hi):
        ref = _subject(article, cue, s_first.start, s_last.end, prefer_after=cue.kind != "verb")
        if ref:
            return cue, ref
    return None, None

"""Direct quotes (step 3 of the package map): each marked span and who said it.

    quote spans ──► groups of fragments ──► _classify: speech or term?
                        │                        └──► a cue before (direct_heads.py:
                        │                             _head_attribution, a colon, a
                        │                             participle), after (direct_tails.py:
                        │                             _tail_attribution, a signature, any
                        │                             verb), or the sentence around
                        └──► «…, — сказал он. — …» split around the inner attribution
    dash-opened paragraphs (Russian dialogue) replace the spans they cover

Every fragment of an interrupted or multi-paragraph quote is its own candidate with
the same speaker, so `text[start:end]` is always the quote's text. The attribution is
looked for only in bounded windows around the span (`_REACH`), which keeps it linear.
"""

from __future__ import annotations

import re
from itertools import groupby

from quotetrail.core.extract.article import (
    _CYRILLIC,
    _NAMING_EN,
    _NAMING_RU,
    _REACH,
    _SMALL_WORDS,
    _TERMINAL,
    _WORD,
    _Article,
    _Candidate,
)
from quotetrail.core.extract.direct_heads import (
    _colon_speaker,
    _en_colon_subject,
    _head_attribution,
    _participle_head,
    _ru_colon_subject,
)
from quotetrail.core.extract.direct_tails import (
    _WORD_CHAR,
    _any_verb_tail,
    _common_noun_after,
    _signature,
    _tail_attribution,
)
from quotetrail.core.extract.subjects import _subject
from quotetrail.core.quotemarks import QuoteSpan
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import SpeakerRef
from quotetrail.core.speakers.names import _RU_FIRST_FORMS
from quotetrail.core.speech import find_cues


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


def _any_attribution(article: _Article, s_first: Sentence, s_last: Sentence, near: int):
    """A cue with a subject anywhere in the quote's sentence (within reach of the quote)."""
    lo, hi = max(s_first.start, near - _REACH), min(s_last.end, near + _REACH)
    for cue in article.cues(lo, hi):
        ref = _subject(article, cue, s_first.start, s_last.end, prefer_after=cue.kind != "verb")
        if ref:
            return cue, ref
    return None, None

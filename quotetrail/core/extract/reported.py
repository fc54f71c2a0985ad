"""Reported speech (step 4 of the package map): quotes without quotation marks.

    each sentence ──► _reported_in: shapes tried in turn — "X said (that) …"
                      (_verb_that), "according to X, …", "asked about …, X said",
                      mid-sentence and trailing attributions, participles (clauses.py)
    then, over the article:
        «Об этом заявил Песков» ──► the quotes just before it (_pointed_back)
        a headline "Name: words" ──► Name's reported words (_headline_colons)
        a transcript's "NAME: …" turns (_transcript_turns)

The direct quotes found before are passed in: a clause is checked against them
(`partial._mostly_quoted`, `_words_outside`) to tell a mixed quote from a direct one,
and partial.py later drops a direct quote lying wholly inside a reported clause, so no
word is counted twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from quotetrail.core.extract.adjuncts import _AUX_WORDS, _SAY, _TOLD
from quotetrail.core.extract.article import (
    _CYRILLIC,
    _LEADING_FILLER,
    _MARKS,
    _NOT_A_SPEAKER_LABEL,
    _WORD,
    _Article,
    _Candidate,
    _words,
)
from quotetrail.core.extract.claims import _CLAIM_MIN_WORDS, _speech_act
from quotetrail.core.extract.clauses import (
    _ASKED_PASSIVE,
    _according_phrase,
    _clause_start,
    _is_credit,
    _main_clause_subject,
    _medial,
    _participle,
    _relative_saying,
    _relative_who,
    _split_en_coordinated,
    _split_participles,
    _trim_clause,
)
from quotetrail.core.extract.noun_phrases import (
    _OPENING_WORDS,
    _appositive_chain,
    _long_subject,
    _noun_phrase_ref,
    _phrase_subject,
    _ru_phrase_subject,
)
from quotetrail.core.extract.partial import _mostly_quoted, _words_outside
from quotetrail.core.extract.subjects import _body_subject, _subject
from quotetrail.core.extract.trailing import _IN_PARTICIPLE_CLAUSE, _trailing
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import (
    SpeakerRef,
    body_before,
    common_nominative,
    nominative,
    subject_after,
    subject_before,
)
from quotetrail.core.speakers.subjects import _past_opening_adverbial
from quotetrail.core.speech import Cue


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
    # a tag before the name: "EXCLUSIVE – Ann Orlan: …"
    r"^[^\S\n]*(?:(?-i:[A-Z]{3,})[^\S\n]+[–—-][^\S\n]+)?"
    r"(?P<name>(?-i:[A-ZА-ЯЁ])[\w.’'-]+(?:[^\S\n]+(?-i:[A-ZА-ЯЁ])[\w.’'-]+){0,2})"
    # "Orlan camp: …", "Orlan to Harbour Board: …", "Varga at Pier 9: …"
    r"(?:[^\S\n]+(?:camp|campaign|aides?|allies|team|lawyers?|spokes(?:man|woman))"
    r"|[^\S\n]+(?:to|at)(?:[^\S\n]+(?-i:[A-Z])[\w.’'-]+){1,3})?"
    r":[^\S\n]+(?P<rest>[^\n\"“«„]{12,300}?|[^\n]{12,300}?)[^\S\n]*$",
    re.MULTILINE,
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
        or _as_verb_lead(article, s, cues)
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
    # "…, a deadline that insiders said went unnoticed": the relative clause's subject speaks
    for clause in _relative_saying(article, s, cues):
        if not any(a < clause[3] and clause[2] < b for _, _, a, b in found):
            found = [*found, clause]
    # "…, he said when asked whether …": the question put, after the answer
    for question in _asked_passive(article, s, cues):
        if not any(a < question[3] and question[2] < b for _, _, a, b in found):
            found = [*found, question]
    found = [part for clause in found for part in _split_en_coordinated(article, clause)]
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


_QUESTION_WORD = re.compile(
    r"\s+(?:(?:by|on|at|in|during)\s+(?:[\w.'’-]+\s+){1,5}?)?"
    r"(?=(?:whether|if|why|how|what|which|who|when|where|about)\b)",
    re.IGNORECASE,
)


_WHEN_BEFORE = re.compile(r"(?<![\w-])(?:when|after\s+being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _asked_passive(article: _Article, s: Sentence, cues: list[Cue]):
    """ "…, Orlan said when asked whether the levy would pass.": the question put to her.

    Like `_asked_lead`, but with "asked" anywhere after the sentence's start, in the
    passive: the asker is unnamed, so the question has no speaker; it runs to the next
    comma or the sentence's end.
    """
    text = article.text
    out = []
    for cue in cues:
        if cue.lower != "asked" or cue.start == s.start:
            continue
        if not _ASKED_PASSIVE.search(text, max(s.start, cue.start - 25), cue.start):
            continue
        m = _QUESTION_WORD.match(text, cue.end, s.end)
        if m is None:
            continue
        if text[m.end() : m.end() + 5].lower() == "about" and not _WHEN_BEFORE.search(
            text, max(s.start, cue.start - 25), cue.start
        ):
            continue  # "Peskov was asked about the talks.": a topic; "said when asked about …"
        stop = re.compile(r"[,;:—–]|\s--\s").search(text, m.end(), s.end)
        end = stop.start() if stop else s.end
        if len(_WORD.findall(text[m.end() : end])) >= 3:
            out.append((cue, None, m.end(), end))
    return out


_AS_REPORTED_BY = re.compile(r"reported\s+(?:by|in)$", re.IGNORECASE)


def _leading_according(article: _Article, s: Sentence, cues: list[Cue]):
    """«По словам X, …», "According to X, …", «Как заявил X, …»."""
    text = article.text
    cue = cues[0]
    if cue.kind not in ("according", "as"):
        return []
    # the filler pattern wants a non-word after it: "But as Orlan noted, …" ends at the cue
    lead = _LEADING_FILLER.sub("", text[s.start : cue.start].strip() + " ").strip()
    if lead:
        return []
    comma = text.find(",", cue.end, min(s.end, cue.end + 120))
    if comma < 0:
        return []
    ref = _subject(article, cue, s.start, comma, prefer_after=True)
    if not ref and _CYRILLIC.search(cue.text):
        ref = _ru_outlet_phrase(article, cue.end, comma) or _ru_common_source(article, cue, comma)
    # "As Reuters reported, …": an English "as" cue holds its source
    credit = _is_credit(article, cue.end, comma) or (
        cue.kind == "as"
        and not _CYRILLIC.search(cue.text)
        and article.has_mention(cue.start, cue.end)
    )
    if not ref and not credit and cue.kind == "as" and not _CYRILLIC.search(cue.text):
        ref = _as_phrase(article, cue.start + 3, cue.start + cue.text.rfind(" "))
        if ref is not None and ref.kind == "outlet":  # "As POLITICO reported, …": a credit
            return [(cue, None, comma + 1, s.end)]
    if not ref and not credit and (cue.kind == "according" or _AS_REPORTED_BY.search(cue.text)):
        # "According to the officer in charge that night, …": the phrase as written
        ref = _according_phrase(article, cue, comma)
    if not ref and not credit:
        return []
    if not ref:  # "According to TASS, Putin said that …": the words are Putin's
        rest = Sentence(comma + 1, s.end, s.para, s.index)
        inner = _verb_that(article, rest, article.cues(rest.start, rest.end))
        if inner and inner[0][1] is not None:
            return inner
    if ref is not None and ref.kind == "name" and _CYRILLIC.search(cue.text):
        comma = _past_ru_appositive(article.text, comma, s.end)
    return [(cue, ref, comma + 1, s.end)]  # «Как сообщает «Интерфакс», …»: no speaker


# «По словам Марии Ивановой, руководителя фонда «Теплый дом», …»: who she is, set off
# by commas; a noun in the genitive, then no verb before the next comma
_RU_APPOSITIVE = re.compile(
    r",\s*(?-i:[а-яё][а-яё-]*(?:я|а|и|ы|ого|его|ой|ей))(?:\s+[^\s,.;:!?]+){0,8}?(?=,)"
)
_RU_FINITE = re.compile(
    r"(?<![\w-])[а-яё]{3,}(?:л|ла|ли|ло|лся|лась|лись|лось|ет|ит|ют|ят|ут|ется|ится|ются|ятся|утся)(?![\w-])"
)


def _past_ru_appositive(text: str, comma: int, end: int) -> int:
    """The comma after an appositive that follows the name, else the name's own comma."""
    m = _RU_APPOSITIVE.match(text, comma, end)
    if m is None or _RU_FINITE.search(text, comma, m.end()):
        return comma
    return m.end()


# "As the Gazette (first) reported (on Monday), …": the words after the comma are the source's
_AS_LEAD = re.compile(r"[\W]*(?:(?:and|but)\s+)?as\s+", re.IGNORECASE)
_AS_TAIL = re.compile(r"(?:\s+(?:on|in|at|last|this|earlier|first|previously)\b[^,;:.]{0,30})?\s*,")


def _as_verb_lead(article: _Article, s: Sentence, cues: list[Cue]):
    """ "As the Marren Gazette reported, the levy was dropped.": the outlet's or body's words.

    Only a sentence that opens with "As", whose first cue is a plain verb with nothing but
    a time or place phrase between it and the comma; the words between "as" and the verb
    must read as a subject (a name, a body, an outlet — an outlet is then a credit).
    """
    text = article.text
    cue = cues[0]
    lead = _AS_LEAD.match(text, s.start, cue.start)
    if cue.kind != "verb" or cue.participle or lead is None:
        return []
    tail = _AS_TAIL.match(text, cue.end, s.end)
    if tail is None or _CYRILLIC.search(cue.text):
        return []
    ref = subject_before(text, lead.end(), cue.start, article.is_outlet) or _as_phrase(
        article, lead.end(), cue.start
    )
    if ref is None or (ref.kind == "pronoun" and ref.pos < lead.end()):
        return []
    return [(cue, None if ref.kind == "outlet" else ref, tail.end(), s.end)]


_AS_ADVERB = re.compile(r"(?:\s+(?:first|also|previously|earlier|once|\w+ly))+\s*$", re.IGNORECASE)


def _as_phrase(article: _Article, lo: int, hi: int) -> SpeakerRef | None:
    """The subject between "as" and its verb, an adverb before the verb left out
    ("As the Gazette first reported" → the Gazette)."""
    adverb = _AS_ADVERB.search(article.text, lo, hi)
    return _noun_phrase_ref(article, lo, adverb.start() if adverb else hi, closed=False)


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
    if head == words[0] or words[0].lower().endswith(("ии", "ы", "ов", "ей", "их", "ых")):
        head = common_nominative(words[0])  # «полицейских», «очевидцев», «полиции»
    if head == words[0] or not head.replace("-", "").isalpha():
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
        and not _TRAILS_A_QUOTE.search(text, max(s.start, c.start - 60), c.start)
        and not (c.lower == "asked" and _ASKED_PASSIVE.search(text, max(0, c.start - 25), c.start))
        and not _IN_PARTICIPLE_CLAUSE.search(text, max(s.start, c.start - 50), c.start)
    ]  # "Orlan was asked if …": she is asked, the asker is unnamed (`_asked_passive`)
    # `"…," said Ann Diaz`: the verb attributes the quote before it, no clause follows
    for weak in (False, True):
        for cue in verbs:
            if weak:
                ref = (
                    body_before(text, s.start, cue.start, article.is_outlet)
                    or _outlet_subject(article, s, cue)
                    or _phrase_subject(article, s, cue)
                    or _coordinated_subject(article, s, cue)
                    or _long_subject(article, s, cue)
                    or _it_subject(article, s, cue)
                )
            else:
                ref = (
                    _appositive_chain(article, s, cue)
                    or _ru_coordinated_subject(article, s, cue)
                    or _ru_phrase_subject(article, s, cue)
                    or subject_before(text, s.start, cue.start, article.is_outlet)
                )
                if ref is not None and _ADJECTIVE_NOT_NAME.fullmatch(text, ref.pos, cue.start):
                    continue  # "Coastal strategists say": a group, found by the weak pass
                if ref is not None and _quantity_not_name(ref):
                    continue  # "About half of voters said": a quantity, found by the weak pass
            if not ref:
                continue
            start = _clause_start(text, cue, s.end)
            end = s.end
            if start is None:
                start, end = _relative_clause(text, s, cue, ref)
            if start is None:
                continue
            if text[start - 1] == ":" and not _WORD.search(text, start, s.end):
                start, end = _after_colon(article, s)  # "Hewitt writes:\n\nThe movie …"
                if start is None:
                    continue
            if cue.lower in ("asked", "asks") and text.find(",", start, s.end) > 0:
                end = text.find(",", start, s.end)  # "asked Trump if …, Trump deflected"
            results = [(cue, None if ref.kind == "outlet" else ref, start, end)]
            results = _earlier_clause(article, s, verbs, cue, ref) + _later_clause(
                article, s, verbs, results[0]
            )
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
    return _after_appositive(article, s, verbs) or _unread_subject(article, s, verbs)


_UNREAD_VERBS = frozenset(
    _words(
        """
    said says say added adds noted notes argued argue argues insisted insist insists warned
    warn warns explained acknowledged acknowledge acknowledges claimed claim claims stated
    wrote write writes contend contends contended
    """
    )
)
# what may stand before "say" when it is not the finite verb of a subject that speaks
_NOT_FINITE_SAY = re.compile(
    r"(?<![\w-])(?:to|would|could|can|will|should|might|may|must|did|does|do|not|never"
    r"|who|which|that|what|it|i|we|you|be|been|being|is|are|was|were"
    r"|a|an|the|his|her|their|its|our|my|your|this|these|those)\s+(?:\w+ly\s+)?$"
    r"|n[’']t\s+$",
    re.IGNORECASE,
)


def _unread_subject(article: _Article, s: Sentence, verbs: list[Cue]):
    """ "Several riders I met at the pier last week said the ferry had …": a clause after
    a verb of saying whose subject no rule reads is still speech; the subject is kept as
    written (`_written_subject`). Only a lone finite verb (not "to say", "would say",
    "who said", "be noted", "the claims", not an inverted "…, said Ann Roe") whose clause
    opens like one, after words that end no clause, with no direct quote before it.
    """
    text = article.text
    if len(verbs) != 1 or verbs[0].lower not in _UNREAD_VERBS or verbs[0].participle:
        return []
    cue = verbs[0]
    before = text[s.start : cue.start].rstrip()
    if not before or before[-1] in ",;:\"“”’'—–-)" or len(_WORD.findall(before)) < 2:
        return []
    if _NOT_FINITE_SAY.search(text, max(s.start, cue.start - 20), cue.start):
        return []
    if any(sp.open < cue.start for sp in article.spans_near(cue.start) if sp.open >= s.start):
        return []  # a direct quote in the sentence: the verb attributes it
    start = _clause_start(text, cue, s.end)
    if start is None or len(_WORD.findall(text[start : s.end])) < 4:
        return []
    ref = _written_subject(article, s, cue)
    return [] if ref is None else [(cue, ref, start, s.end)]


_CLAUSE_LEAD = re.compile(r"(?:but|and|even|while|though|although|yet|so)\s+", re.IGNORECASE)


_AUXILIARY_ONLY = frozenset(
    _words("has have had is was were are will would could should may might can did does do also")
)


def _written_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """The words from the clause's opening to the verb, as written ("several riders I
    met"): a body, when at most twelve words and not capitals only (the name rules
    passed those over on purpose)."""
    text = article.text
    lo = max(s.start, *(text.rfind(mark, s.start, cue.start) + 1 for mark in ",;:"))
    lo += len(text[lo : cue.start]) - len(text[lo : cue.start].lstrip())
    lead = _CLAUSE_LEAD.match(text, lo, cue.start)
    if lead is not None:
        lo = lead.end()
    phrase = text[lo : cue.start].rstrip()
    words = _WORD.findall(phrase)
    if words and all(w.lower() in _AUXILIARY_ONLY for w in words):
        # "The agency, in a move that drew fire, has said": the subject opens the sentence
        lo = s.start + len(text[s.start : cue.start]) - len(text[s.start : cue.start].lstrip())
        phrase = (
            text[lo : text.find(",", lo, cue.start)].rstrip() if "," in text[lo : cue.start] else ""
        )
        words = _WORD.findall(phrase)
    if not words or len(words) > 12 or all(w[:1].isupper() for w in words):
        return None  # "Meanwhile Moscow said": capitals only are a name or a place (no one)
    if re.match(r"(?:The|A|An)\s", phrase):
        phrase = phrase[0].lower() + phrase[1:]
    return SpeakerRef("body", name=phrase, pos=lo)


# "It said …", "It also reported that …": the sentence opens with "it" and the verb
_IT_OPENS = re.compile(r"\W{0,3}It\s+(?:(?:also|later|then|further|previously)\s+)?$")
_IT_VERBS = frozenset(_words("said says reported reports added adds noted notes stated states"))


def _it_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """ "The agency released a report. It said …": "it" that opens the sentence speaks.

    Only right before a verb of saying or reporting; the resolver reads "it" as the
    body that spoke last (or leaves it unnamed).
    """
    if cue.lower not in _IT_VERBS or not _IT_OPENS.fullmatch(article.text, s.start, cue.start):
        return None
    return SpeakerRef("pronoun", name="it", pos=article.text.find("It", s.start, cue.start))


def _after_colon(article: _Article, s: Sentence) -> tuple[int | None, int]:
    """The words after "X writes:" when the colon closes its sentence: the next sentence,
    in the same paragraph or the next one, unless it is a direct quote (its own item)."""
    items = article.sentences.items
    if s.index + 1 >= len(items):
        return None, s.end
    nxt = items[s.index + 1]
    if nxt.para - s.para > 1 or article.in_span(nxt.start) or not article.text[nxt.start].isalnum():
        return None, s.end  # a quote in marks, or markup ("<tweet …>"): not this clause
    return nxt.start, nxt.end


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
        if ref is None or ref.kind == "pronoun" or not _opens_sentence(text, s, cue, ref):
            continue
        head = _APPOSITIVE_HEAD.match(text, ref.pos, cue.start)
        if head is None or head.end() >= cue.start - 4:
            continue  # the opening phrase must be followed by the appositive's comma or dash
        return [(cue, None if ref.kind == "outlet" else ref, start, s.end)]
    return []


def _opens_sentence(text: str, s: Sentence, cue: Cue, ref: SpeakerRef) -> bool:
    """Does the name open the sentence, or its main clause after an opening adverbial?

    "Reached by phone, Joyce — a lawyer — told …": the participle phrase is no subject,
    so the name after its comma opens the clause as much as a first word would.
    """
    if s.start <= ref.pos < s.start + 4:
        return True
    lo = _past_opening_adverbial(text, s.start, cue.start)
    return lo > s.start and lo <= ref.pos < lo + 4


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
_PROGRESSIVE = re.compile(
    r"(?:(?<![\w-])(?:is|are|was|were|been)|(?<=\w)['’](?:s|re))\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)  # also "He's suggesting", "Roe is quietly telling"


# a capitalised word before a lowercase plural is an adjective, not a name
_ADJECTIVE_NOT_NAME = re.compile(
    r"[A-Z][a-z]+\s+[a-z]{3,}(?<!ss)s(?:\s+(?:have|had|would|will|also|now|have\s+long))?\s*"
)
# `"…," the candidate said in an email`: the verb attributes the quote before its subject
_TRAILS_A_QUOTE = re.compile(r"[,!?]['’\"”]{1,2}\s+the(?:\s+[\w-]+){1,4}\s*$")
_CLOSED_BEFORE = re.compile(r"[,.!?…]?[\"”»’]\s*[,—–]?\s*$")
_AND_BEFORE = re.compile(r"(?<![\w-])(?:and|but)\s+(?:(?:also|then|later|quickly|\w+ly)\s+)?$")


_RU_AND_BEFORE = re.compile(r"(?<![\w-])(?:и|а\s+также|и\s+также)\s+$", re.IGNORECASE)


def _ru_coordinated_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """«Тренер Людмила Остапенко назвала решение Гречко взвешенным и добавила, что …»:
    a second verb joined by «и» has the sentence's subject, not the name nearest to it."""
    text = article.text
    if not _CYRILLIC.search(cue.text) or cue.start - s.start > 300:
        return None
    if not _RU_AND_BEFORE.search(text, max(s.start, cue.start - 12), cue.start):
        return None
    ref = subject_after(text, s.start, cue.start, article.is_outlet, sentence_start=True)
    if ref is None or ref.kind not in ("name", "role") or ref.pos > s.start + 80:
        return None
    return ref


# "…, but she", "… - and they", "; the aide": where a second clause with its own subject begins
_SECOND_CLAUSE = re.compile(
    r"(?:,|;|\s[—–-]+)\s*(?:(?:but|and|while|yet|whereas|although|though)\s+)?$", re.IGNORECASE
)


def _earlier_clause(
    article: _Article, s: Sentence, verbs: list[Cue], cue: Cue, ref: SpeakerRef
) -> list[tuple[Cue, SpeakerRef | None, int, int]]:
    """ "The nominee explained that A - but she also insisted that B": A is speech too.

    `cue`/`ref` are the clause already found; an earlier verb of saying with a subject and
    a clause of its own gives a first quote, ending where the second clause's subject
    begins after a comma, dash or semicolon (and "but"/"and").
    """
    text = article.text
    if ref.pos is None or ref.pos <= s.start:
        return []
    for first in verbs:
        if first.end > ref.pos or first.participle:
            break
        start = _clause_start(text, first, ref.pos)
        sep = _SECOND_CLAUSE.search(text, max(s.start, ref.pos - 12), ref.pos)
        if start is None or sep is None or len(_WORD.findall(text[start : sep.start()])) < 3:
            continue
        subject = (
            subject_before(text, s.start, first.start, article.is_outlet)
            or body_before(text, s.start, first.start, article.is_outlet)
            or _phrase_subject(article, s, first)
            or _long_subject(article, s, first)
        )
        if subject is not None and subject.kind != "outlet":
            return [(first, subject, start, sep.start())]
    return []


def _later_clause(
    article: _Article, s: Sentence, verbs: list[Cue], found: tuple
) -> list[tuple[Cue, SpeakerRef | None, int, int]]:
    """ "Roe said A, but Lund said B": the first clause ends where the second subject begins.

    Only a later verb whose own subject (a name, pronoun, role or body) follows a comma,
    dash or semicolon (and "but"/"and") inside the first clause, with a clause of its own.
    """
    text = article.text
    cue, ref, start, end = found
    for later in verbs:
        if later.start <= start or later.start >= end or later.participle:
            continue
        second = (
            subject_before(text, start, later.start, article.is_outlet)
            or body_before(text, start, later.start, article.is_outlet)
            or _phrase_subject(article, s, later)
            or _long_subject(article, s, later)  # "…, while nine in 10 said …"
        )
        if second is None or second.pos is None or second.pos <= start or second.kind == "outlet":
            continue
        sep = _SECOND_CLAUSE.search(text, max(start, second.pos - 12), second.pos)
        clause = _clause_start(text, later, end)
        if sep is None or clause is None or len(_WORD.findall(text[start : sep.start()])) < 3:
            continue
        if text[sep.end() : second.pos].strip():
            continue  # words between the separator and the subject: not a fresh clause
        return [(cue, ref, start, sep.start()), (later, second, clause, end)]
    return [found]


def _quantity_not_name(ref: SpeakerRef) -> bool:
    """A capitalised quantifier opening the sentence ("About", "Most") read as a name."""
    return ref.kind == "name" and (ref.name or "").lower() in _OPENING_WORDS


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

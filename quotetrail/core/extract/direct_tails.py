"""Who said a direct quote, read after it: `"…," he said`, «…», — заявил Путин.

    quote ──► the words after it, within reach (`_REACH`)
                ├─► _tail_attribution: a cue, then its subject — a name, a role or body
                │     after the verb ("said Peskov, the spokesman"), an appositive, a
                │     common noun («— сказал следователь»), a surname that is also a word
                ├─► _signature: the next line signs the quote (`- Bernie Sanders.`)
                └─► _any_verb_tail: a subject and any verb of manner ("Roe quipped")

Each reader looks only at a bounded window after the closing mark, so the work stays
linear in the article; a reader that cannot tell returns None and the next one looks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from quotetrail.core.extract.adjuncts import _AUX
from quotetrail.core.extract.article import (
    _CYRILLIC,
    _WORD,
    _Article,
)
from quotetrail.core.extract.noun_phrases import _CHAIN_NAME_END
from quotetrail.core.extract.subjects import _subject
from quotetrail.core.quotemarks import QuoteSpan
from quotetrail.core.speakers import SpeakerRef, body_after, subject_after
from quotetrail.core.speakers.names import _LISTED_ANY as _LISTED_FIRST
from quotetrail.core.speech import Cue

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

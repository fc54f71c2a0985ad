"""Organisations and unnamed sources as speakers: "the ministry", «источник в МВД».

    cue ──► body_before ("The ministry said", «В Кремле заявили» → «Кремль»)
        ──► body_after ("…, said a source close to the talks")
        ──► _body: a determiner or none, then a body head (_BODY_EN/_BODY_RU), no verb

Used when no person stands by the cue. The patterns for a single unnamed person ("a
source", "the aide") and the anaphoric bodies («ведомство») here also tell the resolver
which bodies a later "he" or «в ведомстве» may mean.
"""

from __future__ import annotations

import re

from quotetrail.core.speakers.names import (
    _CYRILLIC,
    _PAST_VERB,
    _REACH,
    Gender,
    IsOutlet,
    SpeakerRef,
    _clause_end,
    _clause_start,
    _tokens,
    _words,
)

# Head words of a speaking body; Russian ones are stems, matched at a word's start.
_BODY_EN = frozenset(
    _words(
        """
    ministry ministries kremlin government department office embassy committee council
    commission court police army military navy pentagon source sources officials
    authorities administration prosecutors investigators headquarters cabinet parliament
    duma senate congress company bank regulator spokesperson spokespeople diplomats
    insiders service authority authorities agency aide aides adviser advisers advisor
    advisors staffer staffers witness witnesses lawyer lawyers attorney attorneys analysts
    experts economists observers researchers scientists officers prosecutor prosecutors
    campaign spokesman spokeswoman email letter memo message statement editorial ad report
    """
    )
)
_BODY_RU = (
    "минобороны", "мид", "кремл", "правительств", "министерств", "минздрав", "минфин",
    "минэконом", "минюст", "минтранс", "ведомств", "источник", "пресс-служб", "посольств",
    "власт", "генштаб", "штаб", "полици", "прокуратур", "суд", "администраци", "аппарат",
    "комитет", "комисси", "совбез", "госдеп", "пентагон", "белом доме", "белый дом",
    "офис", "мэри", "компани", "банк", "центробанк", "спецслужб", "следовател",
    "парламент", "госдум", "кабмин", "представительств", "дипмисси", "собеседник",
)  # fmt: skip
# Countries and cities speak only through a body ("Moscow said" is left alone).
_NOT_BODY = frozenset(_words("us usa uk eu рф сша ес"))
_DETERMINERS = frozenset(
    _words(
        """
    the a an its their one two three several some senior anonymous unnamed local western
    foreign military government defence defense security diplomatic european russian
    ukrainian american british in в во
    """
    )
)
_LOCATIVE = {
    "кремле": "кремль", "правительстве": "правительство", "министерстве": "министерство",
    "ведомстве": "ведомство", "посольстве": "посольство", "пентагоне": "пентагон",
    "госдепе": "госдеп", "штабе": "штаб", "генштабе": "генштаб", "офисе": "офис",
    "банке": "банк", "суде": "суд", "комитете": "комитет", "аппарате": "аппарат",
    "совбезе": "совбез", "администрации": "администрация", "комиссии": "комиссия",
    "полиции": "полиция", "прокуратуре": "прокуратура", "пресс-службе": "пресс-служба",
    "госдуме": "госдума", "мэрии": "мэрия", "компании": "компания", "белом": "белый",
    "доме": "дом", "минздраве": "минздрав", "минфине": "минфин", "минюсте": "минюст",
    "представительстве": "представительство", "дипмиссии": "дипмиссия", "парламенте": "парламент",
    # genitive after «по словам», «по данным»
    "источника": "источник", "источников": "источники", "собеседника": "собеседник",
    "собеседников": "собеседники", "ведомства": "ведомство", "министерства": "министерство",
}  # fmt: skip
_PROPER_RU = ("кремл", "минобороны", "мид", "госдеп", "пентагон", "генштаб", "совбез", "госдум", "белый")  # fmt: skip
_BODY_MAX_WORDS = 8
_SUBORDINATORS = frozenset(
    _words("when if as after before while since because although though once until unless")
)
_HEAD_OF = re.compile(
    r"(?:the\s+)?(?:head|chief|director|chair(?:man|woman)?|spokes(?:man|woman|person)"
    r"|representative|leader)\s+of\s+(?=\S)",
    re.IGNORECASE,
)
# a single unnamed person, whom a later pronoun may mean
_SINGLE_SOURCE = re.compile(
    r"^(?:an?\s|one\s|another\s|источник(?!и)|собеседник(?!и))", re.IGNORECASE
)
# "the partner", "the longtime aide": one person, whom a later "he"/"she" may mean
_ONE_PERSON = re.compile(
    r"the\s+(?:[\w-]+\s+){0,3}(?:partner|woman|man|person|official|source|aide|adviser"
    r"|advisor|staffer|witness|lawyer|attorney|prosecutor|spokesman|spokeswoman|spokesperson"
    r"|officer|employee|worker|resident|voter|student|teacher|doctor|nurse|owner|friend"
    r"|neighbor|neighbour|activist|analyst|economist|expert|researcher|scientist|executive"
    r"|manager|director|veteran|delegate|supporter|protester|organizer|insider|diplomat)",
    re.IGNORECASE,
)
_OF_PHRASE = re.compile(r"\s+(?:for|of|at|with|in)\s", re.IGNORECASE)
_INDEFINITE = re.compile(r"(?<![\w-])(?:an?|another|one)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_BODY_MAX_CHARS = 120
_RU_ADJECTIVE = ("ий", "ый", "ой", "ая", "ое", "ые", "ие", "ых", "их", "ого", "его")
# «Газета со ссылкой на источники пишет»: the sources speak, the outlet is credited
_CITING = re.compile(r"^(?:со\s+ссылкой\s+на|ссылаясь\s+на|citing)\s+", re.IGNORECASE)


_RU_DOCUMENT = re.compile(
    r"^(?:в|во)\s+(?:заявлении|сообщении|пресс-релизе|релизе|документе|письме|обращении"
    r"|ответе|комментарии)\s+(?=\S)",
    re.IGNORECASE,
)
_RU_BODY_TRAILING = re.compile(r"(?:\s+(?:также|тоже|ранее|уже|еще|ещё|вновь|сегодня|вчера))+$")
# «в ведомстве», «министерство»: the institution that spoke last
_ANAPHORIC_BODY = frozenset(("ведомство", "министерство"))
# verbs that may stand between a body and its verb of saying ("The email goes on to say")
_BODY_VERBS = frozenset(_words("goes went continues continued also then later"))


# A publication speaking for itself ("the newspaper admitted", "The Miami Herald reported"):
# a body only as the subject before the verb; after it ("told The Post") it is the addressee.
_PAPER_HEADS = frozenset(_words("newspaper paper magazine tabloid"))
_MASTHEAD_HEADS = frozenset(_words("News Post Times Journal Herald Tribune Gazette"))
# who at a paper may speak for it in its name: "the Post fact checker", "the Times editorial board"
_STAFF = frozenset(
    _words("checker fact-checker columnist reporter reporters editor editors writer board critic")
)


def _is_paper_head(tok: str) -> bool:
    """ "newspaper", or a masthead's capitalised head ("Post", not the verb "post")."""
    return tok.lower() in _PAPER_HEADS or tok in _MASTHEAD_HEADS


def _is_body_head(tok: str) -> bool:
    low = tok.lower().replace("ё", "е")
    if low in _NOT_BODY:
        return False
    if len(tok) > 1 and tok.isupper() and _CYRILLIC.search(low):
        return True  # «во ФСИН», «в МЧС»: an acronym is an institution
    if _CYRILLIC.search(low):
        # a short stem takes a short ending only: «суде», not the surname «Судаков»
        return any(
            low.startswith(stem) and (len(stem) >= 5 or len(low) - len(stem) <= 2)
            for stem in _BODY_RU
        )
    if len(tok) > 1 and tok.isupper():
        return True  # NATO, FSB
    return low in _BODY_EN


# «Ранее», «Позже», «В свою очередь»: words that may open a Russian sentence before its
# subject without being part of it (also read by extract/noun_phrases.py)
RU_LEAD_WORDS = (
    r"ранее|позже|позднее|также|однако|затем|потом|сегодня|вчера|накануне|тогда|впрочем"
    r"|при этом|кроме того|в свою очередь|в то же время|между тем"
)
_RU_TIME_LEAD = re.compile(rf"^(?:(?:{RU_LEAD_WORDS})[\s,]+)+(?=[вВ]о?\s)", re.IGNORECASE)


def _body(text: str, lo: int, hi: int, is_outlet: IsOutlet, *, leading: bool) -> SpeakerRef | None:
    """A body phrase filling text[lo:hi]: `leading` words before the head are modifiers only."""
    if hi - lo > _BODY_MAX_CHARS:
        return None  # longer than any body phrase: no need to read it word by word
    phrase = _CITING.sub("", text[lo:hi].strip(" \t\r\n—–-"))
    if leading and _CYRILLIC.search(phrase):
        phrase = _RU_TIME_LEAD.sub("", phrase)  # «Позже в ведомстве уточнили»
    if _CYRILLIC.search(phrase):
        # «говорится в заявлении Минобороны», «В ведомстве также сообщили»
        phrase = _RU_BODY_TRAILING.sub("", _RU_DOCUMENT.sub("", phrase))
    head_of = _HEAD_OF.match(phrase)
    if head_of:  # "the head of the Port Marren harbour authority": that body's person speaks
        rest = phrase[head_of.end() :]
        if _body(rest, 0, len(rest), is_outlet, leading=leading) is None:
            return None
        pos = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip(" \t\r\n—–-")))
        return SpeakerRef("body", name=_lower_common(phrase), pos=pos)
    tokens = _tokens(phrase, 0, len(phrase))
    if not tokens or len(tokens) > _BODY_MAX_WORDS or is_outlet(phrase):
        return None
    if tokens[0][2].lower() in _SUBORDINATORS:
        return None  # "When an NBC reporter asked …": a clause, not a body
    head = next((i for i, t in enumerate(tokens) if _is_body_head(t[2])), None)
    if head is None and leading:
        return _paper(phrase, tokens, lo + len(text[lo:hi]) - len(text[lo:hi].lstrip(" \t\r\n—–-")))
    determined = bool(tokens) and tokens[0][2].lower() in ("the", "a", "an", "its", "their")
    if head is None or head > (4 if determined else 3):  # the + three modifiers at most
        return None
    determined = determined and head > 0
    for _a, _b, tok in tokens[:head]:
        low = tok.lower()
        modifier = (determined or head <= 2) and not _CYRILLIC.search(low) and low.isalpha()
        if not (tok[0].isupper() or low in _DETERMINERS or low.endswith(_RU_ADJECTIVE) or modifier):
            return None
    if any(t[2].lower() in ("в", "во", "in") for t in tokens[1:head]):
        return None
    first = tokens[0][2].lower()
    if first == "in":
        return None
    if first in ("в", "во"):
        if len(tokens) == 1:
            return None
        phrase = phrase[tokens[1][0] :]
    after_head = tokens[head + 1][2].lower() if head + 1 < len(tokens) else ""
    if after_head in _BODY_VERBS or _PAST_VERB.fullmatch(after_head):
        phrase = phrase[: tokens[head][1]]  # "The email goes on to say": the email
    if _CYRILLIC.search(phrase):
        phrase = _nominative_body(phrase)
    pos = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip(" \t\r\n—–-")))
    name = _lower_common(phrase)
    gender: Gender = "m" if re.match(r"(?:источник|собеседник)(?!и)", name) else None
    return SpeakerRef("body", name=name, gender=gender, pos=pos)


def _paper(phrase: str, tokens, pos: int) -> SpeakerRef | None:
    """A publication as the subject: "the newspaper", "The Miami Herald", "the Times".

    The phrase ends at its masthead ("The Washington Post recently ran …": the Post);
    it opens with "the" or a capital, and at most three capitalised words stand before
    the head ("Breitbart News", "The New York Daily News").
    """
    start = 1 if tokens[0][2].lower() in ("and", "but", "or") else 0
    head = next((i for i in range(start, len(tokens)) if _is_paper_head(tokens[i][2])), None)
    if head is None or head - start > 4:
        return None
    lead = tokens[start:head]
    if lead and lead[0][2].lower() == "the":
        lead = lead[1:]
    elif not lead and tokens[head][2].islower():
        return None  # "newspaper" needs "the": "every newspaper", "a paper" are not one outlet
    if len(lead) > 3 or not all(t[2][0].isupper() for t in lead):
        return None
    end = head + 1
    while end < len(tokens) and _is_paper_head(tokens[end][2]):
        end += 1  # "The Times newspaper"
    staff = [i for i in range(end, min(end + 3, len(tokens))) if tokens[i][2].lower() in _STAFF]
    if staff:
        end = staff[-1] + 1  # "The Gazette fact checker wrote": the paper's person speaks
    name = " ".join(t[2] for t in tokens[start:end])
    return SpeakerRef("body", name=_lower_common(name), pos=pos + tokens[start][0])


def _nominative_body(phrase: str) -> str:
    """«Кремле» → «Кремль», «пресс-службе ведомства» → «пресс-служба ведомства»."""
    words = phrase.split(" ")
    # the head only; its complement keeps its case («ведомства»), but «Белом доме» is one head
    heads = 2 if words[0].lower() == "белом" and len(words) > 1 else 1
    for i, word in enumerate(words[:heads]):
        new = _LOCATIVE.get(word.lower())
        if new is not None:
            words[i] = new[0].upper() + new[1:] if word[0].isupper() else new
    return " ".join(words)


def _lower_common(phrase: str) -> str:
    """A sentence-initial capital is not part of the name: "The ministry" → "the ministry"."""
    first = phrase.split(" ", 1)[0]
    low = first.lower()
    proper = (
        (len(first) > 1 and first.isupper())
        or low.startswith(_PROPER_RU)
        or (not _CYRILLIC.search(low) and low not in _BODY_EN and low not in _DETERMINERS)
    )
    return phrase if proper or not first[:1].isupper() else first[0].lower() + phrase[1:]


def body_before(text: str, lo: int, hi: int, is_outlet: IsOutlet) -> SpeakerRef | None:
    """The body right before a cue at `hi`: "The ministry said", «В Кремле заявили»."""
    start = _clause_start(text, max(lo, hi - _REACH), hi)
    if _AND_LAST.search(text, max(start, hi - 8), hi):
        return None  # "… deemed 1,500 pages personal and says": a second verb, not a body
    return _body(text, start, hi, is_outlet, leading=True)


_AND_LAST = re.compile(r"(?<![\w-])(?-i:and|but)\s*\Z")


def body_after(text: str, lo: int, hi: int, is_outlet: IsOutlet) -> SpeakerRef | None:
    """The body right after a cue: "…, said the ministry.", «…, сообщили в Минобороны»."""
    end = _clause_end(text, lo, min(hi, lo + _REACH))
    end = min(end, _sentence_end(text, lo, end))
    return _body(text, lo, end, is_outlet, leading=False)


def _sentence_end(text: str, lo: int, hi: int) -> int:
    m = re.compile(r"[.!?…]").search(text, lo, hi)
    return m.start() if m else hi

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
from quotetrail.core.speakers.bodies import RU_LEAD_WORDS
from quotetrail.core.speakers.names import _RU_FIRST_FORMS as _RU_FIRST_NAMES
from quotetrail.core.speech import Cue

_NP_HEAD = re.compile(
    r"(?:the|a|an|some|many|most|several|all|other|his|her|their|its|our|one|another|these"
    r"|those|both|each|every|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds"
    r"|thousands|\d[\d,.%]*)\b"
    r"|(?:(?-i:[A-Z])[\w.-]*\s+){0,3}(?-i:[A-Z])[\w.-]*(?:'s|’s|s'|s’)\s",  # "Clinton's campaign"
    re.IGNORECASE,
)
_NP_LEAD = re.compile(
    r"^(?:but|and|so|yet|still|now|meanwhile|however|even)\b[\s,]*", re.IGNORECASE
)
_NP_BREAK = re.compile(
    r"(?<![\w-])(?:who|which|that|whom|whose|when|if|because|after|before|while)(?![\w-])",
    re.IGNORECASE,
)
_AND = re.compile(r"(?<![\w-])and(?![\w-])", re.IGNORECASE)
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


_DETERMINERS = frozenset(
    ("the", "a", "an", "this", "that", "these", "those", "his", "her", "their")
)
_CLOSED_THE = re.compile(r"[\"”’']+(?=\s+the\s)")


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
    closed = _CLOSED_THE.match(text, a, cue.start)
    if closed is not None:
        a = closed.end()  # `"…," the candidate told`: the comma closed a quote; the phrase follows
    phrase = text[a : cue.start].strip()
    phrase = _NP_LEAD.sub("", phrase)
    phrase = _TRAILING_AUX.sub("", phrase)  # "Many conservatives have (long) said"
    finding = _FINDING.search(phrase)
    if finding is not None:
        a = text.find(phrase, a) + finding.end()  # "The poll shows voters say": voters
        phrase = phrase[finding.end() :]
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
    # "current and former officials said", "teachers and union officials told …"
    group = group or (
        1 < len(words) <= 5 and words[-1].lower() in _PLURAL_PEOPLE and bool(_AND.search(phrase))
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
    if not words or all(w.lower() in _DETERMINERS for w in words):
        return None  # "The remarks suggest": the cue noun's article alone speaks for no one
    name = (
        phrase[0].lower() + phrase[1:]
        if re.match(
            r"(?:The|A|An|Some|Many|Most|Several|Other|His|Her|Their|Its|Our|One|Another|These|Those|Both|Each|Every)\b",
            phrase,
        )
        else phrase
    )
    return SpeakerRef("body", name=name, pos=text.find(phrase, a))


# "The poll shows (that) voters say …": the finding's verb; its subject does not speak
_FINDING = re.compile(
    r"(?<![\w-])(?:shows?|showed|finds?|found|suggests?|suggested|indicates?|indicated"
    r"|reveals?|revealed|means)\s+(?:that\s+)?",
    re.IGNORECASE,
)


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


_RU_LEAD = re.compile(rf"(?:(?:{RU_LEAD_WORDS})[\s,]+)+", re.IGNORECASE)
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
# Where a clause can open before its subject: a subordinator or conjunction ("while critics
# argue", "but security specialists say", "after the Gazette reported") or a stop.
_CLAUSE_OPENER = re.compile(
    r"(?<![\w'’-])(?:while|whereas|although|though|because|since|as|when|after|before|until"
    r"|unless|once|but|and|or|yet|so|that|which|where|if)\s+"
    r"|[;:]\s*|[,(]\s*|\s[—–]\s*|\s--?\s+",
    re.IGNORECASE,
)
# words that end a subject's first chunk: a prepositional phrase or a relative clause follows
_CHUNK_END = re.compile(
    r"\s+(?:of|in|at|for|from|with|on|out|among|including|like|inside|within|across|close|familiar"
    r"|briefed|involved|who|whom|whose|that|which|[^\s\w'’.&-])(?![\w-])|\s*[,(—–]|\s--?\s"
    r"|\s+(?-i:[a-z]+ing)\s",  # "House Democrats supporting the bill"
    re.IGNORECASE,
)
_OPENING_WORDS = frozenset(
    _words(
        """
    the a an some many most several all other others his her their its our one another these
    those both each every few two three four five six seven eight nine ten dozens hundreds
    thousands half about nearly almost roughly only just more fewer
    """
    )
)
# not a subject's first word: a preposition or adverb opens an adverbial, a pronoun a clause
_NOT_OPENING = frozenset(
    _words(
        """
    on in at for from with by after during before since until to into over under
    it he she they we i you there this what which who then also still even now when if
    not no here yes so however nonetheless nevertheless meanwhile instead indeed
    moreover furthermore besides yet today yesterday tonight earlier later last next despite
    because while although though
    """
    )
)
# heads that name people or bodies without a capital or a plural -s
_COMMON_HEADS = frozenset(
    _words(
        """
    campaign committee government administration department agency ministry office company
    spokesman spokeswoman spokesperson official aide adviser advisor source lawyer attorney
    statement report study memo letter filing complaint lawsuit suit editorial article story
    judge court panel board council staff team group coalition party network newspaper
    paper magazine outlet website blog post tweet ad survey majority minority plurality half
    third quarter percent most many some others both all few dozens hundreds thousands
    analyst expert economist chairman chairwoman chair director manager president leader
    senator governor mayor candidate nominee secretary executive founder official police
    military army pentagon white house union association organization institute foundation
    fund commission prosecutor sheriff investigator researcher professor critic supporter
    opponent friend family husband wife son daughter mother father brother sister man woman
    people men women children one two three four five six seven eight nine ten dozen
    person someone somebody everyone anyone nobody reporter writer columnist host anchor
    checker fact-checker editor author speaker delegate voter donor member operative
    strategist pollster consultant insider veteran resident worker manufacturer firm bank
    """
    )
)
_VERB_LIKE = frozenset(_words("not never also even still"))
_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:in\s+the\s+past|at\s+the\s+time|(?:this|last)\s+(?:week|month|year)"
    r"|on\s+(?-i:[A-Z])[a-z]+day"
    r"|has|have|had|also|even|long|previously|repeatedly|already|since|often|publicly"
    r"|privately|reportedly|recently|later|then|again|still|now|would|will|could|did|do"
    r"|does|[a-z]+ly))+$",
    re.IGNORECASE,
)
_MAX_SUBJECT_WORDS = 28
_MAX_OPENINGS = 6
_LAST_WORD = re.compile(r"[\w'’-]+[\W]*$")
_NO_PHRASE_END = frozenset(
    _words("that who which whom whose to and or but if as than the a an of in on at by for with")
)
_ASIDE = re.compile(r"\([^()]*\)|\s[—–]\s[^—–]*\s[—–](?=\s|$)|\s--?\s.*?\s--?(?=\s|$)")
_DETERMINERS = frozenset(_words("the a an his her their its our this"))
_QUANTITIES = frozenset(
    _words("half third quarter majority majorities minority percent most many some few all none")
)
_QUANTITY_OF = re.compile(
    r"\s+of\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?=\s+(?:in|at|who|that|from)\b|,|$)"
)
# "He's said", "they’d told": a subject pronoun fused with its auxiliary
_CONTRACTED_PRONOUN = re.compile(
    r"(?<![\w-])(?P<pron>he|she|they)['’](?:s|d|ve)(?:\s+(?:also|long|since|often|repeatedly))*\s*$",
    re.IGNORECASE,
)
# cue words that are as often nouns; they open a clause here only with "that"
_NOUN_HOMOGRAPHS = frozenset(
    _words("note notes state states remark remarks comment comments report reports claim claims")
)
_QUOTE_MARKS = re.compile(r"[\"“”«»]|''")
# "…, said Ann Roe, a lawyer": a short subject after the verb, the words before are the quote
_INVERTED = re.compile(
    r"\s+(?:(?:the|an?)\s+|(?-i:[A-Z]))(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+(?:[,.]|\s+(?:who|of|at|from)\b)",
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


def _long_subject(article: _Article, s: Sentence, cue: Cue) -> SpeakerRef | None:
    """A subject the name and phrase rules pass over: long, or opening a subordinate clause.

    "People with knowledge of the talks said …", "while critics argue that …", "Other
    former officials with no role in the case said …", "Mrs. Roe's campaign, which …,
    said …", "29 percent (and 43 percent of Democrats) said …". The clause may open at
    the sentence start, after a conjunction or subordinator, or after a stop; the nearest
    opening whose words read as a noun phrase wins. The phrase must start like one (a
    determiner, a number, a capital or a plural), its head must be a noun for people or
    a body, and outside a relative clause it may hold no verb of its own. A comma, a
    parenthesis or a dash inside sets off an appositive, so a phrase may run past them;
    a subordinator or stop before an unreadable phrase ends the search.
    """
    text = article.text
    if not re.search(r"[^\W\d_]", cue.text):
        return None  # a bare colon: no verb, no subject
    if cue.lower in _NOUN_HOMOGRAPHS and not re.match(r"\s+that\b", text[cue.end : cue.end + 8]):
        return None  # "Editor's note:", "Trump's remarks also stand out": a noun
    lo = max(s.start, cue.start - 260)
    end = lo + len(text[lo : cue.start].rstrip())
    closed = text[lo:end].endswith((",", ")", "—", "–", "-"))
    inverted = _INVERTED.match(text, cue.end, s.end) if closed else None
    if inverted is not None and not _AUX.search(inverted.group()):
        return None  # "…, said Ann Roe, a lawyer": the subject follows the verb
    fused = _CONTRACTED_PRONOUN.search(text, max(lo, end - 40), end)
    if fused is not None:
        low = fused.group("pron").lower()
        if low == "they":
            return SpeakerRef("pronoun", name=low, pos=fused.start())
        return SpeakerRef("pronoun", gender="m" if low == "he" else "f", pos=fused.start())
    filler = _TRAILING_FILLER.search(text, max(lo, end - 60), end)
    if filler is not None:
        end = filler.start()
    last = _LAST_WORD.search(text, max(lo, end - 30), end)
    if last is None or last.group().lower() in _NO_PHRASE_END:
        return None  # "… that said", "to say": no noun phrase ends here
    openings = [m.end() for m in _CLAUSE_OPENER.finditer(text, lo, end)]
    if lo == s.start:
        openings.insert(0, s.start)
    for a in reversed(openings[-_MAX_OPENINGS:]):  # a few: "said that said that …" stays cheap
        if text.count(")", a, end) > text.count("(", a, end):
            continue  # inside an aside: "Sen. Roe (a Democrat so young he …) says"
        opener = text[max(s.start, a - 12) : a]
        ref = _noun_phrase_ref(article, a, end, closed=closed)
        if ref is not None:
            if cue.lower in _GRIEVANCE and _GENERIC_NP.match(text, ref.pos or a, end):
                return None  # "Local businesses have long complained …": the writer's summary
            return None if _other_cue(article, a, cue) else ref
        if a == s.start or re.search(r"[,(—–-]\s*$", opener):
            continue  # past an appositive's comma or dash
        if not re.search(r"\b(?:that|which|and|or)\s*$", opener) or not text[a:end].strip():
            return None  # a subordinator or stop before words that are no subject
    return None


def _other_cue(article: _Article, a: int, cue: Cue) -> bool:
    """A verb of saying inside the subject, other than a noun ("states", "reports") or one
    in a relative clause ("The aide who wrote the speech says"): another clause's subject."""
    text = article.text
    for other in article.cues(a, cue.start):
        if other.lower in _NOUN_HOMOGRAPHS or _RELATIVE_WORD.search(text, a, other.start):
            continue
        return True
    return False


def _noun_phrase_ref(article: _Article, a: int, end: int, *, closed: bool) -> SpeakerRef | None:
    """text[a:end] as a subject noun phrase (see `_long_subject`), else None.

    `closed`: a comma, bracket or dash stands right before the verb; it must close an
    appositive that opened inside the phrase ("Roe, a lawyer from Ava, said"), else the
    phrase is the end of a longer clause ("…in Ohio and Iowa, states that …").
    """
    text = article.text
    a += len(text[a:end]) - len(text[a:end].lstrip())
    phrase = text[a:end].rstrip(" ,")
    words = _WORD.findall(phrase)
    if not words or len(words) > _MAX_SUBJECT_WORDS or phrase.count("(") != phrase.count(")"):
        return None
    if _QUOTE_MARKS.search(text, max(0, a - 3), end):
        return None  # a quote's own attribution ("…,'' the aide said"), or quoted words
    if _RELATIVE_WORD.search(words[-1]):
        return None  # "a former aide who said": the relative clause's own rule
    if closed and not re.search(r"[,(—–]|\s--?\s", phrase.rstrip(" ,)—–-")):
        return None
    if re.search(r"(?<=[a-z]{3})[.!?]\s+(?-i:[A-Z])|[!?;:]", phrase):
        return None
    chunk_end = _CHUNK_END.search(phrase)
    core = phrase[: chunk_end.start()] if chunk_end else phrase
    tail = phrase[len(core) :]
    core_words = _WORD.findall(core)
    if not 1 <= len(core_words) <= 6 or not _reads_as_core(core, core_words):
        return None
    if not _tail_ok(tail) or (tail.lstrip().startswith(",") and not closed):
        return None  # "Nonetheless, voters …": an opening word, no appositive
    return _core_ref(article, a, core, tail)


def _reads_as_core(core: str, words: list[str]) -> bool:
    """A noun phrase's first chunk: a fit first word, a noun head, no verb in between."""
    first, head = words[0], words[-1]
    low_first, low_head = first.lower(), head.lower().rstrip("'’")
    if low_first in _NOT_OPENING or (low_first.endswith("ly") and not first[0].isupper()):
        return False
    if _AUX.search(core) or _NP_BREAK.search(core):
        return False
    if any(w.lower() in _VERB_LIKE for w in words):
        return False
    starts_ok = (
        low_first in _OPENING_WORDS
        or first[0].isupper()
        or first[0].isdigit()
        or _plural(first)
        or len(words) <= 3  # "social scientists", "hacking experts"
    )
    if not starts_ok:
        return False
    for w in words[1:-1]:  # "the poll shows voters": a verb inside, not one phrase
        if _plural(w) and w not in ("news", "sales", "sports", "arms", "affairs", "politics"):
            return False
    if head[0].isupper() or head[0].isdigit() or low_head in _COMMON_HEADS:
        return True
    if low_first in _DETERMINERS and len(words) > 1 and not low_head.endswith(("ly", "ing", "ed")):
        return low_head not in _NOT_OPENING  # "The anti-abortion movement", "the front-runner"
    if low_head.endswith(("'s", "’s")):
        return False
    return _plural(head)


def _plural(word: str) -> bool:
    """A lower-case word that reads as a plural noun ("critics", not "nervous" or "this")."""
    if re.fullmatch(r"[a-z][a-z-]{1,}men", word):
        return True  # "fishermen", "congressmen"
    return re.fullmatch(r"[a-z][a-z-]{2,}s", word) is not None and not word.endswith(
        ("ss", "us", "is", "ous", "'s", "’s")
    )


def _tail_ok(tail: str) -> bool:
    """What follows the first chunk: phrases and relative clauses, no verb of its own."""
    if len(_WORD.findall(tail)) > _MAX_SUBJECT_WORDS:
        return False
    # "the report, released Monday, …" is fine; "the plan is dead" is a clause
    tail = _ASIDE.sub(" ", tail)  # "Sen. Roe (a Democrat who has …) says": an aside
    return all(_RELATIVE_WORD.search(tail[: aux.start()]) for aux in _AUX.finditer(tail))


def _core_ref(article: _Article, a: int, core: str, tail: str) -> SpeakerRef:
    """The speaker a subject's first chunk names: a person, an outlet, else the phrase.

    A quantity keeps its of-phrase ("about half of primary voters"): the half alone
    names nobody.
    """
    text = article.text
    low = core.lower()
    common = low in _COMMON_HEADS or _plural(low)  # "Majorities", "Officials": no name
    opening = _WORD.findall(low)[0] in _OPENING_WORDS  # "About half", "Some", "The …"
    if "'" not in core and "’" not in core and core[:1].isupper() and not common and not opening:
        ref = subject_after(text, a, a + len(core), article.is_outlet, sentence_start=True)
        if (
            ref is not None
            and ref.kind in ("name", "role")
            and a <= ref.pos < a + len(core)
            and not article.in_outlet_name(ref.pos)
        ):
            return ref
    if article.is_outlet(re.sub(r"^(?i:the)\s+", "", core)):
        return SpeakerRef("outlet", pos=a)  # type: ignore[arg-type]
    name = core
    of = _QUANTITY_OF.match(tail) if _WORD.findall(low)[-1] in _QUANTITIES else None
    if of is not None:
        name = core + of.group(0).rstrip(" ,")
    if opening:
        name = name[0].lower() + name[1:]
    return SpeakerRef("body", name=name, pos=a)

"""Where a reported clause starts and ends, and the attribution shapes around one.

    cue ──► _clause_start: past adjuncts and "that"; is what follows a clause?
        ──► shapes: "…, saying (that) …" (_participle), "Republicans who say …"
            (_relative_who), «Россия, по словам Пескова, готова …» (_medial, two
            fragments), "according to X" (_according_phrase); the closing "…, X said."
            is trailing.py's (_trailing)
        ──► _trim_clause: drop a dateline, a trailing credit, a writer's parenthetical

Each shape returns (cue, subject, start, end) tuples that `reported.py` turns into
candidates; `_trim_clause` is used by credited claims too.
"""

from __future__ import annotations

import re

from quotetrail.core.extract.adjuncts import (
    _AUX,
    _AUX_WORDS,
    _BARE_CLAUSE,
    _COORDINATED,
    _MIXED_AFTER,
    _NEEDS_THAT,
    _OBJECT_PRONOUN,
    _PREP_START,
    _SAID_OBJECTS,
    _SAY,
    _TOLD,
    _TOLD_NP,
    _WH,
    _past_adjuncts,
)
from quotetrail.core.extract.article import (
    _CYRILLIC,
    _DIRECT_CLAUSE_START,
    _LEADING_FILLER,
    _RELATIVE,
    _WORD,
    _Article,
    _words,
)
from quotetrail.core.extract.noun_phrases import _long_subject, _phrase_subject
from quotetrail.core.extract.subjects import _subject
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import SpeakerRef, body_before, subject_after, subject_before
from quotetrail.core.speech import THAT, Cue, find_cues


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
        and not re.search(r"[.;:!?]|\s(?:--|—|–)\s", text[cue.end : m.start()])
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
    if low in _SAY and _QUANTITY_START.match(nxt):
        return start  # "said about half of the cuts …", "said more than 1 million riders …"
    if not nxt or _PREP_START.match(nxt) or not nxt[0].isalnum() or _WHEN_ASKED.match(nxt):
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
    if low in _REPORTED and _BARE_CLAUSE.match(nxt) and _REPORTED_CLAUSE.match(head):
        return start  # "The Times reported the ferry capsized hours after …"
    if _finite_clause(head) and not _NOUN_CUE.search(text, max(0, cue.start - 12), cue.start):
        return start  # (not after "the comments", "her claims": a noun, not a verb)
    return None


# a quantity opening a clause: "about half of", "more than 1 million", "at least 30 people"
_QUANTITY_START = re.compile(
    r"(?:about|around|nearly|almost|roughly|(?:more|fewer|less)\s+than|at\s+least)\s+"
    r"(?:\$?\d|one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+third"
    r"|a\s+quarter|a\s+dozen|a\s+million|a\s+billion|a\s+hundred|hundreds|thousands|dozens)"
    r"[^\s,.;:]*\s+(?:[\w%$.,'’-]+\s+){0,9}?"
    r"(?:is|are|was|were|will|would|could|can|should|may|might|has|have|had|do|does|did|made"
    r"|gave|took|came|went|got|paid|spent|won|lost|left|saw|felt|thought|say|said"
    r"|(?-i:[a-z]{3,}ed))\b",
    re.IGNORECASE,
)


_REPORTED = frozenset(_words("reported reports wrote writes"))
# a subject of up to five words, then a past verb (not a participle: "reported earnings
# driven by …"): "reported the ferry capsized …", "reported two boats collided …"
_REPORTED_CLAUSE = re.compile(
    r"(?:[\w'’$%.-]+\s+){1,5}?(?:came|went|made|gave|took|paid|spent|won|lost|left|sold"
    r"|bought|told|said|knew|met|(?-i:[a-z]{3,}ed))\s+(?!by\b|in\b|on\b|for\b|to\b|with\b)",
    re.IGNORECASE,
)


_NOUN_CUE = re.compile(
    r"(?<![\w-])(?:the|a|an|his|her|their|its|our|my|your|these|those|several|many|some"
    r"|recent|earlier|past|negative)\s+$",
    re.IGNORECASE,
)


# a subject in the nominative can only open a clause: "suggested he beat expectations"
_NOMINATIVE = re.compile(r"(?:he|she|they|we|i)\s+(?!who\b)(?-i:[a-z])", re.IGNORECASE)


def _finite_clause(head: str) -> bool:
    """Does the text after a verb other than say/tell open a clause without "that"?

    Such verbs mostly take objects ("noted the decline"), so only a clause that can
    be nothing else: one opened by a nominative pronoun subject.
    """
    return bool(_NOMINATIVE.match(head))


# "when asked whether", "was asked if", "after being asked how": a question put to someone
_ASKED_PASSIVE = re.compile(
    r"(?<![\w-])(?:when|after\s+being|was|were|being|been|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def _passive_asked(text: str, cue: Cue) -> bool:
    """ "was asked", "when asked": the cue's subject is the one asked, not the asker."""
    return cue.lower == "asked" and bool(
        _ASKED_PASSIVE.search(text, max(0, cue.start - 25), cue.start)
    )


# "said when asked whether …": the question put to the speaker follows, not their words
_WHEN_ASKED = re.compile(r"(?:when|after\s+being|if)\s+asked\b", re.IGNORECASE)


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
            if _BARE_OBJECT.fullmatch(text, a, p.start):
                return [(p, ref, m.end(), b)]  # "wrote a letter arguing that …": an object
            return [(cue, ref, a, p.start), (p, ref, m.end(), b)]
        bare = _bare_after_participle(text, p, a, b)
        if bare is not None:
            end, start = bare
            return [(cue, ref, a, end)] + ([] if start is None else [(p, ref, start, b)])
    return _split_ru_coordinated(article, results)


def _bare_after_participle(text: str, p: Cue, a: int, b: int) -> tuple[int, int | None] | None:
    """ "X said A, saying B" / "X announced A, calling it …": where A ends (the comma
    before the participle) and where the participle's own clause starts (None when it
    takes an object: A only ends there). Only an English participle after a comma."""
    if _CYRILLIC.search(p.text):
        return None
    comma = text.rfind(",", a, p.start)
    if comma < 0 or text[comma + 1 : p.start].strip() or len(_WORD.findall(text[a:comma])) < 3:
        return None
    nxt = text[p.end : b].lstrip()
    if p.lower == "saying" and (_DIRECT_CLAUSE_START.match(nxt) or _BARE_CLAUSE.match(nxt)):
        return comma, b - len(nxt)
    if _bare_participle_clause(nxt, p):
        return comma, b - len(nxt)
    return comma, None


# what a verb of writing or saying may take as its object before a participle
_BARE_OBJECT = re.compile(
    r"\s*(?:a|an|the|his|her|their|its|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:letter|statement|note|memo|op-ed|column|post|message|email|tweet|speech|report"
    r"|essay|book|piece|article|editorial|blog|release|response|reply)[\s,]*",
    re.IGNORECASE,
)


# "… and said", ", but added", "and later insisted": the subject's second verb, no new subject
_EN_AND_VERB = re.compile(
    r"(?:,\s*|\s+)(?:and|but)\s+(?:(?:also|later|then|again|further|even|repeatedly)\s+)?$",
    re.IGNORECASE,
)


def _split_en_coordinated(article: _Article, found: tuple) -> list[tuple]:
    """ "Roe said A and said B", "Roe said A but added that B" → A and B, both Roe's.

    A verb of saying joined to the clause by "and"/"but" with no subject of its own is
    the speaker's second statement, not part of A: A ends at the conjunction. Its own
    clause, when it has one, is a second quote of the same speaker ("and called for a
    ban" has none: only A is cut short). "saying A and suggesting B" splits the same way.
    """
    text = article.text
    cue, ref, a, b = found
    if _CYRILLIC.search(cue.text):
        return [found]
    for p in article.cues(a, b):
        if p.kind != "verb" or p.start <= a:
            continue
        conj = _EN_AND_VERB.search(text, max(a, p.start - 30), p.start)
        if conj is None or len(_WORD.findall(text[a : conj.start()])) < 2:
            continue
        first = (cue, ref, a, conj.start())
        start = _clause_start(text, p, b)
        if start is None:
            return [first]
        return [first, *_split_en_coordinated(article, (p, ref, start, b))]
    act = _EN_SECOND_ACT.search(text, a, b)
    if act is not None and len(_WORD.findall(text[a : act.start()])) >= 3:
        return [(cue, ref, a, act.start())]
    return [found]


# ", but appeared to …", ", and has championed …", ", but did not say …": after a comma, the
# speaker's next act (a past verb with no subject of its own) closes what they said
_EN_SECOND_ACT = re.compile(
    r",\s*(?:and|but)\s+(?:(?:also|later|then|again|quickly|never)\s+)?"
    r"(?:(?:did|would|could|does)\s+not\s+|(?:didn|wouldn|couldn|doesn)[’']t\s+"
    r"|(?:has|have|had)\s+(?:also\s+)?)?(?-i:[a-z]{3,}ed)(?![\w-])",
    re.IGNORECASE,
)


# «…, и добавил, что …», «…, а глава минфина Денис Ревин добавил, что …»
_RU_AND = re.compile(r",\s*(?:и|а|но)(?:\s+также)?\s+", re.IGNORECASE)


def _split_ru_coordinated(article: _Article, results):
    """«X заявил, что A, и добавил, что B» → two clauses: X says B too (or the subject
    standing between the conjunction and the second verb does)."""
    text = article.text
    cue, ref, a, b = results[0]
    if len(results) != 1 or not _CYRILLIC.search(cue.text):
        return results
    for p in article.cues(a, b):
        if p.kind != "verb" or p.participle:
            continue
        that = THAT.match(
            text, p.end + len(text[p.end : p.end + 3]) - len(text[p.end : p.end + 3].lstrip(" ,"))
        )
        comma = text.rfind(",", a, p.start)
        conj = _RU_AND.match(text, comma) if comma > a else None
        if that is None or conj is None:
            continue
        second = ref
        if text[conj.end() : p.start].strip():
            second = subject_before(text, conj.end(), p.start, article.is_outlet)
            if second is None:
                continue
        return [(cue, ref, a, comma), (p, second, that.end(), b)]
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
        aside = _ASIDE_THAT.match(text, cue.end, s.end) if start is None else None
        if aside:
            start = aside.end()  # "saying, apparently for the first time, that …"
        if start is None and _bare_participle_clause(nxt, cue):
            start = s.end - len(nxt)  # "…, arguing he did not want to tip the scales"
        if start is None:
            start = _participle_clause(text, cue, s.end)
        ref = subject_after(text, s.start, cue.start, article.is_outlet, sentence_start=True)
        main = [c for c in cues if c.kind == "verb" and not c.participle and c.end <= cue.start]
        if ref is None and main:  # `"…," said Ann Diaz, adding that …`: the main verb's
            verb = main[-1]
            inverted = not re.search(r"\w", text[max(s.start, verb.start - 4) : verb.start])
            # (`"…," Orlan said in Lisle, adding …`: the subject before the verb)
            ref = _subject(article, verb, s.start, cue.start, prefer_after=inverted)
            if ref is None and not inverted:  # `"…," the candidate told X, saying …`
                ref = _phrase_subject(article, s, verb)
        elif ref is None and start is not None:
            ref = _main_clause_subject(article, s, cue)
        if start is not None and ref is not None:
            return [(cue, ref, start, s.end)]
    return []


_ASIDE_THAT = re.compile(r"\s*,[^,.;:!?\"“”]{2,60},\s*(?:that|что)\b", re.IGNORECASE)


def _bare_participle_clause(nxt: str, cue: Cue) -> bool:
    """Does a clause without "that" follow a participle ("…, claiming he was wasting time")?

    Only an English participle, and only words that cannot be an object: a nominative
    pronoun subject, or (after "saying") a clause whose first words hold an auxiliary
    ("saying industry lobbyists have donated"), not "claiming victory".
    """
    if _CYRILLIC.search(cue.text) or cue.lower == "telling":
        return False
    if _NOMINATIVE.match(nxt):
        return True
    head = nxt.split(",", 1)[0]
    return cue.lower == "saying" and bool(_AUX.search(" ".join(_WORD.findall(head)[:6])))


def _participle_clause(text: str, cue: Cue, end: int) -> int | None:
    """ "…, claiming the move would cost millions": a bare clause after a participle of
    saying, read as after the finite verb ("claimed the move would …") — a clause start
    and a finite verb early on, else nothing (an object: "citing the report")."""
    if cue.lower not in _BARE_PARTICIPLES:
        return None
    return _clause_start(text, Cue(cue.start, cue.end, cue.text, "verb"), end)


_BARE_PARTICIPLES = frozenset(
    _words(
        "saying claiming arguing noting adding insisting warning suggesting asserting contending"
        " explaining stressing acknowledging predicting declaring stating telling arguing"
    )
)


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
        at = Cue(antecedent, antecedent, "said", "verb")
        ref = (
            subject_before(text, lo, antecedent, article.is_outlet)
            or _phrase_subject(article, np, at)
            or _long_subject(article, np, at)  # "groups, donors and business leaders who say"
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
        or _long_subject(article, s, pseudo)  # "Democrats in the state legislature"
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


_NEGATED = re.compile(r"(?<![\w-])not(?![\w-])|n[’']t\b", re.IGNORECASE)
_SOURCE_PHRASE = re.compile(
    r"\s+(?P<np>(?:the\s+|an?\s+)?(?:(?-i:[A-Z])[\w.&'’-]*|[a-z][\w-]*)"
    r"(?:\s+(?:(?-i:[A-Z])[\w.&'’-]*|of|for|at|[a-z][\w'’-]*)){0,9}?)"
    r"(?:,\s+(?-i:[RDI])-[A-Z][\w.]*)?\s*[.!?]?\s*$",  # "former Sen. Scott Brown, R-Mass."
    re.IGNORECASE,
)


_SOURCE_RELATIVE = re.compile(r",?\s+(?:who|whom|whose)\b")
# an unnamed person is a source too: "according to a person who attended"
_PERSON_SOURCE = re.compile(
    r"\b(?:person|people|official|officials|officer|aide|aides|adviser"
    r"|advisers|spokes(?:man|woman|person)|lawyer|attorney|witness|witnesses|insider|insiders"
    r"|source|sources|diplomat|diplomats|investigator|investigators|members|staff|friends"
    r"|relatives|neighbors|neighbours|colleagues|prosecutors|lawyers|attorneys|executives?"
    r"|attendees?|participants?|organi[sz]ers?|senators?|lawmakers?|leaders?|chairs?|chairman"
    r"|chairwoman|analysts?|experts?|economists?|researchers?|employees?|strategists?"
    r"|operatives?|donors?|delegates?|activists?|residents?|supporters?|critics?)\b"
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


_RU_MOL = re.compile(r"(?:мол|дескать)(?:,\s*|\s+)", re.IGNORECASE)


def _trim_clause(article: _Article, a: int, b: int) -> tuple[int, int]:
    text = article.text
    dateline = _DATELINE.match(text, a, b)
    if dateline:
        a = dateline.end()
    while a < b and (text[a].isspace() or text[a] in "—–-:,"):
        a += 1
    mol = _RU_MOL.match(text, a, b)
    if mol:
        a = mol.end()  # «сказал следователям: мол, в тот вечер …»: the particle is the writer's
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


# "a gap that security experts say renders the wall moot", "where party leaders say the
# mogul has shown strength": a relative clause whose subject says something of its
# antecedent ("which officials said …" stays the writer's aside, as in `_medial`)
_RELATIVE_SAYING = re.compile(
    r"(?<![\w-])(?:that|where|what)\s+(?P<np>(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)\s+"
    r"(?P<cue>say|says|said|argue|argues|argued|claimed|insist|insists|insisted"
    r"|contend|contends|contended|warn|warns|warned)\s+(?=(?P<next>[\w'’-]+))",
    re.IGNORECASE,
)
_VERB_NEXT = re.compile(
    r"(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|does|did"
    r"|went|came|made|(?-i:[a-z]{3,}(?:ed|es|s)))$",
    re.IGNORECASE,
)
_RELATIVE_STOP = re.compile(r"[,;:()—–]|\s-{1,2}\s")
_NOT_A_RELATIVE_SUBJECT = frozenset(_words("i you it this that there what who he she they we"))
# a determiner right before the cue makes the cue a noun: "that those claims could …"
_DETERMINER = frozenset(_words("the a an those these this that his her their its our my your"))


def _relative_saying(article: _Article, s: Sentence, cues: list[Cue]):
    """ "…, a deadline that party insiders said went unnoticed." — the insiders' words.

    The relative clause's subject (a person, a group as written) says the rest of the
    clause of its antecedent; it ends at the next comma or dash. Only when a verb (an
    auxiliary or an inflected form) follows the cue, so "the book that she said she
    liked" and "that they say" with an object stay out.
    """
    text = article.text
    out = []
    starts = {c.start for c in cues if c.kind == "verb" and not c.participle}
    for m in _RELATIVE_SAYING.finditer(text, s.start, s.end):
        if m.start("cue") not in starts or not _VERB_NEXT.match(m.group("next")):
            continue
        np = m.group("np")
        words = np.split()
        if words[0].lower() in _NOT_A_RELATIVE_SUBJECT or words[-1].lower() in _DETERMINER:
            continue
        if _RELATIVE_STOP.search(np):
            continue
        cue = next(c for c in cues if c.start == m.start("cue"))
        stop = _RELATIVE_STOP.search(text, m.end(), s.end)
        end = stop.start() if stop else s.end
        if len(_WORD.findall(text[m.end() : end])) < 2:
            continue
        out.append((cue, _relative_subject(article, m, cue), m.end(), end))
    return out


def _relative_subject(article: _Article, m: re.Match[str], cue: Cue) -> SpeakerRef | None:
    """Who speaks in a relative clause: the subject between the pronoun and the cue only."""
    text, lo = article.text, m.start("np")
    for ref in (
        subject_before(text, lo, cue.start, article.is_outlet),
        body_before(text, lo, cue.start, article.is_outlet),
    ):
        if ref is not None and ref.pos >= lo and ref.kind != "outlet":
            return ref
    np = re.sub(r"^(?:the|a|an)\s+", "", m.group("np"), flags=re.IGNORECASE)
    return SpeakerRef("body", name=np, pos=lo) if np[:1].islower() else None

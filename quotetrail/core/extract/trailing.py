"""Closing attributions: the speaker after the reported words, "…, Putin said."

    sentence ──► _trailing: the last cue after a comma or dash closes the sentence
                   ├─► inverted ("…, said Ann Orlan") or not ("…, Orlan said"), a tail
                   │     after it (an appositive, a relative clause, ", adding that …")
                   │     read by _trailing_appositive / _speaker_tail / _added_clause
                   └─► «…, пишет «Коммерсантъ».»: an outlet alone closing the sentence is
                         the outlet's report (_ru_outlet_tail)

Split from clauses.py, which finds where a clause starts and ends; this module only
decides whether the words before a closing attribution are its content, and whose.
"""

from __future__ import annotations

import re

from quotetrail.core.extract.adjuncts import (
    _AUX,
    _BARE_CLAUSE,
    _past_adjuncts,
)
from quotetrail.core.extract.article import (
    _CYRILLIC,
    _RELATIVE,
    _WORD,
    _Article,
    _words,
)
from quotetrail.core.extract.clauses import (
    _ADJUNCT_HEAD,
    _CLOSING_AFTER_COMMA,
    _NEGATED,
    _RU_GERUND_TAIL,
    _SOURCE_RELATIVE,
    _according_phrase,
    _is_credit,
    _passive_asked,
)
from quotetrail.core.extract.noun_phrases import _phrase_subject
from quotetrail.core.extract.subjects import _subject
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import body_before, subject_after
from quotetrail.core.speech import THAT, Cue, find_acts

# "…, adding that he believed …": a verb inside a participle's clause is not the main verb
_IN_PARTICIPLE_CLAUSE = re.compile(
    r"(?<![\w-])(?:adding|saying|noting|arguing|claiming|insisting|explaining|stressing"
    r"|suggesting|warning)\s+that\s+(?:[\w'’.-]+\s+){1,3}$",
    re.IGNORECASE,
)


_RELATIVE_CUE = re.compile(r"(?<![\w-])(?:who|which)\s+(?:also\s+|\w+ly\s+)?$", re.IGNORECASE)


def _trailing(article: _Article, s: Sentence, cues: list[Cue]):
    """ "Russia will win, Putin said." / «…, — заявил Песков.» / "…, according to Peskov."

    The attribution may carry a tail of its own (`_speaker_tail`): "…, said Ann Orlan,
    a port analyst", "…, Orlan said, adding that …" (then the added words are a second
    quote of hers).
    """
    text = article.text
    cue, added = cues[-1], None
    if len(cues) > 1 and _RELATIVE_CUE.search(text, max(s.start, cue.start - 24), cue.start):
        cue = cues[-2]  # "…, said Ann Orlan, an analyst who notes that …": her relative clause
    if _passive_asked(text, cue) and len(cues) > 1:
        cue = cues[-2]  # "…, Orlan said when asked whether …": the question is no speaker's
    if cue.participle and len(cues) > 1 and not _CYRILLIC.search(cue.text):
        added, cue = cue, cues[-2]  # "…, Orlan said, adding that …": the verb before it
        if cue.participle or cue.kind == "as" or "," not in text[cue.end : added.start]:
            return []
    if cue.kind == "as" or cue.participle:
        return []
    if _IN_PARTICIPLE_CLAUSE.search(text, max(s.start, cue.start - 50), cue.start):
        return []  # "…, adding that he believed …": the participle's clause (`_participle`)
    if _passive_asked(text, cue):
        return []  # "…, he was asked what …": a question put to him follows
    comma = max(text.rfind(",", s.start, cue.start), text.rfind("—", s.start, cue.start))
    if comma <= s.start:
        return []
    if added is None and cue.kind == "verb" and not text[comma + 1 : cue.start].strip():
        appositive = _trailing_appositive(article, s, cue, comma)
        if appositive:
            return appositive
    inverted = cue.kind == "according" or (
        cue.lower in _INVERTING and not _WORD.search(text, comma + 1, cue.start)
    )
    end = _speaker_tail(text, cue, added.start if added else s.end, inverted=inverted)
    if end < s.end and not _short_tail_ok(text, s, cue, comma, end, inverted=inverted):
        return []
    credit = text.find(",", cue.end, s.end)
    if credit > 0 and _is_credit(article, credit + 1, s.end):
        end = min(end, credit)  # «…, заявил замминистра Андрей Рябинин, передает ТАСС.»
    gerund = _RU_GERUND_TAIL.search(text, cue.end, end) if _CYRILLIC.search(cue.text) else None
    if gerund is not None:
        end = gerund.start()  # «…, заявил Галиев, выступая на форуме в Уфе.»: not his words
    relative = _SOURCE_RELATIVE.search(text, cue.end, end) if cue.kind == "according" else None
    if relative is not None:
        end = relative.start()  # "…, according to Jason Ruiz, who advised the campaign."
    before, after = _WORD.findall(text[comma + 1 : cue.start]), _WORD.findall(text[cue.end : end])
    longest = 10 if cue.kind == "according" else 7  # "according to Amy Roe of the X Institute"
    if len(after) > longest or (before and before[0].lower() in _RELATIVE):
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
    if ref is None and _ru_outlet_tail(article, cue, s):
        return [(cue, None, s.start, comma)]  # «…, пишет «Коммерсантъ».»: the outlet's words
    if not ref:
        return []
    close = _CLOSING_AFTER_COMMA.match(text, comma + 1)  # `The plan “was a mistake,” X said`
    head = (cue, ref, s.start, close.end() if close else comma)
    if added is None:
        return [head]
    rest = _added_clause(text, added, s.end)
    return [head] if rest is None else [head, (added, ref, rest, s.end)]


# an appositive between a closing name and its verb: "21", "a port analyst", "the harbour
# master at Lisle", "who runs the pier"
_APPOSITIVE = re.compile(
    r"\s*(?:\d{1,3}|(?:a|an|the|his|her|their|its|who|whose|former|then|now|chief|senior"
    r"|(?-i:[a-z])[\w-]*(?:or|er|ist|ant|ent|man|woman))\b)[^,;:()—–]{0,120}$",
    re.IGNORECASE,
)


def _trailing_appositive(article: _Article, s: Sentence, cue: Cue, comma: int):
    """ "The pier will close, Ann Orlan, a senior analyst at the institute, said."

    A closing attribution whose name is set off from the verb by appositives (up to
    three: "Ann Orlan, 41, a farmer, said"): the name is the speaker, the words before
    the comma that opens the name are hers. Only a verb alone after the last comma (or
    with a short adjunct: ", said on Tuesday") and a name filling its chunk.
    """
    text = article.text
    tail = _WORD.findall(text[cue.end : s.end])
    if len(tail) > 6 or article.cues(cue.end, s.end):
        return []
    right = comma
    for _ in range(3):
        left = text.rfind(",", s.start, right)
        if left <= s.start or not _APPOSITIVE.match(text, left + 1, right):
            return []
        if article.cues(left, right) or article.in_span(left):
            return []
        start = text.rfind(",", s.start, left)
        if start <= s.start:
            return []
        chunk = text[start + 1 : left].strip()
        ref = subject_after(text, start + 1, left, article.is_outlet, sentence_start=True)
        if ref is not None and ref.kind == "name" and len(chunk.split()) <= 5:
            if chunk.split()[-1].rstrip(".") != (ref.name or "").split()[-1].rstrip("."):
                return []  # the name must close its chunk: nothing after it
            if len(_WORD.findall(text[s.start : start])) < 3:
                return []
            return [(cue, ref, s.start, start)]
        right = left
    return []


# What may follow the speaker of a closing attribution without being their words: an
# appositive ("said Ann Orlan, a port analyst"), a relative or adverbial clause, a dash,
# a parenthesis, a coordinated clause of the writer's (", and it has …")
_SPEAKER_TAIL = re.compile(
    r",\s*(?:and|but|even|while|as|because|though|although|when|citing)\b"
    r"|\s+(?:when|after\s+being|if)\s+asked\b"
    r"|\s(?:--|—|–)\s|\s\(",
    re.IGNORECASE,
)
# after a speaker named after the verb ("said Ann Orlan, a port analyst"), also who they are
_APPOSITIVE_TAIL = re.compile(
    r",\s*(?:a|an|the|his|her|their|its|who|whom|whose|which|in|at|on|during|with)\b",
    re.IGNORECASE,
)


def _speaker_tail(text: str, cue: Cue, end: int, *, inverted: bool) -> int:
    """Where a closing attribution's speaker ends: before the first tail, else at `end`.

    Only for English cues (Russian tails are handled by their own patterns) and only
    a tail within a few words of the cue, so the speaker phrase itself stays short. An
    appositive counts only after an inverted speaker: in "…, he said, a day after …"
    the phrase is the writer's, and "…, he said, the plan …" is a medial attribution.
    """
    if _CYRILLIC.search(cue.text):
        return end
    hi = min(end, cue.end + 80)
    tails = [_SPEAKER_TAIL.search(text, cue.end, hi)]
    if inverted:
        tails.append(_APPOSITIVE_TAIL.search(text, cue.end, hi))
    return min((m.start() for m in tails if m), default=end)


# verbs written before their subject: "…, said Ann Orlan" ("…, denied the report" is not)
_INVERTING = frozenset(
    _words(
        """
    said says say added adds noted notes wrote writes asked asks explained explains recalled
    argued told reported stated observed insisted warned concluded acknowledged replied
    responded continued
    """
    )
)


def _short_tail_ok(text: str, s: Sentence, cue: Cue, comma: int, end: int, *, inverted: bool):
    """May an attribution cut short by a tail close the sentence's reported words?

    Not when the head is only a circumstance ("On Saturday, Orlan said, and …"), nor
    when a verb with its subject before it has more than a time or channel after it:
    in "…, the party called a referendum — …" the verb has an object, it attributes
    nothing.
    """
    if _ADJUNCT_HEAD.match(text, s.start, comma):
        return False
    if inverted:
        return True
    gap = _past_adjuncts(text, cue.end, end, addressee=True)
    return not _WORD.search(text, gap, end)


def _added_clause(text: str, added: Cue, end: int) -> int | None:
    """Where the words after "adding that"/"saying" begin, or None when no clause follows."""
    m = THAT.match(text, added.end + 1) or THAT.match(text, added.end + 2)
    if m:
        return m.end()
    nxt = text[added.end : end].lstrip()
    if added.lower == "saying" and _BARE_CLAUSE.match(nxt) and _AUX.search(nxt[:60]):
        return end - len(text[added.end : end].lstrip())
    return None


def _ru_outlet_tail(article: _Article, cue: Cue, s: Sentence) -> bool:
    """«…, сообщает РИА Новости.», «…, пишет «Коммерсантъ».»: an outlet alone after a
    Russian verb that closes the sentence reports the clause before it itself."""
    if cue.kind != "verb" or not _CYRILLIC.search(cue.text):
        return False
    rest = article.text[cue.end : s.end].strip(' \t\n.«»"')
    if not rest or "," in rest or not _is_credit(article, cue.end, s.end):
        return False
    comma = article.text.rfind(",", s.start, cue.start)
    # «Министр призвал стороны к сдержанности, пишет «Коммерсантъ».»: a speech act of a
    # person the outlet reports is a claim (claims.py), not the outlet's own words
    return not article.cues(s.start, comma) and not find_acts(article.text, s.start, comma)

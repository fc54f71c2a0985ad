"""Speakers across the article (step 5 of the package map).

    «Об этом заявил X» / "This was said by X" ──► the quotes before it (back-attributions)
    each candidate's ref ──► speakers.Resolver: "he", «она», "the minister" resolve to
                             the last fitting person; names normalised, one per person
    a role nobody held ──► a person with that title named later, else as written

Runs after every candidate exists, in article order, since "he" means the last fitting
person named before the quote, whichever stage found the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from quotetrail.core.attribution import points_back
from quotetrail.core.extract.article import _Article, _by_para, _Candidate, _preceding
from quotetrail.core.extract.subjects import _subject
from quotetrail.core.speakers import (
    Person,
    Resolver,
    SpeakerRef,
    find_full_names,
    find_titled_mentions,
    subject_after,
)
from quotetrail.core.speakers.mentions import _CONTRACTION
from quotetrail.core.speakers.morphology import surname_key
from quotetrail.core.speakers.names import Gender


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


def _resolve_speakers(article: _Article, candidates: list[_Candidate]) -> None:
    resolver = Resolver()
    found = find_titled_mentions(article.text, article.is_outlet)
    found += find_full_names(article.text, article.is_outlet)
    mentions = sorted((m for m in found if not article.in_span(m.pos)), key=lambda m: m.pos)
    subjects = _sentence_subjects(article, mentions, _inside_quotes(mentions, candidates))
    speaking = _speaking_surnames(article.text, candidates)
    starts = [m.pos for m in mentions]  # sorted
    places = _place_names(article.text)
    surnames = {m.name.split()[-1] for m in mentions if " " in m.name.strip()}
    groups = _plural_subjects(article, surnames)
    documents = _body_subjects(article)
    events: list[tuple[int, int, object]] = [(m.pos, 0, m) for m in mentions]
    events += [(_resolve_at(c), 1, c) for c in candidates]
    events.sort(key=lambda e: (e[0], e[1]))
    previous: _Candidate | None = None
    subject_of: dict[int, Person] = {}  # sentence index → the person who is its subject
    quoted = {c.sentence for c in candidates if c.kind != "term"}
    for _pos, _order, item in events:
        if isinstance(item, SpeakerRef):
            sentence = subjects.get(item.pos)
            subject = sentence is not None and sentence not in subject_of
            if item.known_only and surname_key(item.name) in speaking:
                item = replace(item, known_only=False)  # "Obama also addressed …": he speaks later
            gender = _own_pronoun(article, item, starts) if subject else None
            place = item.name in places
            person = resolver.mention(item, subject=subject, gender=gender, place=place)
            if person is not None and subject:
                subject_of[sentence] = person
            continue
        c = item
        if c.kind == "term":
            continue
        introducer = _introducing_sentence(article, c, quoted, subject_of)
        if c.ref is not None:
            ref = (
                _opened_by(c.ref, "they", groups, resolver.group_at)
                or _opened_by(c.ref, "it", documents, resolver.it_at)
                or c.ref
            )
            c.person = resolver.speaker(ref, c.cue.feminine if c.cue else None)
            _keep_sentence_subject(article, c, subject_of, resolver)
        elif c.inherit and introducer is not None:
            c.person = introducer  # "Howard continued his remarks. “Eight years ago …”"
            resolver.speaker(SpeakerRef("name", name=introducer.name))
        elif c.inherit and previous is not None and c.para - previous.para <= 1:
            c.person = previous.person
            c.cue = c.cue or previous.cue
        if c.person is not None:
            previous = c
    _name_unnamed_roles(resolver, candidates, mentions)


# a sentence that opens on a plural noun phrase and its verb: "Critics of the plan argue
# …", "Senior officials at the agency have …", "Republicans say …", "Roe and Diaz argued"
_GROUP_DET = (
    r"(?:(?:[Tt]he|Some|some|Many|many|Most|most|Several|several|Other|other|Both|both|All|Few"
    r"|Those|These|Two|Three|Four|Five|\d+|[A-Z][\w.-]*['’]s)\s+)?"
)
_GROUP_NAME = r"[A-Z][a-z]+(?:icans|ians|crats|ennials|ists|ives|icals|olics|anics|ites)"
_GROUP_SUFFIX = (
    r"(?:ers|ists|ians|ans|ants|(?<!m)ents|crats|als|ives|ees|ors|ies|ups|ritics|ates|ands"
    r"|ends|eads|bers|ders|des)"
)
_GROUP_HEAD = (
    r"(?:[a-z][\w-]*"
    + _GROUP_SUFFIX
    + r"|"
    + _GROUP_NAME
    + r"|people|police|men|women|children|folks|staff)"
)
_GROUP_PHRASE = (
    r"(?:"
    + _GROUP_DET
    + r"(?:[\w'’.-]+\s+){0,3}?"
    + _GROUP_HEAD
    + r"|[A-Z][a-z]+"
    + _GROUP_SUFFIX
    + r")"  # "Workers objected": the sentence's first word
    r"(?:\s+(?:at|in|of|for|from|with|close\s+to|on)\s+(?:the\s+)?[\w'’.-]+"
    r"(?:\s+[A-Z][\w'’.-]*){0,3})?"
    r"|(?!(?:He|She|I|We|They|It|You)\b)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?\s+and\s+"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?"
)
_NOT_VERB = (
    r"(?:of|in|at|for|from|with|and|or|who|that|which|to|on|by|the|a|an|as|about|is|was|has"
    r"|whose|whom|like|such|into|over|under|than|but|if|when|while)"
)
_GROUP_SUBJECT = re.compile(
    r"[\s\"“”'‘’(]*(?:(?:But|And|Still|Yet|Now|Meanwhile|While|Though|Although|As),?\s+)?"
    r"(" + _GROUP_PHRASE + r")(?:,[^,.;:!?\n]{1,80},|\s+who\s+[^,.;:!?\n]{1,60}?)?"
    r"\s+(?:also\s+|now\s+|have\s+|had\s+)?"
    r"(?!" + _NOT_VERB + r"\b)[a-z][a-z'’]+\b"
)
_GROUP_REACH = 800  # characters between the group's sentence and the "they" that means it


def _plural_subjects(article: _Article, surnames: set[str]) -> list[tuple[int, str]]:
    """Sentences that open on a group (position, phrase as written), in article order.

    Whom a later "they said" means when no group spoke since: "Critics of the plan
    gathered outside. The cuts, they said, …". Nobody tracks such a phrase as a name.
    A lone capitalised word that is the surname of somebody named in full is a person
    ("Dana Rogers … Rogers said"), not a group of rogers.
    """
    text = article.text
    out = []
    for s in article.sentences.items:
        opening = _OPENING_CLAUSE.match(text, s.start, min(len(text), s.start + 200))
        m = None
        if opening is not None:  # "Though some … say X, others argue …": the main clause's
            m = _GROUP_SUBJECT.match(text, opening.end(), min(s.end, opening.end() + 250))
        if m is None:
            m = _GROUP_SUBJECT.match(text, s.start, min(s.end, s.start + 250))
        if m is None or article.in_span(m.start(1)):
            continue
        phrase = m.group(1)
        if phrase in surnames:
            continue
        out.append((m.start(1), phrase))
    return out


def _opened_by(
    ref: SpeakerRef, pronoun: str, openers: list[tuple[int, str]], spoke_at: int
) -> SpeakerRef | None:
    """ "they" / "it" after a sentence opened by a group / a body or document (`openers`,
    by position) when none of its kind has spoken since (`spoke_at`): that phrase."""
    if ref.kind != "pronoun" or ref.name != pronoun or ref.pos < 0:
        return None
    i = bisect_left(openers, (ref.pos, "")) - 1
    if i < 0:
        return None
    pos, phrase = openers[i]
    if pos <= spoke_at or ref.pos - pos > _GROUP_REACH:
        return None
    return SpeakerRef("body", name=phrase, pos=pos)


# a sentence that opens on one body or document: "The statement from the panel said …",
# "A letter to the board warned …", "The committee's report found …"
_BODY_HEAD = (
    r"(?:e-?mail|statement|memo|memorandum|letter|report|post|release|ad|advertisement|video"
    r"|document|affidavit|complaint|lawsuit|filing|study|survey|poll|analysis|editorial"
    r"|article|tweet|message|campaign|committee|company|agency|department|organization"
    r"|board|panel|court|ruling|order|bill|website|site|book|notice|petition|proposal"
    r"|indictment|motion|brief|suit|union|association|firm|network|newspaper|paper|magazine"
    r"|group|commission|council|administration|ministry|office|party|team|foundation)"
)
_BODY_SUBJECT = re.compile(
    r"[\s\"“”'‘’(]*(?:(?:But|And|Still|Yet|Meanwhile),?\s+)?"
    r"((?:[Tt]he|An?|[A-Z][\w.-]*['’]s)\s+(?:[\w'’.-]+\s+){0,3}?" + _BODY_HEAD + r"\b"
    r"(?:\s+(?:from|of|by|to|at|in)\s+(?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*){0,3})?)"
    r"(?:,[^,.;:!?\n]{1,80},)?\s+(?:also\s+|has\s+|had\s+)?"
    r"(?!" + _NOT_VERB + r"\b)[a-z][a-z'’]+\b"
)


# "“…,” the email read.": a document cited after its words with a verb that is no cue
_BODY_AFTER_QUOTE = re.compile(
    r"[,?!][”\"'’]+\s+((?:the|an?|[A-Z][\w.-]*['’]s)\s+(?:[\w'’.-]+\s+){0,2}?"
    + _BODY_HEAD
    + r")\s+(?:read|reads|stated|states)\b"
)


def _body_subjects(article: _Article) -> list[tuple[int, str]]:
    """Sentences that open on one body or document (position, phrase as written).

    Whom a later `"…," it said` means when no body spoke since: "The memo reached the
    board on Friday. "…," it read." Nobody tracks a document as a speaker otherwise.
    """
    text = article.text
    out = []
    for s in article.sentences.items:
        m = _BODY_SUBJECT.match(text, s.start, min(s.end, s.start + 250))
        if m is not None and not article.in_span(m.start(1)):
            out.append((m.start(1), m.group(1)))
        for m in _BODY_AFTER_QUOTE.finditer(text, s.start, s.end):
            if not article.in_span(m.start(1)):
                out.append((m.start(1), m.group(1)))
    return sorted(out)


def _keep_sentence_subject(
    article: _Article, c: _Candidate, subject_of: dict[int, Person], resolver: Resolver
) -> None:
    """A speaker named inside another subject's sentence does not take the lead.

    "Roe turned on the paper, pointing out that its Jay Fox had reported …. He said …":
    the later "he" is still Roe, the subject, not Fox, cited in Roe's clause. A subject
    never cited speaking keeps no lead: it may be "Fair Grounds" or "San Diego".
    """
    if c.ref is None or c.ref.kind != "name" or c.ref.pos < 0 or c.person is None:
        return
    s = article.sentences.at(c.ref.pos)
    lead = subject_of.get(s.index) if s is not None else None
    if lead is not None and lead is not c.person and not lead.tentative:
        resolver.lead(lead)


def _speaking_surnames(text: str, candidates: list[_Candidate]) -> set[str]:
    """Surnames cited speaking anywhere in the article ("…," Obama stated).

    A lone surname is otherwise only a word in passing until somebody of that name is
    named in full; one who speaks later is a person from the first time the copy
    names them ("Obama also addressed the concerns. "…," he added.").
    """
    return {
        surname_key(c.ref.name.split()[-1])
        for c in candidates
        if c.ref is not None and c.ref.kind == "name" and _whole_name(text, c.ref)
    }


def _whole_name(text: str, ref: SpeakerRef) -> bool:
    """Is the cited name all there is, not the first word of a longer capitalised
    phrase ("voters on Super Tuesday said": "Super" is nobody)?"""
    end = ref.pos + len(ref.name)
    return bool(ref.name.strip()) and re.match(r"\s+[A-Z]", text[end : end + 3]) is None


# the person's own pronoun right after their name: "Sen. Lindsey Graham called out his
# rival": "his"/"himself" (male), "herself"/"her own" (female); a bare "her" is as often
# an object ("Trump attacked her"), and a pronoun past a comma, "that" or a verb of
# saying may be somebody else's ("Roe said that he …")
_OWN_PRONOUN = re.compile(r"\b(?:(his|himself)|(herself|her\s+own))\b", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(
    r"[,;:.!?\"“”]|\b(?:that|who|whom|whose|which|said|says|told|tells|and|or|but|with)\b",
    re.IGNORECASE,
)
_OWN_REACH = 60  # characters from the end of a name to its own pronoun


def _own_pronoun(article: _Article, m: SpeakerRef, starts: list[int]) -> Gender:
    """The gender the copy gives a sentence's subject with its own "his"/"herself".

    A first-name list cannot settle "Lindsey Graham" or a name it lacks; the article's
    own pronoun can, when no other name, clause or quote stands between.
    """
    text = article.text
    start = m.pos + len(m.name)
    if not text.startswith(m.name, m.pos):
        return None
    end = min(len(text), start + _OWN_REACH)
    i = bisect_left(starts, start)
    if i < len(starts):
        end = min(end, starts[i])  # no other name between
    hit = _OWN_PRONOUN.search(text, start, end)
    if (
        hit is None
        or _OTHER_CLAUSE.search(text, start, hit.start())
        or article.in_span(hit.start())
    ):
        return None
    return "m" if hit.group(1) else "f"


def _resolve_at(c: _Candidate) -> int:
    """Where a quote's speaker is resolved: at its pronoun when that comes first.

    In "She went on to say that, because Comey testified …, it is …" the "she" is
    somebody named before the pronoun, not Comey, named between it and the words.
    """
    if c.ref is not None and c.ref.kind == "pronoun" and 0 <= c.ref.pos < c.start:
        return c.ref.pos
    return c.start


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


# "Though he did not mention Marco Rubio …": a sentence whose subject is a pronoun is
# about the person already meant; a name after the pronoun is not its subject
_PRONOUN_SUBJECT = re.compile(r"(?<![\w-])(?:[Hh]e|[Ss]he)(?![\w-])")


def _possessive(text: str, m: SpeakerRef) -> bool:
    """Is the mention a possessive ("Donald Roe's campaign")? It then modifies the subject."""
    end = m.pos + len(m.name)
    if not text.startswith(m.name, m.pos) or text[end : end + 2] not in ("'s", "’s"):
        return False
    return _CONTRACTION.match(text, end + 2) is None  # "Christie's been making the case"


_OPENING_CLAUSE = re.compile(
    r"[\s\"“”'‘’(]*(?:When|Whenever|After|Although|Though|While|If|Because|Since|Before"
    r"|Until|Unlike|Like|Despite|Once|Asked|Unless|Whereas)\s+[^,.;:!?\n]{1,150},"
)


def _in_opening_clause(text: str, start: int, pos: int) -> bool:
    """Is `pos` inside a sentence-opening subordinate clause ("When Obama called, …")?"""
    m = _OPENING_CLAUSE.match(text, start, min(len(text), start + 200))
    return m is not None and pos < m.end()


_ADDRESSEE = re.compile(
    r"(?<![\w-])(?:told|to|with|by|from|asked|met|for|about|against|on|at|of|over|than)\s+$",
    re.IGNORECASE,
)


# "in Puerto Rico", "at Hewlett-Packard": a name written as a place or a firm
_LOCATIVE = re.compile(
    r"(?<![\w-])(?:in|at|near|outside|inside|across|throughout)\s+"
    r"([A-Z][\w'’.-]*(?:[^\S\n][A-Z][\w'’.-]*){0,2})(?![\w'’])"
)


def _place_names(text: str) -> set[str]:
    """Capitalised runs the copy writes after "in"/"at" ("in Puerto Rico"): one pass."""
    return {m.group(1).rstrip(".") for m in _LOCATIVE.finditer(text)}


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|an?|An?)\s+$")


def _sentence_subjects(
    article: _Article, mentions: list[SpeakerRef], inside: set[int]
) -> dict[int, int]:
    """The sentence of each mention that may be its sentence's subject (position → index).

    The first of them that names a known person is the subject (a lone "Super" before
    "Trump" names nobody); one spoken to or named inside somebody's words never is.
    """
    out: dict[int, int] = {}
    for i, m in enumerate(mentions):
        if m.pos in inside or _ADDRESSEE.search(article.text, max(0, m.pos - 12), m.pos):
            continue  # "the mayor told John Smith": the one spoken to is not a later "he"
        if _ARTICLE_BEFORE.search(article.text, max(0, m.pos - 6), m.pos):
            continue  # "in the Trump release, Manafort said": a name as a modifier
        if i + 1 < len(mentions) and _modifies_next(article.text, m, mentions[i + 1]):
            continue  # "Clinton campaign manager Robby Mook released a memo": Mook
        s = article.sentences.at(m.pos)
        if s is None or _PRONOUN_SUBJECT.search(article.text, max(s.start, m.pos - 200), m.pos):
            continue
        if _in_opening_clause(article.text, s.start, m.pos):
            continue  # "When Obama called, Clinton said …": Clinton is the subject
        if _possessive(article.text, m):
            continue  # "Donald Roe's remarks drew fire": the remarks are the subject
        out[m.pos] = s.index
    return out


# the words between "Clinton" and "Robby Mook" in "Clinton campaign manager Robby Mook":
# a job title that makes the first name a modifier of the second
_STAFF_TITLE = re.compile(
    r"(?:['’]s)?\s+(?:(?:campaign|senior|chief|top|deputy|former|longtime|press|policy"
    r"|communications|national|political|foreign|legal|economic|digital|field|state)\s+)*"
    r"(?:manager|chairman|chairwoman|chair|adviser|advisor|aide|spokesman|spokeswoman"
    r"|spokesperson|secretary|strategist|pollster|lawyer|attorney|director|staffer"
    r"|surrogate|ally|friend|rival|opponent|donor|supporter|backer|chief\s+of\s+staff)\s+$",
    re.IGNORECASE,
)


def _modifies_next(text: str, m: SpeakerRef, nxt: SpeakerRef) -> bool:
    """Is `m` only a modifier of the name right after it ("Trump adviser Jane Roe")?

    The sentence is about the adviser, whom a later "he"/"she" means.
    """
    end = m.pos + len(m.name)
    if not text.startswith(m.name, m.pos) or nxt.pos - end > 60 or nxt.pos <= end:
        return False
    return _STAFF_TITLE.fullmatch(text, end, nxt.pos) is not None

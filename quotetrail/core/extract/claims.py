"""Credited claims (step 6 of the package map): speech acts without quoted words.

    sentence with no quote ──► a speech act ("X thanked Y for …", «X призвал …»)
                           ──► or a credit to an outlet ("…, as RIA Novosti reported")
                           ──► claim candidate (kind "claim"), clause trimmed as reported

Runs after quotes, so a sentence that holds a quote never becomes a claim too.
"""

from __future__ import annotations

import re

from quotetrail.core.attribution import find_credits, points_back
from quotetrail.core.extract.article import _TERMINAL, _WORD, _Article, _Candidate
from quotetrail.core.extract.clauses import _is_credit, _trim_clause
from quotetrail.core.sentences import Sentence
from quotetrail.core.speakers import body_before, subject_before
from quotetrail.core.speech import find_acts

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

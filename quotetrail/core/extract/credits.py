"""Outlets (step 7 of the package map): which outlet each quote is credited to.

    credits in the text (attribution.find_credits) ──► the quotes of their sentence
    a credit sentence without quotes ──► back ("This was reported by Gazeta.ru.")
                                         or forward ("He gave an interview to …")
    "he told the agency" ──► the outlet the same speaker last spoke to

Runs last, after speakers are resolved, because "the agency" depends on who speaks.
"""

from __future__ import annotations

from quotetrail.core.attribution import Credit, find_credits, points_back
from quotetrail.core.extract.article import _Article, _by_para, _Candidate, _preceding
from quotetrail.core.outlets import Outlet


def _attach_outlets(article: _Article, candidates: list[_Candidate]) -> None:
    quoted = [(c.start, c.end) for c in candidates if c.kind == "direct"]
    credits = find_credits(article.text, article.registry, quoted, article.mentions)
    by_sentence: dict[int, list[Credit]] = {}
    for credit in credits:
        s = article.sentences.at(credit.start)
        if s is not None:
            by_sentence.setdefault(s.index, []).append(credit)
    quoted = {c.sentence for c in candidates if c.kind != "term"}
    paras = _by_para(candidates)
    for c in candidates:
        if c.kind == "term":
            continue
        own = [cr for i in range(c.context[0], c.context[1] + 1) for cr in by_sentence.get(i, [])]
        named = [cr for cr in own if not cr.anaphoric]
        if named:
            c.outlet = min(named, key=lambda cr: abs(cr.start - c.end)).outlet
        elif own:
            c.outlet = _outlet_named_before(candidates, c)
    for index, found in sorted(by_sentence.items()):
        if index in quoted:
            continue
        s = article.sentences.items[index]
        outlet = found[0].outlet
        if points_back(article.text[s.start : s.end]):
            targets = _preceding(paras, s)
        else:
            targets = [c for c in paras.get(s.para, []) if c.sentence > s.index]
        for c in targets:
            if c.kind != "term" and c.outlet is None:
                c.outlet = outlet


def _outlet_named_before(candidates: list[_Candidate], c: _Candidate) -> Outlet | None:
    """ "he told the agency": the outlet the same speaker last spoke to, if any.

    Not any outlet named earlier: in «Источник рассказал агентству» the agency is
    the article's own publisher, not the outlet credited for someone else's words.
    """
    if c.person is None:
        return None
    for earlier in reversed(candidates[: candidates.index(c)]):
        if earlier.person is c.person and earlier.outlet is not None:
            return earlier.outlet
    return None

"""Which outlet an article credits for a quote: "quoted by TASS", «передает ТАСС».

An outlet named in the article counts as a *credit* only with a word that makes
it one near it — a preposition or verb before it ("told", "quoted by", "in an
interview with", "on", «со ссылкой на», «в эфире», «в своем»), or a reporting
verb after it ("TASS reports", «пишет РБК»). "Putin criticised the BBC" is not a
credit.

A sentence that credits an outlet but holds no quote of its own points back
("This was reported by Gazeta.ru.", «Об этом сообщает ТАСС.», "His words are
quoted by TASS.") or, without such a marker, forward to the quotes that follow.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from quotetrail.core.outlets import Outlet, OutletRegistry

__all__ = ["Credit", "find_credits", "points_back"]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one block of text."""
    return tuple(text.split())


_WORD = re.compile(r"[^\W_][\w-]*")
_BEFORE = frozenset(
    _words(
        """
    by to told tells on in via with from interview quoted cited reported according published
    posted wrote writes channel page account statement broadcast air show program programme
    передает передаёт сообщает сообщил сообщила сообщили сообщило пишет ссылкой ссылаясь
    эфире интервью рассказал рассказала рассказали заявил заявила заявили сказал сказала
    сказали цитирует цитируют приводит приводят данным информации для в во на своем своём
    своей странице аккаунте канале телеканалу телеканала изданию агентству газете радио
    сайте публикации
    """
    )
)
_AFTER = frozenset(
    _words(
        """
    reports reported writes wrote says said quotes quoted cites cited notes noted learned
    сообщает сообщил сообщило сообщили пишет писал передает передаёт цитирует приводит
    уточняет отмечает информирует ссылкой ссылаясь citing
    """
    )
)
_BACK = re.compile(
    r"^\W*(?:this|that|these|those|his|her|their|its|the words|the remarks|the statement|such"
    r"|об этом|это|эти|его|ее|её|их|слова|такое|такие|соответствующее|так)(?![\w-])"
    r"|(?<![\w-])(?:об этом|this was|these words|the remarks)(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Credit:
    """An outlet credited at text[start:end]; `anaphoric` for "the agency", «изданию».

    An anaphoric credit carries the last outlet credited before it; the caller
    decides whether it refers to it (the same speaker talking to the same outlet).
    """

    start: int
    end: int
    outlet: Outlet
    anaphoric: bool = False


def find_credits(
    text: str,
    registry: OutletRegistry,
    quoted: Sequence[tuple[int, int]] = (),
    mentions: Sequence[tuple[int, int, Outlet]] | None = None,
) -> list[Credit]:
    """Outlet mentions used as credits, outside the quoted words (`quoted` ranges).

    Names in quote marks that are not speech («Россия 24») stay eligible.
    """
    ranges = sorted(quoted)
    starts = [a for a, _ in ranges]
    credits = []
    if mentions is None:
        mentions = registry.find_mentions(text)
    for start, end, outlet in mentions:
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < ranges[i][1]:
            continue
        if _credit_context(text, start, end):
            credits.append(Credit(start, end, outlet))
    return _with_anaphora(text, credits, ranges, starts, mentions)


# "he told the agency", «сказал он изданию»: the outlet credited last, named again
_ANAPHOR = re.compile(
    r"(?<![\w-])(?:(?:told|to|with|by|in)\s+the\s+(?:agency|newspaper|paper|outlet|broadcaster"
    r"|channel|magazine|publication|website|station)"
    r"|(?-i:агентству|изданию|газете|телеканалу|журналу|порталу|радиостанции))(?![\w-])",
    re.IGNORECASE,
)


def _with_anaphora(text, credits: list[Credit], ranges, starts, mentions) -> list[Credit]:
    """Add the credits that name no outlet but point to the last one credited."""
    if not credits:
        return credits
    mention_starts = sorted(m[0] for m in mentions)
    found = list(credits)
    credit_starts = [c.start for c in credits]
    for m in _ANAPHOR.finditer(text, credits[0].end):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < ranges[i][1]:
            continue  # inside somebody's words
        j = bisect_right(mention_starts, m.end())
        if j < len(mention_starts) and mention_starts[j] - m.end() <= 3:
            continue  # «агентству ТАСС»: the name itself is the credit
        last = credits[bisect_right(credit_starts, m.start()) - 1]
        found.append(Credit(m.start(), m.end(), last.outlet, anaphoric=True))
    return sorted(found, key=lambda c: c.start)


def _credit_context(text: str, start: int, end: int) -> bool:
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 50) : start])][-4:]
    after = [w.lower() for w in _WORD.findall(text[end : end + 30])][:2]
    return bool(_BEFORE.intersection(before) or _AFTER.intersection(after))


def points_back(sentence: str) -> bool:
    """Does a credit sentence refer to what came before ("This was reported by…")?"""
    return _BACK.search(sentence) is not None

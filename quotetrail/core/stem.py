"""Word stems for English and Russian, cached because Snowball is slow in pure Python.

Stems let "said"/"says" and "урожай"/"урожая" count as the same content word when
judging paraphrases and when finding candidate passages; they are never used to
decide that a quote is verbatim.
"""

from __future__ import annotations

import re

import snowballstemmer

_CYRILLIC = re.compile("[а-яё]")
_EN = snowballstemmer.stemmer("english")
_RU = snowballstemmer.stemmer("russian")
_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 200_000


def stem(norm: str) -> str:
    """The stem of one normalised token (numbers and short words stay as they are)."""
    hit = _CACHE.get(norm)
    if hit is not None:
        return hit
    if len(norm) <= 2 or norm[0].isdigit():
        out = norm
    elif _CYRILLIC.search(norm):
        out = _RU.stemWord(norm)
    else:
        base = norm[:-2] if norm.endswith("'s") else norm
        out = _EN.stemWord(base)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[norm] = out
    return out

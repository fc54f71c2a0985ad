"""PyStemmer (C) and snowballstemmer (pure Python) give the same stems, so either may run.

stem.py prefers PyStemmer for speed; the verdicts were calibrated with
snowballstemmer, so the two must agree word for word on English and Russian.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import snowballstemmer

from quotetrail.core import stem as stem_module
from quotetrail.core.normalize import tokenize

ROOT = Path(__file__).resolve().parents[2]


def _vocabulary() -> list[str]:
    words: set[str] = set()
    for path in [*(ROOT / "devset" / "pages").glob("*.txt"), *(ROOT / "devset").glob("*.jsonl")]:
        words.update(t.norm for t in tokenize(path.read_text(encoding="utf-8")).tokens)
    return sorted(words)


def test_pystemmer_and_snowballstemmer_agree_on_the_devset_vocabulary() -> None:
    stemmer = pytest.importorskip("Stemmer")
    words = _vocabulary()
    assert len(words) > 2000
    for lang, pattern in (("english", "^[^а-яё]+$"), ("russian", "[а-яё]")):
        chosen = [w for w in words if re.search(pattern, w)]
        c_build = stemmer.Stemmer(lang).stemWords(chosen)
        pure = snowballstemmer.stemmer(lang).stemWords(chosen)
        assert c_build == pure, lang


def test_stem_all_equals_stem_word_by_word() -> None:
    words = ["said", "says", "урожая", "урожай", "Mayor's".lower(), "4000", "of", "ёлки", "said"]
    stem_module._CACHE.clear()
    batch = stem_module.stem_all(words)
    stem_module._CACHE.clear()
    assert batch == [stem_module.stem(w) for w in words]
    assert batch[0] == batch[-1] == "said" and batch[4] == "mayor" and batch[5] == "4000"

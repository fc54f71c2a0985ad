"""Sentence vectors cached by page hash, so a page is embedded once per job (and worker).

    similarity(quote, sentences, page_key) ─► quote vector (LRU) + the page's cached
    sentence vectors ─► embed only the missing sentences, in one batch ─► cosines

What ends it: nothing raises here beyond the embedder's own errors; the cache drops
the least recently used page when it holds `max_pages`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from quotetrail.embed.backends import Embedder


class PageCache:
    """A similarity function for core.semantic with per-page and per-quote caches."""

    def __init__(self, embedder: Embedder, max_pages: int = 64, max_quotes: int = 2048) -> None:
        self.embedder = embedder
        self.max_pages = max_pages
        self.max_quotes = max_quotes
        self._pages: OrderedDict[str, dict[str, np.ndarray]] = OrderedDict()
        self._quotes: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.embedded = 0  # texts sent to the model (for tests and benchmarks)

    def similarity(self, quote: str, sentences: Sequence[str], page_key: str) -> list[float]:
        with self._lock:
            page = self._pages.setdefault(page_key, {})
            self._pages.move_to_end(page_key)
            while len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
            missing = list(dict.fromkeys(s for s in sentences if s not in page))
            q_vec = self._quotes.get(quote)
            batch = missing + ([quote] if q_vec is None else [])
            if batch:
                rows = self.embedder.embed(batch)
                self.embedded += len(batch)
                page.update(zip(missing, rows[: len(missing)], strict=True))
                if q_vec is None:
                    q_vec = rows[-1]
                    self._quotes[quote] = q_vec
                    while len(self._quotes) > self.max_quotes:
                        self._quotes.popitem(last=False)
            assert q_vec is not None
            matrix = np.vstack([page[s] for s in sentences]) if sentences else np.zeros((0, 1))
            return [float(x) for x in matrix @ q_vec] if len(sentences) else []

    __call__ = similarity

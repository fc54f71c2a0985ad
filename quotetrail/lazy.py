"""Package exports loaded on first use, so importing a package costs only what is used.

    package __init__: __getattr__, __dir__ = lazy_exports(__name__, globals(), {name: module})

Why: `quotetrail.fetch` pulls in httpx and `quotetrail.discover` the parsers and the
fetcher; a CLI run on local files needs neither, and importing them costs more than the
run itself. An unknown name is an AttributeError, as for any module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module-level __getattr__ and __dir__ for `package`'s lazily loaded `exports`."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value  # later look-ups find it directly
        return value

    def __dir__() -> list[str]:
        return sorted([*namespace, *exports])

    return __getattr__, __dir__

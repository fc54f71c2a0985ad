"""What a finished report is filtered by: the outlets it cites and its verdict counts.

Pulled out of the report once, when the job finishes, so listing jobs by outlet or
verdict never has to read result JSON.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

MAX_FACET_LENGTH = 200


def cited_outlets(report: dict[str, Any]) -> list[str]:
    """Outlets credited by the article's quotes, then outlets of the sources; first spelling wins."""
    seen: dict[str, str] = {}
    names = [q.get("cited_source") for q in report.get("quotes") or () if isinstance(q, dict)]
    names += [s.get("outlet") for s in report.get("sources") or () if isinstance(s, dict)]
    for name in names:
        if isinstance(name, str) and name.strip():
            seen.setdefault(facet_value(name), name.strip())
    return list(seen.values())


def verdict_counts(report: dict[str, Any]) -> dict[str, int]:
    counts = Counter(
        q.get("verdict")
        for q in report.get("quotes") or ()
        if isinstance(q, dict) and isinstance(q.get("verdict"), str)
    )
    return dict(sorted(counts.items()))


def facet_value(name: str) -> str:
    """Case- and space-insensitive key, so `?outlet=tass` finds "TASS"."""
    return " ".join(name.split()).casefold()[:MAX_FACET_LENGTH]

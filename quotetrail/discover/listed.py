"""One article an outlet lists: the unit every listing parser yields and the ranker scores.

    sitemap / feed / archive_page / wayback_prefix / search ─► Listed(url, title, day, how)

Kept as plain data (and JSON-friendly through `to_dict`/`from_dict`) so past days'
listings can be cached in a directory or Redis and read back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Listed:
    """A listed article: its URL, the title the listing gives (if any), its date (if known),
    how it was found (`found_by`) and the listing URL or query it came from (`found_via`)."""

    url: str
    title: str = ""
    day: date | None = None
    found_by: str = "sitemap"
    found_via: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "day": self.day.isoformat() if self.day else None,
            "found_by": self.found_by,
            "found_via": self.found_via,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Listed:
        day = data.get("day")
        return cls(
            url=str(data["url"]),
            title=str(data.get("title") or ""),
            day=date.fromisoformat(day) if day else None,
            found_by=str(data.get("found_by") or "sitemap"),
            found_via=str(data.get("found_via") or ""),
        )

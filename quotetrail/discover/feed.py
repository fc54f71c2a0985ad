"""RSS and Atom feeds through feedparser: recent articles with their titles and dates.

    bytes ─► feedparser.parse ─► Listed(url, title, day, "feed")

Feeds hold the last few dozen items only, so they help for fresh quotes; an item
without a date keeps the date in its URL, if any.
"""

from __future__ import annotations

from datetime import date

from quotetrail.discover.dates import url_date
from quotetrail.discover.listed import Listed

MAX_ITEMS = 2000


def parse_feed(body: bytes, via: str) -> list[Listed]:
    """The feed's items; an empty list for a body feedparser cannot read as a feed."""
    import feedparser  # imported here: parsing a feed is rare next to everything else

    parsed = feedparser.parse(body)
    items: list[Listed] = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = entry.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else url_date(link)
        items.append(Listed(link, " ".join((entry.get("title") or "").split()), day, "feed", via))
    return items

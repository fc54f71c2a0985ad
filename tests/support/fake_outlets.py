"""Fake outlets for discovery tests, the discovery dev set and its benchmark: sitemaps,
feeds, daily archive pages, a CDX/web archive and a SearXNG, all synthetic, on loopback.

Each builder returns text; `outlet_server(host, routes)` serves a dict of routes on a
loopback address of the caller's choosing (127.0.0.11, .12, …), so several outlets run
side by side and the registry tells them apart by address.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from html import escape

from tests.support.local_server import LocalServer, Route

XML = {"Content-Type": "application/xml; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
GZ = {"Content-Type": "application/gzip"}
JSON = {"Content-Type": "application/json"}
HTML = {"Content-Type": "text/html; charset=utf-8"}
TEXT = {"Content-Type": "text/plain; charset=utf-8"}

_TOPICS = (
    "harbour dredging budget", "school canteen menus", "regional football final",
    "river ferry timetable", "library opening hours", "winter road salt supply",
    "airport runway repairs", "museum night programme", "forest fire season review",
    "pension indexation debate", "hospital parking fees", "chess olympiad results",
    "grain export quotas", "metro escalator upgrade", "theatre festival lineup",
    "cycling lanes survey", "taxi licence reform", "fishing quota talks",
)  # fmt: skip
_NAMES = ("Kovacs", "Lindqvist", "Moreau", "Halloran", "Ostrowski", "Tanaka", "Delgado")


def article_html(title: str, paragraphs: Sequence[str], day: date | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{day}T10:00:00Z">' if day else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title>{meta}</head><body><nav><a href='/'>Home</a></nav><article><h1>"
        f"{escape(title)}</h1>{body}</article><footer>© synthetic outlet</footer></body></html>"
    )


def decoys(n: int, day: date, seed: int) -> list[tuple[str, str, str]]:
    """`n` (slug, title, text) decoy articles for one day: same-looking, other topics."""
    rng = random.Random(seed * 1000 + day.toordinal())
    out = []
    for i in range(n):
        topic = rng.choice(_TOPICS)
        name = rng.choice(_NAMES)
        slug = f"{topic.replace(' ', '-')}-{day:%m%d}-{i}"
        title = f"{name} comments on {topic}"
        text = f"Official {name} spoke about the {topic} on {day:%B %d}. Talks will continue."
        out.append((slug, title, text))
    return out


def sitemap_xml(entries: Iterable[tuple[str, date | None, str | None]]) -> str:
    rows = []
    for url, day, title in entries:
        news = ""
        if title is not None:
            news = (
                "<news:news><news:publication><news:name>X</news:name></news:publication>"
                f"<news:publication_date>{day}</news:publication_date>"
                f"<news:title>{escape(title)}</news:title></news:news>"
            )
        lastmod = f"<lastmod>{day}</lastmod>" if day else ""
        rows.append(f"<url><loc>{escape(url)}</loc>{lastmod}{news}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(rows) + "</urlset>"
    )


def sitemap_index_xml(children: Iterable[tuple[str, date | None]]) -> str:
    rows = "".join(
        f"<sitemap><loc>{escape(u)}</loc>{f'<lastmod>{d}</lastmod>' if d else ''}</sitemap>"
        for u, d in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>'
    )


def rss_xml(items: Iterable[tuple[str, str, date]]) -> str:
    rows = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f"<pubDate>{d:%a, %d %b %Y} 08:00:00 +0000</pubDate></item>"
        for u, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Feed</title><link>http://example.invalid/</link>{rows}</channel></rss>"
    )


def archive_html(links: Iterable[tuple[str, str]], next_url: str | None = None) -> str:
    items = "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for u, t in links)
    nxt = f'<a rel="next" href="{escape(next_url)}">Next page</a>' if next_url else ""
    return (
        "<!DOCTYPE html><html><head><title>News of the day</title></head><body>"
        "<nav><a href='/'>Home</a><a href='/about'>About</a></nav>"
        f"<main><ul class='news'>{items}</ul>{nxt}</main></body></html>"
    )


def gz(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"))


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def robots(disallow: Sequence[str] = ()) -> Route:
    lines = "User-agent: *\n" + "".join(f"Disallow: {p}\n" for p in disallow)
    return Route(lines, headers=TEXT)


def outlet_server(host: str, routes: dict) -> LocalServer:
    return LocalServer(routes, host=host).start()


def cdx_json(rows: Iterable[tuple[str, str]]) -> str:
    return json.dumps(
        [["timestamp", "original", "statuscode"], *([ts, u, "200"] for ts, u in rows)]
    )


def registry_toml(outlets: Iterable[dict]) -> str:
    """A user registry file: each dict has id, name, aliases, domains, listings, search."""
    out = []
    for o in outlets:
        out.append("[[outlet]]")
        out.append(f"id = {json.dumps(o['id'])}")
        out.append(f"name = {json.dumps(o['name'])}")
        out.append(f"aliases = {json.dumps(o.get('aliases', [o['name']]), ensure_ascii=False)}")
        out.append(f"domains = {json.dumps(o['domains'])}")
        if o.get("search"):
            out.append(f"search = {json.dumps(o['search'])}")
        for listing in o.get("listings", ()):
            out.append("[[outlet.listing]]")
            for key, value in listing.items():
                out.append(f"{key} = {json.dumps(value)}")
        out.append("")
    return "\n".join(out)

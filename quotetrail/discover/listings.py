"""An outlet's articles over the window, from its `[[outlet.listing]]` entries.

    for each listing:  dated URL? ─► one URL per day of the window (+ named dates)
        sitemap        ─► index? ─► children chosen by date (in URL, lastmod) ─► <url>s
        feed           ─► items
        archive_page   ─► links, then "next page" up to MAX_PAGES
        wayback_prefix ─► CDX prefix query per day
    ─► Listed[] (deduplicated, on the outlet's domains, inside the window)

What ends it: every listing read, or refused, or over its caps (MAX_CHILD_SITEMAPS,
MAX_PAGES, MAX_LISTED). Each listing read is cached (final for past days). A listing
that cannot be read (robots.txt, HTTP error) is skipped and its reason kept; a refusal
stops the host for the job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from quotetrail.core.charset import decode_body
from quotetrail.core.outlets import Listing, Outlet
from quotetrail.discover.archive_page import parse_archive_page
from quotetrail.discover.cache import ListingCache
from quotetrail.discover.dates import Window
from quotetrail.discover.feed import parse_feed
from quotetrail.discover.listed import Listed
from quotetrail.discover.session import Refused, Session
from quotetrail.discover.sitemap import SitemapError, parse_sitemap
from quotetrail.errors import InputError
from quotetrail.fetch.errors import FetchError, HTTPStatusError, RobotsDisallowed

MAX_CHILD_SITEMAPS = 8  # undated child sitemaps read per sitemap index
MAX_PAGES = 20  # pages of one daily archive (first + "next" pages)
MAX_LISTED = 20_000  # articles kept per outlet


@dataclass
class ListingResult:
    items: list[Listed] = field(default_factory=list)
    read: int = 0  # listings (or listing pages) read
    problems: list[str] = field(default_factory=list)
    refused: str | None = None


def fill(template: str, day: date) -> str:
    """A listing URL with its date placeholders filled in."""
    return (
        template.replace("{yyyymmdd}", day.strftime("%Y%m%d"))
        .replace("{dd.mm.yyyy}", day.strftime("%d.%m.%Y"))
        .replace("{yyyy}", day.strftime("%Y"))
        .replace("{mm}", day.strftime("%m"))
        .replace("{dd}", day.strftime("%d"))
    )


def list_outlet(
    session: Session,
    outlet: Outlet,
    window: Window,
    cache: ListingCache | None,
    *,
    note: Callable[[str], None] | None = None,
) -> ListingResult:
    """Every article the outlet's listings show for the window."""
    result = ListingResult()
    seen: set[str] = set()
    for listing in outlet.listings:
        try:
            for item in _one_listing(session, outlet, listing, window, cache, result, note):
                if item.url in seen or not window.holds(item.day):
                    continue
                if outlet.domains and not outlet.serves(item.url):
                    continue
                seen.add(item.url)
                result.items.append(item)
                if len(result.items) >= MAX_LISTED:
                    return result
        except Refused as exc:
            result.refused = str(exc)
    return result


def _one_listing(session, outlet, listing: Listing, window, cache, result, note):
    days = window.days() if listing.dated or listing.kind == "wayback_prefix" else [None]
    asked: set[str] = set()
    for n, day in enumerate(days, 1):
        if note and len(days) > 1:
            note(f"searching {outlet.name} listings {n}/{len(days)} days")
        url = fill(listing.url, day) if day else listing.url
        if url in asked and listing.kind != "wayback_prefix":
            continue  # a monthly template ({yyyy}{mm}): one request for all its days
        asked.add(url)
        if listing.kind == "wayback_prefix":
            yield from _wayback(session, url, day, cache, result)
            continue
        yield from _cached(
            cache,
            f"{listing.kind}:{listing.links or ''}:{url}",
            day is not None and day < session.today,
            lambda url=url, day=day: _read(session, listing, url, day, window, result),
            result,
        )


def _cached(cache, key, final, produce, result):
    if cache is not None:
        hit = cache.get(key)
        if hit is not None:
            result.read += 1
            yield from hit
            return
    items = produce()
    if items is not None and cache is not None:
        cache.put(key, items, final=final)
    yield from items or ()


def _read(
    session: Session, listing: Listing, url: str, day: date | None, window, result
) -> list[Listed] | None:
    """One listing URL read and parsed; None (not cached) when it could not be read."""
    try:
        if listing.kind == "sitemap":
            return _sitemap(session, url, window, result, depth=0)
        if listing.kind == "feed":
            body = _get(session, url, result)
            return None if body is None else parse_feed(body, url)
        if listing.kind == "archive_page":
            return _archive(session, listing, url, day, result)
    except (SitemapError, InputError) as exc:
        result.problems.append(f"{url}: {exc}")
    return None


def _get(session: Session, url: str, result: ListingResult) -> bytes | None:
    try:
        body = session.get(url).body
    except RobotsDisallowed as exc:  # disallowed, or robots.txt itself unreadable
        result.problems.append(str(exc))
        return None
    except HTTPStatusError as exc:
        if exc.status not in (404, 410):  # a day without a page is not a problem
            result.problems.append(str(exc))
        return None
    except FetchError as exc:
        result.problems.append(f"{url}: {exc}")
        return None
    result.read += 1
    return body


def _sitemap(session, url, window: Window, result, *, depth: int) -> list[Listed] | None:
    body = _get(session, url, result)
    if body is None:
        return None
    parsed = parse_sitemap(body, url)
    items = list(parsed.urls)
    if parsed.children and depth < 2:
        for child in _choose_children(parsed.children, window):
            got = _sitemap(session, child.url, window, result, depth=depth + 1)
            items.extend(got or ())
    return items


def _choose_children(children: list[Listed], window: Window) -> list[Listed]:
    """Child sitemaps likeliest to hold the window: a date in their URL inside the window,
    else the first modified on or after the window's start (older ones cannot hold it)."""
    from quotetrail.discover.dates import url_date

    dated = [c for c in children if url_date(c.url) is not None]
    if dated:  # one child per day: as many as the window has days
        return [c for c in dated if window.holds(url_date(c.url))][: len(window.days())]
    else:
        later = [c for c in children if c.day is None or c.day >= window.start]
        chosen = sorted(later, key=lambda c: (c.day is None, c.day or date.max))
    return chosen[:MAX_CHILD_SITEMAPS]


def _archive(session, listing: Listing, url: str, day, result) -> list[Listed] | None:
    items: list[Listed] = []
    page_url: str | None = url
    seen_pages: set[str] = set()
    while page_url and page_url not in seen_pages and len(seen_pages) < MAX_PAGES:
        seen_pages.add(page_url)
        body = _get(session, page_url, result)
        if body is None:
            return items or None
        html = decode_body(body, "text/html")
        found, page_url = parse_archive_page(html, page_url, day, listing.links)
        items.extend(found)
    return items


def _wayback(session: Session, prefix: str, day: date | None, cache, result):
    wayback = session.wayback
    if wayback is None or not wayback.available:
        result.problems.append("the web archive is not available")
        return

    def produce() -> list[Listed] | None:
        rows = wayback.cdx(prefix, prefix=True, start=day, end=day)
        if not wayback.available:
            result.problems.append(wayback.reason)
            return None
        result.read += 1
        return [Listed(original, "", day, "wayback", prefix) for _, original in rows]

    yield from _cached(
        cache, f"wayback:{prefix}", day is not None and day < session.today, produce, result
    )

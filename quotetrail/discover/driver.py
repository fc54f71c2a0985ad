"""Discovery: for quotes no checked source carries, find the credited outlet's page itself.

    article date + window ─► quotes needing a search, grouped by outlet
      ─► per outlet: listings (cache) ─► rank per quote ─► fetch best pages (caps)
           └► nothing? site search (robots allowing) / search provider
      ─► judge each page with the core (stop a quote once `matched`)
      ─► Discovery(sources that carry a quote, searches[], article date fields)

What ends it: every quote matched, or every outlet searched within its caps —
PER_QUOTE pages per quote and outlet, PER_OUTLET per outlet, PER_JOB per job — or
refused (401/403/429/451 or a challenge page stops the host for the job). Dead or
unreachable given sources are replaced by their archived copy first. Pages fetched
that carry none of the quotes are counted in searches[] but not kept as sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote_plus

from quotetrail.core.charset import decode_body
from quotetrail.core.models import Quote
from quotetrail.core.outlets import Outlet, OutletRegistry
from quotetrail.core.verdict import judge
from quotetrail.discover.archive_page import parse_archive_page
from quotetrail.discover.dates import (
    Window,
    article_fields,
    dating,
    named_dates,
    with_named,
)
from quotetrail.discover.listed import Listed
from quotetrail.discover.listings import list_outlet
from quotetrail.discover.options import DiscoveryOptions
from quotetrail.discover.rank import rank
from quotetrail.discover.search import SearchProvider
from quotetrail.discover.session import Refused, Session
from quotetrail.errors import InputError
from quotetrail.fetch import Fetcher
from quotetrail.fetch.errors import FetchError, RobotsDisallowed
from quotetrail.pipeline import SourceText

SUPPORTS = frozenset({"matched", "translated", "paraphrased", "altered"})


@dataclass
class Discovery:
    sources: list[SourceText] = field(default_factory=list)
    replaced: dict[int, SourceText] = field(default_factory=dict)  # read index -> archived copy
    searches: list[dict[str, Any]] = field(default_factory=list)
    article: dict[str, Any] = field(default_factory=dict)
    requests: int = 0
    fetched: int = 0


def discover(
    quotes: Sequence[Quote],
    read: Sequence[SourceText],
    *,
    text: str,
    html: str | None,
    url: str | None,
    fetcher: Fetcher,
    registry: OutletRegistry,
    options: DiscoveryOptions,
) -> Discovery:
    found, window = dating(html, url, options.date, options.window)
    window = with_named(window, named_dates(text, [(q.start, q.end) for q in quotes], found.day))
    out = Discovery(article=article_fields(found, window))
    session = Session(fetcher, registry, anchor=found.day)
    try:
        session.wayback = options.wayback(session.api_fetcher) if options.wayback else None
        if session.wayback is not None:
            session.wayback.count = session.count
        _archive_dead(read, session, out)
        current = [out.replaced.get(i, r) for i, r in enumerate(read)]
        for source in current:  # never fetched again, never added twice
            if source.spec.kind == "url":
                session.given.add(source.spec.source)
                session.pages.setdefault(source.spec.source, source)
        groups = _groups(quotes, current, registry)
        provider = options.search(session.api_fetcher) if options.search else None
        budget = _Budget(options)
        for outlet, wanted in groups.items():
            out.searches.append(
                _search_outlet(
                    session, outlet, wanted, quotes, window, options, provider, budget, out
                )
            )
    finally:
        out.requests = session.requests
        session.close()
    return out


# --- which quotes, which outlets --------------------------------------------------------


def _archive_dead(read: Sequence[SourceText], session: Session, out: Discovery) -> None:
    """Given or linked sources that are gone or unreachable: their archived copy instead."""
    for i, source in enumerate(read):
        if source.status.status == "ok" or source.spec.kind != "url":
            continue
        copy = session.after_read(source)
        if copy is not source and copy.status.status == "ok":
            out.replaced[i] = copy


def _groups(
    quotes: Sequence[Quote], read: Sequence[SourceText], registry: OutletRegistry
) -> dict[Outlet, list[int]]:
    """outlet -> indices of the quotes to look for there (those no read source matches).

    A quote is looked for at the outlet it credits; a quote without a credit at the
    outlets the article credits for the same speaker.
    """
    by_speaker: dict[str, list[str]] = {}
    for q in quotes:
        if q.speaker and q.cited_source:
            by_speaker.setdefault(q.speaker.casefold(), []).append(q.cited_source)
    texts = [r.text for r in read if r.status.status == "ok" and r.text]
    groups: dict[Outlet, list[int]] = {}
    for i, q in enumerate(quotes):
        names = (
            [q.cited_source] if q.cited_source else by_speaker.get((q.speaker or "").casefold(), [])
        )
        outlets = [o for o in (registry.resolve(n) for n in dict.fromkeys(names)) if o is not None]
        if not outlets:
            continue
        if any(judge(q.text, t).verdict == "matched" for t in texts):
            continue
        for outlet in outlets:
            groups.setdefault(outlet, []).append(i)
    return groups


# --- one outlet ---------------------------------------------------------------------------


@dataclass
class _Budget:
    options: DiscoveryOptions
    job: int = 0

    def job_left(self) -> bool:
        return self.job < self.options.per_job


def _search_outlet(
    session: Session,
    outlet: Outlet,
    wanted: list[int],
    quotes: Sequence[Quote],
    window: Window,
    options: DiscoveryOptions,
    provider: SearchProvider | None,
    budget: _Budget,
    out: Discovery,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "outlet": outlet.name,
        "quotes": list(wanted),
        "from": window.start.isoformat(),
        "to": window.end.isoformat(),
        "dates": [d.isoformat() for d in window.extra],
        "listed": 0,
        "fetched": 0,
        "status": "ok",
        "reason": "",
    }
    how = []
    listed = list_outlet(session, outlet, window, options.cache, note=options.note)
    candidates = listed.items
    if outlet.listings:
        how.append("listings")
    state = _State(outlet, wanted, quotes, window, session, options, budget, out, entry)
    state.try_candidates(candidates)
    searched_by_query = False
    if state.open() and not listed.refused:
        extra, tried = _queries(session, outlet, state, provider, window, listed.problems)
        searched_by_query = tried
        if tried:
            how.append("search")
        new = [c for c in extra if c.url not in {x.url for x in candidates}]
        candidates = candidates + new
        state.try_candidates(new)
    entry["listed"] = len(candidates)
    entry["fetched"] = state.fetched
    refused = listed.refused or next(
        (r for h, r in session.refused.items() if outlet.serves("http://" + h)), None
    )
    searched = listed.read > 0 or searched_by_query
    span = f"{window.start.isoformat()} … {window.end.isoformat()}"
    if state.found:
        exact = len(state.exact & state.found.keys())
        other = len(state.found) - exact
        carried = ", ".join(
            part
            for part in (
                f"{exact} carr{'ies' if exact == 1 else 'y'} the quote word for word"
                if exact
                else "",
                f"{other} a changed or partial version" if other else "",
            )
            if part
        )
        entry["reason"] = (
            f"searched {outlet.name} {' and '.join(how) or 'listings'} for {span}: "
            f"{len(candidates)} articles listed, {state.fetched} fetched, {carried}"
        )
    elif refused:
        entry["status"] = "refused"
        entry["reason"] = f"{outlet.name} refused: {refused}; nothing was worked around"
    elif not outlet.listings and not searched_by_query:
        entry["status"] = "unavailable"
        why = f": {listed.problems[0]}" if listed.problems else ""
        entry["reason"] = f"no listing configured for {outlet.name}{why}"
    elif not searched:
        entry["status"] = "unavailable"
        problem = listed.problems[0] if listed.problems else "no listing could be read"
        entry["reason"] = f"{outlet.name} could not be searched: {problem}"
    else:
        entry["reason"] = (
            f"searched {outlet.name} {' and '.join(how) or 'listings'} for {span}: "
            f"{len(candidates)} articles listed, {state.fetched} fetched, "
            f"none carries the quote"
        )
    return entry


def _queries(
    session: Session,
    outlet: Outlet,
    state: _State,
    provider: SearchProvider | None,
    window: Window,
    problems: list[str],
) -> tuple[list[Listed], bool]:
    """More candidates from the outlet's own site search (robots.txt allowing) and from the
    configured search provider, for the quotes still open; what failed goes to `problems`."""
    found: list[Listed] = []
    tried = False
    for i in state.open_quotes():
        query = _query(state.quotes[i])
        if outlet.search:
            url = outlet.search.replace("{query}", quote_plus(query))
            try:
                body = session.get(url).body
                items, _ = parse_archive_page(decode_body(body, "text/html"), url, None, None)
                found += [replace(x, found_by="search", found_via=query) for x in items]
                tried = True
            except RobotsDisallowed:
                problems.append(f"robots.txt disallows its site search ({url})")
            except (FetchError, Refused, InputError) as exc:
                problems.append(f"its site search failed: {exc}")
        if provider is not None:
            try:
                session.count()
                found += provider.search(query, outlet, window)
                tried = True
            except FetchError as exc:
                problems.append(f"the search provider failed: {exc}")
    return found, tried


def _query(quote: Quote) -> str:
    """A search query: the speaker's surname and the quote's longest words."""
    words = [w for w in quote.text.split() if len(w.strip(".,;:!?\"'«»“”")) > 3]
    words = sorted(words, key=len, reverse=True)[:6]
    surname = (quote.speaker or "").split()[-1:] if quote.speaker else []
    return " ".join([*surname, *[w.strip(".,;:!?\"'«»“”") for w in words]])


@dataclass
class _State:
    outlet: Outlet
    wanted: list[int]
    quotes: Sequence[Quote]
    window: Window
    session: Session
    options: DiscoveryOptions
    budget: _Budget
    out: Discovery
    entry: dict[str, Any]
    fetched: int = 0
    matched: set[int] = field(default_factory=set)
    found: dict[str, SourceText] = field(default_factory=dict)
    exact: set[str] = field(default_factory=set)  # found pages matching a quote verbatim
    per_quote: dict[int, int] = field(default_factory=dict)

    def open(self) -> bool:
        return bool(self.open_quotes())

    def open_quotes(self) -> list[int]:
        return [i for i in self.wanted if i not in self.matched]

    def try_candidates(self, candidates: list[Listed]) -> None:
        for i in self.open_quotes():
            if i in self.matched:
                continue
            q = self.quotes[i]
            ranked = rank(
                q.text, q.speaker, candidates, anchor=self.session.anchor, near=self.window.extra
            )
            for score, item in ranked:
                if i in self.matched or self.per_quote.get(i, 0) >= self.options.per_quote:
                    break
                if self.fetched >= self.options.per_outlet or not self.budget.job_left():
                    return
                if score <= 0 and self.per_quote.get(i, 0) >= max(3, self.options.per_quote // 4):
                    break  # nothing in the listing speaks of it: a few by date, then stop
                self._read(item, i)

    def _read(self, item: Listed, i: int) -> None:
        new = item.url not in self.session.pages
        page = self.session.read_page(
            item.url, self.outlet.name, item.found_by, item.found_via or None
        )
        if new:
            self.fetched += 1
            self.budget.job += 1
            self.out.fetched += 1
            self.per_quote[i] = self.per_quote.get(i, 0) + 1
        if page.status.status != "ok" or not page.text:
            return
        for j in self.open_quotes():
            verdict = judge(self.quotes[j].text, page.text).verdict
            if verdict in SUPPORTS and item.url not in self.found.keys() | self.session.given:
                self.found[item.url] = page
                self.out.sources.append(page)
            if verdict == "matched":
                self.matched.add(j)
                self.exact.add(item.url)

"""Discovery cost: one quote against an outlet listing 5,000 articles over the window.

    python bench/bench_discovery.py [--articles 5000] [--runs 3]

Two fake outlets on loopback (127.0.0.31, .32), both listing ARTICLES articles over the
default 9-day window (+ the same again outside it):
  - sitemap: an index with one child sitemap per day, <news:title> on every entry;
  - archive: daily archive pages of 50 links with "next page" links.
For each: time and HTTP requests with an empty listing cache (cold), then with the
listings cached (warm: past days are final), and pages fetched for the quote. The
fetcher's per-host spacing is set to 0 (a real run adds QUOTETRAIL_HOST_INTERVAL,
default 1 s, per request to one host).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QUOTETRAIL_EGRESS_NETWORKS", "127.0.0.0/8")

from quotetrail.core.outlets import OutletRegistry
from quotetrail.discover import DiscoveryOptions, MemoryListingCache
from quotetrail.pipeline import ArticleInput, build_fetcher, verify
from tests.support.fake_outlets import (
    XML,
    archive_html,
    article_html,
    registry_toml,
    robots,
    sitemap_index_xml,
    sitemap_xml,
)
from tests.support.local_server import LocalServer, PrefixRoutes, Route

DAY = date(2021, 3, 10)
QUOTE = "The reservoir will hold 40 percent more water after the dam is raised"
SPEAKER = "Irene Castell"
TOPICS = ("harbour", "budget", "schools", "transport", "health", "sport", "culture", "tax")


def _decoy_page(request) -> Route:
    return Route(article_html("News", ["An official spoke about the city budget on Monday."]))


def build(kind: str, host: str, per_day: int) -> tuple[LocalServer, dict]:
    srv = LocalServer(host=host)
    srv.routes = PrefixRoutes()
    base = srv.url("")
    srv.routes["/robots.txt"] = robots()
    srv.routes["/a/*"] = _decoy_page
    right = f"{base}/a/{DAY:%Y%m%d}/castell-reservoir-dam-raised"
    srv.routes[f"/a/{DAY:%Y%m%d}/castell-reservoir-dam-raised"] = Route(
        article_html("Reservoir", [f'"{QUOTE}," {SPEAKER} said.'], DAY)
    )
    days = [DAY - timedelta(days=n) for n in range(-1, 17)]
    children = []
    for d in days:
        entries = [
            (f"{base}/a/{d:%Y%m%d}/{TOPICS[i % 8]}-story-{i}", d,
             f"Official on the {TOPICS[i % 8]} plan, part {i}")
            for i in range(per_day)
        ]  # fmt: skip
        if d == DAY - timedelta(days=1):
            entries.insert(per_day // 2, (right, d, "Castell: the dam will be raised"))
        if kind == "sitemap":
            srv.routes[f"/sitemaps/{d}.xml"] = Route(sitemap_xml(entries), headers=XML)
            children.append((f"{base}/sitemaps/{d}.xml", d))
        else:
            pages = [entries[i : i + 50] for i in range(0, len(entries), 50)]
            for n, chunk in enumerate(pages, 1):
                path = f"/news/{d:%Y/%m/%d}" + (f"?page={n}" if n > 1 else "")
                nxt = f"/news/{d:%Y/%m/%d}?page={n + 1}" if n < len(pages) else None
                srv.routes[path] = Route(archive_html([(u, t) for u, _, t in chunk], nxt))
    if kind == "sitemap":
        srv.routes["/sitemap.xml"] = Route(sitemap_index_xml(children), headers=XML)
        listing = {"kind": "sitemap", "url": f"{base}/sitemap.xml"}
    else:
        listing = {"kind": "archive_page", "url": base + "/news/{yyyy}/{mm}/{dd}"}
    outlet = {
        "id": f"bench-{kind}",
        "name": f"Bench {kind.title()}",
        "domains": [f"{host}:{srv.port}"],
        "listings": [listing],
    }
    return srv.start(), outlet


def article(outlet_name: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>R</title><meta property='
        f'"article:published_time" content="{DAY}T12:00:00Z"></head><body><article>'
        f'<p>"{QUOTE}," {SPEAKER} said, as quoted by {outlet_name}.</p></article></body></html>'
    )


def run(srv: LocalServer, outlet: dict, registry, cache) -> tuple[float, int, int, str]:
    before = len(srv.hits)
    started = time.perf_counter()
    with build_fetcher(allow_networks=["127.0.0.0/8"], min_interval=0.0, env={}) as fetcher:
        report = verify(
            ArticleInput(html=article(outlet["name"])), [], [], fetcher=fetcher,
            registry=registry, discovery=DiscoveryOptions(cache=cache, wayback=None, search=None),
        ).to_dict()  # fmt: skip
    elapsed = time.perf_counter() - started
    search = report["searches"][0]
    return elapsed, len(srv.hits) - before, search["fetched"], report["quotes"][0]["verdict"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="listed over the window")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    per_day = args.articles // 9
    for kind, host in (("sitemap", "127.0.0.31"), ("archive", "127.0.0.32")):
        srv, outlet = build(kind, host, per_day)
        try:
            registry = OutletRegistry.default().extended(
                OutletRegistry.from_toml(registry_toml([outlet]))
            )
            cold = [run(srv, outlet, registry, MemoryListingCache()) for _ in range(args.runs)]
            cache = MemoryListingCache()
            run(srv, outlet, registry, cache)
            warm = [run(srv, outlet, registry, cache) for _ in range(args.runs)]
        finally:
            srv.stop()
        for label, rows in (("cold", cold), ("warm", warm)):
            t = statistics.median(r[0] for r in rows)
            print(
                f"{kind:<8} {label}: {per_day * 9 + 1} articles listed in the window, "
                f"{t:.2f} s (median of {len(rows)}), {rows[0][1]} requests, "
                f"{rows[0][2]} pages fetched, verdict {rows[0][3]}"
            )


if __name__ == "__main__":
    main()

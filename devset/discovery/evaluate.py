"""Evaluate discovery on its development set: is the credited original found, at what cost?

    python devset/discovery/evaluate.py [--show-misses] [--per-quote 20]

Serves the five fake outlets of world.py (and a fake CDX archive) on loopback, runs
`quotetrail.pipeline.verify` with discovery on each case's article (which credits the
outlet in words only), and prints, overall and per outlet: the share of credited quotes
whose original was found (`matched` against the right URL), pages fetched per quote
(searches[].fetched) and HTTP requests per quote (counted by the fake servers: robots.txt,
listings, archive look-ups and pages). Every case starts with an empty listing cache,
so requests are the uncached cost. Targets: ≥ 90% found, ≤ 25 pages per quote.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QUOTETRAIL_EGRESS_NETWORKS", "127.0.0.0/8")  # loopback only, always

from devset.discovery import world  # noqa: E402
from quotetrail.core.outlets import OutletRegistry  # noqa: E402
from quotetrail.discover import DiscoveryOptions, MemoryListingCache  # noqa: E402
from quotetrail.discover.wayback import Wayback  # noqa: E402
from quotetrail.pipeline import ArticleInput, build_fetcher, verify  # noqa: E402
from tests.support.fake_outlets import (  # noqa: E402
    GZ,
    JSON,
    RSS,
    XML,
    archive_html,
    cdx_json,
    gz,
    registry_toml,
    robots,
    rss_xml,
    sitemap_index_xml,
    sitemap_xml,
)
from tests.support.local_server import LocalServer, PrefixRoutes, Route  # noqa: E402

PER_PAGE = 40


def _server(host: str) -> LocalServer:
    srv = LocalServer(host=host)
    srv.routes = PrefixRoutes()
    return srv


def serve(data: dict) -> tuple[dict[str, LocalServer], LocalServer, str, dict[str, str]]:
    """Start every outlet and the archive; the registry TOML and each serial's URL."""
    servers = {o.id: _server(o.host) for o in world.OUTLETS}
    archive = _server(world.ARCHIVE_HOST)
    urls: dict[str, str] = {}
    entries = []
    for o in world.OUTLETS:
        srv = servers[o.id]
        base = srv.url("")
        srv.routes["/robots.txt"] = robots(["/search"])
        by_day: dict[str, list[dict]] = defaultdict(list)
        for a in data["articles"][o.id]:
            path = world.article_path(o, a)
            urls[str(a["serial"])] = base + path
            srv.routes[path] = Route(world.page_html(a, o.lang))
            by_day[a["day"]].append(a)
        listings = _listings(o, srv, base, by_day, archive, urls)
        entries.append(
            {"id": o.id, "name": o.name, "aliases": [o.name],
             "domains": [f"{o.host}:{srv.port}"], "listings": listings}
        )  # fmt: skip
    for srv in (*servers.values(), archive):
        srv.start()
    return servers, archive, registry_toml(entries), urls


def _listings(o, srv, base, by_day, archive, urls) -> list[dict]:
    days = sorted(by_day)
    if o.kind == "sitemap_index":
        children = []
        for d in days:
            rows = [(urls[str(a["serial"])], date.fromisoformat(d), a["title"]) for a in by_day[d]]
            srv.routes[f"/sitemaps/{d}.xml"] = Route(sitemap_xml(rows), headers=XML)
            children.append((f"{base}/sitemaps/{d}.xml", date.fromisoformat(d)))
        srv.routes["/sitemap.xml"] = Route(sitemap_index_xml(children), headers=XML)
        return [{"kind": "sitemap", "url": f"{base}/sitemap.xml"}]
    if o.kind == "sitemap_gz":
        rows = [
            (urls[str(a["serial"])], date.fromisoformat(d), None) for d in days for a in by_day[d]
        ]
        srv.routes["/sitemap.xml.gz"] = Route(gz(sitemap_xml(rows)), headers=GZ)
        return [{"kind": "sitemap", "url": f"{base}/sitemap.xml.gz"}]
    if o.kind == "archive":
        last = by_day[days[-1]][-20:]
        srv.routes["/rss.xml"] = Route(
            rss_xml(
                (urls[str(a["serial"])], a["title"], date.fromisoformat(a["day"])) for a in last
            ),
            headers=RSS,
        )
        for d in days:
            day = date.fromisoformat(d)
            items = by_day[d]
            pages = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]
            for n, chunk in enumerate(pages, 1):
                path = f"/news/{day:%Y/%m/%d}" + (f"?page={n}" if n > 1 else "")
                nxt = f"/news/{day:%Y/%m/%d}?page={n + 1}" if n < len(pages) else None
                links = [(urls[str(a["serial"])], a["title"]) for a in chunk]
                srv.routes[path] = Route(archive_html(links, nxt))
        return [
            {"kind": "feed", "url": f"{base}/rss.xml"},
            {"kind": "archive_page", "url": base + "/news/{yyyy}/{mm}/{dd}", "links": "ul.news a"},
        ]
    if o.kind == "archive_ru":
        for d in days:
            day = date.fromisoformat(d)
            links = [(urls[str(a["serial"])], a["title"]) for a in by_day[d]]
            srv.routes[f"/archive/{day:%d.%m.%Y}"] = Route(archive_html(links))
        return [{"kind": "archive_page", "url": base + "/archive/{dd.mm.yyyy}"}]

    # wayback: the outlet lists nothing itself; the archive's CDX knows its URLs by day
    def cdx(request, base=base, by_day=by_day):
        from urllib.parse import parse_qs, urlsplit

        q = parse_qs(urlsplit(request.path).query)
        prefix = q.get("url", [""])[0]
        rows = [
            ("20201201000000", urls[str(a["serial"])])
            for d in by_day
            for a in by_day[d]
            if urls[str(a["serial"])].startswith(prefix)
        ]
        return Route(cdx_json(rows), headers=JSON)

    archive.routes["/cdx/search/cdx*"] = cdx
    return [{"kind": "wayback_prefix", "url": base + "/{yyyy}/{mm}/{dd}/"}]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--per-quote", type=int, default=20)
    parser.add_argument(
        "--seed", type=int, help="a fresh held-out set built from this seed, not cases.jsonl"
    )
    args = parser.parse_args()
    if args.seed is not None:
        data = world.build(args.seed)
        labelled = data["cases"]
    else:
        data = world.build()
        labelled = [json.loads(line) for line in (HERE / "cases.jsonl").open(encoding="utf-8")]
        assert labelled == data["cases"], "cases.jsonl is stale: run world.py --write"
    servers, archive, toml, urls = serve(data)
    registry = OutletRegistry.default().extended(OutletRegistry.from_toml(toml))
    outlets = {o.id: o for o in world.OUTLETS}
    stats: dict[str, list[tuple[bool, int, int]]] = defaultdict(list)
    misses = []
    started = time.perf_counter()
    try:
        with build_fetcher(allow_networks=["127.0.0.0/8"], min_interval=0.0, env={}) as fetcher:
            for case in labelled:
                o = outlets[case["outlet"]]
                right = urls[str(case["serial"])]
                hits_before = sum(len(s.hits) for s in (*servers.values(), archive))
                options = DiscoveryOptions(
                    cache=MemoryListingCache(),
                    per_quote=args.per_quote,
                    wayback=lambda f: Wayback(archive.url(""), f, interval=0),
                    search=None,
                )
                report = verify(
                    ArticleInput(html=world.case_article(case, o), source=case["id"]),
                    [], [], fetcher=fetcher, registry=registry, discovery=options,
                ).to_dict()  # fmt: skip
                requests = sum(len(s.hits) for s in (*servers.values(), archive)) - hits_before
                quote = next((q for q in report["quotes"] if q["text"] == case["quote"]), None)
                found = bool(
                    quote
                    and quote["verdict"] == "matched"
                    and quote["evidence"][0]["source"] == right
                )
                fetched = sum(s["fetched"] for s in report["searches"])
                stats[o.id].append((found, fetched, requests))
                if not found:
                    misses.append((case, quote and quote["verdict"], report["searches"]))
    finally:
        for srv in (*servers.values(), archive):
            srv.stop()
    elapsed = time.perf_counter() - started
    rows = [*stats.items(), ("ALL", [x for v in stats.values() for x in v])]
    print(
        f"{'outlet':<10} {'listing':<15} {'quotes':>6} {'found':>7} {'pages/q':>8} {'max':>4} {'req/q':>7}"
    )
    for name, items in rows:
        kind = outlets[name].kind if name in outlets else ""
        n = len(items)
        print(
            f"{name:<10} {kind:<15} {n:>6} {sum(f for f, _, _ in items) / n:>7.0%} "
            f"{sum(p for _, p, _ in items) / n:>8.1f} {max(p for _, p, _ in items):>4} "
            f"{sum(r for _, _, r in items) / n:>7.1f}"
        )
    print(
        f"\n{len(labelled)} credited quotes in {elapsed:.1f} s (per quote {elapsed / len(labelled):.2f} s)"
    )
    if args.show_misses:
        for case, verdict, searches in misses:
            print(f"- {case['id']}: {verdict}; {[s['reason'] for s in searches]}")
    everything = rows[-1][1]
    share = sum(f for f, _, _ in everything) / len(everything)
    worst = max(p for _, p, _ in everything)
    return 0 if share >= 0.9 and worst <= 25 else 1


if __name__ == "__main__":
    sys.exit(main())

"""A small world of fake outlets on distinct loopback addresses, for the discovery tests.

    127.0.0.11 Northwind Agency   sitemap index, 30 dated children × 20 decoys (news:title);
                                  robots.txt disallows /search (its site search)
    127.0.0.12 Eastgate Daily     feed of decoys + paginated daily archive pages
    127.0.0.13 Blocked Times      HTTP 403 to everything
    127.0.0.14 Gone Gazette       gzipped sitemap; the right page answers 404
    127.0.0.15 the web archive    CDX + raw copy of Gone Gazette's page
    127.0.0.16 SearXNG            JSON results for Quiet Courier (no listings)
    127.0.0.17 Quiet Courier      pages only; its own search path disallowed by robots.txt
All text is synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from tests.support.fake_outlets import (
    GZ,
    JSON,
    RSS,
    XML,
    archive_html,
    article_html,
    cdx_json,
    days,
    decoys,
    gz,
    registry_toml,
    robots,
    rss_xml,
    sitemap_index_xml,
    sitemap_xml,
)
from tests.support.local_server import LocalServer, PrefixRoutes, Route

ARTICLE_DAY = date(2020, 11, 16)
BRIDGES = "We will open four new bridges over the Neva by next autumn"
TRAMS = "The tram network will double in size within ten years"
BREAD = "Bread prices will not rise this winter"
HARBOUR = "The new harbour terminal will receive its first ferry in May"
FERRY = "Ferry tickets will cost the same next summer"

ARTICLE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>City promises bridges and trams</title>
<meta property="article:published_time" content="2020-11-16T09:00:00Z"></head><body><article>
<h1>City promises bridges and trams</h1>
<p>Mayor Anna Petrova promised new crossings on Saturday. "{BRIDGES}," Petrova said. Her words are quoted by Northwind Agency.</p>
<p>"{TRAMS}," transport minister Oleg Sidorov told Eastgate Daily on November 14.</p>
</article></body></html>
"""


def _server(host: str, routes: dict | None = None) -> LocalServer:
    srv = LocalServer(host=host)
    srv.routes = PrefixRoutes(routes or {})  # LocalServer copies into a plain dict
    return srv


@dataclass
class World:
    servers: dict[str, LocalServer] = field(default_factory=dict)
    registry: str = ""
    right: dict[str, str] = field(default_factory=dict)  # quote -> URL of its original

    def hits(self, name: str) -> list[str]:
        return self.servers[name].hits


def _northwind(world: World) -> None:
    srv = _server("127.0.0.11")
    base = srv.url("")
    right = f"{base}/politics/2020/11/15/petrova-bridges-neva"
    children = []
    for day in days(date(2020, 11, 1), date(2020, 11, 30)):
        child = f"{base}/sitemaps/news-{day}.xml"
        children.append((child, day))
        entries = [(f"{base}/society/{s}", day, t) for s, t, _ in decoys(20, day, 11)]
        for slug, _, text in decoys(20, day, 11):
            srv.routes[f"/society/{slug}"] = Route(article_html(slug, [text], day))
        if day == date(2020, 11, 15):
            entries.insert(7, (right, day, "Petrova promises four bridges over the Neva"))
        srv.routes[f"/sitemaps/news-{day}.xml"] = Route(sitemap_xml(entries), headers=XML)
    srv.routes["/sitemap.xml"] = Route(sitemap_index_xml(children), headers=XML)
    srv.routes["/robots.txt"] = robots(["/search"])
    srv.routes["/search"] = Route("<p>search results</p>")
    srv.routes["/politics/2020/11/15/petrova-bridges-neva"] = Route(
        article_html(
            "Petrova promises four bridges",
            [
                "Mayor Anna Petrova spoke to reporters on Sunday.",
                f'"{BRIDGES}," Petrova said, adding that the money was found.',
            ],
            date(2020, 11, 15),
        )
    )
    world.servers["northwind"] = srv.start()
    world.right[BRIDGES] = right


def _eastgate(world: World) -> None:
    srv = _server("127.0.0.12")
    base = srv.url("")
    right = f"{base}/news/2020/11/14/sidorov-tram-network"
    feed = [
        (f"{base}/news/2020/11/16/{s}", t, ARTICLE_DAY) for s, t, _ in decoys(10, ARTICLE_DAY, 12)
    ]
    srv.routes["/rss.xml"] = Route(rss_xml(feed), headers=RSS)
    for day in days(date(2020, 11, 1), date(2020, 11, 20)):
        links = [(f"/news/{day:%Y/%m/%d}/{s}", t) for s, t, _ in decoys(15, day, 12)]
        for slug, _, text in decoys(15, day, 12):
            srv.routes[f"/news/{day:%Y/%m/%d}/{slug}"] = Route(article_html(slug, [text], day))
        path = f"/news/{day:%Y/%m/%d}"
        if day == date(2020, 11, 14):
            srv.routes[path] = Route(archive_html(links, f"{path}?page=2"))
            srv.routes[f"{path}?page=2"] = Route(
                archive_html([(right, "Minister on the city's transport plans")])
            )
        else:
            srv.routes[path] = Route(archive_html(links))
    srv.routes["/robots.txt"] = robots()
    srv.routes["/news/2020/11/14/sidorov-tram-network"] = Route(
        article_html(
            "Minister on transport",
            [f'Oleg Sidorov said: "{TRAMS}." He did not give a budget.'],
            date(2020, 11, 14),
        )
    )
    world.servers["eastgate"] = srv.start()
    world.right[TRAMS] = right


def _blocked(world: World) -> None:
    srv = _server("127.0.0.13", {"*": Route("Forbidden", status=403)})
    world.servers["blocked"] = srv.start()


def _gone_and_archive(world: World) -> None:
    gone = _server("127.0.0.14")
    base = gone.url("")
    right = f"{base}/2020/11/15/orlov-bread-prices"
    entries = [
        (f"{base}/2020/11/15/{s}", date(2020, 11, 15), None)
        for s, _, _ in decoys(30, date(2020, 11, 15), 14)
    ]
    entries.append((right, date(2020, 11, 15), None))
    gone.routes["/sitemap.xml.gz"] = Route(gz(sitemap_xml(entries)), headers=GZ)
    gone.routes["/robots.txt"] = robots()
    world.servers["gone"] = gone.start()
    archive = _server("127.0.0.15")
    stamp = "20201115093000"
    page = article_html(
        "Orlov on bread", [f'Economist Ivan Orlov said: "{BREAD}."'], date(2020, 11, 15)
    )

    def cdx(request):
        wanted = right.split("://", 1)[1]
        if wanted in request.path.replace("%3A", ":").replace("%2F", "/"):
            return Route(cdx_json([(stamp, right)]), headers=JSON)
        return Route(cdx_json([]), headers=JSON)

    archive.routes["/cdx/search/cdx*"] = cdx
    archive.routes[f"/web/{stamp}id_/{right}"] = Route(page)
    world.servers["archive"] = archive.start()
    world.right[BREAD] = right


def _searx_and_quiet(world: World) -> None:
    quiet = _server("127.0.0.17")
    base = quiet.url("")
    right = f"{base}/stories/7731"
    quiet.routes["/robots.txt"] = robots(["/search"])
    quiet.routes["/search"] = Route("<a href='/stories/1'>x</a>")
    quiet.routes["/stories/7731"] = Route(
        article_html(
            "Port news", [f'Harbour director Mia Lund said: "{HARBOUR}."'], date(2020, 11, 13)
        )
    )
    world.servers["quiet"] = quiet.start()
    searx = _server("127.0.0.16")
    results = {
        "results": [
            {"url": "http://127.0.0.99/elsewhere", "title": "off the outlet"},
            {"url": f"{base}/stories/1", "title": "too old", "publishedDate": "2019-01-01"},
            {"url": right, "title": "Harbour terminal", "publishedDate": "2020-11-13T08:00:00"},
        ]
    }
    import json

    searx.routes["/search"] = Route(json.dumps(results), headers=JSON)
    world.servers["searx"] = searx.start()
    world.right[HARBOUR] = right


@pytest.fixture(scope="module")
def world():
    w = World()
    try:
        _northwind(w)
        _eastgate(w)
        _blocked(w)
        _gone_and_archive(w)
        _searx_and_quiet(w)
        s = w.servers
        w.registry = registry_toml(
            [
                {
                    "id": "northwind",
                    "name": "Northwind Agency",
                    "aliases": ["Northwind Agency", "Northwind"],
                    "domains": [f"127.0.0.11:{s['northwind'].port}"],
                    "search": s["northwind"].url("/search?q={query}"),
                    "listings": [{"kind": "sitemap", "url": s["northwind"].url("/sitemap.xml")}],
                },
                {
                    "id": "eastgate",
                    "name": "Eastgate Daily",
                    "domains": [f"127.0.0.12:{s['eastgate'].port}"],
                    "listings": [
                        {"kind": "feed", "url": s["eastgate"].url("/rss.xml")},
                        {
                            "kind": "archive_page",
                            "url": s["eastgate"].url("/news/{yyyy}/{mm}/{dd}"),
                            "links": "ul.news a",
                        },
                    ],
                },
                {
                    "id": "blocked",
                    "name": "Blocked Times",
                    "domains": [f"127.0.0.13:{s['blocked'].port}"],
                    "listings": [{"kind": "sitemap", "url": s["blocked"].url("/sitemap.xml")}],
                },
                {
                    "id": "gone",
                    "name": "Gone Gazette",
                    "domains": [f"127.0.0.14:{s['gone'].port}"],
                    "listings": [{"kind": "sitemap", "url": s["gone"].url("/sitemap.xml.gz")}],
                },
                {
                    "id": "quiet",
                    "name": "Quiet Courier",
                    "domains": [f"127.0.0.17:{s['quiet'].port}"],
                    "search": s["quiet"].url("/search?q={query}"),
                },
            ]
        )
        yield w
    finally:
        for server in w.servers.values():
            server.stop()

"""Discovery end to end against the fake outlets of conftest.py (all on loopback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from quotetrail.discover import DirectoryListingCache, DiscoveryOptions, MemoryListingCache
from quotetrail.discover.search import SearXNG
from quotetrail.discover.wayback import Wayback
from quotetrail.pipeline import ArticleInput, build_fetcher, verify
from tests.discover.conftest import ARTICLE, BREAD, BRIDGES, FERRY, HARBOUR, TRAMS

ROOT = Path(__file__).resolve().parents[2]


def _article(credit: str, quote: str, speaker: str = "Ivan Orlov") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story</title>'
        '<meta property="article:published_time" content="2020-11-16T09:00:00Z"></head>'
        f'<body><article><h1>Story</h1><p>"{quote}," {speaker} told {credit}.</p>'
        "</article></body></html>"
    )


def _run(world, tmp_path, html: str, **options):
    reg = tmp_path / "outlets.toml"
    reg.write_text(world.registry, encoding="utf-8")
    from quotetrail.core.outlets import OutletRegistry

    registry = OutletRegistry.load([reg], env={})
    options.setdefault("cache", MemoryListingCache())
    options.setdefault("wayback", None)
    options.setdefault("search", None)
    with build_fetcher(allow_networks=["127.0.0.0/8"], min_interval=0.0, env={}) as fetcher:
        report = verify(
            ArticleInput(html=html, source="story.html"),
            [],
            [],
            fetcher=fetcher,
            registry=registry,
            discovery=DiscoveryOptions(**options),
        )
    return report.to_dict()


def _source(report: dict, url: str) -> dict:
    return next(s for s in report["sources"] if s["source"] == url)


def test_cli_finds_credited_pages_without_links(world, tmp_path) -> None:
    """Black box: an article crediting two outlets in words only, no links, no --source."""
    article = tmp_path / "article.html"
    article.write_text(ARTICLE, encoding="utf-8")
    reg = tmp_path / "outlets.toml"
    reg.write_text(world.registry, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QUOTETRAIL_HOST_INTERVAL": "0",
        "QUOTETRAIL_CACHE_DIR": str(tmp_path / "cache"),
        "QUOTETRAIL_WAYBACK_URL": "off",
    }
    run = subprocess.run(
        [sys.executable, "-m", "quotetrail.cli", "verify", str(article), "--outlets", str(reg),
         "--allow-network", "127.0.0.0/8", "--format", "json"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert run.returncode in (0, 1), run.stderr  # 1: not every item is matched
    report = json.loads(run.stdout)
    # the direct quotes (the article's credited claims are judged too, for support)
    bridges, trams = [q for q in report["quotes"] if q["kind"] == "direct"]
    assert bridges["verdict"] == "matched" and trams["verdict"] == "matched"
    assert bridges["evidence"][0]["source"] == world.right[BRIDGES]
    assert trams["evidence"][0]["source"] == world.right[TRAMS]
    by_sitemap = _source(report, world.right[BRIDGES])
    assert by_sitemap["found_by"] == "sitemap"
    assert by_sitemap["found_via"].endswith("/sitemaps/news-2020-11-15.xml")
    assert by_sitemap["outlet"] == "Northwind Agency"
    by_archive = _source(report, world.right[TRAMS])
    assert by_archive["found_by"] == "archive_page"
    assert by_archive["found_via"].endswith("/news/2020/11/14?page=2")
    assert report["article"]["date"] == "2020-11-16"
    assert report["article"]["date_source"] == "page"
    assert report["article"]["window"] == {"from": "2020-11-09", "to": "2020-11-17"}
    searches = {s["outlet"]: s for s in report["searches"]}
    assert searches["Northwind Agency"]["status"] == "ok"
    bridges_index = report["quotes"].index(bridges)
    assert bridges_index in searches["Northwind Agency"]["quotes"]
    assert searches["Northwind Agency"]["listed"] >= 9 * 20
    assert 1 <= searches["Northwind Agency"]["fetched"] <= 20
    assert searches["Eastgate Daily"]["status"] == "ok"
    # only the window's dated children were read, never the 21 outside it
    hits = world.hits("northwind")
    assert not any("news-2020-11-01" in h or "news-2020-11-30" in h for h in hits)
    assert not any(h.startswith("/search") for h in hits)


def test_refusal_is_recorded_and_not_worked_around(world, tmp_path) -> None:
    before = len(world.hits("blocked"))
    report = _run(world, tmp_path, _article("Blocked Times", BREAD))
    quote = report["quotes"][0]
    assert quote["verdict"] == "unverifiable"
    (search,) = report["searches"]
    assert search["status"] == "refused"
    assert "HTTP 403" in search["reason"]
    assert report["sources"] == []
    # robots.txt (4xx = allowed), then the sitemap: refused, and nothing more
    assert world.hits("blocked")[before:] == ["/robots.txt", "/sitemap.xml"]


def test_gzipped_sitemap_and_dead_page_read_from_the_archive(world, tmp_path) -> None:
    archive = world.servers["archive"].url("")
    report = _run(
        world,
        tmp_path,
        _article("Gone Gazette", BREAD),
        wayback=lambda f: Wayback(archive, f, interval=0),
    )
    quote = report["quotes"][0]
    assert quote["verdict"] == "matched"
    source = _source(report, world.right[BREAD])
    assert source["found_by"] == "sitemap"
    assert source["archived_at"] == "2020-11-15T09:30:00Z"
    assert source["final_url"].startswith(archive + "/web/20201115093000id_/")
    assert report["searches"][0]["status"] == "ok"


def test_search_provider_within_domain_and_window_and_robots_for_site_search(
    world, tmp_path
) -> None:
    searx = world.servers["searx"].url("")
    html = _article("Quiet Courier", HARBOUR, "Mia Lund")
    before = len(world.hits("quiet"))
    report = _run(world, tmp_path, html, search=lambda f: SearXNG(searx, f, interval=0))
    assert report["quotes"][0]["verdict"] == "matched"
    source = _source(report, world.right[HARBOUR])
    assert source["found_by"] == "search"
    assert source["found_via"]
    hits = world.hits("quiet")[before:]
    assert "/stories/1" not in hits  # outside the window: never fetched
    assert not any(h.startswith("/search") for h in hits)  # robots.txt disallows it
    assert any(h.startswith("/search") for h in world.hits("searx"))


def test_outlet_that_cannot_be_searched_is_unverifiable_with_the_reason(world, tmp_path) -> None:
    report = _run(world, tmp_path, _article("Quiet Courier", HARBOUR, "Mia Lund"))
    assert report["quotes"][0]["verdict"] == "unverifiable"
    (search,) = report["searches"]
    assert search["status"] == "unavailable"
    assert search["reason"].startswith("no listing configured for Quiet Courier: robots.txt")


def test_searched_outlet_without_the_quote_is_not_found(world, tmp_path) -> None:
    quote = "We will close every bridge over the Neva tomorrow morning"
    report = _run(world, tmp_path, _article("Northwind Agency", quote, "Anna Petrova"))
    assert report["quotes"][0]["verdict"] == "not_found"
    (search,) = report["searches"]
    assert search["status"] == "ok"
    assert "none carries the quote" in search["reason"]
    assert search["fetched"] <= 20
    assert report["sources"] == []  # pages that carry nothing are counted, not listed


def test_past_days_listings_are_cached(world, tmp_path) -> None:
    cache = DirectoryListingCache(tmp_path / "cache")
    html = _article("Northwind Agency", BRIDGES, "Anna Petrova")
    _run(world, tmp_path, html, cache=cache)
    before = len(world.hits("northwind"))
    _run(world, tmp_path, html, cache=cache)
    again = world.hits("northwind")[before:]
    assert not any("/sitemaps/" in h for h in again), again


def test_no_discover_keeps_the_old_error(world, tmp_path) -> None:
    article = tmp_path / "article.html"
    article.write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "quotetrail.cli", "verify", str(article), "--no-discover"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60,
    )  # fmt: skip
    assert run.returncode == 2
    assert "no sources to check against" in run.stderr


@pytest.mark.parametrize("flag", [["--date", "2020-13-01"], ["--window", "soon"]])
def test_bad_date_or_window_is_a_usage_error(tmp_path, flag) -> None:
    article = tmp_path / "article.html"
    article.write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "quotetrail.cli", "verify", str(article), *flag],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60,
    )  # fmt: skip
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip()


def test_text_and_markdown_tell_how_sources_were_found_and_what_was_searched(
    world, tmp_path
) -> None:
    from quotetrail.cli.render import render
    from quotetrail.core.models import Report

    html = ARTICLE.replace(
        "</article>", f'<p>"{BREAD}," economist Ivan Orlov told Blocked Times.</p></article>'
    )
    data = _run(world, tmp_path, html)
    report = _report_from(data)
    text = render(report, "text")
    assert (
        "found by sitemap " + world.servers["northwind"].url("/sitemaps/news-2020-11-15.xml")
        in text
    )
    assert "Searches" in text
    assert (
        "article dated 2020-11-16 (from the page); outlets searched 2020-11-09 … 2020-11-17" in text
    )
    assert "Blocked Times refused" in text and "HTTP 403" in text
    assert "searched Northwind Agency listings for 2020-11-09 … 2020-11-17" in text
    markdown = render(report, "markdown")
    assert "## Searches" in markdown
    assert "| Blocked Times | refused |" in markdown
    assert "found by archive_page" in markdown
    assert isinstance(report, Report)


def _report_from(data: dict):
    """A Report rebuilt from its JSON (what the dashboard and exports read back)."""
    from quotetrail.core.models import (
        DiffOp,
        Evidence,
        Quote,
        QuoteResult,
        Report,
        SourceStatus,
        WordingGroup,
    )

    quotes = []
    for q in data["quotes"]:
        quote = Quote(
            q["text"], q["kind"], q["start"], q["end"], q["speaker"], q["cue"], q["cited_source"]
        )
        evidence = tuple(
            Evidence(
                e["source"], e["verdict"], e["score"], e["passage"], e["start"], e["end"],
                tuple(DiffOp(**d) for d in e["diff"]), tuple(e["reasons"]),
            )
            for e in q["evidence"]
        )  # fmt: skip
        groups = tuple(
            WordingGroup(g["wording"], g["verdict"], tuple(g["sources"])) for g in q["comparison"]
        )
        quotes.append(QuoteResult(quote, q["verdict"], q["score"], evidence, groups))
    return Report(
        tuple(quotes),
        tuple(SourceStatus(**s) for s in data["sources"]),
        data["article"],
        tuple(data["searches"]),
    )


def test_a_date_named_near_the_quote_is_searched_too(world, tmp_path) -> None:
    from tests.support.fake_outlets import archive_html, article_html
    from tests.support.local_server import Route

    eastgate = world.servers["eastgate"]
    path = "/news/2020/11/01/ferry-ticket-prices"
    eastgate.routes["/news/2020/11/01"] = Route(archive_html([(path, "Ferry tickets")]))
    eastgate.routes[path] = Route(
        article_html("Ferry", [f'Captain Ole Brun said: "{FERRY}."'], date(2020, 11, 1))
    )
    html = (
        '<html><head><meta property="article:published_time" content="2020-11-16T09:00:00Z">'
        f'</head><body><article><p>On November 1, captain Ole Brun told Eastgate Daily: "{FERRY}."'
        "</p></article></body></html>"
    )
    report = _run(world, tmp_path, html)
    assert report["quotes"][0]["verdict"] == "matched"
    assert report["searches"][0]["dates"] == ["2020-11-01"]
    assert _source(report, eastgate.url(path))["found_by"] == "archive_page"


def test_a_challenge_page_is_a_refusal(tmp_path) -> None:
    from tests.support.fake_outlets import registry_toml, robots, sitemap_xml
    from tests.support.local_server import LocalServer, Route

    wall = LocalServer(host="127.0.0.18")
    base = wall.url("")
    wall.routes.update(
        {
            "/robots.txt": robots(),
            "/sitemap.xml": Route(
                sitemap_xml([(f"{base}/story/1", date(2020, 11, 15), "Keller on quays")]),
                headers={"Content-Type": "application/xml"},
            ),
            "/story/1": Route("<html><title>Just a moment...</title><p>cf-chl</p></html>"),
            "/story/2": Route("<html><p>never asked for</p></html>"),
        }
    )
    wall.start()
    try:
        toml = registry_toml(
            [{"id": "wall", "name": "Wall Street Wire", "domains": [f"127.0.0.18:{wall.port}"],
              "listings": [{"kind": "sitemap", "url": f"{base}/sitemap.xml"}]}]
        )  # fmt: skip

        class W:
            registry = toml

        report = _run(W, tmp_path, _article("Wall Street Wire", HARBOUR, "Anna Keller"))
    finally:
        wall.stop()
    (search,) = report["searches"]
    assert search["status"] == "refused" and "challenge" in search["reason"]
    assert report["quotes"][0]["verdict"] == "unverifiable"
    assert wall.hits == ["/robots.txt", "/sitemap.xml", "/story/1"]


def test_the_archive_is_left_alone_after_its_429s(tmp_path) -> None:
    from tests.support.local_server import LocalServer, Route

    archive = LocalServer(host="127.0.0.19")
    archive.routes["/cdx/search/cdx"] = Route(
        "slow down", status=429, headers={"Retry-After": "0", "Content-Type": "text/plain"}
    )
    archive.start()
    try:
        with build_fetcher(allow_networks=["127.0.0.0/8"], min_interval=0.0, env={}) as f:
            from quotetrail.core.outlets import OutletRegistry
            from quotetrail.discover.session import Session

            session = Session(f, OutletRegistry.default())
            wayback = Wayback(archive.url(""), session.api_fetcher, interval=0)
            assert wayback.closest("http://127.0.0.20/x", date(2020, 11, 1)) is None
            assert wayback.closest("http://127.0.0.20/y", date(2020, 11, 1)) is None
            session.close()
    finally:
        archive.stop()
    assert len(archive.hits) == 2  # one back-off retry, then never again for the job
    assert not wayback.available and "429" in wayback.reason


def test_a_monthly_listing_is_read_once_for_all_its_days(tmp_path) -> None:
    from tests.support.fake_outlets import XML, article_html, registry_toml, robots, sitemap_xml
    from tests.support.local_server import LocalServer, Route

    monthly = LocalServer(host="127.0.0.20")
    base = monthly.url("")
    monthly.routes.update(
        {
            "/robots.txt": robots(),
            "/sitemap-202011.xml": Route(
                sitemap_xml([(f"{base}/s/lund-terminal", date(2020, 11, 13), None)]), headers=XML
            ),
            "/s/lund-terminal": Route(article_html("T", [f'Mia Lund said: "{HARBOUR}."'])),
        }
    )
    monthly.start()
    try:
        toml = registry_toml(
            [{"id": "monthly", "name": "Monthly Mercury", "domains": [f"127.0.0.20:{monthly.port}"],
              "listings": [{"kind": "sitemap", "url": base + "/sitemap-{yyyy}{mm}.xml"}]}]
        )  # fmt: skip

        class W:
            registry = toml

        report = _run(W, tmp_path, _article("Monthly Mercury", HARBOUR, "Mia Lund"), cache=None)
    finally:
        monthly.stop()
    assert report["quotes"][0]["verdict"] == "matched"
    assert monthly.hits.count("/sitemap-202011.xml") == 1

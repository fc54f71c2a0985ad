"""robots.txt (RFC 9309), conditional revalidation from the cache, per-host politeness."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from quotetrail.fetch import (
    HostPoliteness,
    MemoryFetchCache,
    MemoryRobotsCache,
    RobotsDisallowed,
)
from tests.support.local_server import Route, serving

PAGE = "<html><body><p>Page text.</p></body></html>"


def robots(text: str, status: int = 200) -> Route:
    return Route(text, status=status, headers={"Content-Type": "text/plain"})


def test_robots_allow(make_fetcher) -> None:
    with serving(
        {"/robots.txt": robots("User-agent: *\nDisallow: /private/\n"), "/news/1": Route(PAGE)}
    ) as server:
        assert make_fetcher().fetch(server.url("/news/1")).status == 200
    assert server.hits == ["/robots.txt", "/news/1"]


def test_robots_disallow_is_final_and_the_page_is_never_requested(make_fetcher) -> None:
    with (
        serving(
            {
                "/robots.txt": robots("User-agent: *\nDisallow: /private/\n"),
                "/private/a": Route(PAGE),
            }
        ) as server,
        pytest.raises(RobotsDisallowed, match="disallows") as info,
    ):
        make_fetcher().fetch(server.url("/private/a"))
    assert not info.value.retryable
    assert "/private/a" not in server.hits


def test_group_for_our_product_token_applies(make_fetcher) -> None:
    text = "User-agent: *\nAllow: /\n\nUser-agent: quotetrail\nDisallow: /\n"
    routes = {"/robots.txt": robots(text), "/a": Route(PAGE)}
    with serving(routes) as server, pytest.raises(RobotsDisallowed):
        make_fetcher().fetch(server.url("/a"))


def test_missing_robots_txt_allows_everything(make_fetcher) -> None:
    with serving({"/a": Route(PAGE)}) as server:  # /robots.txt → 404
        assert make_fetcher().fetch(server.url("/a")).status == 200


def test_robots_txt_gone_403_also_allows(make_fetcher) -> None:
    with serving({"/robots.txt": robots("no", status=403), "/a": Route(PAGE)}) as server:
        assert make_fetcher().fetch(server.url("/a")).status == 200


def test_unreachable_robots_txt_disallows_and_is_retryable(make_fetcher) -> None:
    with serving({"/robots.txt": robots("oops", status=500), "/a": Route(PAGE)}) as server:
        fetcher = make_fetcher()
        with pytest.raises(RobotsDisallowed, match="HTTP 500") as info:
            fetcher.fetch(server.url("/a"))
        assert info.value.retryable and info.value.reason == "robots_unreachable"
        assert "/a" not in server.hits
        # Not remembered: once robots.txt is back, the page is fetched.
        server.routes["/robots.txt"] = robots("User-agent: *\nAllow: /\n")
        assert fetcher.fetch(server.url("/a")).status == 200
    assert server.hits == ["/robots.txt", "/robots.txt", "/a"]


def test_robots_txt_is_read_once_per_origin(make_fetcher) -> None:
    with serving(
        {"/robots.txt": robots("User-agent: *\nAllow: /\n"), "/a": Route(PAGE), "/b": Route(PAGE)}
    ) as server:
        fetcher = make_fetcher()
        fetcher.fetch(server.url("/a"))
        fetcher.fetch(server.url("/b"))
    assert server.hits.count("/robots.txt") == 1


def test_robots_txt_redirect_is_followed(make_fetcher) -> None:
    routes = {
        "/robots.txt": Route(status=301, headers={"Location": "/real-robots.txt"}),
        "/real-robots.txt": robots("User-agent: *\nDisallow: /\n"),
        "/a": Route(PAGE),
    }
    with serving(routes) as server, pytest.raises(RobotsDisallowed):
        make_fetcher().fetch(server.url("/a"))


def test_each_redirect_hop_is_checked_against_robots(make_fetcher) -> None:
    routes = {
        "/robots.txt": robots("User-agent: *\nDisallow: /hidden\n"),
        "/a": Route(status=302, headers={"Location": "/hidden/page"}),
        "/hidden/page": Route(PAGE),
    }
    with serving(routes) as server, pytest.raises(RobotsDisallowed):
        make_fetcher().fetch(server.url("/a"))
    assert "/hidden/page" not in server.hits


def test_robots_can_be_switched_off(make_fetcher) -> None:
    with serving(
        {"/robots.txt": robots("User-agent: *\nDisallow: /\n"), "/a": Route(PAGE)}
    ) as server:
        assert make_fetcher(obey_robots=False).fetch(server.url("/a")).status == 200
    assert "/robots.txt" not in server.hits


def test_memory_robots_cache_expires() -> None:
    cache = MemoryRobotsCache(ttl=0.05)
    cache.put("http://a:80", "User-agent: *\nDisallow: /\n")
    assert cache.get("http://a:80") is not None
    time.sleep(0.08)
    assert cache.get("http://a:80") is None


def _etag_route(handler) -> Route:
    if handler.headers.get("If-None-Match") == '"v1"':
        return Route(b"", status=304, headers={"ETag": '"v1"'})
    return Route(PAGE, headers={"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'})


def test_cached_page_is_revalidated_with_etag_and_served_on_304(make_fetcher) -> None:
    cache = MemoryFetchCache()
    with serving({"/a": _etag_route}) as server:
        fetcher = make_fetcher(cache=cache, obey_robots=False)
        first = fetcher.fetch(server.url("/a"))
        second = fetcher.fetch(server.url("/a"))
    assert not first.from_cache and second.from_cache
    assert second.body == first.body == PAGE.encode()
    assert second.sha256 == first.sha256 and second.status == 200
    assert "if-none-match" not in server.request_headers[0]
    assert server.request_headers[1]["if-none-match"] == '"v1"'


def test_last_modified_is_sent_as_if_modified_since(make_fetcher) -> None:
    stamp = "Tue, 24 Nov 2026 10:00:00 GMT"

    def route(handler) -> Route:
        if handler.headers.get("If-Modified-Since") == stamp:
            return Route(b"", status=304)
        return Route(PAGE, headers={"Content-Type": "text/html", "Last-Modified": stamp})

    with serving({"/a": route}) as server:
        fetcher = make_fetcher(cache=MemoryFetchCache(), obey_robots=False)
        fetcher.fetch(server.url("/a"))
        assert fetcher.fetch(server.url("/a")).from_cache


def test_changed_page_replaces_the_cached_one(make_fetcher) -> None:
    versions = iter(['"v1"', '"v2"'])

    def route(handler) -> Route:
        tag = next(versions)
        return Route(f"<p>{tag}</p>", headers={"Content-Type": "text/html", "ETag": tag})

    cache = MemoryFetchCache()
    with serving({"/a": route}) as server:
        fetcher = make_fetcher(cache=cache, obey_robots=False)
        fetcher.fetch(server.url("/a"))
        second = fetcher.fetch(server.url("/a"))
    assert not second.from_cache and b"v2" in second.body
    assert cache.get(server.url("/a")).etag == '"v2"'


def test_pages_without_validators_are_not_cached() -> None:
    assert MemoryFetchCache().get("http://x/") is None


def test_politeness_spaces_requests_to_one_host() -> None:
    polite = HostPoliteness(min_interval=0.15)
    starts: list[float] = []
    for _ in range(3):
        with polite.slot("outlet.example"):
            starts.append(time.monotonic())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert all(gap >= 0.14 for gap in gaps)
    started = time.monotonic()
    with polite.slot("other.example"):
        pass
    assert time.monotonic() - started < 0.1  # other hosts do not wait


def test_politeness_allows_one_request_at_a_time_per_host() -> None:
    polite = HostPoliteness(min_interval=0.0, concurrency=1)
    inside = []
    peak = []

    def worker() -> None:
        with polite.slot("outlet.example"):
            inside.append(1)
            peak.append(len(inside))
            time.sleep(0.03)
            inside.pop()

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(peak) == 1


def test_fetcher_uses_the_politeness_slot_for_every_request(make_fetcher) -> None:
    hosts: list[str] = []

    class Recording(HostPoliteness):
        def slot(self, host: str):
            hosts.append(host)
            return super().slot(host)

    with serving(
        {
            "/robots.txt": robots("User-agent: *\nAllow: /\n"),
            "/a": Route(status=302, headers={"Location": "/b"}),
            "/b": Route(PAGE),
        }
    ) as server:
        make_fetcher(politeness=Recording(min_interval=0.0)).fetch(server.url("/a"))
    assert hosts == ["127.0.0.1"] * 3

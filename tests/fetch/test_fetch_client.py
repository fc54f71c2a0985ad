"""The fetcher end to end against servers on 127.0.0.1 only.

The suite allows 127.0.0.1/32 and confines egress to loopback; refusals are shown with
127.0.0.2 and with fake resolvers, and the `transport` fixture fails the test on any
attempt to connect anywhere but 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from quotetrail.core.document import document_from_bytes
from quotetrail.fetch import (
    BlockedAddress,
    FetchSettings,
    HTTPStatusError,
    InvalidURL,
    NetworkError,
    TooLarge,
    TooManyRedirects,
    TooSlow,
    UnsupportedContentType,
    UnsupportedScheme,
    parse_retry_after,
)
from tests.support.local_server import Route, serving

PAGE = "<html><body><article><p>«Мы готовы к диалогу», — сказал он.</p></article></body></html>"
ROBOTS_OPEN = Route("User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})


def test_fetches_a_page_with_an_honest_user_agent(make_fetcher, transport) -> None:
    with serving({"/robots.txt": ROBOTS_OPEN, "/a": Route(PAGE)}) as server:
        result = make_fetcher().fetch(server.url("/a"))
    assert result.status == 200 and not result.from_cache
    assert result.url == result.final_url == server.url("/a")
    assert result.body == PAGE.encode("utf-8")
    assert result.sha256 == hashlib.sha256(result.body).hexdigest()
    assert result.content_type == "text/html; charset=utf-8"
    assert result.headers["content-type"] == "text/html; charset=utf-8"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", result.fetched_at)
    page_request = server.request_headers[server.hits.index("/a")]
    assert page_request["user-agent"].startswith("quotetrail/")
    assert "quote verification bot" in page_request["user-agent"]
    assert set(transport.targets) == {"127.0.0.1"}


def test_redirect_to_a_refused_address_is_stopped_before_connecting(
    make_fetcher, transport
) -> None:
    with serving({"/robots.txt": ROBOTS_OPEN}) as server:
        server.routes["/go"] = Route(
            status=302, headers={"Location": f"http://127.0.0.2:{server.port}/"}
        )
        with pytest.raises(BlockedAddress, match=r"127\.0\.0\.2.*loopback"):
            make_fetcher().fetch(server.url("/go"))
    assert all(host == "127.0.0.1" for host in transport.targets)
    assert not transport.violations


def test_name_resolving_to_a_private_address_is_refused_without_connecting(
    make_fetcher, transport
) -> None:
    resolver_calls = []

    def resolver(host: str, port: int) -> list[str]:
        resolver_calls.append(host)
        return {"tass.example": ["10.1.2.3"]}[host]

    fetcher = make_fetcher(resolver=resolver, egress_networks=None)  # the guard alone
    with pytest.raises(BlockedAddress, match=r"10\.1\.2\.3: private"):
        fetcher.fetch("https://tass.example/news/1")
    assert resolver_calls == ["tass.example"]
    assert transport.targets == []


def test_rebinding_name_connects_only_to_the_checked_address(make_fetcher, transport) -> None:
    answers = iter([["127.0.0.1"], ["10.9.9.9"], ["10.9.9.9"]])

    def rebinding(host: str, port: int) -> list[str]:
        assert host == "rebind.example"
        return next(answers)

    with serving({"/": Route(PAGE)}) as server:
        fetcher = make_fetcher(resolver=rebinding, obey_robots=False)
        result = fetcher.fetch(f"http://rebind.example:{server.port}/")
        assert result.status == 200
        assert server.request_headers[0]["host"] == f"rebind.example:{server.port}"
        # The name now points elsewhere: the next fetch is refused, not sent there.
        with pytest.raises(BlockedAddress):
            fetcher.fetch(f"http://rebind.example:{server.port}/")
    assert transport.targets == ["127.0.0.1"]


def test_https_requests_carry_the_real_name_for_sni(make_fetcher, transport) -> None:
    fetcher = make_fetcher(
        resolver=lambda h, p: ["127.0.0.1"], obey_robots=False, connect_timeout=1
    )
    with pytest.raises(NetworkError):
        fetcher.fetch("https://outlet.example:9/")  # nothing listens on port 9
    request = transport.requests[-1]
    assert request.url.host == "127.0.0.1"
    assert request.extensions["sni_hostname"] == "outlet.example"
    assert request.headers["host"] == "outlet.example:9"


def test_slow_response_is_a_retryable_timeout(make_fetcher) -> None:
    with serving({"/slow": Route(PAGE, delay=2.0)}) as server:
        started = time.monotonic()
        with pytest.raises(NetworkError, match="timed out reading") as info:
            make_fetcher(read_timeout=0.3, obey_robots=False).fetch(server.url("/slow"))
    assert time.monotonic() - started < 1.5
    assert info.value.retryable and info.value.reason == "timeout"


def test_connection_refused_is_a_retryable_network_error(make_fetcher) -> None:
    with serving({}) as server:
        port = server.port
    with pytest.raises(NetworkError) as info:
        make_fetcher(obey_robots=False).fetch(f"http://127.0.0.1:{port}/")
    assert info.value.retryable


def test_content_length_over_the_limit_is_refused_up_front(make_fetcher) -> None:
    big = {"/big": Route(b"x" * 300_000)}
    with serving(big) as server, pytest.raises(TooLarge, match="announces") as info:
        make_fetcher(max_bytes=100_000, obey_robots=False).fetch(server.url("/big"))
    assert not info.value.retryable


def test_body_is_capped_while_streaming(make_fetcher, raw) -> None:
    def endless(head: bytes, send) -> None:  # no Content-Length, 50 MB on offer
        send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
        for _ in range(50 * 16):
            send(b"y" * 65536)

    with raw(endless) as server:
        started = time.monotonic()
        with pytest.raises(TooLarge, match="larger than"):
            make_fetcher(max_bytes=200_000, obey_robots=False).fetch(server.url("/"))
        assert time.monotonic() - started < 5
        time.sleep(0.2)
    assert server.sent and server.sent[0] < 10 * 1024 * 1024


def test_dripping_server_hits_the_total_deadline_and_is_final(make_fetcher, raw) -> None:
    def drip(head: bytes, send) -> None:
        send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
        for _ in range(40):
            send(b"z")
            time.sleep(0.1)

    with raw(drip) as server, pytest.raises(TooSlow, match="longer than") as info:
        make_fetcher(total_timeout=0.5, obey_robots=False).fetch(server.url("/"))
    assert not info.value.retryable  # retrying would hold a worker as long again


def _chain(hops: int) -> dict[str, Route]:
    routes = {f"/r{i}": Route(status=302, headers={"Location": f"/r{i + 1}"}) for i in range(hops)}
    routes[f"/r{hops}"] = Route(PAGE)
    routes["/robots.txt"] = ROBOTS_OPEN
    return routes


def test_five_redirects_are_followed(make_fetcher) -> None:
    with serving(_chain(5)) as server:
        result = make_fetcher().fetch(server.url("/r0"))
    assert result.final_url == server.url("/r5")
    assert result.redirects == tuple(server.url(f"/r{i}") for i in range(1, 6))
    assert result.url == server.url("/r0")


def test_six_redirects_are_too_many(make_fetcher) -> None:
    with serving(_chain(6)) as server:
        with pytest.raises(TooManyRedirects):
            make_fetcher().fetch(server.url("/r0"))
        assert "/r6" not in server.hits


def test_redirect_to_file_scheme_is_refused(make_fetcher, transport) -> None:
    with (
        serving(
            {
                "/robots.txt": ROBOTS_OPEN,
                "/go": Route(status=301, headers={"Location": "file:///etc/passwd"}),
            }
        ) as server,
        pytest.raises(UnsupportedScheme),
    ):
        make_fetcher().fetch(server.url("/go"))


@pytest.mark.parametrize("content_type", ["image/png", "application/octet-stream"])
def test_non_page_content_types_are_refused(make_fetcher, content_type: str) -> None:
    routes = {"/f": Route(b"\x89PNG....", headers={"Content-Type": content_type})}
    with serving(routes) as server, pytest.raises(UnsupportedContentType, match=content_type):
        make_fetcher(obey_robots=False).fetch(server.url("/f"))


def test_503_is_retryable_with_retry_after_seconds(make_fetcher) -> None:
    routes = {
        "/busy": Route(
            "busy", status=503, headers={"Content-Type": "text/plain", "Retry-After": "120"}
        )
    }
    with serving(routes) as server, pytest.raises(HTTPStatusError) as info:
        make_fetcher(obey_robots=False).fetch(server.url("/busy"))
    assert info.value.status == 503 and info.value.retryable
    assert info.value.retry_after == 120.0


def test_429_with_an_http_date_retry_after(make_fetcher) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    routes = {"/slow-down": Route("", status=429, headers={"Retry-After": when})}
    with serving(routes) as server, pytest.raises(HTTPStatusError) as info:
        make_fetcher(obey_robots=False).fetch(server.url("/slow-down"))
    assert info.value.retryable
    assert info.value.retry_after is not None and 80 <= info.value.retry_after <= 91


def test_404_is_not_retryable(make_fetcher) -> None:
    with serving({}) as server, pytest.raises(HTTPStatusError) as info:
        make_fetcher(obey_robots=False).fetch(server.url("/missing"))
    assert info.value.status == 404 and not info.value.retryable
    assert info.value.retry_after is None


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://outlet.example/a.txt",
        "data:text/html,<p>hi</p>",
        "gopher://x/",
        "javascript:alert(1)",
    ],
)
def test_non_http_schemes_are_refused(make_fetcher, transport, url: str) -> None:
    with pytest.raises(UnsupportedScheme):
        make_fetcher().fetch(url)
    assert transport.targets == []


@pytest.mark.parametrize("url", ["http://", "http://256.1.1.1/", "http://exa mple.com/"])
def test_malformed_urls_are_invalid(make_fetcher, transport, url: str) -> None:
    with pytest.raises(InvalidURL):
        make_fetcher(resolver=lambda h, p: ["127.0.0.1"]).fetch(url)
    assert transport.targets == []


@pytest.mark.parametrize(
    ("codec", "content_type"),
    [
        ("cp1251", "text/html; charset=windows-1251"),
        ("cp1251", "text/html"),
        ("koi8_r", "text/html; charset=koi8-r"),
        ("koi8_r", "text/html"),
    ],
)
def test_russian_legacy_pages_read_through_document_from_bytes(
    make_fetcher, codec: str, content_type: str
) -> None:
    article = (
        "<html><head><title>Заявление</title></head><body><article><h1>Министр ответил критикам</h1>"
        "<p>Министр заявил, что &laquo;никаких сокращений не будет&raquo;, и пообещал отчитаться в марте.</p>"
        "</article></body></html>"
    )
    with serving(
        {"/p": Route(article.encode(codec), headers={"Content-Type": content_type})}
    ) as server:
        result = make_fetcher(obey_robots=False).fetch(server.url("/p"))
    doc = document_from_bytes(result.body, result.content_type, result.final_url)
    assert "Министр заявил, что «никаких сокращений не будет»" in doc.text
    assert doc.title == "Министр ответил критикам"


def test_parse_retry_after() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past


def test_default_settings_come_from_the_suite_environment() -> None:
    settings = FetchSettings.from_env()
    assert [str(n) for n in settings.egress_networks or ()] == ["127.0.0.0/8", "::1/128"]
    assert "127.0.0.1/32" in [str(n) for n in settings.allow_networks]


def test_international_host_names_are_resolved_as_punycode(make_fetcher) -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    with serving({"/": Route(PAGE)}) as server:
        result = make_fetcher(resolver=resolver, obey_robots=False).fetch(
            f"http://газета.example:{server.port}/"
        )
    assert result.status == 200
    assert asked == ["xn--80aahjj1e.example"]
    assert server.request_headers[0]["host"] == f"xn--80aahjj1e.example:{server.port}"

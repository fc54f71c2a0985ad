"""The shared fetch cache: a page fetched by one worker is revalidated by another."""

import uuid

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from quotetrail.fetch import Fetcher, FetchSettings, HostPoliteness
from tests.support.local_server import Route, serving
from worker.redis_cache import RedisFetchCache, RedisRobotsCache, redis_fetch_backends

pytestmark = pytest.mark.integration

PAGE = "<html><body><article><p>The mayor spoke about the new bridge at length.</p></article></body></html>"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_HOST_INTERVAL", "0")
    c = redis.Redis.from_url("redis://127.0.0.1:6379/13")
    prefix = f"qt-test-{uuid.uuid4().hex[:8]}"
    yield c, prefix
    for key in c.scan_iter(f"{prefix}:*"):
        c.delete(key)


def _etag_route(handler) -> Route:
    if handler.headers.get("If-None-Match") == '"v1"':
        return Route(b"", status=304, headers={"ETag": '"v1"'})
    return Route(PAGE, headers={"Content-Type": "text/html", "ETag": '"v1"'})


def test_second_worker_revalidates_instead_of_downloading(client):
    c, prefix = client
    with serving({"/a": _etag_route}) as server:

        def worker_fetcher():
            backends = redis_fetch_backends(c, prefix=prefix, lease=10, max_wait=5)
            return Fetcher(FetchSettings.from_env(), **backends)

        first = worker_fetcher().fetch(server.url("/a"))
        second = worker_fetcher().fetch(server.url("/a"))  # a different "worker"
        assert not first.from_cache and second.from_cache
        assert second.body == first.body and second.sha256 == first.sha256
        conditional = [h for h in server.request_headers if h.get("if-none-match")]
        assert len(conditional) == 1
        # robots.txt was read once and shared through Redis
        assert server.hits.count("/robots.txt") == 1


def test_pages_without_validators_or_too_big_are_not_cached(client):
    c, prefix = client
    cache = RedisFetchCache(c, prefix=prefix, max_bytes=100)
    with serving(
        {
            "/plain": Route(PAGE),
            "/big": Route("x" * 500, headers={"Content-Type": "text/html", "ETag": '"b"'}),
        }
    ) as server:
        fetcher = Fetcher(FetchSettings.from_env(), cache=cache, politeness=HostPoliteness(0))
        fetcher.fetch(server.url("/plain"))
        fetcher.fetch(server.url("/big"))
        assert cache.get(server.url("/plain")) is None
        assert cache.get(server.url("/big")) is None


def test_unreachable_redis_is_a_miss_not_an_error():
    dead = redis.Redis(port=1, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    assert RedisFetchCache(dead).get("http://outlet.test/") is None
    robots = RedisRobotsCache(dead)
    robots.put("http://outlet.test", "User-agent: *")
    assert robots.get("http://outlet.test") is None

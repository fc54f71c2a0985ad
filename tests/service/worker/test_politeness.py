"""Per-host politeness shared through the real local Redis (DB 13, per-test key prefix)."""

import itertools
import threading
import time
import uuid

import pytest
import redis

from worker.politeness import PolitenessTimeout, RedisPoliteness

pytestmark = pytest.mark.integration


@pytest.fixture
def client():
    c = redis.Redis.from_url("redis://127.0.0.1:6379/13")
    c.ping()
    prefix = f"qt-test-{uuid.uuid4().hex[:8]}"
    yield c, prefix
    for key in c.scan_iter(f"{prefix}:*"):
        c.delete(key)


def test_concurrency_is_capped_across_clients(client):
    c, prefix = client
    # Two "workers" (separate limiter objects) on one host: never more than 2 in flight.
    limiters = [RedisPoliteness(c, concurrency=2, interval=0, prefix=prefix) for _ in range(2)]
    peak = 0
    in_flight = 0
    lock = threading.Lock()

    def work(limiter):
        nonlocal peak, in_flight
        with limiter.slot("example.test"):
            with lock:
                in_flight += 1
                peak = max(peak, in_flight)
            time.sleep(0.05)
            with lock:
                in_flight -= 1

    threads = [threading.Thread(target=work, args=(limiters[i % 2],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak == 2
    assert limiters[0].in_flight("example.test") == 0


def test_min_interval_between_starts(client):
    c, prefix = client
    limiter = RedisPoliteness(c, concurrency=5, interval=0.2, prefix=prefix)
    starts = []
    for _ in range(3):
        with limiter.slot("Slow.Test"):
            starts.append(time.monotonic())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert all(gap >= 0.18 for gap in gaps), gaps
    # other hosts are not held back
    t0 = time.monotonic()
    with limiter.slot("other.test"):
        pass
    assert time.monotonic() - t0 < 0.15


def test_lease_expires_when_a_holder_dies(client):
    c, prefix = client
    limiter = RedisPoliteness(c, concurrency=1, interval=0, lease=1, max_wait=3, prefix=prefix)
    limiter.acquire("host.test")  # never released: the worker "died"
    t0 = time.monotonic()
    with limiter.slot("host.test"):
        pass
    assert 0.5 < time.monotonic() - t0 < 2.5


def test_gives_up_after_max_wait(client):
    c, prefix = client
    limiter = RedisPoliteness(c, concurrency=1, interval=0, lease=60, max_wait=0.3, prefix=prefix)
    limiter.acquire("busy.test")
    with pytest.raises(PolitenessTimeout, match=r"busy\.test"):
        limiter.acquire("busy.test")

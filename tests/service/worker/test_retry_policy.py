"""When a failed fetch is retried, and after how long."""

import pytest

from quotetrail.fetch.errors import BlockedAddress, HTTPStatusError, NetworkError
from worker import runtime, tasks
from worker.politeness import PolitenessTimeout
from worker.settings import WorkerSettings


@pytest.fixture(autouse=True)
def settings(monkeypatch):
    fixed = WorkerSettings(max_retries=3, retry_backoff=2, retry_backoff_max=30)
    monkeypatch.setattr(runtime, "settings", lambda: fixed)
    return fixed


@pytest.mark.parametrize("status", [429, 500, 503])
def test_429_and_5xx_are_retried_with_growing_backoff(status):
    error = HTTPStatusError(status, "http://outlet.test/a")
    first = [tasks.retry_delay(error, 0) for _ in range(50)]
    third = [tasks.retry_delay(error, 2) for _ in range(50)]
    assert all(1 <= d <= 2 for d in first)  # 2 s ceiling, jittered down to half
    assert all(4 <= d <= 8 for d in third)
    assert len(set(first)) > 1  # jitter: workers retrying together spread out


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_other_4xx_are_not_retried(status):
    assert tasks.retry_delay(HTTPStatusError(status, "http://outlet.test/a"), 0) is None


def test_refused_addresses_are_not_retried():
    assert tasks.retry_delay(BlockedAddress("loopback"), 0) is None


def test_network_errors_and_busy_hosts_are_retried():
    assert tasks.retry_delay(NetworkError("timed out"), 0) is not None
    assert tasks.retry_delay(PolitenessTimeout("h", 30), 0) is not None


def test_retries_stop_at_the_limit():
    assert tasks.retry_delay(NetworkError("x"), 2) is not None
    assert tasks.retry_delay(NetworkError("x"), 3) is None


def test_retry_after_is_a_minimum_and_too_long_gives_up():
    error = HTTPStatusError(503, "http://outlet.test/a", retry_after=20)
    assert tasks.retry_delay(error, 0) == 20
    too_long = HTTPStatusError(503, "http://outlet.test/a", retry_after=3600)
    assert tasks.retry_delay(too_long, 0) is None


def test_no_error_no_retry():
    assert tasks.retry_delay(None, 0) is None

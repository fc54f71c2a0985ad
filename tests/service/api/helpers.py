"""Shared by the API tests: a loopback-only resolver, a recording dispatcher, problem checks."""

from __future__ import annotations

from typing import Any

from tests.support.dispatcher import RecordingDispatcher

__all__ = ["RecordingDispatcher", "assert_problem", "loopback_resolver"]

# Names the tests may use; everything else "does not resolve" (no DNS is ever asked).
LOOPBACK_NAMES = {
    "localhost": ["127.0.0.1"],
    "outlet.localhost": ["127.0.0.1"],
    "sneaky.localhost": ["127.0.0.2"],
}


def loopback_resolver(host: str, port: int = 80) -> list[str]:
    return list(LOOPBACK_NAMES.get(host.lower(), []))


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["type"], str) and body["type"]
    assert "Traceback" not in response.text
    return body

"""robots.txt as RFC 9309 reads it: a missing file (any 4xx) allows everything, an
unreachable one (5xx, network failure) disallows everything until it can be read."""

from __future__ import annotations

import httpx
from protego import Protego

ALLOW_ALL = ""
DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


def origin_of(url: httpx.URL) -> str:
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.scheme}://{url.raw_host.decode('ascii')}:{port}"


def robots_url(url: httpx.URL) -> str:
    return str(url.copy_with(path="/robots.txt", query=None, fragment=None))


def robots_text_for(status: int, body: bytes) -> str:
    """What to remember for an origin after fetching its robots.txt with `status`."""
    if 200 <= status < 300:
        return body.decode("utf-8", errors="replace")
    if 400 <= status < 500:
        return ALLOW_ALL
    return DISALLOW_ALL


def is_allowed(robots_txt: str, url: str, agent: str) -> bool:
    if not robots_txt.strip():
        return True
    return bool(Protego.parse(robots_txt).can_fetch(url, agent))

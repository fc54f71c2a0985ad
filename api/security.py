"""Who is calling (API key or client IP) and whether they may: auth and rate limits.

Keys come as `Authorization: Bearer <key>` or `X-API-Key: <key>`. A wrong or revoked
key is always refused (401), even when keys are optional, so a client never silently
runs anonymously. Quotas count per key, or per client IP for anonymous calls.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.context import ApiContext, Context
from api.problems import ApiProblem

TOUCH_EVERY_SECONDS = 60.0
_last_touch: dict[str, float] = {}


@dataclass(frozen=True)
class Principal:
    key_id: str | None
    key_name: str | None
    client: str

    @property
    def actor(self) -> str:
        return f"apikey:{self.key_name}" if self.key_id else f"anonymous:{self.client}"


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
        raise ApiProblem(
            401,
            "Unauthorized",
            "use 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
            "unauthorized",
            headers={"WWW-Authenticate": 'Bearer realm="quotetrail"'},
        )
    key = request.headers.get("x-api-key")
    return key.strip() if key and key.strip() else None


def authenticate(request: Request, context: Context) -> Principal:
    """The router-wide dependency: identify, count against the quota, then authorise."""
    client = request.client.host if request.client else "unknown"
    token = presented_token(request)
    key = context.store.verify_api_key(token) if token else None
    identity = f"key:{key.id}" if key else f"ip:{client}"
    decision = context.limiter.hit(identity)
    if decision is not None:
        request.state.rate_limit = decision
        if not decision.allowed:
            raise ApiProblem(
                429,
                "Too Many Requests",
                f"over the quota of {decision.limit} requests per {decision.window} s; "
                f"retry in {decision.retry_after} s",
                "rate-limited",
                headers={"Retry-After": str(decision.retry_after)},
            )
    unauthorized = {"WWW-Authenticate": 'Bearer realm="quotetrail"'}
    if token and key is None:
        raise ApiProblem(
            401, "Unauthorized", "unknown or revoked API key", "unauthorized", headers=unauthorized
        )
    if key is None and keys_required(request, context):
        raise ApiProblem(
            401,
            "Unauthorized",
            "this server requires an API key",
            "unauthorized",
            headers=unauthorized,
        )
    if key is not None:
        _touch(context, key.id)
    return Principal(key.id if key else None, key.name if key else None, client)


def keys_required(request: Request, context: ApiContext) -> bool:
    """Keys are required when the operator says so, or by default ("auto") whenever the API
    listens beyond loopback: an anonymous API is only for the machine it runs on."""
    setting = context.settings.require_api_key
    if setting is not None:
        return setting
    return beyond_loopback(context.settings.bind_host) or beyond_loopback(
        (request.scope.get("server") or (None,))[0]
    )


def beyond_loopback(host: str | None) -> bool:
    """True for an address other hosts can reach: 0.0.0.0, ::, 10.1.2.3, a public name.

    None (a Unix socket, or unknown), 'localhost' and loopback addresses are local. A
    server address that is a name other than localhost (an in-process test client's
    'testserver') is judged by the bind host alone, which `serve` always sets."""
    if not host:
        return False
    text = host.strip("[]").lower()
    if text == "localhost":
        return False
    try:
        return not ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


Caller = Annotated[Principal, Depends(authenticate)]  # a handler parameter: who is calling


def _touch(context: ApiContext, key_id: str) -> None:
    now = time.monotonic()
    if now - _last_touch.get(key_id, -TOUCH_EVERY_SECONDS) >= TOUCH_EVERY_SECONDS:
        _last_touch[key_id] = now
        context.store.touch_api_key(key_id)


class RateLimitHeadersMiddleware:
    """Adds RateLimit / RateLimit-Policy to every response whose request was counted."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                decision = (scope.get("state") or {}).get("rate_limit")
                if decision is not None:
                    headers = list(message.get("headers", []))
                    headers += [
                        (k.lower().encode(), v.encode()) for k, v in decision.headers().items()
                    ]
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

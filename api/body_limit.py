"""Refuses oversized and non-JSON request bodies before the app reads them.

A declared Content-Length over the limit is answered 413 at once, without reading a
byte; a chunked body is counted as it streams and cut off at the limit, so a 20 MB
upload never sits in memory. Bodies sent to the JSON API without a JSON Content-Type
(none at all included) get 415.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class BodyTooLarge(HTTPException):
    """An HTTPException so FastAPI's body parsing re-raises it (other errors become 400)."""

    def __init__(self, max_bytes: int):
        super().__init__(413, f"request bodies are limited to {max_bytes} bytes")


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int, json_prefix: str = "/v1/"):
        self.app = app
        self.max_bytes = max_bytes
        self.json_prefix = json_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        path = scope.get("path", "")
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await _respond(
                    scope,
                    send,
                    problem(400, "Bad Request", "invalid Content-Length", instance=path),
                )
                return
            if int(declared) > self.max_bytes:
                await _respond(scope, send, self._too_large(path))
                return
        has_body = (declared is not None and declared != "0") or "transfer-encoding" in headers
        content_type = headers.get("content-type")
        if (
            path.startswith(self.json_prefix)
            and (content_type is not None or has_body)
            and not _is_json(content_type)
        ):
            await _respond(
                scope,
                send,
                problem(
                    415,
                    "Unsupported Media Type",
                    "send the request body as application/json",
                    "unsupported-media-type",
                    instance=path,
                ),
            )
            return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _respond(scope, send, self._too_large(path))

    def _too_large(self, path: str) -> Any:
        return problem(
            413,
            "Content Too Large",
            f"request bodies are limited to {self.max_bytes} bytes",
            "body-too-large",
            instance=path,
            max_bytes=self.max_bytes,
        )


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _is_json(content_type: str | None) -> bool:
    # No type at all is refused too: FastAPI would not parse it as JSON, and a page on
    # another site can send a typeless body without a CORS preflight.
    if content_type is None:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


async def _respond(scope: Scope, send: Send, response: Any) -> None:
    async def no_receive() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, no_receive, send)

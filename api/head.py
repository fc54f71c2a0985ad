"""HEAD answered as GET without the body (RFC 9110 §9.3.2).

FastAPI routes declare GET only, so HEAD would be a 405; monitors and link checkers
use HEAD. The request runs as a GET (handlers are safe, so this changes nothing) and
only the status and headers go out, Content-Length included.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # drop streamed chunks; the last (empty) message ends the response
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)

"""RFC 9457 problem details: every error the API returns is `application/problem+json`.

`problem()` builds one response; `ApiProblem` is raised from handlers and
dependencies; `install_problem_handlers()` turns Starlette's and FastAPI's own errors
(404 routes, 405, validation, malformed JSON) and any unexpected exception into
problems — the last without leaking a traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("quotetrail.api")

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:quotetrail:problem:"


def status_title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    type_: str | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    **ext: Any,
) -> JSONResponse:
    """A problem+json response. `type_` is a short slug ("idempotency-conflict") or a URI;
    without it the type is about:blank and the title should be the status phrase."""
    body: dict[str, Any] = {
        "type": _type_uri(type_),
        "title": title,
        "status": status,
    }
    if detail is not None:
        body["detail"] = detail
    body.update({key: value for key, value in ext.items() if value is not None})
    return JSONResponse(
        body, status_code=status, headers=dict(headers or {}), media_type=PROBLEM_MEDIA_TYPE
    )


def _type_uri(type_: str | None) -> str:
    if not type_:
        return "about:blank"
    return type_ if ":" in type_ else PROBLEM_TYPE_PREFIX + type_


class ApiProblem(Exception):
    """Raise to answer with a problem; caught by the handler `install_problem_handlers` adds."""

    def __init__(
        self,
        status: int,
        title: str | None = None,
        detail: str | None = None,
        type_: str | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        **ext: Any,
    ):
        super().__init__(detail or title or status_title(status))
        self.status = status
        self.title = title or status_title(status)
        self.detail = detail
        self.type_ = type_
        self.headers = dict(headers or {})
        self.ext = ext

    def response(self, instance: str | None = None) -> JSONResponse:
        return problem(
            self.status,
            self.title,
            self.detail,
            self.type_,
            headers=self.headers,
            instance=instance,
            **self.ext,
        )


def validation_problem(
    errors: Sequence[Mapping[str, Any]], detail: str | None = None
) -> ApiProblem:
    """422 with an `errors` list of {pointer, loc, message, type}."""
    return ApiProblem(
        422,
        "Request validation failed",
        detail or _summary(errors),
        "validation-error",
        errors=[dict(e) for e in errors],
    )


def field_problem(
    pointer: str, loc: Sequence[str | int], message: str, type_: str = "value_error"
) -> ApiProblem:
    """422 for one bad field or parameter."""
    return validation_problem(
        [{"pointer": pointer, "loc": list(loc), "message": message, "type": type_}]
    )


def _summary(errors: Sequence[Mapping[str, Any]]) -> str:
    if not errors:
        return "the request is invalid"
    first = errors[0]
    where = first.get("pointer") or "request"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.get('message')}{more}"


def _pointer(loc: Sequence[Any]) -> str:
    """('body', 'sources', 0, 'url') → '/sources/0/url' (a JSON pointer into the body)."""
    parts = list(loc)
    if parts and parts[0] == "body":
        parts = parts[1:]
        return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return "/".join(str(p) for p in parts)


def _clean_errors(raw: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    # Only strings and numbers leave: pydantic's `input`/`ctx` may hold the whole body or
    # exception objects.
    return [
        {
            "pointer": _pointer(error.get("loc") or ()),
            "loc": [p if isinstance(p, int | str) else str(p) for p in error.get("loc") or ()],
            "message": str(error.get("msg", "invalid value")),
            "type": str(error.get("type", "value_error")),
        }
        for error in raw
    ]


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiProblem, _on_api_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)


async def _on_api_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiProblem)
    return exc.response(instance=request.url.path)


async def _on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    title = status_title(exc.status_code)
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
    if exc.status_code == 404 and detail is None:
        detail = f"nothing at {request.url.path}"
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        detail = detail or f"{request.method} is not allowed on {request.url.path}"
        allowed = _allowed_methods(request)
        if allowed:
            headers["Allow"] = ", ".join(allowed)
    return problem(exc.status_code, title, detail, headers=headers, instance=request.url.path)


def _allowed_methods(request: Request) -> list[str]:
    """Every documented method at this path: Starlette's Allow names only the first route's."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        if _template_regex(template).fullmatch(request.url.path):
            methods |= {m.upper() for m in operations if m.upper() in HTTP_METHODS}
    return sorted(methods)


HTTP_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})


@lru_cache(maxsize=256)
def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = list(exc.errors())
    if any(error.get("type") == "json_invalid" for error in raw):
        return problem(
            400,
            "Malformed JSON",
            "the request body is not valid JSON",
            "malformed-json",
            instance=request.url.path,
        )
    return validation_problem(_clean_errors(raw)).response(instance=request.url.path)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(
        500,
        "Internal Server Error",
        "the server hit an unexpected error; it has been logged",
        instance=request.url.path,
    )

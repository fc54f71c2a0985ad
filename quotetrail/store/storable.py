"""Text both databases can store: PostgreSQL refuses NUL in TEXT and JSONB, and no
driver can encode a lone surrogate. Each offending code point becomes U+FFFD, one for
one, so character offsets into source text (passage start/end) stay right."""

from __future__ import annotations

import json
import re
from typing import Any

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# The same in JSON text, where NUL is written as an escape (a false alarm, such as a
# string holding a backslash and "u0000", only costs the walk).
_UNSTORABLE_JSON = re.compile(r"\\u0000|[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def storable_text(value: str) -> str:
    return _UNSTORABLE.sub(REPLACEMENT, value)


def storable(value: Any) -> Any:
    """A copy of a JSON-like value with every string (keys too) made storable.

    A job's report is thousands of strings, almost never with anything to replace: the
    whole value is written out once (C speed) and searched, and only a value that has
    something to replace (or that JSON cannot carry) is walked string by string."""
    if isinstance(value, dict | list | tuple):
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            return _walk(value)
        return json.loads(text) if _UNSTORABLE_JSON.search(text) is None else _walk(value)
    return _walk(value)


def _walk(value: Any) -> Any:
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {_walk(k) if isinstance(k, str) else k: _walk(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_walk(v) for v in value]
    return value


def storable_parameters(parameters: Any) -> Any:
    """A DB-API parameter set (dict or sequence) with its text values made storable;
    bytes, numbers and dates pass untouched, and so does a set with nothing to change."""
    if isinstance(parameters, dict):
        if not any(_unstorable(v) for v in parameters.values()):
            return parameters
        return {k: storable_text(v) if isinstance(v, str) else v for k, v in parameters.items()}
    if isinstance(parameters, list | tuple):
        if not any(_unstorable(v) for v in parameters):
            return parameters
        return type(parameters)(storable_text(v) if isinstance(v, str) else v for v in parameters)
    return parameters


def _unstorable(value: Any) -> bool:
    return isinstance(value, str) and _UNSTORABLE.search(value) is not None

"""Text both databases can store: PostgreSQL refuses NUL in TEXT and JSONB, and no
driver can encode a lone surrogate. Each offending code point becomes U+FFFD, one for
one, so character offsets into source text (passage start/end) stay right."""

from __future__ import annotations

import re
from typing import Any

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def storable_text(value: str) -> str:
    return _UNSTORABLE.sub(REPLACEMENT, value)


def storable(value: Any) -> Any:
    """A copy of a JSON-like value with every string (keys too) made storable."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {storable(k) if isinstance(k, str) else k: storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable(v) for v in value]
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

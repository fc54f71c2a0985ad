"""API key tokens: high-entropy random strings of which only a SHA-256 is stored.

A plain (unsalted) hash is enough because the token is 256 random bits, not a
password: nothing can be guessed from the hash, and lookup stays a single index hit.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "qt_"
DISPLAY_PREFIX_LENGTH = 10


def new_key_id() -> str:
    return "key_" + secrets.token_hex(6)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def display_prefix(token: str) -> str:
    return token[:DISPLAY_PREFIX_LENGTH]

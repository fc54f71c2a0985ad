"""Response headers that keep article and source text inert in the browser.

The policy allows scripts and styles from the dashboard's own static files only: no
inline script, no eval, no plugins, no framing. Even if some source text slipped
past Jinja's escaping, the browser would refuse to run it.
"""

from __future__ import annotations

from starlette.responses import Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    )
)

# For stored snapshots: plain text, and even a browser that sniffed it would run nothing.
SNAPSHOT_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def apply_security_headers(response: Response, *, private: bool = True) -> None:
    """Set the headers, keeping a stricter CSP a handler already chose (snapshots)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if private:
        # Pages show unpublished review work: never keep them in shared caches.
        response.headers.setdefault("Cache-Control", "no-store")

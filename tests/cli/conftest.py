"""Synthetic pages for the CLI tests: a harbour master's statement and an article quoting it."""

from __future__ import annotations

import socket

import pytest

STATEMENT_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour office statement</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Northern pier to reopen in March</h1>
<p>The harbour office of the town of Eastmere published the following remarks by harbour master Olga Berg on Monday.</p>
<p>"We will reopen the northern pier in March, not before," Berg said at a meeting with fishermen.</p>
<p>"Mooring fees will rise by 5 percent next year, and not more," she said.</p>
<p>The pier has been closed since a storm damaged its deck in the autumn.</p>
</article>
</body></html>
"""

ARTICLE_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Eastmere pier to reopen</title></head>
<body>
<article>
<h1>Eastmere pier to reopen in March</h1>
<p>“We will reopen the northern pier in March, not before,” harbour master Olga Berg told the <a href="{link}">harbour office</a>.</p>
<p>“Mooring fees will rise by 50 percent next year, and not more,” she said.</p>
</article>
</body></html>
"""

ARTICLE_TEXT = (
    "Eastmere pier to reopen in March\n\n"
    "“We will reopen the northern pier in March, not before,” harbour master Olga Berg said.\n\n"
    "“Mooring fees will rise by 50 percent next year, and not more,” she said.\n"
)

MATCHED_QUOTE = "We will reopen the northern pier in March, not before"
ALTERED_QUOTE = "Mooring fees will rise by 50 percent next year, and not more"


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def statement_file(tmp_path):
    path = tmp_path / "statement.html"
    path.write_text(STATEMENT_HTML, encoding="utf-8")
    return path

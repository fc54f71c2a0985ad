"""Synthetic articles and outlet pages (invented text) for the worker tests and the bench."""

from __future__ import annotations

ARTICLE = (
    "Mayor Jane Holloway said on Tuesday: \u201cWe will open the new river bridge in spring.\u201d "
    "She added that \u201cthe budget for the bridge is fixed at forty million\u201d. "
    "According to the Riverside Herald, the council \u201cwill not raise local taxes this year\u201d."
)

SOURCE_PAGE = """<!doctype html><html lang="en"><head><title>Council briefing</title></head>
<body><article><h1>Council briefing</h1>
<p>At the briefing, Jane Holloway said: We will open the new river bridge in spring.</p>
<p>The budget for the bridge is fixed at forty million, she said.</p>
<p>The council will not raise local taxes this year.</p>
</article></body></html>"""

OTHER_PAGE = """<!doctype html><html lang="en"><head><title>Weather</title></head>
<body><article><h1>Weather</h1><p>Rain is expected over the weekend across the valley.</p>
<p>Temperatures will stay mild through next week, forecasters said.</p></article></body></html>"""


def article_with_quotes(n: int) -> tuple[str, list[str]]:
    """An article with `n` quotes and a source page that carries all of them (for the bench)."""
    quotes = [
        f"we will finish section {i} of the river walk before the summer fair" for i in range(n)
    ]
    article = " ".join(f"The engineer said: \u201c{q.capitalize()}.\u201d" for q in quotes)
    return article, quotes


def page_with(quotes: list[str]) -> str:
    paragraphs = "".join(f"<p>The engineer told us: {q.capitalize()}.</p>" for q in quotes)
    return f"<!doctype html><html><head><title>Works</title></head><body><article>{paragraphs}</article></body></html>"

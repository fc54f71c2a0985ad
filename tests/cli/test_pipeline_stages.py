"""Pipeline stages one by one, with a scripted fetcher (no sockets)."""

from __future__ import annotations

import threading
import time

import pytest

from quotetrail.core.document import document_from_html
from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError
from quotetrail.fetch import FetchResult
from quotetrail.fetch.errors import HTTPStatusError
from quotetrail.pipeline import (
    ArticleInput,
    LoadedArticle,
    SourceSpec,
    document_of,
    link_outlets,
    load_article,
    quotes_for,
    read_source,
    read_sources,
    source_spec,
    sources_for,
    verify,
)
from tests.cli.conftest import ALTERED_QUOTE, MATCHED_QUOTE, STATEMENT_HTML

REGISTRY = OutletRegistry.default()


class ScriptedFetcher:
    """Answers from a dict; records calls; an Exception value is raised."""

    def __init__(self, pages: dict[str, object], delay: float = 0.0) -> None:
        self.pages = pages
        self.delay = delay
        self.calls: list[str] = []
        self.active = 0
        self.peak = 0
        self._lock = threading.Lock()

    def fetch(self, url: str) -> FetchResult:
        with self._lock:
            self.calls.append(url)
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            time.sleep(self.delay)
            page = self.pages[url]
            if isinstance(page, Exception):
                raise page
            body, content_type = page if isinstance(page, tuple) else (page, "text/html")
            body = body.encode("utf-8") if isinstance(body, str) else body
            return FetchResult(url, url, 200, {}, content_type, body, "2026-11-20T10:00:00Z", "ab")
        finally:
            with self._lock:
                self.active -= 1


def test_source_spec_tells_urls_from_files():
    assert source_spec("https://a.test/x?y=1").kind == "url"
    assert source_spec("notes/page.html").kind == "file"
    with pytest.raises(InputError):
        source_spec("ftp://a.test/x")


def test_links_are_added_after_user_sources_deduplicated_and_labelled():
    html = (
        '<html><body><article><p>“A quote here,” he told <a href="https://tass.com/x#top">TASS</a>.'
        ' See <a href="https://example.test/y">this</a> and <a href="https://example.test/y">again</a>.'
        "</p></article></body></html>"
    )
    document = document_from_html(html, "https://paper.test/a")
    user = [SourceSpec("https://example.test/y", "url", "https://example.test/y")]
    specs = sources_for(document, user, REGISTRY)
    assert [s.source for s in specs] == ["https://example.test/y", "https://tass.com/x"]
    assert specs[0].origin == "user"
    assert specs[1].name == "TASS" and specs[1].origin == "outlet"


def test_anchor_text_names_the_outlet_of_an_unknown_address():
    html = (
        '<html><body><p>He told <a href="/copy/1">Interfax</a> and <a href="/copy/2">us</a>.</p>'
        "</body></html>"
    )
    labels = link_outlets(LoadedArticle(html, "text/html", "http://127.0.0.1:8/a"), REGISTRY)
    assert labels == {"http://127.0.0.1:8/copy/1": "Interfax"}


def test_a_saved_copy_is_labelled_by_its_canonical_url(tmp_path):
    page = tmp_path / "copy.html"
    page.write_text(
        '<html><head><link rel="canonical" href="https://www.gazeta.ru/a/1.shtml"></head>'
        "<body><p>Some text of the page, long enough to read.</p></body></html>",
        encoding="utf-8",
    )
    read = read_source(source_spec(str(page)), None, REGISTRY)
    assert read.status.status == "ok"
    assert read.status.outlet == "Gazeta.ru"


def test_read_source_turns_problems_into_statuses():
    fetcher = ScriptedFetcher(
        {
            "http://s.test/gone": HTTPStatusError(404, "http://s.test/gone"),
            "http://s.test/pdf": (b"%PDF-1.4 binary", "application/pdf"),
            "http://s.test/ok": STATEMENT_HTML,
        }
    )
    gone = read_source(source_spec("http://s.test/gone"), fetcher, REGISTRY)
    assert gone.status.status == "error" and "404" in (gone.status.error or "")
    pdf = read_source(source_spec("http://s.test/pdf"), fetcher, REGISTRY)
    assert pdf.status.status == "error" and pdf.text is None
    ok = read_source(source_spec("http://s.test/ok"), fetcher, REGISTRY)
    assert ok.status.status == "ok" and MATCHED_QUOTE in (ok.text or "")
    assert ok.status.fetched_at == "2026-11-20T10:00:00Z" and ok.status.final_url


def test_sources_are_read_concurrently_in_order_with_progress():
    urls = [f"http://s{i}.test/p" for i in range(4)]
    fetcher = ScriptedFetcher(dict.fromkeys(urls, STATEMENT_HTML), delay=0.2)
    seen: list[tuple[int, int, str]] = []
    read = read_sources(
        [source_spec(u) for u in urls],
        fetcher,
        REGISTRY,
        progress=lambda done, total, s: seen.append((done, total, s.status.source)),
        workers=4,
    )
    assert [r.status.source for r in read] == urls
    assert [(d, t) for d, t, _ in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(s for _, _, s in seen) == sorted(urls)
    assert fetcher.peak > 1


def test_given_quotes_borrow_speaker_from_the_article():
    document = document_from_html(
        "<html><body><p>“We will reopen the northern pier in March, not before,” "
        "harbour master Olga Berg said.</p></body></html>"
    )
    [quote] = quotes_for(document, ["reopen the northern pier in March"], REGISTRY)
    assert quote.text == "reopen the northern pier in March"
    assert quote.speaker == "Olga Berg"
    assert document.text[quote.start : quote.end] == quote.text


def test_given_quote_not_in_the_article_has_no_offsets():
    document = document_from_html("<html><body><p>Nothing quoted here at all.</p></body></html>")
    [quote] = quotes_for(document, ["entirely different words"], REGISTRY)
    assert (quote.start, quote.end, quote.speaker) == (-1, -1, None)


def test_verify_end_to_end_with_a_scripted_fetcher():
    article = (
        "<html><body><article>"
        f'<p>“{MATCHED_QUOTE},” harbour master Olga Berg told <a href="http://s.test/st">us</a>.</p>'
        f"<p>“{ALTERED_QUOTE},” she said.</p></article></body></html>"
    )
    fetcher = ScriptedFetcher({"http://a.test/": article, "http://s.test/st": STATEMENT_HTML})
    report = verify(ArticleInput(url="http://a.test/"), [], [], fetcher=fetcher)
    assert [r.verdict for r in report.quotes] == ["matched", "altered"]
    assert report.article["source"] == "http://a.test/"
    assert fetcher.calls[0] == "http://a.test/"


def test_verify_refuses_nothing_to_do():
    with pytest.raises(InputError):
        verify(None, [], [], fetcher=None)


def test_links_back_to_the_article_are_not_sources():
    html = (
        '<html><body><p>“Quoted words here,” she said. <a href="/a#comments">Comments</a>'
        ' <a href="https://src.test/1">source</a></p></body></html>'
    )
    document = document_from_html(html, "https://paper.test/a")
    specs = sources_for(document, [], REGISTRY, article_urls=["https://paper.test/a"])
    assert [s.source for s in specs] == ["https://src.test/1"]


def test_user_sources_are_kept_as_typed():
    user = [source_spec("st.html"), source_spec("./st.html")]
    assert [s.source for s in sources_for(None, user, REGISTRY)] == ["st.html", "./st.html"]
    with pytest.raises(InputError, match=r"same name: st\.html"):  # never merged silently
        sources_for(None, [*user, source_spec("st.html")], REGISTRY)


def test_an_unreadable_outlet_page_keeps_its_outlet_and_status():
    url = "https://tass.com/economy/1"
    fetcher = ScriptedFetcher({url: HTTPStatusError(503, url)})
    read = read_source(source_spec(url), fetcher, REGISTRY)
    assert read.status.status == "error"
    assert read.status.outlet == "TASS"
    assert read.http_status == 503


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("REOPEN THE NORTHERN PIER", "reopen the northern pier"),  # other case
        ("мы все сделаем", "Мы всё сделаем"),  # ё and case
    ],
)
def test_given_quote_in_other_case_gets_its_own_span_not_the_whole_quote(given, expected):
    document = document_from_html(
        "<html><body><p>“We will reopen the northern pier in March, not before,” "
        "harbour master Olga Berg said.</p><p>«Мы всё сделаем в срок», — сказал Берг.</p>"
        "</body></html>"
    )
    [quote] = quotes_for(document, [given], REGISTRY)
    assert document.text[quote.start : quote.end] == expected


SAVED_ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="canonical" href="https://news.example.test/2026/11/bridge">
<title>Bridge</title></head><body><article><h1>Bridge</h1>
<p>“The bridge will open in May,” the minister told <a href="/pages/tass/1874512">TASS</a>.</p>
<p>See also <a href="#comments">comments</a>.</p>
</article></body></html>"""


def test_a_saved_article_resolves_its_relative_links_against_its_canonical_url(tmp_path):
    saved = tmp_path / "bridge.html"
    saved.write_text(SAVED_ARTICLE, encoding="utf-8")
    loaded = load_article(ArticleInput(path=str(saved)))
    document = document_of(loaded)
    assert "https://news.example.test/pages/tass/1874512" in document.links
    specs = sources_for(
        document, [], REGISTRY, labels=link_outlets(loaded, REGISTRY), article_urls=(loaded.base,)
    )
    assert [(s.source, s.name) for s in specs] == [
        ("https://news.example.test/pages/tass/1874512", "TASS")
    ]


def test_relative_links_without_an_address_are_explained(tmp_path):
    saved = tmp_path / "bridge.html"
    saved.write_text(SAVED_ARTICLE.replace('<link rel="canonical"', "<link"), encoding="utf-8")
    with pytest.raises(InputError, match="relative"):
        verify(ArticleInput(path=str(saved)), [], [], fetcher=None)

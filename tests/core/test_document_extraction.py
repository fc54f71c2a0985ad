"""Main-text extraction from synthetic outlet pages: furniture dropped, paragraphs and quotes kept,
every paragraph mapped back to its element in the HTML."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrail.core import html_trafilatura
from quotetrail.core.charset import decode_body
from quotetrail.core.document import Document, document_from_html, document_from_text
from quotetrail.errors import InputError

PAGES = Path(__file__).parent / "fixtures_pages"
PAGE_NAMES = sorted(p.stem for p in PAGES.glob("*.html"))
URL = "https://outlet.example/news/2026/11/story.html"


def load(name: str) -> tuple[str, str]:
    html = decode_body((PAGES / f"{name}.html").read_bytes())
    expected = (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8").strip()
    return html, expected


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in re.findall(r"\w+", text))


def test_there_are_enough_fixture_pages() -> None:
    assert len(PAGE_NAMES) >= 8


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_main_text_matches_hand_written_expectation(name: str) -> None:
    html, expected = load(name)
    doc = document_from_html(html, URL)
    got, want = tokens(doc.text), tokens(expected)
    overlap = sum((got & want).values())
    assert overlap / sum(want.values()) >= 0.95, "recall"
    assert overlap / sum(got.values()) >= 0.8, "precision"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_paragraphs_survive_as_blank_line_separated_blocks(name: str) -> None:
    html, expected = load(name)
    paragraphs = set(document_from_html(html, URL).text.split("\n\n"))
    wanted = expected.split("\n\n")
    kept = [p for p in wanted if p in paragraphs]
    assert len(kept) >= len(wanted) - 1, set(wanted) - paragraphs


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        (
            "gazeta_article",
            [
                "Самое читаемое",
                "Цены на гречку",
                "Новости по теме",
                "Реклама",
                "cookies",
                "Свидетельство",
            ],
        ),
        (
            "tass_article",
            [
                "Главное",
                "Курс условной валюты",
                "Читайте также",
                "Жители Нижнего Брода",
                "cookie",
                "ВКонтакте",
            ],
        ),
        (
            "wire_en",
            ["Most Read", "Storm forces", "Related coverage", "Port strike ends", "cookies"],
        ),
        (
            "blog_comments",
            [
                "thoughts on",
                "Shameful",
                "Leave a Reply",
                "Share this",
                "Recent Posts",
                "Rail fares",
            ],
        ),
        ("social_post", ["Иван Петров", "закроют все школы", "Рекомендуем", "Нравится"]),
        (
            "magazine_interview",
            ["newsletter", "You might also like", "Photo: Example Studio", "Privacy policy"],
        ),
        ("cp1251_table_layout", ["Популярное", "Ремонт дороги", "Счетчик", "Все новости"]),
    ],
)
def test_page_furniture_is_dropped(name: str, furniture: list[str]) -> None:
    html, _ = load(name)
    text = document_from_html(html, URL).text
    for phrase in furniture:
        assert phrase.lower() not in text.lower(), phrase


def test_quotation_marks_survive_unchanged() -> None:
    html, _ = load("gazeta_article")
    text = document_from_html(html, URL).text
    assert "«Два периода мы играли на равных, а потом просто сгорели." in text
    html, _ = load("magazine_interview")
    text = document_from_html(html, URL).text
    assert "“the structure remains serviceable under current load restrictions.”" in text
    assert '"verge of collapse"' in text


def test_quote_spanning_two_paragraphs_keeps_the_break() -> None:
    html, _ = load("heldout_ria_style")
    text = document_from_html(html, URL).text
    assert "на весь срок кредита.\n\nПервыми программой смогут" in text


def test_line_break_inside_a_paragraph_is_a_single_newline() -> None:
    html, _ = load("social_post")
    text = document_from_html(html, URL).text
    assert "цитировать точно.\nСпасибо всем" in text


def test_blocks_map_text_back_to_the_html_elements() -> None:
    html, _ = load("tass_article")
    doc = document_from_html(html, URL)
    assert doc.blocks
    for block in doc.blocks:
        paragraph = doc.text[block.start : block.end]
        assert paragraph and "\n\n" not in paragraph
        source = html[block.source_start : block.source_end]
        assert source.startswith(f"<{block.tag}")
        assert source.rstrip().endswith(f"</{block.tag}>")
        first_words = " ".join(paragraph.split()[:3])
        assert first_words in " ".join(re.sub(r"<[^>]+>", " ", source).split())
        assert block.path.split(" > ")[-1].startswith(block.tag)
    quote = doc.text.index("«Мы не обещаем чуда")
    block = doc.block_at(quote)
    assert block is not None and block.tag == "p"
    assert "«Мы не обещаем чуда" in html[block.source_start : block.source_end]


def test_block_at_between_blocks_is_none() -> None:
    doc = document_from_text("First paragraph.\n\nSecond paragraph.")
    assert doc.block_at(0) == doc.blocks[0]
    assert doc.block_at(len("First paragraph.")) is None
    assert doc.block_at(len(doc.text) + 5) is None


def test_links_are_absolute_and_from_the_body_only() -> None:
    html, _ = load("gazeta_article")
    doc = document_from_html(html, "https://gazeta.example/sport/news/2026/11/21/n_1.shtml")
    assert doc.links == ("https://gazeta.example/sport/news/2026/11/20/n_100001.shtml",)
    html, _ = load("tass_article")
    assert document_from_html(html, URL).links == (
        "https://ecowatch.example/reports/svetlaya-2026",
    )


def test_base_href_and_fragments_and_non_web_links() -> None:
    html = """<html><head><base href="/archive/"></head><body><article>
    <p>The mayor said "we will build it" in <a href="2019/speech.html#p4">a speech</a>, see also
    <a href="mailto:desk@outlet.example">the desk</a> and <a href="javascript:void(0)">this</a>.</p>
    </article></body></html>"""
    doc = document_from_html(html, "https://outlet.example/news/1")
    assert doc.links == ("https://outlet.example/archive/2019/speech.html",)


def test_title_and_language() -> None:
    html, _ = load("gazeta_article")
    doc = document_from_html(html, URL)
    assert doc.title == "Тренер «Северной звезды» объяснил поражение в финале"
    assert doc.lang == "ru"
    html, _ = load("wire_en")
    assert document_from_html(html, URL).lang == "en"


def test_page_without_paragraph_markup_falls_back_to_its_text() -> None:
    html = (
        "<html><body><div>"
        + "Короткая заметка без абзацев, но с текстом. " * 3
        + "</div></body></html>"
    )
    doc = document_from_html(html)
    assert "Короткая заметка без абзацев" in doc.text


def test_trafilatura_extractor_is_available_and_mapped_to_source() -> None:
    assert html_trafilatura.available(), "trafilatura import failed: is lxml_html_clean installed?"
    html, _ = load("wire_en")
    doc = document_from_html(html, URL, extractor="trafilatura")
    assert doc.text.startswith("Port authority says harbor expansion")
    assert "\n\n" in doc.text
    mapped = [b for b in doc.blocks if b.source_start >= 0]
    assert len(mapped) >= len(doc.blocks) - 1
    for block in mapped:
        assert html[block.source_start : block.source_end].startswith(f"<{block.tag}")


def test_html_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no readable text"):
        document_from_html(
            "<html><head><title>x</title></head><body><script>x=1</script></body></html>"
        )


@pytest.mark.parametrize("bad", ["", "   \n\t ", "a\x00b"])
def test_empty_or_binary_strings_are_input_errors(bad: str) -> None:
    with pytest.raises(InputError):
        document_from_html(bad)
    with pytest.raises(InputError):
        document_from_text(bad)


def test_oversized_string_is_refused_quickly() -> None:
    with pytest.raises(InputError, match="too large"):
        document_from_html("<p>" + "x" * (10 * 1024 * 1024) + "</p>")
    with pytest.raises(InputError, match="too large"):
        document_from_text("word " * 100, max_bytes=100)


def test_plain_text_paragraphs() -> None:
    doc = document_from_text(
        "Headline here\r\n\r\nFirst  para\nline two.\n \n\n«Quote», he said.\n"
    )
    assert doc.text == "Headline here\n\nFirst para\nline two.\n\n«Quote», he said."
    assert doc.title == "Headline here"
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "Headline here",
        "First para\nline two.",
        "«Quote», he said.",
    ]


def _check_consistent(doc: Document) -> None:
    previous_end = -2
    for block in doc.blocks:
        assert block.start >= previous_end + 2
        assert doc.text[block.start : block.end].strip()
        previous_end = block.end
    assert doc.text == "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks)


_HTMLISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<br>",
                "<a href='/x'>",
                "</a>",
                "<article>",
                "<nav>",
                "</nav>",
                "<h1>",
                "</h1>",
                "<pre>",
                "</pre>",
                "<!--",
                "-->",
                "<script>",
                "&laquo;",
            ]
        ),
        st.text(min_size=1, max_size=30),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_HTMLISH)
def test_any_markup_gives_a_consistent_document_or_an_input_error(html: str) -> None:
    try:
        doc = document_from_html(html, "https://outlet.example/")
    except InputError:
        return
    _check_consistent(doc)
    for link in doc.links:
        assert link.startswith("https://outlet.example/")


def test_double_br_separates_paragraphs_in_old_layouts() -> None:
    html = (
        "<html><body><div class=text>Первый абзац: «мы готовы».<br><br>\n Второй абзац."
        "<br>Та же строка второго.<br /> <br/>Третий абзац, довольно длинный.</div></body></html>"
    )
    doc = document_from_html(html)
    assert doc.text == (
        "Первый абзац: «мы готовы».\n\nВторой абзац.\nТа же строка второго.\n\n"
        "Третий абзац, довольно длинный."
    )
    assert len(doc.blocks) == 3
    assert all(html[b.source_start : b.source_end].startswith("<div") for b in doc.blocks)

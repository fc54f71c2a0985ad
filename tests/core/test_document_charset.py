"""Decoding page bytes: header, meta, BOM and detection; Russian code pages with and without
a declared charset; refusal of empty, binary, oversized and non-page input."""

from __future__ import annotations

import codecs
import time

import pytest

from quotetrail.core.charset import (
    charset_from_content_type,
    charset_from_meta,
    decode_body,
)
from quotetrail.core.document import document_from_bytes
from quotetrail.errors import InputError

RUSSIAN = (
    "Министр заявил журналистам, что «переговоры продолжатся на следующей неделе». "
    "По его словам, стороны уже согласовали большую часть документа."
)
SHORT_RUSSIAN = "Привет, мир"


def page(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>Новости</title></head><body><article><p>{text}</p></article></body></html>"


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
@pytest.mark.parametrize("header", [True, False])
def test_russian_page_decodes_with_or_without_a_charset_header(codec: str, header: bool) -> None:
    body = page(RUSSIAN).encode(codec, "xmlcharrefreplace")
    content_type = f"text/html; charset={codec.replace('_', '-')}" if header else "text/html"
    doc = document_from_bytes(body, content_type)
    assert RUSSIAN.split("«")[0] in doc.text
    assert doc.title == "Новости"


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_short_russian_text_without_any_declaration(codec: str) -> None:
    # charset-normalizer alone reads these 11 characters as cp1125 / Shift-JIS.
    assert decode_body(SHORT_RUSSIAN.encode(codec)) == SHORT_RUSSIAN


def test_russian_page_with_only_a_meta_charset() -> None:
    body = page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251")
    assert "«переговоры продолжатся" in decode_body(body, "text/html")
    html = page(RUSSIAN, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    decoded = decode_body(html.encode("koi8_r", "xmlcharrefreplace"), None)
    assert "переговоры продолжатся" in decoded


def test_wrong_utf8_header_on_a_windows_1251_body_is_overruled() -> None:
    body = page(RUSSIAN).encode("cp1251")
    assert RUSSIAN in decode_body(body, "text/html; charset=utf-8")


def test_byte_order_marks_win() -> None:
    text = page(RUSSIAN)
    assert decode_body(codecs.BOM_UTF8 + text.encode("utf-8"), "text/html; charset=cp1251") == text
    assert decode_body(text.encode("utf-16"), None) == text
    assert decode_body(text.encode("utf-16-be"), "text/html; charset=utf-16be") == text


def test_latin1_label_is_read_as_windows_1252() -> None:
    body = "“Curly” quotes and café".encode("cp1252")
    assert decode_body(body, "text/plain; charset=ISO-8859-1") == "“Curly” quotes and café"


def test_french_accents_are_not_mistaken_for_cyrillic() -> None:
    text = "Le ministre a déclaré qu'il était très préoccupé par la situation à Marseille."
    assert decode_body(text.encode("cp1252")) == text


def test_charset_helpers() -> None:
    assert charset_from_content_type('text/html; charset="Windows-1251"') == "cp1251"
    assert charset_from_content_type("text/html; charset=bogus-42") is None
    assert charset_from_content_type(None) is None
    assert charset_from_meta(b'<html><head><meta charset="koi8-r">') == "koi8-r"
    assert charset_from_meta(b"<html><body>no meta</body>") is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b"  \r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary"),
        (b"text with a NUL\x00 in it", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_bodies_are_clear_input_errors(body: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        decode_body(body)
    assert "\n" not in str(info.value)


def test_ten_megabyte_body_is_refused_at_once() -> None:
    body = b"<p>" + b"a" * (10 * 1024 * 1024) + b"</p>"
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"too large \(10\.0 MB, limit 10\.0 MB\)"):
        document_from_bytes(body, "text/html")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "content_type", ["image/png", "application/octet-stream", "application/pdf"]
)
def test_non_page_content_types_are_refused(content_type: str) -> None:
    with pytest.raises(InputError, match="not an HTML or text page"):
        document_from_bytes(b"<p>hello</p>", content_type)


def test_bytes_without_content_type_are_sniffed() -> None:
    html = document_from_bytes(b"<!doctype html><title>T</title><p>Hello there, reader.</p>", None)
    assert html.text == "Hello there, reader." and html.title == "T"
    text = document_from_bytes("Заголовок\n\nАбзац с «цитатой».".encode("cp1251"), None)
    assert text.text == "Заголовок\n\nАбзац с «цитатой»."


def test_plain_text_content_type_is_not_parsed_as_html() -> None:
    doc = document_from_bytes(b"a <p> is not markup here", "text/plain; charset=utf-8")
    assert doc.text == "a <p> is not markup here"


def test_capitalised_windows_1251_text_is_not_read_as_another_code_page() -> None:
    text = "Министр Иван Петров заявил: «Мы Не Отступим». Ярославль, Москва, Якутск."
    assert decode_body(text.encode("cp1251")) == text
    assert decode_body(text.encode("koi8_r", "xmlcharrefreplace")).startswith("Министр Иван Петров")

"""Discovery's pure parts: dates and windows, safe sitemap parsing, feeds, ranking."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from quotetrail.discover.archive_page import parse_archive_page
from quotetrail.discover.dates import article_date, named_dates, parse_window, url_date
from quotetrail.discover.feed import parse_feed
from quotetrail.discover.listed import Listed
from quotetrail.discover.rank import rank
from quotetrail.discover.sitemap import SitemapError, gunzip_capped, parse_sitemap
from quotetrail.errors import InputError
from tests.support.fake_outlets import rss_xml, sitemap_index_xml, sitemap_xml

D = date(2020, 11, 16)


def test_article_date_from_meta_json_ld_and_url() -> None:
    meta = '<html><head><meta property="article:published_time" content="2020-11-15T08:00:00+03:00"></head><body><p>x</p></body></html>'
    assert article_date(meta, None).day == date(2020, 11, 15)
    assert article_date(meta, None).source == "page"
    ld = '<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-11-12"}</script></head><body><p>x</p></body></html>'
    assert article_date(ld, None).day == date(2020, 11, 12)
    assert article_date("plain text", "https://a.example/2020/11/14/story").source == "url"
    none = article_date("plain text", None, today=D)
    assert (none.day, none.source) == (D, "none")


def test_window_syntax() -> None:
    assert parse_window(None, D).to_dict() == {"from": "2020-11-09", "to": "2020-11-17"}
    assert parse_window("3:0", D).to_dict() == {"from": "2020-11-13", "to": "2020-11-16"}
    assert parse_window("2020-11-01..2020-11-03", D).days() == [
        date(2020, 11, 3), date(2020, 11, 2), date(2020, 11, 1)
    ]  # fmt: skip
    for bad in ("soon", "2020-11-05..2020-11-01", "400:0"):
        with pytest.raises(InputError):
            parse_window(bad, D)


def test_named_dates_near_quotes_in_both_languages() -> None:
    text = "On November 14 he said X. " + "filler " * 200 + "Он заявил 30 декабря: Y. Also March 3."
    found = named_dates(text, [(10, 25), (len(text) - 30, len(text) - 20)], D)
    assert date(2020, 11, 14) in found
    assert date(2019, 12, 30) in found  # no year, after the article date: the year before
    far = named_dates("On November 1 he spoke. " + "x" * 900 + "«quote»", [(930, 937)], D)
    assert far == ()


def test_url_date_forms() -> None:
    assert url_date("https://ria.ru/20201114/abc.html") == date(2020, 11, 14)
    assert url_date("https://x.ru/news/2020/11/14/y") == date(2020, 11, 14)
    assert url_date("https://x.ru/doc/4569012") is None


def test_sitemap_news_fields_and_index() -> None:
    xml = sitemap_xml([("https://a.example/x", date(2020, 11, 14), "A title")]).encode()
    parsed = parse_sitemap(xml, "via")
    assert parsed.urls == [
        Listed("https://a.example/x", "A title", date(2020, 11, 14), "sitemap", "via")
    ]
    index = sitemap_index_xml([("https://a.example/s1.xml", date(2020, 11, 1))]).encode()
    assert [c.url for c in parse_sitemap(gzip.compress(index), "v").children] == [
        "https://a.example/s1.xml"
    ]


def test_xml_bomb_and_gzip_bomb_are_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><urlset><url><loc>&lol2;</loc></url></urlset>'
    )
    with pytest.raises(SitemapError, match="DTD"):
        parse_sitemap(bomb, "v")
    zeros = gzip.compress(b"0" * (2 * 1024 * 1024))
    with pytest.raises(SitemapError, match="larger"):
        gunzip_capped(zeros, cap=1024 * 1024)


def test_sitemap_stops_at_the_entry_cap() -> None:
    xml = sitemap_xml((f"https://a.example/{n}", None, None) for n in range(500)).encode()
    parsed = parse_sitemap(xml, "v", max_entries=100)
    assert len(parsed.urls) == 100 and parsed.truncated


def test_feed_items_with_dates() -> None:
    body = rss_xml([("https://a.example/n/1", "First", date(2020, 11, 15))]).encode()
    (item,) = parse_feed(body, "https://a.example/rss")
    assert (item.url, item.title, item.day, item.found_by) == (
        "https://a.example/n/1", "First", date(2020, 11, 15), "feed"
    )  # fmt: skip


def test_archive_page_links_and_next_page() -> None:
    html = (
        "<nav><a href='/about'>About</a></nav><main><a href='/n/1'>One</a>"
        "<a href='https://other.example/x'>Elsewhere</a><a href='?page=2'>Next page</a></main>"
    )
    items, nxt = parse_archive_page(html, "https://a.example/news/2020/11/14", D, None)
    assert [i.url for i in items] == ["https://a.example/n/1"]
    assert items[0].day == D
    assert nxt == "https://a.example/news/2020/11/14?page=2"


def test_rank_uses_titles_slugs_and_transliteration() -> None:
    items = [
        Listed("https://a.example/2020/11/14/weather-in-moscow"),
        Listed("https://a.example/2020/11/14/peskov-zayavil-o-mostakh"),
        Listed("https://a.example/1", "Песков заявил о новых мостах"),
    ]
    ranked = [i.url for _, i in rank("Мы построим новые мосты", "Дмитрий Песков", items)]
    assert ranked[-1].endswith("weather-in-moscow")
    ranked_en = [i.url for _, i in rank("We will build bridges", "Dmitry Peskov", items)]
    assert ranked_en[-1].endswith("weather-in-moscow")

"""The `[[outlet.listing]]` schema: parsed, checked, and host:port domains for fake outlets."""

import pytest

from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError

REGISTRY = """
[[outlet]]
id = "fake"
name = "Fake Agency"
name_ru = "Фейк"
domains = ["127.0.0.11:8081"]
search = "http://127.0.0.11:8081/search?q={query}"

[[outlet.listing]]
kind = "sitemap"
url = "http://127.0.0.11:8081/sitemap.xml"

[[outlet.listing]]
kind = "archive_page"
url = "http://127.0.0.11:8081/news/{yyyy}/{mm}/{dd}"
links = "ul.news a"
"""


def test_listings_search_and_russian_name_are_read() -> None:
    outlet = OutletRegistry.from_toml(REGISTRY).get("fake")
    assert outlet is not None
    assert outlet.display_name_ru == "Фейк"
    assert [(x.kind, x.dated, x.links) for x in outlet.listings] == [
        ("sitemap", False, None),
        ("archive_page", True, "ul.news a"),
    ]
    assert outlet.search == "http://127.0.0.11:8081/search?q={query}"


def test_host_port_domain_matches_only_that_address() -> None:
    registry = OutletRegistry.from_toml(REGISTRY)
    assert registry.for_url("http://127.0.0.11:8081/a/b").id == "fake"
    assert registry.for_url("http://127.0.0.11:8082/a/b") is None
    assert registry.for_url("http://127.0.0.12:8081/a/b") is None


@pytest.mark.parametrize(
    ("listing", "message"),
    [
        ('kind = "blog"\nurl = "http://a.example/x"', "kind 'blog'"),
        ('kind = "feed"\nurl = "ftp://a.example/x"', "http(s) URL"),
        ('kind = "feed"\nurl = "http://a.example/{yy}"', "unknown placeholder {yy}"),
    ],
)
def test_a_bad_listing_is_named(listing: str, message: str) -> None:
    text = f'[[outlet]]\nid = "a"\nname = "A"\n[[outlet.listing]]\n{listing}\n'
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        OutletRegistry.from_toml(text)


def test_every_shipped_outlet_has_a_russian_name_and_the_agencies_have_listings() -> None:
    registry = OutletRegistry.default()
    assert all(o.name_ru for o in registry)
    for outlet_id in ("tass", "ria", "interfax", "gazeta-ru", "kommersant", "rbc", "kremlin"):
        assert registry.get(outlet_id).listings, outlet_id
    for outlet_id in ("reuters", "ap"):
        assert registry.get(outlet_id).listings, outlet_id
    tass = {x.url for x in registry.get("tass").listings}
    assert any("tass.com" in u for u in tass) and any("tass.ru" in u for u in tass)

"""The outlet registry: names in any case form, URLs, mentions in text, user files."""

from pathlib import Path

import pytest

from quotetrail.core.outlets import Outlet, OutletRegistry
from quotetrail.errors import InputError


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.default()


def test_default_registry_is_large_and_cached(registry):
    assert len(registry) >= 25
    assert OutletRegistry.default() is registry
    ids = {o.id for o in registry}
    for wanted in ("tass", "ria", "interfax", "gazeta-ru", "kommersant", "rbc", "izvestia",
                   "vedomosti", "lenta-ru", "rt", "sputnik", "rossiya-1", "rossiya-24",
                   "channel-one", "echo-moscow", "meduza", "novaya-gazeta", "reuters", "ap",
                   "afp", "bbc", "armenpress", "apa", "trend", "facebook", "telegram", "vk", "x"):  # fmt: skip
        assert wanted in ids


def test_every_outlet_has_english_and_russian_forms_and_a_domain(registry):
    for outlet in registry:
        assert outlet.domains, outlet.id
        assert outlet.language
        assert any(a.isascii() for a in (outlet.name, *outlet.aliases)), outlet.id
    russian = [o for o in registry if any(not a.isascii() for a in o.aliases)]
    assert len(russian) >= 25


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("«Интерфакса»", "Interfax"),
        ("Интерфаксу", "Interfax"),
        ("ТАСС", "TASS"),
        ("TASS", "TASS"),
        ("tass", "TASS"),
        ("РИА Новости", "RIA Novosti"),
        ("«РИА Новостям»", "RIA Novosti"),
        ("the RIA Novosti agency", "RIA Novosti"),
        ("«Коммерсанту»", "Kommersant"),
        ("Коммерсантъ", "Kommersant"),
        ("«Газете.Ru»", "Gazeta.ru"),
        ("Gazeta.ru", "Gazeta.ru"),
        ("телеканала «Россия 24»", "Rossiya 24"),
        ("Rossiya 24", "Rossiya 24"),
        ("Первого канала", "Channel One"),
        ("«Эха Москвы»", "Echo of Moscow"),
        ("«Новой газеты»", "Novaya Gazeta"),
        ("the Reuters news agency", "Reuters"),
        ("Reuters'", "Reuters"),
        ("TASS's", "TASS"),
        ("Фейсбуке", "Facebook"),
        ("ВКонтакте", "VK"),
        ("Twitter", "X"),
        ("tass.ru", "TASS"),
    ],
)
def test_resolve_handles_case_inflection_and_generic_nouns(registry, name, expected):
    found = registry.resolve(name)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("name", ["", "   ", "Russia", "Россия", "the president", "Vladimir Putin"])
def test_resolve_rejects_non_outlets(registry, name):
    assert registry.resolve(name) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://tass.ru/politika/123", "TASS"),
        ("https://www.tass.com/world", "TASS"),
        ("http://m.vk.com/wall-1_2", "VK"),
        ("https://t.me/somechannel/15", "Telegram"),
        ("https://www.gazeta.ru/politics/news/2024/01/01/1.shtml", "Gazeta.ru"),
        ("ria.ru/20240101/x.html", "RIA Novosti"),
        ("https://x.com/someone/status/1", "X"),
        ("https://nottass.ru/", None),
        ("https://example.org/tass.ru", None),
        ("not a url", None),
        ("http://[::1", None),
    ],
)
def test_for_url_matches_domain_and_subdomains_only(registry, url, expected):
    found = registry.for_url(url)
    assert (found.name if found else None) == expected


def test_find_mentions_gives_offsets_and_longest_alias(registry):
    text = (
        "Он заявил в эфире телеканала «Россия 24», передает ТАСС. "
        "She wrote in her Telegram channel and on X; спутник is not Sputnik."
    )
    found = [(text[a:b], o.name) for a, b, o in registry.find_mentions(text)]
    assert found == [
        ("Россия 24", "Rossiya 24"),
        ("ТАСС", "TASS"),
        ("Telegram", "Telegram"),
        ("X", "X"),
        ("Sputnik", "Sputnik"),
    ]


def test_single_letter_alias_needs_a_preposition(registry):
    assert registry.find_mentions("Plan X was rejected.") == []


def test_from_toml_and_extension_override_by_id(registry):
    mine = OutletRegistry.from_toml(
        """
        [[outlet]]
        id = "local-daily"
        name = "Local Daily"
        kind = "newspaper"
        language = "en"
        aliases = ["Local Daily", "Местная газета"]
        domains = ["local-daily.example"]

        [[outlet]]
        id = "tass"
        name = "TASS (custom)"
        aliases = ["TASS"]
        domains = ["tass.ru"]
        """
    )
    merged = registry.extended(mine)
    assert len(merged) == len(registry) + 1
    assert merged.resolve("«Местной газете»").name == "Local Daily"
    assert merged.for_url("https://news.local-daily.example/a").id == "local-daily"
    assert merged.resolve("TASS").name == "TASS (custom)"
    assert registry.resolve("TASS").name == "TASS"  # the default is untouched


def test_load_reads_env_and_paths(tmp_path: Path):
    env_file = tmp_path / "env.toml"
    env_file.write_text('[[outlet]]\nid = "one"\nname = "Outlet One"\ndomains = ["one.example"]\n')
    arg_file = tmp_path / "arg.toml"
    arg_file.write_text('[[outlet]]\nid = "two"\nname = "Outlet Two"\ndomains = ["two.example"]\n')
    loaded = OutletRegistry.load([arg_file], env={"QUOTETRAIL_OUTLETS": str(env_file)})
    assert loaded.resolve("Outlet One").id == "one"
    assert loaded.for_url("https://two.example/").id == "two"
    assert loaded.resolve("TASS") is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[outlet]\n", "not valid TOML"),
        ('outlet = "x"', "array of tables"),
        ('[[outlet]]\nname = "No id"', "`id`"),
        ('[[outlet]]\nid = "a"\nname = "A"\naliases = "A"', "`aliases`"),
        ('[[outlet]]\nid = "a"\nname = "A"\nkind = "blog"', "kind 'blog'"),
    ],
)
def test_bad_registry_files_give_clear_errors(text, message):
    with pytest.raises(InputError, match=message):
        OutletRegistry.from_toml(text)


def test_load_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read outlet registry"):
        OutletRegistry.load([tmp_path / "missing.toml"], env={})


def test_outlet_is_frozen():
    outlet = Outlet("a", "A", ("A",), ("a.example",), "en", "online")
    with pytest.raises(AttributeError):
        outlet.name = "B"  # type: ignore[misc]

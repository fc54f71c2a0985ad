"""Which news outlet, agency or platform a name, a URL or a stretch of text refers to.

Articles credit their sources in many shapes: "TASS", "the RIA Novosti agency",
«Интерфаксу», телеканала «Россия 24», "Gazeta.ru". The registry reduces every name
to a tuple of word keys (lower case, Russian case endings cut off) so one alias in
the data file covers all its inflected forms, and a whole article can be scanned
for mentions in one pass.

The packaged data file is ``quotetrail/core/data/outlets.toml`` (its format is
documented at the top of that file). Users extend it with their own TOML file,
passed to :meth:`OutletRegistry.load` or named by the ``QUOTETRAIL_OUTLETS``
environment variable (several paths separated by ``os.pathsep``).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from quotetrail.errors import InputError

__all__ = ["LISTING_KINDS", "Listing", "Outlet", "OutletRegistry", "word_key"]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one block of text."""
    return tuple(text.split())


KINDS = frozenset({"agency", "newspaper", "tv", "radio", "online", "social", "magazine", "other"})
LISTING_KINDS = frozenset({"sitemap", "feed", "archive_page", "wayback_prefix"})
_TEMPLATE_KEYS = frozenset({"yyyy", "mm", "dd", "yyyymmdd", "dd.mm.yyyy", "query"})


@dataclass(frozen=True)
class Listing:
    """One place where an outlet lists its articles (`[[outlet.listing]]`), used by discovery.

    `url` may hold the date placeholders {yyyy} {mm} {dd} {yyyymmdd} {dd.mm.yyyy}; `links`
    (archive_page only) is a CSS selector of article links.
    """

    kind: str
    url: str
    links: str | None = None

    @property
    def dated(self) -> bool:
        """Whether the URL changes with the day (one request per day of the window)."""
        return "{" in self.url


@dataclass(frozen=True)
class Outlet:
    """One outlet. `name` is what reports show; `aliases` are how articles name it.

    `name_ru` is the Russian display name (falls back to `name`); `listings` and `search`
    tell discovery where the outlet lists its articles and how its own site search is called.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    language: str = ""
    kind: str = "other"
    name_ru: str = ""
    listings: tuple[Listing, ...] = ()
    search: str | None = None

    @property
    def display_name_ru(self) -> str:
        return self.name_ru or self.name

    def serves(self, url: str) -> bool:
        """Whether `url` is on one of the outlet's domains (or their subdomains, or host:port)."""
        return any(_domain_matches(d, url) for d in self.domains)


# --- word keys -------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’]s\b)?")
_CYRILLIC = re.compile(r"[а-яё]")
# Russian noun/adjective endings, longest first, so «Интерфаксу», «Газете.Ru»,
# «РИА Новостям» and «Известиям» reduce to the same key as their nominative.
_RU_ENDINGS = tuple(
    sorted(
        _words(
            """
    иями иях иям ами ями ого его ому ему ыми ими ией ой ей ий ый ая яя ое ее ые ие ую юю ом
    ем ам ям ах ях ов ев ия ию ии ье ья ьи ью а я о е у ю ы и ь й
    """
        ),
        key=len,
        reverse=True,
    )
)


def word_key(word: str) -> str:
    """The case-, inflection- and possessive-insensitive form words are compared by.

    A tiny suffix stripper rather than a real stemmer: it only has to be
    consistent, so that an alias and its inflected forms in text get one key.
    """
    w = word.lower().replace("ё", "е")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if _CYRILLIC.search(w):
        w = w.rstrip("ъ") or w
        for ending in _RU_ENDINGS:
            if w.endswith(ending) and len(w) - len(ending) >= 2:
                return w[: -len(ending)]
    return w


def _keys(text: str) -> tuple[str, ...]:
    return tuple(word_key(m.group()) for m in _TOKEN.finditer(text))


# Generic nouns that wrap an outlet's name: "the RIA Novosti agency", телеканала «Россия 24».
_GENERIC = frozenset(
    _keys(
        "the agency news newspaper paper daily channel tv television broadcaster station radio "
        "website site portal outlet service publication magazine "
        "агентство информагентство газета телеканал канал радиостанция радио издание "
        "сайт портал интернет-издание журнал ресурс служба"
    )
)
_PREPOSITIONS = frozenset({"on", "in", "via", "at", "в", "во", "на"})
_OPENING_MARKS = "«\"“„‘'"


@dataclass(frozen=True)
class _Alias:
    keys: tuple[str, ...]
    outlet: Outlet
    short: bool  # one character: matched in text only after a preposition


class OutletRegistry:
    """A lookup over a set of outlets: by name, by URL, or by scanning text."""

    def __init__(self, outlets: Iterable[Outlet] = ()) -> None:
        self._outlets: dict[str, Outlet] = {}
        for outlet in outlets:
            self._outlets[outlet.id] = outlet
        self._by_keys: dict[tuple[str, ...], Outlet] = {}
        self._by_first: dict[str, list[_Alias]] = {}
        self._domains: list[tuple[str, Outlet]] = []
        for outlet in self._outlets.values():
            self._index(outlet)
        for aliases in self._by_first.values():
            aliases.sort(key=lambda a: len(a.keys), reverse=True)
        self._domains.sort(key=lambda d: len(d[0]), reverse=True)

    def _index(self, outlet: Outlet) -> None:
        for alias in (outlet.name, *outlet.aliases):
            keys = _keys(alias)
            if not keys:
                continue
            self._by_keys.setdefault(keys, outlet)
            entry = _Alias(keys, outlet, short=len(alias.strip()) == 1)
            self._by_first.setdefault(keys[0], []).append(entry)
        for domain in outlet.domains:
            self._domains.append((domain.lower().removeprefix("www."), outlet))

    # --- construction --------------------------------------------------------

    @classmethod
    def from_toml(cls, text: str) -> OutletRegistry:
        """Parse the registry format; a malformed file is an InputError naming the problem."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"outlet registry is not valid TOML: {exc}") from None
        return cls(_outlets_from_data(data))

    @classmethod
    def default(cls) -> OutletRegistry:
        """The packaged registry (parsed once per process)."""
        return _default_registry()

    @classmethod
    def load(
        cls, paths: Iterable[str | os.PathLike[str]] = (), *, env: Mapping[str, str] | None = None
    ) -> OutletRegistry:
        """The packaged registry extended by $QUOTETRAIL_OUTLETS files, then by `paths`."""
        env = os.environ if env is None else env
        all_paths: list[str | os.PathLike[str]] = [
            p for p in env.get("QUOTETRAIL_OUTLETS", "").split(os.pathsep) if p.strip()
        ]
        all_paths.extend(paths)
        registry = cls.default()
        for path in all_paths:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read outlet registry {os.fspath(path)}: {exc}") from None
            registry = registry.extended(cls.from_toml(text))
        return registry

    def extended(self, other: OutletRegistry | Iterable[Outlet]) -> OutletRegistry:
        """A new registry with `other`'s outlets added; an outlet with a known id replaces it."""
        extra = other.outlets if isinstance(other, OutletRegistry) else tuple(other)
        return OutletRegistry((*self.outlets, *extra))

    # --- queries -------------------------------------------------------------

    @property
    def outlets(self) -> tuple[Outlet, ...]:
        return tuple(self._outlets.values())

    def __len__(self) -> int:
        return len(self._outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets.values())

    def get(self, outlet_id: str) -> Outlet | None:
        return self._outlets.get(outlet_id)

    def resolve(self, name: str) -> Outlet | None:
        """The outlet a name refers to, ignoring case, inflection, quotes and generic nouns."""
        if not name or not name.strip():
            return None
        keys = _keys(name)
        if not keys:
            return None
        found = self._by_keys.get(keys)
        if found:
            return found
        trimmed = list(keys)
        while trimmed and trimmed[0] in _GENERIC:
            trimmed.pop(0)
        while trimmed and trimmed[-1] in _GENERIC:
            trimmed.pop()
        if trimmed and (found := self._by_keys.get(tuple(trimmed))):
            return found
        if "." in name and " " not in name.strip():
            return self.for_url(name.strip())
        return self._outlets.get(name.strip().lower())

    def for_url(self, url: str) -> Outlet | None:
        """The outlet whose domain (or a subdomain of it) serves `url`."""
        for domain, outlet in self._domains:
            if _domain_matches(domain, url):
                return outlet
        return None

    def find_mentions(self, text: str) -> list[tuple[int, int, Outlet]]:
        """Every outlet named in `text`, as (start, end, outlet), in order, longest alias first.

        A mention must start with a capital letter or digit, or follow an opening quote
        mark, so common words that double as names (спутник, trend) stay unmatched.
        """
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        keys = [word_key(t[2]) for t in tokens]
        found: list[tuple[int, int, Outlet]] = []
        i = 0
        while i < len(tokens):
            match = self._match_at(text, tokens, keys, i)
            if match is None:
                i += 1
                continue
            length, outlet = match
            found.append((tokens[i][0], tokens[i + length - 1][1], outlet))
            i += length
        return found

    def _match_at(self, text, tokens, keys, i) -> tuple[int, Outlet] | None:
        candidates = self._by_first.get(keys[i])
        if not candidates:
            return None
        start, _, raw = tokens[i]
        before = text[start - 1] if start else ""
        if not (raw[0].isupper() or raw[0].isdigit() or (before and before in _OPENING_MARKS)):
            return None
        for alias in candidates:
            n = len(alias.keys)
            if i + n > len(tokens) or tuple(keys[i : i + n]) != alias.keys:
                continue
            if not all(
                _tight_gap(text, tokens[j][1], tokens[j + 1][0]) for j in range(i, i + n - 1)
            ):
                continue
            if alias.short and not (i and keys[i - 1] in _PREPOSITIONS and raw.isupper()):
                continue
            return n, alias.outlet
        return None


def _domain_matches(domain: str, url: str) -> bool:
    """A domain covers its subdomains; a `host:port` or IP domain (a test or evaluation
    outlet on loopback) covers exactly that address."""
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return False
    if not host:
        return False
    host = host.lower().rstrip(".")
    domain = domain.lower().removeprefix("www.")
    if ":" in domain and not domain.startswith("["):
        name, _, want = domain.rpartition(":")
        return host == name and str(port or "") == want
    return host == domain or host.endswith("." + domain)


def _tight_gap(text: str, end: int, next_start: int) -> bool:
    """Words of one alias may be separated only by a space, dot, hyphen or quote mark."""
    gap = text[end:next_start]
    return len(gap) <= 3 and all(c.isspace() or c in '.-–«»"“”„()' for c in gap)


def _outlets_from_data(data: dict) -> list[Outlet]:
    entries = data.get("outlet", [])
    if not isinstance(entries, list):
        raise InputError("outlet registry: [[outlet]] must be an array of tables")
    outlets = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise InputError(f"outlet registry: entry {n} is not a table")
        outlets.append(_outlet_from_entry(entry, n))
    return outlets


def _outlet_from_entry(entry: dict, n: int) -> Outlet:
    def text_field(key: str, default: str | None = None) -> str:
        value = entry.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"outlet registry: entry {n} needs a non-empty string `{key}`")
        return value.strip()

    def list_field(key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f"outlet registry: entry {n}: `{key}` must be a list of strings")
        return tuple(v.strip() for v in value if v.strip())

    kind = text_field("kind", "other")
    if kind not in KINDS:
        raise InputError(
            f"outlet registry: entry {n}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}"
        )
    search = entry.get("search")
    if search is not None:
        search = _checked_url(search, f"entry {n}: `search`")
        if "{query}" not in search:
            raise InputError(f"outlet registry: entry {n}: `search` must hold {{query}}")
    return Outlet(
        id=text_field("id").lower(),
        name=text_field("name"),
        aliases=list_field("aliases"),
        domains=tuple(d.lower() for d in list_field("domains")),
        language=text_field("language", "und"),
        kind=kind,
        name_ru=entry["name_ru"].strip() if isinstance(entry.get("name_ru"), str) else "",
        listings=_listings(entry.get("listing", []), n),
        search=search,
    )


def _listings(value: object, n: int) -> tuple[Listing, ...]:
    """The `[[outlet.listing]]` tables of entry `n`, checked so a typo is named, not ignored."""
    if not isinstance(value, list):
        raise InputError(f"outlet registry: entry {n}: [[outlet.listing]] must be tables")
    listings = []
    for m, item in enumerate(value, 1):
        where = f"entry {n}, listing {m}"
        if not isinstance(item, dict):
            raise InputError(f"outlet registry: {where} is not a table")
        kind = item.get("kind")
        if kind not in LISTING_KINDS:
            raise InputError(
                f"outlet registry: {where}: kind {kind!r} is not one of "
                f"{', '.join(sorted(LISTING_KINDS))}"
            )
        links = item.get("links")
        if links is not None and (not isinstance(links, str) or not links.strip()):
            raise InputError(f"outlet registry: {where}: `links` must be a CSS selector")
        url = _checked_url(item.get("url"), f"{where}: `url`")
        listings.append(Listing(kind=kind, url=url, links=links.strip() if links else None))
    return tuple(listings)


def _checked_url(value: object, where: str) -> str:
    if not isinstance(value, str) or not re.match(r"https?://[^/\s]+", value.strip()):
        raise InputError(f"outlet registry: {where} must be an http(s) URL")
    for key in re.findall(r"\{([^}]*)\}", value):
        if key not in _TEMPLATE_KEYS:
            raise InputError(f"outlet registry: {where}: unknown placeholder {{{key}}}")
    return value.strip()


@cache
def _default_registry() -> OutletRegistry:
    text = resources.files("quotetrail.core").joinpath("data/outlets.toml").read_text("utf-8")
    return OutletRegistry.from_toml(text)

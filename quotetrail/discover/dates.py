"""The article's date, and the window of days in which its cited outlets' pages are looked for.

    page HTML ─► htmldate (meta, JSON-LD, <time>, URL) ─┐
    --date / API `date` ────────────────────────────────┼─► ArticleDate ─► Window (+ named dates)
    nothing ─► today, said so (date_source "none") ─────┘

Why a window: an agency publishes the words first and the article follows within days,
so listings are read only for `before` days before the article date through `after`
days after it (default 7 and 1). Dates the article names close to a quote ("on November
14", «14 ноября») are searched too, because an interview can be reported a week later.
Nothing here fetches: htmldate works on the HTML already in hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from quotetrail.errors import InputError

__all__ = [
    "ArticleDate",
    "Window",
    "article_date",
    "named_dates",
    "parse_date",
    "parse_window",
    "url_date",
]

DEFAULT_BEFORE = 7
DEFAULT_AFTER = 1
MAX_WINDOW_DAYS = 62  # a longer window is refused: dated listings cost one request per day
NEAR_QUOTE = 400  # characters around a quote where a named date counts as "near the claim"


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """When the article was published, and where that was read: page | url | given | none."""

    day: date
    source: str


@dataclass(frozen=True, slots=True)
class Window:
    """Days to search: `start`..`end` inclusive, plus `extra` dates named near the quotes."""

    start: date
    end: date
    extra: tuple[date, ...] = field(default=())

    def days(self) -> list[date]:
        """Every day to search, newest first (the article's own days are likeliest)."""
        span = (self.end - self.start).days
        days = [self.end - timedelta(days=n) for n in range(span + 1)]
        days += [d for d in self.extra if d not in days]
        return days

    def holds(self, day: date | None) -> bool:
        """Whether a listed article's date fits; an unknown date is given the benefit of doubt."""
        return day is None or self.start <= day <= self.end or day in self.extra

    def to_dict(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def parse_date(text: str) -> date:
    """A YYYY-MM-DD date the user typed; InputError naming the expected form otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def parse_window(spec: str | None, anchor: date) -> Window:
    """The window from `--window`: "BEFORE:AFTER" days around `anchor` (default "7:1"),
    or an explicit range "YYYY-MM-DD..YYYY-MM-DD"."""
    if spec is None or not spec.strip():
        return _around(anchor, DEFAULT_BEFORE, DEFAULT_AFTER)
    spec = spec.strip()
    if ".." in spec:
        first, _, last = spec.partition("..")
        start, end = parse_date(first), parse_date(last)
        if end < start:
            raise InputError(f"--window {spec}: the range ends before it starts")
        return _checked(Window(start, end), spec)
    match = re.fullmatch(r"(\d{1,3})(?::(\d{1,3}))?", spec)
    if not match:
        raise InputError(
            f"--window {spec!r}: expected BEFORE:AFTER days (e.g. 7:1) "
            "or a range YYYY-MM-DD..YYYY-MM-DD"
        )
    before = int(match.group(1))
    after = int(match.group(2)) if match.group(2) is not None else DEFAULT_AFTER
    return _checked(_around(anchor, before, after), spec)


def _around(anchor: date, before: int, after: int) -> Window:
    return Window(anchor - timedelta(days=before), anchor + timedelta(days=after))


def _checked(window: Window, spec: str) -> Window:
    if (window.end - window.start).days + 1 > MAX_WINDOW_DAYS:
        raise InputError(f"--window {spec}: at most {MAX_WINDOW_DAYS} days can be searched")
    return window


# --- the article's own date ----------------------------------------------------------

_URL_DATE = re.compile(
    r"(?<!\d)(20\d\d|19\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def url_date(url: str | None) -> date | None:
    """A date written in a URL path (/2020/11/14/, /20201114/, 2020-11-14)."""
    if not url:
        return None
    for match in _URL_DATE.finditer(url):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def article_date(html: str | None, url: str | None, *, today: date | None = None) -> ArticleDate:
    """The publication date of the article: from the page, else its URL, else today ("none").

    htmldate reads `article:published_time`, JSON-LD `datePublished`, `<time>` and more;
    its extensive text search is off, so a date merely mentioned in the text is not taken
    for the publication date.
    """
    today = today or date.today()
    if html and "<" in html:
        found = _htmldate(html, today)
        if found is not None:
            return ArticleDate(found, "page")
    from_url = url_date(url)
    if from_url is not None and from_url <= today + timedelta(days=1):
        return ArticleDate(from_url, "url")
    return ArticleDate(today, "none")


def _htmldate(html: str, today: date) -> date | None:
    try:
        from htmldate import find_date
    except ImportError:  # optional at run time: the URL still gives a date
        return None
    try:
        found = find_date(
            html,
            original_date=True,
            extensive_search=False,
            max_date=(today + timedelta(days=1)).isoformat(),
        )
    except Exception:  # htmldate on a hostile page must not sink the check
        return None
    if not found:
        return None
    try:
        return datetime.strptime(found, "%Y-%m-%d").date()
    except ValueError:
        return None


# --- dates named near the quotes -------------------------------------------------------

_EN_MONTHS = {
    m: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_RU_MONTHS = {
    stem: n
    for n, stem in enumerate(
        (
            "январ",
            "феврал",
            "март",
            "апрел",
            "ма",
            "июн",
            "июл",
            "август",
            "сентябр",
            "октябр",
            "ноябр",
            "декабр",
        ),
        1,
    )
}
_EN_NAME = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"\b(?:(?P<m1>{_EN_NAME})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_EN_NAME}))\b"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?",
    re.I,
)
_RU_DATE = re.compile(
    r"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<m>января|февраля|марта|апреля|мая|июня|июля|августа"
    r"|сентября|октября|ноября|декабря)(?:\s+(?P<y>(?:19|20)\d\d))?",
    re.I,
)


def named_dates(text: str, spans: Iterable[tuple[int, int]], anchor: date) -> tuple[date, ...]:
    """Calendar dates written within NEAR_QUOTE characters of any quote span.

    A date without a year takes the year that puts it on or before the article date
    (an article of 3 January speaking of "December 30" means the year before).
    """
    found: list[date] = []
    spans = [s for s in spans if s[0] >= 0]
    for match in (*_EN_DATE.finditer(text), *_RU_DATE.finditer(text)):
        if spans and not any(
            match.start() < end + NEAR_QUOTE and match.end() > start - NEAR_QUOTE
            for start, end in spans
        ):
            continue
        day = _to_date(match, anchor)
        if day is not None and day not in found:
            found.append(day)
    return tuple(found)


def _to_date(match: re.Match[str], anchor: date) -> date | None:
    groups = match.groupdict()
    if "m1" in groups:
        month = _EN_MONTHS[(groups["m1"] or groups["m2"]).lower()]
        day_text = groups["d1"] or groups["d2"]
    else:
        word = groups["m"].lower()
        month = next(n for stem, n in _RU_MONTHS.items() if word.startswith(stem))
        if word.startswith("ма") and not word.startswith("март"):
            month = 5
        day_text = groups["d"]
    year = int(groups["y"]) if groups.get("y") else anchor.year
    try:
        day = date(year, month, int(day_text))
    except ValueError:
        return None
    if not groups.get("y") and day > anchor + timedelta(days=1):
        try:
            day = day.replace(year=year - 1)
        except ValueError:
            return None
    return day


def with_named(window: Window, named: Sequence[date], *, limit: int = 6) -> Window:
    """The window plus up to `limit` named dates outside it."""
    extra = [d for d in named if not (window.start <= d <= window.end)][:limit]
    return Window(window.start, window.end, tuple(extra))


def dating(
    html: str | None, url: str | None, given: date | None, window: str | None
) -> tuple[ArticleDate, Window]:
    """The article's date and the window (a window ending today when no date is known)."""
    found = ArticleDate(given, "given") if given is not None else article_date(html, url)
    win = parse_window(window, found.day)
    if found.source == "none" and window is None:
        win = Window(win.start, found.day)
    return found, win


def article_fields(found: ArticleDate | None, window: Window | None) -> dict[str, Any]:
    """The report's article.date / date_source / window."""
    if found is None:
        return {"date": None, "date_source": "none", "window": None}
    return {
        "date": found.day.isoformat() if found.source != "none" else None,
        "date_source": found.source,
        "window": window.to_dict() if window else None,
    }

"""`quotetrail extract`, `quotetrail verify` and `quotetrail demo`.

Exit status of `verify`: 0 when every quote is matched, 1 when any is not (including
quotes whose sources could not be read), 2 on a usage or input error — with a
one-line reason on stderr, never a traceback.

`demo` exits 0 when it ran, whatever the verdicts: its example article is built to
show every verdict, so a verify-style status would always be 1. It exits 2 only if
the demo could not run (for instance, no loopback port could be opened).

The pipeline, fetcher and renderers are imported inside the handlers so that
`quotetrail --help` and the other subcommands stay fast and independent of them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, closing, nullcontext, suppress
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from quotetrail.core.models import Report
    from quotetrail.pipeline import ArticleInput, SourceSpec, SourceText

EXIT_OK = 0
EXIT_NOT_ALL_MATCHED = 1


def register(sub: argparse._SubParsersAction) -> None:
    _register_extract(sub)
    _register_verify(sub)
    _register_demo(sub)


def _register_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="list the quotations in an article",
        description="List the quotations (direct and reported speech) an article holds, "
        "with speaker and the outlet it credits.",
    )
    p.add_argument(
        "article", metavar="ARTICLE", help="a file (HTML or text), a URL, or - for stdin"
    )
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p.add_argument(
        "--include-terms",
        action="store_true",
        help="also list short quoted terms («так называемый», scare quotes)",
    )
    _add_min_confidence(p)
    _add_common(p)
    p.set_defaults(handler=run_extract)


def _register_verify(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify",
        help="check an article's quotes against their sources",
        description="Check each quote against every source and give a verdict: matched, "
        "paraphrased, altered, not_found or unverifiable. Links in an HTML article are "
        "added as sources. Exit status: 0 all matched, 1 any not matched, 2 usage/input error.",
        epilog="Discovery (on by default): for a quote no source carries, the outlet the "
        "article credits is searched through its listings (sitemaps, feeds, daily archive "
        "pages, the web archive) for the days around the article's date: --window 7:1 "
        "means 7 days before to 1 day after it; --window 2020-11-10..2020-11-18 an exact "
        "range. Listings are cached in QUOTETRAIL_CACHE_DIR.",
    )
    p.add_argument(
        "article",
        metavar="ARTICLE",
        nargs="?",
        help="a file (HTML or text), a URL, or - for stdin; optional with --quote",
    )
    p.add_argument(
        "--quote",
        "-q",
        action="append",
        default=[],
        metavar="TEXT",
        help="a quote to check (repeatable); without it the article's quotes are checked",
    )
    p.add_argument(
        "--source",
        "-s",
        action="append",
        default=[],
        metavar="PATH_OR_URL",
        help="a page to check against: a file (HTML or text) or an http(s) URL (repeatable)",
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "markdown"),
        default="text",
        help="text for reading (default), json for programs, markdown to paste into a document",
    )
    p.add_argument(
        "--no-links",
        action="store_true",
        help="do not add the links found in the article as sources",
    )
    p.add_argument(
        "--workers", type=int, default=4, metavar="N", help="sources fetched at once (default 4)"
    )
    _add_min_confidence(p)
    p.add_argument(
        "--no-discover",
        action="store_true",
        help="do not search the credited outlets' listings for their pages",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the article's date (default: read from the page or its URL, else today)",
    )
    p.add_argument(
        "--window",
        metavar="BEFORE:AFTER|FROM..TO",
        help="days searched around the article date: BEFORE:AFTER days (default 7:1) "
        "or a range YYYY-MM-DD..YYYY-MM-DD",
    )
    _add_common(p)
    p.set_defaults(handler=run_verify)


def _register_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="run a complete check on a built-in example, without network",
        description="Serve an example article and outlet pages on 127.0.0.1, fetch them "
        "with the real fetcher and show every verdict. Needs no network. Exits 0 when it "
        "ran (the verdicts do not set the exit status).",
    )
    p.add_argument(
        "--format", "-f", choices=("text", "json", "markdown"), default="text", help="as in verify"
    )
    _add_color(p)
    p.set_defaults(handler=run_demo)


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return number


def _add_min_confidence(p: argparse.ArgumentParser) -> None:
    from quotetrail.core.models import DEFAULT_MIN_CONFIDENCE

    p.add_argument(
        "--min-confidence",
        nargs="?",
        type=_confidence,
        const=DEFAULT_MIN_CONFIDENCE,
        default=0.0,
        metavar="X",
        help="hide the article's items extracted with confidence below X (0..1; "
        f"without X: {DEFAULT_MIN_CONFIDENCE}); quotes given with --quote are always kept",
    )


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-network",
        action="append",
        default=[],
        metavar="CIDR",
        help="let the fetcher reach this private/loopback network too (repeatable), "
        "e.g. 127.0.0.1/32 for a local test server",
    )
    p.add_argument(
        "--no-robots", action="store_true", help="do not obey robots.txt (only for your own sites)"
    )
    p.add_argument(
        "--outlets",
        action="append",
        default=[],
        metavar="TOML",
        help="an extra outlet registry file (repeatable); see quotetrail/core/data/outlets.toml",
    )
    _add_color(p)


def _add_color(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (default) = only on a terminal and without NO_COLOR",
    )


# --- handlers ---------------------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    from quotetrail.cli.render import render_extract
    from quotetrail.core.extract import extract_quotes
    from quotetrail.pipeline import article_meta, document_of, load_article

    with _user_errors():
        registry = _registry(args.outlets)
        article = article_input(args.article)
        with _fetcher_for(args, needed=article.url is not None) as fetcher:
            loaded = load_article(article, fetcher)
        document = document_of(loaded)
        quotes = extract_quotes(
            document.text,
            registry,
            include_terms=args.include_terms,
            min_confidence=args.min_confidence,
        )
        meta = article_meta(article, document, len(quotes), url=loaded.url)
    _write(render_extract(quotes, meta, args.format, color=_color(args, sys.stdout)))
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from quotetrail.core.report import all_matched
    from quotetrail.pipeline import verify

    with _user_errors():
        if args.article is None and not args.quote:
            raise _usage("give an ARTICLE to check, or the quotes to check with --quote")
        if args.workers < 1:
            raise _usage("--workers must be at least 1")
        registry = _registry(args.outlets)
        article = article_input(args.article) if args.article is not None else None
        sources = [_user_source(value) for value in args.source]
        if args.no_links and not sources:
            raise _usage("--no-links needs at least one --source")
        with _fetcher_for(args, needed=True) as fetcher, _progress() as progress:
            if article is not None and article.url:
                progress.note(f"fetching {article.url}")
            report = verify(
                article,
                args.quote,
                sources,
                fetcher=fetcher,
                registry=registry,
                progress=progress.callback,
                workers=args.workers,
                min_confidence=args.min_confidence,
                follow_links=not args.no_links,
                discovery=_discovery(args, progress),
            )
    _write_report(report, args)
    return EXIT_OK if all_matched(report) else EXIT_NOT_ALL_MATCHED


def run_demo(args: argparse.Namespace) -> int:
    from quotetrail import demo
    from quotetrail.pipeline import ArticleInput, verify

    with _user_errors():
        try:
            site_cm = demo.serving()
        except OSError as exc:
            raise _usage(f"the demo could not open a loopback port: {exc}") from None
        with (
            site_cm as site,
            # the demo's own server: no need to space requests out politely
            _make_fetcher(["127.0.0.1/32"], robots=True, min_interval=0.0) as fetcher,
            _progress() as progress,
        ):
            progress.note(f"demo site at {site.url()}; fetching the article")
            report = verify(
                ArticleInput(url=site.article_url, source=site.article_url),
                [],
                [],
                fetcher=fetcher,
                progress=progress.callback,
            )
    _write_report(report, args)
    return EXIT_OK


# --- pieces -----------------------------------------------------------------------------


def _discovery(args: argparse.Namespace, progress: _progress) -> Any:
    """Discovery options from --no-discover, --date and --window (None: discovery off)."""
    if args.no_discover:
        if args.date or args.window:
            raise _usage("--date and --window are for discovery; drop --no-discover")
        return None
    from quotetrail.discover import DirectoryListingCache, DiscoveryOptions
    from quotetrail.discover.dates import parse_date, parse_window

    day = parse_date(args.date) if args.date else None
    if args.window:
        from datetime import date

        parse_window(args.window, day or date.today())  # a typo is a usage error, now
    return DiscoveryOptions(
        date=day, window=args.window, cache=DirectoryListingCache.from_env(), note=progress.note
    )


def article_input(value: str) -> ArticleInput:
    """ARTICLE as the user gave it: '-' reads stdin, an http(s) URL is fetched, else a file."""
    from quotetrail.pipeline import ArticleInput, is_web_url, url_problem

    if value == "-":
        return ArticleInput(body=_read_stdin(), source="-")
    if is_web_url(value):
        return ArticleInput(url=value, source=value)
    problem = url_problem(value)
    if problem:
        raise _usage(f"ARTICLE {value!r}: {problem}")
    if not value.strip():
        raise _usage("ARTICLE is empty")
    return ArticleInput(path=value, source=value)


def _read_stdin() -> bytes:
    """stdin's bytes, reading at most one byte past the size limit (a stream may be endless)."""
    from quotetrail.core.charset import MAX_INPUT_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (embedding, some test runners)
        data = sys.stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8")
    else:
        data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise _usage(f"stdin is too large (limit {MAX_INPUT_BYTES / 1048576:.0f} MB)")
    return data


def _user_source(value: str) -> SourceSpec:
    """A --source; a file that does not exist is a usage error (a typo), not an unreadable source."""
    from quotetrail.pipeline import source_spec

    spec = source_spec(value)
    if spec.kind == "file" and not os.path.exists(value):
        raise _usage(f"source {value}: no such file")
    return spec


def _registry(paths: Sequence[str]):
    from quotetrail.core.outlets import OutletRegistry

    return OutletRegistry.load(paths)


def _fetcher_for(args: argparse.Namespace, *, needed: bool) -> AbstractContextManager[Any]:
    if not needed:
        return nullcontext(None)
    return _make_fetcher(args.allow_network, robots=not args.no_robots)


def _make_fetcher(
    allow_networks: Sequence[str], *, robots: bool, min_interval: float | None = None
) -> AbstractContextManager[Any]:
    """A fetcher configured from the environment, plus the networks the user allowed.

    The settings are checked now (a bad CIDR is a usage error before any work), but
    the HTTP client is built on first use: a run whose sources are all files never
    imports httpx.
    """
    from quotetrail.pipeline import fetch_settings

    settings = fetch_settings(
        allow_networks=allow_networks, respect_robots=robots, min_interval=min_interval
    )
    return closing(_LazyFetcher(settings))


class _LazyFetcher:
    """Stands in for a Fetcher and builds it (thread-safely) the first time it is used."""

    def __init__(self, settings: Any) -> None:
        import threading

        self._settings = settings
        self._fetcher: Any = None
        self._lock = threading.Lock()

    def _real(self) -> Any:
        with self._lock:
            if self._fetcher is None:
                from quotetrail.fetch import Fetcher

                self._fetcher = Fetcher(self._settings)
            return self._fetcher

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)

    def close(self) -> None:
        if self._fetcher is not None and hasattr(self._fetcher, "close"):
            self._fetcher.close()


def _usage(message: str) -> Exception:
    from quotetrail.cli import UsageError

    return UsageError(_one_line(message))


class _user_errors:
    """Turn the errors a user can act on into UsageError (one line on stderr, exit 2)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type, exc, tb) -> bool:
        from quotetrail.cli import UsageError
        from quotetrail.errors import QuotetrailError

        if exc is None or isinstance(exc, UsageError | KeyboardInterrupt | SystemExit):
            return False
        if isinstance(exc, QuotetrailError):
            raise UsageError(_one_line(str(exc))) from None
        if isinstance(exc, Exception) and not os.environ.get("QUOTETRAIL_DEBUG"):
            raise UsageError(_one_line(f"unexpected error: {type(exc).__name__}: {exc}")) from None
        return False


def _one_line(text: str) -> str:
    from quotetrail.cli.render import printable

    return " ".join(printable(text).split())


def _color(args: argparse.Namespace, stream: TextIO) -> bool:
    from quotetrail.cli.render import use_color

    if args.color == "always":
        return True
    if args.color == "never":
        return False
    return use_color(stream)


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `quotetrail verify … | head`: the reader left; not an error
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_report(report: Report, args: argparse.Namespace) -> None:
    from quotetrail.cli.render import render

    _write(render(report, args.format, color=_color(args, sys.stdout)))


class _progress:
    """A one-line progress indicator on stderr while sources are read — only on a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty())
        self.drawn = False

    def __enter__(self) -> _progress:
        return self

    @property
    def callback(self) -> Callable[[int, int, SourceText], None] | None:
        return self.update if self.enabled else None

    def note(self, text: str) -> None:
        if self.enabled:
            self._draw(text)

    def update(self, done: int, total: int, source: SourceText) -> None:
        state = "ok" if source.status.status == "ok" else "unreadable"
        label = source.status.source
        if len(label) > 50:
            label = "…" + label[-49:]
        self._draw(f"reading sources {done}/{total} · {label} {state}")

    def _draw(self, text: str) -> None:
        self.stream.write(f"\r\033[K{text}")
        self.stream.flush()
        self.drawn = True

    def __exit__(self, *exc: object) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()

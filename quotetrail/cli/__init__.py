"""The `quotetrail` command line: one module per group of subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from quotetrail import __version__
from quotetrail.cli import check, keys, serve, users

COMMAND_MODULES = (check, serve, keys, users)

EXIT_OK = 0
EXIT_NOT_ALL_MATCHED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input from the user: printed as one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default prints the whole usage
        print(f"quotetrail: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="quotetrail", description=__doc__)
    parser.add_argument("--version", action="version", version=f"quotetrail {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except UsageError as exc:
        print(f"quotetrail: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

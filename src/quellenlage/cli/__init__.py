"""The `quellenlage` command. Each command group lives in its own module and registers its
sub-commands on the shared parser: `analyze` (analyze, schema), `corpus` (ingest, reanalyze,
failures), `query` (articles, quotes, claims, entities, search, show), `evaluate` (the scorers),
`batch` (many articles on Dask), `export` (the export formats), `serve` (the web pages and the API).

Every failure the user can act on ends in one line on stderr and a non-zero exit status, never
a traceback: 2 for unusable input, 1 for other errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from quellenlage.cli import analyze, batch, corpus, evaluate, export, query, serve
from quellenlage.errors import QuellenlageError

# The command groups, in the order `quellenlage --help` lists them.
COMMAND_GROUPS = (analyze, corpus, query, evaluate, batch, export, serve)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        command: Callable[[argparse.Namespace], int] = args.command
        return command(args)
    except QuellenlageError as error:
        print(f"quellenlage: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quellenlage", description="Who says what, with which numbers, about whom, when: German news analysis."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())

"""The `quellenlage` command. Each command group lives in its own module and registers its
sub-commands on the shared parser: `analyze` (analyze, schema), `corpus` (ingest, reanalyze,
failures), `query` (articles, quotes, claims, entities, search, show), `evaluate` (the scorers),
`batch` (many articles on Dask), `export` (the export formats), `linking` (figures,
trails, stories and speakers across articles), `serve` (the web pages and the API).

Every failure ends in one line on stderr and an exit status a script can act on, never a
traceback (`QUELLENLAGE_DEBUG=1` shows the traceback of an internal error):

    0   done (also when the reader of the output stopped early: `| head`)
    1   an error of the installation or environment (e.g. no writable model cache)
    2   the input cannot be analysed, or the command line is wrong
    3   out of memory
    4   the output cannot be written (full disk, closed standard output)
    70  an internal error: a bug, please report it
    130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from quellenlage.cli import analyze, batch, corpus, evaluate, export, linking, query, serve, streams
from quellenlage.cli.streams import OutputError, silence_stdout
from quellenlage.errors import QuellenlageError

# The command groups, in the order `quellenlage --help` lists them.
COMMAND_GROUPS = (analyze, corpus, query, evaluate, batch, export, linking, serve)
EXIT_USAGE = 2
EXIT_MEMORY = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class Parser(argparse.ArgumentParser):
    """argparse, with its errors in one line like every other failure."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, or a usage error argparse has already reported
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    try:
        command: Callable[[argparse.Namespace], int] = args.command
        status = command(args)
        streams.flush()
        return status
    except BrokenPipeError:  # the reader stopped reading (`| head`): nothing more to say
        silence_stdout()
        return 0
    except QuellenlageError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except MemoryError:
        return _fail(
            "out of memory: the input needs more memory than this machine gives; analyse smaller pieces "
            "(split a live blog or an agency dump into its articles)",
            EXIT_MEMORY,
        )
    except Exception as error:
        if os.environ.get("QUELLENLAGE_DEBUG"):
            raise
        summary = " ".join(str(error).split())[:200]
        return _fail(
            f"internal error ({type(error).__name__}: {summary}); please report it with the input "
            "(QUELLENLAGE_DEBUG=1 shows the traceback)",
            EXIT_INTERNAL,
        )


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="quellenlage", description="Who says what, with which numbers, about whom, when: German news analysis."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def _fail(message: str, status: int) -> int:
    if sys.stderr is not None:
        with contextlib.suppress(OSError):  # no standard error either: the exit status is all we can give
            print(f"quellenlage: {message}", file=sys.stderr)
    if status == OutputError.exit_code:
        silence_stdout()
    return status


if __name__ == "__main__":
    sys.exit(main())

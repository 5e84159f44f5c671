"""Writing to standard output so that every way it can fail ends in one line: a closed standard
output, a full disk, a reader that stops reading (`| head`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from quellenlage.errors import QuellenlageError

if TYPE_CHECKING:
    from rich.console import Console


class OutputError(QuellenlageError):
    """The result could not be written (full disk, closed standard output)."""

    exit_code = 4


@contextmanager
def writing() -> Iterator[TextIO]:
    """Standard output to write to: OutputError when the process has none (`>&-`) or a write
    fails (full disk); BrokenPipeError (the reader stopped) passes through for `main` to end quietly."""
    if sys.stdout is None:
        raise OutputError("standard output is closed: nowhere to write the result")
    try:
        yield sys.stdout
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"the output could not be written: {error.strerror or error}") from error


def write(text: str) -> None:
    with writing() as stream:
        stream.write(text)


def flush() -> None:
    """Flush before the interpreter does, so that a full disk is reported like any other error."""
    if sys.stdout is not None:
        with writing() as stream:
            stream.flush()


def console(stream: TextIO) -> Console:
    """A rich console that shows article text as it is: no markup, no emoji codes (an article's
    "[/b]" or ":flag:" is text, not an instruction to the terminal)."""
    from rich.console import Console

    class ReportConsole(Console):
        def on_broken_pipe(self) -> None:
            """rich exits with status 1 here; the reader stopping early is no error of ours."""
            self.quiet = True
            raise BrokenPipeError

    return ReportConsole(file=stream, markup=False, emoji=False)


def silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush on exit does not
    fail a second time and print a traceback of its own."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (a test's captured stream): nothing to protect
        pass

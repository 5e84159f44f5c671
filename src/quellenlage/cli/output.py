"""Query results on the terminal (a table), or for other programs (JSON, CSV).

Article text is untrusted: in tables it goes into rich `Text` objects, never through rich's markup,
so a headline like "[bold]…" or an escape sequence prints as the characters it is. Everything is
written through `cli.streams`, so a closed standard output or a full disk is a one-line error and a
reader that stops early (`| head`) ends the command quietly.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TextIO

from quellenlage.cli import streams

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "json", "csv")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Row(Protocol):
    COLUMNS: ClassVar[tuple[str, ...]]

    def as_dict(self) -> dict[str, Any]: ...


def emit(rows: Sequence[Row], output_format: str, *, title: str | None = None, empty: str = "nothing found") -> None:
    with streams.writing() as stream:
        if output_format == "json":
            json.dump([row.as_dict() for row in rows], stream, ensure_ascii=False, indent=1)
            stream.write("\n")
        elif output_format == "csv":
            write_csv([row.as_dict() for row in rows], stream)
        else:
            print_table(rows, streams.console(stream), title=title, empty=empty)


def write_csv(dicts: Sequence[dict[str, Any]], stream: TextIO) -> None:
    if not dicts:
        return
    writer = csv.DictWriter(stream, fieldnames=list(dicts[0]), lineterminator="\n")
    writer.writeheader()
    for row in dicts:
        writer.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in row.items()}
        )


def print_table(
    rows: Sequence[Row], console: Console, *, title: str | None = None, empty: str = "nothing found"
) -> None:
    from rich.table import Table
    from rich.text import Text

    if not rows:
        console.print(Text(empty, style="dim"))
        return
    table = Table(title=title, expand=True)
    columns = rows[0].COLUMNS
    for column in columns:
        table.add_column(
            column, overflow="fold", ratio=3 if column in ("content", "evidence", "title", "snippet", "message") else 1
        )
    for row in rows:
        values = row.as_dict()
        table.add_row(*(Text(plain(values[column])) for column in columns))
    console.print(table)


def plain(value: Any) -> str:
    """A value as one safe line of text: no control characters, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return CONTROL.sub(" ", str(value))

"""What `quellenlage ingest` reads: files, folders and standard input, every record in order.

A file of records (JSONL, CSV, WARC, Parquet, by its name) gives its records; any other file is
one article (text or HTML); a folder gives its files recursively in name order, hidden ones left
out; "-" is standard input (JSON Lines when its first line is a JSON object, else one article).
Input that cannot be read becomes a record with an `error`, so that it reaches the failures
table like any other bad article and never stops the run. Records come lazily, one at a time, so
memory stays flat however large the input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from quellenlage.inputs.formats import UnreadableInput, count_file, jsonl_lines, read_file
from quellenlage.inputs.records import SourceRecord
from quellenlage.reading.source import MAX_BYTES

# File name endings of each format of many records (also with .gz).
SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".warc": "warc",
    ".arc": "warc",
    ".parquet": "parquet",
}


def input_format(path: Path) -> str | None:
    """The format of a file of records by its name; None for a file that is one article."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIXES.get(suffixes[-1]) if suffixes else None


def walk(folder: Path) -> Iterator[Path]:
    """The files of a folder, recursively, in name order, without hidden files and folders."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_sources(sources: Iterable[str | os.PathLike[str]], stdin: IO[bytes] | None = None) -> Iterator[SourceRecord]:
    """Every record of every source, in order: folders recursively in name order."""
    for source in sources:
        name = os.fspath(source)
        if name == "-":
            yield from _stdin_records(stdin or sys.stdin.buffer)
            continue
        path = Path(name)
        if path.is_dir():
            for file in walk(path):
                yield from _file_records(file)
        elif path.is_file():
            yield from _file_records(path)
        else:
            yield SourceRecord(locator=name, error=f"{name}: no such file or folder", reason="read")


def count_records(sources: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many records the sources hold, or None when that needs reading everything (standard
    input, WARC files, which `read_sources` would then read twice)."""
    total = 0
    for source in sources:
        name = os.fspath(source)
        if name == "-":
            return None
        path = Path(name)
        for file in walk(path) if path.is_dir() else [path]:
            format = input_format(file)
            if format == "warc":
                return None
            try:
                total += count_file(file, format) if format else 1
            except UnreadableInput:
                total += 1  # the file becomes one failure
    return total


def _file_records(path: Path) -> Iterator[SourceRecord]:
    format = input_format(path)
    if format is None:
        yield _whole_file(path)
        return
    try:
        yield from read_file(path, format)
    except UnreadableInput as error:
        yield SourceRecord(locator=str(path.absolute()), error=str(error), reason="read")


def _whole_file(path: Path) -> SourceRecord:
    absolute = str(path.absolute())
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            # Not read at all: the analysis would refuse it anyway, and reading it costs memory.
            return SourceRecord(
                locator=absolute,
                file=absolute,
                content=f"{absolute}\0{size}\0{path.stat().st_mtime_ns}".encode(),
                error=f"the file has {size / 1024 / 1024:.1f} MB, more than the limit of "
                f"{MAX_BYTES // 1024 // 1024} MB for one article",
                reason="too_large",
            )
        return SourceRecord(locator=absolute, file=absolute, content=path.read_bytes())
    except OSError as error:
        return SourceRecord(
            locator=absolute, file=absolute, error=f"cannot read {path}: {error.strerror}", reason="read"
        )


def _stdin_records(stream: IO[bytes]) -> Iterator[SourceRecord]:
    """Standard input is JSONL when its first line is a JSON object, else one article."""
    import json

    head = stream.readline()
    stripped = head.strip()
    if stripped.startswith(b"{"):
        try:
            first = json.loads(stripped)
        except (json.JSONDecodeError, UnicodeDecodeError):
            first = None
        if isinstance(first, dict):
            yield from jsonl_lines(_chain(head, stream), "-")
            return
    data = head + stream.read(MAX_BYTES + 1 - len(head))
    yield SourceRecord(locator="-", content=data)


def _chain(first: bytes, rest: IO[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest

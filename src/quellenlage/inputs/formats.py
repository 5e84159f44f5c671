"""Files of many articles: JSON Lines (also gzipped), CSV with a header, WARC, Parquet.

`read_file` streams one file's records from a record number on (the batch reads a partition as
`start` and a count); `count_file` counts them without analysing anything. A record that is no
article (a line that is not JSON, a row without text) comes as a `SourceRecord` with an `error`, in
its place; damage that makes the rest of the file unreadable (a truncated gzip, a CSV that is not
UTF-8, a WARC that is none) raises `UnreadableInput` after the records before it.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from quellenlage.errors import QuellenlageError
from quellenlage.inputs.records import FIELD_NAMES, SourceRecord, from_fields
from quellenlage.reading.source import MAX_BYTES

FORMATS = ("jsonl", "csv", "warc", "parquet")
# The HTTP responses (status 200) and resources of a crawl that can be articles.
WARC_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
Columns = Mapping[str, str] | None
# The bytes that were not UTF-8, as the surrogateescape error handler keeps them.
UNDECODED = re.compile("[\udc80-\udcff]")


class UnreadableInput(QuellenlageError):
    """The rest of a file cannot be read (the records before the damage were read)."""


def read_file(path: Path, format: str, *, start: int = 0, columns: Columns = None) -> Iterator[SourceRecord]:
    """The records of a file in order, from record number `start` on."""
    readers = {"jsonl": _jsonl, "csv": _csv, "warc": _warc, "parquet": _parquet}
    try:
        yield from readers[format](path, start, columns)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error, ValueError) as error:
        raise UnreadableInput(f"cannot read {path} as {format.upper()}: {_reason(error)}") from error


def count_file(path: Path, format: str, *, columns: Columns = None) -> int:
    """How many records the file holds (a JSONL file: its lines that are not blank)."""
    try:
        if format == "jsonl":
            with _open_binary(path) as lines:
                return sum(1 for line in lines if line.strip())
        if format == "parquet":
            return int(_parquet_file(path).metadata.num_rows)
    except (OSError, EOFError, zlib.error, ValueError) as error:
        raise UnreadableInput(f"cannot read {path} as {format.upper()}: {_reason(error)}") from error
    return sum(1 for _ in read_file(path, format, columns=columns))


def _reason(error: BaseException) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 (byte {error.object[error.start : error.start + 1]!r} at position {error.start})"
    return str(error).strip() or type(error).__name__


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # noqa: SIM115 - closed by the caller's with


def _jsonl(path: Path, start: int, columns: Columns) -> Iterator[SourceRecord]:
    with _open_binary(path) as handle:
        yield from jsonl_lines(handle, str(path.absolute()), start=start, columns=columns)


def jsonl_lines(
    lines: Iterable[bytes], name: str, *, start: int = 0, columns: Columns = None
) -> Iterator[SourceRecord]:
    """The records of JSON lines; blank lines are no records, but count for the line numbers."""
    number = -1
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        number += 1
        if number < start:
            continue
        locator = f"{name}:{line_number}"
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            message = f"line {line_number} is not valid JSON ({error})"
            yield SourceRecord(locator, content=line, number=number, error=message, reason="record")
            continue
        if not isinstance(value, dict):
            message = f"line {line_number} is not a JSON object"
            yield SourceRecord(locator, content=line, number=number, error=message, reason="record")
            continue
        yield from_fields(value, locator, line, number=number, columns=columns)


def _csv(path: Path, start: int, columns: Columns) -> Iterator[SourceRecord]:
    """A CSV file with a header row, UTF-8; the delimiter is the one the header uses most (, ; tab |).
    A row with bytes that are not UTF-8 is an error in its place; the rows around it are read."""
    csv.field_size_limit(2**31 - 1)
    with io.TextIOWrapper(_open_binary(path), encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        header = handle.readline()
        delimiter = max(",;\t|", key=lambda d: (header.count(d), d == ","))
        reader = csv.DictReader(_chain([header], handle), delimiter=delimiter)
        text_names = (columns["text"],) if columns and "text" in columns else FIELD_NAMES["text"]
        names = {n.strip().lower() for n in reader.fieldnames or []}
        if not names & {n.lower() for n in text_names}:
            raise UnreadableInput(f"{path}: the CSV file has no header naming a text column ({', '.join(text_names)})")
        name = str(path.absolute())
        for number, row in enumerate(reader):
            if number < start:
                continue
            locator, raw = f"{name}:{reader.line_num}", json.dumps(row, ensure_ascii=False)
            if UNDECODED.search(raw):
                message = f"the row ending on line {reader.line_num} is not UTF-8"
                yield SourceRecord(locator, content=raw, number=number, error=message, reason="record")
            else:
                yield from_fields(row, locator, raw, number=number, columns=columns)


def _chain(first: list[str], rest: Iterable[str]) -> Iterator[str]:
    yield from first
    yield from rest


def _warc(path: Path, start: int, columns: Columns) -> Iterator[SourceRecord]:
    """The pages of a crawl: HTML or text responses with status 200, and resource records."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path.absolute())
    try:
        with open(path, "rb") as stream:
            iterator = ArchiveIterator(stream, arc2warc=True)
            number = -1
            for record in iterator:
                if not _is_page(record):
                    continue
                number += 1
                if number < start:
                    continue
                content = record.content_stream().read(MAX_BYTES + 1)  # before the offset, which reads on
                yield SourceRecord(
                    locator=f"{name}#{iterator.get_record_offset()}",
                    content=content,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    retrieved=record.rec_headers.get_header("WARC-Date"),
                    capture_id=record.rec_headers.get_header("WARC-Record-ID"),
                    number=number,
                )
    except ArchiveLoadFailed as error:
        raise ValueError(str(error).strip()) from error


def _is_page(record: Any) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.lower().startswith(WARC_TYPES)


def _parquet_file(path: Path) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise UnreadableInput(f"reading {path} needs pyarrow: pip install 'quellenlage[batch]'") from error
    return pq.ParquetFile(path)


def _parquet(path: Path, start: int, columns: Columns) -> Iterator[SourceRecord]:
    file = _parquet_file(path)
    name = str(path.absolute())
    seen = 0
    for batch in file.iter_batches(batch_size=256):
        if seen + batch.num_rows <= start:
            seen += batch.num_rows
            continue
        skip = max(0, start - seen)
        for number, row in enumerate(batch.slice(skip).to_pylist(), start=seen + skip):
            yield from_fields(row, f"{name}#{number}", json.dumps(row, default=str), number=number, columns=columns)
        seen += batch.num_rows

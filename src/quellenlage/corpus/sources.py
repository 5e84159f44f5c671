"""What `quellenlage ingest` reads: files, folders, JSONL, CSV, WARC and standard input, as records.

Every article found becomes one `SourceRecord`; a piece of input that cannot even be read as a
record (a malformed JSONL line, a CSV row without text, an unreadable file) becomes a record with
an `error`, so that it reaches the failures table like any other bad article and never stops the
run. Records are produced lazily, one at a time, so memory stays flat however large the input.

Fields of a JSONL line or CSV row: `id`, `url`, `outlet`, `published`, `title`, and `text` or
`html` (also news-please's `maintext`, `date_publish`, `source_domain`, `date_download`).
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from quellenlage.reading.source import MAX_BYTES

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".tsv")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Other names tools give the fields (news-please, Media Cloud exports).
FIELD_ALIASES = {
    "maintext": "text",
    "content": "text",
    "body": "text",
    "raw_html": "html",
    "date_publish": "published",
    "publish_date": "published",
    "date": "published",
    "source_domain": "outlet",
    "media_name": "outlet",
    "date_download": "retrieved",
    "headline": "title",
}
FIELDS = ("id", "url", "outlet", "published", "title", "retrieved")


@dataclass
class SourceRecord:
    """One article as the input gave it, before any analysis."""

    locator: str  # where it came from: a path, path:line, path#offset, "-"
    content: str | bytes | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    retrieved: str | None = None
    file: str | None = None  # the file's absolute path when the record is a whole file
    error: str | None = None  # why the input could not be read as an article
    reason: str | None = None

    @property
    def content_bytes(self) -> bytes:
        if self.content is None:
            return self.locator.encode("utf-8", "surrogatepass")
        if isinstance(self.content, bytes):
            return self.content
        return self.content.encode("utf-8", "surrogatepass")


def read_sources(sources: Iterable[str | os.PathLike[str]], stdin: IO[bytes] | None = None) -> Iterator[SourceRecord]:
    """Every record of every source, in order: folders recursively in name order."""
    for source in sources:
        name = os.fspath(source)
        if name == "-":
            yield from _stdin_records(stdin or sys.stdin.buffer)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _folder_records(path)
        elif path.is_file():
            yield from _file_records(path)
        else:
            yield SourceRecord(locator=name, error=f"{name}: no such file or folder", reason="read")


def count_records(sources: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many records the sources hold, cheaply, or None when that needs reading everything
    (standard input, WARC files)."""
    total = 0
    for source in sources:
        name = os.fspath(source)
        if name == "-":
            return None
        path = Path(name)
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            lower = file.name.lower()
            if lower.endswith(WARC_SUFFIXES):
                return None
            if lower.endswith(JSONL_SUFFIXES):
                try:
                    with _open_binary(file) as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            elif lower.endswith(CSV_SUFFIXES):
                total += sum(1 for _ in _csv_records(file))
            else:
                total += 1
    return total


def _walk(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _folder_records(folder: Path) -> Iterator[SourceRecord]:
    for file in _walk(folder):
        yield from _file_records(file)


def _file_records(path: Path) -> Iterator[SourceRecord]:
    lower = path.name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from _jsonl_records(path)
    elif lower.endswith(CSV_SUFFIXES):
        yield from _csv_records(path)
    elif lower.endswith(WARC_SUFFIXES):
        yield from _warc_records(path)
    else:
        yield _whole_file(path)


def _whole_file(path: Path) -> SourceRecord:
    absolute = str(path.absolute())
    locator = absolute
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            # Not read at all: the analysis would refuse it anyway, and reading it costs memory.
            return SourceRecord(
                locator=locator,
                file=absolute,
                content=f"{absolute}\0{size}\0{path.stat().st_mtime_ns}".encode(),
                error=f"the file has {size / 1024 / 1024:.1f} MB, more than the limit of "
                f"{MAX_BYTES // 1024 // 1024} MB for one article",
                reason="too_large",
            )
        return SourceRecord(locator=locator, file=absolute, content=path.read_bytes())
    except OSError as error:
        return SourceRecord(
            locator=locator, file=absolute, error=f"cannot read {path}: {error.strerror}", reason="read"
        )


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # noqa: SIM115 - closed by the caller's with


def _jsonl_records(path: Path) -> Iterator[SourceRecord]:
    try:
        with _open_binary(path) as handle:
            yield from _jsonl_lines(handle, str(path.absolute()))
    except (OSError, EOFError) as error:
        yield SourceRecord(locator=str(path.absolute()), error=f"cannot read {path}: {error}", reason="read")


def _jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[SourceRecord]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        locator = f"{name}:{number}"
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            yield SourceRecord(
                locator=locator, content=line, error=f"line {number} is not valid JSON ({error})", reason="record"
            )
            continue
        if not isinstance(value, dict):
            yield SourceRecord(
                locator=locator, content=line, error=f"line {number} is not a JSON object", reason="record"
            )
            continue
        yield _from_fields(value, locator, line)


def _from_fields(fields: dict[str, Any], locator: str, raw: bytes | str) -> SourceRecord:
    """A record from named fields; a record with neither text nor html is an error."""
    named: dict[str, Any] = {}
    for name, value in fields.items():
        if not isinstance(name, str):
            continue
        key = name.strip().lower()
        key = FIELD_ALIASES.get(key, key)
        if value not in (None, "") and key not in named:
            named[key] = value
    record = SourceRecord(locator=locator, **{f: _text(named.get(f)) for f in FIELDS})
    content = named.get("text", named.get("html"))
    if not isinstance(content, str) or not content.strip():
        record.content = raw
        record.error = "the record has no text (give a 'text' or 'html' field)"
        record.reason = "record"
        return record
    record.content = content
    return record


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    return None


def _csv_records(path: Path) -> Iterator[SourceRecord]:
    csv.field_size_limit(MAX_BYTES * 2)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(65536)
            handle.seek(0)
            try:
                dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
            except csv.Error:
                dialect = csv.excel
            reader = csv.DictReader(handle, dialect=dialect)
            header = {FIELD_ALIASES.get(n.strip().lower(), n.strip().lower()) for n in reader.fieldnames or []}
            if not header & {"text", "html"}:
                yield SourceRecord(
                    locator=str(path.absolute()),
                    content=sample.encode("utf-8"),
                    error="the CSV file has no header naming a 'text' or 'html' column",
                    reason="record",
                )
                return
            for row in reader:
                locator = f"{path.absolute()}:{reader.line_num}"
                yield _from_fields(row, locator, json.dumps(row, ensure_ascii=False))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        yield SourceRecord(
            locator=str(path.absolute()), error=f"cannot read {path} as UTF-8 CSV: {error}", reason="read"
        )


def _warc_records(path: Path) -> Iterator[SourceRecord]:
    """The HTML responses of a WARC file; other records (requests, metadata, images) are no articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as handle:
            iterator = ArchiveIterator(handle, arc2warc=True)
            for record in iterator:
                if record.rec_type != "response":
                    continue
                if record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not status or not status.startswith("2") or not content_type.startswith(HTML_TYPES):
                    continue
                body = record.content_stream().read(MAX_BYTES + 1)
                yield SourceRecord(
                    locator=f"{path.absolute()}#{iterator.get_record_offset()}",
                    content=body,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    retrieved=record.rec_headers.get_header("WARC-Date"),
                )
    except (OSError, ArchiveLoadFailed, ValueError) as error:
        yield SourceRecord(locator=str(path.absolute()), error=f"cannot read {path} as WARC: {error}", reason="read")


def _stdin_records(stream: IO[bytes]) -> Iterator[SourceRecord]:
    """Standard input is JSONL when its first line is a JSON object, else one article."""
    head = stream.readline()
    stripped = head.strip()
    if stripped.startswith(b"{"):
        try:
            first = json.loads(stripped)
        except (json.JSONDecodeError, UnicodeDecodeError):
            first = None
        if isinstance(first, dict):
            yield from _jsonl_lines(_chain(head, stream), "-")
            return
    data = head + stream.read(MAX_BYTES + 1 - len(head))
    yield SourceRecord(locator="-", content=data)


def _chain(first: bytes, rest: IO[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest

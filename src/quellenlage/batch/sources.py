"""Batch input: files of articles (JSONL, also gzipped; CSV; WARC; Parquet) cut into partitions.

A partition is a stretch of records of one file (`start` to `stop`), so a large file is spread
over many workers and a rerun can skip what is done. Planning counts the records of each file
once; a file that cannot even be counted (a truncated gzip, a Parquet file that is none) becomes
one partition without an end, whose reading fails on a worker and ends in the failures table
with everything that could be read before.

Records name their fields like the corpus format (`id`, `url`, `outlet`, `published`, `title`,
`text`); `text` may be plain text or HTML (also under `html`, `body` or `content`).
`--field text=body` maps other names. Workers read the files themselves: on a cluster of many
machines the inputs must lie where every worker can read them.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any

from quellenlage.errors import QuellenlageError

FORMATS = ("jsonl", "csv", "warc", "parquet")
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
# Field names tried in order for each article field.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "guid"),
    "text": ("text", "html", "body", "content"),
    "url": ("url", "link", "uri"),
    "outlet": ("outlet", "source", "publisher", "site"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate"),
}
WARC_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class RecordError(ValueError):
    """One record cannot be read as an article (bad JSON, no text); the others can."""

    def __init__(self, message: str, record: int | None = None):
        super().__init__(message)
        self.record = record


@dataclass(frozen=True)
class ArticleInput:
    article_id: str
    text: str | bytes
    record: int
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None

    @property
    def sha256(self) -> str:
        data = self.text.encode("utf-8", "surrogatepass") if isinstance(self.text, str) else self.text
        return hashlib.sha256(data).hexdigest()

    @property
    def published_date(self) -> str | None:
        """The date part of `published` when it is ISO 8601 (the local date of a timestamp with offset)."""
        if self.published and ISO_DATE.match(self.published):
            return self.published[:10]
        return None


@dataclass(frozen=True)
class Partition:
    id: str
    path: str
    format: str
    start: int
    stop: int | None  # None: the file could not be counted, read until it fails

    @property
    def size(self) -> int | None:
        return None if self.stop is None else self.stop - self.start


@dataclass(frozen=True)
class Source:
    path: str
    format: str
    records: int | None
    error: str | None = None


def detect_format(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in SUFFIXES:
        return SUFFIXES[suffixes[-1]]
    raise QuellenlageError(f"{path}: unknown input format (expected .jsonl[.gz], .csv[.gz], .warc[.gz] or .parquet)")


def expand_inputs(inputs: list[str]) -> list[Path]:
    """The files named, and the files of known formats inside named folders (sorted)."""
    files: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
            if not found:
                raise QuellenlageError(f"{path}: no input files (.jsonl, .csv, .warc, .parquet, also .gz) in it")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise QuellenlageError(f"{path}: no such file or folder")
    return files


def _known(path: Path) -> bool:
    try:
        detect_format(path)
    except QuellenlageError:
        return False
    return not path.name.startswith((".", "_"))


def survey(path: Path) -> Source:
    """Count the articles of one file; a file that cannot be counted is kept with its error."""
    format = detect_format(path)
    try:
        if format == "parquet":
            import pyarrow.parquet as pq

            records = pq.ParquetFile(path).metadata.num_rows
        else:
            records = sum(1 for _ in _raw_records(path, format))
        return Source(str(path.resolve()), format, records)
    except Exception as error:  # noqa: BLE001 - any failure to read makes an uncounted source
        return Source(str(path.resolve()), format, None, f"{type(error).__name__}: {error}")


def partitions(source: Source, size: int) -> list[Partition]:
    digest = hashlib.sha1(source.path.encode()).hexdigest()[:10]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(source.path).name)[:40]
    if source.records is None:
        return [Partition(f"{stem}-{digest}-00000", source.path, source.format, 0, None)]
    return [
        Partition(f"{stem}-{digest}-{number:05d}", source.path, source.format, start, min(start + size, source.records))
        for number, start in enumerate(range(0, source.records, size))
    ]


def read_partition(
    partition: Partition, fields: Mapping[str, str] | None = None
) -> Iterator[ArticleInput | RecordError]:
    """The articles of a partition, or a RecordError in place of each unreadable record.
    Errors that make the rest of the file unreadable propagate."""
    path = Path(partition.path)
    records = _raw_records(path, partition.format, start=partition.start)
    stop = None if partition.stop is None else partition.stop - partition.start
    for offset, raw in enumerate(islice(records, stop)):
        number = partition.start + offset
        if isinstance(raw, RecordError):
            yield RecordError(f"record {number}: {raw}", number)
            continue
        try:
            yield _article(raw, number, path, fields or {})
        except RecordError as error:
            yield RecordError(f"record {number}: {error}", number)


# --------------------------------------------------------------------------- formats


def _open_text(path: Path) -> IO[str]:
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace", newline="")
    return open(path, encoding="utf-8", errors="replace", newline="")


def _raw_records(path: Path, format: str, start: int = 0) -> Iterator[Mapping[str, Any] | RecordError]:
    readers = {"jsonl": _jsonl, "csv": _csv, "warc": _warc, "parquet": _parquet}
    yield from readers[format](path, start)


def _jsonl(path: Path, start: int) -> Iterator[Mapping[str, Any] | RecordError]:
    with _open_text(path) as lines:
        numbered = (line for line in lines if line.strip())
        for line in islice(numbered, start, None):
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield RecordError(f"not JSON ({error.msg} at column {error.colno})")
                continue
            yield value if isinstance(value, dict) else RecordError("not a JSON object")


def _csv(path: Path, start: int) -> Iterator[Mapping[str, Any] | RecordError]:
    """A CSV file with a header row; the delimiter is the one the header uses most (, ; tab |)."""
    csv.field_size_limit(2**31 - 1)
    with _open_text(path) as handle:
        header = handle.readline()
        handle.seek(0)
        delimiter = max(",;\t|", key=lambda d: (header.count(d), d == ","))
        yield from islice(csv.DictReader(handle, delimiter=delimiter), start, None)


def _warc(path: Path, start: int) -> Iterator[Mapping[str, Any] | RecordError]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        pages = (page for page in (_warc_page(r) for r in ArchiveIterator(stream, arc2warc=True)) if page)
        yield from islice(pages, start, None)


def _warc_page(record: Any) -> dict[str, Any] | None:
    """A response (HTTP 200) or resource record holding HTML or text; None for anything else."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(WARC_TYPES):
        return None
    return {
        "id": record.rec_headers.get_header("WARC-Record-ID"),
        "url": record.rec_headers.get_header("WARC-Target-URI"),
        "text": record.content_stream().read(),
    }


def _parquet(path: Path, start: int) -> Iterator[Mapping[str, Any] | RecordError]:
    import pyarrow.parquet as pq

    file = pq.ParquetFile(path)
    seen = 0
    for batch in file.iter_batches(batch_size=256):
        if seen + batch.num_rows <= start:
            seen += batch.num_rows
            continue
        rows = batch.slice(max(0, start - seen)).to_pylist()
        seen += batch.num_rows
        yield from rows


def _article(raw: Mapping[str, Any], number: int, path: Path, fields: Mapping[str, str]) -> ArticleInput:
    def field(name: str) -> Any:
        names = (fields[name],) if name in fields else FIELD_NAMES[name]
        return next((raw[n] for n in names if raw.get(n) not in (None, "")), None)

    text = field("text")
    if text is None:
        names = fields.get("text") or " or ".join(FIELD_NAMES["text"])
        raise RecordError(f"no text (looked for the field {names}; --field text=NAME names another)")
    if not isinstance(text, str | bytes):
        raise RecordError(f"the text is a {type(text).__name__}, not a string")
    article_id = field("id") or field("url") or f"{path.name}:{number}"
    return ArticleInput(
        article_id=str(article_id),
        text=text,
        record=number,
        url=_optional(field("url")),
        outlet=_optional(field("outlet")),
        title=_optional(field("title")),
        published=_optional(field("published")),
    )


def _optional(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)

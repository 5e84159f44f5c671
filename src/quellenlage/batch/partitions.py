"""Batch input cut into partitions: a partition is a stretch of records of one file (`start` to
`stop`), so a large file is spread over many workers and a rerun can skip what is done.

The files are read by `quellenlage.inputs`, the readers `quellenlage ingest` uses (JSONL, also
gzipped; CSV; WARC; Parquet; fields by the same names; `--field text=body` names another column).
Planning counts the records of each file once; a file that cannot even be counted (a truncated
gzip, a Parquet file that is none) becomes one partition without an end, whose reading fails on a
worker and ends in the failures table with everything that could be read before. Workers read the
files themselves: on a cluster of many machines the inputs must lie where every worker can read them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from quellenlage.errors import QuellenlageError
from quellenlage.inputs import SourceRecord, UnreadableInput, count_file, input_format, read_file, walk

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class RecordError(ValueError):
    """One record cannot be read as an article (bad JSON, no text); the others can."""

    def __init__(self, message: str, record: int | None = None, article_id: str | None = None):
        super().__init__(message)
        self.record = record
        self.article_id = article_id  # the id the record gives, when it gives one


@dataclass(frozen=True)
class ArticleInput:
    """An article of a partition: its record, under the id the batch tables know it by."""

    article_id: str
    source: SourceRecord

    @property
    def record(self) -> int:
        return self.source.number or 0

    @property
    def text(self) -> str | bytes:
        assert self.source.content is not None
        return self.source.content

    @property
    def published_date(self) -> str | None:
        """The date part of `published` when it is ISO 8601 (the local date of a timestamp with offset)."""
        published = self.source.published
        if published and ISO_DATE.match(published):
            return published[:10]
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
    format = input_format(path)
    if format is None:
        raise QuellenlageError(
            f"{path}: unknown input format (expected .jsonl[.gz], .csv[.gz], .warc[.gz] or .parquet)"
        )
    return format


def expand_inputs(inputs: list[str]) -> list[Path]:
    """The files named, and the files of known formats inside named folders (name order)."""
    files: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = [p for p in walk(path) if input_format(p) and not p.name.startswith("_")]
            if not found:
                raise QuellenlageError(f"{path}: no input files (.jsonl, .csv, .warc, .parquet, also .gz) in it")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise QuellenlageError(f"{path}: no such file or folder")
    return files


def survey(path: Path, columns: Mapping[str, str] | None = None) -> Source:
    """Count the articles of one file; a file that cannot be counted is kept with its error."""
    format = detect_format(path)
    try:
        return Source(str(path.resolve()), format, count_file(path, format, columns=columns))
    except UnreadableInput as error:
        return Source(str(path.resolve()), format, None, str(error))


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
    partition: Partition, columns: Mapping[str, str] | None = None
) -> Iterator[ArticleInput | RecordError]:
    """The articles of a partition, or a RecordError in place of each unreadable record.
    UnreadableInput (the rest of the file cannot be read) propagates."""
    path = Path(partition.path)
    records = read_file(path, partition.format, start=partition.start, columns=columns)
    for record in islice(records, partition.size):
        number = record.number if record.number is not None else partition.start
        given_id = record.id or record.capture_id or record.url
        if record.error:
            yield RecordError(f"record {number}: {record.error}", number, given_id)
        else:
            yield ArticleInput(given_id or f"{path.name}:{number}", record)

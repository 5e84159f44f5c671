"""What one Dask task does: read a partition, analyse its articles, hand back Parquet bytes.

The worker returns the encoded tables instead of writing them, so the client alone writes into
the output folder: workers need no shared file system for the output, and a worker killed
halfway leaves nothing behind (Dask reruns the task elsewhere). Whatever goes wrong with one
article or one record becomes a row of the failures table; an error that makes the rest of the
file unreadable becomes one more, after the articles read before it. An id a partition has
already used is a failure too: two articles under one id would mix their facts.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from quellenlage.batch.partitions import ArticleInput, Partition, RecordError, read_partition
from quellenlage.batch.tables import (
    TABLES,
    ArticleMeta,
    analysis_rows,
    failure_row,
    parquet_bytes,
    to_table,
)
from quellenlage.errors import QuellenlageError


@dataclass(frozen=True)
class Options:
    force: bool = False  # analyse text that does not look German
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PartitionStats:
    """What the progress display, the partition markers and the benchmarks learn about a partition."""

    partition: str
    articles: int
    failures: int
    words: int
    seconds: float
    cpu_seconds: float
    rss_mb: float  # the worker process's memory after the partition
    peak_rss_mb: float
    worker: str  # the Dask worker's address and process id
    ok: bool = True  # False: the task failed as a whole


@dataclass
class PartitionResult:
    partition: Partition
    files: dict[str, bytes]  # table name -> Parquet file bytes
    stats: PartitionStats


def process_partition(partition: Partition, options: Options) -> PartitionResult:
    from quellenlage.pipeline import analyze

    started, cpu_started = time.perf_counter(), time.process_time()
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    words = 0

    def fail(stage: str, error: BaseException | str, record: int | None, article_id: str | None) -> None:
        rows["failures"].append(
            failure_row(partition.id, partition.path, stage, error, record=record, article_id=article_id)
        )

    seen: dict[str, int] = {}  # article id -> record: an id twice would mix two articles' facts
    try:
        for item in read_partition(partition, options.fields):
            if isinstance(item, RecordError):
                fail("read", item, item.record, item.article_id)
                continue
            if item.article_id in seen:
                first = seen[item.article_id]
                message = f"record {item.record}: the id {item.article_id!r} was already used by record {first}"
                fail("read", RecordError(message, item.record), item.record, item.article_id)
                continue
            seen[item.article_id] = item.record
            try:
                with _transient_strings():
                    analysis = analyze(item.text, item.published_date, force=options.force)
            except QuellenlageError as error:
                fail("analyze", error, item.record, item.article_id)
                continue
            except Exception as error:  # noqa: BLE001 - one article's bug must not lose the partition
                fail("analyze", error, item.record, item.article_id)
                continue
            words += len(analysis.text.split())
            for table, new in analysis_rows(_meta(partition, item), analysis).items():
                rows[table].extend(new)
    except Exception as error:  # noqa: BLE001 - an unreadable file is a failure row, not a lost run
        fail("read", error, None, None)

    files = {table: parquet_bytes(to_table(table, rows[table])) for table in TABLES}
    stats = PartitionStats(
        partition=partition.id,
        articles=len(rows["articles"]),
        failures=len(rows["failures"]),
        words=words,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
        rss_mb=_rss_mb(),
        peak_rss_mb=_peak_rss_mb(),
        worker=_worker_name(),
    )
    return PartitionResult(partition=partition, files=files, stats=stats)


_FIRST_DONE = False


@contextmanager
def _transient_strings() -> Iterator[None]:
    """One article's words in spaCy's memory zone: a worker lives for thousands of articles, and
    every new word form would stay in its vocabulary and string store for good (worker memory
    rose 307 -> 419 MB over 5,000 articles). The analysis keeps Python strings, no spaCy object,
    so nothing of the zone is used after it. The first article of a process runs outside: what the
    pipeline builds when it is first used must stay."""
    global _FIRST_DONE
    if not _FIRST_DONE:
        _FIRST_DONE = True
        yield
        return
    from quellenlage.language.annotate import load_pipeline

    with load_pipeline().memory_zone():
        yield


def _meta(partition: Partition, item: ArticleInput) -> ArticleMeta:
    return ArticleMeta(
        article_id=item.article_id,
        partition=partition.id,
        source=partition.path,
        record=item.record,
        url=item.source.url,
        outlet=item.source.outlet,
        title=item.source.title,
        published=item.source.published,
        sha256=item.source.sha256,
    )


def _worker_name() -> str:
    try:
        from distributed import get_worker

        address = str(get_worker().address)
    except (ImportError, ValueError):
        address = "local"
    return f"{address} pid {os.getpid()}"


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)

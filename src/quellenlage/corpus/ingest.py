"""`ingest`: sources in, articles and failures out, in parallel, resumable, never twice.

The records are read lazily in chunks; each chunk is checked against the database first (what is
stored, or failed for good, is not analysed again: this is what makes a rerun fast). The rest is
analysed by N worker processes, each loading the model once (with one worker, in this process),
and the results are written in batches, one transaction each, by this process alone. At most a
few chunks are in flight, so memory does not grow with the number of articles.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import IO

from sqlalchemy import Engine

from quellenlage.corpus.prepare import Failure, Prepared, RecordMeta, init_worker, prepare, record_meta
from quellenlage.corpus.store import Outcome, Writer, already_done
from quellenlage.corpus.versions import pipeline_version
from quellenlage.inputs import SourceRecord, read_sources

CHUNK = 64  # records checked against the database at once
WRITE_EVERY = 32  # results per transaction …
WRITE_SECONDS = 2.0  # … or this long after the oldest unwritten one, whichever comes first


@dataclass
class IngestReport:
    """What an ingest did. Every record read is counted once: seen = stored + revisions +
    unchanged + failed + known_failures."""

    seen: int = 0
    stored: int = 0
    revisions: int = 0
    unchanged: int = 0
    failed: int = 0
    known_failures: int = 0
    words: int = 0
    analysed: int = 0
    seconds: float = 0.0
    total: int | None = None
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, message) of this run, first 20

    def count(self, outcome: Outcome) -> None:
        if outcome == "stored":
            self.stored += 1
        elif outcome == "revision":
            self.revisions += 1
        elif outcome == "unchanged":
            self.unchanged += 1
        else:
            self.failed += 1


Progress = Callable[[IngestReport], None]


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def ingest(
    engine: Engine,
    sources: Iterable[str | os.PathLike[str]],
    *,
    workers: int = 1,
    keep_text: bool = True,
    progress: Progress | None = None,
    total: int | None = None,
    stdin: IO[bytes] | None = None,
) -> IngestReport:
    """Analyse and store files, folders, JSONL, CSV, Parquet, WARC ("-": standard input). Idempotent:
    what is stored is skipped, a changed text at a known URL becomes a new revision."""
    run = _Run(engine, workers, keep_text, progress)
    run.report.total = total
    try:
        run.feed(read_sources(sources, stdin))
    except KeyboardInterrupt:
        run.report.interrupted = True
        run.abandon()
    finally:
        run.finish()
    return run.report


def process_prepared(
    jobs: Iterable[tuple[SourceRecord, RecordMeta]], *, workers: int, keep_text: bool
) -> Iterator[Prepared | Failure]:
    """Analyse records in worker processes and yield results as they come (for `reanalyze`)."""
    if workers <= 1:
        for record, meta in jobs:
            yield prepare(record, meta, keep_text)
        return
    with _pool(workers) as pool:
        pending: set[Future[Prepared | Failure]] = set()
        jobs_iter = iter(jobs)
        for record, meta in jobs_iter:
            pending.add(pool.submit(prepare, record, meta, keep_text))
            if len(pending) >= workers * 4:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in pending:
            yield future.result()


def _pool(workers: int) -> ProcessPoolExecutor:
    # spawn: a fresh interpreter per worker, never a fork of a process with threads (the progress bar)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker)


class _Run:
    def __init__(self, engine: Engine, workers: int, keep_text: bool, progress: Progress | None) -> None:
        self.engine = engine
        self.workers = max(1, workers)
        self.keep_text = keep_text
        self.progress = progress
        self.report = IngestReport()
        self.writer = Writer(engine)
        self.version = pipeline_version()
        self.unwritten: list[Prepared | Failure] = []
        self.oldest: float | None = None
        self.started = time.perf_counter()
        self.pool: ProcessPoolExecutor | None = None
        # each future with its record and the pool it runs in (a broken pool is replaced once)
        self.in_flight: dict[Future[Prepared | Failure], tuple[RecordMeta, ProcessPoolExecutor]] = {}

    def feed(self, records: Iterator[SourceRecord]) -> None:
        while chunk := list(islice(records, CHUNK)):
            metas = [record_meta(record) for record in chunk]
            done = already_done(self.engine, metas, self.version)
            for record, meta, state in zip(chunk, metas, done, strict=True):
                self.report.seen += 1
                if state == "stored":
                    self.report.unchanged += 1
                elif state == "failed":
                    self.report.known_failures += 1
                else:
                    self._analyse(record, meta)
            self._tick()
        self._drain(everything=True)
        self._write()

    def _analyse(self, record: SourceRecord, meta: RecordMeta) -> None:
        if self.workers == 1 or record.error:
            self._collect(prepare(record, meta, self.keep_text))
            return
        if self.pool is None:
            self.pool = _pool(self.workers)
        while len(self.in_flight) >= self.workers * 4:
            self._drain(everything=False)
        future = self.pool.submit(prepare, record, meta, self.keep_text)
        self.in_flight[future] = (meta, self.pool)

    def _drain(self, everything: bool) -> None:
        while self.in_flight:
            done, _ = wait(list(self.in_flight), return_when=FIRST_COMPLETED)
            for future in done:
                meta, pool = self.in_flight.pop(future)
                try:
                    self._collect(future.result())
                except BrokenProcessPool:
                    self._collect(Failure(meta, "worker_died", "the worker process analysing it died (out of memory?)"))
                    if pool is self.pool:
                        self._restart_pool()
            if not everything:
                return

    def _restart_pool(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = _pool(self.workers)

    def _collect(self, result: Prepared | Failure) -> None:
        if isinstance(result, Prepared):
            self.report.analysed += 1
            self.report.words += result.words
        elif len(self.report.failures) < 20:
            self.report.failures.append((result.meta.locator, result.message))
        self.unwritten.append(result)
        self.oldest = self.oldest or time.perf_counter()
        if len(self.unwritten) >= WRITE_EVERY or time.perf_counter() - self.oldest >= WRITE_SECONDS:
            self._write()
        self._tick()

    def _write(self) -> None:
        if not self.unwritten:
            return
        batch, self.unwritten, self.oldest = self.unwritten, [], None
        for outcome in self.writer.write(batch):
            self.report.count(outcome)

    def _tick(self) -> None:
        self.report.seconds = time.perf_counter() - self.started
        if self.progress is not None:
            self.progress(self.report)

    def abandon(self) -> None:
        """Ctrl-C: keep what was analysed, drop what was not."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        self.in_flight.clear()
        self._write()

    def finish(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        self.report.seconds = time.perf_counter() - self.started

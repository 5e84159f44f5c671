"""`quellenlage batch`: analyse many articles on Dask and write the Parquet tables.

The client plans partitions, submits one task per partition that is not yet done, and writes each
result as it arrives: one Parquet file per table (`DIR/<table>/part-<partition>.parquet`, written
to a hidden temporary name and renamed), then the partition's marker `DIR/_partitions/<id>.json`.
A partition counts as done only once its marker exists, so a run stopped at any point (Ctrl-C, a
crash, a lost machine) is resumed by running the same command again: finished partitions are
skipped, and a half-written one is written again over its own files. Dask reruns the task of a
worker that died elsewhere, and only the result of a finished task is written, so every article
ends in the tables exactly once.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from quellenlage import __version__
from quellenlage.batch.partitions import Partition, Source, expand_inputs, partitions, survey
from quellenlage.batch.tables import SCHEMAS, TABLES, failure_row, parquet_bytes, to_table
from quellenlage.batch.worker import Options, PartitionResult, PartitionStats, process_partition
from quellenlage.errors import QuellenlageError
from quellenlage.model import SCHEMA_VERSION

MANIFEST = "_batch.json"
MARKERS = "_partitions"
DEFAULT_PARTITION_SIZE = 200
WARM_UP_TEXT = "Die Polizei sprach am Montag von mehr als 200 Teilnehmern in Berlin."


@dataclass
class BatchReport:
    out: str
    partitions: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0  # partitions whose task failed as a whole (rerun to retry them)
    articles: int = 0
    failures: int = 0
    words: int = 0
    seconds: float = 0.0
    finished: list[PartitionStats] = field(default_factory=list)


@dataclass
class BatchSettings:
    out: Path
    workers: int | None = None
    scheduler: str | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    options: Options = field(default_factory=Options)
    progress: Callable[[PartitionStats], None] | None = None
    show_progress: bool = True


def run_batch(inputs: list[str], settings: BatchSettings) -> BatchReport:
    if settings.partition_size < 1:
        raise QuellenlageError("--partition-size must be at least 1")
    if settings.workers is not None and settings.workers < 0:
        raise QuellenlageError("--workers must be 0 (in this process) or more")
    sources = [survey(path, settings.options.fields) for path in expand_inputs(inputs)]
    out = settings.out
    _prepare_output(out, sources, settings.partition_size)
    planned = [p for source in sources for p in partitions(source, settings.partition_size)]
    pending = [p for p in planned if not (out / MARKERS / f"{p.id}.json").is_file()]
    report = BatchReport(out=str(out), partitions=len(planned), skipped=len(planned) - len(pending))
    started = time.perf_counter()
    if pending:
        with _Display(settings.show_progress, len(planned), report.skipped) as display:
            _run(pending, settings, report, display)
    report.seconds = time.perf_counter() - started
    return report


def _run(pending: list[Partition], settings: BatchSettings, report: BatchReport, display: _Display) -> None:
    if settings.workers == 0 and not settings.scheduler:
        for partition in pending:  # in this process, one after the other: debugging, tiny inputs
            outcome = _outcome(partial(process_partition, partition, settings.options))
            _finish(settings, report, display, partition, outcome)
        return
    from dask.distributed import as_completed

    with _cluster(settings) as client:
        _check_workers(client)
        futures = {
            client.submit(process_partition, p, settings.options, key=f"quellenlage-{p.id}", pure=False): p
            for p in pending
        }
        try:
            for future in as_completed(futures):
                _finish(settings, report, display, futures[future], _outcome(future.result))
                future.release()
        finally:
            for future in futures:
                future.cancel()


def _outcome(result: Callable[[], PartitionResult]) -> PartitionResult | Exception:
    try:
        return result()
    except Exception as error:  # noqa: BLE001 - KilledWorker, a bug: recorded, rerun by the next run
        return error


def _finish(
    settings: BatchSettings,
    report: BatchReport,
    display: _Display,
    partition: Partition,
    outcome: PartitionResult | Exception,
) -> None:
    """Write a finished partition (or record its failure) and tell the display."""
    if isinstance(outcome, Exception):
        done = _record_failed(settings.out, partition, outcome)
        report.failed += 1
    else:
        done = _write_result(settings.out, outcome)
        report.done += 1
        report.articles += done.articles
        report.failures += done.failures
        report.words += done.words
    report.finished.append(done)
    display.advance(done)
    if settings.progress:
        settings.progress(done)


# What the local cluster's workers start with, beyond Dask's defaults: a worker should spend its
# CPU on the analysis. Measured side by side on 50-60 10kGNAD articles (2026-12-03, 2 shared cores
# at load 4-15), in CPU seconds of the worker process against in-process `analyze` beside it:
# - Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc return freed memory at
#   once and, being set, turns off its adaptive mmap threshold: every array of the model above
#   128 KiB is then mapped and unmapped anew (system time, page faults). The analysing thread used
#   7.02 CPU-s with it, 6.41 without (in-process analyze 6.31). Glibc's adaptive trimming keeps
#   worker memory flat as well (benchmarks/batch.py, the memory run).
# - The worker's own threads took CPU beside the analysing one: the statistical profiler (every
#   10 ms, for the dashboard) 0.3-0.6 CPU-s per 50 articles; with it off, the event loop's 20 ms
#   tick, the system monitor (0.5 s) and the memory monitor (0.1 s) still 1.0-1.2 CPU-s per 60
#   articles beside 6.4 of analysis on a busy machine (the worker's CPU rate 0.79-0.81 of
#   `analyze`), and 0.2-0.3 at the intervals below (0.89-0.91). The dashboard is not read during
#   a batch, and a worker's memory moves by megabytes per article, not per 100 ms.
# OMP/MKL/OpenBLAS threads stay at Dask's one per worker.
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class _cluster:
    """A client of the cluster at `--scheduler`, or of a local cluster of worker processes."""

    def __init__(self, settings: BatchSettings):
        self.settings = settings
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        import dask
        from dask.distributed import Client, LocalCluster

        if self.settings.scheduler:
            try:
                self.client = Client(self.settings.scheduler, timeout="30s")
            except OSError as error:
                raise QuellenlageError(f"cannot reach the Dask scheduler {self.settings.scheduler}: {error}") from error
            return self.client
        workers = self.settings.workers or os.cpu_count() or 1
        with dask.config.set(LOCAL_WORKER_CONFIG):
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _worker_version() -> str:
    import quellenlage

    return quellenlage.__version__


def _warm_up() -> None:
    """Load the model and what the analysis builds on its first use (patterns, knowledge base)."""
    from quellenlage.pipeline import analyze

    analyze(WARM_UP_TEXT, force=True)


def _check_workers(client: Any) -> None:
    """Every worker must run the same Quellenlage, or the tables would mix two analyses; then
    every worker loads the model, all at once, before the first task (not inside the first
    partition of each, which then took seconds longer than the others)."""
    try:
        versions = client.run(_worker_version)
    except Exception as error:  # noqa: BLE001 - a worker without quellenlage fails here
        raise QuellenlageError(
            f"the Dask workers cannot run Quellenlage ({error}); "
            f"install quellenlage[batch] {__version__} on every worker"
        ) from error
    wrong = {worker: v for worker, v in versions.items() if v != __version__}
    if wrong:
        raise QuellenlageError(f"workers run another Quellenlage than {__version__}: {wrong}")
    try:  # a task per worker, run where the partitions will run (client.run would block its event loop)
        addresses = list(client.scheduler_info()["workers"])
        client.gather(
            [client.submit(_warm_up, workers=[a], pure=False, key=f"quellenlage-warm-up-{a}") for a in addresses]
        )
    except Exception as error:  # noqa: BLE001 - no model on a worker, a worker out of memory
        raise QuellenlageError(f"the Dask workers cannot load the Quellenlage model: {error}") from error


# --------------------------------------------------------------------------- output folder


def _prepare_output(out: Path, sources: list[Source], partition_size: int) -> None:
    """Create the folder, or check that a rerun continues the same kind of run."""
    manifest_path = out / MANIFEST
    manifest: dict[str, Any] = {
        "format": "quellenlage-batch",
        "schema_version": SCHEMA_VERSION,
        "quellenlage_version": __version__,
        "partition_size": partition_size,
        "tables": list(TABLES),
        "sources": {},
    }
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("schema_version") != SCHEMA_VERSION:
            raise QuellenlageError(
                f"{out} holds tables of schema {manifest.get('schema_version')}, not {SCHEMA_VERSION}: use a new --out"
            )
        if manifest.get("partition_size") != partition_size:
            raise QuellenlageError(
                f"{out} was written with --partition-size {manifest.get('partition_size')}: resume with the same size"
            )
        for source in sources:
            known = manifest["sources"].get(source.path)
            if known and known.get("records") != source.records:
                raise QuellenlageError(
                    f"{source.path} has changed since it was analysed into {out} "
                    f"({known.get('records')} records then, {source.records} now): use a new --out"
                )
    elif out.exists() and any(out.iterdir()):
        raise QuellenlageError(f"{out} exists and is not a batch output folder: name a new or empty folder")
    for table in TABLES:
        (out / table).mkdir(parents=True, exist_ok=True)
    (out / MARKERS).mkdir(exist_ok=True)
    for source in sources:
        manifest["sources"][source.path] = {"format": source.format, "records": source.records, "error": source.error}
    _atomic_write(manifest_path, json.dumps(manifest, indent=1, ensure_ascii=False).encode())


def _write_result(out: Path, result: PartitionResult) -> PartitionStats:
    partition, done = result.partition, result.stats
    for table, data in result.files.items():
        _atomic_write(out / table / f"part-{partition.id}.parquet", data)
    marker = {**asdict(done), "source": partition.path, "start": partition.start, "stop": partition.stop}
    _atomic_write(out / MARKERS / f"{partition.id}.json", json.dumps(marker, indent=1).encode())
    return done


def _record_failed(out: Path, partition: Partition, error: BaseException) -> PartitionStats:
    """A task that failed as a whole: one failures row, no marker (a rerun tries again)."""
    row = failure_row(partition.id, partition.path, "partition", error, record=None, article_id=None)
    _atomic_write(out / "failures" / f"part-{partition.id}.parquet", parquet_bytes(to_table("failures", [row])))
    return PartitionStats(partition.id, 0, 1, 0, 0.0, 0.0, 0.0, 0.0, "", ok=False)


def _atomic_write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def table_paths(out: Path, table: str) -> list[Path]:
    """The Parquet files of one table of a batch output, in partition order."""
    if table not in SCHEMAS:
        raise QuellenlageError(f"no table {table!r}: the tables are {', '.join(TABLES)}")
    return sorted((out / table).glob("part-*.parquet"))


# --------------------------------------------------------------------------- progress


class _Display:
    """A rich progress bar on a terminal; one line per partition otherwise (logs, CI)."""

    def __init__(self, enabled: bool, total: int, skipped: int):
        self.enabled = enabled
        self.total = total
        self.count = skipped
        self.articles = 0
        self.started = time.perf_counter()
        self.progress: Any = None
        if skipped and enabled:
            print(f"{skipped} of {total} partitions already done, skipped", file=sys.stderr)

    def __enter__(self) -> _Display:
        if self.enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(
                TextColumn("partitions"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[articles]} articles, {task.fields[rate]}/s"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self.progress.start()
            self.task = self.progress.add_task("batch", total=self.total, completed=self.count, articles=0, rate="-")
        return self

    def advance(self, done: PartitionStats) -> None:
        self.count += 1
        self.articles += done.articles
        rate = self.articles / max(time.perf_counter() - self.started, 1e-9)
        if self.progress is not None:
            self.progress.update(self.task, advance=1, articles=self.articles, rate=f"{rate:.1f}")
        elif self.enabled:
            state = f"{done.articles} articles, {done.failures} failures" if done.ok else "FAILED (rerun to retry)"
            print(f"[{self.count}/{self.total}] {done.partition}: {state}; {rate:.1f} articles/s", file=sys.stderr)

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def summary(report: BatchReport) -> str:
    rate = report.articles / report.seconds if report.seconds else 0.0
    line = (
        f"{report.articles} articles analysed in {report.done} partitions ({report.skipped} already done), "
        f"{report.failures} failures, {rate:.1f} articles/s -> {report.out}"
    )
    if report.failed:
        line += f"\n{report.failed} partitions failed as a whole (see the failures table); run again to retry them"
    return line

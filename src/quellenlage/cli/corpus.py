"""`quellenlage ingest`, `reanalyze` and `failures`: filling the corpus and keeping it current.

Every corpus command takes `--db` (a SQLite file, `sqlite:///…` or `postgresql://…`; default
`QUELLENLAGE_DB`, else `./quellenlage.db`). The database libraries are the `corpus` extra; without
them these commands say how to install it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from quellenlage.cli import streams
from quellenlage.errors import QuellenlageError

if TYPE_CHECKING:
    from quellenlage.corpus import Corpus
    from quellenlage.corpus.ingest import IngestReport

# Up to this many records, one process analyses them (no worker processes to start).
SMALL_INGEST = 8
DB_HELP = (
    "SQLite file or database URL (sqlite:///…, postgresql://user@host/db); default $QUELLENLAGE_DB or ./quellenlage.db"
)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help=DB_HELP)


def open_corpus(args: argparse.Namespace) -> Corpus:
    try:
        from quellenlage.corpus import Corpus
    except ImportError as error:
        raise QuellenlageError(
            f"the corpus commands need the corpus extra ({error.name} is missing): pip install 'quellenlage[corpus]'"
        ) from error
    return Corpus(args.db)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="analyse articles and store them in the corpus database",
        description="Analyse and store articles. A SOURCE is a text or HTML file, a folder (recursively), "
        "a JSONL, CSV (also .gz) or Parquet file (fields id, url, outlet, published, title, text or html), a WARC "
        "file, or - for standard input. Running it again adds nothing; a changed text at a known URL is a new "
        "revision.",
    )
    ingest.add_argument("sources", nargs="+", metavar="SOURCE")
    add_db_argument(ingest)
    ingest.add_argument("--workers", type=int, help="worker processes (default: one per CPU core)")
    ingest.add_argument(
        "--no-text", action="store_true", help="keep the facts and short evidence only, not the articles' text"
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    ingest.set_defaults(command=run_ingest)

    reanalyze = commands.add_parser(
        "reanalyze", help="analyse again what an older pipeline or model analysed, and say what changed"
    )
    add_db_argument(reanalyze)
    reanalyze.add_argument("--all", action="store_true", help="every stored text, not only the stale ones")
    reanalyze.add_argument("--workers", type=int, help="worker processes (default: one per CPU core)")
    reanalyze.add_argument("--quiet", action="store_true")
    reanalyze.set_defaults(command=run_reanalyze)

    failures = commands.add_parser("failures", help="the records an ingest could not store, and why")
    add_db_argument(failures)
    failures.add_argument("--reason", help="only this reason (not_german, too_large, empty, binary, record, …)")
    failures.add_argument("--limit", type=int, default=100)
    failures.add_argument("--format", choices=["table", "json", "csv"], default="table")
    failures.add_argument("--clear", action="store_true", help="forget them, so the next ingest tries again")
    failures.set_defaults(command=run_failures)


def run_ingest(args: argparse.Namespace) -> int:
    from quellenlage.corpus.ingest import default_workers
    from quellenlage.inputs import count_records

    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        raise QuellenlageError("--workers must be at least 1")
    total = count_records(args.sources)
    if total is not None and total <= SMALL_INGEST:
        workers = 1  # a worker's model load costs more than a handful of articles
    corpus = open_corpus(args)
    with corpus:
        with _IngestProgress(total, quiet=args.quiet) as progress:
            report = corpus.ingest(
                args.sources, workers=workers, keep_text=not args.no_text, progress=progress.update, total=total
            )
        if not args.quiet:
            print(summary(report, corpus.url), file=sys.stderr)
    if report.interrupted:
        print(
            "quellenlage: interrupted; what was analysed is stored. Run the same command again to complete.",
            file=sys.stderr,
        )
        return 130
    return 0


def summary(report: IngestReport, url: str) -> str:
    from quellenlage.corpus.database import describe

    rate = report.analysed / report.seconds if report.seconds else 0.0
    words = report.words / report.seconds if report.seconds else 0.0
    lines = [
        f"{report.seen:,} articles read: {report.stored:,} stored, {report.revisions:,} new revisions, "
        f"{report.unchanged:,} unchanged, {report.failed + report.known_failures:,} failed "
        f"({report.known_failures:,} known before) in {report.seconds:.1f} s "
        f"({rate:.1f} articles/s, {words:,.0f} words/s) into {describe(url)}"
    ]
    for source, message in report.failures[:5]:
        lines.append(f"  failed: {source}: {message}")
    if report.failed > 5:
        lines.append("  all failures: quellenlage failures")
    return "\n".join(lines)


class _IngestProgress:
    """The rich progress bar: articles, articles/s, words/s, failures, time left."""

    def __init__(self, total: int | None, *, quiet: bool) -> None:
        self.bar: Any = None
        self.task: Any = None
        if quiet:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rates]}"),
            TextColumn("[red]{task.fields[failed]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.bar.add_task("ingest", total=total, rates="", failed="")

    def __enter__(self) -> _IngestProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def update(self, report: IngestReport) -> None:
        if self.bar is None:
            return
        seconds = report.seconds or 1e-9
        failed = report.failed + report.known_failures
        self.bar.update(
            self.task,
            completed=report.seen,
            rates=f"{report.analysed / seconds:.1f} art/s {report.words / seconds:,.0f} words/s",
            failed=f"{failed} failed" if failed else "",
        )


def run_reanalyze(args: argparse.Namespace) -> int:
    from quellenlage.cli.output import plain
    from quellenlage.corpus.ingest import default_workers

    workers = args.workers if args.workers is not None else default_workers()
    with open_corpus(args) as corpus:
        report = corpus.reanalyze(everything=args.all, workers=max(1, workers))
    if not args.quiet:
        lines = [
            f"{report.candidates:,} revisions to analyse again: {report.analysed:,} analysed, "
            f"{report.changed:,} changed, {report.failed:,} failed, "
            f"{report.without_text:,} without text (re-ingest those) in {report.seconds:.1f} s",
            f"quotations: +{report.quotes_added:,} −{report.quotes_removed:,}   "
            f"claims: +{report.claims_added:,} −{report.claims_removed:,}",
            *(f"  failed: revision {revision}: {plain(message)}" for revision, message in report.errors[:5]),
        ]
        streams.write("\n".join(lines) + "\n")
    return 0


def run_failures(args: argparse.Namespace) -> int:
    from quellenlage.cli.output import emit

    with open_corpus(args) as corpus:
        if args.clear:
            streams.write(f"{corpus.clear_failures():,} failures forgotten\n")
            return 0
        rows = corpus.failures(reason=args.reason, limit=args.limit)
    emit(rows, args.format, title="Failures", empty="no failures recorded")
    return 0

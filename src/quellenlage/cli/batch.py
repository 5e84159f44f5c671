"""`quellenlage batch`: analyse many articles on Dask into Parquet tables (needs the `batch` extra);
`quellenlage load`: such tables into the corpus store (needs the `corpus` extra too)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quellenlage.errors import QuellenlageError

if TYPE_CHECKING:
    from quellenlage.batch.load import LoadReport


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = commands.add_parser(
        "batch",
        help="analyse many articles on Dask into Parquet tables",
        description="Analyse files of articles (JSONL, also .gz; CSV; WARC; Parquet) on a Dask cluster and write "
        "one Parquet table per kind of fact under --out. Rerun the same command to resume.",
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="input files, or folders of them")
    batch.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder (new, or one to resume)")
    where = batch.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes of the local cluster (default: cores; 0: in this process, without Dask)",
    )
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on this existing Dask cluster")
    batch.add_argument(
        "--partition-size", type=int, default=200, metavar="N", help="articles per task (default 200; fixed per --out)"
    )
    batch.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=COLUMN",
        help="read an article field from another column: --field text=body "
        "(id, text, url, outlet, title, published, retrieved)",
    )
    batch.add_argument("--force", action="store_true", help="analyse text that does not look German")
    batch.add_argument("--quiet", action="store_true", help="no progress display")
    batch.set_defaults(command=run_batch_command)

    load = commands.add_parser(
        "load",
        help="store a batch output in the corpus, without analysing again",
        description="Bulk-load the tables of `quellenlage batch` into the corpus store, as `ingest` would have "
        "stored the same records. Loading twice changes nothing.",
    )
    load.add_argument("directory", type=Path, metavar="DIR", help="a `quellenlage batch` output folder")
    load.add_argument(
        "--db", metavar="URL", help="SQLite path or postgresql:// URL (default: $QUELLENLAGE_DB or ./quellenlage.db)"
    )
    load.set_defaults(command=run_load_command)


def run_batch_command(args: argparse.Namespace) -> int:
    try:
        import distributed  # noqa: F401

        from quellenlage.batch.runner import BatchSettings, run_batch, summary
        from quellenlage.batch.worker import Options
        from quellenlage.inputs import FIELD_NAMES
    except ImportError as error:
        raise QuellenlageError(
            f"the batch command needs the batch extra: pip install 'quellenlage[batch]' ({error})"
        ) from error
    fields = {}
    for mapping in args.field:
        name, _, column = mapping.partition("=")
        if name not in FIELD_NAMES or not column:
            raise QuellenlageError(f"--field {mapping}: expected NAME=COLUMN with NAME one of {', '.join(FIELD_NAMES)}")
        fields[name] = column
    settings = BatchSettings(
        out=args.out,
        workers=args.workers,
        scheduler=args.scheduler,
        partition_size=args.partition_size,
        options=Options(force=args.force, fields=fields),
        show_progress=not args.quiet,
    )
    report = run_batch(args.inputs, settings)
    print(summary(report), file=sys.stderr)
    return 1 if report.failed else 0


def run_load_command(args: argparse.Namespace) -> int:
    try:
        import sqlalchemy  # noqa: F401

        from quellenlage.batch.load import load_batch
    except ImportError as error:
        raise QuellenlageError(
            f"load needs the batch and corpus extras: pip install 'quellenlage[batch,corpus]' ({error})"
        ) from error

    def progress(report: LoadReport) -> None:
        print(f"{report.articles} articles loaded, {report.seconds:.0f} s", file=sys.stderr)

    report = load_batch(args.directory, args.db, progress=progress if sys.stderr.isatty() else None)
    outcomes = ", ".join(f"{count} {outcome}" for outcome, count in sorted(report.outcomes.items()))
    rate = report.articles / report.seconds if report.seconds else 0.0
    print(
        f"{report.articles} articles and {report.failures} failures from {args.directory}: {outcomes}; "
        f"{rate:.0f} articles/s",
        file=sys.stderr,
    )
    return 0

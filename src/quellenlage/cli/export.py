"""`quellenlage export --format FORMAT`: analyses out to the formats other tools read.

The formats are a registry: each `Exporter` names what it writes and a function that writes it
from an `ExportRequest` (where the analyses come from: a batch output folder or the corpus
store, and where they go). A command group that adds a format calls `register_exporter` when its
module is imported (before the parser is built), so `export` stays one command with one dispatch.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from quellenlage.cli import streams
from quellenlage.errors import QuellenlageError

if TYPE_CHECKING:
    from quellenlage.batch.tables import ArticleMeta
    from quellenlage.model import Analysis


@dataclass(frozen=True)
class ExportRequest:
    db: str | None  # corpus store URL (--db)
    source_dir: Path | None  # batch output folder (--from)
    out: Path | None  # None: standard output

    def analyses(self) -> Iterator[tuple[ArticleMeta, Analysis]]:
        """The stored analyses with their articles' metadata, from wherever the request names."""
        if self.source_dir is not None:
            return _batch_output(self.source_dir).analyses()
        return _corpus_analyses(self.db)

    def failures(self) -> list[dict[str, Any]]:
        """The failures rows of a batch output folder (the corpus store keeps none)."""
        if self.source_dir is None:
            return []
        rows: list[dict[str, Any]] = _batch_output(self.source_dir).table("failures").to_pylist()
        return rows

    @contextmanager
    def text_out(self) -> Iterator[TextIO]:
        if self.out is None:
            with streams.writing() as stream:  # a full disk or closed stdout: one line, exit status 4
                yield stream
            return
        self.out.parent.mkdir(parents=True, exist_ok=True)
        with open(self.out, "w", encoding="utf-8", newline="\n") as handle:
            yield handle

    def folder_out(self, format: str) -> Path:
        if self.out is None:
            raise QuellenlageError(f"--format {format} writes one file per table: name a folder with --out")
        if self.out.exists() and not self.out.is_dir():
            raise QuellenlageError(f"--format {format} writes one file per table: {self.out} is a file, not a folder")
        return self.out


@dataclass(frozen=True)
class Exporter:
    help: str
    write: Callable[[ExportRequest], str]  # writes, returns a one-line summary for standard error


EXPORTERS: dict[str, Exporter] = {}


def register_exporter(name: str, exporter: Exporter) -> None:
    EXPORTERS[name] = exporter


def _corpus_analyses(db: str | None) -> Iterator[tuple[ArticleMeta, Analysis]]:
    """The current analysis of every article of the corpus store, in publication order."""
    try:
        from quellenlage.batch.tables import ArticleMeta
        from quellenlage.corpus import Corpus
    except ImportError as error:
        raise QuellenlageError(
            "exporting from the corpus needs the batch and corpus extras: "
            f"pip install 'quellenlage[batch,corpus]' ({error})"
        ) from error
    with Corpus(db) as corpus:
        for record, analysis in corpus.iter_analyses():
            meta = ArticleMeta(
                record.id, url=record.url, outlet=record.outlet, title=record.title, published=record.published
            )
            yield meta, analysis


def _batch_output(path: Path) -> Any:
    try:
        from quellenlage.batch.output import BatchOutput
    except ImportError as error:
        raise QuellenlageError(
            f"reading a batch folder needs the batch extra: pip install 'quellenlage[batch]' ({error})"
        ) from error
    return BatchOutput(path)


# --------------------------------------------------------------------------- the formats


def _parquet(request: ExportRequest) -> str:
    from quellenlage.batch.exporters.tables import write_parquet

    out = request.folder_out("parquet")
    return f"{write_parquet(request.analyses(), out, request.failures())} articles -> {out}/<table>.parquet"


def _csv(request: ExportRequest) -> str:
    from quellenlage.batch.exporters.tables import write_csv

    out = request.folder_out("csv")
    return f"{write_csv(request.analyses(), out, request.failures())} articles -> {out}/<table>.csv"


def _jsonl(request: ExportRequest) -> str:
    from quellenlage.batch.exporters.tables import write_jsonl

    with request.text_out() as out:
        return f"{write_jsonl(request.analyses(), out)} articles"


def _gkg(request: ExportRequest) -> str:
    from quellenlage.batch.exporters.gkg import write_gkg

    with request.text_out() as out:
        return f"{write_gkg(request.analyses(), out)} GKG records"


def _plover(request: ExportRequest) -> str:
    from quellenlage.batch.exporters.plover import write_plover

    with request.text_out() as out:
        written, undated = write_plover(request.analyses(), out)
    left_out = f"; {undated} events left out: no date (PLOVER requires one)" if undated else ""
    return f"{written} PLOVER events{left_out}"


register_exporter("parquet", Exporter("one Parquet file per table into the folder --out", _parquet))
register_exporter("csv", Exporter("one CSV file per table into the folder --out (nested columns as JSON)", _csv))
register_exporter("jsonl", Exporter("one line per article: its metadata and its analysis JSON", _jsonl))
register_exporter("gkg", Exporter("GDELT GKG 2.1-style tab-separated records, one per article", _gkg))
register_exporter("plover", Exporter("PLOVER event records, one JSON object per line", _plover))


# --------------------------------------------------------------------------- the command


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    formats = "; ".join(f"{name}: {exporter.help}" for name, exporter in EXPORTERS.items())
    export = commands.add_parser(
        "export",
        help="export analyses (Parquet, CSV, JSONL, GKG, PLOVER)",
        description=f"Export stored analyses. Formats: {formats}.",
    )
    export.add_argument("--format", required=True, choices=list(EXPORTERS))
    source = export.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--from", dest="source_dir", type=Path, metavar="DIR", help="a `quellenlage batch` output folder"
    )
    source.add_argument("--db", metavar="URL", help="the corpus store (SQLite path or postgresql:// URL)")
    export.add_argument("--out", type=Path, metavar="PATH", help="file or folder to write (default: standard output)")
    export.set_defaults(command=run_export)


def run_export(args: argparse.Namespace) -> int:
    request = ExportRequest(db=args.db, source_dir=args.source_dir, out=args.out)
    summary = EXPORTERS[args.format].write(request)
    print(summary, file=sys.stderr)
    return 0

"""`quellenlage load DIR`: a batch output into the corpus store, without analysing anything again.

Every article of the batch is stored as `quellenlage ingest` would have stored the same record:
the same key (its URL, else its id), the same text hash (the SHA-256 of the record's text, which
`batch` keeps), its analysis and facts, through the corpus store's own writer. So loading twice
changes nothing, and ingesting a loaded record later finds it already there. The failures of the
batch go into the store's failures table. The analyses are the batch's: the store records the
versions of the Quellenlage that loads them, and `load` refuses a batch written by another
version (its analyses would be labelled wrongly).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quellenlage import __version__
from quellenlage.batch.output import BatchOutput
from quellenlage.batch.tables import ArticleMeta
from quellenlage.errors import QuellenlageError
from quellenlage.model import Analysis

BATCH = 500  # articles per write transaction


@dataclass
class LoadReport:
    articles: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)  # stored, revision, unchanged, failed
    failures: int = 0  # failure rows of the batch carried over
    seconds: float = 0.0


def load_batch(path: Path, db: str | None, *, progress: Callable[[LoadReport], None] | None = None) -> LoadReport:
    from quellenlage.corpus import Corpus
    from quellenlage.corpus.store import Writer

    output = BatchOutput(path)
    written = output.manifest.get("quellenlage_version")
    if written != __version__:
        raise QuellenlageError(
            f"{path} was analysed by Quellenlage {written}, this is {__version__}: load it with that version"
        )
    report = LoadReport()
    started = time.perf_counter()
    with Corpus(db) as corpus:
        writer = Writer(corpus.engine)
        pending: list[Any] = []

        def flush() -> None:
            for outcome in writer.write(pending):
                report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
            pending.clear()
            report.seconds = time.perf_counter() - started
            if progress:
                progress(report)

        for meta, analysis in output.analyses():
            pending.append(_prepared(meta, analysis))
            report.articles += 1
            if len(pending) >= BATCH:
                flush()
        for row in output.table("failures").to_pylist():
            pending.append(_failure(row))
            report.failures += 1
        flush()
    report.seconds = time.perf_counter() - started
    return report


def _prepared(meta: ArticleMeta, analysis: Analysis) -> Any:
    from quellenlage.corpus.keys import url_host
    from quellenlage.corpus.prepare import prepared_from_analysis

    outlet = meta.outlet or url_host(meta.url)
    return prepared_from_analysis(_record_meta(meta), analysis, meta.published, outlet, meta.title)


def _record_meta(meta: ArticleMeta) -> Any:
    """The store's record of an article, with the text hash of its input record (every batch
    article has an id, so the key is its URL or its id, never the hash)."""
    from quellenlage.corpus.prepare import record_meta
    from quellenlage.inputs import SourceRecord

    locator = f"{meta.source}:{meta.record}" if meta.source else meta.article_id
    record = SourceRecord(
        locator, id=meta.article_id, url=meta.url, outlet=meta.outlet, published=meta.published, title=meta.title
    )
    stored = record_meta(record)
    return replace(stored, text_hash=meta.sha256) if meta.sha256 else stored


def _failure(row: dict[str, Any]) -> Any:
    from quellenlage.corpus.prepare import Failure, failure_reason

    meta = ArticleMeta(
        article_id=row["article_id"] or f"{Path(row['source']).name}:{row['record']}",
        source=row["source"],
        record=row["record"],
    )
    reason = failure_reason(row["message"]) if row["stage"] == "analyze" else "record"
    return Failure(_record_meta(meta), reason, row["message"] or row["error"])

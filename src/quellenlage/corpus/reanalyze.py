"""`reanalyze`: run the current pipeline again over stored texts an older pipeline or model analysed.

Each revision's facts are replaced in one transaction with its new analysis and versions; the
report says how many quotations and claims were added and removed (compared by position, kind and
speaker or value, qualifier and source), so a rule change can be judged on the whole corpus.
Revisions stored with `--no-text` cannot be analysed again (re-ingest them from their source).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select, update

from quellenlage.corpus import tables as t
from quellenlage.corpus.database import read_connection, write_transaction
from quellenlage.corpus.ingest import process_prepared
from quellenlage.corpus.prepare import Failure, Prepared, RecordMeta
from quellenlage.corpus.store import Writer, delete_facts, now
from quellenlage.corpus.versions import current_versions
from quellenlage.inputs import SourceRecord

BATCH = 32


@dataclass
class ReanalyzeReport:
    candidates: int = 0  # revisions analysed by another pipeline or model (all, with everything)
    analysed: int = 0
    changed: int = 0  # revisions whose quotations or claims changed
    failed: int = 0
    without_text: int = 0
    quotes_added: int = 0
    quotes_removed: int = 0
    claims_added: int = 0
    claims_removed: int = 0
    seconds: float = 0.0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (revision id, message), first 20


def reanalyze(
    engine: Engine,
    *,
    everything: bool = False,
    workers: int = 1,
    progress: Callable[[ReanalyzeReport], None] | None = None,
) -> ReanalyzeReport:
    """Analyse again the revisions an older pipeline or model analysed (all with `everything`)."""
    started = time.perf_counter()
    versions = current_versions()
    report = ReanalyzeReport()
    stale = select(t.revisions.c.id).order_by(t.revisions.c.id)
    if not everything:
        stale = stale.where(
            or_(t.revisions.c.pipeline_version != versions.pipeline, t.revisions.c.model_version != versions.model)
        )
    with read_connection(engine) as connection:
        ids = list(connection.execute(stale).scalars())
        report.candidates = len(ids)
        report.without_text = connection.execute(
            select(func.count()).where(t.revisions.c.id.in_(stale), t.revisions.c.text.is_(None))
        ).scalar_one()
    writer = Writer(engine)
    batch: list[Prepared | Failure] = []
    for result in process_prepared(_jobs(engine, ids), workers=workers, keep_text=True):
        batch.append(result)
        if len(batch) >= BATCH:
            _write(writer, batch, report)
            batch = []
            if progress is not None:
                progress(report)
    _write(writer, batch, report)
    report.seconds = time.perf_counter() - started
    return report


def _jobs(engine: Engine, ids: list[int]) -> Iterator[tuple[SourceRecord, RecordMeta]]:
    """The stored texts, read a few at a time."""
    r = t.revisions
    for start in range(0, len(ids), BATCH):
        with read_connection(engine) as connection:
            rows = connection.execute(
                select(r.c.id, r.c.text, r.c.text_hash, r.c.title, r.c.published, r.c.source).where(
                    r.c.id.in_(ids[start : start + BATCH]), r.c.text.is_not(None)
                )
            ).all()
        for row in rows:
            record = SourceRecord(
                locator=f"revision {row.id}", content=row.text, title=row.title, published=row.published
            )
            meta = RecordMeta(
                locator=f"revision {row.id}",
                key=str(row.id),  # the writer finds the revision by this
                text_hash=row.text_hash,
                record_id=None,
                url=None,
                outlet=None,
                published=row.published,
                title=row.title,
                retrieved=None,
            )
            yield record, meta


def _write(writer: Writer, batch: list[Prepared | Failure], report: ReanalyzeReport) -> None:
    if not batch:
        return
    with write_transaction(writer.engine) as connection:
        writer.entities.begin(connection, [e for r in batch if isinstance(r, Prepared) for e in r.facts.entities])
        for result in batch:
            revision_id = int(result.meta.key)
            if isinstance(result, Failure):
                report.failed += 1
                if len(report.errors) < 20:
                    report.errors.append((revision_id, result.message))
                continue
            before = _fact_keys(connection, revision_id)
            delete_facts(connection, revision_id)
            writer.insert_facts(connection, revision_id, result)
            connection.execute(
                update(t.revisions)
                .where(t.revisions.c.id == revision_id)
                .values(
                    pipeline_version=result.versions.pipeline,
                    model_version=result.versions.model,
                    schema_version=result.versions.schema,
                    analysed_at=now(),
                    analysis=result.analysis,
                    words=result.words,
                )
            )
            after = _fact_keys(connection, revision_id)
            report.analysed += 1
            report.quotes_added += len(after[0] - before[0])
            report.quotes_removed += len(before[0] - after[0])
            report.claims_added += len(after[1] - before[1])
            report.claims_removed += len(before[1] - after[1])
            report.changed += before != after


def _fact_keys(connection: Connection, revision_id: int) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    q, c = t.quotes, t.claims
    quotes = {
        tuple(row)
        for row in connection.execute(
            select(q.c.content_start, q.c.content_end, q.c.kind, q.c.speaker).where(q.c.revision_id == revision_id)
        )
    }
    claims = {
        tuple(row)
        for row in connection.execute(
            select(c.c.number_start, c.c.number_end, c.c.value, c.c.qualifier, c.c.source).where(
                c.c.revision_id == revision_id
            )
        )
    }
    return quotes, claims

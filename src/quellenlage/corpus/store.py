"""Writing to the corpus: a batch of analysed articles and failures in one transaction.

A batch is all or nothing, so a killed ingest leaves whole articles or none of one. Inside the
transaction every article is checked again against what is stored (another ingest may have
stored it meanwhile): the same text at the same key is stored once, a new text at a known key
becomes the article's next revision, and a failure is recorded once per source and text, with the
number of attempts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from quellenlage.corpus import tables as t
from quellenlage.corpus.database import read_connection, write_transaction
from quellenlage.corpus.identity import EntityResolver, inserted_id
from quellenlage.corpus.keys import derived_article_id, digest
from quellenlage.corpus.names import fact_word_rows
from quellenlage.corpus.prepare import Failure, Prepared, RecordMeta
from quellenlage.corpus.versions import pipeline_version

Outcome = Literal["stored", "revision", "unchanged", "failed"]
# Failures worth another try on the next run even with the same pipeline: not the input's fault.
RETRIED_REASONS = frozenset({"worker_died", "memory", "internal"})
# PostgreSQL refuses a tsvector over 1 MB; the words of the first half million characters do.
SEARCH_CHARS = 500_000


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def failure_key(meta: RecordMeta) -> str:
    return digest(f"{meta.locator}\0{meta.text_hash}")


def already_done(engine: Engine, metas: Sequence[RecordMeta], pipeline_version: str) -> list[str | None]:
    """For each record: "stored" when it is, "failed" when it failed for a reason that will not
    change, else None (it is to be analysed)."""
    if not metas:
        return []
    key_hashes = sorted({digest(m.key) for m in metas})
    failure_keys = sorted({failure_key(m) for m in metas})
    with read_connection(engine) as connection:
        stored = set(
            connection.execute(
                select(t.articles.c.key_hash, t.revisions.c.text_hash)
                .join(t.revisions, t.revisions.c.article_id == t.articles.c.id)
                .where(t.articles.c.key_hash.in_(key_hashes))
            )
        )
        failed = {
            key
            for key, version, reason in connection.execute(
                select(t.failures.c.failure_key, t.failures.c.pipeline_version, t.failures.c.reason).where(
                    t.failures.c.failure_key.in_(failure_keys)
                )
            )
            if version == pipeline_version and reason not in RETRIED_REASONS
        }
    return [
        "stored" if (digest(m.key), m.text_hash) in stored else "failed" if failure_key(m) in failed else None
        for m in metas
    ]


class Writer:
    """Writes batches for one ingest; keeps the entity cache between them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.entities = EntityResolver()

    def write(self, items: Sequence[Prepared | Failure]) -> list[Outcome]:
        if not items:
            return []
        with write_transaction(self.engine) as connection:
            self.entities.begin(
                connection, [e for item in items if isinstance(item, Prepared) for e in item.facts.entities]
            )

            return [
                self._store(connection, item) if isinstance(item, Prepared) else self._fail(connection, item)
                for item in items
            ]

    def _store(self, connection: Connection, item: Prepared) -> Outcome:
        meta = item.meta
        key_hash = digest(meta.key)
        article = connection.execute(
            select(t.articles.c.id, t.articles.c.revisions).where(t.articles.c.key_hash == key_hash)
        ).first()
        moment = now()
        if article is not None:
            seen = connection.execute(
                select(t.revisions.c.id).where(
                    t.revisions.c.article_id == article.id, t.revisions.c.text_hash == meta.text_hash
                )
            ).first()
            if seen is not None:
                return "unchanged"
            article_id, number = article.id, article.revisions + 1
        else:
            article_id, number = self._new_article_id(connection, meta), 1
            connection.execute(
                insert(t.articles).values(
                    id=article_id,
                    key_hash=key_hash,
                    key=meta.key,
                    url=meta.url,
                    revisions=0,
                    first_seen=moment,
                    last_changed=moment,
                )
            )
        revision_id = self._insert_revision(connection, item, article_id, number, moment)
        connection.execute(
            update(t.articles)
            .where(t.articles.c.id == article_id)
            .values(
                current_revision_id=revision_id,
                revisions=number,
                title=item.title,
                outlet=item.outlet,
                published=item.published,
                published_at=item.published_at,
                last_changed=moment,
            )
        )
        self.insert_facts(connection, revision_id, item)
        insert_search(connection, revision_id, item.title or "", item.facts.search_body)
        connection.execute(
            delete(t.failures).where(t.failures.c.article_key == meta.key, t.failures.c.text_hash == meta.text_hash)
        )
        return "stored" if number == 1 else "revision"

    def _new_article_id(self, connection: Connection, meta: RecordMeta) -> str:
        for candidate in (meta.record_id, derived_article_id(meta.key)):
            if candidate and len(candidate) <= 200:
                taken = connection.execute(select(t.articles.c.id).where(t.articles.c.id == candidate)).first()
                if taken is None:
                    return candidate
        return derived_article_id(meta.key + "\0" + meta.locator)

    def _insert_revision(
        self, connection: Connection, item: Prepared, article_id: str, number: int, moment: datetime
    ) -> int:
        versions = item.versions
        result = connection.execute(
            insert(t.revisions).values(
                article_id=article_id,
                number=number,
                text_hash=item.meta.text_hash,
                text=item.text,
                title=item.title,
                published=item.published,
                published_at=item.published_at,
                retrieved=item.meta.retrieved or moment,
                ingested_at=moment,
                source=item.meta.locator,
                input_format=item.input_format,
                words=item.words,
                pipeline_version=versions.pipeline,
                model_version=versions.model,
                schema_version=versions.schema,
                analysed_at=moment,
                analysis=item.analysis,
            )
        )
        return inserted_id(result)

    def insert_facts(self, connection: Connection, revision_id: int, item: Prepared) -> None:
        """The rows of one analysis under `revision_id` (after `delete_facts` when replacing)."""
        facts = item.facts
        corpus_id = {e.local_id: self.entities.resolve(connection, e) for e in facts.entities}
        self.entities.flush(connection)
        if facts.entities:
            connection.execute(
                insert(t.mentions),
                [
                    {
                        "revision_id": revision_id,
                        "local_id": e.local_id,
                        "entity_id": corpus_id[e.local_id],
                        "name": e.name,
                        "count": e.count,
                        "first_start": e.first_start,
                        "roles": e.roles,
                    }
                    for e in facts.entities
                ],
            )
        quote_ids: list[int] = []
        claim_ids: list[int] = []
        if facts.quotes:
            rows = [
                _without(q, "speaker_local", "speakers_local")
                | {"revision_id": revision_id, "speaker_entity_id": corpus_id.get(q["speaker_local"] or "")}
                for q in facts.quotes
            ]
            quote_ids = _insert_returning_ids(connection, t.quotes, rows)
            links = _links(quote_ids, [q["speakers_local"] for q in facts.quotes], corpus_id)
            if links:
                connection.execute(insert(t.quote_speakers), [{"quote_id": q, "entity_id": e} for q, e in links])
        if facts.figures:
            connection.execute(insert(t.figures), [f | {"revision_id": revision_id} for f in facts.figures])
        if facts.claims:
            rows = [
                _without(c, "place_local", "source_local", "sources_local")
                | {
                    "revision_id": revision_id,
                    "place_entity_id": corpus_id.get(c["place_local"] or ""),
                    "source_entity_id": corpus_id.get(c["source_local"] or ""),
                }
                for c in facts.claims
            ]
            claim_ids = _insert_returning_ids(connection, t.claims, rows)
            links = _links(claim_ids, [c["sources_local"] for c in facts.claims], corpus_id)
            if links:
                connection.execute(insert(t.claim_sources), [{"claim_id": c, "entity_id": e} for c, e in links])
        quoted, claimed = zip(quote_ids, facts.quotes, strict=True), zip(claim_ids, facts.claims, strict=True)
        words = fact_word_rows(revision_id, quoted, claimed)
        if words:
            connection.execute(insert(t.fact_words), words)
        if facts.dates:
            connection.execute(insert(t.dates), [d | {"revision_id": revision_id} for d in facts.dates])
        if facts.events:
            connection.execute(
                insert(t.events),
                [
                    _without(e, "actor_local")
                    | {"revision_id": revision_id, "actor_entity_id": corpus_id.get(e["actor_local"] or "")}
                    for e in facts.events
                ],
            )

    def _fail(self, connection: Connection, failure: Failure) -> Outcome:
        meta = failure.meta
        key = failure_key(meta)
        moment = now()
        version = pipeline_version()
        existing = connection.execute(select(t.failures.c.id).where(t.failures.c.failure_key == key)).first()
        values: dict[str, Any] = {
            "reason": failure.reason,
            "message": failure.message,
            "detail": failure.detail,
            "pipeline_version": version,
            "last_seen": moment,
        }
        if existing is None:
            connection.execute(
                insert(t.failures).values(
                    failure_key=key,
                    source=meta.locator,
                    article_key=meta.key,
                    text_hash=meta.text_hash,
                    first_seen=moment,
                    attempts=1,
                    **values,
                )
            )
        else:
            connection.execute(
                update(t.failures)
                .where(t.failures.c.id == existing.id)
                .values(attempts=t.failures.c.attempts + 1, **values)
            )
        return "failed"


def delete_facts(connection: Connection, revision_id: int) -> None:
    for table in t.FACT_TABLES:
        connection.execute(delete(table).where(table.c.revision_id == revision_id))


def insert_search(connection: Connection, revision_id: int, title: str, body: str) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "INSERT INTO search_index (revision_id, document) "
                "VALUES (:id, setweight(to_tsvector('german', :title), 'A') || to_tsvector('german', :body))"
            ),
            {"id": revision_id, "title": title, "body": body[:SEARCH_CHARS]},
        )
    else:
        connection.execute(
            text("INSERT INTO search_index (rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": revision_id, "title": title, "body": body},
        )


def _without(row: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in names}


def _insert_returning_ids(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return [int(row[0]) for row in result]


def _links(ids: Iterable[int], local_lists: Iterable[list[str]], corpus_id: dict[str, int]) -> list[tuple[int, int]]:
    links = set()
    for row_id, locals_ in zip(ids, local_lists, strict=True):
        for local in locals_:
            if local in corpus_id:
                links.add((row_id, corpus_id[local]))
    return sorted(links)

"""Corpus: the words of names (entities, speakers, sources, counted things) for indexed name filters.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-03

The tables are filled from what the corpus holds, with `corpus.names.name_words`, the function the
writer uses for new rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None

CASCADE = {"ondelete": "CASCADE"}
BATCH = 5000


def upgrade() -> None:
    bind = op.get_bind()
    # byte-wise comparison, so that a prefix is a range an index answers (SQLite compares so anyway)
    word = sa.Text(collation="C") if bind.dialect.name == "postgresql" else sa.Text()
    op.create_table(
        "entity_words",
        sa.Column("word", word, primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", **CASCADE), primary_key=True),
    )
    op.create_index("ix_entity_words_entity_id", "entity_words", ["entity_id"])
    op.create_table(
        "fact_words",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("word", word, primary_key=True),
        sa.Column("fact_id", sa.Integer, primary_key=True),
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), nullable=False),
    )
    op.create_index("ix_fact_words_revision_id", "fact_words", ["revision_id"])
    _fill(bind)


def _fill(bind: sa.Connection) -> None:
    from quellenlage.corpus import tables as t
    from quellenlage.corpus.names import entity_word_rows, fact_word_rows

    for rows in _batches(bind, t.entities, t.entities.c.name):
        words = [w for entity_id, name in rows for w in entity_word_rows(entity_id, name)]
        if words:
            bind.execute(sa.insert(t.entity_words), words)
    for rows in _batches(bind, t.quotes, t.quotes.c.revision_id, t.quotes.c.speaker):
        words = [
            w
            for quote_id, revision, speaker in rows
            for w in fact_word_rows(revision, [(quote_id, {"speaker": speaker})], [])
        ]
        if words:
            bind.execute(sa.insert(t.fact_words), words)
    claim_columns = (t.claims.c.revision_id, t.claims.c.source, t.claims.c.unit, t.claims.c.about)
    for rows in _batches(bind, t.claims, *claim_columns):
        words = [
            w
            for claim_id, revision, source, unit, about in rows
            for w in fact_word_rows(revision, [], [(claim_id, {"source": source, "unit": unit, "about": about})])
        ]
        if words:
            bind.execute(sa.insert(t.fact_words), words)


def _batches(bind: sa.Connection, table: sa.Table, *columns: sa.Column[Any]) -> Iterator[list[Any]]:
    """The rows (id first) of a table in batches by id, so that memory stays flat on a large corpus."""
    last = 0
    while rows := bind.execute(
        sa.select(table.c.id, *columns).where(table.c.id > last).order_by(table.c.id).limit(BATCH)
    ).all():
        yield list(rows)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table("fact_words")
    op.drop_table("entity_words")

"""The corpus: articles and their revisions, one analysis per revision, its facts as rows, failures.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

CASCADE = {"ondelete": "CASCADE"}


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("published_at", sa.DateTime),
        sa.Column("title", sa.Text),
        sa.Column("current_revision_id", sa.Integer),
        sa.Column("revisions", sa.Integer, nullable=False, server_default="1"),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("last_changed", sa.DateTime, nullable=False),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_index("ix_articles_current_revision_id", "articles", ["current_revision_id"])

    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", **CASCADE), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("published_at", sa.DateTime),
        sa.Column("retrieved", sa.DateTime),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("input_format", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("model_version", sa.String(64), nullable=False),
        sa.Column("schema_version", sa.Text, nullable=False),
        sa.Column("analysed_at", sa.DateTime, nullable=False),
        sa.Column("analysis", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("article_id", "text_hash", name="uq_revisions_article_text"),
        sa.UniqueConstraint("article_id", "number", name="uq_revisions_article_number"),
    )
    op.create_index("ix_revisions_pipeline_version", "revisions", ["pipeline_version"])

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("type", sa.String(3), nullable=False),
        sa.Column("kind", sa.Text),
        sa.Column("country", sa.String(3)),
        sa.Column("located_in", sa.String(3)),
        sa.Column("qid", sa.String(20)),
        sa.Column("ids", sa.JSON, nullable=False),
    )
    op.create_index("ix_entities_norm", "entities", ["norm"])
    op.create_index("ix_entities_qid", "entities", ["qid"])
    op.create_table(
        "entity_aliases",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", **CASCADE)),
    )
    op.create_index("ix_entity_aliases_entity_id", "entity_aliases", ["entity_id"])

    op.create_table(
        "mentions",
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), primary_key=True),
        sa.Column("local_id", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("first_start", sa.Integer, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
    )
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), nullable=False),
        sa.Column("local_id", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
        sa.Column("cue", sa.Text),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("medium", sa.Text),
        sa.Column("mood", sa.Text),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("sentence", sa.Integer),
    )
    op.create_index("ix_quotes_revision_id", "quotes", ["revision_id"])
    op.create_table(
        "quote_speakers",
        sa.Column("quote_id", sa.Integer, sa.ForeignKey("quotes.id", **CASCADE), primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), primary_key=True),
    )
    op.create_index("ix_quote_speakers_entity_id", "quote_speakers", ["entity_id"])

    op.create_table(
        "figures",
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), primary_key=True),
        sa.Column("local_id", sa.Text, primary_key=True),
        sa.Column("about", sa.Text, nullable=False),
        sa.Column("unit", sa.Text),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), nullable=False),
        sa.Column("local_id", sa.Text, nullable=False),
        sa.Column("figure", sa.Text),
        sa.Column("value", sa.Float),
        sa.Column("qualifier", sa.Text, nullable=False),
        sa.Column("magnitude", sa.Text),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("unit", sa.Text),
        sa.Column("about", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("place_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
        sa.Column("date", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("source_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
        sa.Column("quote", sa.Text),
        sa.Column("basis", sa.Text),
        sa.Column("hedge", sa.Text),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("number_start", sa.Integer, nullable=False),
        sa.Column("number_end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Integer),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_claims_revision_id", "claims", ["revision_id"])
    op.create_table(
        "claim_sources",
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", **CASCADE), primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), primary_key=True),
    )
    op.create_index("ix_claim_sources_entity_id", "claim_sources", ["entity_id"])

    op.create_table(
        "dates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("method", sa.Text, nullable=False),
    )
    op.create_index("ix_dates_revision_id", "dates", ["revision_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("actor_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
        sa.Column("targets", sa.JSON, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_events_revision_id", "events", ["revision_id"])

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("failure_key", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("article_key", sa.Text),
        sa.Column("text_hash", sa.String(64)),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("last_seen", sa.DateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
    )

    if op.get_bind().dialect.name == "postgresql":
        op.create_table(
            "search_index",
            sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", **CASCADE), primary_key=True),
            sa.Column("document", sa.dialects.postgresql.TSVECTOR, nullable=False),
        )
        op.execute("CREATE INDEX ix_search_index_document ON search_index USING GIN (document)")
    else:
        # Contentless: the index keeps only the words; rowid is the revision id, and snippets are
        # cut from revisions.text.
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "title, body, content='', tokenize='unicode61 remove_diacritics 2')"
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
    for table in (
        "failures",
        "events",
        "dates",
        "claim_sources",
        "claims",
        "figures",
        "quote_speakers",
        "quotes",
        "mentions",
        "entity_aliases",
        "entities",
        "revisions",
        "articles",
    ):
        op.drop_table(table)

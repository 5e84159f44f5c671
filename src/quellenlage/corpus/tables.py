"""The tables of the corpus as SQLAlchemy Core objects, for the queries and the writers.

The migrations in `migrations/versions` create them; `tests/test_corpus_schema.py` checks that a
migrated database and these definitions agree. The rows follow `model.py`: one `revisions` row per
text of an article (with the versions that analysed it and the whole analysis as compressed
JSON), and one row per entity mention group, quotation, claim, figure, date and event of that
revision. `entities` are corpus-wide: one row per real thing, found again through `entity_aliases`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("key", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text, index=True),
    Column("published", Text),
    Column("published_at", DateTime, index=True),
    Column("title", Text),
    Column("current_revision_id", Integer, index=True),
    Column("revisions", Integer, nullable=False, server_default="1"),
    Column("first_seen", DateTime, nullable=False),
    Column("last_changed", DateTime, nullable=False),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("text_hash", String(64), nullable=False),
    Column("text", Text),
    Column("title", Text),
    Column("published", Text),
    Column("published_at", DateTime),
    Column("retrieved", DateTime),
    Column("ingested_at", DateTime, nullable=False),
    Column("source", Text),
    Column("input_format", Text, nullable=False),
    Column("words", Integer, nullable=False),
    Column("pipeline_version", String(64), nullable=False, index=True),
    Column("model_version", String(64), nullable=False),
    Column("schema_version", Text, nullable=False),
    Column("analysed_at", DateTime, nullable=False),
    Column("analysis", LargeBinary, nullable=False),
    UniqueConstraint("article_id", "text_hash", name="uq_revisions_article_text"),
    UniqueConstraint("article_id", "number", name="uq_revisions_article_number"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("norm", Text, nullable=False, index=True),
    Column("type", String(3), nullable=False),
    Column("kind", Text),
    Column("country", String(3)),
    Column("located_in", String(3)),
    Column("qid", String(20), index=True),
    Column("ids", JSON, nullable=False),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("key", Text, primary_key=True),
    # NULL: the alias is ambiguous (a surname shared by two people of the corpus)
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), index=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", Text, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("count", Integer, nullable=False),
    Column("first_start", Integer, nullable=False),
    Column("roles", JSON, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("local_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id")),
    Column("cue", Text),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("medium", Text),
    Column("mood", Text),
    Column("status", Text, nullable=False),
    Column("confidence", Float),
    Column("sentence", Integer),
)

# The speaker of a quotation and, for a group, its members: what "quotes of X" searches.
quote_speakers = Table(
    "quote_speakers",
    metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True, index=True),
)

figures = Table(
    "figures",
    metadata,
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", Text, primary_key=True),
    Column("about", Text, nullable=False),
    Column("unit", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("local_id", Text, nullable=False),
    Column("figure", Text),
    Column("value", Float),
    Column("qualifier", Text, nullable=False),
    Column("magnitude", Text),
    Column("low", Float),
    Column("high", Float),
    Column("unit", Text),
    Column("about", Text),
    Column("place", Text),
    Column("place_entity_id", Integer, ForeignKey("entities.id")),
    Column("date", Text),
    Column("source", Text),
    Column("source_entity_id", Integer, ForeignKey("entities.id")),
    Column("quote", Text),
    Column("basis", Text),
    Column("hedge", Text),
    Column("number", Text, nullable=False),
    Column("number_start", Integer, nullable=False),
    Column("number_end", Integer, nullable=False),
    Column("sentence", Integer),
    Column("status", Text, nullable=False),
    Column("confidence", Float),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
)

claim_sources = Table(
    "claim_sources",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True, index=True),
)

dates = Table(
    "dates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("method", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("type", Text, nullable=False),
    Column("actor", Text),
    Column("actor_entity_id", Integer, ForeignKey("entities.id")),
    Column("targets", JSON, nullable=False),
    Column("place", Text),
    Column("date", Text),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("failure_key", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("article_key", Text),
    Column("text_hash", String(64)),
    Column("reason", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("detail", Text),
    Column("pipeline_version", String(64), nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="1"),
)

# The words of entity names and of the speaker, source and counted-thing texts of quotations and
# claims, for the name filters (`names.py`). `word` compares byte-wise (PostgreSQL: COLLATE "C").
entity_words = Table(
    "entity_words",
    metadata,
    Column("word", Text, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True),
)

fact_words = Table(
    "fact_words",
    metadata,
    Column("kind", String(16), primary_key=True),  # speaker (quotes.id), source or counts (claims.id)
    Column("word", Text, primary_key=True),
    Column("fact_id", Integer, primary_key=True),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
)

# Who says what: for quotations and claims, the table linking them to the entities that speak or
# source them (a group's members too), its column of the fact, and the fact table.
SAID = {
    "quotes": (quote_speakers, quote_speakers.c.quote_id, quotes),
    "claims": (claim_sources, claim_sources.c.claim_id, claims),
}

# Tables whose rows belong to one revision's analysis (replaced together by `reanalyze`).
FACT_TABLES = (mentions, quotes, figures, claims, dates, events, fact_words)

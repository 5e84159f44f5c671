"""Reading the corpus: every query the CLI, the web app and the Python API share.

Queries look at each article's current revision (its latest text) unless said otherwise. Names
match case-insensitively as parts ("selenskyj" finds "Wolodymyr Selenskyj"); a QID (Q123) matches
the entity with that Wikidata id. Dates filter on the publication time: `since` from the start of
its day, `until` to the end of its day when given as a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, and_, false, func, or_, select

from quellenlage.corpus import tables as t
from quellenlage.corpus.facts import restore_analysis
from quellenlage.corpus.filters import DateLike, article_filters
from quellenlage.corpus.keys import normalise_name
from quellenlage.corpus.records import (
    ArticleRecord,
    ClaimRecord,
    CorpusStats,
    EntityRecord,
    FailureRecord,
    QuoteRecord,
    RevisionRecord,
    StoredArticle,
)
from quellenlage.corpus.search import matching_revisions
from quellenlage.errors import QuellenlageError
from quellenlage.model import Analysis

QID = re.compile(r"^Q\d+$")
R = TypeVar("R")
ENTITY_ORDER = ("mentions", "articles", "quotes", "claims")

a = t.articles
r = t.revisions


def _entity_ids(name_or_qid: str) -> Select[Any]:
    if QID.match(name_or_qid.strip()):
        return select(t.entities.c.id).where(t.entities.c.qid == name_or_qid.strip())
    return select(t.entities.c.id).where(t.entities.c.norm.contains(normalise_name(name_or_qid), autoescape=True))


def _words_match(column: Any, words: str | None) -> list[Any]:
    return [column.ilike(f"%{word}%", escape="\\") for word in _escaped_words(words)]


def _escaped_words(words: str | None) -> list[str]:
    if not words:
        return []
    return [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words.split()]


def articles(
    connection: Connection,
    *,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    text: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[ArticleRecord]:
    query = (
        select(
            a.c.id,
            a.c.url,
            a.c.outlet,
            a.c.published,
            a.c.title,
            a.c.revisions,
            a.c.current_revision_id,
            r.c.words,
            r.c.pipeline_version,
            r.c.text.is_not(None).label("has_text"),
        )
        .join(r, r.c.id == a.c.current_revision_id)
        .order_by(a.c.published_at.desc().nulls_last(), a.c.id)
        .offset(offset)
    )
    query = article_filters(query, outlet, since, until)
    if text:
        query = query.where(a.c.current_revision_id.in_(matching_revisions(connection, text)))
    if limit is not None:
        query = query.limit(limit)
    return [_record(ArticleRecord, row) for row in connection.execute(query)]


# An article's record (the first ten columns, `ArticleRecord`) with its current text and analysis.
ARTICLE_ANALYSIS = (
    a.c.id,
    a.c.url,
    a.c.outlet,
    a.c.published,
    a.c.title,
    a.c.revisions,
    a.c.current_revision_id,
    r.c.words,
    r.c.pipeline_version,
    r.c.text.is_not(None).label("has_text"),
    r.c.text,
    r.c.analysis,
)


def iter_articles(
    connection: Connection,
    *,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    batch: int = 200,
) -> Iterator[tuple[ArticleRecord, Analysis]]:
    """Every current article with its analysis, in publication order, a batch at a time."""
    query = (
        select(*ARTICLE_ANALYSIS)
        .join(r, r.c.id == a.c.current_revision_id)
        .order_by(a.c.published_at.asc().nulls_last(), a.c.id)
    )
    query = article_filters(query, outlet, since, until)
    result = connection.execution_options(yield_per=batch).execute(query)
    for row in result:
        record = _record(ArticleRecord, row[:10])
        yield record, restore_analysis(row.analysis, row.text)


def article(connection: Connection, article_id: str, revision: int | None = None) -> StoredArticle | None:
    found = connection.execute(
        select(a.c.id, a.c.url, a.c.outlet, a.c.published, a.c.title, a.c.revisions, a.c.current_revision_id).where(
            a.c.id == article_id
        )
    ).first()
    if found is None:
        return None
    revision_rows = connection.execute(
        select(
            r.c.id,
            r.c.number,
            r.c.text_hash,
            r.c.title,
            r.c.published,
            r.c.retrieved,
            r.c.ingested_at,
            r.c.source,
            r.c.words,
            r.c.pipeline_version,
            r.c.model_version,
            r.c.schema_version,
            r.c.analysed_at,
            r.c.text.is_not(None),
        )
        .where(r.c.article_id == article_id)
        .order_by(r.c.number)
    ).all()
    history = [_record(RevisionRecord, row) for row in revision_rows]
    chosen = next((h for h in history if h.number == revision), None) if revision else None
    chosen = chosen or next((h for h in history if h.id == found.current_revision_id), history[-1])
    stored = connection.execute(select(r.c.text, r.c.analysis).where(r.c.id == chosen.id)).one()
    record = ArticleRecord(
        *found, words=chosen.words, pipeline_version=chosen.pipeline_version, has_text=chosen.has_text
    )
    return StoredArticle(record, restore_analysis(stored.analysis, stored.text), chosen, history)


def quotes(
    connection: Connection,
    *,
    speaker: str | None = None,
    words: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[QuoteRecord]:
    q = t.quotes
    e = t.entities
    query = (
        select(
            a.c.id,
            q.c.local_id,
            q.c.kind,
            q.c.speaker,
            q.c.speaker_entity_id,
            e.c.qid,
            q.c.cue,
            q.c.content,
            q.c.status,
            q.c.confidence,
            a.c.outlet,
            a.c.published,
            q.c.content_start,
            q.c.content_end,
        )
        .join(a, a.c.current_revision_id == q.c.revision_id)
        .outerjoin(e, e.c.id == q.c.speaker_entity_id)
        .order_by(a.c.published_at.desc().nulls_last(), a.c.id, q.c.content_start)
        .offset(offset)
    )
    query = article_filters(query, outlet, since, until)
    if speaker:
        linked = select(t.quote_speakers.c.quote_id).where(t.quote_speakers.c.entity_id.in_(_entity_ids(speaker)))
        by_text = [] if QID.match(speaker.strip()) else _words_match(q.c.speaker, speaker)
        query = query.where(or_(q.c.id.in_(linked), and_(*by_text) if by_text else false()))
    query = query.where(*_words_match(q.c.content, words))
    if kind:
        query = query.where(q.c.kind == kind)
    if status:
        query = query.where(q.c.status == status)
    if limit is not None:
        query = query.limit(limit)
    return [_record(QuoteRecord, row) for row in connection.execute(query)]


def claims(
    connection: Connection,
    *,
    counts: str | None = None,
    source: str | None = None,
    qualifier: str | None = None,
    hedged: bool | None = None,
    status: str | None = None,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[ClaimRecord]:
    c = t.claims
    e = t.entities
    query = (
        select(
            a.c.id,
            c.c.local_id,
            c.c.figure,
            c.c.number,
            c.c.value,
            c.c.qualifier,
            c.c.unit,
            c.c.about,
            c.c.source,
            c.c.source_entity_id,
            e.c.qid,
            c.c.hedge,
            c.c.status,
            c.c.evidence,
            a.c.outlet,
            a.c.published,
            c.c.number_start,
            c.c.number_end,
        )
        .join(a, a.c.current_revision_id == c.c.revision_id)
        .outerjoin(e, e.c.id == c.c.source_entity_id)
        .order_by(a.c.published_at.desc().nulls_last(), a.c.id, c.c.number_start)
        .offset(offset)
    )
    query = article_filters(query, outlet, since, until)
    if counts:
        query = query.where(or_(and_(*_words_match(c.c.unit, counts)), and_(*_words_match(c.c.about, counts))))
    if source:
        linked = select(t.claim_sources.c.claim_id).where(t.claim_sources.c.entity_id.in_(_entity_ids(source)))
        by_text = [] if QID.match(source.strip()) else _words_match(c.c.source, source)
        query = query.where(or_(c.c.id.in_(linked), and_(*by_text) if by_text else false()))
    if qualifier:
        query = query.where(c.c.qualifier == qualifier)
    if hedged is not None:
        is_hedged = or_(c.c.hedge.is_not(None), c.c.status.in_(("claimed", "unverified")))
        query = query.where(is_hedged if hedged else ~is_hedged)
    if status:
        query = query.where(c.c.status == status)
    if limit is not None:
        query = query.limit(limit)
    return [_record(ClaimRecord, row) for row in connection.execute(query)]


def entities(
    connection: Connection,
    *,
    type: str | None = None,
    name: str | None = None,
    order: str = "mentions",
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int | None = 50,
) -> list[EntityRecord]:
    """Entities with their counts over the current revisions: mentions, articles, quotations they
    speak (alone or in a group), claims they source; the most frequent first by `order`."""
    if order not in ENTITY_ORDER:
        raise QuellenlageError(f"order entities by one of {', '.join(ENTITY_ORDER)}, not {order!r}")
    current = article_filters(select(a.c.current_revision_id.label("revision_id")), outlet, since, until).subquery()
    m = t.mentions
    mention_counts = (
        select(
            m.c.entity_id,
            func.count().label("articles"),
            func.sum(m.c.count).label("mentions"),
        )
        .where(m.c.revision_id.in_(select(current.c.revision_id)))
        .group_by(m.c.entity_id)
        .subquery()
    )
    quote_counts = (
        select(t.quote_speakers.c.entity_id, func.count().label("quotes"))
        .join(t.quotes, t.quotes.c.id == t.quote_speakers.c.quote_id)
        .where(t.quotes.c.revision_id.in_(select(current.c.revision_id)))
        .group_by(t.quote_speakers.c.entity_id)
        .subquery()
    )
    claim_counts = (
        select(t.claim_sources.c.entity_id, func.count().label("claims"))
        .join(t.claims, t.claims.c.id == t.claim_sources.c.claim_id)
        .where(t.claims.c.revision_id.in_(select(current.c.revision_id)))
        .group_by(t.claim_sources.c.entity_id)
        .subquery()
    )
    e = t.entities
    counts = {
        "articles": func.coalesce(mention_counts.c.articles, 0),
        "mentions": func.coalesce(mention_counts.c.mentions, 0),
        "quotes": func.coalesce(quote_counts.c.quotes, 0),
        "claims": func.coalesce(claim_counts.c.claims, 0),
    }
    query = (
        select(e.c.id, e.c.key, e.c.name, e.c.type, e.c.kind, e.c.qid, e.c.country, *counts.values())
        .join(mention_counts, mention_counts.c.entity_id == e.c.id)
        .outerjoin(quote_counts, quote_counts.c.entity_id == e.c.id)
        .outerjoin(claim_counts, claim_counts.c.entity_id == e.c.id)
        .order_by(counts[order].desc(), e.c.name)
    )
    if type:
        query = query.where(e.c.type == type.upper())
    if name:
        query = query.where(e.c.id.in_(_entity_ids(name)))
    if order in ("quotes", "claims"):
        query = query.where(counts[order] > 0)
    if limit is not None:
        query = query.limit(limit)
    return [_record(EntityRecord, row) for row in connection.execute(query)]


def failures(connection: Connection, *, reason: str | None = None, limit: int | None = 100) -> list[FailureRecord]:
    f = t.failures
    query = select(
        f.c.id, f.c.source, f.c.reason, f.c.message, f.c.attempts, f.c.first_seen, f.c.last_seen, f.c.pipeline_version
    ).order_by(f.c.id)
    if reason:
        query = query.where(f.c.reason == reason)
    if limit is not None:
        query = query.limit(limit)
    return [_record(FailureRecord, row) for row in connection.execute(query)]


def stats(connection: Connection) -> CorpusStats:
    def count(table: Any, *where: Any) -> int:
        return int(connection.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    current = select(a.c.current_revision_id)
    words = connection.execute(select(func.coalesce(func.sum(r.c.words), 0)).where(r.c.id.in_(current))).scalar_one()
    return CorpusStats(
        articles=count(a),
        revisions=count(r),
        failures=count(t.failures),
        entities=count(t.entities),
        quotes=count(t.quotes, t.quotes.c.revision_id.in_(current)),
        claims=count(t.claims, t.claims.c.revision_id.in_(current)),
        words=int(words),
    )


def _record(cls: type[R], row: Any) -> R:
    return cls(*row)

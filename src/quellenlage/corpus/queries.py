"""Reading the corpus: every query the CLI, the web app and the Python API share.

Queries look at each article's current revision (its latest text) unless said otherwise. Names
match by their words, each word of the filter beginning a word of the name, case and diacritics
aside ("selensk" finds "Wolodymyr Selenskyj"; see `names.py`); a QID (Q123) matches the entity with
that Wikidata id, a speaker or source id the corpus entity itself. Dates filter on the publication
time: `since` from the start of its day, `until` to the end of its day when given as a date.
The entities with their counts are in `entity_queries.py`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from sqlalchemy import Connection, func, or_, select, union

from quellenlage.corpus import tables as t
from quellenlage.corpus.facts import restore_analysis
from quellenlage.corpus.filters import DateLike, article_filters
from quellenlage.corpus.names import COUNTS, QID, SOURCE, SPEAKER, entities_named, facts_named
from quellenlage.corpus.records import (
    ArticleRecord,
    ClaimRecord,
    CorpusStats,
    FailureRecord,
    OutletRecord,
    QuoteRecord,
    RevisionRecord,
    StoredArticle,
)
from quellenlage.corpus.search import matching_revisions
from quellenlage.model import Analysis

R = TypeVar("R")

a = t.articles
r = t.revisions


def _current_facts(
    facts: Any, entity: Any, columns: list[Any], span: tuple[Any, Any], window: tuple[Any, Any, Any], offset: int
) -> Any:
    """Quotations or claims of the articles' current revisions (`facts`, with the entity that speaks or
    sources them joined): the article's id, `columns`, the article's outlet and publication time, the
    fact's `span`; the newest article first, then in the order of its text."""
    return article_filters(
        select(a.c.id, *columns, a.c.outlet, a.c.published, *span)
        .join(a, a.c.current_revision_id == facts.c.revision_id)
        .outerjoin(t.entities, t.entities.c.id == entity)
        .order_by(a.c.published_at.desc().nulls_last(), a.c.id, span[0])
        .offset(offset),
        *window,
    )


def _said_by(query: Any, facts: Any, name_or_qid: str | None, entity_id: int | None) -> Any:
    """Only the quotations (claims) whose speaker (source) is the corpus entity `entity_id`, or one a
    name filter or QID names: linked to such an entity, or, for a name, whose own text has its words."""
    links, fact_id, _ = t.SAID[facts.name]
    if entity_id is not None:
        query = query.where(facts.c.id.in_(select(fact_id).where(links.c.entity_id == entity_id)))
    if name_or_qid:
        linked = select(fact_id).where(links.c.entity_id.in_(entities_named(name_or_qid)))
        if QID.match(name_or_qid.strip()):
            return query.where(facts.c.id.in_(linked))
        by_text = facts_named(SPEAKER if facts is t.quotes else SOURCE, name_or_qid)
        query = query.where(facts.c.id.in_(union(linked, by_text)))
    return query


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
    m = t.mentions
    entity_ids = dict(connection.execute(select(m.c.local_id, m.c.entity_id).where(m.c.revision_id == chosen.id)).all())
    return StoredArticle(record, restore_analysis(stored.analysis, stored.text), chosen, history, entity_ids)


def quotes(
    connection: Connection,
    *,
    speaker: str | None = None,
    speaker_id: int | None = None,
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
    columns = [q.c.local_id, q.c.kind, q.c.speaker, q.c.speaker_entity_id, t.entities.c.qid, q.c.cue, q.c.content]
    columns += [q.c.status, q.c.confidence]
    span = (q.c.content_start, q.c.content_end)
    query = _current_facts(q, q.c.speaker_entity_id, columns, span, (outlet, since, until), offset)
    query = _said_by(query, q, speaker, speaker_id)
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
    source_id: int | None = None,
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
    columns = [c.c.local_id, c.c.figure, c.c.number, c.c.value, c.c.qualifier, c.c.unit, c.c.about, c.c.source]
    columns += [c.c.source_entity_id, t.entities.c.qid, c.c.hedge, c.c.status, c.c.evidence]
    span = (c.c.number_start, c.c.number_end)
    query = _current_facts(c, c.c.source_entity_id, columns, span, (outlet, since, until), offset)
    query = _said_by(query, c, source, source_id)
    if counts:
        query = query.where(c.c.id.in_(facts_named(COUNTS, counts)))
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
    outlets, first, last = connection.execute(
        select(func.count(a.c.outlet.distinct()), func.min(a.c.published_at), func.max(a.c.published_at))
    ).one()
    return CorpusStats(
        articles=count(a),
        revisions=count(r),
        failures=count(t.failures),
        entities=count(t.entities),
        quotes=count(t.quotes, t.quotes.c.revision_id.in_(current)),
        claims=count(t.claims, t.claims.c.revision_id.in_(current)),
        words=int(words),
        outlets=int(outlets),
        first_published=first,
        last_published=last,
    )


def outlets(connection: Connection, *, limit: int | None = None) -> list[OutletRecord]:
    """The outlets with their number of articles and the time their articles span, the largest first
    (articles without an outlet as one with none)."""
    articles = func.count().label("articles")
    query = (
        select(a.c.outlet, articles, func.min(a.c.published_at), func.max(a.c.published_at))
        .group_by(a.c.outlet)
        .order_by(articles.desc(), a.c.outlet)
    )
    if limit is not None:
        query = query.limit(limit)
    return [_record(OutletRecord, row) for row in connection.execute(query)]


def _record(cls: type[R], row: Any) -> R:
    return cls(*row)

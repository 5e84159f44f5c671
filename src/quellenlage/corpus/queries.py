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


def _said_by(name_or_qid: str, links: Any, link_id: Any, kind: str) -> Any:
    """The ids of the quotations (claims) whose speaker (source) a name filter or QID names: linked
    to such an entity, or, for a name, whose own speaker (source) text has its words."""
    linked = select(link_id).where(links.c.entity_id.in_(entities_named(name_or_qid)))
    if QID.match(name_or_qid.strip()):
        return linked
    return union(linked, facts_named(kind, name_or_qid))


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
    qs = t.quote_speakers
    if speaker:
        query = query.where(q.c.id.in_(_said_by(speaker, qs, qs.c.quote_id, SPEAKER)))
    if speaker_id is not None:
        query = query.where(q.c.id.in_(select(qs.c.quote_id).where(qs.c.entity_id == speaker_id)))
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
    cs = t.claim_sources
    if counts:
        query = query.where(c.c.id.in_(facts_named(COUNTS, counts)))
    if source:
        query = query.where(c.c.id.in_(_said_by(source, cs, cs.c.claim_id, SOURCE)))
    if source_id is not None:
        query = query.where(c.c.id.in_(select(cs.c.claim_id).where(cs.c.entity_id == source_id)))
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

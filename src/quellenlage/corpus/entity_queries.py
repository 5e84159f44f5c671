"""The corpus's entities with their counts: the most quoted, the most named, one entity directly.

Counts are over each article's current revision (and the outlet and time filters): mentions,
articles that name the entity, quotations it speaks (alone or in a group), claims it sources.
A ranking aggregates one count over the corpus and takes the first `limit`; the other counts are
then computed for those entities only, through their indexes, so asking for one entity (its page
on the web) costs a few index lookups rather than an aggregate over every mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, func, select

from quellenlage.corpus import tables as t
from quellenlage.corpus.filters import DateLike, article_filters
from quellenlage.corpus.keys import normalise_name
from quellenlage.corpus.names import QID, entities_named
from quellenlage.corpus.records import EntityRecord
from quellenlage.errors import QuellenlageError

ENTITY_ORDER = ("mentions", "articles", "quotes", "claims")
Window = tuple[str | None, DateLike, DateLike]  # outlet, since, until

a = t.articles
e = t.entities


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
    """Entities named in the current revisions, the most frequent first by `order` (then by name);
    `name` is a name filter (`names.py`) or a Wikidata QID."""
    if order not in ENTITY_ORDER:
        raise QuellenlageError(f"order entities by one of {', '.join(ENTITY_ORDER)}, not {order!r}")
    window = (outlet, since, until)
    counted = _counts(order, window, entities_named(name) if name else None)
    metric = counted.c.articles if order == "articles" else counted.c[order]
    query = select(counted.c.entity_id).join(e, e.c.id == counted.c.entity_id).order_by(metric.desc(), e.c.name, e.c.id)
    if type:
        query = query.where(e.c.type == type.upper())
    if limit is not None:
        query = query.limit(limit)
    ranked = [row[0] for row in connection.execute(query)]
    return entity_records(connection, ranked, window)


def entity(connection: Connection, ref: str | int) -> EntityRecord | None:
    """One entity: by its corpus id (a number), its Wikidata QID, its whole name (the most mentioned
    of the entities so named), else the most mentioned entity the name filter finds."""
    text = str(ref).strip()
    if text.isdigit():
        found = [int(text)]
    elif QID.match(text):
        found = list(connection.scalars(select(e.c.id).where(e.c.qid == text)))
    else:
        found = list(connection.scalars(select(e.c.id).where(e.c.norm == normalise_name(text))))
    records = entity_records(connection, found, (None, None, None))
    if records:
        return max(records, key=lambda record: (record.mentions, -record.id))
    if text.isdigit() or QID.match(text):
        return None
    best = entities(connection, name=text, limit=1)
    return best[0] if best else None


def entity_records(connection: Connection, ids: Sequence[int], window: Window) -> list[EntityRecord]:
    """The records of these entities with all their counts, in the order given."""
    if not ids:
        return []
    rows = {row.id: row for row in connection.execute(select(e).where(e.c.id.in_(ids)))}
    counts: dict[int, dict[str, int]] = {i: {"articles": 0, "mentions": 0, "quotes": 0, "claims": 0} for i in ids}
    for kind in ("mentions", "quotes", "claims"):
        subquery = _counts(kind, window, ids)
        for row in connection.execute(select(subquery)):
            values = row._mapping
            counts[values["entity_id"]].update({k: int(v or 0) for k, v in values.items() if k != "entity_id"})
    return [
        EntityRecord(
            rows[i].id,
            rows[i].key,
            rows[i].name,
            rows[i].type,
            rows[i].kind,
            rows[i].qid,
            rows[i].country,
            counts[i]["articles"],
            counts[i]["mentions"],
            counts[i]["quotes"],
            counts[i]["claims"],
        )
        for i in ids
        if i in rows
    ]


def _counts(kind: str, window: Window, ids: Sequence[int] | Select[Any] | None = None) -> Any:
    """Per entity, one count over the current revisions in the window: `mentions` (with `articles`),
    `quotes` or `claims`; for the given entities only (a list or a SELECT of ids) when `ids` is given."""
    if kind in ("mentions", "articles"):
        m = t.mentions
        query: Select[Any] = select(
            m.c.entity_id, func.count().label("articles"), func.sum(m.c.count).label("mentions")
        ).join(a, a.c.current_revision_id == m.c.revision_id)
        entity_id = m.c.entity_id
    else:  # the entities a quotation or claim is linked to, and the facts of the current revisions
        links, fact_id, facts = t.SAID[kind]
        query = (
            select(links.c.entity_id, func.count().label(kind))
            .join(facts, facts.c.id == fact_id)
            .join(a, a.c.current_revision_id == facts.c.revision_id)
        )
        entity_id = links.c.entity_id
    query = article_filters(query, *window)
    if ids is not None:
        query = query.where(entity_id.in_(ids))
    return query.group_by(entity_id).subquery()

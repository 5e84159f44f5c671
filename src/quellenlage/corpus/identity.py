"""Corpus-wide entity identity: one `entities` row per real thing, found again by any of its keys.

An entity of an analysis arrives with its keys, strongest first (`keys.entity_keys`): Wikidata QID,
ISO code, GeoNames id, knowledge-base key, normalised name and type. The first key that an alias
already names decides; otherwise a new entity is made under the strongest key. All its keys become
aliases, so the next article finds it by whichever it has.

People are also found by surname, because articles name them both ways: a full name registers its
surname ("per:selenskyj"), so "Selenskyj" alone in another article is the same speaker, in either
order (a surname-only entity seen first is taken over by the first full name that ends with it).
When a second person of the corpus has the same surname, the surname alias becomes ambiguous: a
surname alone then goes to a separate "surname only" entity rather than to a guess, since a wrong
speaker is worse than an unresolved one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, CursorResult, insert, select, update

from quellenlage.corpus.facts import EntityFacts
from quellenlage.corpus.keys import normalise_name
from quellenlage.corpus.tables import entities, entity_aliases

AMBIGUOUS = "#ambiguous"


class EntityResolver:
    """Maps analysis entities to corpus entity ids inside the writer's transactions.

    The cache holds only aliases that name an entity; it lives as long as one ingest. Writers are
    serialised (see `database.write_transaction`), so what the transaction reads is current."""

    def __init__(self) -> None:
        self.cache: dict[str, int] = {}

    def prefetch(self, connection: Connection, keys: set[str]) -> None:
        """Load the aliases of a whole batch in one query."""
        missing = [k for k in keys if k not in self.cache]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            rows = connection.execute(
                select(entity_aliases.c.key, entity_aliases.c.entity_id).where(entity_aliases.c.key.in_(chunk))
            )
            for key, entity_id in rows:
                if entity_id is not None:
                    self.cache[key] = entity_id

    def resolve(self, connection: Connection, entity: EntityFacts) -> int:
        keys = list(entity.keys)
        surname = _surname_key(entity)
        if entity.type == "PER" and " " not in normalise_name(entity.name) and _is_ambiguous(connection, keys[-1]):
            keys = [k + AMBIGUOUS if k == keys[-1] else k for k in keys]
        found = None
        for key in keys:
            found = self._lookup(connection, key)
            if found is not None:
                break
        if found is None and surname is not None:
            found = self._adopt_surname_only(connection, surname, entity)
        if found is None:
            found = self._create(connection, entity, keys[0])
        for key in keys:
            self._alias(connection, key, found)
        if surname is not None:
            self._surname_alias(connection, surname, found)
        return found

    def _lookup(self, connection: Connection, key: str) -> int | None:
        if key in self.cache:
            return self.cache[key]
        entity_id = connection.execute(
            select(entity_aliases.c.entity_id).where(entity_aliases.c.key == key)
        ).scalar_one_or_none()
        if entity_id is not None:
            self.cache[key] = entity_id
        return entity_id

    def _create(self, connection: Connection, entity: EntityFacts, key: str) -> int:
        row = {
            "key": key,
            "name": entity.name,
            "norm": normalise_name(entity.name),
            "type": entity.type,
            "kind": entity.kind,
            "country": entity.country,
            "located_in": entity.located_in,
            "qid": entity.ids.get("wikidata"),
            "ids": entity.ids,
        }
        existing = connection.execute(select(entities.c.id).where(entities.c.key == key)).scalar_one_or_none()
        if existing is not None:
            return int(existing)
        return inserted_id(connection.execute(insert(entities).values(**row)))

    def _alias(self, connection: Connection, key: str, entity_id: int) -> None:
        if self.cache.get(key) == entity_id:
            return
        current = connection.execute(select(entity_aliases.c.entity_id).where(entity_aliases.c.key == key)).first()
        if current is None:
            connection.execute(insert(entity_aliases).values(key=key, entity_id=entity_id))
            self.cache[key] = entity_id
        elif current[0] is not None:
            self.cache[key] = current[0]

    def _adopt_surname_only(self, connection: Connection, surname: str, entity: EntityFacts) -> int | None:
        """A full name takes over the entity of its surname alone, if that is all there is."""
        owner = self._lookup(connection, surname)
        if owner is None:
            return None
        row = connection.execute(select(entities.c.norm, entities.c.key).where(entities.c.id == owner)).first()
        if row is None or " " in row.norm:
            return None
        connection.execute(
            update(entities)
            .where(entities.c.id == owner)
            .values(
                key=entity.keys[0],
                name=entity.name,
                norm=normalise_name(entity.name),
                kind=entity.kind,
                country=entity.country,
                located_in=entity.located_in,
                qid=entity.ids.get("wikidata"),
                ids=entity.ids,
            )
        )
        return owner

    def _surname_alias(self, connection: Connection, surname: str, entity_id: int) -> None:
        current = connection.execute(select(entity_aliases.c.entity_id).where(entity_aliases.c.key == surname)).first()
        if current is None:
            connection.execute(insert(entity_aliases).values(key=surname, entity_id=entity_id))
            self.cache[surname] = entity_id
        elif current[0] is not None and current[0] != entity_id:
            # a second person with this surname: the surname alone no longer says who
            connection.execute(update(entity_aliases).where(entity_aliases.c.key == surname).values(entity_id=None))
            self.cache.pop(surname, None)


def _surname_key(entity: EntityFacts) -> str | None:
    if entity.type != "PER":
        return None
    words = normalise_name(entity.name).split()
    if len(words) < 2 or len(words[-1]) < 3:
        return None
    return f"per:{words[-1]}"


def _is_ambiguous(connection: Connection, key: str) -> bool:
    row = connection.execute(select(entity_aliases.c.entity_id).where(entity_aliases.c.key == key)).first()
    return row is not None and row[0] is None


def inserted_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])

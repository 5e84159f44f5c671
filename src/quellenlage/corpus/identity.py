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

from sqlalchemy import Connection, CursorResult, delete, insert, select, update

from quellenlage.corpus.facts import EntityFacts
from quellenlage.corpus.keys import normalise_name
from quellenlage.corpus.names import entity_word_rows
from quellenlage.corpus.tables import entities, entity_aliases, entity_words

AMBIGUOUS = "#ambiguous"


class EntityResolver:
    """Maps analysis entities to corpus entity ids inside the writer's transactions.

    `begin` loads, in one query, every alias the batch's entities could need; lookups and writes
    then keep that view current, so a known entity costs no statement and a new one the insert of
    its row; its aliases and name words wait in `pending` and go in together at `flush` (one
    statement per table and article, not one per alias: most entities of a young corpus are new).
    Writers are serialised (see `database.write_transaction`), so the view is the database's."""

    def __init__(self) -> None:
        self.aliases: dict[str, int | None] = {}  # key -> entity id; None: ambiguous
        self.checked: set[str] = set()  # keys looked up in this transaction (absent when not in aliases)
        self.pending_aliases: dict[str, int | None] = {}  # not yet inserted
        self.pending_words: dict[int, list[dict[str, Any]]] = {}  # entity id -> entity_words rows

    def flush(self, connection: Connection) -> None:
        """Insert the aliases and name words `resolve` made since the last flush."""
        if self.pending_aliases:
            rows = [{"key": key, "entity_id": owner} for key, owner in self.pending_aliases.items()]
            connection.execute(insert(entity_aliases), rows)
        words = [row for rows in self.pending_words.values() for row in rows]
        if words:
            connection.execute(insert(entity_words), words)
        self.pending_aliases, self.pending_words = {}, {}

    def begin(self, connection: Connection, batch: list[EntityFacts]) -> None:
        self.aliases, self.checked = {}, set()
        self.pending_aliases, self.pending_words = {}, {}
        keys: set[str] = set()
        for entity in batch:
            keys.update(entity.keys)
            surname = _surname_key(entity)
            if surname:
                keys.add(surname)
        self._load(connection, keys)

    def _load(self, connection: Connection, keys: set[str]) -> None:
        wanted = sorted(keys - self.checked)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = connection.execute(
                select(entity_aliases.c.key, entity_aliases.c.entity_id).where(entity_aliases.c.key.in_(chunk))
            )
            self.aliases.update({key: entity_id for key, entity_id in rows})
        self.checked.update(wanted)

    def _alias_of(self, connection: Connection, key: str) -> tuple[bool, int | None]:
        """(whether the alias exists, the entity it names or None when ambiguous)."""
        if key not in self.checked:
            self._load(connection, {key})
        return key in self.aliases, self.aliases.get(key)

    def resolve(self, connection: Connection, entity: EntityFacts) -> int:
        keys = list(entity.keys)
        surname = _surname_key(entity)
        if entity.type == "PER" and " " not in normalise_name(entity.name):
            exists, owner = self._alias_of(connection, keys[-1])
            if exists and owner is None:  # a surname two people share: its own entity
                keys = [k + AMBIGUOUS if k == keys[-1] else k for k in keys]
        found = None
        for key in keys:
            found = self._alias_of(connection, key)[1]
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

    def _create(self, connection: Connection, entity: EntityFacts, key: str) -> int:
        exists, owner = self._alias_of(connection, key)
        if exists and owner is not None:
            return owner
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
        existing = None
        if exists:  # an ambiguous alias: an entity may carry the key
            existing = connection.execute(select(entities.c.id).where(entities.c.key == key)).scalar_one_or_none()
        if existing is not None:
            return int(existing)
        created = inserted_id(connection.execute(insert(entities).values(**row)))
        self.pending_words[created] = entity_word_rows(created, entity.name)
        return created

    def _alias(self, connection: Connection, key: str, entity_id: int) -> None:
        exists, _owner = self._alias_of(connection, key)
        if not exists:
            self.pending_aliases[key] = self.aliases[key] = entity_id

    def _adopt_surname_only(self, connection: Connection, surname: str, entity: EntityFacts) -> int | None:
        """A full name takes over the entity of its surname alone, if that is all there is."""
        owner = self._alias_of(connection, surname)[1]
        if owner is None:
            return None
        row = connection.execute(select(entities.c.norm).where(entities.c.id == owner)).first()
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
        connection.execute(delete(entity_words).where(entity_words.c.entity_id == owner))
        self.pending_words[owner] = entity_word_rows(owner, entity.name)  # replaces words not yet inserted
        return owner

    def _surname_alias(self, connection: Connection, surname: str, entity_id: int) -> None:
        exists, owner = self._alias_of(connection, surname)
        if not exists:
            self._alias(connection, surname, entity_id)
        elif owner is not None and owner != entity_id:
            # a second person with this surname: the surname alone no longer says who
            if surname in self.pending_aliases:
                self.pending_aliases[surname] = None
            else:
                connection.execute(update(entity_aliases).where(entity_aliases.c.key == surname).values(entity_id=None))
            self.aliases[surname] = None


def _surname_key(entity: EntityFacts) -> str | None:
    if entity.type != "PER":
        return None
    words = normalise_name(entity.name).split()
    if len(words) < 2 or len(words[-1]) < 3:
        return None
    return f"per:{words[-1]}"


def inserted_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])

"""Look up which entity is mentioned where: the bridge from text spans to entities."""

from __future__ import annotations

from bisect import bisect_left

from quellenlage.model import Entity, EntityRef, Mention

# Forms that name an actor; adjectives and compounds only say something is related to it.
ACTOR_FORMS = frozenset({"name", "genitive", "surname", "abbreviation", "description", "demonym", "collective"})


class EntityIndex:
    """All mentions of all entities, sorted by position."""

    def __init__(self, entities: list[Entity]):
        self.entities = entities
        self._by_id = {entity.id: entity for entity in entities}
        pairs = [(mention, entity) for entity in entities for mention in entity.mentions]
        pairs.sort(key=lambda pair: pair[0].start)
        self._pairs = pairs
        self._starts = [mention.start for mention, _ in pairs]

    def within(self, start: int, end: int, *, actors_only: bool = False) -> list[tuple[Mention, Entity]]:
        """Mentions lying inside [start, end), in text order."""
        found = []
        for i in range(bisect_left(self._starts, start), len(self._pairs)):
            mention, entity = self._pairs[i]
            if mention.start >= end:
                break
            if mention.end <= end and (not actors_only or mention.form in ACTOR_FORMS):
                found.append((mention, entity))
        return found

    def last_before(self, position: int, types: frozenset[str], role: str | None = None) -> Entity | None:
        """The entity of the nearest actor mention before `position`, of one of `types`, and
        if `role` is given one that bears it ("der Präsident" → the last president named)."""
        for i in range(bisect_left(self._starts, position) - 1, -1, -1):
            mention, entity = self._pairs[i]
            if entity.type in types and mention.form in ACTOR_FORMS and (role is None or _bears(entity, role)):
                return entity
        return None

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)


def _bears(entity: Entity, role: str) -> bool:
    role = role.casefold()
    return any(r.casefold() == role or r.casefold().endswith(role) for r in entity.roles)


def ref(entity: Entity) -> EntityRef:
    return EntityRef(id=entity.id, name=entity.name)

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
        # For last_before: the actor mentions of each entity type, and (built on demand) of the
        # bearers of each role, so that a lookup bisects instead of scanning back through the text.
        self._actors_by_type: dict[str, tuple[list[int], list[Entity]]] = {}
        for mention, entity in pairs:
            if mention.form in ACTOR_FORMS:
                starts, owners = self._actors_by_type.setdefault(entity.type, ([], []))
                starts.append(mention.start)
                owners.append(entity)
        self._role_bearers = [entity for entity in entities if entity.roles]
        self._actors_by_role: dict[tuple[str, str], tuple[list[int], list[Entity]]] = {}

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
        found: tuple[int, Entity] | None = None
        for kind in types:
            starts, owners = self._actors_by_type.get(kind, ([], [])) if role is None else self._bearers(kind, role)
            i = bisect_left(starts, position) - 1
            if i >= 0 and (found is None or starts[i] > found[0]):
                found = starts[i], owners[i]
        return found[1] if found else None

    def _bearers(self, kind: str, role: str) -> tuple[list[int], list[Entity]]:
        """The actor mentions, in text order, of the entities of type `kind` that bear `role`."""
        key = (kind, role)
        if key not in self._actors_by_role:
            bearers = {id(e) for e in self._role_bearers if e.type == kind and _bears(e, role)}
            starts, owners = self._actors_by_type.get(kind, ([], []))
            chosen = [i for i, owner in enumerate(owners) if id(owner) in bearers] if bearers else []
            self._actors_by_role[key] = ([starts[i] for i in chosen], [owners[i] for i in chosen])
        return self._actors_by_role[key]

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)


def _bears(entity: Entity, role: str) -> bool:
    role = role.casefold()
    return any(r.casefold() == role or r.casefold().endswith(role) for r in entity.roles)


def ref(entity: Entity) -> EntityRef:
    return EntityRef(id=entity.id, name=entity.name)

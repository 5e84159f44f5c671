"""The attribution stage's working form of a speaker, and its conversion to the published one.

While reading, a speaker is an `Actor`: one entity, a group of entities ("der Westen, die Ukraine
und Südkorea"), or nobody; where the text names it is kept beside it. A recorded quotation carries
the one public shape, `SourceRef`, that holds both; the finder keeps the working form beside it.
"""

from __future__ import annotations

from collections.abc import Iterable

from quellenlage.entities.index import ref
from quellenlage.model import Entity, EntityRef, SourceRef, Span

Actor = EntityRef | list[EntityRef] | None

UNNAMED_ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem"}
    | {"dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes", "jenem", "jenen"}
)


def to_source(actor: Actor, mention: Span | None = None) -> SourceRef | None:
    """The public speaker of an actor named at `mention`; words that name someone no entity or
    phrase could be made of ("Seiner Meinung nach") are kept as the speaker's name, unresolved."""
    if actor is None:
        return None if mention is None else SourceRef(id=None, name=mention.text, mention=mention)
    if isinstance(actor, list):
        if len(actor) == 1:
            actor = actor[0]
        else:
            return SourceRef(id=None, name=", ".join(a.name for a in actor), members=list(actor), mention=mention)
    return SourceRef(id=actor.id, name=actor.name, mention=mention)


def unnamed(phrase: str) -> EntityRef:
    """A speaker no entity stands for, named by its own words without the article."""
    words = phrase.split()
    if words and words[0].lower() in UNNAMED_ARTICLES:
        words = words[1:]
    return EntityRef(id=None, name=" ".join(words))


def distinct(entities: Iterable[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.id, entity)
    return list(seen.values())


def actor_of(entities: list[Entity]) -> Actor:
    if not entities:
        return None
    refs: list[EntityRef] = [ref(e) for e in entities]
    return refs[0] if len(refs) == 1 else refs

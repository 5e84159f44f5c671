"""PLOVER event export: one JSON object per line, in the field names of the PLOVER specification.

Each `Event` of an analysis becomes a record with the specification's core fields (id, date,
source and recipient actor lists, event category, location, quad code, the sentence's text and
offsets, citation) and Quellenlage's additions: the article id, who reports the event (the
speaker when it stands in a quotation, else the outlet), the hedging word of its sentence and
its status. `plover.schema.json` beside this module is the JSON schema the records follow.
PLOVER requires a date: an event whose article has no date at all is left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, TextIO
from urllib.parse import urlparse

from quellenlage import __version__
from quellenlage.attribution.cues import HEDGE
from quellenlage.attribution.status import status_of
from quellenlage.batch.tables import ArticleMeta
from quellenlage.model import Analysis, Entity, EntityRef, Event, SourceRef

CODEBOOK = "plover-0.7b1"
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), 4),
}


@cache
def plover_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        files("quellenlage.batch.exporters").joinpath("plover.schema.json").read_text(encoding="utf-8")
    )
    return schema


@cache
def _alpha2() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


def write_plover(articles: Iterable[tuple[ArticleMeta, Analysis]], out: TextIO) -> tuple[int, int]:
    """Write the events; returns (written, left out for want of a date)."""
    written = undated = 0
    coded = date.today().isoformat()
    for meta, analysis in articles:
        for record in plover_records(meta, analysis, coded):
            if record is None:
                undated += 1
                continue
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written, undated


def plover_records(meta: ArticleMeta, analysis: Analysis, coded: str) -> Iterator[dict[str, Any] | None]:
    entities = {e.id: e for e in analysis.entities}
    for number, event in enumerate(analysis.events, start=1):
        when = event.date or analysis.published
        if not when or event.actor is None:
            yield None
            continue
        yield _record(meta, analysis, event, number, when, entities, coded)


def _record(
    meta: ArticleMeta,
    analysis: Analysis,
    event: Event,
    number: int,
    when: str,
    entities: dict[str, Entity],
    coded: str,
) -> dict[str, Any]:
    text = analysis.text
    start, end = event.evidence_span.start, event.evidence_span.end
    reporter, speaker = _reporting_source(meta, analysis, start, end, entities)
    hedge = HEDGE.search(text, start, end)
    record: dict[str, Any] = {
        "id": f"{meta.article_id}-ev{number}",
        "date": when,
        "source": [_actor(event.actor, entities, start, end)] if event.actor else [],
        "recipient": [_actor(t, entities, start, end) for t in event.target],
        "event": [event.type],
        "quad_code": QUAD.get(event.type),
        "mode": None,
        "context": None,
        "text": event.evidence,
        "text_info": {"start": start, "end": end, **_sequence(analysis, start)},
        "cite_info": _citation(meta, analysis),
        "coder": f"quellenlage {__version__}",
        "coded_date": coded,
        "article_id": meta.article_id,
        "reporting_source": reporter,
        "hedge": hedge[1] if hedge else None,
        "status": status_of(text, start, end, speaker),
    }
    if event.place is not None:
        record["event_loc"] = _location(event.place, entities)
    if record["quad_code"] is None:
        del record["quad_code"]
    return record


def _actor(ref: EntityRef, entities: dict[str, Entity], start: int, end: int) -> dict[str, Any]:
    """The actor object: `actor_text` the words of the sentence that name it (else its name),
    `code` its country, `identifier_id` its Wikidata ID, `identifier_text` its name."""
    entity = entities.get(ref.id or "")
    if entity is None:
        return {"actor_text": ref.name}
    named = next((m.text for m in entity.mentions if start <= m.start and m.end <= end), ref.name)
    actor: dict[str, Any] = {"actor_text": named}
    country = entity.country or entity.located_in
    if country:
        actor["code"] = country
    if "wikidata" in entity.ids:
        actor["identifier_id"] = entity.ids["wikidata"]
    actor["identifier_text"] = entity.name
    if entity.roles:
        actor["office"] = entity.roles[0]
    return actor


def _location(ref: EntityRef, entities: dict[str, Entity]) -> dict[str, Any]:
    location: dict[str, Any] = {"name": ref.name}
    entity = entities.get(ref.id or "")
    country = entity.country or entity.located_in if entity else None
    if country:
        location["cc3"] = country
        if country in _alpha2():
            location["country_code"] = _alpha2()[country]
    return location


def _sequence(analysis: Analysis, start: int) -> dict[str, int]:
    for number, sentence in enumerate(analysis.sentences):
        if sentence.start <= start < sentence.end:
            return {"sequence": number}
    return {}


def _citation(meta: ArticleMeta, analysis: Analysis) -> dict[str, Any]:
    cite: dict[str, Any] = {"citation": meta.article_id, "language": analysis.lang, "codebook": CODEBOOK}
    if meta.url:
        cite["url"] = meta.url
    if analysis.title or meta.title:
        cite["title"] = analysis.title or meta.title
    if meta.outlet:
        cite["publication"] = meta.outlet
    cite["coder"] = f"quellenlage {__version__}"
    return cite


def _reporting_source(
    meta: ArticleMeta, analysis: Analysis, start: int, end: int, entities: dict[str, Entity]
) -> tuple[dict[str, Any], SourceRef | None]:
    """The speaker of a quotation whose content overlaps the event's sentence, else the outlet."""
    for quote in analysis.quotes:
        content = quote.content
        if quote.speaker is not None and content.start < end and start < content.end:
            return _speaker(quote.speaker, entities), quote.speaker
    name = meta.outlet or (urlparse(meta.url).hostname if meta.url else None) or meta.article_id
    return {"kind": "outlet", "name": name}, None


def _speaker(speaker: SourceRef, entities: dict[str, Entity]) -> dict[str, Any]:
    source: dict[str, Any] = {"kind": "speaker", "name": speaker.name}
    entity = entities.get(speaker.id or "")
    if entity is not None:
        source["key"] = entity.key
        if "wikidata" in entity.ids:
            source["identifier_id"] = entity.ids["wikidata"]
    return source

"""An analysis as the rows the store keeps: plain dicts, built where the analysis ran.

Entities are referred to by their document-local id (e1, e2, …) here; the writer maps them to the
corpus-wide entities when it stores the rows. The analysis itself is kept too, as compressed JSON
without the article text and the texts of segments and sentences (the stored text gives them
back; `--no-text` keeps offsets only), so other layers can rebuild the `Analysis` exactly.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

from quellenlage.corpus.keys import entity_keys
from quellenlage.model import EVIDENCE_CHARS, Analysis, EntityRef, SourceRef

COMPRESSION = 6
# What `--no-text` keeps of a quotation: the words themselves, at most this long.
SHORT_QUOTE_CHARS = EVIDENCE_CHARS


@dataclass
class EntityFacts:
    local_id: str
    keys: list[str]
    name: str
    type: str
    kind: str | None
    country: str | None
    located_in: str | None
    ids: dict[str, str]
    roles: list[str]
    count: int
    first_start: int


@dataclass
class Facts:
    """Every row of one analysis; `*_entities` fields hold local entity ids."""

    entities: list[EntityFacts] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    search_body: str = ""


def analysis_facts(analysis: Analysis, *, keep_text: bool = True) -> Facts:
    facts = Facts()
    for entity in analysis.entities:
        facts.entities.append(
            EntityFacts(
                local_id=entity.id,
                keys=entity_keys(entity),
                name=entity.name,
                type=entity.type,
                kind=entity.kind,
                country=entity.country,
                located_in=entity.located_in,
                ids=dict(entity.ids),
                roles=list(entity.roles),
                count=len(entity.mentions),
                first_start=entity.mentions[0].start if entity.mentions else 0,
            )
        )
    figure_of = {claim_id: figure.id for figure in analysis.figures for claim_id in figure.claims}
    for quote in analysis.quotes:
        facts.quotes.append(
            {
                "local_id": quote.id,
                "kind": quote.kind,
                "speaker": quote.speaker.name if quote.speaker else None,
                "speaker_local": quote.speaker.id if quote.speaker else None,
                "speakers_local": _source_entities(quote.speaker),
                "cue": quote.cue.text if quote.cue else None,
                "content": quote.content.text if keep_text else quote.content.text[:SHORT_QUOTE_CHARS],
                "content_start": quote.content.start,
                "content_end": quote.content.end,
                "medium": quote.medium,
                "mood": quote.mood,
                "status": quote.status,
                "confidence": quote.confidence,
                "sentence": quote.sentence,
            }
        )
    for claim in analysis.claims:
        facts.claims.append(
            {
                "local_id": claim.id,
                "figure": figure_of.get(claim.id),
                "value": claim.value,
                "qualifier": claim.qualifier,
                "magnitude": claim.magnitude,
                "low": claim.low,
                "high": claim.high,
                "unit": claim.unit,
                "about": claim.about,
                "place": claim.place.name if claim.place else None,
                "place_local": claim.place.id if claim.place else None,
                "date": claim.date,
                "source": claim.source.name if claim.source else None,
                "source_local": claim.source.id if claim.source else None,
                "sources_local": _source_entities(claim.source),
                "quote": claim.quote,
                "basis": claim.basis,
                "hedge": claim.hedge,
                "number": claim.number.text,
                "number_start": claim.number.start,
                "number_end": claim.number.end,
                "sentence": claim.sentence,
                "status": claim.status,
                "confidence": claim.confidence,
                "evidence": claim.evidence,
                "evidence_start": claim.evidence_span.start,
                "evidence_end": claim.evidence_span.end,
            }
        )
    for figure in analysis.figures:
        facts.figures.append({"local_id": figure.id, "about": figure.about, "unit": figure.unit})
    for mention in analysis.dates:
        facts.dates.append(
            {
                "start": mention.start,
                "end": mention.end,
                "text": mention.text,
                "value": mention.value,
                "method": mention.method,
            }
        )
    for event in analysis.events:
        facts.events.append(
            {
                "type": event.type,
                "actor": event.actor.name if event.actor else None,
                "actor_local": event.actor.id if event.actor else None,
                "targets": [_ref(target) for target in event.target],
                "place": event.place.name if event.place else None,
                "date": event.date,
                "evidence": event.evidence,
                "evidence_start": event.evidence_span.start,
                "evidence_end": event.evidence_span.end,
            }
        )
    facts.search_body = analysis.text if keep_text else _short_search_body(facts)
    return facts


def _source_entities(source: SourceRef | None) -> list[str]:
    """The entities a speaker or source stands for: itself and, for a group, its members."""
    if source is None:
        return []
    found = [source.id] if source.id else []
    found += [member.id for member in source.members if member.id and member.id not in found]
    return found


def _ref(ref: EntityRef) -> dict[str, str | None]:
    return {"id": ref.id, "name": ref.name}


def _short_search_body(facts: Facts) -> str:
    """Without the text, search finds what the facts quote: quotations, evidence, names."""
    pieces = [q["content"] for q in facts.quotes]
    pieces += sorted({c["evidence"] for c in facts.claims})
    pieces += [e.name for e in facts.entities]
    return "\n".join(pieces)


def compress_analysis(analysis: Analysis, *, keep_text: bool = True) -> bytes:
    """The analysis as stored: JSON without the text and the texts of segments and sentences
    (`restore_analysis` puts them back from the stored text); with keep_text False, quotations
    are cut to SHORT_QUOTE_CHARS too."""
    stored = analysis.model_copy(
        update={
            "text": "",
            "segments": [s.model_copy(update={"text": ""}) for s in analysis.segments],
            "sentences": [s.model_copy(update={"text": "", "tokens": []}) for s in analysis.sentences],
        }
    )
    if not keep_text:
        stored.quotes = [
            q.model_copy(update={"content": q.content.model_copy(update={"text": q.content.text[:SHORT_QUOTE_CHARS]})})
            for q in analysis.quotes
        ]
    return zlib.compress(stored.model_dump_json().encode("utf-8"), COMPRESSION)


def restore_analysis(blob: bytes, text: str | None) -> Analysis:
    """The stored analysis, with its text and span texts back when the text was kept."""
    analysis = Analysis.model_validate_json(zlib.decompress(blob))
    if text is not None:
        analysis.text = text
        for segment in analysis.segments:
            segment.text = text[segment.start : segment.end]
        for sentence in analysis.sentences:
            sentence.text = text[sentence.start : sentence.end]
    return analysis

"""A country's institution is not the country, and a person's name is not the town it spells.

"der Schweizer Geheimdienst", "Irans Justiz", "die russische Regierung" are sources in their own
right: an organisation located in the country, one entity per institution and country, so that
"des Schweizer Geheimdienstes" later is the same one. The country adjective inside is no mention
of the country. A country's armed forces ("die ukrainische Armee") stand for the country, as
event coding reads them (an actor of the country's military sector).

A word the sentence marks as a person's name ("sagte Kiel.", "so Wagner:") is the person even
where the knowledge base knows a town or a magazine of that name: weak gazetteer entries never
beat the evidence of the sentence.
"""

from __future__ import annotations

import re

from quellenlage.entities.knowledge_base import KBEntry, KnowledgeBase
from quellenlage.entities.mentions import Candidate
from quellenlage.model import Segment

INSTITUTIONS = {
    "geheimdienst": "Geheimdienst",
    "nachrichtendienst": "Nachrichtendienst",
    "auslandsgeheimdienst": "Auslandsgeheimdienst",
    "inlandsgeheimdienst": "Inlandsgeheimdienst",
    "militärgeheimdienst": "Militärgeheimdienst",
    "regierung": "Regierung",
    "polizei": "Polizei",
    "justiz": "Justiz",
    "behörden": "Behörden",
    "außenministerium": "Außenministerium",
    "verteidigungsministerium": "Verteidigungsministerium",
    "innenministerium": "Innenministerium",
    "zentralbank": "Zentralbank",
    "notenbank": "Notenbank",
    "staatsanwaltschaft": "Staatsanwaltschaft",
    "botschaft": "Botschaft",
    "staatsmedien": "Staatsmedien",
    "behörde": "Behörde",
}
INSTITUTION = re.compile(
    r"\b(?P<country>[A-ZÄÖÜa-zäöü][\w-]+)\s+(?P<institution>(?:"
    + "|".join(sorted((w.capitalize() for w in INSTITUTIONS), key=len, reverse=True))
    + r")(?:e?s|n)?)\b"
)
SPEECH_BEFORE = r"(?:sagte|sagt|erklärte|erklärt|betonte|betont|meinte|warnte|kritisierte|ergänzte|fügte hinzu|so)"
# "…, sagte Kiel." / "so Wagner:" — a single capitalised word right after a speech verb, ending the clause
PERSON_AFTER_SPEECH = re.compile(
    rf"\b{SPEECH_BEFORE}\s+(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?=\s*[.,;:])"
)
YIELDS_TO_A_PERSON = frozenset({"city", "region", "media", "company", "organisation"})


def institution_candidates(text: str, segments: list[Segment], kb: KnowledgeBase) -> list[Candidate]:
    """ "Schweizer Geheimdienst", "Irans Justiz": organisations of a country the KB knows."""
    found = []
    for segment in segments:
        for m in INSTITUTION.finditer(segment.text):
            country = _country(kb, m["country"])
            if country is None:
                continue
            head = m["institution"].lower()
            base = next((k for k in sorted(INSTITUTIONS, key=len, reverse=True) if head.startswith(k)), None)
            if base is None:
                continue
            entry = KBEntry(
                key=f"org:{base}:{country.country}",
                name=" ".join(m[0].split()),  # as first written: "Schweizer Geheimdienst", "Irans Justiz"
                type="ORG",
                kind="government",
                ids={},
                country=country.country,
            )
            start = segment.start + m.start()
            found.append(Candidate(start, segment.start + m.end(), "ORG", "name", "kb", entry))
    return found


def person_evidence(text: str, segments: list[Segment]) -> list[tuple[int, int]]:
    """Spans the sentence marks as a person's name: the word after a speech verb."""
    spans = []
    for segment in segments:
        for m in PERSON_AFTER_SPEECH.finditer(segment.text):
            spans.append((segment.start + m.start("name"), segment.start + m.end("name")))
    return spans


def yield_to_persons(
    candidates: list[Candidate], evidence: list[tuple[int, int]], roles: list[Candidate]
) -> list[Candidate]:
    """Drop knowledge-base towns, magazines and firms where the sentence says a person is meant
    (a role before the name, "Ministerin Spiegel"; a speech verb before it, "sagte Kiel"), and
    let the person stand instead."""
    person_spans = set(evidence) | {(c.start, c.end) for c in roles if c.type == "PER" and c.role}
    kept = []
    added = set()
    for c in candidates:
        entry = c.entry
        yields = entry is not None and entry.type != "PER" and (entry.kind in YIELDS_TO_A_PERSON or entry.weak)
        if yields and (c.start, c.end) in person_spans:
            if (c.start, c.end) not in added:
                kept.append(Candidate(c.start, c.end, "PER", "name", "rule"))
                added.add((c.start, c.end))
            continue
        kept.append(c)
    return kept


def _country(kb: KnowledgeBase, word: str) -> KBEntry | None:
    """The country a word names as adjective ("Schweizer", "russische") or genitive ("Irans")."""
    for entry, form in kb.lookup(word):
        if entry.kind == "country" and form in ("adjective", "demonym", "genitive"):
            return entry
    return None

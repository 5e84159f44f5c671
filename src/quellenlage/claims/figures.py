"""Group the claims of one article that report the same quantity into figures.

Two claims report the same figure when they count the same kind of thing about the same
entity: "8.000 nordkoreanische Soldaten", "mehr als 10.000 Soldaten" sent by Nordkorea and
"11.000 Nordkoreaner" all count North Korean troops. A demonym unit ("Nordkoreaner") counts
people of that country and matches any people-counting unit about it. This side-by-side view
of differing values from different sources is what the user came for.
"""

from __future__ import annotations

from quellenlage.entities.index import EntityIndex
from quellenlage.model import Claim, Figure

PEOPLE_UNITS = frozenset(
    [
        "Soldaten",
        "Soldat",
        "Truppen",
        "Kämpfer",
        "Menschen",
        "Personen",
        "Zivilisten",
        "Einwohner",
        "Flüchtlinge",
        "Kinder",
        "Männer",
        "Frauen",
        "Tote",
        "Toten",
        "Verletzte",
        "Verletzten",
        "Opfer",
        "Gefangene",
        "Geiseln",
        "Mitarbeiter",
        "Beschäftigte",
        "Demonstranten",
        "Migranten",
    ]
)


def group_figures(claims: list[Claim], index: EntityIndex) -> list[Figure]:
    """Claims about one place or actor in one unit form a figure; without such an anchor only
    the same value in the same unit does (a headline's figure restated in the body), since
    "Vier Spieler" and "mehr als 20 Spieler" in one article count different things."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        key = _figure_key(claim, index) or _restated_key(claim)
        if key is not None:
            groups.setdefault(key, []).append(claim)
    figures: list[Figure] = []
    names = {entity.key: entity.name for entity in index.entities}
    for (subject, unit), members in groups.items():
        if len(members) < 2:
            continue
        counted = ", ".join(dict.fromkeys(claim.unit or "" for claim in members))
        about = f"{names.get(subject, subject)}: {counted}" if not subject.startswith("=") else counted
        figures.append(Figure(id=f"f{len(figures) + 1}", about=about, unit=unit, claims=[c.id for c in members]))
    return figures


def _restated_key(claim: Claim) -> tuple[str, str] | None:
    """("=value", unit stem): the same number of the same thing, written twice."""
    if not claim.unit or claim.value is None:
        return None
    return f"={claim.value:g}", unit_stem(claim.unit)


def unit_stem(unit: str) -> str:
    """One form for a unit's inflections: Kinder/Kindern, Stunde/Stunden, Soldat/Soldaten, €/Euro."""
    word = {"%": "prozent", "€": "euro", "$": "dollar"}.get(unit, unit.lower())
    for ending in ("en", "n", "e", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word


def _figure_key(claim: Claim, index: EntityIndex) -> tuple[str, str] | None:
    """(entity the quantity is about, unit class); None when the claim has no unit."""
    if not claim.unit:
        return None
    span = claim.evidence_span
    about_end = claim.number.start + len(claim.about or "")  # "about" starts at the number
    mentions = index.within(claim.number.start, max(about_end, claim.number.end) + 1)
    unit_mention = next(((m, e) for m, e in mentions if m.form == "demonym"), None)
    if unit_mention is not None:
        return unit_mention[1].key, "people"
    subject = next(
        (e.key for m, e in mentions if e.type == "LOC" and m.form in ("adjective", "name", "genitive")), None
    )
    if subject is None:
        # "… dass Nordkorea mehr als 10.000 Soldaten … geschickt habe": the actor of the clause
        subject = next((e.key for m, e in index.within(span.start, claim.number.start) if e.type == "LOC"), None)
    if subject is None:
        return None
    unit_class = "people" if claim.unit in PEOPLE_UNITS else claim.unit
    return subject, unit_class

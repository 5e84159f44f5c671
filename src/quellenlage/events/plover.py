"""Code events in the PLOVER ontology (actor, event type, target) from trigger words.

A first cut: a trigger lexicon per PLOVER type, the clause's subject as actor for verbs, the
country of the troops for nominal triggers ("die Entsendung nordkoreanischer Soldaten"), and
the other actors of the clause as targets. One event per type and actor and article: repeated
reports of the same act merge their targets and keep the first evidence.
"""

from __future__ import annotations

import re

from quellenlage.attribution.speakers import PREPOSITION_BEFORE, SpeakerResolver
from quellenlage.entities.index import EntityIndex, ref
from quellenlage.model import EVIDENCE_CHARS, Entity, EntityRef, Event, Offsets, Segment, Sentence
from quellenlage.spans import excerpt

TRIGGERS: list[tuple[str, str, bool]] = [  # (PLOVER type, pattern, nominal trigger)
    ("ACCUSE", r"verurteil\w*|kritisier\w*|beschuldig\w*|vorgeworfen|wirft|warf", False),
    (
        "AID",
        r"(?:Hilfe|Unterstützung|Waffen|Hilfen)\b(?=[^.]{0,40}\b(?:zu|zugesichert|zusichern|leisten|liefern|"
        r"geliefert|zugesagt|zusagen)\b)|liefer\w*|zugesagt",
        False,
    ),
    (
        "MOBILIZE",
        r"Entsendung|Verlegung|Stationierung|Mobilisierung|entsand\w*|entsend\w*|geschickt|schickt\w*|"
        r"verleg\w*|stationier\w*|mobilisier\w*",
        True,
    ),
    ("FIGHT", r"Kämpfen|Kämpfe|kämpf\w+|Gefecht\w*", True),
    ("DEMAND", r"forder\w*|verlang\w*", False),
    ("THREATEN", r"droh\w*", False),
    ("CONSULT", r"traf(?:en)?|getroffen|Treffen|Gespräch\w*|berieten|beraten", False),
    ("AGREE", r"vereinbar\w*|einigten|geeinigt|unterzeichne\w*", False),
    ("SANCTION", r"Sanktion\w*|sanktionier\w*", False),
    ("REJECT", r"lehnt\w*\s[^.]{0,60}\bab\b|abgelehnt|geweigert|weigert\w*|zurückgewiesen|dementier\w*", False),
    ("COERCE", r"festgenommen|verhaftet|inhaftiert|Festnahme\w*", False),
]
TRIGGER = re.compile("|".join(f"(?P<{name}_{i}>\\b(?:{pattern}))" for i, (name, pattern, _) in enumerate(TRIGGERS)))
MILITARY_NOUN = re.compile(r"\s+(?:Soldaten|Truppen|Streitkräfte\w*|Armee|Militär\w*|Kämpfer|Einheiten|Kräfte)\b")
CLAUSE_BOUNDARY = re.compile(
    r",\s+(?=(?:dass|ob|weil|da|wenn|als|nachdem|obwohl|während|damit|sodass|die|der|das|den|dem|deren|dessen"
    r"|welche[rsmn]?|es|er|sie|wir|man)\b)|[:;]\s+"
)
# A relative pronoun opens a relative clause when no noun follows it ("die neben …", not "die Nato")
RELATIVE_PRONOUN = re.compile(r"(?:die|der|das|den|dem|deren|dessen|welche[rsmn]?)\s+(?![A-ZÄÖÜ])")
TARGET_WINDOW = 8
DESTINATION_BEFORE = re.compile(r"\bnach\s+$")
OPPONENT_BEFORE = re.compile(r"\bgegen\s+(?:(?:die|den|das|der|dem)\s+)?(?:[a-zäöüß]+\s+)?$")
SKIP_KINDS = frozenset({"credit", "boilerplate", "dateline", "author", "attribution", "kicker"})


def code_events(
    text: str, segments: list[Segment], sentences: list[Sentence], index: EntityIndex, dates_by_sentence: dict[int, str]
) -> list[Event]:
    speakers = SpeakerResolver(text, index)
    events: dict[tuple[str, str], Event] = {}
    for number, sentence in enumerate(sentences):
        if segments[sentence.segment].kind in SKIP_KINDS:
            continue
        for trigger in TRIGGER.finditer(text, sentence.start, sentence.end):
            start, end = clause_around(text, sentence, trigger.start())
            if RELATIVE_PRONOUN.match(text, start):
                continue  # "…, die Australien und Japan unterzeichneten": background, not an event
            group = next(name for name, value in trigger.groupdict().items() if value)
            kind, position = group.rsplit("_", 1)
            nominal = TRIGGERS[int(position)][2]
            actor = _actor(text, trigger, start, end, speakers, index, nominal)
            if actor is None:
                continue
            near_start, near_end = _window(text, trigger, trigger.start() if nominal else start, end)
            participants = _participants(text, near_start, near_end, index, allow_to=kind == "MOBILIZE")
            targets = [e for e in participants if e.id != actor.id and (e.type != "LOC" or e.country)]
            place = next((e for e in participants if e.type == "LOC" and not e.country), None)
            key = (kind, actor.id)
            if key in events:
                known = {t.id for t in events[key].target}
                events[key].target.extend(ref(t) for t in targets if t.id not in known)
                continue
            events[key] = Event(
                type=kind,
                actor=ref(actor),
                place=ref(place) if place else None,
                target=[ref(t) for t in targets],
                date=dates_by_sentence.get(number),
                evidence=excerpt(text, sentence.start, sentence.end, trigger.start(), EVIDENCE_CHARS),
                evidence_span=Offsets(start=sentence.start, end=sentence.end),
            )
    return list(events.values())


def clause_around(text: str, sentence: Sentence, position: int) -> tuple[int, int]:
    """The clause holding `position`: commas that open a subordinate or new main clause
    delimit it, commas inside a list ("Australien, Japan und Südkorea") do not."""
    start, end = sentence.start, sentence.end
    for boundary in CLAUSE_BOUNDARY.finditer(text, sentence.start, sentence.end):
        if boundary.end() <= position:
            start = boundary.end()
        elif boundary.start() >= position:
            end = boundary.start()
            break
    return start, end


def _actor(
    text: str,
    trigger: re.Match[str],
    start: int,
    end: int,
    speakers: SpeakerResolver,
    index: EntityIndex,
    nominal: bool,
) -> Entity | None:
    if nominal:
        troops = _troop_owner(text, index, start, end, near=trigger.start())
        if troops is not None:
            return troops
    actor, _ = speakers.subject_near(start, end)
    if isinstance(actor, list):
        actor = actor[0]
    return index.get(actor.id) if isinstance(actor, EntityRef) and actor.id else None


def _troop_owner(text: str, index: EntityIndex, start: int, end: int, near: int) -> Entity | None:
    """The country whose troops act: "nordkoreanische Soldaten", "Soldaten aus Nordkorea"."""
    owners = [
        (abs(m.start - near), e)
        for m, e in index.within(start, end)
        if e.country
        and (MILITARY_NOUN.match(text, m.end) or re.search(r"Soldaten\s+aus\s+$", text[start : m.start]))
        and not re.search(r"\bgegen\s+(?:die|den|das)\s+$", text[max(start, m.start - 20) : m.start])
    ]
    return min(owners, key=lambda pair: pair[0])[1] if owners else None


def _window(text: str, trigger: re.Match[str], start: int, end: int) -> tuple[int, int]:
    """The words around the trigger where its target is named (eight either side, within the clause)."""
    before = list(re.finditer(r"\S+", text[start : trigger.start()]))
    after = list(re.finditer(r"\S+", text[trigger.end() : end]))
    window_start = start + before[-TARGET_WINDOW].start() if len(before) > TARGET_WINDOW else start
    window_end = trigger.end() + after[TARGET_WINDOW - 1].end() if len(after) > TARGET_WINDOW else end
    return window_start, window_end


def _participants(text: str, start: int, end: int, index: EntityIndex, *, allow_to: bool) -> list[Entity]:
    """Actors the event is directed at: not in a prepositional phrase ("in Kursk"), except an
    opponent ("gegen die ukrainische Armee") or, for troop movements, the destination ("nach
    Russland"); troops by their country only as opponents. Places come along for the event's place."""
    seen: dict[str, Entity] = {}
    for m, e in index.within(start, end):
        before = text[max(0, m.start - 40) : m.start]
        opponent = OPPONENT_BEFORE.search(before) is not None or (allow_to and DESTINATION_BEFORE.search(before))
        if e.type not in ("LOC", "ORG", "PER"):
            continue
        if PREPOSITION_BEFORE.search(before) and not opponent and not (e.type == "LOC" and not e.country):
            continue
        if m.form == "adjective" and not (opponent and MILITARY_NOUN.match(text, m.end)):
            continue
        seen.setdefault(e.id, e)
    return list(seen.values())

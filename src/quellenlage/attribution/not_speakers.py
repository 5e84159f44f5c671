"""Words beside a speech verb that are not its speaker, because a missing speaker is better than
a wrong one: a name in the Saxon genitive before the role of the person named next ("Liverpools
Trainer Jürgen Klopp"): the person speaks, not the club, whatever type the tagger gave the
possessor; and words no one could be that a frame's position offers: a measure ("Nach seinen
Berechnungen bräuchte es … Zuwächse von etwa 2,5 Prozent") or the writer's "wir".
"""

from __future__ import annotations

import re

from quellenlage.model import Entity, Mention

# Between a possessor and the person it qualifies: a role noun, maybe with an adjective
# ("Liverpools Trainer Jürgen Klopp", "Russlands langjähriger Außenminister Sergej Lawrow").
POSSESSED_ROLE = re.compile(r"\s+(?:[a-zäöüß][\w-]*\s+)?[A-ZÄÖÜ][\w-]+\s+")


def without_possessors(text: str, candidates: list[tuple[Mention, Entity]]) -> list[tuple[Mention, Entity]]:
    """The candidate speakers of a phrase without a possessor of the person named next."""
    kept = []
    for i, (mention, entity) in enumerate(candidates):
        following = candidates[i + 1] if i + 1 < len(candidates) else None
        possessor = (
            following is not None
            and following[1].type == "PER"
            and mention.text.endswith(("s", "'", "’"))
            and POSSESSED_ROLE.fullmatch(text, mention.end, following[0].start) is not None
        )
        if not possessor:
            kept.append((mention, entity))
    return kept


# A measured amount and nothing else: no speaker, whatever stands where a speaker would ("2,5
# Prozent"; "der 35 Jahre alte Aufbauspieler" is a man).
MEASURE = re.compile(
    r"^(?:etwa |rund |mehr als |fast )?[\d.,]*\d\s*(?:%|Prozent|Prozentpunkte|Euro|Dollar|Cent|Grad|Meter|Kilometer"
    r"|Kilogramm|Kilo|Tonnen|Stunden|Minuten|Tage|Wochen|Monate|Jahre|Millionen|Milliarden)(?:\s+pro\s+\w+)?$"
)
WRITER = frozenset({"wir", "ich", "uns", "wer"})
# Speakers written in lower case: the agencies' own abbreviations, and the pronouns a frame
# names its speaker by ("sagte er"), kept as the speaker's words.
LOWER_CASE_SPEAKERS = frozenset({"dpa", "epd", "kna", "dts", "sid", "afp", "ap", "er", "sie", "dieser", "diese"})


def no_one(name: str) -> bool:
    """Words that name no speaker: a measure, the writer's own "wir", the "Wer" of "Wer glaubt,
    dass …", or words without a noun or pronoun (German writes every noun with a capital, so
    "ist" as the speaker of "wie deutsche Dienste ermittelt haben" is a misread frame)."""
    if MEASURE.match(name) is not None or name.lower() in WRITER:
        return True
    capitalised = any(word.lstrip("\"„“”»«‚‘'(")[:1].isupper() for word in name.split())
    return not capitalised and name.lower() not in LOWER_CASE_SPEAKERS

"""A report without its owner is the medium the text names as reporting it.

"Laut der investigativen Recherche …", "laut einem investigativen Bericht …": the words name a
report, not who made it; the text names the medium in a "wie X berichtete" aside nearby ("wie der
britische Sender BBC am Dienstag berichtete"), often in the sentence before, sometimes in the one
right after the first mention. Only a medium the entities know is taken: a wrong speaker is worse
than the report's own words.
"""

from __future__ import annotations

import re

from quellenlage.entities.index import EntityIndex
from quellenlage.model import EntityRef, Quote, Sentence

# "wie der britische Sender BBC am Dienstag berichtete"
AS_REPORTED = re.compile(
    r"\bwie\s+(?P<who>(?:[\w.&-]+\s+){1,6}?)(?:am\s+\w+\s+|zuvor\s+|weiter\s+)?"
    r"(?:berichtete|berichtet|mitteilte|mitteilt|schrieb|schreibt|meldete|meldet|bekanntgab|bestätigte)\b"
)
# A speaker that is a medium's report without its owner: "investigativen Recherche", "Bericht"
REPORT_SPEAKER = re.compile(r"^(?:\w+\s+)?(?:Bericht(?:e[ns]?|s)?|Recherche|Meldung|Reportage)$")
REPORTER_TYPES = frozenset({"ORG", "PER"})
LOOK_BACK = 8  # sentences: how far back a medium named as reporting is still the report's owner
LOOK_AHEAD = 1  # sentences, in the same paragraph: a medium named right after the report's first mention


def reporting_medium(text: str, sentence: Sentence, index: EntityIndex) -> EntityRef | None:
    """The entity a "wie X berichtete" aside of the sentence names, if any."""
    for match in AS_REPORTED.finditer(text, sentence.start, sentence.end):
        for _, entity in index.within(match.start("who"), match.end("who"), actors_only=True):
            if entity.type in REPORTER_TYPES:
                return EntityRef(id=entity.id, name=entity.name)
    return None


def give_reports_their_owner(text: str, quotes: list[Quote], sentences: list[Sentence], index: EntityIndex) -> None:
    """Each quotation whose speaker is an unowned report gets the medium named as reporting: the
    nearest such sentence up to LOOK_BACK before it, else one within LOOK_AHEAD after it in its
    paragraph."""
    media = {n: found for n, s in enumerate(sentences) if (found := reporting_medium(text, s, index)) is not None}
    if not media:
        return
    for quote in quotes:
        speaker, number = quote.speaker, quote.sentence
        if speaker is None or speaker.id is not None or number is None or not REPORT_SPEAKER.match(speaker.name):
            continue
        segment = sentences[number].segment
        before = [n for n in media if number - LOOK_BACK <= n <= number]
        after = [n for n in media if number < n <= number + LOOK_AHEAD and sentences[n].segment == segment]
        chosen = max(before) if before else min(after) if after else None
        if chosen is not None:
            medium = media[chosen]
            quote.speaker = speaker.model_copy(update={"id": medium.id, "name": medium.name})

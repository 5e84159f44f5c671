"""Whom a reporting frame addresses: the medium ("sagte der Deutschen Presse-Agentur"), the
phrase after "gegenüber", an object in the dative ("teilte den Abgeordneten mit") or, after a verb
of demanding, in the accusative ("forderte die Regierung auf").
"""

from __future__ import annotations

import re

from quellenlage.attribution.article_view import ArticleView
from quellenlage.attribution.noun_phrases import (
    after_prepositional_phrase,
    case_of,
    may_be_dative,
    nominal,
    nominative_or_accusative,
    noun_phrase_at,
)
from quellenlage.model import Span

# Media addressed by name: "sagte der Deutschen Presse-Agentur", "sagte dem Sender „ntv“".
ADDRESSEE = re.compile(
    r"(?:\bgegenüber\s+|\bInterview\s+mit\s+|\bvor\s+(?=de[mnr]\s+(?:versammelten\s+)?(?:Presse|Journalisten|Reportern))"
    r"|\b(?:sagte|erklärte|berichtete|teilte|bestätigte|schrieb|sagt|erklärt)\s+(?:[\w-]+\s+){0,3}?)"
    r"(?P<who>(?:de[mnr]\s+|eine[mr]?\s+)?(?:(?!gegenüber)[\w-]+(?:e|en|er)\s+){0,2}(?:„[^“]{1,40}“|[\w-]*(?:Zeitung|[Ss]ender"
    r"|[Aa]gentur|[Mm]agazin|Zeitschrift|Journalisten|Reporter[n]?|Presse|Medien|Blatt|Parlament|Abgeordneten"
    r"|Nachrichtenportal)(?![\w-])(?:\s+„[^“]{1,40}“|\s+(?:dpa|AFP|AP|Reuters|[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})(?=\s*[,.:;]))?"
    r"|CNN|BBC|ARD|ZDF|dpa|AFP|Reuters))"
)
# Addressees in a prepositional phrase of their verb: "appellierte an die Lehrkräfte", "forderte
# von der Regierung".
ADDRESSEE_PHRASE = re.compile(
    r"\b(?:(?:appellier|wandt|wend|richt)\w*(?:\s+sich)?\b[^,.;:]*?\ban"
    r"|(?:forder|verlang)\w*\b[^,.;:]*?\bvon)"
    r"\s+(?P<who>(?:(?:die|den|das|der|dem|seine|ihre|seinen|ihren)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]+)"
)

# Verbs that take whom they tell in the dative ("teilte den Abgeordneten mit", "sagte dem Minister"):
# there a phrase whose forms allow the dative is the addressee even where the tagger guessed the accusative.
TELLING = re.compile(
    r"(?:(?:mit)?(?:ge)?teil|sag|erklär|bericht|versicher|versprach|versproch|antwort|schrieb|geschrieben|empf(?:a|o)hl)\w*$",
    re.IGNORECASE,
)


def addressee_in(view: ArticleView, frame: Span, speaker: Span | None, directive: bool = False) -> Span | None:
    """Whom a frame addresses: the phrase after "gegenüber", else the first noun phrase in
    the dative outside a prepositional phrase ("sagte der Zeitung", "teilte den
    Abgeordneten mit"), or in the accusative after a verb of demanding or accusing
    ("forderte die Regierung auf"); never the speaker's own words."""
    media = ADDRESSEE.search(view.text, frame.start, frame.end) or ADDRESSEE_PHRASE.search(
        view.text, frame.start, frame.end
    )
    if media is not None:
        return view.span(media.start("who"), media.end("who"))
    tokens = [
        t
        for t in view.tokens_in(frame.start, frame.end)
        if not (speaker is not None and speaker.start <= t.start < speaker.end)
    ]
    telling = any(TELLING.match(t.text) for t in tokens)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.text == "gegenüber" and (phrase := noun_phrase_at(tokens, i + 1)):
            return view.span(phrase[0].start, phrase[-1].end)
        if t.pos == "ADP":
            i = after_prepositional_phrase(tokens, i)
            continue
        if not nominal(t):
            i += 1
            continue
        phrase = noun_phrase_at(tokens, i)
        cases = {"Dat", "Acc"} if directive else {"Dat"}
        if directive and speaker is not None and nominative_or_accusative(phrase):
            cases = cases | {"Nom"}  # "Er forderte die SPD auf": the tagger may guess either case
        if (
            phrase
            and (
                all(case_of(w) in cases for w in phrase if w.pos in ("DET", "NOUN"))
                or (not directive and telling and may_be_dative(phrase))
            )
            and any(w.pos == "DET" for w in phrase)
        ):
            return view.span(phrase[0].start, phrase[-1].end)
        i += max(1, len(phrase))
    return None

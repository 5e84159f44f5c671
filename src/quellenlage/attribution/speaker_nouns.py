"""Which words name someone who can speak: pronouns, descriptions of people and bodies ("der
Staatsanwalt", "die Polizei"), nouns of agents, and role nouns of one person. The speaker finder
and the claim sources ask these; they know nothing of where a phrase stands in its sentence.
"""

from __future__ import annotations

import re

from quellenlage.attribution.actors import Actor
from quellenlage.model import Span
from quellenlage.patterns import either_case

ARTICLES = r"(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|Der|Die|Das|Ein|Eine)"
PRONOUN = re.compile(r"\b(?:er|sie|Er|Sie)\b|\b[Dd]iese[r]?\Z")  # a demonstrative only as the whole subject
# Head nouns of speakers that are no named entity (the end of a compound counts: "Bahnsprecher").
SPEAKER_NOUN = (
    r"[\w-]*(?:"
    + either_case(
        "sprecher(?:in)? minister(?:in|ium)? expert(?:e|en|in) behörden? polizei regierung gericht "
        "staatsanwalt(?:schaft)? anwalt anwältin verband partei gewerkschaft kommission institut agentur "
        "zeitung ermittler(?:in)? forscher(?:in)? wissenschaftler(?:in)? autor(?:en|in)? analyst(?:en|in)? "
        "ökonom(?:en|in)? präsident(?:in)? kanzler(?:in)? chef(?:in)? vorsitzende[rn]? bürgermeister(?:in)? "
        "feuerwehr notenbank konzern unternehmen firma verwaltung botschafter(?:in)? meteorolog(?:e|in|en) "
        "wetterdienst opposition kritiker(?:in)? beobachter(?:in)? zeug(?:e|en|in) bewohner(?:in)? "
        "anwohner(?:in)? veranstalter(?:in)? ärzt(?:e|in)? arzt direktor(?:in)? leiter(?:in)? studie bericht "
        "umfrage vertreter(?:in)? mitarbeiter(?:in)? soldat(?:en|in)? trainer(?:in)? führung bank bahn "
        "kreise[n]? quellen? medien diplomat(?:en|in)? bündnis rat leitung staat kräfte helfer(?:in)? "
        "aktivist(?:en|in)? gegner(?:in)? befürworter(?:in)? politiker(?:in)? abgeordnete[rn]? "
        "organisation(?:en)? gruppe fraktion verein"
    )
    + ")"
)
# An unnamed speaker: "Der Staatsanwalt", "die Polizei", "ein Sprecher des Ministeriums".
DESCRIPTION = re.compile(
    rf"\b{ARTICLES}\s+(?:[a-zäöüß][\w-]*(?:e|en|er|es)\s+)*{SPEAKER_NOUN}\b"
    rf"(?:\s+(?:des|der|eines|einer)\s+(?:[a-zäöüß][\w-]*(?:e|en|er|es)\s+)*[A-ZÄÖÜ][\w-]+){{0,2}}"
    r"(?:\s+(?![A-ZÄÖÜ][a-zäöüß]+(?:te|ten)\b)[A-ZÄÖÜ][\w-]+(?:\s+(?:ohne|für)\s+[A-ZÄÖÜ][\w-]+)?)?"
)
# Compounds whose head names people acting for the entity: "die Nato-Verbündeten", "Kreml-Sprecher".
AGENT_COMPOUND = re.compile(
    r"-(?:Verbündete[n]?|Truppen|Soldaten|Regierung|Führung|Spitze|Sprecher(?:in)?|Chef(?:in)?|Staaten|Partner"
    r"|Außenminister(?:in)?|Verteidigungsminister(?:in)?|Delegation|Vertreter(?:in)?|Behörden?|Streitkräfte)$"
)


# ... and nouns of agents, which name people far more often than things: "die Richter", "Demonstranten",
# "Polizisten", "Ingenieure".
PEOPLE_NOUN = r"\b[A-ZÄÖÜ][\w-]{2,}(?:er|erin|ern|ent|enten|entin|ist|isten|istin|eur|eure|eurin)\b"
SPEAKING_WORD = re.compile(rf"{SPEAKER_NOUN}\b|{PRONOUN.pattern}|{PEOPLE_NOUN}")


def could_speak(speaker: Actor, mention: Span | None) -> bool:
    """Whether a subject can be someone who speaks: a named entity, a pronoun or a noun of
    people and bodies ("die Richter", "Beobachter"), not a thing ("Der Sprengsatz explodierte")."""
    first = speaker[0] if isinstance(speaker, list) else speaker
    if first is None:
        return False
    if first.id is not None:
        return True
    return mention is not None and SPEAKING_WORD.search(mention.text) is not None


# Role nouns that name one person (the end of a compound counts: "CDU-Politiker", "Aufbauspieler").
PERSON_ROLE = re.compile(
    "(?:"
    + either_case(
        "politiker spieler trainer sprecher forscher experte minister präsident chef vorsitzende leiter "
        "direktor anwalt anwältin autor koordinator beauftragte abgeordnete star kapitän kandidat "
        "bürgermeister sänger musiker schauspieler arzt ärztin richter ökonom wissenschaftler professor "
        "kanzler geschäftsführer manager sekretär botschafter gouverneur senator bischof pfarrer regisseur "
        "künstler aktivist journalist offizier general kommissar torwart stürmer verteidiger "
        "mittelfeldspieler psychologe soziologe politologe historiker veteran funktionär"
    )
    + ")(?:in)?$"
)

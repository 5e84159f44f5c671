"""Collect candidate mentions of entities from three sources: the knowledge base, the
statistical name model, and a few patterns of German news prose (role + name, place noun + name,
descriptions of organisations, collective actors)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quellenlage.entities.knowledge_base import KBEntry, KnowledgeBase, first_names
from quellenlage.language import NameSpan
from quellenlage.model import Segment
from quellenlage.spans import Cover

NAME = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
ROLE_NOUNS = (
    r"Präsident(?:in)?|Vizepräsident(?:in)?|Kanzler(?:in)?|Bundeskanzler(?:in)?|Ministerpräsident(?:in)?"
    r"|\w*[Mm]inister(?:in)?|Premier(?:minister)?(?:in)?|Regierungschef(?:in)?|Staatschef(?:in)?"
    r"|\w*[Ee]xpert(?:e|in)|Sprecher(?:in)?|\w*[Cc]hef(?:in)?|Botschafter(?:in)?|Generalsekretär(?:in)?"
    r"|General(?:in)?|Oberst|Bürgermeister(?:in)?|Oberbürgermeister(?:in)?|Trainer(?:in)?|Professor(?:in)?"
    r"|Prof\.|Dr\.|Abgeordnete[rn]?|Vorsitzende[rn]?|Parteichef(?:in)?|Analyst(?:in)?|Korrespondent(?:in)?"
    r"|Politologe|Politologin|Ökonom(?:in)?|Forscher(?:in)?|Richter(?:in)?|Staatsanwalt|Kommissar(?:in)?"
    r"|Gouverneur(?:in)?|Senator(?:in)?|Papst|König(?:in)?|Herr|Frau"
)
ROLE_NAME = re.compile(rf"\b(?P<role>{ROLE_NOUNS})\s+(?P<name>{NAME}(?:\s+{NAME})?)\b")
PLACE_NOUNS = (
    r"Region|Gebiet|Grenzregion|Oblast|Provinz|Stadt|Hauptstadt|Hafenstadt|Bezirk|Landkreis|Kreis|Gemeinde"
    r"|Ort|Dorf|Bundesland|Kanton|Bundesstaat|Distrikt"
)
PLACE_NAME = re.compile(rf"\b(?:{PLACE_NOUNS})\s+(?P<name>{NAME})\b")
UPPER = "A-ZÄÖÜÁÀÂÉÈÊÍÓÒÔÚÇŠŽČŁØÅ"
# A first name, maybe a second one, then a surname ("Roland Eichhorn", "José Ramos-Horta").
CAPITALISED = re.compile(rf"\b[{UPPER}]\w+")
PERSON_NAME = re.compile(
    rf"(?P<first>[{UPPER}]\w+)(?:\s+(?P<second>[{UPPER}]\w+))??\s+(?P<last>(?:(?:von|van|de|da|del|bin|al)\s+)?"
    rf"[{UPPER}][\w'’]+(?:-[{UPPER}][\w'’]+)?)\b"
)
COLLECTIVE = re.compile(r"\b(?:[Dd]er|[Dd]es|[Dd]em|[Dd]en)\s+(?P<name>Westens?)\b")
# Descriptions that stand for an organisation mentioned by name elsewhere in the article.
DESCRIPTION = re.compile(r"\b(?P<name>(?:Verteidigungs|Militär|Nordatlantik)?[Bb]ündnis(?:ses|s)?)\b")
ALLIANCE_NAMES = frozenset({"NATO", "Nato"})
# Words that look like names after a role noun but are not ("Präsident Russlands" is caught by the KB).
# "Premier League" is no premier called League.
NOT_NAMES = frozenset({"Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Am", "Im", "In", "Und", "League"})


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    form: str
    source: str
    entry: KBEntry | None = None
    role: str | None = None
    metonym: bool = False
    cluster: str | None = None  # the entity key this mention belongs to, when a rule knows it ("Maduros")


def knowledge_base_candidates(
    text: str, segments: list[Segment], kb: KnowledgeBase, names: list[NameSpan], common_nouns: frozenset[int]
) -> list[Candidate]:
    """KB matches, segment by segment (so "dpaDie" is already "dpa"). Weak ones (place names
    that are also ordinary words) need the model's support, and a one-word town the tagger
    reads as a common noun ("Die Löhne steigen") is not the town (capitals and world places are
    exempt: "Moskaus" is tagged a noun as often as not)."""
    found = []
    model_names = Cover((n.start, n.end) for n in names)
    for segment in segments:
        for m in kb.find_mentions(segment.text):
            start, end = segment.start + m.start, segment.start + m.end
            supported = model_names.covers(start, end)
            if m.entry.weak and not supported:
                continue
            local_place = m.entry.kind in ("city", "region") and not m.entry.key.startswith("place:world")
            common_word = any(m.text.startswith(w) for w in m.entry.extra.get("common_word_aliases", ()))
            if (local_place or common_word) and start in common_nouns and " " not in m.text and not supported:
                continue
            if common_word and DIRECTION_BEFORE.search(text, max(0, start - 16), start) and not supported:
                continue  # "in den Spiegel schauen": a mirror, whatever the tagger calls the word
            if m.form == "adjective" and _inside_a_name(text, segment.start, start, end):
                name = ADJECTIVE_NAME_REST.match(text, end)
                if name and ORGANISATION_HEAD.search(name[0]):  # "der Deutschen Umwelthilfe"
                    found.append(Candidate(start, name.end(), "ORG", "name", "rule"))
                continue
            found.append(Candidate(start, end, m.entry.type, m.form, "kb", m.entry))
    return found


# Where a sentence may open: after its end mark, a colon or an opening quotation mark
SENTENCE_OPENS_BEFORE = re.compile(r"(?:[.!?:;]|[„“\"»«(–-])\s*$")
CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")
# The rest of a name that opens with an adjective: "(Deutsche) Journalisten-Verband", "(Deutschen) Instituts für
# Wirtschaftsforschung"
ADJECTIVE_NAME_REST = re.compile(r"(?:\s+[A-ZÄÖÜ][\w-]*[a-zäöüß])+(?:\s+für\s+[A-ZÄÖÜ][\w-]*[a-zäöüß])?")
ORGANISATION_HEAD = re.compile(
    r"(?i:verband|verbandes|hilfe|bank|bahn|institut|instituts|rundfunk|rundfunks|gesellschaft|bund|bundes|stiftung"
    r"|telekom|post|welle|agentur|gewerkschaft|partei|union|akademie|verein|vereins|kommission|zentrum|zentrums|amt"
    r"|amtes|amts|liga|bündnis|bündnisses|kirche|börse|gericht|gerichts|gerichtshof|gerichtshofs|rat|rates|rats"
    r"|ministerium|ministeriums|presse-agentur|wetterdienst|wetterdienstes|krebshilfe|umwelthilfe|kammer)\b"
)


def _inside_a_name(text: str, segment_start: int, start: int, end: int) -> bool:
    """A country adjective written with a capital inside a sentence is part of a name ("laut
    Deutscher Bahn", "des Deutschen Instituts für Wirtschaftsforschung"): German writes
    adjectives small, so it does not stand for the country by itself."""
    word = text[start:end]
    if not word[:1].isupper() or "-" in word or not CAPITALISED_WORD_AFTER.match(text, end):
        return False  # "Nach US-amerikanischen Angaben" is capitalised by its prefix
    if not text[segment_start:start].strip():
        return False
    return SENTENCE_OPENS_BEFORE.search(text, max(segment_start, start - 4), start) is None


# A name does not run across a dash or take lowercase words other than name particles
# ("RMV – bisher" is the model running on past the abbreviation).
NOT_IN_A_NAME = re.compile(r"\s[–—]\s|\s(?!(?:von|van|de|da|del|der|den|bin|al|und|für|of|the|la|le|y)\s)[a-zäöüß]")
# Words the model takes for a name at a sentence's start that never are one: indefinite pronouns
# ("Niemand ist innerlicher als wir!") and adverbs of extent ("Deutschlandweit.", "Teilweise").
NO_NAME_WORD = re.compile(
    r"^(?:Niemand|Jemand|Jedermann|Nichts|Etwas|Manche[rs]?|Keine[rs]?|Jede[rs]?|Alle[rs]?|Beide)$"
    r"|^[A-ZÄÖÜ][a-zäöüß]+(?:weit|weise|mäßig)$"
)
# A finite verb that opens a question, read by the model as part of the name after it ("Wird
# Charles am Ende …?"): the name starts after it.
LEADING_VERB = re.compile(
    r"^(?:Wird|Werden|Würde|Ist|Sind|War|Wäre|Hat|Hatte|Hätte|Kann|Könnte|Soll|Sollte|Muss|Müsste|Darf|Will|Wollte)\s+"
    r"(?=[A-ZÄÖÜ])"
)


# "in den Spiegel", "vor einen Spiegel": a common word after a preposition of direction is the thing,
# not the medium or place of the same name ("im Spiegel" may be the magazine).
DIRECTION_BEFORE = re.compile(r"\b(?:in|vor)\s+(?:den|einen)\s+$")


def model_candidates(text: str, kb: KnowledgeBase, names: list[NameSpan]) -> list[Candidate]:
    """The model's names; a word it derives from a name ("nordkoreanische", "Berliner") is a
    mention of that name's entity when the knowledge base knows it, and nothing otherwise."""
    found = []
    for name in names:
        surface = text[name.start : name.end]
        if name.derived:
            entry = _derived_from(kb, surface)
            if entry is not None:
                found.append(Candidate(name.start, name.end, entry.type, "adjective", "ner", entry))
            continue
        if NOT_IN_A_NAME.search(surface) or NO_NAME_WORD.match(surface):
            continue
        start = name.start
        if verb := LEADING_VERB.match(surface):
            start, surface = start + verb.end(), surface[verb.end() :]
        entry = _kb_entry(kb, surface)
        label = "ORG" if entry is None and _club_name(kb, surface) else name.label
        found.append(Candidate(start, name.end, entry.type if entry else label, "name", "ner", entry))
    return found


def _club_name(kb: KnowledgeBase, surface: str) -> bool:
    """ "Partizan Belgrad", "Dynamo Kiew": a name the knowledge base does not know, made of a word
    that names no place followed by a city it knows, is a club or firm, whatever label the model
    gave it; the city inside is no mention of itself (nor of its country)."""
    words = surface.split()
    if len(words) != 2 or not all(w[:1].isupper() for w in words):
        return False
    city = [e for e, _ in kb.lookup(words[1]) if e.type == "LOC" and e.kind in ("city", "capital")]
    return bool(city) and not any(e.type == "LOC" for e, _ in kb.lookup(words[0]))


def _derived_from(kb: KnowledgeBase, word: str) -> KBEntry | None:
    """The entry a derived word names: the knowledge base's own adjectives and demonyms
    ("nordkoreanische"), else a place adjective in -er ("Berliner", "Kölner")."""
    matches = kb.lookup(word)
    if not matches and word[:1].isupper() and word.endswith("er") and len(word) > 5:
        matches = [m for m in kb.lookup(word[:-2]) if m[0].type == "LOC" and not m[0].weak]
    return matches[0][0] if matches else None


def pattern_candidates(text: str, segments: list[Segment], kb: KnowledgeBase) -> list[Candidate]:
    """Names found by patterns, segment by segment so that no name runs across glued debris
    ("Sabine GruberRaubling")."""
    found: list[Candidate] = []
    for segment in segments:
        for c in _pattern_candidates(segment.text, kb):
            found.append(
                Candidate(c.start + segment.start, c.end + segment.start, c.type, c.form, c.source, c.entry, c.role)
            )
    return found


def _pattern_candidates(text: str, kb: KnowledgeBase) -> list[Candidate]:
    found = []
    for m in ROLE_NAME.finditer(text):
        if m["name"].split()[0] in NOT_NAMES:
            continue
        entry = _kb_entry(kb, m["name"])
        if entry is None or entry.type == "PER":
            found.append(Candidate(m.start("name"), m.end("name"), "PER", "name", "rule", entry, m["role"]))
        elif entry.kind != "country" and " " not in m["name"]:
            # "Ministerin Spiegel", "Bürgermeister Kiel": the role says a person; the KB's magazine
            # or town yields (entities/institutions.yield_to_persons)
            found.append(Candidate(m.start("name"), m.end("name"), "PER", "name", "rule", None, m["role"]))
    given = first_names()
    for word in CAPITALISED.finditer(text):
        if word[0] not in given:
            continue
        person = PERSON_NAME.match(text, word.start())
        if person and (person["second"] is None or person["second"] in given):
            found.append(Candidate(person.start(), person.end(), "PER", "name", "rule", _kb_entry(kb, person[0])))
    for m in PLACE_NAME.finditer(text):
        entry = _kb_entry(kb, m["name"])
        found.append(Candidate(m.start("name"), m.end("name"), "LOC", "name", "rule", entry))
    for m in COLLECTIVE.finditer(text):
        found.append(Candidate(m.start("name"), m.end("name"), "OTH", "collective", "rule"))
    return found


def description_candidates(text: str, kb: KnowledgeBase) -> list[Candidate]:
    """Descriptions such as "das Bündnis" for an alliance; kept only if the article names it."""
    alliance = next((e for n in ALLIANCE_NAMES for e, _ in kb.lookup(n)), None)
    if alliance is None:
        return []
    return [
        Candidate(m.start("name"), m.end("name"), "ORG", "description", "rule", alliance)
        for m in DESCRIPTION.finditer(text)
    ]


def _kb_entry(kb: KnowledgeBase, surface: str) -> KBEntry | None:
    matches = kb.lookup(surface) or kb.lookup(surface.removesuffix("s"))
    return matches[0][0] if matches else None

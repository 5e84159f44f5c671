"""One entity per real-world thing: cluster the candidate mentions of an article.

Knowledge-base mentions cluster by their KB key, so "Nordkoreas", "nordkoreanische" and
"Demokratische Volksrepublik Korea" are one entity with ISO code PRK. Other names cluster by
normalised form, and a person's surname joins the full name mentioned elsewhere ("Keupp" →
"Michael Keupp"). Metonymy is flagged, not merged blindly: the Kremlin, and a capital used as
an actor ("Moskau warnt", "die Unterstützung Moskaus"), become mentions of the country flagged
`metonym`; a capital used as a place ("in Moskau") stays a city.
"""

from __future__ import annotations

import re
import unicodedata

from quellenlage.entities.institutions import institution_candidates, person_evidence, yield_to_persons
from quellenlage.entities.knowledge_base import KBEntry, KnowledgeBase, first_names, load_knowledge_base
from quellenlage.entities.mentions import (
    Candidate,
    description_candidates,
    knowledge_base_candidates,
    model_candidates,
    pattern_candidates,
)
from quellenlage.language import NameSpan
from quellenlage.model import Entity, Mention, Segment, Sentence
from quellenlage.spans import Cover, Occupancy, containing

WORD_RUN = re.compile(r"\w+")
LOCATIVE = re.compile(r"\b(?:in|nach|aus|bei|von|über|um|vor|bis|nahe|nördlich|südlich|westlich|östlich)\s*$")
SOURCE_PRIORITY = {"kb": 0, "rule": 1, "ner": 2}
LONGER_ROLE = re.compile(r"(?:\b(?:der|die|des|dem|den)\s+)?(?:[a-zäöüß]+(?:e|en|er)\s+)?$")


def resolve_entities(
    text: str, segments: list[Segment], sentences: list[Sentence], names: list[NameSpan]
) -> list[Entity]:
    """The entities of an article with all their mentions, in order of first mention."""
    kb = load_knowledge_base()
    # teasers and page furniture name other articles' people and places, not this article's
    kept = [s for s in segments if s.kind != "boilerplate"]
    if len(kept) != len(segments):
        starts, ends = [s.start for s in segments], [s.end for s in segments]
        names = [n for n in names if _kind_at(n.start, segments, starts, ends) != "boilerplate"]
    segments = kept
    common_nouns = frozenset(t.start for s in sentences for t in s.tokens if t.pos == "NOUN")
    after_article = _after_article_or_adjective(sentences)
    adjectives = frozenset(t.start for s in sentences for t in s.tokens if t.pos == "ADJ")
    model = [
        c
        for c in model_candidates(text, kb, names)
        if not _is_common_noun(text, c, after_article) and not _is_described_thing(text, c, adjectives)
    ]
    patterns = pattern_candidates(text, segments, kb)
    institutions = institution_candidates(text, segments, kb)
    inside = Occupancy(len(text))
    for c in institutions:
        inside.take(c.start, c.end)
    found = knowledge_base_candidates(text, segments, kb, names, common_nouns) + patterns + model
    found = [c for c in found if inside.is_free(c.start, c.end)]  # "Schweizer" in "Schweizer Geheimdienst"
    found = yield_to_persons(found, person_evidence(text, segments), patterns)
    candidates = _non_overlapping(
        text, _prefer_full_names(text, institutions + found + description_candidates(text, kb))
    )
    surnames = _surname_mentions(text, candidates)
    candidates = _non_overlapping(text, _towns_yield_to_surnames(text, candidates, surnames) + surnames)
    candidates = [_as_metonym(text, kb, c) for c in candidates]
    entities = [
        _entity(text, key, members)
        for key, members in _cluster(text, candidates)
        if any(c.form != "description" for c in members)  # "das Bündnis" alone names no alliance
    ]
    entities.sort(key=lambda e: e.mentions[0].start)
    for number, entity in enumerate(entities, 1):
        entity.id = f"e{number}"
    return entities


# Words the name model takes for names but that never are: days, times of day, currencies.
NOT_A_NAME = re.compile(
    r"^(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\w*|(?:Januar|Februar|März|April|Juni|Juli"
    r"|September|Oktober|November|Dezember)s?|Euro|Cent|Dollar|Franken|Pfund|Rubel|Yen|Prozent|Uhr)$"
)


def _after_article_or_adjective(sentences: list[Sentence]) -> frozenset[int]:
    """Starts of words that follow an article or an adjective: "die Rauchwolke", "ein Dorn",
    "Gefährliche Giftwolke". A person's name never does in news prose."""
    starts = set()
    for sentence in sentences:
        words = [t for t in sentence.tokens if t.pos != "PUNCT"]
        for before, word in zip(words, words[1:], strict=False):
            if before.pos in ("DET", "ADJ") and before.end < word.start:
                starts.add(word.start)
    return frozenset(starts)


def _is_common_noun(text: str, c: Candidate, after_article: frozenset[int]) -> bool:
    """A one-word name the model found that is an ordinary noun: a day or currency, or a word
    behind an article or adjective that no knowledge-base entry names ("die Rauchwolke",
    "an einem Streik-Tag"). Organisations keep theirs ("die Hamas" is in the KB anyway)."""
    surface = text[c.start : c.end]
    if NOT_A_NAME.match(surface):
        return True
    return c.entry is None and " " not in surface and c.type != "ORG" and c.start in after_article


def _is_described_thing(text: str, c: Candidate, adjectives: frozenset[int]) -> bool:
    """A "person" the model found that opens with an adjective the tagger reads as one, no first
    name ("Disqualifizierende Fouls" in a headline): a thing described, not a person named."""
    if c.type != "PER" or c.entry is not None or c.start not in adjectives:
        return False
    first = text[c.start : c.end].split()[0]
    return first not in first_names() and re.search(r"[a-zäöüß](?:e|en|er|es|em)$", first) is not None


def _kind_at(position: int, segments: list[Segment], starts: list[int], ends: list[int]) -> str | None:
    number = containing(starts, ends, position)
    return segments[number].kind if number is not None else None


def _prefer_full_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A part of a person's full name that the model found ("Jürgen" in "Jürgen R. Thumann",
    the Swiss town "Jens" in "Jens Nacke") is no mention of its own: the full name wins over
    the rules and the weak KB entries that would otherwise take precedence."""
    full_names = [
        c for c in candidates if c.source == "ner" and c.type in ("PER", "ORG") and " " in text[c.start : c.end]
    ]
    cover = Cover((n.start, n.end) for n in full_names)  # the model's names do not overlap: one covers, if any
    kept = []
    for c in candidates:
        covering = cover.covering(c.start, c.end)
        longer = full_names[covering] if covering is not None and full_names[covering] is not c else None
        weak = c.source == "rule" or (c.entry is not None and c.entry.weak) or (c.entry is None and c.type == "PER")
        if longer is not None and longer.type == "ORG":
            # a place inside an organisation's name is no mention of the place: "Partizan Belgrad",
            # "Europa League", "Universität Osnabrück" (a country's name stays: "Deutsche Bank" is in the KB)
            weak = c.entry is not None and c.entry.type == "LOC" and c.entry.kind != "country" and c.form == "name"
        if longer is not None and weak and (longer.start, longer.end) != (c.start, c.end):
            longer.role = longer.role or c.role
            continue
        kept.append(c)
    return kept


def _non_overlapping(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Prefer KB over rules over the model, then longer spans."""
    chosen: list[Candidate] = []
    occupied = Occupancy(len(text))
    by_span: dict[tuple[int, int], Candidate] = {}
    for c in sorted(candidates, key=lambda c: (SOURCE_PRIORITY[c.source], -(c.end - c.start), c.start)):
        if occupied.is_free(c.start, c.end):
            chosen.append(c)
            occupied.take(c.start, c.end)
            by_span[(c.start, c.end)] = c
        elif c.role and (same := by_span.get((c.start, c.end))) is not None and same.type == "PER":
            same.role = same.role or c.role  # a rule found a role for a name the KB found: keep it
    return sorted(chosen, key=lambda c: c.start)


def _surname_mentions(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Once "Sergej Wolkow" is named, a later "Wolkow" or "Wolkows" is the same person."""
    people: dict[str, Candidate] = {}
    for c in candidates:
        words = text[c.start : c.end].split()
        if c.type == "PER" and len(words) > 1 and len(words[-1]) >= 3 and words[-1][0].isupper():
            people.setdefault(words[-1], c)
    if not people:
        return []
    # not the full name itself; a surname the model found alone ("Kubicki sagte") is taken over
    named = Cover((c.start, c.end) for c in candidates if c.type == "PER" and " " in text[c.start : c.end].strip())
    return [
        Candidate(
            start,
            end,
            "PER",
            "genitive" if genitive else "surname",
            "rule",
            people[name].entry,
            cluster=_key(text, people[name]),
        )
        for start, end, name, genitive in _name_occurrences(text, set(people))
        if not named.covers(start, end)
    ]


def _towns_yield_to_surnames(text: str, candidates: list[Candidate], surnames: list[Candidate]) -> list[Candidate]:
    """Once "Jan van Aken" is named, a later "Aken" is his surname, not the town Aken the knowledge
    base knows, unless a preposition of place stands before it ("in Lauterbach"): a weak
    gazetteer reading never beats the article's own evidence of a person."""
    spans = {(c.start, c.end) for c in surnames}
    return [
        c
        for c in candidates
        if not (
            (c.start, c.end) in spans
            and c.entry is not None
            and c.entry.type == "LOC"
            and c.entry.kind != "country"
            and not LOCATIVE.search(text[max(0, c.start - 12) : c.start].lower())
        )
    ]


def _name_occurrences(text: str, names: set[str]) -> list[tuple[int, int, str, bool]]:
    """Where each name stands as a word of its own, maybe with a genitive s: (start, end, name,
    genitive), left to right, the longer name first where two start together. One pass over
    the words of the text for names that are one word ("Wolkow"), not a regex alternation of
    every name, whose cost grows with the names times the text; names with a hyphen or an
    apostrophe ("Ramos-Horta", "O'Brien") keep their regex."""
    plain = {name for name in names if WORD_RUN.fullmatch(name)}
    found = []
    for word in WORD_RUN.finditer(text):
        if word[0] in plain:
            found.append((word.start(), word.end(), word[0], False))
        elif word[0].endswith("s") and word[0][:-1] in plain:
            found.append((word.start(), word.end(), word[0][:-1], True))
    if len(plain) == len(names):
        return found
    others = sorted(names - plain, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, others)) + r")(s?)\b")
    found.extend((m.start(), m.end(), m[1], bool(m[2])) for m in pattern.finditer(text))
    found.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
    chosen: list[tuple[int, int, str, bool]] = []
    for hit in found:
        if not chosen or hit[0] >= chosen[-1][1]:
            chosen.append(hit)
    return chosen


def _as_metonym(text: str, kb: KnowledgeBase, c: Candidate) -> Candidate:
    entry = c.entry
    if entry is None:
        return c
    country_key = _country_key(entry.metonym_of) or (_capital_of(entry) if entry.kind == "city" else None)
    if country_key is None or (entry.metonym_of is None and LOCATIVE.search(text[max(0, c.start - 12) : c.start])):
        return c
    country = kb.by_key(country_key)
    if country is None:
        return c
    return Candidate(c.start, c.end, country.type, c.form, c.source, country, c.role, metonym=True)


def _capital_of(entry: KBEntry) -> str | None:
    return _country_key(entry.extra.get("capital_of"))


def _country_key(code: str | None) -> str | None:
    """KB data names countries by ISO alpha-3; their entries are keyed "country:XXX"."""
    if not code:
        return None
    return code if code.startswith("country:") else f"country:{code}"


def _cluster(text: str, candidates: list[Candidate]) -> list[tuple[str, list[Candidate]]]:
    clusters: dict[str, list[Candidate]] = {}
    for c in candidates:
        clusters.setdefault(_key(text, c), []).append(c)
    _join_surnames(clusters)
    return list(clusters.items())


def _key(text: str, c: Candidate) -> str:
    if c.cluster is not None:
        return c.cluster
    if c.entry is not None:
        return c.entry.key
    return f"{c.type.lower()}:{normalise_name(text[c.start : c.end])}"


# The regnal number after a monarch's or pope's name: "Charles III.", "Leo XIV."
# ("Wang Li", "Xi" are no numbers: one letter or "xi" only with its dot).
REGNAL_NUMBER = re.compile(r"(?:ii|iii|iv|vi|vii|viii|ix|xii|xiii|xiv|xv|xvi)\.?|(?:i|v|x|xi)\.")


def _join_surnames(clusters: dict[str, list[Candidate]]) -> None:
    """One person, one entity: full names that differ only in a short form of the first name
    ("Alex Wynaendts", "Alexander Wynaendts") are one, and a one-word name (also in the
    genitive, "Maduros") joins the only full name ending with it (or with it and a regnal number,
    "Charles III."), whatever type the model gave
    that full name ("Guershon Yabusele" as OTH, "Yabusele" as PER), or ending with it misspelt by
    one letter in a long name ("Calvert-Lewis", "Dominic Calvert-Lewin")."""
    full_names: dict[str, list[str]] = {}
    for key in clusters:
        kind, _, name = key.partition(":")
        if kind in ("per", "oth", "loc", "org") and " " in name:
            words = name.split()
            if REGNAL_NUMBER.fullmatch(words[-1]):  # "Charles III." is "Charles"
                words = words[:-1]
            full_names.setdefault(words[-1], []).append(key)
    for surname, keys in full_names.items():
        persons = [k for k in keys if k.startswith("per:")] or keys
        longest = max(persons, key=len)
        for key in persons:
            if key != longest and _short_form(key.partition(":")[2], longest.partition(":")[2]):
                clusters[longest].extend(clusters.pop(key))
        full_names[surname] = [k for k in keys if k in clusters]
    for key in [k for k in clusters if k.startswith("per:") and " " not in k]:
        name = key.removeprefix("per:")
        targets = full_names.get(name) or (full_names.get(name[:-1], []) if name.endswith("s") else [])
        if len(targets) == 1:
            clusters[targets[0]].extend(clusters.pop(key))
    by_length: dict[int, list[str]] = {}  # one letter apart: the same length or one more or less
    for surname in full_names:
        by_length.setdefault(len(surname), []).append(surname)
    for key in [k for k in clusters if k.partition(":")[0] in ("per", "loc", "oth") and " " not in k]:
        name = key.partition(":")[2]
        if len(name) < MISSPELT_MIN:
            continue
        surnames = [s for size in (len(name) - 1, len(name), len(name) + 1) for s in by_length.get(size, [])]
        near = [k for surname in surnames if _one_letter_apart(name, surname) for k in full_names[surname]]
        persons = [k for k in near if k.startswith("per:") and k in clusters]
        if len(persons) == 1:  # "Calvert-Lewis" (the model's place) for "Dominic Calvert-Lewin"
            clusters[persons[0]].extend(clusters.pop(key))


# A one-word name this long that differs by one letter from the surname of the only full name
# near it is that name misspelt: two people with such names in one article are rarer than a typo.
MISSPELT_MIN = 9


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _short_form(short: str, full: str) -> bool:
    """ "alex wynaendts" of "alexander wynaendts": same surname, a first name that begins the other."""
    first, _, last = short.rpartition(" ")
    full_first, _, full_last = full.rpartition(" ")
    return last == full_last and len(first) >= 2 and full_first.startswith(first)


def normalise_name(surface: str) -> str:
    """The document-independent form of a name: NFC, single spaces, casefolded, no genitive."""
    name = " ".join(unicodedata.normalize("NFC", surface).split()).strip(" .,;:\"'„“")
    if name.endswith("'"):
        name = name[:-1]
    return name.casefold()


def _entity(text: str, key: str, members: list[Candidate]) -> Entity:
    entry = next((c.entry for c in members if c.entry is not None and c.entry.key == key), None)
    names = [text[c.start : c.end] for c in members if c.form in ("name", "surname")]
    name = entry.name if entry else max(names or [text[members[0].start : members[0].end]], key=len)
    entity_type = entry.type if entry else _majority_type(members)
    roles = sorted({c.role for c in members if c.role})
    return Entity(
        id="",
        key=key,
        name=name,
        type=entity_type,
        kind=entry.kind if entry else None,
        country=entry.country if entry and entry.kind == "country" else None,
        located_in=entry.country if entry and entry.kind != "country" else None,
        ids=dict(entry.ids) if entry else {},
        roles=roles,
        mentions=[
            Mention(
                start=c.start, end=c.end, text=text[c.start : c.end], form=c.form, source=c.source, metonym=c.metonym
            )
            for c in sorted(members, key=lambda c: c.start)
        ],
    )


def _majority_type(members: list[Candidate]) -> str:
    if any(c.form in ("surname", "genitive") and c.type == "PER" for c in members):
        return "PER"  # a surname standing alone was taken for a person's: the full name is one too
    counts: dict[str, int] = {}
    for c in members:
        counts[c.type] = counts.get(c.type, 0) + 1 + (c.source == "rule")
    return max(counts, key=lambda t: counts[t])

"""Who supplies a figure that stands in no attributed quotation.

Most figures get their source from the quotation they stand in ("laut X", "X zufolge", "sagte
X"). Others are given by frames that are no quotation: a study or data set of someone
("Bei einer Marktbefragung des RMV hat sich gezeigt, dass 24 Prozent …", "Daten des Statistischen
Bundesamts zeigen:"), a report named in a "wie X berichtete" aside, or a word that points back to a
source named before ("demnach", "Die Daten zeigen auch:", "dem Bericht zufolge"). A frame that ends
in a colon gives its source to the rest of its paragraph.

Only a frame that names an entity gives a source: a wrong source is worse than none.

Failing these, the actor of the number's clause is its source (`clause_source`): "Der Deutsche
Wetterdienst hatte bis zu 140 Liter gemessen", "Die Stadt Magdeburg hatte etwa 400 Anwohner in
Sicherheit gebracht": whoever counts, estimates, measures, decides or does what the number counts;
a person only when saying, estimating or counting it ("Wynaendts soll weitere vier Jahre den
Aufsichtsrat anführen" names no source).
A clause whose subject is the counted thing itself ("Rund 1.800 Beamte waren im Einsatz") or a
thing that cannot speak ("Die Zahl der Toten liegt bei neun") names none, and neither does a
subject that receives or reaches the number ("Die SPD kam in der Umfrage auf 15 Prozent", "Er
erhielt eine Zustimmung von 97,84%", "Der VfB gewann vor 60.000 Zuschauern"): the number
measures the subject, someone else counted it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quellenlage.attribution.actors import Actor, to_source
from quellenlage.attribution.cues import is_reporting_verb
from quellenlage.attribution.reports import AS_REPORTED, REPORT_SPEAKER
from quellenlage.attribution.speaker_nouns import SPEAKER_NOUN
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.entities.index import EntityIndex
from quellenlage.entities.knowledge_base import first_names
from quellenlage.model import Entity, Segment, Sentence, SourceRef, Span
from quellenlage.patterns import either_case

# A source noun, also as the head of a compound ("Marktbefragung", "Verkaufszahlen")
SOURCE_NOUN = (
    "(?:[A-ZÄÖÜ][a-zäöüß]*)?(?:"
    + either_case(
        "umfrage befragung studie untersuchung erhebung daten zahlen statistik bericht(?:e[ns]?|s)? analyse "
        "auswertung schätzung(?:en)? berechnung(?:en)? angaben recherche prognose hochrechnung mitteilung "
        "erklärung urteil[s]? papier[s]? dokument[s]? einschätzung auffassung"
    )
    + ")"
)
# "Daten des Statistischen Bundesamts", "einer Marktbefragung des RMV", "nach Schätzungen von X"
OWNED_FRAME = re.compile(
    rf"\b{SOURCE_NOUN}\s+(?:des|der|von|vom)\s+(?P<who>[^,.;:()]{{2,90}}?)"
    r"(?=\s+(?:zeig\w*|ergab|ergibt|ergaben|belegt|belegen|spricht|sprach|kommt|kam|geht|ging|hervor|hat|haben|legt"
    r"|liegt|lag)\b|[,.;:()]|$)"
)
# Words that point back to a source named before
POINTS_BACK = re.compile(
    r"\b(?:[Dd]emnach|[Dd]ie(?:se)?\s+(?:Daten|Zahlen|Statistik|Studie|Umfrage|Untersuchung|Auswertung)\s+"
    r"(?:zeig\w*|belegen|belegt|ergab\w*)|(?:[Dd]em|[Dd]iesem|[Dd]er)\s+(?:Bericht|Studie|Umfrage|Untersuchung)\w*"
    r"\s+zufolge|[Ll]aut\s+(?:dem|der|diesem|dieser)\s+(?:Bericht|Studie|Umfrage|Recherche|Untersuchung)\w*)"
)
SOURCE_TYPES = frozenset({"ORG", "PER", "LOC"})
LOOK_BACK = 8  # sentences: how far a source named before is still the one a "demnach" means


@dataclass
class Found:
    entity: Entity
    mention: Span


class FigureSources:
    """Walks the sentences in order and tells each one the source its figures have, if any."""

    def __init__(self, text: str, segments: list[Segment], sentences: list[Sentence], index: EntityIndex):
        self._text = text
        self._index = index
        self._by_sentence: dict[int, Found] = {}
        self._reports: dict[int, Found] = {}  # sentence → the medium last named as reporting
        last: tuple[int, Found] | None = None
        last_report: tuple[int, Found] | None = None
        paragraph_source: tuple[int, Found] | None = None  # (segment, source) of a frame ending in ":"
        for number, sentence in enumerate(sentences):
            own = self._named_in(sentence.start, sentence.end)
            report = self._named_in(sentence.start, sentence.end, (AS_REPORTED,))
            if report is not None:
                last_report = (number, report)
            if last_report is not None and number - last_report[0] <= LOOK_BACK:
                self._reports[number] = last_report[1]
            back = POINTS_BACK.search(text, sentence.start, sentence.end)
            found = own
            if found is None and back and last is not None and number - last[0] <= LOOK_BACK:
                found = last[1]
            if found is None and paragraph_source is not None and paragraph_source[0] == sentence.segment:
                found = paragraph_source[1]
            if found is not None:
                self._by_sentence[number] = found
                if _opens_with_colon(text, sentence, own, back):
                    paragraph_source = (sentence.segment, found)
            if own is not None:
                last = (number, own)
            elif paragraph_source is not None and paragraph_source[0] != sentence.segment:
                paragraph_source = None

    def for_sentence(self, number: int) -> SourceRef | None:
        found = self._by_sentence.get(number)
        if found is None:
            return None
        return SourceRef(id=found.entity.id, name=found.entity.name, mention=found.mention, confidence=0.7)

    def resolve_document(self, speaker: SourceRef | None, number: int) -> SourceRef | None:
        """A speaker that is a report without its owner ("laut der investigativen Recherche") is
        the medium named as reporting shortly before ("wie der britische Sender BBC berichtete")."""
        if speaker is None or speaker.id is not None or not REPORT_SPEAKER.match(speaker.name):
            return speaker
        found = self._reports.get(number)
        if found is None:
            return speaker
        return SourceRef(id=found.entity.id, name=found.entity.name, mention=found.mention, confidence=0.7)

    def _named_in(
        self, start: int, end: int, patterns: tuple[re.Pattern[str], ...] = (OWNED_FRAME, AS_REPORTED)
    ) -> Found | None:
        for pattern in patterns:
            for match in pattern.finditer(self._text, start, end):
                entity_mention = next(
                    (
                        (m, e)
                        for m, e in self._index.within(match.start("who"), match.end("who"), actors_only=True)
                        if e.type in SOURCE_TYPES
                    ),
                    None,
                )
                if entity_mention is not None:
                    mention, entity = entity_mention
                    return Found(entity, Span(start=mention.start, end=mention.end, text=mention.text))
        return None


def _opens_with_colon(text: str, sentence: Sentence, own: Found | None, back: re.Match[str] | None) -> bool:
    """A frame before a colon ("Daten des X zeigen:", "Die Daten zeigen auch:") speaks for the
    rest of its paragraph."""
    if text[sentence.start : sentence.end].rstrip().endswith(":"):
        return True
    frame_end = back.end() if back else own.mention.end if own else sentence.start
    return re.match(r"[^.:;!?]{0,30}:", text[frame_end : sentence.end]) is not None


# Punctuation that closes a clause inside a sentence (a comma only before a space, so that
# "1,5 Millionen" stays whole).
CLAUSE_BREAK = re.compile(r",\s|;\s|:\s|\s[–-]\s|\(|\)")
NOUN = re.compile(r"[A-ZÄÖÜ][\w-]*")
NOT_NOMINATIVE_BEFORE = re.compile(r"\b(?:dem|den|des|einem|eines|[\wäöüß]+em)\s+$")
# Nouns that make a phrase name a body that can be a source; a place names one only with such a
# noun ("Die Stadt Magdeburg"), not alone ("in Rostock und Greifswald", "an der Küste"), and "Die
# Zahl der Todesopfer" names none.
BODY_NOUNS = either_case(
    "stadt gemeinde landkreis landratsamt kreis freistaat senat amt dienst betreiber versicherer betrieb "
    "werke? klinik schule universität hochschule haus netz"
)
BODY_HEAD = re.compile(rf"(?:{SPEAKER_NOUN}|[\w-]*(?:{BODY_NOUNS}|GmbH|AG|SE))$")


# Verbs whose subject is what the number measures, not who supplies it: results, votes, scores,
# receipts ("erreichte 30 Prozent", "kam auf 15 Prozent", "liegt bei 12 Prozent")
RESULT_VERB = re.compile(
    r"\b(?:erreich(?:t|te|ten|en)|k(?:ommt|ommen|am|amen)\s+(?:[\w-]+\s+){0,5}?auf"
    r"|erhiel(?:t|ten)|erhält|erhalten|bek(?:ommt|ommen|am|amen)|gewinn(?:t|en)|gewann(?:en)?|verl(?:iert|ieren|or|oren)"
    r"|erziel(?:t|te|ten|en)|l(?:iegt|iegen|ag|agen)\s+(?:[\w-]+\s+){0,5}?bei|landete[n]?|büßt(?:e|en)?|verbuchte[n]?"
    r"|bietet|bieten|fährt|fahren|kostet|kosten|misst|wiegt|zählt\s+(?:[\w-]+\s+){0,3}?zu)\b"
)


def clause_around(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[int, int]:
    """The stretch of the sentence between the punctuation before [start, end) and after it."""
    left = sentence_start
    for m in CLAUSE_BREAK.finditer(text, sentence_start, start):
        left = m.end()
    right_match = CLAUSE_BREAK.search(text, end, sentence_end)
    return left, right_match.start() if right_match else sentence_end


def clause_source(
    resolver: SpeakerResolver, text: str, start: int, end: int, sentence_start: int, sentence_end: int
) -> SourceRef | None:
    """The subject of the clause around text[start:end] when it stands before the number (so
    it is not the counted phrase itself) and names a person or a body."""
    left, right = clause_around(text, start, end, sentence_start, sentence_end)
    actor, mention = resolver.subject_near(left, right)
    if actor is None or mention is None or mention.end > start:
        return None
    named = [m.start for m, _ in resolver.index.within(mention.start, mention.end)] or [mention.start]
    if any(NOT_NOMINATIVE_BEFORE.search(text, max(0, at - 20), at) for at in [mention.start, *named]):
        return None  # "zwischen Reichstagsgebäude und Großem Stern": a dative, no subject
    if not _names_a_body(actor, mention, resolver.index):
        return None
    if RESULT_VERB.search(text, mention.end, start):
        return None  # "Die CDU erreichte 30 Prozent": the number measures the subject
    if _is_person(actor, resolver.index) and not _gives_a_figure(text[mention.end : right]):
        return None  # "Alexander Wynaendts soll weitere vier Jahre den Aufsichtsrat anführen"
    return to_source(actor, mention)


# Verbs with which a person gives a figure rather than does what it counts
FIGURE_VERB = re.compile(
    r"\b(?:schätz\w*|zählt\w*|beziffer\w*|bilanzier\w*|kalkulier\w*|rechne[nt]?\w*\s+(?:[\w-]+\s+){0,4}?mit"
    r"|gehen?\s+(?:[\w-]+\s+){0,4}?von|ging(?:en)?\s+(?:[\w-]+\s+){0,4}?von|nannte\w*|nennt|nennen)\b"
)


def _is_person(actor: Actor, index: EntityIndex) -> bool:
    """An entity that is certainly a person: typed so and named with a first name ("Alexander
    Wynaendts"); a firm the name model takes for a person ("Rexford") stays a body."""
    first = actor[0] if isinstance(actor, list) else actor
    entity = index.get(first.id) if first is not None and first.id else None
    if entity is None or entity.type != "PER":
        return False
    return entity.name.split()[0] in first_names()


def _gives_a_figure(words: str) -> bool:
    """A person is the source of a number only when saying, estimating or counting it: a person
    who does what the number counts (leads for four years, scores two goals) supplies nothing."""
    return FIGURE_VERB.search(words) is not None or any(is_reporting_verb(w) for w in re.findall(r"[\wäöüß]+", words))


def _names_a_body(actor: Actor, mention: Span, index: EntityIndex) -> bool:
    first = actor[0] if isinstance(actor, list) else actor
    if first is None:
        return False
    entity = index.get(first.id) if first.id else None
    if entity is not None and entity.type in ("PER", "ORG"):
        return True
    return any(BODY_HEAD.fullmatch(noun) for noun in NOUN.findall(mention.text))

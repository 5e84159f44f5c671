"""Which words of a frame make up its cue: the speech word ("sagte", "laut", "hieß") and the
other pieces of a German verb cue as the Wikinews annotation counts them ("teilte … mit", "hat …
erklärt", "sprach von", "ist der Meinung")."""

from __future__ import annotations

import re

from quellenlage.attribution.clauses import PASSIVE_AUXILIARIES
from quellenlage.attribution.cues import is_reporting_verb
from quellenlage.model import Span

CUE_WORDS = frozenset({"laut", "zufolge", "gemäß", "nach", "demnach", "wonach", "hieß", "heißt", "so"})


# What a study or an investigation yields: "Wie eine Studie ergab, …", "wie aus dem Bericht hervorgeht".
FINDING_VERBS = frozenset({"ergab", "ergaben", "ergibt", "ergeben", "hervorgeht", "hervorging", "hervorgehen"})


# The longest frame without a speech word that is its own cue: an attribution line.
ATTRIBUTION_LINE_WORDS = 4


def cue_in(frame: Span | None) -> Span | None:
    """The speech word of a frame: the reporting verb, "laut", "zufolge", "hieß"; a short frame
    without one (an attribution line, "Selenskyj:") is its own cue, a longer one has none."""
    if frame is None:
        return None
    words = list(re.finditer(r"[\w-]+", frame.text))
    cue = next((w for w in words if w[0][0].islower() and (is_reporting_verb(w[0]) or w[0] in FINDING_VERBS)), None)
    cue = cue or next((w for w in words if w[0].lower() in CUE_WORDS), None)
    if cue is None:  # an attribution line ("Selenskyj:") is its own cue; a long frame has none we know
        return frame if len(words) <= ATTRIBUTION_LINE_WORDS else None
    start = frame.start + cue.start()
    return Span(start=start, end=start + len(cue[0]), text=cue[0])


# The other pieces of a German verb cue, as the Wikinews annotation counts them: the separable
# particle at the end of the frame ("teilte … mit"), the auxiliary of a participle ("hat …
# erklärt"; a finite verb has none), the reflexive ("äußerte sich"), the pronominal adverb
# ("wies darauf hin"), the impersonal "es" ("heißt es"), the "wie" of a wie-clause and the
# participle of a passive ("ist bekannt gegeben worden").
CUE_PARTICLES = frozenset(
    {"mit", "an", "auf", "bekannt", "fest", "hin", "aus", "ab", "zurück", "ein", "vor", "zu", "hervor", "dar", "bei"}
    | {"klar", "hinzu"}
)

PASSIVE_PARTICIPLES = frozenset({"worden", "geworden"})


# How far an auxiliary may stand from its participle and still count to the cue ("wird … zitiert").
AUXILIARY_REACH = 6

CUE_AUXILIARIES = frozenset({"hat", "haben", "hatte", "hatten", "wird", "wurde", "wurden", "werden", "ist", "war"})

CUE_ADVERBS = frozenset({"sich", "darauf", "davon", "darüber", "dafür", "dazu", "daran"})


# Verbs that label something "als …": the "als" is part of their cue ("wies den Vorwurf als … zurück").
LABELLING_VERB = re.compile(r"(?:bezeichn|würdig|wies|weist|zurückgewiesen)", re.IGNORECASE)


# Verbs that take an impersonal "es" as part of the cue ("heißt es", "hatte es geheißen").
IMPERSONAL_CUES = frozenset({"heißt", "hieß", "hieße", "geheißen"})


def cue_parts_in(frame: Span | None, cue: Span | None) -> list[Span]:
    """The words besides `cue` that make up its verb in the frame (see CUE_PARTICLES)."""
    if frame is None or cue is None or cue == frame or not (frame.start <= cue.start < frame.end):
        return []
    words = list(re.finditer(r"[\w-]+", frame.text))
    position = next((i for i, w in enumerate(words) if frame.start + w.start() == cue.start), None)
    if position is None or not (cue.text[:1].islower() or cue.text in OPINION_HEADS):
        return []
    parts = []
    finite = cue.text.endswith(("te", "ten")) or cue.text in IMPERSONAL_CUES - {"geheißen"}
    opinion = _opinion_phrase(words, position)
    # a separable verb frames its adverb anywhere before the particle ("geht … davon aus")
    closed_by_particle = words[-1][0].lower() in CUE_PARTICLES and len(words) - 1 > position
    for i, word in enumerate(words):
        lowered = word[0].lower()
        if i == position:
            continue
        if (
            (lowered in CUE_AUXILIARIES and abs(i - position) <= AUXILIARY_REACH and not finite)
            or (lowered in CUE_ADVERBS and 0 < i - position <= (len(words) if closed_by_particle else 3))
            or (lowered in CUE_PARTICLES and i == len(words) - 1 and i > position)
            or (lowered == "es" and cue.text in IMPERSONAL_CUES and abs(i - position) <= 2)
            or (lowered == "wie" and i == 0)  # "Wie die Polizei mitteilte"
            or (lowered == "als" and i > position and LABELLING_VERB.match(cue.text))  # "bezeichnete es als"
            or (i > position and i == _governed_preposition(words, position, cue.text))  # "sprach von", "warnte vor"
            or (word[0] == "so" and i == position - 1)  # "…, so urteilte Romney"
            # "Es wird vermutet": the impersonal subject of a passive
            or (lowered == "es" and i < position and words[i + 1][0].lower() in PASSIVE_AUXILIARIES)
            or (lowered in PASSIVE_PARTICIPLES and 0 < i - position <= 2 and not finite)  # "bekannt gegeben worden"
            or i in opinion
        ):
            start = frame.start + word.start()
            parts.append(Span(start=start, end=start + len(word[0]), text=word[0]))
    return parts


# The preposition a verb of saying governs, which the annotation counts to its cue ("sprach von
# einer Krise", "warnte vor den Folgen", "begründete dies mit", "wandte sich an").
GOVERNED_PREPOSITIONS = (
    (re.compile(r"(?:sprach|sprech|sprich|gesproch)"), ("von",)),
    (re.compile(r"(?:warn|gewarnt)"), ("vor", "davor")),
    (re.compile(r"(?:begründ)"), ("mit", "damit")),
    (re.compile(r"(?:wandt|wend|gewandt)"), ("an",)),
    (re.compile(r"(?:verwies|verweis)"), ("auf", "darauf")),
)


# Verbs that hold an opinion noun: "ist der Meinung", "vertritt die These", "teilen die Ansicht".
OPINION_VERBS = frozenset({"ist", "sind", "war", "waren", "sei", "seien", "vertritt", "vertreten", "vertrat"})

OPINION_VERBS |= frozenset({"vertraten", "teilt", "teilen", "teilte", "teilten"})


def _opinion_phrase(words: list[re.Match[str]], position: int) -> set[int]:
    """The words of "ist der (gegenteiligen) Meinung" around a cue that is its verb or its noun."""
    texts = [w[0] for w in words]
    if texts[position] in OPINION_HEADS:
        verb = next((i for i in range(position - 1, max(-1, position - 5), -1) if texts[i] in OPINION_VERBS), None)
        return set(range(verb, position)) if verb is not None else set()
    if texts[position] in OPINION_VERBS:
        noun = next((i for i in range(position + 1, min(len(texts), position + 5)) if texts[i] in OPINION_HEADS), None)
        return set(range(position + 1, noun + 1)) if noun is not None else set()
    return set()


def _governed_preposition(words: list[re.Match[str]], position: int, verb: str) -> int | None:
    """Index of the first preposition after the verb that the verb governs, if any."""
    wanted = next((p for pattern, p in GOVERNED_PREPOSITIONS if pattern.match(verb.lower())), ())
    return next((i for i in range(position + 1, len(words)) if words[i][0].lower() in wanted), None)


# Nouns of opinion before a dass-clause: "ist der Meinung, dass", "vertritt die Auffassung, dass".
OPINION_NOUNS = frozenset({"Meinung", "Ansicht", "Auffassung", "Überzeugung"})

OPINION_HEADS = OPINION_NOUNS | {"These", "Position", "Standpunkt"}

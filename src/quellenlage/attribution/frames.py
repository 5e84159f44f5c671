"""The shared sentence and frame helpers of the finders: spans, clause starts, reporting verbs,
"so"-frames, the frame a next sentence gives ("Das sagte X."), and whom a frame names as speaker
(the subject, or the author of the document in "heißt es in …")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from quellenlage.attribution.actors import Actor, unnamed
from quellenlage.attribution.clauses import CONDITIONAL_FORMS, is_reported, is_subjunctive
from quellenlage.attribution.cues import SAID_IN, SO_FRAME, is_finite_verb, is_reporting_verb
from quellenlage.attribution.marks import CLOSING_QUOTES, OPENING_QUOTES, quoted_spans
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.model import Sentence, Span, Token

# A sentence after a quotation that names its speaker: "Das sagte der GDL-Vorsitzende …"
EMERGES_FROM = re.compile(r"\baus\s+(?P<source>[^.;:]{2,120}?),?\s+hervor\b")

POINTS_BACK = frozenset({"Das", "Dies", "So", "Diese", "Dieses"})

NAMING = re.compile(r"(?:nannte|nennt|nennen|nannten|genannt|bezeichne|bezeichnet)")


class NextFrame(NamedTuple):
    """A next sentence that reports without quoting: who speaks, where it names them, its frame
    and speech verb, and whether it points back ("Das sagte X.")."""

    speaker: Actor
    mention: Span | None
    frame: Span
    points_back: bool
    verb: Token


def frame_in_next(text: str, following: Sentence | None, speakers: SpeakerResolver) -> NextFrame | None:
    """The frame a next sentence gives when it reports without quoting; it points back when
    the subject follows the verb ("Das sagte X.")."""
    if following is None or quoted_spans(text, following.start, following.end):
        return None
    tokens = following.tokens
    verb = next((t for i, t in enumerate(tokens) if is_cue_verb(tokens, i)), None)
    if verb is None:
        return None
    # "Das sagte X." / "Dies geht aus einer Meldung hervor.": the subject follows the verb; not
    # "So berichtete X, er warte auf Rettung.", which gives its own reported words
    own_words = any(
        t.text == "," and is_reported(tokens[i + 1 :]) for i, t in enumerate(tokens) if t.start > verb.start
    )
    points_back = tokens[0].text in POINTS_BACK and verb in tokens[1:4] and not own_words
    speaker, mention = speakers.subject_near(verb.end if points_back else following.start, following.end)
    document = EMERGES_FROM.search(text, following.start, following.end)
    if document is not None:  # "Dies geht aus einer Meldung der dpa hervor.": the document speaks
        mention = span_at(text, document.start("source"), document.end("source"))
        speaker = speakers.in_span(mention.start, mention.end) or unnamed(mention.text)
    if points_back:  # the whole clause after the pointer: "Dies bestätigte X am Abend in Berlin."
        frame = to_sentence_end(text, following.start, following)
    else:
        frame = trimmed_span(text, following.start, max(mention.end if mention else 0, verb.end))
    return NextFrame(speaker, mention, frame, points_back, verb)


def find_so_frame(text: str, sentence: Sentence, start: int) -> re.Match[str] | None:
    """ "…, so der Sprecher." closing the sentence; not "…, so wurde der Hafen geschlossen",
    where "so" opens a clause with its own finite verb."""
    match = SO_FRAME.search(text, start, sentence.end)
    if match is None:
        return None
    source = [t for t in sentence.tokens if match.start("source") <= t.start < match.end("source")]
    return None if any(is_finite_verb(t) for t in source) else match


# Nouns of what was said: a "so"-frame naming one gives the words of whoever said it last
# ("Das Gesetz stimme nicht mit den Werten der EU überein, so die Warnung.").
SPEECH_WORD = re.compile(
    r"(?:(?:de[rmns]|die|das|eine[rm]?)\s+)?(?:[a-zäöüß][\w-]*\s+)?[\w-]*(?:Warnung|Erklärung|Mitteilung|Begründung"
    r"|Botschaft|Forderung|Kritik|Einschätzung|Argumentation|Darstellung|Stellungnahme|Aussage|Antwort)(?:en)?"
)


def so_source(
    text: str, so_frame: re.Match[str], speakers: SpeakerResolver, state: QuoteState
) -> tuple[Actor, Span | None]:
    """Who a "so"-frame names: its subject ("so der Sprecher"), or for a noun of what was said
    ("so die Warnung") the document or speaker named last."""
    if SPEECH_WORD.fullmatch(so_frame["source"].strip()):
        return state.last_document_speaker or state.latest_actor(), None
    speaker, mention = speakers.subject_near(so_frame.start("source"), so_frame.end())
    if speaker is None:  # "so die Gebag", a body the entities do not know: the noun phrase names it
        named = SO_NOUN_PHRASE.fullmatch(text, so_frame.start("source"), so_frame.end("source"))
        if named is not None:
            mention = span_at(text, named.start("phrase"), named.end("phrase"))
            speaker = unnamed(mention.text)
    return speaker, mention


# The source of a "so"-frame as a short noun phrase: "die Gebag", "der Veranstalter"
SO_NOUN_PHRASE = re.compile(r"(?:(?:de[rmns]|die|das)\s+)?(?P<phrase>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){0,2})\s*")


def frame_speaker(
    text: str, start: int, end: int, speakers: SpeakerResolver, state: QuoteState
) -> tuple[Actor, Span | None]:
    """The speaker a frame in [start, end) names: the document of "heißt es in …", else the subject."""
    said_in = SAID_IN.search(text, start, end)
    if said_in:
        return document_source(text, said_in, speakers, state)
    return speakers.subject_near(start, end)


def document_source(
    text: str, said_in: re.Match[str], speakers: SpeakerResolver, state: QuoteState
) -> tuple[Actor, Span | None]:
    """The document of "heißt es in der Erklärung des Bündnisses" / "Im Bericht heißt es":
    its author is the speaker, the document phrase the speaker's mention. A document named
    without its author ("in der Erklärung") is the last document's, else the last speaker's."""
    group = "source" if said_in["source"] else "before"
    mention = trimmed_span(text, said_in.start(group), said_in.end(group))
    author = speakers.in_span(mention.start, mention.end)
    if author:
        state.last_document_speaker = author
        return author, mention
    if (
        group == "source"
        and AT_SOMEBODY.search(text, said_in.start(), said_in.start(group))
        and mention.text[:1].isupper()
    ):
        return unnamed(mention.text), mention  # "hieß es bei der Güterbahn Mitte": who, not a document
    return state.last_document_speaker or state.last_speaker, mention


# "hieß es bei der Güterbahn Mitte": "bei" names who said it, even one that no entity stands for.
AT_SOMEBODY = re.compile(r"\bbei\s+(?:de[mnr]\s+|die\s+|das\s+)?$")


# Verbs that report only with a particle or pronoun nearby: "geht davon aus, dass …", "stellte
# fest, dass …", "zeigte sich überzeugt, dass …", "geht aus dem Bericht hervor, dass …".
PARTICLE_REACH = 20

PARTICLE_CUES = {
    ("geht", "ging", "gehen", "gingen"): ("davon", "von", "hervor"),
    ("stellte", "stellt", "stellten", "stellen"): ("fest",),
    ("zeigte", "zeigt", "zeigten", "zeigen"): ("sich",),
}


def is_cue_verb(tokens: list[Token], i: int) -> bool:
    """A verb of saying, alone or with its particle ("sagte", "geht … hervor").

    Asked of every word of every sentence, so the cheap tests come first and the lists are looked
    up by word form (PARTICLES_OF, COMPANIONS_OF) instead of scanned."""
    word = tokens[i].text
    if not word[0].islower():
        return False
    if not (is_reporting_verb(word, tokens[i].lemma) or _particle_cue(tokens, i)):
        return False
    return _companion_near(tokens, i)


# Verbs that report only with the verb they govern: "ließ verlauten", "lässt mitteilen" (not
# "ließen sich 855 Euro sparen").
COMPANION_CUES = {
    ("ließ", "ließen", "lässt", "lassen", "läßt"): ("verlauten", "mitteilen", "wissen", "ausrichten", "erklären"),
}
# The same lists by word form.
COMPANIONS_OF = {verb: companions for verbs, companions in COMPANION_CUES.items() for verb in verbs}
PARTICLES_OF = {verb: particles for verbs, particles in PARTICLE_CUES.items() for verb in verbs}


def _companion_near(tokens: list[Token], i: int) -> bool:
    """False for a verb that needs its companion (see COMPANION_CUES) and has none in reach."""
    companions = COMPANIONS_OF.get(tokens[i].text.lower())
    return companions is None or any(t.text.lower() in companions for t in tokens[i + 1 : i + PARTICLE_REACH])


def _particle_cue(tokens: list[Token], i: int) -> bool:
    """A reporting verb made of a verb and its particle (see PARTICLE_CUES)."""
    particles = PARTICLES_OF.get(tokens[i].text)
    # the particle closes the clause, past a relative clause on the source ("geht aus einer
    # Meldung der dpa, die … verbreitet wurde, hervor")
    return particles is not None and any(t.text in particles for t in tokens[i + 1 : i + PARTICLE_REACH])


def start_of_clause(tokens: list[Token], verb: int) -> int:
    """Index of the first token of the clause holding the verb (after a sentence-internal
    boundary such as a closing quotation, a semicolon or a colon)."""
    for i in range(verb - 1, -1, -1):
        if tokens[i].text in (";", ":") or (tokens[i].text in CLOSING_QUOTES and not _quoted_name(tokens, i)):
            return i + 1
    return 0


def in_reported_clause(tokens: list[Token], verb: int) -> bool:
    """Whether the clause holding `verb` is itself in the Konjunktiv I: its first finite verb."""
    start = start_of_clause(tokens, verb)
    finite = next((t for t in tokens[start : verb + 1] if is_finite_verb(t)), None)
    return finite is not None and is_subjunctive(finite) and not finite.text.lower().startswith(CONDITIONAL_FORMS)


def _quoted_name(tokens: list[Token], closing: int) -> bool:
    """Whether the quotation closing at `closing` is a short quoted name ("die Zeitung „Yemen
    Observer“ berichtet"), part of the clause rather than a boundary."""
    opening = next((i for i in range(closing - 1, max(-1, closing - 6), -1) if tokens[i].text in OPENING_QUOTES), None)
    return opening is not None


def first_reporting_verb(sentence: Sentence, start: int, end: int) -> Token | None:
    return next(reporting_verbs(sentence, start, end), None)


def reporting_verbs(sentence: Sentence, start: int, end: int) -> Iterator[Token]:
    tokens = sentence.tokens
    for i, t in enumerate(tokens):
        in_range = start <= t.start < end and t.text[0].islower()
        if (
            in_range
            and is_reporting_verb(t.text, t.lemma)
            and _companion_near(tokens, i)
            and not _editorial_note(tokens, i)
        ):
            yield t


def _editorial_note(tokens: list[Token], i: int) -> bool:
    """A verb in a short bracketed note ("(Wikinews berichtete)") points to another article, not to a quote."""
    return i + 1 < len(tokens) and tokens[i + 1].text == ")" and any(t.text == "(" for t in tokens[max(0, i - 3) : i])


def to_sentence_end(text: str, start: int, sentence: Sentence) -> Span:
    """The words from `start` to the end of the sentence, without its final stop."""
    span = trimmed_span(text, start, sentence.end)
    return trimmed_span(text, span.start, span.end - 1) if span.text[-1] in ".!?" else span


def word_count(fragment: str) -> int:
    return len(re.findall(r"\w+", fragment))


def span_at(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def trimmed_span(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return span_at(text, start, end)

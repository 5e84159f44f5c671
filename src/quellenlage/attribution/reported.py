"""Reported speech framed by a verb of saying: "X sagte, Soldaten hätten …", "haben erklärt, dass
…", "…, es habe Verluste gegeben, sagte Selenskyj", and the long tail of verbs that introduce a
dass-clause in news ("hält es für möglich, dass")."""

from __future__ import annotations

import re

from quellenlage.attribution.according import source_before
from quellenlage.attribution.actors import Actor, unnamed
from quellenlage.attribution.clauses import (
    ARTICLE_FORMS,
    FOCUS_PARTICLES,
    RELATIVE_WORDS,
    SEPARABLE_INFINITIVE,
    SUBORDINATORS,
    has_subjunctive,
    is_dependent_clause,
    is_infinitive_clause,
    is_relative_clause,
    is_reported,
    main_clause_comma,
    subordinate_start,
)
from quellenlage.attribution.content import add_content
from quellenlage.attribution.cue_spans import CUE_PARTICLES, OPINION_NOUNS
from quellenlage.attribution.cues import COMPLEMENTIZERS, is_finite_verb, is_reporting_verb
from quellenlage.attribution.frames import (
    NAMING,
    find_so_frame,
    frame_speaker,
    in_reported_clause,
    is_cue_verb,
    so_source,
    span_at,
    start_of_clause,
    trimmed_span,
)
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.model import Sentence, Token

# "…, teilte die GDL am Mittwoch mit.": a short frame closing the sentence reports what precedes,
# in any mood.
FRAME_AFTER_MAX = 10


# A plain verb of telling closes the sentence with a longer frame too: "…, teilte später der
# Direktor der Behörde, Bagus Puruhito, mit." (it takes no object of its own).
TELLING = frozenset({"sagte", "sagten", "sagt", "teilte", "teilten", "teilt", "erklärte", "erklärten", "erklärt"})

TELLING |= frozenset({"berichtete", "berichteten", "berichtet", "schrieb", "schrieben", "schreibt", "betonte"})

FRAME_AFTER_TELLING_MAX = 16


# How far the comma opening reported content may stand after the reporting verb.
FRAME_BEFORE_MAX = 16

POINTERS = frozenset({"das", "dies"})  # ", das teilte das Institut mit"


# Nouns that introduce reported content: "mit der Begründung, dass …", "die Forderung, … zu".
SPEECH_NOUN = re.compile(
    r"[\w-]*(?:Forderung|Aussage|Erklärung|Behauptung|Hinweis|Vorwurf|Warnung|Ankündigung|Begründung|Vermutung"
    r"|Befürchtung|Hoffnung|Überzeugung|Eindruck|Prognose|Hypothese|Einschätzung|Aufforderung|Bitte|Appell|Drohung"
    r"|Meldung|Nachricht|Botschaft|Zusicherung|Versprechen|Kritik|Angst|Sorge)(?:en|n|e)?"
)


def indirect_quote(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """Reported speech in the subjunctive, framed by a reporting verb or continuing a speaker."""
    tokens = sentence.tokens
    verbs = [
        i
        for i, t in enumerate(tokens)
        if is_cue_verb(tokens, i)
        or (SPEECH_NOUN.fullmatch(t.text) and i + 2 < len(tokens) and tokens[i + 1].text == ",")
        or _verb_before_dass(tokens, i)
    ]
    commas = [i for i, t in enumerate(tokens) if t.text in (",", ":")]
    if (so_frame := find_so_frame(text, sentence, sentence.start)) is not None:
        # "Man habe … festgestellt, so der Sender": the verbs of the reported words cue nothing
        verbs = [v for v in verbs if tokens[v].start >= so_frame.start() or not in_reported_clause(tokens, v)]
    if verbs and _closes_sentence(tokens, commas, verbs[-1]):
        verbs = verbs[-1:] + verbs[:-1]  # „…, dass …, gäbe es nicht“, sagte X: the closing frame first
    for v in verbs:
        if not is_reporting_verb(tokens[v].text, tokens[v].lemma) and in_reported_clause(tokens, v):
            continue  # "Das Ministerium habe Angst gehabt, dass …": the whole sentence is reported
        # frame first: "X sagte, Soldaten hätten …" / "haben erklärt, dass …" / "heißt es, …"
        # the content starts after the first comma that opens reported speech ("gab der Leiter,
        # Andreas Huber, bekannt, dass …"); right after the verb ("sagte, …") any clause counts
        openings = [c for c in commas if v < c <= v + FRAME_BEFORE_MAX]
        by_complementizer = [c for c in openings if c + 1 < len(tokens) and tokens[c + 1].text in COMPLEMENTIZERS]
        if openings and openings[0] == v + 1 and tokens[start_of_clause(tokens, v)].text.lower() == "wie":
            by_complementizer = openings[:1]  # "Wie X mitteilte, habe man …, dass …": the frame ends at the verb
        if by_complementizer and has_subjunctive(tokens[openings[0] + 1 : by_complementizer[0]]):
            by_complementizer = openings[:1]  # "sagte, er spüre, dass …": reported from the first comma
        for frame_end in by_complementizer[:1] or openings:
            content = tokens[frame_end + 1 :]
            if content and content[0].text.lower() == "wonach":
                break  # "Es gibt Berichte, wonach …": a relative source (see _relative_source)
            if (
                is_reported(content)
                or (
                    _right_after(tokens, v, frame_end)
                    and len(content) > 3
                    and any(t.pos in ("VERB", "AUX") for t in content)  # not a list: "gemeldet: A, B und C"
                    and not is_dependent_clause(content)
                    and not _ends_dependent_clause(tokens, v)
                )
                or (is_reporting_verb(tokens[v].text, tokens[v].lemma) and is_infinitive_clause(content))
            ):
                # the frame is the whole introducing clause: "Die Betreiberfirma teilte mit,"
                frame_start = _inserted_frame_start(tokens, v, frame_end)
                if frame_start is not None:  # "Die Kürzung verstoße, wie … entschieden, gegen …"
                    content = tokens
                else:
                    frame_start = start_of_clause(tokens, v)
                cue = trimmed_span(text, tokens[frame_start].start, tokens[frame_end - 1].end)
                clause, end = subordinate_start(tokens, v), tokens[frame_end - 1].end
                speaker, mention = frame_speaker(text, tokens[clause].start, end, speakers, state)
                if mention is None and clause > 0:
                    speaker, mention = frame_speaker(text, sentence.start, end, speakers, state)
                elif mention is not None and clause > 0 and mention.text.lower() in ARTICLE_FORMS | RELATIVE_WORDS:
                    speaker = _antecedent(text, tokens, clause - 1, speakers)  # "eines Hackers, der behauptet"
                verb = (
                    None
                    if is_reporting_verb(tokens[v].text, tokens[v].lemma)
                    else span_at(text, tokens[v].start, tokens[v].end)
                )
                if add_content(text, number, content, cue, speaker, mention, state, verb):
                    return True
        # frame last: "…, es habe Verluste gegeben, sagte Selenskyj."
        before = [c for c in commas if c < v]
        # right after the comma, or after a pointer back to what was said (", das teilte X mit")
        pointer = tokens[v - 1].text.lower() in POINTERS
        right_after = bool(before) and (v - before[-1] == 1 or (v - before[-1] == 2 and pointer))
        closing_frame = right_after and len(tokens) - v <= _frame_after_max(tokens[v])
        if (
            before
            and v - before[-1] <= 2
            and (closing_frame or is_reported(tokens[: before[-1]]))
            and _clause_like(tokens[: before[-1]])  # not "Lars Schauer, Manager …, sagte"
            and not _adverbial_clause(tokens[: before[-1]])  # not "Da kein Rückflug möglich war, entschied er"
            and not NAMING.match(tokens[v].text)  # "X, Leiter der AU, nannte dies einen „Putsch“": no frame
        ):
            before[-1] = _wie_clause_start(tokens, before, v)
            cue = trimmed_span(text, tokens[before[-1] + 1].start, tokens[-1].end)
            speaker, mention = frame_speaker(  # after a pointer, the subject follows the verb
                text, tokens[v].start if pointer else cue.start, sentence.end, speakers, state
            )
            if add_content(text, number, tokens[: before[-1]], cue, speaker, mention, state):
                return True
        # no comma after the verb: "Selenskyj kritisierte es gebe …"
        rest = tokens[v + 1 :]
        if rest and is_reported(rest[:4]) and rest[0].text != ",":
            cue = span_at(text, tokens[v].start, tokens[v].end)
            speaker, mention = speakers.subject_near(tokens[subordinate_start(tokens, v)].start, tokens[v].start)
            if add_content(text, number, rest, cue, speaker, mention, state):
                return True
    if so_frame:
        content = [t for t in tokens if t.end <= so_frame.start() or t.start >= so_frame.end()]
        speaker, mention = so_source(text, so_frame, speakers, state)
        if mention is None and speaker is None:
            mention = span_at(text, so_frame.start("source"), so_frame.end("source"))
        frame = trimmed_span(text, so_frame.start(), so_frame.end())
        return add_content(text, number, content, frame, speaker, mention, state)
    return False


def _ends_dependent_clause(tokens: list[Token], verb: int) -> bool:
    """Whether the verb closes a relative or adverbial clause ("Die Alternative, die Roßberg
    nannte, ist …"): what follows its comma is the main clause going on, not reported words."""
    start = subordinate_start(tokens, verb)
    if start == 0:  # a clause opening the sentence: "Obwohl es … gab, fällt …", "Ob es … gab, ist …"
        return tokens[0].pos == "SCONJ" and tokens[0].text.lower() != "wie"
    return tokens[start - 1].text == ","


def _inserted_frame_start(tokens: list[Token], verb: int, frame_end: int) -> int | None:
    """Where a frame set into the reported clause begins ("Die Kürzung verstoße, wie vom
    Bundesgerichtshof entschieden, gegen …", "Der Grund, so vermutet die Zeitung, dürfte …"):
    the "wie" or "so" after the comma before the verb, when the words around are reported."""
    comma = next((i for i in range(verb - 1, 0, -1) if tokens[i].text == ","), None)
    if comma is None or tokens[comma + 1].text.lower() not in ("wie", "so"):
        return None
    outside = tokens[:comma] + tokens[frame_end + 1 :]
    return comma + 1 if is_reported(outside) else None


def _closes_sentence(tokens: list[Token], commas: list[int], verb: int) -> bool:
    """Whether the verb opens a short frame right after a comma at the sentence end (", sagte er.")."""
    return (
        verb - 1 in commas
        and len(tokens) - verb <= _frame_after_max(tokens[verb])
        and is_reporting_verb(tokens[verb].text)
    )


def _frame_after_max(verb: Token) -> int:
    return FRAME_AFTER_TELLING_MAX if verb.text in TELLING else FRAME_AFTER_MAX


def _adverbial_clause(tokens: list[Token]) -> bool:
    """Whether words before a closing verb are only an adverbial clause of its sentence
    ("Obwohl …, bestritt er"), not someone's statement ("Wenn …, droht ein Kollaps, sagte er")."""
    words = tokens[1:] if tokens and tokens[0].text.lower() in FOCUS_PARTICLES else tokens  # "Selbst wenn …"
    first = words[0].text.lower() if words else ""
    return first in SUBORDINATORS and main_clause_comma(tokens) is None and not is_reported(tokens)


def _clause_like(tokens: list[Token]) -> bool:
    """Whether words can be someone's statement rather than a name with its apposition: a
    verb, or length (the tagger misses verbs like "plane") unless a name closes them ("Die
    Haushaltspolitikerin der Grünen, Anja Hajduk"), and not a name with its relative clause
    ("Ulla Jelpke, die … gesorgt hatte")."""
    relative = next(
        (i for i, t in enumerate(tokens[:-1]) if t.text == "," and i and is_relative_clause(tokens[i + 1 :])), None
    )
    if relative is not None and not any(t.pos in ("VERB", "AUX") for t in tokens[:relative]):
        return False
    if any(t.pos in ("VERB", "AUX") for t in tokens):
        return True
    last_comma = max((i for i, t in enumerate(tokens) if t.text == ","), default=None)
    if last_comma is not None and all(t.pos == "PROPN" for t in tokens[last_comma + 1 :]):
        return False
    return sum(t.pos != "PUNCT" for t in tokens) > 8


def _right_after(tokens: list[Token], verb: int, comma: int) -> bool:
    """Whether the comma follows the verb directly or after its particle ("kündigte an,")."""
    return comma == verb + 1 or (comma == verb + 2 and tokens[verb + 1].text in CUE_PARTICLES)


# "führte dazu, dass", "sorgte dafür, dass", "so dass": consequences, not speech.
# Adjectives that cue a dass-clause with their copula: "wurde bekannt, dass" (reported, by nobody named).
PREDICATIVE_CUES = frozenset({"bekannt", "bewusst", "überzeugt"})

NOT_SPEECH_BEFORE_DASS = frozenset({"dazu", "dafür", "so", "damit", "soweit", "sodass", "hinzu", "darum", "erfahren"})

DEGREE_WORDS = frozenset({"so", "dermaßen", "derart", "zu", "soweit"})


# Verbs that bring something about: their dass-clause is a consequence, nobody's words
# ("verhinderte, dass", "stellte sicher, dass", "führte dazu, dass").
CAUSING_STEMS = (
    "verhinder", "vermied", "vermeid", "sicherzustell", "sichergestellt", "gewährleist", "ermöglich", "bewirk",
    "geführt", "führt", "erreich", "bedeut", "bedarf", "bedürf", "sorg", "lieg", "lag",
)  # fmt: skip


def _zu_infinitive(tokens: list[Token], i: int) -> bool:
    return (i > 0 and tokens[i - 1].text == "zu") or SEPARABLE_INFINITIVE.fullmatch(tokens[i].text) is not None


def _causes(verb: Token) -> bool:
    return verb.text.lower().startswith(CAUSING_STEMS)


def _verb_before_dass(tokens: list[Token], i: int) -> bool:
    """Any full verb a few words before ", dass" introduces what somebody states, thinks or
    wants in a news text ("hält es für möglich, dass", "hat beschlossen, dass"): the verbs that
    cue the dass-clauses of the Wikinews train split are a long tail no list covers."""
    if tokens[i].text in PREDICATIVE_CUES | OPINION_NOUNS:
        pass
    elif tokens[i].pos != "VERB" or not tokens[i].text[0].islower() or _causes(tokens[i]) or _zu_infinitive(tokens, i):
        return False  # "ist davon auszugehen, dass", "ist damit zu rechnen, dass": the narrator's own
    comma = next((c for c in range(i + 1, min(i + 6, len(tokens) - 1)) if tokens[c].text == ","), None)
    return (
        comma is not None
        and tokens[comma + 1].text == "dass"
        and tokens[comma - 1].text not in NOT_SPEECH_BEFORE_DASS
        and tokens[comma - 2].text.lower() not in DEGREE_WORDS  # "so eingestellt, dass": a consequence
    )


def _antecedent(text: str, tokens: list[Token], comma: int, speakers: SpeakerResolver) -> Actor:
    """Whom a relative pronoun after the comma at `comma` stands for: the noun phrase before it."""
    start = source_before(tokens, tokens[comma].start, tokens[comma].start)
    if start >= tokens[comma].start:
        return None
    end = tokens[comma - 1].end
    return speakers.in_span(start, end) or unnamed(text[start:end])


def _wie_clause_start(tokens: list[Token], commas: list[int], verb: int) -> int:
    """The comma opening a closing "wie"-frame whose subject has an apposition ("…, wie Burt
    Rutan, Chef der Firma, mitteilte"); else the comma right before the verb."""
    for comma in reversed(commas[:-1]):
        if verb - comma > FRAME_BEFORE_MAX or any(is_finite_verb(t) for t in tokens[comma + 1 : verb]):
            break
        if tokens[comma + 1].text.lower() == "wie":
            return comma
    return commas[-1]

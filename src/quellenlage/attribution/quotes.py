"""Find who says what: direct, indirect, partial, "according to" and speech-act quotations.

The finder works sentence by sentence, in reading order, and remembers the last speaker so that a
free-standing subjunctive sentence ("Der Einsatz bedeute …") continues the previous quotation,
as German news prose does. `_sentence_quotes` asks the finders in order and the first that claims
a sentence wins:

- `direct`: quoted words (direct and partial quotations, block quotes, headline quotes);
- `according`: source phrases ("nach Angaben der Polizei", "laut X", "X zufolge");
- `reported`: reported speech framed by a verb of saying;
- `free_indirect`: reported speech without a frame of its own;
- `speech_acts`: acts of speaking without their words ("warnt vor …");
- `learned_sentences`: what a classifier trained on Wikinews train finds in the sentences left.

They share `frames` (sentence and frame helpers), `marks` (quotation marks), `cue_spans`,
`medium`, `content` and the reading state in `state`; `speakers` resolves who speaks.
"""

from __future__ import annotations

import re

from quellenlage.attribution.according import according_to, further_sources
from quellenlage.attribution.actors import Actor
from quellenlage.attribution.clauses import PASSIVE_AUXILIARIES, has_subjunctive
from quellenlage.attribution.cues import ACCORDING_TO, DIRECTIVE, SPEECH_ACT
from quellenlage.attribution.direct import (
    DIRECT_SHARE,
    MIN_DIRECT_WORDS,
    announced_by_colon,
    block_quote,
    direct_quotes,
    headline_quote,
    partial_quotes,
    quoted_in_frame,
)
from quellenlage.attribution.frames import first_reporting_verb, word_count
from quellenlage.attribution.free_indirect import free_indirect_quote, reported_by_next
from quellenlage.attribution.learned import rate_quotes
from quellenlage.attribution.learned_sentences import learned_sentence
from quellenlage.attribution.marks import named_work, quoted_spans
from quellenlage.attribution.not_speakers import no_one
from quellenlage.attribution.reported import indirect_quote
from quellenlage.attribution.reports import give_reports_their_owner
from quellenlage.attribution.speaker_nouns import could_speak
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.speech_acts import speech_act
from quellenlage.attribution.state import CONTINUING_KINDS, QuoteState
from quellenlage.attribution.status import status_of
from quellenlage.attribution.word_forms import by_word_form
from quellenlage.entities.index import EntityIndex
from quellenlage.model import Quote, Segment, Sentence, Span, Status
from quellenlage.spans import containing

TEXT_KINDS = frozenset({"headline", "lead", "caption", "body", "media", "blockquote", "subheading"})


def find_quotes(text: str, segments: list[Segment], sentences: list[Sentence], index: EntityIndex) -> list[Quote]:
    sentences = by_word_form(sentences, index)
    speakers = SpeakerResolver(text, index, sentences)
    state = QuoteState()
    by_segment: dict[int, list[tuple[int, Sentence]]] = {}
    for number, sentence in enumerate(sentences):
        by_segment.setdefault(sentence.segment, []).append((number, sentence))
    units = {
        i: _quote_units(text, segment, by_segment.get(i, []))
        for i, segment in enumerate(segments)
        if segment.kind in TEXT_KINDS
    }
    for seg_index, segment in enumerate(segments):
        if segment.kind == "blockquote":
            block_quote(text, segments, seg_index, speakers, state)
            state.previous_unit = None
            continue
        if segment.kind not in TEXT_KINDS or headline_quote(text, segment, speakers, state):
            continue
        here = units[seg_index]
        for position, (number, unit) in enumerate(here):
            if position + 1 < len(here):
                following: Sentence | None = here[position + 1][1]
            else:  # the next paragraph may name the speaker: „…“ / Das sagte X.
                next_units = units.get(seg_index + 1)
                following = next_units[0][1] if next_units else None
            before, last_end = len(state.quotes), state.quotes[-1].content.end if state.quotes else -1
            _sentence_quotes(text, number, unit, following, speakers, state)
            state.previous_unit = unit
            if len(state.quotes) > before:
                further_sources(text, number, unit, speakers, state)
            extended = len(state.quotes) == before and before and state.quotes[-1].content.end != last_end
            state.previous_quoted = bool(extended) or any(q.kind in CONTINUING_KINDS for q in state.quotes[before:])
    for quote in state.quotes:
        quote.status = _status(text, quote)
        if quote.frame is None:
            continue
        if quote.cue is not None and _active_citation(quote.frame, quote.cue):  # "zitiert Welt-Online den Minister"
            person, mention = speakers.quoted_person(quote.frame, quote.cue, state.speaker_of(quote)[1])
            if mention is not None:
                state.set_speaker(quote, person, mention)
        if _passive_directive(quote.frame, quote.cue):  # "Der Regierung wird vorgeworfen, …": by someone unnamed
            subject = state.speaker_of(quote)[1] or speakers.subject_near(quote.frame.start, quote.frame.end)[1]
            quote.addressee = subject
            state.set_speaker(quote, None, None)
        else:
            directive = quote.cue is not None and DIRECTIVE.match(quote.cue.text.lower()) is not None
            quote.addressee = speakers.addressee_in(quote.frame, state.speaker_of(quote)[1], directive)
    for quote in state.quotes:
        if quote.speaker is not None and quote.speaker.id is None and no_one(quote.speaker.name):
            state.set_speaker(quote, None, None)  # "Nach seinen Berechnungen bräuchte es … 2,5 Prozent"
    _number_sentences(state.quotes, sentences)
    give_reports_their_owner(text, state.quotes, sentences, index)  # "laut der Recherche" → the BBC
    rate_quotes(state.quotes, sentences, index)
    return state.quotes


def _number_sentences(quotes: list[Quote], sentences: list[Sentence]) -> None:
    """Every quotation names the sentence it starts in, block and headline quotes too."""
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    for quote in quotes:
        if quote.sentence is None:
            quote.sentence = containing(starts, ends, quote.content.start)


def _status(text: str, quote: Quote) -> Status:
    """Hedged or unverified as the frame and the words say; else reported, or stated by the outlet
    when nobody is named."""
    start = min(quote.content.start, quote.frame.start if quote.frame else quote.content.start)
    end = max(quote.content.end, quote.frame.end if quote.frame else quote.content.end)
    return status_of(text, start, end, quote.speaker)


# Participles of demanding and accusing that, in the passive, make their subject the addressee.
PASSIVE_DIRECTIVES = frozenset({"vorgeworfen", "beschuldigt", "aufgefordert", "gebeten", "angeklagt", "verdächtigt"})

CITING = frozenset({"zitiert", "zitierte", "zitierten", "zitieren"})


def _active_citation(frame: Span, cue: Span) -> bool:
    """Whether the frame cites someone in the active voice: its subject is the medium, its
    object the speaker ("Ein Fernsehsender zitierte Papandreou mit den Worten …")."""
    return cue.text.lower() in CITING and not _frame_words(frame) & PASSIVE_AUXILIARIES


def _passive_directive(frame: Span, cue: Span | None) -> bool:
    """Whether the frame is a passive demand or accusation without its agent ("Ihm wird
    vorgeworfen, …", "Die Männer werden beschuldigt, …")."""
    words = _frame_words(frame)
    return (
        cue is not None
        and cue.text.lower() in PASSIVE_DIRECTIVES
        and bool(words & PASSIVE_AUXILIARIES)
        and not words & {"von", "vom", "durch"}  # "vom LSVD aufgefordert": the agent speaks
    )


def _frame_words(frame: Span) -> set[str]:
    return set(re.findall(r"[\w-]+", frame.text.lower()))


def _quote_units(text: str, segment: Segment, sentences: list[tuple[int, Sentence]]) -> list[tuple[int, Sentence]]:
    """Sentences of a segment, joined where a quotation runs across a sentence end
    („Wir lassen uns nicht hinhalten. Die Beschäftigten haben lange gewartet.“)."""
    spans = quoted_spans(text, segment.start, segment.end)
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    units: list[tuple[int, Sentence]] = []
    for number, sentence in sentences:
        inside = containing(starts, ends, sentence.start)
        if units and inside is not None and starts[inside] < sentence.start:
            first_number, previous = units[-1]
            units[-1] = (
                first_number,
                Sentence(
                    start=previous.start,
                    end=sentence.end,
                    text=text[previous.start : sentence.end],
                    segment=sentence.segment,
                    tokens=previous.tokens + sentence.tokens,
                ),
            )
        else:
            units.append((number, sentence))
    return units


def _sentence_quotes(
    text: str,
    number: int,
    sentence: Sentence,
    following: Sentence | None,
    speakers: SpeakerResolver,
    state: QuoteState,
) -> None:
    quoted = [span for span in quoted_spans(text, sentence.start, sentence.end) if not named_work(text, span)]
    quoted_words = sum(word_count(text[start:end]) for start, end in quoted)
    outside = [t for t in sentence.tokens if not any(start <= t.start < end for start, end in quoted)]
    if announced_by_colon(text, sentence, quoted) or (
        any(word_count(text[start:end]) >= MIN_DIRECT_WORDS for start, end in quoted)
        and quoted_words >= DIRECT_SHARE * word_count(sentence.text)
        and not has_subjunctive(outside)  # "Der Einsatz bedeute eine "…"": reported speech
    ):
        direct_quotes(text, number, sentence, following, quoted, speakers, state)
        return
    opening = ACCORDING_TO.match(text, sentence.start, sentence.end)
    if opening is not None and opening["wie"] is None and according_to(text, number, sentence, speakers, state):
        return  # "Nach Angaben der Polizei habe der Mann … verlangt, …": the source opens the sentence
    found = len(state.quotes)
    if indirect_quote(text, number, sentence, speakers, state):
        for quote in state.quotes[found:]:
            quoted_in_frame(text, quoted, quote, state)
        return
    if according_to(text, number, sentence, speakers, state):
        return
    if free_indirect_quote(text, number, sentence, speakers, state):
        return
    if partial_quotes(text, number, sentence, quoted, speakers, state):
        return
    if speech_act(text, number, sentence, speakers, state):
        return
    if reported_by_next(text, number, sentence, following, speakers, state):
        return
    if learned_sentence(text, number, sentence, speakers, state):
        return
    _remember_reporter(sentence, speakers, state)
    _remember_actor(number, sentence, speakers, state)


def _remember_actor(number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> None:
    """The subject of a sentence without quotation: a subjunctive sentence right after it most
    often gives that actor's words or stance ("Die Richter prüften den Fall. Kein Vertrag
    könne …"), whoever was quoted before. Not a sentence in the subjunctive itself: its subject
    is talked about ("Techniker hätten den Hebel umgestellt. Dadurch sei …"). Found only when
    asked for (QuoteState.recent_actor): most sentences are followed by none that asks."""

    def actor() -> tuple[Actor, Span | None] | None:
        if has_subjunctive(sentence.tokens):
            return None
        speaker, mention = speakers.subject_near(sentence.start, sentence.end)
        return (speaker, mention) if could_speak(speaker, mention) else None  # not "Der Sprengsatz explodierte."

    state.remember_actor(number, actor)


def _remember_reporter(sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> None:
    """ "Die Bahn kündigte einen Notfahrplan an." gives no quote, but the subjunctive sentence
    after it ("Im Fernverkehr werde nur jeder fünfte Zug fahren") is the Bahn's."""
    verb = first_reporting_verb(sentence, sentence.start, sentence.end)
    if verb is not None and not SPEECH_ACT.fullmatch(verb.text):
        speaker, mention = speakers.subject_near(sentence.start, sentence.end)
        if speaker:
            state.last_speaker, state.last_mention = speaker, mention

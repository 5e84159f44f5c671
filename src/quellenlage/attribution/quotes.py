"""Find who says what: direct, indirect, partial, "according to" and speech-act quotations.

The finder works sentence by sentence, in reading order, and remembers the last speaker so that a
free-standing subjunctive sentence ("Der Einsatz bedeute …") continues the previous quotation,
as German news prose does. Each rule below handles one construction; `find_quotes` applies them
in order and the first that claims a stretch of text wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from quellenlage.attribution.actors import Actor, to_source
from quellenlage.attribution.clauses import (
    ARTICLE_FORMS,
    CONDITIONAL_FORMS,
    FOCUS_PARTICLES,
    PASSIVE_AUXILIARIES,
    RELATIVE_WORDS,
    SEPARABLE_INFINITIVE,
    SUBORDINATORS,
    free_standing_subjunctive,
    has_subjunctive,
    is_dependent_clause,
    is_infinitive_clause,
    is_relative_clause,
    is_reported,
    is_subjunctive,
    main_clause_comma,
    subordinate_start,
)
from quellenlage.attribution.cues import (
    ACCORDING_TO,
    COMPLEMENTIZERS,
    DIRECTIVE,
    INFO_HEAD,
    OWN_ACCOUNT,
    SAID_IN,
    SO_FRAME,
    SPEECH_ACT,
    is_finite_verb,
    is_reporting_verb,
)
from quellenlage.attribution.speakers import SpeakerResolver, could_speak, unnamed
from quellenlage.attribution.status import status_of
from quellenlage.entities.index import EntityIndex
from quellenlage.model import Quote, Segment, Sentence, Span, Status, Token
from quellenlage.spans import containing

QUOTE_PAIRS = {"„": '“”"', '"': '"“”', "»": "«", "«": "»", "“": '”"', "‚": "‘'"}
HEADLINE_QUOTE = re.compile(r"^(?P<speaker>[^:\"„“]{2,60}):\s*[\"„»“](?P<content>[^\"“”«]+)[\"“”«]?[.!]?$")
TEXT_KINDS = frozenset({"headline", "lead", "caption", "body", "media", "blockquote", "subheading"})
MIN_DIRECT_WORDS = 5
OPENING_QUOTES = frozenset({"„", "»", "‚", '"'})
CLOSING_QUOTES = frozenset({"“", "”", "»", "«"})
WRITTEN = re.compile(
    r"\b(?:schrieb|schreibt|geschrieben|twitterte|postete|veröffentlicht\w*|Erklärung|Mitteilung|Stellungnahme"
    r"|Bericht|Brief|Schreiben|Kommuniqué|Pressemitteilung|X-Post|Tweet|Beitrag)\b"
)
SPOKEN = frozenset({"sagte", "sagt", "gesagt", "sagten", "erklärte", "betonte", "sprach", "rief", "antwortete"})
CUE_WORDS = frozenset({"laut", "zufolge", "gemäß", "nach", "demnach", "wonach", "hieß", "heißt", "so"})
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
# A sentence after a quotation that names its speaker: "Das sagte der GDL-Vorsitzende …"
EMERGES_FROM = re.compile(r"\baus\s+(?P<source>[^.;:]{2,120}?),?\s+hervor\b")
POINTS_BACK = frozenset({"Das", "Dies", "So", "Diese", "Dieses"})
POINTERS = frozenset({"das", "dies"})  # ", das teilte das Institut mit"
# A sentence is a direct quotation when quoted words make up at least this share of it;
# below, its quoted stretches are fragments embedded in reported speech or prose.
DIRECT_SHARE = 0.4
# Only quotations that give someone's words make the next subjunctive sentence theirs.
CONTINUING_KINDS = frozenset({"direct", "indirect", "free_indirect", "according_to"})
# Nouns that introduce reported content: "mit der Begründung, dass …", "die Forderung, … zu".
SPEECH_NOUN = re.compile(
    r"[\w-]*(?:Forderung|Aussage|Erklärung|Behauptung|Hinweis|Vorwurf|Warnung|Ankündigung|Begründung|Vermutung"
    r"|Befürchtung|Hoffnung|Überzeugung|Eindruck|Prognose|Hypothese|Einschätzung|Aufforderung|Bitte|Appell|Drohung"
    r"|Meldung|Nachricht|Botschaft|Zusicherung|Versprechen|Kritik|Angst|Sorge)(?:en|n|e)?"
)
NAMING = re.compile(r"(?:nannte|nennt|nennen|nannten|genannt|bezeichne|bezeichnet)")


@dataclass
class QuoteState:
    """What the finder remembers while reading: the last speaker, and the quotes so far."""

    quotes: list[Quote] = field(default_factory=list)
    last_speaker: Actor = None
    last_document_speaker: Actor = None
    last_mention: Span | None = None
    # whether the sentence just read gave someone's words: a following sentence in the
    # Konjunktiv II ("Er hätte den Jet zu spät aufgesetzt") then continues them
    previous_quoted: bool = False
    # the subject of a sentence without quoted words, and its sentence number ("Die Richter
    # äußerten Bedenken."): a subjunctive sentence right after it gives that actor's words
    recent_actor: tuple[int, Actor, Span | None] | None = None
    # each recorded quotation's speaker in the finder's working form, and where it is named
    speakers: dict[str, tuple[Actor, Span | None]] = field(default_factory=dict)

    def speaker_of(self, quote: Quote) -> tuple[Actor, Span | None]:
        return self.speakers.get(quote.id, (None, None))

    def set_speaker(self, quote: Quote, speaker: Actor, mention: Span | None) -> None:
        self.speakers[quote.id] = (speaker, mention)
        quote.speaker = to_source(speaker, mention)

    def add(
        self,
        kind: str,
        content: Span,
        frame: Span | None,
        speaker: Actor,
        sentence: int | None,
        speaker_mention: Span | None = None,
        mood: str | None = None,
        cue: Span | None = None,
    ) -> Quote:
        """Record a quotation; `frame` is the words that introduce it, the cue the word in it
        that marks the speech ("sagte", "laut", "hieß")."""
        if speaker_mention is None and speaker is not None and speaker == self.last_speaker:
            speaker_mention = self.last_mention  # a continuing quotation: where its speaker was named
        quote = Quote(
            id=f"q{len(self.quotes) + 1}",
            kind=kind,
            cue=(cue := cue or cue_in(frame)),
            cue_parts=cue_parts_in(frame, cue),
            frame=frame,
            medium=medium_of(frame, cue),
            content=content,
            verbatim=_verbatim_in(kind, content),
            sentence=sentence,
            mood=mood,
        )
        self.set_speaker(quote, speaker, speaker_mention)
        self.quotes.append(quote)
        if speaker and kind in CONTINUING_KINDS:
            self.last_speaker, self.last_mention = speaker, speaker_mention
        return quote


def find_quotes(text: str, segments: list[Segment], sentences: list[Sentence], index: EntityIndex) -> list[Quote]:
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
            _block_quote(text, segments, seg_index, speakers, state)
            continue
        if segment.kind not in TEXT_KINDS or _headline_quote(text, segment, speakers, state):
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
            if len(state.quotes) > before:
                _further_sources(text, number, unit, speakers, state)
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
    return state.quotes


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


def _block_quote(text: str, segments: list[Segment], i: int, speakers: SpeakerResolver, state: QuoteState) -> None:
    attribution = segments[i + 1] if i + 1 < len(segments) and segments[i + 1].kind == "attribution" else None
    speaker = speakers.first_in_span(attribution.start, attribution.end) if attribution else None
    cue = _span(text, attribution.start, attribution.end) if attribution else None
    state.add("direct", _span(text, segments[i].start, segments[i].end), cue, speaker or state.last_speaker, None)


def _headline_quote(text: str, segment: Segment, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """The headline convention `Selenskyj: "11.000 Nordkoreaner im Gebiet Kursk"`."""
    match = HEADLINE_QUOTE.match(segment.text)
    if not match:
        return False
    speaker_start = segment.start + match.start("speaker")
    speaker = speakers.in_span(speaker_start, segment.start + match.end("speaker"))
    if not speaker:
        return False
    content = _strip_span(text, segment.start + match.start("content"), segment.start + match.end("content"))
    state.add("direct", content, _span(text, speaker_start, segment.start + match.end("speaker") + 1), speaker, None)
    return True


def _sentence_quotes(
    text: str,
    number: int,
    sentence: Sentence,
    following: Sentence | None,
    speakers: SpeakerResolver,
    state: QuoteState,
) -> None:
    quoted = [span for span in quoted_spans(text, sentence.start, sentence.end) if not _named_work(text, span)]
    quoted_words = sum(_word_count(text[start:end]) for start, end in quoted)
    outside = [t for t in sentence.tokens if not any(start <= t.start < end for start, end in quoted)]
    if _announced_by_colon(text, sentence, quoted) or (
        any(_word_count(text[start:end]) >= MIN_DIRECT_WORDS for start, end in quoted)
        and quoted_words >= DIRECT_SHARE * _word_count(sentence.text)
        and not has_subjunctive(outside)  # "Der Einsatz bedeute eine "…"": reported speech
    ):
        _direct_quotes(text, number, sentence, following, quoted, speakers, state)
        return
    opening = ACCORDING_TO.match(text, sentence.start, sentence.end)
    if opening is not None and opening["wie"] is None and _according_to(text, number, sentence, speakers, state):
        return  # "Nach Angaben der Polizei habe der Mann … verlangt, …": the source opens the sentence
    found = len(state.quotes)
    if _indirect_quote(text, number, sentence, speakers, state):
        for quote in state.quotes[found:]:
            _quoted_in_frame(text, quoted, quote, state)
        return
    if _according_to(text, number, sentence, speakers, state):
        return
    if _free_indirect_quote(text, number, sentence, speakers, state):
        return
    if _partial_quotes(text, number, sentence, quoted, speakers, state):
        return
    if _speech_act(text, number, sentence, speakers, state):
        return
    if not _reported_by_next(text, number, sentence, following, speakers, state):
        _remember_reporter(sentence, speakers, state)
        _remember_actor(number, sentence, speakers, state)


def _quoted_in_frame(text: str, quoted: list[tuple[int, int]], quote: Quote, state: QuoteState) -> None:
    """Quoted words in the frame of the reported speech just found are the speaker's too
    ("Gillard bezeichnete das Unglück als „große Tragödie“ und erklärte, …"): a partial
    quotation, framed by the words before them, when they read as someone's words and not as
    a name („BILD am Sonntag“, „heise online“)."""
    frame = quote.frame
    if frame is None:
        return
    for start, end in quoted:
        inside_frame = frame.start < start - 1 and end <= frame.end
        if not inside_frame or not (_someones_words(text[start:end]) or _label(text, start)):
            continue
        words, before = _strip_span(text, start, end), _strip_span(text, frame.start, start - 1)
        speaker, mention = state.speaker_of(quote)
        state.add("partial", words, before, speaker, quote.sentence, mention)


def _reported_by_next(
    text: str,
    number: int,
    sentence: Sentence,
    following: Sentence | None,
    speakers: SpeakerResolver,
    state: QuoteState,
) -> bool:
    """A statement whose source the next sentence gives: "Die Enten waren mit H5N1 infiziert.
    Das erklärte ein Sprecher des Ministeriums." """
    named = _frame_in_next(text, following, speakers)
    if named is None or not named.points_back or named.speaker is None:
        return False
    # "Dies geht aus … hervor.": a frame whose speech word is a particle verb has that verb as cue
    verb = _span(text, named.verb.start, named.verb.end) if cue_in(named.frame) is None else None
    _add_content(text, number, sentence.tokens, named.frame, named.speaker, named.mention, state, verb)
    return True


class NextFrame(NamedTuple):
    """A next sentence that reports without quoting: who speaks, where it names them, its frame
    and speech verb, and whether it points back ("Das sagte X.")."""

    speaker: Actor
    mention: Span | None
    frame: Span
    points_back: bool
    verb: Token


def _frame_in_next(text: str, following: Sentence | None, speakers: SpeakerResolver) -> NextFrame | None:
    """The frame a next sentence gives when it reports without quoting; it points back when
    the subject follows the verb ("Das sagte X.")."""
    if following is None or quoted_spans(text, following.start, following.end):
        return None
    tokens = following.tokens
    verb = next((t for i, t in enumerate(tokens) if _cue_verb(tokens, i)), None)
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
        mention = _span(text, document.start("source"), document.end("source"))
        speaker = speakers.in_span(mention.start, mention.end) or unnamed(mention.text)
    if points_back:  # the whole clause after the pointer: "Dies bestätigte X am Abend in Berlin."
        frame = _to_sentence_end(text, following.start, following)
    else:
        frame = _strip_span(text, following.start, max(mention.end if mention else 0, verb.end))
    return NextFrame(speaker, mention, frame, points_back, verb)


def _announced_by_colon(text: str, sentence: Sentence, quoted: list[tuple[int, int]]) -> bool:
    """ "So sagte der SPD-Vorsitzende Sigmar Gabriel: „Ich finde, …“": a quotation that a colon
    announces and that ends the sentence is direct, however long its frame."""
    if not quoted:
        return False
    (first, _), (_, last) = quoted[0], quoted[-1]
    before, after = text[sentence.start : first - 1].rstrip(), text[last + 1 : sentence.end]
    return before.endswith(":") and not after.strip(' .!?“”"«»') and _word_count(text[first:last]) >= 2


def _remember_actor(number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> None:
    """The subject of a sentence without quotation: a subjunctive sentence right after it most
    often gives that actor's words or stance ("Die Richter prüften den Fall. Kein Vertrag
    könne …"), whoever was quoted before. Not a sentence in the subjunctive itself: its subject
    is talked about ("Techniker hätten den Hebel umgestellt. Dadurch sei …")."""
    if has_subjunctive(sentence.tokens):
        return
    speaker, mention = speakers.subject_near(sentence.start, sentence.end)
    if could_speak(speaker, mention):  # not "Der Sprengsatz explodierte."
        state.recent_actor = (number, speaker, mention)


def _remember_reporter(sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> None:
    """ "Die Bahn kündigte einen Notfahrplan an." gives no quote, but the subjunctive sentence
    after it ("Im Fernverkehr werde nur jeder fünfte Zug fahren") is the Bahn's."""
    verb = _first_reporting_verb(sentence, sentence.start, sentence.end)
    if verb is not None and not SPEECH_ACT.fullmatch(verb.text):
        speaker, mention = speakers.subject_near(sentence.start, sentence.end)
        if speaker:
            state.last_speaker, state.last_mention = speaker, mention


def _direct_quotes(
    text: str,
    number: int,
    sentence: Sentence,
    following: Sentence | None,
    spans: list[tuple[int, int]],
    speakers: SpeakerResolver,
    state: QuoteState,
) -> None:
    """Quotes of five or more words; the frame is what the sentence says outside them, or the
    next sentence when it points back ("Das sagte der GDL-Vorsitzende Frank Seidel"). Names in
    quotation marks are part of the frame („…“, schreibt die „Computerwoche“)."""
    spans = [(start, end) for start, end in spans if not _title(text[start:end])] or spans
    outside_start = spans[-1][1] + 1
    frame_before = text[sentence.start : max(spans[0][0] - 1, sentence.start)]
    cue, speaker, mention = None, None, None
    verb_cue: Span | None = None
    said_in = SAID_IN.search(text, outside_start, sentence.end) or SAID_IN.search(text, sentence.start, spans[0][0])
    if said_in:
        cue = _strip_span(text, said_in.start(), said_in.end())
        if said_in.start() < spans[0][0] and frame_before.rstrip().endswith(":"):
            cue = _colon_clause(text, sentence, spans)  # "Auf der Homepage heißt es zur Begründung, …:"
        speaker, mention = _document_source(text, said_in, speakers, state)
    elif so_frame := _so_frame(text, sentence, spans[-1][1]):  # "„…“, so Schnappauf."
        cue = _strip_span(text, so_frame.start(), so_frame.end())
        speaker, mention = speakers.subject_near(so_frame.start("source"), so_frame.end())
    elif (
        verb := _first_reporting_verb(sentence, outside_start, sentence.end) or _inverted_verb(sentence, outside_start)
    ) is not None:
        speaker, mention = speakers.subject_near(outside_start, sentence.end)
        frame_end = _closing_frame_end(text, sentence, verb)
        cue = _strip_span(text, verb.start, frame_end)
    elif frame_before.rstrip().endswith(":") or _first_reporting_verb(sentence, sentence.start, spans[0][0]):
        cue = _colon_clause(text, sentence, spans)
        speaker, mention = speakers.named_by_frame(cue.start, cue.end)
        if cue_in(cue) is None:  # "Der Minister zeigte sich besorgt: „…“": the announcing verb
            verb_cue = next((_span(text, t.start, t.end) for t in sentence.tokens if _announces(t, cue)), None)
    elif (source := _source_outside(text, sentence, spans)) is not None:  # "Seiner Ansicht nach „…“"
        source_start, speaker, mention = _source_of(text, sentence, source, _source_group(source), speakers, state)
        cue = _strip_span(text, min(source_start, source.start()), source.end())
    elif (named := _frame_in_next(text, following, speakers)) is not None and (
        named.points_back or not state.previous_quoted
    ):
        # the next sentence names the speaker: "Das sagte X." / "Bundestrainer Lund sprach von …";
        # right after someone's words, only when it points back: else the quotation goes on
        speaker, mention, cue = named.speaker, named.mention, named.frame
    if cue is None and speaker is None and state.previous_quoted and (framing := _framing_direct_quote(state)):
        # the words go on: „…“, sagte Beck. („Er sei …“) „Die Menschen hier …“
        cue, (speaker, mention) = framing.frame, state.speaker_of(framing)
    if cue is None:
        speaker = speaker or state.last_speaker
    for start, end in spans:
        if cue is None and not any(start <= t.start < end and t.pos in ("VERB", "AUX") for t in sentence.tokens):
            continue  # „Nackt unter Wölfen“: a title standing alone, nobody's words
        state.add("direct", _strip_span(text, start, end), cue, speaker, number, mention, cue=verb_cue)


def _colon_clause(text: str, sentence: Sentence, spans: list[tuple[int, int]]) -> Span:
    """The clause that announces quoted words with a colon: from the sentence start or an
    earlier colon ("… scharf: So sagte Rehn: „…“") to the quotation mark."""
    head = text[sentence.start : spans[0][0] - 1].rstrip().rstrip(":")
    clause_start = sentence.start + max(head.rfind(":"), head.rfind(";")) + 1
    return _strip_span(text, clause_start, spans[0][0] - 1)


def _framing_direct_quote(state: QuoteState) -> Quote | None:
    """The direct quotation whose frame a run of quotations without frames of their own goes
    back to: the last quote, or the one before frameless continuations of its speaker."""
    run = list(reversed(state.quotes))
    for quote in run:
        if quote.frame is not None:
            return quote if quote.kind == "direct" else None
        if state.speaker_of(quote)[0] != state.speaker_of(run[0])[0]:
            return None
    return None


def _announces(token: Token, frame: Span) -> bool:
    """The full verb of a frame that announces quoted words without a verb of saying."""
    return frame.start <= token.start < frame.end and token.pos == "VERB" and token.text[:1].islower()


def _source_outside(text: str, sentence: Sentence, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """An "according to" phrase outside the quoted words that names their source."""
    for match in ACCORDING_TO.finditer(text, sentence.start, sentence.end):
        overlaps = any(match.start() < end and start - 1 < match.end() for start, end in spans)
        if match["wie"] is None and match["relative"] is None and not overlaps:
            return match
    return None


def _inverted_verb(sentence: Sentence, position: int) -> Token | None:
    """The finite verb right after the comma that follows a quotation: „…“, führte er aus."""
    after = [t for t in sentence.tokens if t.start >= position and t.text not in CLOSING_QUOTES and t.text != '"']
    if len(after) > 2 and after[0].text == "," and is_finite_verb(after[1]) and after[1].text[0].islower():
        return after[1]
    return None


def _indirect_quote(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """Reported speech in the subjunctive, framed by a reporting verb or continuing a speaker."""
    tokens = sentence.tokens
    verbs = [
        i
        for i, t in enumerate(tokens)
        if _cue_verb(tokens, i)
        or (SPEECH_NOUN.fullmatch(t.text) and i + 2 < len(tokens) and tokens[i + 1].text == ",")
        or _verb_before_dass(tokens, i)
    ]
    commas = [i for i, t in enumerate(tokens) if t.text in (",", ":")]
    if (so_frame := _so_frame(text, sentence, sentence.start)) is not None:
        # "Man habe … festgestellt, so der Sender": the verbs of the reported words cue nothing
        verbs = [v for v in verbs if tokens[v].start >= so_frame.start() or not _reported_clause(tokens, v)]
    if verbs and _closes_sentence(tokens, commas, verbs[-1]):
        verbs = verbs[-1:] + verbs[:-1]  # „…, dass …, gäbe es nicht“, sagte X: the closing frame first
    for v in verbs:
        if not is_reporting_verb(tokens[v].text, tokens[v].lemma) and _reported_clause(tokens, v):
            continue  # "Das Ministerium habe Angst gehabt, dass …": the whole sentence is reported
        # frame first: "X sagte, Soldaten hätten …" / "haben erklärt, dass …" / "heißt es, …"
        # the content starts after the first comma that opens reported speech ("gab der Leiter,
        # Andreas Huber, bekannt, dass …"); right after the verb ("sagte, …") any clause counts
        openings = [c for c in commas if v < c <= v + FRAME_BEFORE_MAX]
        by_complementizer = [c for c in openings if c + 1 < len(tokens) and tokens[c + 1].text in COMPLEMENTIZERS]
        if openings and openings[0] == v + 1 and tokens[_clause_start(tokens, v)].text.lower() == "wie":
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
                    frame_start = _clause_start(tokens, v)
                cue = _strip_span(text, tokens[frame_start].start, tokens[frame_end - 1].end)
                clause, end = subordinate_start(tokens, v), tokens[frame_end - 1].end
                speaker, mention = _frame_speaker(text, tokens[clause].start, end, speakers, state)
                if mention is None and clause > 0:
                    speaker, mention = _frame_speaker(text, sentence.start, end, speakers, state)
                elif mention is not None and clause > 0 and mention.text.lower() in ARTICLE_FORMS | RELATIVE_WORDS:
                    speaker = _antecedent(text, tokens, clause - 1, speakers)  # "eines Hackers, der behauptet"
                verb = (
                    None
                    if is_reporting_verb(tokens[v].text, tokens[v].lemma)
                    else _span(text, tokens[v].start, tokens[v].end)
                )
                if _add_content(text, number, content, cue, speaker, mention, state, verb):
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
            cue = _strip_span(text, tokens[before[-1] + 1].start, tokens[-1].end)
            speaker, mention = _frame_speaker(  # after a pointer, the subject follows the verb
                text, tokens[v].start if pointer else cue.start, sentence.end, speakers, state
            )
            if _add_content(text, number, tokens[: before[-1]], cue, speaker, mention, state):
                return True
        # no comma after the verb: "Selenskyj kritisierte es gebe …"
        rest = tokens[v + 1 :]
        if rest and is_reported(rest[:4]) and rest[0].text != ",":
            cue = _span(text, tokens[v].start, tokens[v].end)
            speaker, mention = speakers.subject_near(tokens[subordinate_start(tokens, v)].start, tokens[v].start)
            if _add_content(text, number, rest, cue, speaker, mention, state):
                return True
    if so_frame:
        content = [t for t in tokens if t.end <= so_frame.start() or t.start >= so_frame.end()]
        speaker, mention = speakers.subject_near(so_frame.start("source"), so_frame.end())
        if mention is None:
            mention = _span(text, so_frame.start("source"), so_frame.end("source"))
        frame = _strip_span(text, so_frame.start(), so_frame.end())
        return _add_content(text, number, content, frame, speaker, mention, state)
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


def _so_frame(text: str, sentence: Sentence, start: int) -> re.Match[str] | None:
    """ "…, so der Sprecher." closing the sentence; not "…, so wurde der Hafen geschlossen",
    where "so" opens a clause with its own finite verb."""
    match = SO_FRAME.search(text, start, sentence.end)
    if match is None:
        return None
    source = [t for t in sentence.tokens if match.start("source") <= t.start < match.end("source")]
    return None if any(is_finite_verb(t) for t in source) else match


def _free_indirect_quote(
    text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState
) -> bool:
    """A main clause in the subjunctive without a frame gives the words of the actor of the
    sentence just before, else continues the last speaker's; it is reported speech even when
    nobody is named yet: the reader learns it is someone's claim. Right after a quotation, a
    subjunctive clause after any main clause is framed by it (see `_framed_by_any_verb`)."""
    if not free_standing_subjunctive(sentence.tokens, conditional_too=state.previous_quoted):
        return state.previous_quoted and _framed_by_any_verb(text, number, sentence, speakers, state)
    speaker, mention = state.last_speaker, None
    if state.recent_actor is not None and state.recent_actor[0] == number - 1:
        _, speaker, mention = state.recent_actor
    _add_content(text, number, sentence.tokens, None, speaker, mention, state)
    return True


def _framed_by_any_verb(
    text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState
) -> bool:
    """A clause in the subjunctive after a comma, framed by a main clause whose verb is no verb
    of saying ("Der Verteidiger vertritt die Ansicht, Clarkson habe sich selbst getötet"): the
    main clause is the frame, its finite verb the cue."""
    tokens = sentence.tokens
    for comma in (i for i, t in enumerate(tokens) if t.text == ","):
        head, content = tokens[:comma], tokens[comma + 1 :]
        verb = next((t for t in head if t.pos == "VERB" and is_finite_verb(t)), None)
        if verb is None or not is_reported(content) or is_relative_clause(content):
            continue
        frame = _strip_span(text, head[0].start, head[-1].end)
        speaker, mention = speakers.subject_near(head[0].start, head[-1].end)
        _add_content(text, number, content, frame, speaker, mention, state, _span(text, verb.start, verb.end))
        return True
    return False


def _according_to(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """ "nach US-Angaben", "laut Polizei", "Experten zufolge", "wie die Behörde mitteilte": the
    sentence is the source's claim. A source that is no entity ("Angaben von Augenzeugen")
    keeps its words as speaker mention."""
    match = next(
        (m for m in ACCORDING_TO.finditer(text, sentence.start, sentence.end) if m["wie"] is None or _reports(m)), None
    )
    if not match or sentence.text.rstrip(' "“”»«').endswith("?"):
        return False  # a question claims nothing ("Welche Vorschläge lehnen Sie Ihrer Meinung nach ab?")
    if _source_group(match) == "relative":
        return _relative_source(text, number, sentence, match, speakers, state)
    _add_according_to(text, number, sentence, match, speakers, state)
    return True


def _further_sources(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> None:
    """A source phrase in a sentence that gave other words already ("…, die laut Amnesty
    International in einem unfairen Verfahren verurteilt wurden"): its own claim, when it
    stands outside the frames found so far."""
    found = [q for q in state.quotes if q.sentence == number]
    frames = [q.frame for q in found if q.frame is not None]
    for match in ACCORDING_TO.finditer(text, sentence.start, sentence.end):
        if _source_group(match) not in NAMED_SOURCE_GROUPS:
            continue
        if any(frame.start <= match.start() < frame.end for frame in frames):
            continue
        if any(q.kind == "direct" and q.content.start <= match.start() < q.content.end for q in found):
            continue  # the quoted words' own "laut"
        phrase = _strip_span(text, match.start(), match.end())
        if _clause_around(text, sentence.tokens, phrase) is None:
            continue  # in the main clause: part of the words or frame found ("bestätigte X laut Reuters")
        _add_according_to(text, number, sentence, match, speakers, state)
        frames.extend(q.frame for q in state.quotes[-1:] if q.frame is not None)


# Source phrases that name their source in the phrase itself: "laut Polizei", "nach US-Angaben".
NAMED_SOURCE_GROUPS = frozenset({"comp", "info", "per", "laut", "zufolge"})


def _add_according_to(
    text: str, number: int, sentence: Sentence, match: re.Match[str], speakers: SpeakerResolver, state: QuoteState
) -> None:
    group = _source_group(match)
    source_start, speaker, mention = _source_of(text, sentence, match, group, speakers, state)
    content = _strip_span(text, sentence.start, sentence.end)
    frame_start, frame_end = (source_start if group == "zufolge" else match.start()), match.end()
    if group in ("info", "per", "laut") and not text[sentence.start : match.start()].strip(' "„»'):
        # a frame opening the sentence fills the whole Vorfeld: it ends at the finite verb
        # ("Ersten Angaben vom Dienstag zufolge gehörte …", "Nach einer Studie der IADB sandten …")
        after = [t for t in sentence.tokens if t.start >= match.end()]
        comma = main_clause_comma(after) if after and after[0].text == "," else None
        # past a relative clause or apposition on the source: "Nach Angaben, die … können, sind …"
        verb = after[comma + 1] if comma is not None else next((t for t in after if is_finite_verb(t)), None)
        if verb is not None and verb.start > match.end():
            frame_end = _strip_span(text, match.start(), verb.start).end
            mention = _span(text, match.start(group), frame_end)
            speaker = speakers.in_span(mention.start, mention.end) or speaker
    frame = _strip_span(text, frame_start, frame_end)
    content = _clause_around(text, sentence.tokens, frame) or content
    state.add("according_to", content, frame, speaker, number, mention)


def _source_group(match: re.Match[str]) -> str:
    return next(
        g for g in ("comp", "info", "per", "laut", "zufolge", "wie", "relative", "demnach", "meinung") if match[g]
    )


def _source_of(
    text: str, sentence: Sentence, match: re.Match[str], group: str, speakers: SpeakerResolver, state: QuoteState
) -> tuple[int, Actor, Span | None]:
    """Where an "according to" source starts, who it is and the words that name it."""
    source_start = match.start(group)
    if group == "zufolge":
        source_start = _source_before(sentence.tokens, source_start, match.end(group))
    speaker = speakers.in_span(source_start, match.end(group))
    mention: Span | None = _span(text, source_start, match.end(group))
    if group == "demnach":  # "Demnach …": the source just named
        speaker = state.last_document_speaker or state.last_speaker
    elif group == "meinung":  # "Seiner Meinung nach …": the person last named; "nach" is the cue
        speaker = state.last_speaker
        mention = _strip_span(text, source_start, text.rindex("nach", source_start, match.end(group)))
    elif group == "wie":  # "wie der Verband am Montag bekannt gab": the subject, not the clause;
        speaker, mention = speakers.subject_near(source_start, match.end(group))  # none in "wie bekannt wurde"
    elif group == "info" and OWN_ACCOUNT.match(match[group]):  # "nach eigenen Angaben": the subject
        speaker, mention = speakers.subject_near(sentence.start, sentence.end)
        speaker = speaker or state.last_speaker
    elif speaker is None:
        speaker = unnamed(INFO_HEAD.sub("", text[source_start : match.end(group)]))  # "… der Polizei" → Polizei
    return source_start, speaker, mention


def _clause_around(text: str, tokens: list[Token], frame: Span) -> Span | None:
    """The relative or adverbial clause a frame stands in, when it is not the sentence's first
    ("Katar, der laut einer dpa-Meldung einsteigen will"): up to where the main clause resumes
    after a comma, else to the sentence end; None when the frame is in the main clause."""
    before = [i for i, t in enumerate(tokens[:-1]) if t.text == "," and t.end <= frame.start]
    semicolon = max((i for i, t in enumerate(tokens[:-1]) if t.text == ";" and t.end <= frame.start), default=None)
    if semicolon is not None and (not before or before[-1] < semicolon):  # "…; nach NASA-Angaben sind es …"
        end = next((i for i in range(semicolon + 1, len(tokens)) if tokens[i].text == ";"), len(tokens))
        return _strip_span(text, tokens[semicolon + 1].start, tokens[end - 1].end)
    if not before or not is_dependent_clause(tokens[before[-1] + 1 :]):
        return None
    start = before[-1] + 1
    after_frame = next((i for i, t in enumerate(tokens) if t.start >= frame.end), len(tokens))
    comma = main_clause_comma(tokens, after_frame)
    return _strip_span(text, tokens[start].start, tokens[(len(tokens) if comma is None else comma) - 1].end)


NOUN_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "X"})
GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
SOURCE_MAX_TOKENS = 12
SOURCE_LINKS = frozenset({"von", "vom", "aus"})


def _source_before(tokens: list[Token], fallback: int, end: int) -> int:
    """Where the noun phrase that ends at `end` begins, by word class (`fallback` when no token
    ends there). Before "zufolge" the pattern reads any inflected word as an adjective, so
    "waren offiziellen Angaben" and "nimmt die Organisation Schätzungen" are cut to "offiziellen
    Angaben" and "Schätzungen", and a genitive gets its head back ("Angaben des Ministeriums",
    where the pattern saw "des …")."""
    inside = [t for t in tokens if t.end <= end][-SOURCE_MAX_TOKENS:]
    keep = len(inside) - 1
    for i in range(len(inside) - 1, -1, -1):
        token = inside[i]
        after_noun = i > 0 and inside[i - 1].pos in ("NOUN", "PROPN")
        if token.text in SOURCE_LINKS and after_noun:
            continue  # "Angaben des Instituts von Athen", "Angaben vom Mittwoch"
        if token.pos not in NOUN_PHRASE_POS and token.text not in '„“"()':  # "des Verbandes (VDR)"
            break
        if token.pos == "NOUN" and i + 1 < len(inside) and inside[i + 1].pos == "NOUN":
            break  # two bare nouns: the second begins the source
        keep = i
        if token.pos == "DET":
            head = inside[i - 1] if i > 0 else None
            if head is None or head.pos not in ("NOUN", "PROPN") or token.text.lower() not in GENITIVE_ARTICLES:
                break
    return inside[keep].start if inside else fallback


def _relative_source(
    text: str, number: int, sentence: Sentence, match: re.Match[str], speakers: SpeakerResolver, state: QuoteState
) -> bool:
    """ "Es gibt eine Schätzung, wonach …", "Gerüchte, nach denen …": what follows the relative
    word is the claim, the clause before it names the source (the noun phrase before the comma)."""
    after = [t for t in sentence.tokens if t.start >= match.end()]
    comma = main_clause_comma(after, indicative=True)  # the main clause goes on: "…, wonach …, wurde dementiert"
    content = _strip_span(text, match.end(), sentence.end if comma is None else after[comma].start)
    if _word_count(content.text) < 3:
        return False
    comma = match.start()
    source_start = _source_before(sentence.tokens, sentence.start, comma)
    named = any(t.end == comma and t.pos in NOUN_PHRASE_POS | {"PUNCT"} for t in sentence.tokens)
    mention = _span(text, source_start, comma) if source_start < comma and named else None  # not "…zurückgewiesen,"
    speaker = (speakers.in_span(mention.start, mention.end) or unnamed(mention.text)) if mention else None
    frame = _strip_span(text, sentence.start, match.end("relative"))
    state.add("according_to", content, frame, speaker, number, mention, cue=_relative_cue(text, match))
    return True


def _relative_cue(text: str, match: re.Match[str]) -> Span:
    """The source word of a relative source: "wonach", the "nach" of "nach denen", "zufolge"."""
    word = next(w for w in re.finditer(r"\w+", match["relative"]) if w[0] in ("wonach", "nach", "laut", "zufolge"))
    start = match.start("relative") + word.start()
    return _span(text, start, start + len(word[0]))


# What a study or an investigation yields: "Wie eine Studie ergab, …", "wie aus dem Bericht hervorgeht".
FINDING_VERBS = frozenset({"ergab", "ergaben", "ergibt", "ergeben", "hervorgeht", "hervorging", "hervorgehen"})


def _reports(match: re.Match[str]) -> bool:
    """ "wie die Polizei mitteilte": a wie-clause is a source frame only with a reporting verb
    ("wie erwartet" is none)."""
    return is_reporting_verb(match["wie_verb"]) or match["wie_verb"] in FINDING_VERBS | {"bekannt"}


def _partial_quotes(
    text: str,
    number: int,
    sentence: Sentence,
    quoted: list[tuple[int, int]],
    speakers: SpeakerResolver,
    state: QuoteState,
) -> bool:
    """Short quoted fragments inside reporting prose: "… als "gefährliche Ausweitung" verurteilt"."""
    verb = next(  # not a verb of the quoted words themselves ("„… die Unwahrheit gesagt haben“")
        (t for t in _reporting_verbs(sentence, sentence.start, sentence.end) if not _inside_any(t, quoted)),
        None,
    )
    if verb is None:
        # without a verb of saying, only words that cannot be a name: a lower-case fragment
        # ("sprach von einer „gezielten Indiskredition“") or a long stretch
        words = [(start, end) for start, end in quoted if _someones_words(text[start:end])]
        speaker, mention = speakers.subject_near(sentence.start, words[0][0]) if words else (None, None)
        for start, end in words:
            state.add("partial", _strip_span(text, start, end), None, speaker, number, mention)
        return bool(words)
    naming = NAMING.match(verb.text) is not None  # "nannte den Bericht eine „Zeitungsente“": a label, no title
    words = [  # not „Die Zeit“, but "wies dies als „Unverschämtheit“ zurück"
        (start, end) for start, end in quoted if naming or not _title(text[start:end]) or _label(text, start)
    ]
    if not words:
        return False
    speaker, mention = speakers.subject_near(sentence.start, words[0][0])  # "So nannte es Müller „…“"
    if not speaker:
        return False
    # the frame runs from the clause start to the first quoted words when the verb comes first
    # ("Wiefelspütz nannte den Bericht eine"), else over the clause around them ("Seine Werke
    # werden von Musikkennern als … bezeichnet")
    tokens = sentence.tokens
    index = tokens.index(verb)
    start = tokens[_clause_start(tokens, index)].start
    if verb.end < words[0][0]:
        frame = _strip_span(text, start, words[0][0] - 1)
    else:
        end = next((t.start for t in tokens[index + 1 :] if t.text in (",", ";", ":", ".", "!", "?")), sentence.end)
        frame = _strip_span(text, start, end)
    for start, end in words:
        state.add("partial", _strip_span(text, start, end), frame, speaker, number, mention)
    return True


def _speech_act(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """An act of speaking whose words are not given: "Seit Tagen warnt die Ukraine vor …"."""
    verb = next(
        (t for t in sentence.tokens if (act := SPEECH_ACT.match(text, t.start, sentence.end)) and act.end() == t.end),
        None,
    )
    if verb is None or not _acts_by_speaking(sentence.tokens, verb):
        return False
    speaker, mention = speakers.subject_near(sentence.start, sentence.end)
    if speaker:
        content = _strip_span(text, sentence.start, sentence.end)
        state.add("speech_act", content, _span(text, verb.start, verb.end), speaker, number, mention)
        state.recent_actor = (number, speaker, mention)
    return True


# Speech-act verbs that mean something else without their particle, which closes the clause:
# "warf einen Böller" or "siegte vor der Russin" (vs. "warf ihm Betrug vor").
NEEDS_PARTICLE = dict.fromkeys(("warf", "warfen", "wirft", "werfen"), "vor")
# ... or without their preposition, anywhere after them: "des Landes verwiesen" (vs. "verwies auf").
NEEDS_PREPOSITION = dict.fromkeys(("verwies", "verweist", "verwiesen"), "auf")
PASSIVE_FORMS = PASSIVE_AUXILIARIES | {"worden"}


def _acts_by_speaking(tokens: list[Token], verb: Token) -> bool:
    """Whether the sentence reports the speech act itself: the verb with its particle, in the
    active voice ("ist für Montag angekündigt worden" reports the plan, not who announced it)."""
    words = {t.text.lower() for t in tokens}
    particle = NEEDS_PARTICLE.get(verb.text.lower())
    if particle is not None and not _clause_final(tokens, particle):
        return False
    preposition = NEEDS_PREPOSITION.get(verb.text.lower())
    if preposition is not None and preposition not in words:
        return False
    return not ("VerbForm=Part" in verb.morph and words & PASSIVE_FORMS)


def _clause_final(tokens: list[Token], word: str) -> bool:
    """Whether the word closes a clause, as a separable particle does ("warf ihm Betrug vor.")."""
    return any(
        t.text.lower() == word and (i + 1 == len(tokens) or tokens[i + 1].pos == "PUNCT") for i, t in enumerate(tokens)
    )


def _verbatim_in(kind: str, content: Span) -> list[Span]:
    """Quoted stretches inside reported content: the speaker's own words, kept with the quote
    they belong to rather than as quotes of their own."""
    if kind in ("direct", "partial"):
        return []
    words = content.text
    return [
        Span(start=content.start + start, end=content.start + end, text=words[start:end])
        for start, end in quoted_spans(words, 0, len(words))
        if not _title(words[start:end])
    ]


def _someones_words(words: str) -> bool:
    """Quoted words that read as someone's: two or more starting in lower case, or seven or more."""
    count = len(words.split())
    return (count >= 2 and words[:1].islower()) or count >= 7


def _label(text: str, start: int) -> bool:
    """Quoted words someone labels a thing with: "wies dies als „Unverschämtheit“ zurück"."""
    return LABELLING.search(text, max(0, start - 8), start) is not None


LABELLING = re.compile(r"\bals\s+[„»\"‚]\Z")


# Nouns whose quoted apposition names a work, not someone's words: die CD „Have a nice day“.
WORK_NOUNS = re.compile(
    r"(?:CD|Album|Buch|Film|Titel|Vortrag|Vorträge|Sendung|Ausstellung|Enzyklika|Roman|Lied|Song|Single|Stück"
    r"|Oper|Serie|Kampagne|Projekt|Programm|Motto|Studie|Bericht|Dokumentation)\s*[„»\"‚]\Z"
)


def _named_work(text: str, span: tuple[int, int]) -> bool:
    """Whether quoted words are the title a noun of works puts in apposition („Have a nice day“)."""
    return WORK_NOUNS.search(text, max(0, span[0] - 30), span[0]) is not None


def _title(words: str) -> bool:
    """A name or title in quotation marks („Frankfurter Allgemeine Zeitung“, „Computerwoche“)
    rather than someone's words: every word capitalised."""
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words.split())


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


def medium_of(frame: Span | None, cue: Span | None) -> str | None:
    """ "writing" for written statements (schrieb, Erklärung, Mitteilung), "speech" for spoken ones."""
    if frame is None:
        return None
    if WRITTEN.search(frame.text):
        return "writing"
    return "speech" if cue is not None and cue.text.lower() in SPOKEN else None


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner spans of quotation-mark pairs within [start, end), outermost only."""
    spans = []
    i = start
    while i < end:
        closers = QUOTE_PAIRS.get(text[i])
        if closers and (text[i] != "‚" or i + 1 < end and text[i + 1].isalpha()):
            close = _closing_mark(text, i, end)
            if close > i + 1 and text[i + 1 : close].strip():  # „ “ around nothing quotes nothing
                spans.append((i + 1, close))
                i = close + 1
                continue
        i += 1
    return spans


def _closing_mark(text: str, opening: int, end: int) -> int:
    """Where the quotation opened at `opening` closes, nested pairs skipped ("„Wir haben
    „Small-Business-Unternehmen“ angemeldet“"); -1 when it stays open."""
    opener, closers = text[opening], QUOTE_PAIRS[text[opening]]
    depth = 0
    for j in range(opening + 1, end):
        if text[j] == opener and opener not in closers:
            depth += 1
        elif text[j] in closers:
            if depth == 0:
                return j
            depth -= 1
    return -1


def _frame_speaker(
    text: str, start: int, end: int, speakers: SpeakerResolver, state: QuoteState
) -> tuple[Actor, Span | None]:
    """The speaker a frame in [start, end) names: the document of "heißt es in …", else the subject."""
    said_in = SAID_IN.search(text, start, end)
    if said_in:
        return _document_source(text, said_in, speakers, state)
    return speakers.subject_near(start, end)


def _document_source(
    text: str, said_in: re.Match[str], speakers: SpeakerResolver, state: QuoteState
) -> tuple[Actor, Span | None]:
    """The document of "heißt es in der Erklärung des Bündnisses" / "Im Bericht heißt es":
    its author is the speaker, the document phrase the speaker's mention."""
    group = "source" if said_in["source"] else "before"
    mention = _strip_span(text, said_in.start(group), said_in.end(group))
    return speakers.for_document(mention.start, mention.end, state), mention


# Verbs that report only with a particle or pronoun nearby: "geht davon aus, dass …", "stellte
# fest, dass …", "zeigte sich überzeugt, dass …", "geht aus dem Bericht hervor, dass …".
PARTICLE_REACH = 20
PARTICLE_CUES = {
    ("geht", "ging", "gehen", "gingen"): ("davon", "von", "hervor"),
    ("stellte", "stellt", "stellten", "stellen"): ("fest",),
    ("zeigte", "zeigt", "zeigten", "zeigen"): ("sich",),
}


# "führte dazu, dass", "sorgte dafür, dass", "so dass": consequences, not speech.
# Adjectives that cue a dass-clause with their copula: "wurde bekannt, dass" (reported, by nobody named).
PREDICATIVE_CUES = frozenset({"bekannt", "bewusst", "überzeugt"})
# Nouns of opinion before a dass-clause: "ist der Meinung, dass", "vertritt die Auffassung, dass".
OPINION_NOUNS = frozenset({"Meinung", "Ansicht", "Auffassung", "Überzeugung"})
OPINION_HEADS = OPINION_NOUNS | {"These", "Position", "Standpunkt"}
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


def _cue_verb(tokens: list[Token], i: int) -> bool:
    """A verb of saying, alone or with its particle ("sagte", "geht … hervor")."""
    t = tokens[i]
    return t.text[0].islower() and (is_reporting_verb(t.text, t.lemma) or _particle_cue(tokens, i))


def _particle_cue(tokens: list[Token], i: int) -> bool:
    """A reporting verb made of a verb and its particle (see PARTICLE_CUES)."""
    particles = next((p for verbs, p in PARTICLE_CUES.items() if tokens[i].text in verbs), ())
    # the particle closes the clause, past a relative clause on the source ("geht aus einer
    # Meldung der dpa, die … verbreitet wurde, hervor")
    return any(t.text in particles for t in tokens[i + 1 : i + PARTICLE_REACH])


def _antecedent(text: str, tokens: list[Token], comma: int, speakers: SpeakerResolver) -> Actor:
    """Whom a relative pronoun after the comma at `comma` stands for: the noun phrase before it."""
    start = _source_before(tokens, tokens[comma].start, tokens[comma].start)
    if start >= tokens[comma].start:
        return None
    end = tokens[comma - 1].end
    return speakers.in_span(start, end) or unnamed(text[start:end])


def _clause_start(tokens: list[Token], verb: int) -> int:
    """Index of the first token of the clause holding the verb (after a sentence-internal
    boundary such as a closing quotation, a semicolon or a colon)."""
    for i in range(verb - 1, -1, -1):
        if tokens[i].text in (";", ":") or (tokens[i].text in CLOSING_QUOTES and not _quoted_name(tokens, i)):
            return i + 1
    return 0


def _reported_clause(tokens: list[Token], verb: int) -> bool:
    """Whether the clause holding `verb` is itself in the Konjunktiv I: its first finite verb."""
    start = _clause_start(tokens, verb)
    finite = next((t for t in tokens[start : verb + 1] if is_finite_verb(t)), None)
    return finite is not None and is_subjunctive(finite) and not finite.text.lower().startswith(CONDITIONAL_FORMS)


def _wie_clause_start(tokens: list[Token], commas: list[int], verb: int) -> int:
    """The comma opening a closing "wie"-frame whose subject has an apposition ("…, wie Burt
    Rutan, Chef der Firma, mitteilte"); else the comma right before the verb."""
    for comma in reversed(commas[:-1]):
        if verb - comma > FRAME_BEFORE_MAX or any(is_finite_verb(t) for t in tokens[comma + 1 : verb]):
            break
        if tokens[comma + 1].text.lower() == "wie":
            return comma
    return commas[-1]


def _quoted_name(tokens: list[Token], closing: int) -> bool:
    """Whether the quotation closing at `closing` is a short quoted name ("die Zeitung „Yemen
    Observer“ berichtet"), part of the clause rather than a boundary."""
    opening = next((i for i in range(closing - 1, max(-1, closing - 6), -1) if tokens[i].text in OPENING_QUOTES), None)
    return opening is not None


def _add_content(
    text: str,
    number: int,
    content: list[Token],
    frame: Span | None,
    speaker: Actor,
    mention: Span | None,
    state: QuoteState,
    cue_word: Span | None = None,
) -> bool:
    """Record reported content; `frame` introduces it, `cue_word` is its cue when the frame's
    words would not show which one it is (a verb found by its position before ", dass").
    False when too little is left to be anyone's statement, so that the caller reads on."""
    content = _without_narrated_tail(_without_main_clause(content))
    while content and content[-1].text in (".", ":", "!", "?", ",", ";"):
        content = content[:-1]
    if sum(t.pos != "PUNCT" for t in content) < 2:
        return False  # "…, würde": one word is no one's statement
    span = _strip_span(text, content[0].start, content[-1].end)
    kind = "indirect"
    inner = quoted_spans(text, span.start, span.end)
    if len(inner) == 1 and inner[0][0] == span.start + 1 and inner[0][1] >= span.end - 1:
        kind, span = "direct", _strip_span(text, inner[0][0], inner[0][1])  # 'sagte er, „Wir …“'
    mood = "Sub" if has_subjunctive(content) else None
    if frame is None:  # a frame without a subject ("Es wird befürchtet, dass …") names no one
        speaker = speaker or state.last_speaker
    if frame is None and kind == "indirect" and _continues_previous(text, span, speaker, state):
        _extend_previous(text, span, mood, state)
        return True
    state.add(kind, span, frame, speaker, number, mention, mood, cue=cue_word)
    return True


# Conjunctions after which the narrator may take over again: "Annabi sei tot, doch UN-Sprecher widersprachen".
CONTRASTING = frozenset({"doch", "aber", "jedoch", "während"})


def _without_main_clause(content: list[Token]) -> list[Token]:
    """A dass-, ob- or infinitive clause up to where the main clause resumes with its finite
    verb ("dass die Firma verkauft, stieg die Aktie"): what follows is the narrator's."""
    first_comma = next((i for i, t in enumerate(content) if t.text == ","), len(content))
    opens = bool(content) and (content[0].text.lower() in ("dass", "ob") or is_infinitive_clause(content[:first_comma]))
    if not opens:
        return content
    comma = main_clause_comma(content, indicative=True)
    return content if comma is None else content[:comma]


def _without_narrated_tail(content: list[Token]) -> list[Token]:
    """Reported content up to a contrasting clause, or a clause after a semicolon, in the
    indicative that follows it ("…, doch UN-Sprecher widersprachen", "…; diese bekannte sich nie")."""
    for i, token in enumerate(content[:-2]):
        contrast = token.text == "," and content[i + 1].text.lower() in CONTRASTING and has_subjunctive(content[:i])
        if contrast or token.text == ";":
            tail = content[i + 2 :] if contrast else content[i + 1 :]
            if any(is_finite_verb(t) for t in tail) and not has_subjunctive(tail):
                return content[:i]
    return content


def _continues_previous(text: str, span: Span, speaker: Actor, state: QuoteState) -> bool:
    """A run of reported sentences without a frame of their own is one quotation: the previous
    one, if it is such a sentence of the same speaker that ends right before, in the same paragraph."""
    previous = state.quotes[-1] if state.quotes else None
    return (
        previous is not None
        and previous.kind == "indirect"
        and previous.frame is None
        and state.speaker_of(previous)[0] == speaker
        and re.fullmatch(r"[ \t.!?]*", text[previous.content.end : span.start]) is not None
    )


def _extend_previous(text: str, span: Span, mood: str | None, state: QuoteState) -> None:
    """Add a sentence to the previous quotation; one sentence in the subjunctive makes the
    whole run reported speech ("Der Mann soll eingedrungen sein. Zuerst habe er …")."""
    previous = state.quotes[-1]
    previous.content = _span(text, previous.content.start, span.end)
    previous.mood = previous.mood or mood
    previous.verbatim = _verbatim_in(previous.kind, previous.content)


def _first_reporting_verb(sentence: Sentence, start: int, end: int) -> Token | None:
    return next(_reporting_verbs(sentence, start, end), None)


def _reporting_verbs(sentence: Sentence, start: int, end: int) -> Iterator[Token]:
    tokens = sentence.tokens
    for i, t in enumerate(tokens):
        in_range = start <= t.start < end and t.text[0].islower()
        if in_range and is_reporting_verb(t.text, t.lemma) and not _editorial_note(tokens, i):
            yield t


def _inside_any(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start < end for start, end in spans)


def _editorial_note(tokens: list[Token], i: int) -> bool:
    """A verb in a short bracketed note ("(Wikinews berichtete)") points to another article, not to a quote."""
    return i + 1 < len(tokens) and tokens[i + 1].text == ")" and any(t.text == "(" for t in tokens[max(0, i - 3) : i])


def _closing_frame_end(text: str, sentence: Sentence, verb: Token) -> int:
    """A frame after the last quoted words runs to the end of the sentence (", sagte Hugo
    Salcedo, Kopf einer Gruppe von Inspektoren, in einem Interview."), or up to further quoted words."""
    further = [start for start, end in quoted_spans(text, verb.end, sentence.end) if not _title(text[start:end])]
    if further:  # not a quoted name: ", zitiert die „Computerwoche“ Lynch"
        return _frame_end(text, verb.end, further[0] - 1)
    return _to_sentence_end(text, verb.start, sentence).end


def _to_sentence_end(text: str, start: int, sentence: Sentence) -> Span:
    """The words from `start` to the end of the sentence, without its final stop."""
    span = _strip_span(text, start, sentence.end)
    return _strip_span(text, span.start, span.end - 1) if span.text[-1] in ".!?" else span


def _frame_end(text: str, position: int, limit: int) -> int:
    stop = min((i for i in (text.find(",", position, limit), text.find(".", position, limit)) if i >= 0), default=limit)
    return stop


def _word_count(fragment: str) -> int:
    return len(re.findall(r"\w+", fragment))


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return _span(text, start, end)

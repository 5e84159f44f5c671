"""Quoted words: direct quotations with their frame before, after or in the next sentence, block
quotes with their attribution line, the headline convention `X: „…“`, and partial quotations
(short quoted fragments in reporting prose: bezeichnete es als „große Tragödie“)."""

from __future__ import annotations

import re

from quellenlage.attribution.according import source_group, source_of
from quellenlage.attribution.actors import Actor
from quellenlage.attribution.clauses import SUBORDINATORS, is_subjunctive, main_clause_comma
from quellenlage.attribution.cue_spans import cue_in
from quellenlage.attribution.cues import ACCORDING_TO, SAID_IN, is_finite_verb
from quellenlage.attribution.frames import (
    NAMING,
    document_source,
    find_so_frame,
    first_reporting_verb,
    frame_in_next,
    is_cue_verb,
    reporting_verbs,
    so_source,
    span_at,
    start_of_clause,
    to_sentence_end,
    trimmed_span,
    word_count,
)
from quellenlage.attribution.marks import CLOSING_QUOTES, is_label, is_title, quoted_spans, someones_words
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.model import EntityRef, Quote, Segment, Sentence, Span, Token

HEADLINE_QUOTE = re.compile(r"^(?P<speaker>[^:\"„“]{2,60}):\s*[\"„»“](?P<content>[^\"“”«]+)[\"“”«]?[.!]?$")

MIN_DIRECT_WORDS = 5


# A sentence is a direct quotation when quoted words make up at least this share of it;
# below, its quoted stretches are fragments embedded in reported speech or prose.
DIRECT_SHARE = 0.4


def block_quote(text: str, segments: list[Segment], i: int, speakers: SpeakerResolver, state: QuoteState) -> None:
    attribution = segments[i + 1] if i + 1 < len(segments) and segments[i + 1].kind == "attribution" else None
    if attribution is not None and not _names_a_source(attribution, speakers):
        attribution = None  # a subheading after the quotation: the words go on from the last speaker
    speaker = speakers.first_in_span(attribution.start, attribution.end) if attribution else None
    cue = span_at(text, attribution.start, attribution.end) if attribution else None
    state.add("direct", span_at(text, segments[i].start, segments[i].end), cue, speaker or state.last_speaker, None)


def _names_a_source(line: Segment, speakers: SpeakerResolver) -> bool:
    """Whether a line the layout took for a block quote's attribution names who speaks ("— Olaf
    Scholz, Bundeskanzler", "Nato-Erklärung") rather than being the next subheading, a clause
    with a finite verb ("EU warnte vor der endgültigen Verabschiedung des Gesetzes")."""
    if line.text.lstrip()[:1] in "—–-":
        return True
    return not any(
        line.start <= t.start < line.end and t.pos in ("VERB", "AUX") and is_finite_verb(t)
        for sentence in speakers.sentences
        if sentence.start < line.end and sentence.end > line.start
        for t in sentence.tokens
    )


def headline_quote(text: str, segment: Segment, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """The headline convention `Selenskyj: "11.000 Nordkoreaner im Gebiet Kursk"`."""
    match = HEADLINE_QUOTE.match(segment.text)
    if not match:
        return False
    speaker_start = segment.start + match.start("speaker")
    speaker = speakers.in_span(speaker_start, segment.start + match.end("speaker"))
    if not speaker:
        return False
    content = trimmed_span(text, segment.start + match.start("content"), segment.start + match.end("content"))
    state.add("direct", content, span_at(text, speaker_start, segment.start + match.end("speaker") + 1), speaker, None)
    return True


def quoted_in_frame(text: str, quoted: list[tuple[int, int]], quote: Quote, state: QuoteState) -> None:
    """Quoted words in the frame of the reported speech just found are the speaker's too
    ("Gillard bezeichnete das Unglück als „große Tragödie“ und erklärte, …"): a partial
    quotation, framed by the words before them, when they read as someone's words and not as
    a name („BILD am Sonntag“, „heise online“)."""
    frame = quote.frame
    if frame is None:
        return
    for start, end in quoted:
        inside_frame = frame.start < start - 1 and end <= frame.end
        if not inside_frame or not (someones_words(text[start:end]) or is_label(text, start)):
            continue
        words, before = trimmed_span(text, start, end), trimmed_span(text, frame.start, start - 1)
        speaker, mention = state.speaker_of(quote)
        state.add("partial", words, before, speaker, quote.sentence, mention)


def announced_by_colon(text: str, sentence: Sentence, quoted: list[tuple[int, int]]) -> bool:
    """ "So sagte der SPD-Vorsitzende Sigmar Gabriel: „Ich finde, …“": a quotation that a colon
    announces and that ends the sentence is direct, however long its frame."""
    if not quoted:
        return False
    (first, _), (_, last) = quoted[0], quoted[-1]
    before, after = text[sentence.start : first - 1].rstrip(), text[last + 1 : sentence.end]
    return before.endswith(":") and not after.strip(' .!?“”"«»') and word_count(text[first:last]) >= 2


def direct_quotes(
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
    spans = [(start, end) for start, end in spans if not is_title(text[start:end])] or spans
    outside_start = spans[-1][1] + 1
    frame_before = text[sentence.start : max(spans[0][0] - 1, sentence.start)]
    cue, speaker, mention = None, None, None
    verb_cue: Span | None = None
    said_in = SAID_IN.search(text, outside_start, sentence.end) or SAID_IN.search(text, sentence.start, spans[0][0])
    if said_in:
        cue = trimmed_span(text, said_in.start(), said_in.end())
        if said_in.start() < spans[0][0] and frame_before.rstrip().endswith(":"):
            cue = _colon_clause(text, sentence, spans)  # "Auf der Homepage heißt es zur Begründung, …:"
        speaker, mention = document_source(text, said_in, speakers, state)
    elif so_frame := find_so_frame(text, sentence, spans[-1][1]):  # "„…“, so Schnappauf."
        cue = trimmed_span(text, so_frame.start(), so_frame.end())
        speaker, mention = so_source(text, so_frame, speakers, state)
    elif (
        verb := first_reporting_verb(sentence, outside_start, sentence.end) or _inverted_verb(sentence, outside_start)
    ) is not None:
        speaker, mention = speakers.subject_near(outside_start, sentence.end)
        frame_end = _closing_frame_end(text, sentence, verb)
        cue = trimmed_span(text, verb.start, frame_end)
    elif frame_before.rstrip().endswith(":") or first_reporting_verb(sentence, sentence.start, spans[0][0]):
        cue = _colon_clause(text, sentence, spans)
        speaker, mention, verb_cue = _colon_frame(text, sentence, cue, speakers)
        if _reported_announcement(sentence, cue) and state.last_speaker is not None:
            # "Gleichzeitig zeige der Film: „…“": the announcement is itself the last speaker's reported words
            speaker, mention, verb_cue = state.last_speaker, None, None
    elif (source := _source_outside(text, sentence, spans)) is not None:  # "Seiner Ansicht nach „…“"
        source_start, speaker, mention = source_of(text, sentence, source, source_group(source), speakers, state)
        cue = trimmed_span(text, min(source_start, source.start()), source.end())
    elif not frame_before.strip() and (previous := state.previous_unit) is not None and _announces_next(text, previous):
        # the paragraph or sentence before ends in a colon: "X stellt der Regierung ein schlechtes Zeugnis aus:"
        cue = _colon_clause(text, previous, [(previous.end + 1, previous.end + 1)])
        speaker, mention, verb_cue = _colon_frame(text, previous, cue, speakers)
    elif (named := frame_in_next(text, following, speakers)) is not None and (
        named.points_back or not state.previous_quoted
    ):
        # the next sentence names the speaker: "Das sagte X." / "Bundestrainer Lund sprach von …";
        # right after someone's words, only when it points back: else the quotation goes on
        speaker, mention, cue = named.speaker, named.mention, named.frame
    if cue is None and speaker is None and state.previous_quoted and (framing := _framing_direct_quote(state)):
        # the words go on: „…“, sagte Beck. („Er sei …“) „Die Menschen hier …“
        cue, (speaker, mention) = framing.frame, state.speaker_of(framing)
    if cue is None:
        speaker = speaker or _person_just_introduced(number, speakers, state) or state.last_speaker
    for start, end in spans:
        if cue is None and not any(start <= t.start < end and t.pos in ("VERB", "AUX") for t in sentence.tokens):
            continue  # „Nackt unter Wölfen“: a title standing alone, nobody's words
        state.add("direct", trimmed_span(text, start, end), cue, speaker, number, mention, cue=verb_cue)


def _person_just_introduced(number: int, speakers: SpeakerResolver, state: QuoteState) -> Actor:
    """Words without a frame right after a sentence whose subject is a person ("Der
    Vorstandsvorsitzende Christian Sewing freut sich auf die Zusammenarbeit. „…“") are that
    person's, not those of whoever was quoted before."""
    recent = state.recent_actor
    if recent is None or recent[0] != number - 1 or not isinstance(recent[1], EntityRef) or recent[1].id is None:
        return None
    entity = speakers.index.get(recent[1].id)
    return recent[1] if entity is not None and entity.type == "PER" else None


def _colon_clause(text: str, sentence: Sentence, spans: list[tuple[int, int]]) -> Span:
    """The clause that announces quoted words with a colon: from the sentence start or an
    earlier colon ("… scharf: So sagte Rehn: „…“") to the quotation mark."""
    head = text[sentence.start : spans[0][0] - 1].rstrip().rstrip(":")
    clause_start = sentence.start + max(head.rfind(":"), head.rfind(";")) + 1
    return trimmed_span(text, clause_start, spans[0][0] - 1)


def _colon_frame(
    text: str, sentence: Sentence, frame: Span, speakers: SpeakerResolver
) -> tuple[Actor, Span | None, Span | None]:
    """Who a frame before a colon names, and its announcing verb when it has no verb of saying
    ("Der Minister zeigte sich besorgt: „…“"). A clause opening the frame is not where the
    speaker stands: in "Ob es dem Präsidenten um Öl gehe, beantwortete Sprecherin Y:" the main
    clause after it names her."""
    words = [t for t in sentence.tokens if frame.start <= t.start < frame.end]
    start = frame.start
    if words and (words[0].pos == "SCONJ" or words[0].text.lower() in SUBORDINATORS):
        comma = main_clause_comma(words)
        if comma is not None:
            start = words[comma + 1].start
    closing = [
        i
        for i, t in enumerate(words)
        if i
        and t.start > start
        and words[i - 1].text == ","
        and is_cue_verb(words, i)
        and any(is_finite_verb(w) for w in words[: i - 1] if w.start >= start)
    ]
    if closing:  # "Die Technik stamme aus den 90ern, sagte Stein:": reported words, then Stein's frame
        verb = words[closing[-1]]
        subject, mention = speakers.subject_near(verb.start, frame.end)
        if mention is not None and mention.start > verb.start:  # not "X, der … war, sagte zum Abschluss:"
            return subject, mention, None
    speaker, mention = speakers.named_by_frame(start, frame.end)
    verbs = (span_at(text, t.start, t.end) for t in words if t.start >= start and _announces(t, frame))
    return speaker, mention, next(verbs, None) if cue_in(frame) is None else None


def _reported_announcement(sentence: Sentence, frame: Span) -> bool:
    """Whether a clause before a colon is reported speech without a verb of saying of its own
    ("Gleichzeitig zeige der Film:", "Umso wichtiger seien Persönlichkeiten, die …:")."""
    words = [t for t in sentence.tokens if frame.start <= t.start < frame.end]
    if words and (words[0].pos == "SCONJ" or words[0].text.lower() in SUBORDINATORS | {"ob"}):
        comma = main_clause_comma(words)  # "Ob es ihm um Öl gehe, beantwortete Y:": the main clause counts
        words = words[comma + 1 :] if comma is not None else []
    finite = next((t for t in words if is_finite_verb(t) or is_subjunctive(t)), None)
    has_cue = any(is_cue_verb(words, i) for i in range(len(words)))
    return finite is not None and is_subjunctive(finite) and not has_cue


def _announces_next(text: str, previous: Sentence) -> bool:
    """Whether the sentence before announces the quotation that opens this one: it ends in a
    colon and quotes nothing itself."""
    return previous.text.rstrip().endswith(":") and not quoted_spans(text, previous.start, previous.end)


def _framing_direct_quote(state: QuoteState) -> Quote | None:
    """The direct quotation whose frame a run of quotations without frames of their own goes
    back to: the last quote, or the one before frameless continuations of its speaker."""
    if not state.quotes:
        return None
    last_speaker = state.speaker_of(state.quotes[-1])[0]
    for quote in reversed(state.quotes):  # not a reversed copy of every quote so far: this runs per quote
        if quote.frame is not None:
            return quote if quote.kind == "direct" else None
        if state.speaker_of(quote)[0] != last_speaker:
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


def partial_quotes(
    text: str,
    number: int,
    sentence: Sentence,
    quoted: list[tuple[int, int]],
    speakers: SpeakerResolver,
    state: QuoteState,
) -> bool:
    """Short quoted fragments inside reporting prose: "… als "gefährliche Ausweitung" verurteilt"."""
    verb = next(  # not a verb of the quoted words themselves ("„… die Unwahrheit gesagt haben“")
        (t for t in reporting_verbs(sentence, sentence.start, sentence.end) if not _inside_any(t, quoted)),
        None,
    )
    if verb is None:
        # without a verb of saying, only words that cannot be a name: a lower-case fragment
        # ("sprach von einer „gezielten Indiskredition“") or a long stretch
        words = [(start, end) for start, end in quoted if someones_words(text[start:end])]
        speaker, mention = speakers.subject_near(sentence.start, words[0][0]) if words else (None, None)
        for start, end in words:
            state.add("partial", trimmed_span(text, start, end), None, speaker, number, mention)
        return bool(words)
    naming = NAMING.match(verb.text) is not None  # "nannte den Bericht eine „Zeitungsente“": a label, no title
    words = [  # not „Die Zeit“, but "wies dies als „Unverschämtheit“ zurück"
        (start, end) for start, end in quoted if naming or not is_title(text[start:end]) or is_label(text, start)
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
    start = tokens[start_of_clause(tokens, index)].start
    if verb.end < words[0][0]:
        frame = trimmed_span(text, start, words[0][0] - 1)
    else:
        end = next((t.start for t in tokens[index + 1 :] if t.text in (",", ";", ":", ".", "!", "?")), sentence.end)
        frame = trimmed_span(text, start, end)
    for start, end in words:
        state.add("partial", trimmed_span(text, start, end), frame, speaker, number, mention)
    return True


def _inside_any(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start < end for start, end in spans)


def _closing_frame_end(text: str, sentence: Sentence, verb: Token) -> int:
    """A frame after the last quoted words runs to the end of the sentence (", sagte Hugo
    Salcedo, Kopf einer Gruppe von Inspektoren, in einem Interview."), or up to further quoted words."""
    further = [start for start, end in quoted_spans(text, verb.end, sentence.end) if not is_title(text[start:end])]
    if further:  # not a quoted name: ", zitiert die „Computerwoche“ Lynch"
        return _frame_end(text, verb.end, further[0] - 1)
    return to_sentence_end(text, verb.start, sentence).end


def _frame_end(text: str, position: int, limit: int) -> int:
    stop = min((i for i in (text.find(",", position, limit), text.find(".", position, limit)) if i >= 0), default=limit)
    return stop

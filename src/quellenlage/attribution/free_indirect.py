"""Reported speech without a frame of its own: a free-standing subjunctive sentence continues the
actor just named or the last speaker; a clause in the subjunctive after any main clause right
after a quotation; a statement whose source the next sentence gives ("Das erklärte X.")."""

from __future__ import annotations

from quellenlage.attribution.clauses import free_standing_subjunctive, is_relative_clause, is_reported
from quellenlage.attribution.content import add_content
from quellenlage.attribution.cue_spans import cue_in
from quellenlage.attribution.cues import is_finite_verb
from quellenlage.attribution.frames import frame_in_next, span_at, trimmed_span
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.model import Sentence


def reported_by_next(
    text: str,
    number: int,
    sentence: Sentence,
    following: Sentence | None,
    speakers: SpeakerResolver,
    state: QuoteState,
) -> bool:
    """A statement whose source the next sentence gives: "Die Enten waren mit H5N1 infiziert.
    Das erklärte ein Sprecher des Ministeriums." """
    named = frame_in_next(text, following, speakers)
    if named is None or not named.points_back or named.speaker is None:
        return False
    # "Dies geht aus … hervor.": a frame whose speech word is a particle verb has that verb as cue
    verb = span_at(text, named.verb.start, named.verb.end) if cue_in(named.frame) is None else None
    add_content(text, number, sentence.tokens, named.frame, named.speaker, named.mention, state, verb)
    return True


def free_indirect_quote(
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
    add_content(text, number, sentence.tokens, None, speaker, mention, state)
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
        speaker, mention = speakers.subject_near(head[0].start, head[-1].end)
        if content[0].text.lower() in COORDINATING:
            # "Pendler sparten viel Geld, und für Autofahrer werde es attraktiver": two clauses of
            # the speaker's account, no frame
            return add_content(text, number, tokens, None, state.last_speaker, None, state)
        if speaker is None or (mention is not None and any(c.isdigit() for c in mention.text)):
            # "Damit ließen sich 855 Euro sparen, das seien …": no one who could speak frames it
            return add_content(text, number, content, None, state.last_speaker, None, state)
        frame = trimmed_span(text, head[0].start, head[-1].end)
        add_content(text, number, content, frame, speaker, mention, state, span_at(text, verb.start, verb.end))
        return True
    return False


# Conjunctions that join main clauses: what follows them is no content of the clause before.
COORDINATING = frozenset({"und", "oder", "aber", "sondern", "doch", "denn"})

"""Recording reported content: the stretch a frame introduces is cut where the narrator takes over
again ("…, doch UN-Sprecher widersprachen"), and a run of frameless reported sentences of one
speaker becomes one quotation."""

from __future__ import annotations

import re

from quellenlage.attribution.actors import Actor
from quellenlage.attribution.clauses import has_subjunctive, is_infinitive_clause, main_clause_comma
from quellenlage.attribution.cues import is_finite_verb
from quellenlage.attribution.frames import span_at, trimmed_span
from quellenlage.attribution.marks import quoted_spans
from quellenlage.attribution.state import QuoteState, verbatim_in
from quellenlage.model import Span, Token


def add_content(
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
    span = trimmed_span(text, content[0].start, content[-1].end)
    kind = "indirect"
    inner = quoted_spans(text, span.start, span.end)
    if len(inner) == 1 and inner[0][0] == span.start + 1 and inner[0][1] >= span.end - 1:
        kind, span = "direct", trimmed_span(text, inner[0][0], inner[0][1])  # 'sagte er, „Wir …“'
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
    previous.content = span_at(text, previous.content.start, span.end)
    previous.mood = previous.mood or mood
    previous.verbatim = verbatim_in(previous.kind, previous.content)

"""What the quotation finder remembers while it reads an article: the quotations recorded so far,
the last speaker and where it was named, the subject of the sentence just read. Every finder
records through `QuoteState.add`, which fills in the cue, its parts, the medium and the verbatim
words of a quotation the same way for all of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from quellenlage.attribution.actors import Actor, to_source
from quellenlage.attribution.cue_spans import cue_in, cue_parts_in
from quellenlage.attribution.marks import is_title, quoted_spans
from quellenlage.attribution.medium import medium_of
from quellenlage.model import Quote, Sentence, Span

# Only quotations that give someone's words make the next subjunctive sentence theirs.
CONTINUING_KINDS = frozenset({"direct", "indirect", "free_indirect", "according_to"})


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
    # äußerten Bedenken."): a subjunctive sentence right after it gives that actor's words (see
    # `recent_actor`; most sentences are never asked for it, so it is found when asked)
    _recent_actor: tuple[int, Actor, Span | None] | None = None
    _actor_candidates: list[tuple[int, Callable[[], tuple[Actor, Span | None] | None]]] = field(default_factory=list)
    # the sentence (or quotation unit) read before the current one, within the text segments
    previous_unit: Sentence | None = None
    # each recorded quotation's speaker in the finder's working form, and where it is named
    speakers: dict[str, tuple[Actor, Span | None]] = field(default_factory=dict)
    # the quotations recorded for each sentence number, so that finding them is no scan of all
    by_sentence: dict[int | None, list[Quote]] = field(default_factory=dict)

    @property
    def recent_actor(self) -> tuple[int, Actor, Span | None] | None:
        """The latest sentence's subject that could speak, with its sentence number: the newest
        remembered candidate that finds one, else the one set or found before."""
        while self._actor_candidates:
            number, find = self._actor_candidates.pop()
            found = find()
            if found is not None:
                self._recent_actor = (number, *found)
                self._actor_candidates.clear()
        return self._recent_actor

    @recent_actor.setter
    def recent_actor(self, actor: tuple[int, Actor, Span | None]) -> None:
        self._recent_actor = actor
        self._actor_candidates.clear()

    def remember_actor(self, number: int, find: Callable[[], tuple[Actor, Span | None] | None]) -> None:
        """A sentence whose subject may be the next recent actor: `find` gives it (None where the
        subject cannot speak), called only when someone asks for `recent_actor`."""
        self._actor_candidates.append((number, find))

    def in_sentence(self, number: int | None) -> list[Quote]:
        """The quotations recorded so far with this sentence number, in the order recorded."""
        return list(self.by_sentence.get(number, []))

    def latest_actor(self) -> Actor:
        """Who spoke last: the last speaker of someone's words, or the subject of a later sentence
        that reported an act of speaking ("Die EU warnte vor dem Gesetz.")."""
        last_quote = next((q for q in reversed(self.quotes) if q.kind in CONTINUING_KINDS), None)
        if self.recent_actor is not None and (last_quote is None or (last_quote.sentence or 0) < self.recent_actor[0]):
            return self.recent_actor[1]
        return self.last_speaker

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
            verbatim=verbatim_in(kind, content),
            sentence=sentence,
            mood=mood,
        )
        self.set_speaker(quote, speaker, speaker_mention)
        self.quotes.append(quote)
        self.by_sentence.setdefault(sentence, []).append(quote)
        if speaker and kind in CONTINUING_KINDS:
            self.last_speaker, self.last_mention = speaker, speaker_mention
        return quote


def verbatim_in(kind: str, content: Span) -> list[Span]:
    """Quoted stretches inside reported content: the speaker's own words, kept with the quote
    they belong to rather than as quotes of their own."""
    if kind in ("direct", "partial"):
        return []
    words = content.text
    return [
        Span(start=content.start + start, end=content.start + end, text=words[start:end])
        for start, end in quoted_spans(words, 0, len(words))
        if not is_title(words[start:end])
    ]

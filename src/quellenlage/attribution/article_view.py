"""The article as the speaker finder reads it: its text, its sentences (looked up by position) and
the entity mentions in a stretch of it that may name a speaker."""

from __future__ import annotations

from collections.abc import Sequence

from quellenlage.attribution.speaker_nouns import AGENT_COMPOUND
from quellenlage.entities.index import ACTOR_FORMS, EntityIndex
from quellenlage.model import Entity, Mention, Sentence, Span, Token
from quellenlage.spans import containing

SPEAKER_TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})


class ArticleView:
    def __init__(self, text: str, index: EntityIndex, sentences: Sequence[Sentence] = ()):
        self.text = text
        self.index = index
        self.sentences = sentences
        self._sentence_starts = [s.start for s in sentences]  # sorted, not overlapping: bisect
        self._sentence_ends = [s.end for s in sentences]

    def sentence_number(self, position: int) -> int | None:
        return containing(self._sentence_starts, self._sentence_ends, position)

    def sentence_at(self, position: int) -> Sentence | None:
        number = self.sentence_number(position)
        return self.sentences[number] if number is not None else None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens of the sentence at `start` that lie inside [start, end)."""
        sentence = self.sentence_at(start)
        return [t for t in sentence.tokens if start <= t.start and t.end <= end] if sentence else []

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

    def mentions(self, start: int, end: int, *, compounds: bool) -> list[tuple[Mention, Entity]]:
        """Actor mentions; a source phrase also counts compounds ("nach US-Angaben"), a subject
        only compounds of agents ("die Nato-Verbündeten")."""
        return [
            (m, e)
            for m, e in self.index.within(start, end)
            if e.type in SPEAKER_TYPES
            and (compounds or m.form in ACTOR_FORMS or (m.form == "compound" and AGENT_COMPOUND.search(m.text)))
        ]

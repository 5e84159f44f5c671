"""The language stage reads every segment on its own: a segment's sentences, tokens and names do not
depend on what stands around it, on how segments are batched, or on whether the same text came
before (a repeated line is read by the model once and its reading reused at the new offsets)."""

from __future__ import annotations

import random

from quellenlage.language import annotate
from quellenlage.language.annotate import BATCH_CHARS
from quellenlage.layout import find_segments
from quellenlage.model import Segment, Sentence

LINES = [
    "12:30 Uhr: Bundeskanzler Olaf Scholz sagte in Berlin, die Lage sei ernst.",
    "Mehr zum Thema",
    "Nach Angaben der Polizei kamen am Montag rund 3.000 Menschen zur Kundgebung in Dresden.",
    "„Wir werden nicht nachgeben“, erklärte Außenministerin Annalena Baerbock.",
]


def _shape(sentences: list[Sentence], base: int) -> list[tuple]:
    return [
        (s.start - base, s.text, [(t.start - base, t.text, t.lemma, t.pos, t.morph, t.head, t.dep) for t in s.tokens])
        for s in sentences
    ]


def test_every_segment_reads_as_if_alone_repeated_or_not() -> None:
    rng = random.Random(7)
    # enough repeated lines for several batches of the model
    lines = [rng.choice(LINES) for _ in range(3 * BATCH_CHARS // 60)]
    text = "\n".join(lines)
    segments = find_segments(text)
    sentences, names = annotate(text, segments)
    alone = {s.text: annotate(s.text, [Segment(kind=s.kind, start=0, end=len(s.text), text=s.text)]) for s in segments}
    for number, segment in enumerate(segments):
        own = [s for s in sentences if s.segment == number]
        expected_sentences, expected_names = alone[segment.text]
        assert _shape(own, segment.start) == _shape(expected_sentences, 0)
        own_names = [
            (n.start - segment.start, n.end - segment.start, n.label)
            for n in names
            if segment.start <= n.start < segment.end
        ]
        assert own_names == [(n.start, n.end, n.label) for n in expected_names]
    assert all(text[t.start : t.end] == t.text for s in sentences for t in s.tokens)

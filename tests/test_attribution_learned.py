"""The learned layer beside the rules: medium and confidences on every quotation."""

from __future__ import annotations

import math

from quellenlage import analyze
from quellenlage.attribution.learned import WEIGHTS, LinearModel, load_model

TEXT = (
    "Der Finanzminister sprach am Montag in Berlin vor Journalisten. "
    "„Wir werden die Steuern in diesem Jahr nicht erhöhen“, sagte er. "
    "In einer schriftlichen Mitteilung erklärte das Ministerium, es gebe keine Pläne für eine Erhöhung. "
    "Nach Angaben der Polizei wurden drei Menschen verletzt. "
    "Die Opposition warnte vor einer Rezession."
)


def test_the_shipped_weights_load() -> None:
    model = load_model(WEIGHTS)
    assert model is not None
    assert set(model.medium.classes) >= {"speech", "writing", "speech_writing"}
    assert model.quote.classes == ("1",) and model.speaker.classes == ("1",)


def test_every_quotation_has_medium_sentence_and_confidences() -> None:
    analysis = analyze(TEXT, force=True)
    assert len(analysis.quotes) >= 4
    for quote in analysis.quotes:
        assert quote.medium is not None
        assert quote.sentence is not None
        assert analysis.sentences[quote.sentence].start <= quote.content.start < analysis.sentences[quote.sentence].end
        assert quote.confidence is not None and 0 < quote.confidence < 1
        assert quote.speaker is not None and quote.speaker.confidence is not None
        assert 0 < quote.speaker.confidence < 1


def test_a_written_frame_gives_writing_and_a_spoken_one_speech() -> None:
    analysis = analyze(TEXT, force=True)
    by_cue = {q.cue.text: q for q in analysis.quotes if q.cue is not None}
    assert by_cue["sagte"].medium == "speech"
    assert by_cue["erklärte"].medium in ("writing", "speech_writing")


def test_a_linear_model_sums_its_weights() -> None:
    binary = LinearModel(classes=("1",), bias=(-1.0,), weights={"a": (2.0,), "b": (0.5,)})
    assert binary.probability({"a": 1.0, "b": 1.0, "unknown": 1.0}) == 1 / (1 + math.exp(-1.5))
    multi = LinearModel(classes=("x", "y"), bias=(0.0, 0.1), weights={"a": (1.0, 0.0)})
    assert multi.best({"a": 1.0}) == "x" and multi.best({}) == "y"

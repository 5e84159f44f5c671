"""The learned sentence classifier beside the rules: what it sees, and when it decides."""

from __future__ import annotations

import re

from quellenlage import analyze
from quellenlage.attribution.learned import AttributionModel, LinearModel
from quellenlage.attribution.learned_sentences import decide, recording

TEXT = (
    "„Wir haben ihn seit Wochen beobachtet“, sagte ein Sprecher der Polizei. "
    "Die Polizei nahm am Montag einen Mann in Hamburg fest. "
    "Er soll den Ausbrechern zur Flucht verholfen haben. "
    "Die Opposition sieht darin ein Versagen der Behörden."
)


def test_recording_sees_the_sentences_no_rule_claimed_and_decides_nothing() -> None:
    with recording() as rows:
        analysis = analyze(TEXT, force=True)
    starts = {start for _, start, _, _ in rows}
    quoted = {analysis.sentences[q.sentence].start for q in analysis.quotes if q.sentence is not None}
    assert rows and not starts & quoted
    assert all(q.kind != "free_indirect" for q in analysis.quotes)
    hearsay = next(features for _, start, end, features in rows if "soll" in TEXT[start:end])
    assert hearsay["hearsay_modal"] == 1.0 and hearsay["hearsay_perfect"] == 1.0


def test_no_feature_names_an_entity_label() -> None:
    """A language model with other entity labels must not change what the classifier sees."""
    with recording() as rows:
        analyze(TEXT, force=True)
    names = {name for _, _, _, features in rows for name in features}
    assert not any(re.search(r"\b(PER|ORG|LOC|MISC|person|organization|location)\b", name) for name in names)


def _model(thresholds: dict[str, float]) -> AttributionModel:
    rate = LinearModel(classes=("1",), bias=(0.0,), weights={})
    sentence = LinearModel(
        classes=("free_indirect", "none", "reported"),
        bias=(0.0, 1.0, 0.0),
        weights={"hearsay_perfect": (3.0, 0.0, 0.0), "reporting_verb": (0.0, 0.0, 3.0)},
    )
    return AttributionModel(rate, rate, rate, sentence=sentence, sentence_thresholds=thresholds)


def test_a_class_is_recorded_only_at_its_threshold() -> None:
    model = _model({"free_indirect": 0.5, "reported": 1.0})
    assert decide(model, {"hearsay_perfect": 1.0}) == "free_indirect"  # p = e^3 / (e^3 + e + 1) ≈ 0.83
    assert decide(model, {"reporting_verb": 1.0}) is None  # likely, but its class is switched off
    assert decide(model, {}) is None  # p(free_indirect) = 1 / (2 + e) ≈ 0.21
    assert decide(_model({}), {"hearsay_perfect": 1.0}) is None  # no threshold: never


def test_probabilities_of_a_multinomial_model_sum_to_one() -> None:
    probabilities = _model({}).sentence.probabilities({"hearsay_perfect": 1.0})  # type: ignore[union-attr]
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9
    assert max(probabilities, key=probabilities.__getitem__) == "free_indirect"

"""The learned layer beside the rules: for every quotation the rules found, its medium (speech,
writing, thought or the dataset's combined labels), how likely it is a quotation annotators would
mark (`Quote.confidence`) and how likely it is one with the right speaker (`SourceRef.confidence`).

Three logistic regressions over the rules' signals (`features.py`), trained by
`training/train_attribution.py` on the Wikinews train split and shipped as plain weights in
`models/attribution/weights.json` (model card beside it): scoring is a sum of weights, no library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from quellenlage.attribution.features import Features, quote_features
from quellenlage.attribution.medium import medium_of
from quellenlage.entities.index import EntityIndex
from quellenlage.model import Medium, Quote, Sentence, SourceRef

WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "attribution" / "weights.json"
# Confidences are rounded: more digits would promise a precision the training data cannot give.
DIGITS = 3


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression as its weights: one column per class (one for a binary model)."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        return cls(
            classes=tuple(data["classes"]),
            bias=tuple(data["bias"]),
            weights={name: tuple(column) for name, column in data["weights"].items()},
        )

    def scores(self, features: Features) -> list[float]:
        totals = list(self.bias)
        for name, value in features.items():
            column = self.weights.get(name)
            if column is not None:
                for i, weight in enumerate(column):
                    totals[i] += weight * value
        return totals

    def probability(self, features: Features) -> float:
        """P(the positive class) of a binary model."""
        score = self.scores(features)[0]
        return 1 / (1 + math.exp(-score)) if score > -500 else 0.0

    def probabilities(self, features: Features) -> dict[str, float]:
        """P(each class) of a multinomial model (softmax of its scores)."""
        scores = self.scores(features)
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        return {name: value / sum(exps) for name, value in zip(self.classes, exps, strict=True)}

    def best(self, features: Features) -> str:
        scores = self.scores(features)
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]


@dataclass(frozen=True)
class AttributionModel:
    medium: LinearModel
    quote: LinearModel
    speaker: LinearModel
    # the sentence classifier of `learned_sentences.py` and the probability each class needs
    sentence: LinearModel | None = None
    sentence_thresholds: dict[str, float] = field(default_factory=dict)


@cache
def load_model(path: Path = WEIGHTS) -> AttributionModel | None:
    """The shipped weights; None before they are first trained (`make model` trains them with
    the pipeline itself, which then runs on the rules alone)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    medium, quote, speaker = (LinearModel.from_json(data[name]) for name in ("medium", "quote", "speaker"))
    sentence = LinearModel.from_json(data["sentence"]) if "sentence" in data else None
    thresholds = data.get("sentence_thresholds", {})
    return AttributionModel(medium, quote, speaker, sentence=sentence, sentence_thresholds=thresholds)


def feature_rows(quotes: list[Quote], sentences: list[Sentence], index: EntityIndex) -> list[Features]:
    """The features of every quotation, in reading order: a frameless quotation is read with the
    frame of the last framed one of its speaker (the frame it continues)."""
    framed: dict[str, Quote] = {}
    rows = []
    for quote in quotes:
        key = speaker_key(quote.speaker)
        chain = framed.get(key) if key is not None and quote.frame is None else None
        number = quote.sentence
        words = sum(t.pos != "PUNCT" for t in sentences[number].tokens) if number is not None else 0
        rows.append(quote_features(quote, chain, index, words))
        if key is not None and quote.frame is not None:
            framed[key] = quote
    return rows


def speaker_key(speaker: SourceRef | None) -> str | None:
    """Who speaks, the same for every quotation of one speaker: the entity, else the words."""
    if speaker is None:
        return None
    first = speaker.members[0] if speaker.members else speaker
    return first.id or first.name


def rate_quotes(quotes: list[Quote], sentences: list[Sentence], index: EntityIndex) -> None:
    """Set medium and confidences on every quotation (and its speaker)."""
    model = load_model()
    if model is None:
        for quote in quotes:
            quote.medium = medium_of(quote.frame, quote.cue)
        return
    for quote, features in zip(quotes, feature_rows(quotes, sentences, index), strict=True):
        quote.medium = _medium(model.medium.best(features))
        quote.confidence = round(model.quote.probability(features), DIGITS)
        if quote.speaker is not None:
            quote.speaker.confidence = round(model.speaker.probability(features), DIGITS)


def _medium(label: str) -> Medium:
    media: dict[str, Medium] = {
        "speech": "speech",
        "writing": "writing",
        "thought": "thought",
        "speech_writing": "speech_writing",
        "speech_thought": "speech_thought",
        "writing_thought": "writing_thought",
    }
    return media[label]

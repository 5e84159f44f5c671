"""Quotations the rules miss, found by a learned sentence classifier: reported speech acts
("Die CDU hatte zu dem Thema Aufklärung gefordert.", "Beobachter werten den Sieg als Erfolg …")
and free indirect speech, hearsay above all ("Er soll den Ausbrechern geholfen haben.").

It reads only sentences that no rule claimed, in reading order, and records a quotation when the
multinomial logistic regression of `models/attribution/weights.json` (trained on the Wikinews
train split by `training/train_attribution.py`) gives its class a probability at or above the
threshold chosen for it by cross-validation on train, for precision first: a wrong quotation is
worse than a missing one. Representation: a reported speech act is a `speech_act` quotation
whose speaker is the sentence's subject; free indirect speech is a `free_indirect` quotation of
the speaker who spoke last (its hedge is in the quotation's status, "soll" → hedged).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from quellenlage.attribution.cues import SPEECH_ACT, is_finite_verb
from quellenlage.attribution.features import Features
from quellenlage.attribution.frames import span_at, trimmed_span
from quellenlage.attribution.learned import AttributionModel, load_model
from quellenlage.attribution.sentence_features import sentence_features
from quellenlage.attribution.speaker_nouns import could_speak
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.model import Sentence, Span

# The classes of the sentence classifier, as the training script labels them.
NONE, REPORTED, FREE_INDIRECT = "none", "reported", "free_indirect"

# Where training collects (sentence number, start, end, features) instead of deciding.
_recorded: list[tuple[int, int, int, Features]] | None = None


@contextmanager
def recording() -> Iterator[list[tuple[int, int, int, Features]]]:
    """Within this block the classifier decides nothing and records the features of every sentence
    it would read: the training script's view of the rules alone."""
    global _recorded
    rows: list[tuple[int, int, int, Features]] = []
    _recorded = rows
    try:
        yield rows
    finally:
        _recorded = None


def learned_sentence(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """Record the sentence as a quotation when the classifier is confident enough; True if it did."""
    model = load_model()
    if _recorded is None and (model is None or model.sentence is None or not _enabled(model.sentence_thresholds)):
        return False  # no class is precise enough to record: the features need not be computed
    features = sentence_features(text, number, sentence, speakers, state)
    if _recorded is not None:
        _recorded.append((number, sentence.start, sentence.end, features))
        return False
    assert model is not None
    label = decide(model, features)
    if label is None:
        return False
    content = trimmed_span(text, sentence.start, sentence.end)
    if label == REPORTED:
        speaker, mention = speakers.subject_near(sentence.start, sentence.end)
        if not could_speak(speaker, mention):
            return False
        state.add("speech_act", content, None, speaker, number, mention, cue=_verb(text, sentence))
        state.recent_actor = (number, speaker, mention)
        return True
    speaker = state.latest_actor()
    previous = state.quotes[-1] if state.quotes else None
    if previous is not None and previous.kind == FREE_INDIRECT and state.speaker_of(previous)[0] == speaker:
        between = text[previous.content.end : content.start]
        if not between.strip(" \t.!?"):  # the next sentence of one account, in the same paragraph
            previous.content = span_at(text, previous.content.start, content.end)
            return True
    state.add(FREE_INDIRECT, content, None, speaker, number)
    return True


def decide(model: AttributionModel, features: Features) -> str | None:
    """The class a sentence gets: the likeliest but "none", if its probability reaches its
    threshold (as the training script chose the thresholds); else None."""
    if model.sentence is None:
        return None
    probabilities = model.sentence.probabilities(features)
    probabilities.pop(NONE, None)
    label = max(probabilities, key=probabilities.__getitem__)
    return label if probabilities[label] >= model.sentence_thresholds.get(label, 1.0) else None


def _enabled(thresholds: dict[str, float]) -> bool:
    return any(threshold < 1.0 for threshold in thresholds.values())


def _verb(text: str, sentence: Sentence) -> Span | None:
    """The act of speaking the sentence reports: a speech-act verb, else its first finite verb."""
    tokens = sentence.tokens
    verb = next((t for t in tokens if SPEECH_ACT.fullmatch(t.text.lower())), None)
    verb = verb or next((t for t in tokens if t.pos == "VERB" and is_finite_verb(t)), None)
    return span_at(text, verb.start, verb.end) if verb is not None else None

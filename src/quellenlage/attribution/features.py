"""What the learned layer sees of a quotation the rules found: the rules' own signals (kind, cue,
frame words, mood, the speaker and its entity type, status) as sparse named features.

One function serves training (`training/train_attribution.py`, on the Wikinews train split) and
run time (`attribution/learned.py`), so the two can never drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quellenlage.attribution.medium import medium_of
from quellenlage.entities.index import EntityIndex
from quellenlage.model import Quote, SourceRef

Features = dict[str, float]

WORD = re.compile(r"[\w-]+")
# Frame words beyond these are the frame's tail ("… am Montag in Berlin vor Journalisten"), which
# says little the first words do not.
FRAME_WORDS = 24
# Words of a speaker's phrase that say what kind of speaker it is: its last word for an unnamed
# speaker ("ein Sprecher des Ministeriums" → ministeriums, "die Zeitung" → zeitung).
SPEAKER_HEAD_WORDS = 2


def quote_features(quote: Quote, chain: Quote | None, index: EntityIndex, sentence_words: int) -> Features:
    """The features of one quotation; `chain` is the framed quotation a frameless one continues
    (same speaker, earlier), whose cue and frame then stand for it; `sentence_words` the length
    of the sentence it starts in."""
    features: Features = {"bias": 1.0, f"kind={quote.kind}": 1.0}
    framed = quote.frame is not None
    features[f"kind={quote.kind}|framed={framed}"] = 1.0
    features[f"status={quote.status}"] = 1.0
    if quote.mood:
        features[f"mood={quote.mood}"] = 1.0
    _frame_features(features, quote, "")
    if not framed and chain is not None:
        features["chained"] = 1.0
        _frame_features(features, chain, "chain_")
    _speaker_features(features, quote.speaker, index)
    words = len(WORD.findall(quote.content.text))
    features[f"content_words={bucket(words)}"] = 1.0
    features[f"sentence_words={bucket(sentence_words)}"] = 1.0
    features[f"kind={quote.kind}|content_words={bucket(words)}"] = 1.0
    if quote.verbatim:
        features["verbatim"] = 1.0
    if quote.addressee is not None:
        features["addressee"] = 1.0
    first = quote.content.text.split(maxsplit=1)[:1]
    if first and first[0].lower() in ("dass", "ob", "wie", "warum"):
        features[f"content_opens={first[0].lower()}"] = 1.0
    if quote.content.text.rstrip('“”"«» ').endswith("?"):
        features["question"] = 1.0
    return features


def _frame_features(features: Features, quote: Quote, prefix: str) -> None:
    cue = quote.cue.text.lower() if quote.cue else ""
    features[f"{prefix}cue={cue}"] = 1.0
    if cue:
        features[f"{prefix}cue_stem={cue[:5]}"] = 1.0
        parts = " ".join(part.text.lower() for part in quote.cue_parts)
        features[f"{prefix}cue_full={cue} {parts}".rstrip()] = 1.0
    rule = medium_of(quote.frame, quote.cue)
    features[f"{prefix}rule_medium={rule}"] = 1.0
    if quote.frame is not None:
        for word in WORD.findall(quote.frame.text)[:FRAME_WORDS]:
            features[f"{prefix}frame_word={word.lower()}"] = 1.0


def _speaker_features(features: Features, speaker: SourceRef | None, index: EntityIndex) -> None:
    if speaker is None:
        features["speaker=none"] = 1.0
        return
    if speaker.members:
        features["speaker=group"] = 1.0
    entity = index.get(speaker.id) if speaker.id else None
    features[f"speaker_type={entity.type if entity else 'unnamed'}"] = 1.0
    if entity is not None and entity.kind:
        features[f"speaker_kind={entity.kind}"] = 1.0
    words: Sequence[str] = WORD.findall(speaker.mention.text if speaker.mention else speaker.name)
    if entity is None:
        for word in words[-SPEAKER_HEAD_WORDS:]:
            features[f"speaker_word={word.lower()}"] = 1.0
    if speaker.mention is None:
        features["speaker_unmentioned"] = 1.0
    elif len(words) == 1 and words[0].lower() in ("er", "sie", "es", "dieser", "diese"):
        features["speaker_pronoun"] = 1.0


def bucket(count: int) -> str:
    """A length in coarse steps, so that the model learns from lengths it has seen."""
    for limit in (1, 2, 4, 8, 16, 32):
        if count <= limit:
            return f"<={limit}"
    return ">32"

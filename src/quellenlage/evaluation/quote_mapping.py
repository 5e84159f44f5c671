"""Our quotations on the Wikinews data's own tokenisation, in its conventions.

Mapping our quotations (:func:`predict`)
    ``quellenlage.analyze(text, force=True)``; each quote's ``content``, ``cue`` and
    ``speaker_mention`` character spans become the ids of the file's tokens that overlap them.
    Conventions of the data that our spans do not share are bridged, and nothing else:

    * Direct quotations in the data include their quotation marks, ours do not: for ``direct``
      and ``partial`` the quotation-mark token right before and right after the content is added,
      with the full stop before a closing mark („Wir bleiben hart.“), which our content leaves out.
    * FreeIndirect, IndirectFreeIndirect and Reported messages in the data are whole sentences
      with their final full stop (train: 651 of 717), Indirect ones stop before it (1252 of
      1257): for the first three types the sentence-final punctuation token is added.
    * ``according_to`` content is the whole sentence, including "laut X" / "X zufolge"; the data
      annotate these as Indirect with the source phrase as cue/speaker/frame and only the rest as
      message, so the frame's tokens are removed from the message. So are those of any frame
      that stands inside its content ("Der Präsident sei, so Gamkrelidse, schuld daran").
    * A quote without ``speaker_mention`` but with a resolved speaker (a continuing speaker)
      takes the speaker entity's last mention before the content (else its first one after it)
      as speaker span: the data link such quotations to a mention elsewhere, mostly before.
    * frames take the commas that set them off from the message ("sagte der Minister,"); an
      ``according_to`` frame takes them before its tokens leave the message (", wie die Polizei
      mitteilte,"). Addressees are the analysis's ``addressee`` spans.
    * a frame after the message that points back to it ("… zurück. Dies bestätigte X.") gives
      its pointer word to the message, as the data do (train: 37 of 39 such frames).
    * verbatim words inside reported speech („…“ in "Eine „offene Frage“ sei der Grund") are
      nested Direct quotations in the data, with the frame and cue of the quotation they sit in;
      inside a frameless continuation, with those of the speaker's last framed quotation (train:
      117 of the 124 Direct quotations whose frame ends well before them share it with an
      earlier quotation).

    Types: ``direct`` → Direct; ``partial`` (quoted fragments in reporting prose: the data annotate
    "„grüne Gentechnik“" as Direct) → Direct; ``indirect`` → Indirect, but an ``indirect`` quote
    without cue (a free-standing subjunctive sentence that continues the last speaker) →
    IndirectFreeIndirect, which is how the data type such sentences; ``free_indirect`` →
    FreeIndirect; ``according_to`` → Indirect (in train, cues containing "laut" are Indirect 146
    times, Direct 13, never Reported; "zufolge" 49 / 2 / 0); ``speech_act`` → Reported (the data's
    Reported spans are whole clauses that report a speech act without its words). Medium: the
    quote's ``medium`` in the dataset's labels (speech → Speech, speech_writing → SW, speech_thought
    → ST, writing_thought → TW); every prediction carries a type and a medium of the dataset's
    lists, since the dataset's scorer stops with a KeyError on any other value (None included).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from quellenlage.evaluation.wikinews import PredictedQuotation, WikinewsArticle
from quellenlage.model import Analysis

# Our media (model.Medium) as the dataset labels them.
MEDIUM_LABELS = {
    "speech": "Speech",
    "writing": "Writing",
    "thought": "Thought",
    "speech_writing": "SW",
    "speech_thought": "ST",
    "writing_thought": "TW",
}
KIND_TO_TYPE = {
    "direct": "Direct",
    "partial": "Direct",
    "indirect": "Indirect",
    "free_indirect": "FreeIndirect",
    "according_to": "Indirect",
    "speech_act": "Reported",
}
# Types whose messages the data annotate as whole sentences, with their final punctuation.
WHOLE_SENTENCE_TYPES = frozenset({"FreeIndirect", "IndirectFreeIndirect", "Reported"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
POINTER_WORDS = frozenset({"Das", "Dies", "Dieses"})
FRAME_OPENING = frozenset({","})
FRAME_CLOSING = frozenset({",", ":"})
QUOTE_MARKS = frozenset({"„", "“", "”", '"', "»", "«", "‚", "‘", "’", "'", "''", "``", "›", "‹"})


def predict(article: WikinewsArticle) -> list[PredictedQuotation]:
    """Our quotations on the article's own tokenisation (see the module docstring for the mapping)."""
    from quellenlage.pipeline import analyze

    return predictions_from(article, analyze(article.text, force=True))


def predictions_from(article: WikinewsArticle, analysis: Analysis) -> list[PredictedQuotation]:
    """The quotations of an analysis of the article, on the article's own tokenisation."""
    to_original = _offset_map(analysis.text, article.text)
    entities = {entity.id: entity for entity in analysis.entities}
    predictions = []
    framed: dict[str, PredictedQuotation] = {}  # the last prediction with a frame, by speaker
    for quote in analysis.quotes:

        def ids(start: int, end: int) -> tuple[int, ...]:
            return article.token_ids(to_original(start), to_original(end))

        message = ids(quote.content.start, quote.content.end)
        cue = ids(quote.cue.start, quote.cue.end) if quote.cue else ()
        cue = tuple(sorted(set(cue).union(*(ids(part.start, part.end) for part in quote.cue_parts))))
        frame = ids(quote.frame.start, quote.frame.end) if quote.frame else ()
        addressee = ids(quote.addressee.start, quote.addressee.end) if quote.addressee else ()
        if quote.kind in ("direct", "partial"):
            message = _with_quote_marks(article, message)
        if quote.kind == "speech_act":  # the dataset's reported speech acts: the verb is in the message
            cue = frame = ()
        message, frame = _pointer_to_message(article, message, frame)
        if quote.kind == "according_to" or _inside(frame, message):  # the frame and its commas are inside
            frame = _frame_with_punctuation(article, frame, ())
            message = tuple(i for i in message if i not in set(frame))
        else:
            frame = _frame_with_punctuation(article, tuple(i for i in frame if i not in set(message)), message)
        if not message:
            continue
        if quote.speaker is not None and quote.speaker.mention is not None:
            speaker = ids(quote.speaker.mention.start, quote.speaker.mention.end)
        else:
            span = _speaker_fallback(quote, entities)
            speaker = ids(*span) if span else ()
        kind_type = KIND_TO_TYPE.get(quote.kind)
        # a frameless continuation: in the subjunctive or not
        if quote.kind == "indirect" and quote.frame is None and quote.cue is None:
            kind_type = "IndirectFreeIndirect" if quote.mood == "Sub" else "FreeIndirect"
        if kind_type in WHOLE_SENTENCE_TYPES:
            message = _with_neighbours(article, message, frozenset(), SENTENCE_ENDS)
        predicted = PredictedQuotation(
            type=kind_type,
            quote=message,
            cue=cue,
            speaker=speaker,
            frame=frame,
            addressee=addressee,
            medium=MEDIUM_LABELS.get(quote.medium or "", "none"),
            kind=quote.kind,
            quote_id=quote.id,
        )
        predictions.append(predicted)
        speaker_key = _speaker_key(quote.speaker)
        if frame and speaker_key is not None:
            framed[speaker_key] = predicted
        # the dataset annotates verbatim words inside reported speech as nested direct quotations;
        # inside a frameless continuation they take the frame that introduced the speaker
        chain = predicted if frame or speaker_key is None else framed.get(speaker_key, predicted)
        for words in quote.verbatim:
            if nested := _with_quote_marks(article, ids(words.start, words.end)):
                predictions.append(
                    dataclasses.replace(
                        predicted, type="Direct", quote=nested, kind="verbatim", frame=chain.frame, cue=chain.cue
                    )
                )
    return predictions


def span_ids(article: WikinewsArticle, analysis: Analysis) -> Callable[[int, int], tuple[int, ...]]:
    """The ids of the article's tokens that a character span of the analysis overlaps."""
    to_original = _offset_map(analysis.text, article.text)
    return lambda start, end: article.token_ids(to_original(start), to_original(end))


def _pointer_to_message(
    article: WikinewsArticle, message: tuple[int, ...], frame: tuple[int, ...]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """ "… zurück. Dies bestätigte X.": the data count the pointer back as part of the message."""
    if frame and message and frame[0] > message[-1] and article.tokens[frame[0]].text in POINTER_WORDS:
        return (*message, frame[0]), frame[1:]
    return message, frame


def _speaker_key(speaker: Any) -> str | None:
    if speaker is None:
        return None
    first = speaker.members[0] if speaker.members else speaker
    return first.id or first.name


def _inside(frame: tuple[int, ...], message: tuple[int, ...]) -> bool:
    """Whether a frame stands inside the message ("Der Präsident sei, so Gamkrelidse, schuld")."""
    return bool(frame and message) and message[0] < frame[0] and frame[-1] < message[-1]


def _with_quote_marks(article: WikinewsArticle, ids: tuple[int, ...]) -> tuple[int, ...]:
    """The dataset's direct quotations include their quotation marks, and the full stop
    before the closing one („Wir bleiben hart.“)."""
    tokens, after = article.tokens, ids[-1] + 1 if ids else len(article.tokens)
    if after + 1 < len(tokens) and tokens[after].text in SENTENCE_ENDS and tokens[after + 1].text in QUOTE_MARKS:
        ids = (*ids, after)
    return _with_neighbours(article, ids, QUOTE_MARKS, QUOTE_MARKS)


def _frame_with_punctuation(
    article: WikinewsArticle, frame: tuple[int, ...], message: Sequence[int]
) -> tuple[int, ...]:
    """The dataset's frames include the punctuation that sets them off from the message:
    "sagte der Minister," / ", erklärte Zille"."""
    return _with_neighbours(article, frame, FRAME_OPENING, FRAME_CLOSING, exclude=frozenset(message))


def _with_neighbours(
    article: WikinewsArticle,
    ids: tuple[int, ...],
    before_words: frozenset[str],
    after_words: frozenset[str],
    exclude: frozenset[int] = frozenset(),
) -> tuple[int, ...]:
    """`ids` plus the token right before / right after them when it is one of the given words."""
    if not ids:
        return ids
    extra = []
    before, after = ids[0] - 1, ids[-1] + 1
    if before >= 0 and before not in exclude and article.tokens[before].text in before_words:
        extra.append(before)
    if after < len(article.tokens) and after not in exclude and article.tokens[after].text in after_words:
        extra.append(after)
    return tuple(sorted(set(ids) | set(extra)))


def _speaker_fallback(quote: Any, entities: Mapping[str, Any]) -> tuple[int, int] | None:
    speaker = quote.speaker
    if speaker is None:
        return None
    first = speaker.members[0] if speaker.members else speaker
    entity = entities.get(first.id) if first.id else None
    if entity is None or not entity.mentions:
        return None
    before = [m for m in entity.mentions if m.end <= quote.content.start]
    if before:
        mention = max(before, key=lambda m: m.end)
    else:
        after = [m for m in entity.mentions if m.start >= quote.content.end]
        if not after:
            return None
        mention = min(after, key=lambda m: m.start)
    return mention.start, mention.end


def _offset_map(analysed: str, original: str) -> Any:
    """Map offsets in the analysed text back to the original (which may have "\\r\\n" and a BOM)."""
    if analysed == original:
        return lambda offset: offset
    positions = []
    i = 0
    if original.startswith("\ufeff"):
        i = 1
    normalised = []
    while i < len(original):
        if original[i] == "\r" and original[i + 1 : i + 2] == "\n":
            i += 1
            continue
        normalised.append(original[i])
        positions.append(i)
        i += 1
    positions.append(len(original))
    if "".join(normalised) != analysed:
        positions = _diff_positions(analysed, original)

    def to_original(offset: int) -> int:
        return positions[min(max(offset, 0), len(positions) - 1)]

    return to_original


def _diff_positions(analysed: str, original: str) -> list[int]:
    positions: list[int] = []
    matcher = difflib.SequenceMatcher(None, analysed, original, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        while len(positions) < a:
            positions.append(b)
        positions.extend(range(b, b + size))
    positions.append(len(original))
    return positions

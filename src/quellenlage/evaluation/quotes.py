"""Quotation attribution evaluation on the German Wikinews quotation data (Petersen-Frey & Biemann 2024).

Data: one JSON file per article (``originalText``, ``tokens`` with ``charBegin``/``charEnd``,
``sentences``, ``annotations``); each annotation has token id lists for the roles ``quote``
(the message), ``cue``, ``speaker``, ``addressee`` and ``frame``, a ``type`` (Direct, Indirect,
FreeIndirect, IndirectFreeIndirect, Reported) and a ``medium``.

The scorer mirrors the dataset's own ``eval/eval.py`` (uhh-lt/german-news-quotation-attribution-2024
@74e7bd6d), which follows GermEval 2023 SpkAtt. Everything is counted per document, then summed.

Matching (one-to-one assignment of predicted to gold quotations, per document)
    Every (gold, predicted) pair gets the score ``F1(gold message tokens, predicted message tokens)``
    (token sets; P = shared / predicted, R = shared / gold), plus ``0.01`` when the overlap is
    non-zero and the types are equal, plus ``0.001`` when the overlap is non-zero and the media are
    equal (tie breakers). An exact maximum-weight assignment (the Hungarian algorithm, written
    here because scipy's ``linear_sum_assignment`` is not available) pairs ``min(#gold, #pred)``
    quotations so that the summed score is maximal. As in the official scorer, **every** assigned
    pair is a match, even one whose messages share no token (it arises only when there are leftover
    quotations on both sides); which of several zero-score pairs is chosen is arbitrary in both
    implementations. Predictions and gold quotations left over are unmatched.

Token counts (per role: message = ``quote``, ``cue``, ``speaker``, ``addressee``, ``frame``)
    For a matched pair, the role's tokens in both are TP, predicted-only tokens FP, gold-only
    tokens FN. An unmatched prediction counts all its role tokens as FP, an unmatched gold
    quotation all its role tokens as FN. Token ids are those of the file's own tokenisation;
    a token counts once per quotation (sorted, de-duplicated).

Scores
    * ``micro``: P = ΣTP / (ΣTP + ΣFP), R = ΣTP / (ΣTP + ΣFN), F1 their harmonic mean (0 when
      undefined), per role, for ``roles`` (cue + speaker + addressee + frame summed) and ``joint``
      (all five summed). These are the official scorer's "global" numbers (it logs them).
    * ``macro``: what the official script returns and prints: for every matched pair, unmatched
      prediction and unmatched gold quotation ("group") and every role, P and R of that group's
      role tokens where defined (P needs predicted tokens, R gold tokens); ``message`` averages
      the message values over groups, ``roles`` all role values, ``joint`` all values; F1 is the
      harmonic mean of the averaged P and R.
    * ``type``: ``accuracy`` = share of matched pairs whose messages overlap (≥ 1 shared token)
      whose predicted type equals the gold type, with a confusion table; ``official`` = the
      official "Form" P/R/F1: over all groups, equal types are TP, otherwise the predicted type
      is FP and the gold type FN (unmatched quotations count on their side only).
    * ``medium``: ``accuracy`` = share of matched pairs whose messages overlap whose predicted
      medium equals the gold medium; P/R/F1 = the official "STWR" figures, counted like "Form".
    * ``per_type``: per gold type: quotations, quotations found (matched with ≥ 1 shared message
      token), their share (detection recall) and message token recall.
    * ``per_kind``: per predicted kind: predictions, those matched with overlap, message token
      precision.

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

import bisect
import copy
import dataclasses
import difflib
import json
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.model import Analysis

ROLES = ("quote", "addressee", "cue", "frame", "speaker")  # the official scorer's order
ROLE_ONLY = ("addressee", "cue", "frame", "speaker")
TYPES = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
MEDIA = ("Speech", "Thought", "Writing", "ST", "SW", "TW", "none")
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
REPORT_ROWS = (
    ("message", "quote"),
    ("cue", "cue"),
    ("speaker", "speaker"),
    ("addressee", "addressee"),
    ("frame", "frame"),
    ("roles", "roles"),
    ("joint", "joint"),
)


@dataclass(frozen=True)
class WikinewsToken:
    id: int
    start: int
    end: int
    text: str


@dataclass
class Quotation:
    """One quotation as token id tuples (sorted, distinct) on the article's tokenisation."""

    type: str | None
    quote: tuple[int, ...]
    cue: tuple[int, ...] = ()
    speaker: tuple[int, ...] = ()
    addressee: tuple[int, ...] = ()
    frame: tuple[int, ...] = ()
    medium: str | None = None

    def role(self, name: str) -> tuple[int, ...]:
        ids: tuple[int, ...] = getattr(self, name)
        return ids


@dataclass
class GoldQuotation(Quotation):
    id: int | str | None = None
    is_nested: bool = False
    has_nested: bool = False


@dataclass
class PredictedQuotation(Quotation):
    kind: str = ""
    quote_id: str | None = None


@dataclass
class WikinewsArticle:
    name: str
    text: str
    tokens: list[WikinewsToken]
    quotations: list[GoldQuotation]
    source: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _order: list[int] = field(default_factory=list, repr=False)

    def token_ids(self, start: int, end: int) -> tuple[int, ...]:
        """Ids of the tokens whose character span overlaps [start, end)."""
        if end <= start:
            return ()
        if not self._order:
            self._order = sorted(range(len(self.tokens)), key=lambda i: (self.tokens[i].start, self.tokens[i].end))
            self._starts = [self.tokens[i].start for i in self._order]
        hits = []
        max_len = max((t.end - t.start for t in self.tokens), default=0)
        lo = bisect.bisect_left(self._starts, start - max_len)
        hi = bisect.bisect_left(self._starts, end)
        for k in range(lo, hi):
            token = self.tokens[self._order[k]]
            if token.start < end and token.end > start:
                hits.append(token.id)
        return tuple(sorted(set(hits)))


# --------------------------------------------------------------------------------------------- reading


def read_wikinews(path: Path) -> WikinewsArticle:
    """Read one Wikinews quotation file; a broken file raises QuellenlageError naming it."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise QuellenlageError(f"{path}: not a readable Wikinews quotation file ({error})") from error
    return parse_wikinews(data, source=str(path))


def parse_wikinews(data: Any, source: str = "<article>") -> WikinewsArticle:
    """Build an article from the decoded JSON of a Wikinews quotation file."""
    try:
        return _parse(data, source)
    except QuellenlageError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        raise QuellenlageError(f"{source}: not a Wikinews quotation file ({type(error).__name__}: {error})") from error


def _parse(data: Any, source: str) -> WikinewsArticle:
    def broken(message: str) -> QuellenlageError:
        return QuellenlageError(f"{source}: not a Wikinews quotation file ({message})")

    if not isinstance(data, dict):
        raise broken("the top level is not an object")
    for key in ("originalText", "tokens", "annotations"):
        if key not in data:
            raise broken(f"missing {key!r}")
    text = data["originalText"]
    if not isinstance(text, str):
        raise broken("'originalText' is not a string")
    tokens = []
    for position, raw in enumerate(data["tokens"]):
        token = WikinewsToken(
            int(raw.get("id", position)), int(raw["charBegin"]), int(raw["charEnd"]), str(raw["text"])
        )
        if token.id != position:
            raise broken(f"token {position} has id {token.id}")
        if not 0 <= token.start <= token.end <= len(text):
            raise broken(f"token {position} has offsets {token.start}-{token.end} outside the text")
        tokens.append(token)
    quotations = []
    for number, annotation in enumerate(data["annotations"]):
        if not isinstance(annotation, dict):
            raise broken(f"annotation {number} is not an object")
        roles = {}
        for role in ROLES:
            value = annotation.get(role) or {}
            ids = value.get("tokenIds", []) if isinstance(value, dict) else value
            if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
                raise broken(f"annotation {number}: {role} token ids are not a list of integers")
            if any(not 0 <= i < len(tokens) for i in ids):
                raise broken(f"annotation {number}: {role} token id out of range")
            roles[role] = tuple(sorted(set(ids)))
        kind = annotation.get("type")
        if kind is not None and kind not in TYPES:
            raise broken(f"annotation {number}: unknown type {kind!r}")
        quotations.append(
            GoldQuotation(
                type=kind,
                medium=annotation.get("medium"),
                id=annotation.get("id", number),
                is_nested=bool(annotation.get("isNested", False)),
                has_nested=bool(annotation.get("hasNested", False)),
                **roles,
            )
        )
    name = data.get("documentName") or Path(source).stem
    return WikinewsArticle(name=str(name), text=text, tokens=tokens, quotations=quotations, source=source, raw=data)


# ------------------------------------------------------------------------------------------ predicting


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


# ----------------------------------------------------------------------------------------- matching


def max_weight_assignment(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Rows × columns pairs (min(rows, columns) of them) maximising the summed score.

    The Hungarian algorithm with potentials (O(n²m)); the same assignment as
    ``scipy.optimize.linear_sum_assignment(scores, maximize=True)`` up to ties.
    """
    n = len(scores)
    m = len(scores[0]) if n else 0
    if n == 0 or m == 0:
        return []
    matrix = [list(map(float, row)) for row in scores]
    transposed = n > m
    if transposed:
        matrix = [list(column) for column in zip(*matrix, strict=True)]
        n, m = m, n
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    match = [0] * (m + 1)  # column j -> row (1-based), 0 free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta = inf
            j1 = 0
            row = matrix[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    current = -row[j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j] = current
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(match[j] - 1, j - 1) for j in range(1, m + 1) if match[j]]
    if transposed:
        pairs = [(column, row) for row, column in pairs]
    return sorted(pairs)


def overlap_f1(gold: Iterable[int], predicted: Iterable[int]) -> float:
    g, p = set(gold), set(predicted)
    both = len(g & p)
    if not both:
        return 0.0
    precision, recall = both / len(p), both / len(g)
    return 2 * precision * recall / (precision + recall)


def align_quotations(gold: Sequence[Quotation], predicted: Sequence[Quotation]) -> list[tuple[int | None, int | None]]:
    """The official one-to-one assignment: (gold index, predicted index) pairs, then unmatched
    predictions as (None, j), then unmatched gold quotations as (i, None)."""
    scores = []
    for g in gold:
        row = []
        for p in predicted:
            overlap = overlap_f1(g.quote, p.quote)
            bonus = 0.0
            if overlap > 0.0:
                bonus += 0.01 if g.type == p.type else 0.0
                bonus += 0.001 if g.medium == p.medium else 0.0
            row.append(overlap + bonus)
        scores.append(row)
    pairs: list[tuple[int | None, int | None]] = list(max_weight_assignment(scores))
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    pairs += [(None, j) for j in range(len(predicted)) if j not in matched_pred]
    pairs += [(i, None) for i in range(len(gold)) if i not in matched_gold]
    return pairs


# ------------------------------------------------------------------------------------------- scoring


def _tally_label(counts: dict[str, int], gold: str | None, predicted: str | None) -> None:
    """One matched pair's label (type, medium): right, or a false positive and/or negative."""
    if gold == predicted:
        counts["tp"] += 1
    else:
        counts["fp"] += predicted is not None
        counts["fn"] += gold is not None


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score(
    gold_articles: Sequence[WikinewsArticle],
    predictions: Sequence[Sequence[Quotation]] | Mapping[str, Sequence[Quotation]],
) -> dict[str, Any]:
    """Score predictions against gold articles (see the module docstring).

    ``predictions`` is either parallel to ``gold_articles`` or keyed by article name; an article
    without predictions counts as predicting nothing.
    """
    if not isinstance(predictions, Mapping) and len(predictions) != len(gold_articles):
        raise ValueError("predictions must be parallel to gold_articles or keyed by article name")
    counts: dict[str, Counter[str]] = {role: Counter() for role in ROLES}  # tp/fp/fn per role
    macro_p: dict[str, list[float]] = {role: [] for role in ROLES}
    macro_r: dict[str, list[float]] = {role: [] for role in ROLES}
    form: Counter[str] = Counter()  # tp / fp / fn
    medium: Counter[str] = Counter()
    confusion: dict[str, Counter[str]] = {}
    per_type: dict[str, Counter[str]] = {}
    per_kind: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for number, article in enumerate(gold_articles):
        if isinstance(predictions, Mapping):
            predicted = list(predictions.get(article.name, []))
        else:
            predicted = list(predictions[number])
        gold = article.quotations
        totals["gold"] += len(gold)
        totals["predicted"] += len(predicted)
        for i, j in align_quotations(gold, predicted):
            g = gold[i] if i is not None else None
            p = predicted[j] if j is not None else None
            for role in ROLES:
                gold_ids = set(g.role(role)) if g else set()
                pred_ids = set(p.role(role)) if p else set()
                tp, fp, fn = len(gold_ids & pred_ids), len(pred_ids - gold_ids), len(gold_ids - pred_ids)
                counts[role].update({"tp": tp, "fp": fp, "fn": fn})
                if tp + fp:
                    macro_p[role].append(tp / (tp + fp))
                if tp + fn:
                    macro_r[role].append(tp / (tp + fn))
            _tally_label(form, g.type if g else None, p.type if p else None)
            _tally_label(medium, g.medium if g else None, p.medium if p else None)
            shared = len(set(g.quote) & set(p.quote)) if g and p else 0
            if g and p:
                totals["assigned"] += 1
            if g and p and shared:
                totals["matched"] += 1
                confusion.setdefault(str(g.type), Counter())[str(p.type)] += 1
                totals["medium_correct"] += g.medium == p.medium
            if g is not None:
                row = per_type.setdefault(str(g.type), Counter())
                row["gold"] += 1
                row["found"] += bool(shared)
                row["tp"] += shared
                row["fn"] += len(g.quote) - shared
            if p is not None:
                kind = getattr(p, "kind", "") or str(p.type)
                row = per_kind.setdefault(kind, Counter())
                row["predicted"] += 1
                row["matched"] += bool(shared)
                row["type_correct"] += bool(shared) and g is not None and g.type == p.type
                row["tp"] += shared
                row["fp"] += len(p.quote) - shared

    def summed(roles: Sequence[str]) -> dict[str, float]:
        return _prf(*(sum(counts[r][k] for r in roles) for k in ("tp", "fp", "fn")))

    micro: dict[str, dict[str, float]] = {
        role: _prf(counts[role]["tp"], counts[role]["fp"], counts[role]["fn"]) for role in ROLES
    }
    micro["roles"] = summed(ROLE_ONLY)
    micro["joint"] = summed(ROLES)

    def averaged(roles: Sequence[str]) -> dict[str, float]:
        p = _mean([x for r in roles for x in macro_p[r]])
        r_ = _mean([x for r in roles for x in macro_r[r]])
        return {"precision": p, "recall": r_, "f1": _f1(p, r_)}

    macro = {role: averaged([role]) for role in ROLES}
    macro["roles"] = averaged(ROLE_ONLY)
    macro["joint"] = averaged(ROLES)
    correct = sum(row.get(t, 0) for t, row in confusion.items())
    return {
        "documents": len(gold_articles),
        "gold_quotations": totals["gold"],
        "predicted_quotations": totals["predicted"],
        "assigned_pairs": totals["assigned"],
        "matched_quotations": totals["matched"],
        "micro": micro,
        "macro": macro,
        "type": {
            "accuracy": correct / totals["matched"] if totals["matched"] else 0.0,
            "correct": correct,
            "matched": totals["matched"],
            "confusion": {t: dict(row) for t, row in sorted(confusion.items())},
            "official": _prf(form["tp"], form["fp"], form["fn"]),
        },
        "medium": {
            **_prf(medium["tp"], medium["fp"], medium["fn"]),
            "accuracy": totals["medium_correct"] / totals["matched"] if totals["matched"] else 0.0,
            "correct": totals["medium_correct"],
        },
        "per_type": {
            t: {
                "gold": row["gold"],
                "found": row["found"],
                "detection_recall": row["found"] / row["gold"] if row["gold"] else 0.0,
                "token_recall": row["tp"] / (row["tp"] + row["fn"]) if row["tp"] + row["fn"] else 0.0,
            }
            for t, row in sorted(per_type.items(), key=lambda item: _type_order(item[0]))
        },
        "per_kind": {
            k: {
                "predicted": row["predicted"],
                "matched": row["matched"],
                "type_correct": row["type_correct"],
                "token_precision": row["tp"] / (row["tp"] + row["fp"]) if row["tp"] + row["fp"] else 0.0,
            }
            for k, row in sorted(per_kind.items())
        },
    }


def _type_order(name: str) -> int:
    return TYPES.index(name) if name in TYPES else len(TYPES)


# -------------------------------------------------------------------------------------------- writing


def write_predictions(article: WikinewsArticle, predicted: Sequence[Quotation], out_dir: Path) -> Path:
    """Write the article in its input format with our quotations as annotations; returns the path.

    The file name is the input file's (or the document name + ``.json``), so the dataset's
    ``eval/eval.py --prediction OUT --gold DIR`` can read it.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = (
        copy.deepcopy(article.raw)
        if article.raw
        else {
            "documentName": article.name,
            "originalText": article.text,
            "tokens": [{"id": t.id, "charBegin": t.start, "charEnd": t.end, "text": t.text} for t in article.tokens],
            "sentences": [],
        }
    )
    annotations = []
    for number, quotation in enumerate(predicted):
        annotation: dict[str, Any] = {role: _role_json(article, quotation.role(role)) for role in ROLES}
        annotation.update(
            {
                "hasNested": False,
                "id": number,
                "isNested": False,
                "medium": quotation.medium or "none",  # the dataset's scorer stops on None
                "type": quotation.type,
            }
        )
        annotations.append(dict(sorted(annotation.items())))
    data["annotations"] = annotations
    name = Path(article.source).name if article.source.endswith(".json") else f"{article.name}.json"
    path = out_dir / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True), encoding="utf-8")
    return path


def _role_json(article: WikinewsArticle, ids: Sequence[int]) -> dict[str, Any]:
    spans = []
    runs: list[list[int]] = []
    for i in sorted(set(ids)):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        first, last = article.tokens[run[0]], article.tokens[run[-1]]
        spans.append({"begin": run[0], "end": run[-1] + 1, "charBegin": first.start, "charEnd": last.end})
    text = " ".join(article.text[s["charBegin"] : s["charEnd"]] for s in spans)
    return {"spans": spans, "text": text, "tokenIds": sorted(set(ids))}


# ----------------------------------------------------------------------------------------- the command


def evaluate_quotes_dir(directory: Path, out_dir: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Predict and score every ``*.json`` file of a folder (sorted by name; the first ``limit``)."""
    directory = Path(directory)
    files = sorted(directory.glob("*.json"))
    if limit is not None:
        files = files[: max(limit, 0)]
    if not files:
        raise QuellenlageError(f"{directory}: no Wikinews quotation files (*.json)")
    started = time.perf_counter()
    articles, predictions, skipped = [], [], []
    for path in files:
        article = read_wikinews(path)
        try:
            predicted = predict(article)
        except InputError as error:
            skipped.append(f"{path.name}: {error}")
            predicted = []
        articles.append(article)
        predictions.append(predicted)
        if out_dir is not None:
            write_predictions(article, predicted, out_dir)
    result = score(articles, predictions)
    result.update(
        {
            "directory": str(directory),
            "files": len(files),
            "skipped": skipped,
            "seconds": round(time.perf_counter() - started, 2),
            "out_dir": str(out_dir) if out_dir is not None else None,
        }
    )
    return result


def format_quotes_report(result: Mapping[str, Any]) -> str:
    micro, macro = result["micro"], result["macro"]
    lines = []
    if "files" in result:
        lines.append(f"{result['files']} files from {result.get('directory', '?')} in {result.get('seconds', 0):.1f} s")
    lines.append(
        f"gold quotations {result['gold_quotations']}, predicted {result['predicted_quotations']}, "
        f"matched with overlap {result['matched_quotations']}"
    )
    lines.append("")
    lines.append(
        f"{'':10}{'micro P':>9}{'R':>7}{'F1':>7}   {'macro P':>8}{'R':>7}{'F1':>7}   {'TP':>7}{'FP':>7}{'FN':>7}"
    )
    for label, key in REPORT_ROWS:
        mi, ma = micro[key], macro[key]
        lines.append(
            f"{label:10}{mi['precision']:9.3f}{mi['recall']:7.3f}{mi['f1']:7.3f}   "
            f"{ma['precision']:8.3f}{ma['recall']:7.3f}{ma['f1']:7.3f}   {mi['tp']:7d}{mi['fp']:7d}{mi['fn']:7d}"
        )
    kind = result["type"]
    official = kind["official"]
    lines.append("")
    lines.append(
        f"type accuracy (matched pairs): {kind['accuracy']:.3f} ({kind['correct']}/{kind['matched']}); "
        f"official form P/R/F1: {official['precision']:.3f} / {official['recall']:.3f} / {official['f1']:.3f}"
    )
    medium = result["medium"]
    lines.append(
        f"medium accuracy (matched pairs): {medium['accuracy']:.3f} ({medium['correct']}/{kind['matched']}); "
        f"official STWR P/R/F1: {medium['precision']:.3f} / {medium['recall']:.3f} / {medium['f1']:.3f}"
    )
    lines.append("")
    lines.append(f"{'gold type':22}{'gold':>6}{'found':>7}{'recall':>8}{'token R':>9}   predicted as")
    for name, row in result["per_type"].items():
        confused = kind["confusion"].get(name, {})
        spread = ", ".join(f"{t} {n}" for t, n in sorted(confused.items(), key=lambda x: -x[1]))
        lines.append(
            f"{name:22}{row['gold']:6d}{row['found']:7d}{row['detection_recall']:8.3f}"
            f"{row['token_recall']:9.3f}   {spread}"
        )
    lines.append("")
    lines.append(f"{'our kind':22}{'pred':>6}{'match':>7}{'type ok':>8}{'token P':>9}")
    for name, row in result["per_kind"].items():
        lines.append(
            f"{name:22}{row['predicted']:6d}{row['matched']:7d}{row['type_correct']:8d}{row['token_precision']:9.3f}"
        )
    if result.get("skipped"):
        lines.append("")
        lines.append("skipped: " + "; ".join(result["skipped"]))
    lines.append("")
    lines.append("micro: summed token counts; macro: the dataset scorer's printed numbers (mean over quotations)")
    return "\n".join(lines)

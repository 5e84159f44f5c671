"""The German Wikinews quotation data (Petersen-Frey & Biemann 2024): reading and writing its files.

Data: one JSON file per article (``originalText``, ``tokens`` with ``charBegin``/``charEnd``,
``sentences``, ``annotations``); each annotation has token id lists for the roles ``quote``
(the message), ``cue``, ``speaker``, ``addressee`` and ``frame``, a ``type`` (Direct, Indirect,
FreeIndirect, IndirectFreeIndirect, Reported) and a ``medium``.

Written predictions keep the input's form with our quotations as ``annotations``, so that the
dataset's own ``eval/eval.py --prediction OUT --gold DIR`` reads them.
"""

from __future__ import annotations

import bisect
import copy
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quellenlage.errors import QuellenlageError

ROLES = ("quote", "addressee", "cue", "frame", "speaker")  # the official scorer's order
ROLE_ONLY = ("addressee", "cue", "frame", "speaker")
TYPES = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
MEDIA = ("Speech", "Thought", "Writing", "ST", "SW", "TW", "none")


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

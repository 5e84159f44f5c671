"""NER evaluation: file readers, strict span scoring and a spaCy runner.

Formats read by :func:`read_ner_file` (autodetected):

* GermEval 2014 TSV: ``#`` source lines, then ``idx<TAB>token<TAB>outer<TAB>nested``;
  12 fine labels (PER/ORG/LOC/OTH, each also as ``...deriv`` and ``...part``).
* CoNLL-style IOB files (e.g. WikiNEuRal/WikiANN ``idx token tag`` or Europarl
  ``token lemma pos chunk tag``): the token is the first column, or the second one
  when the first column is a running integer index; the tag is the last column.

All tag sequences are normalised to IOB2 (an ``I-X`` that does not continue an
``X`` span becomes ``B-X``), so IOB1 files (Europarl) are read correctly.

Metrics (:func:`evaluate_ner_file`), both strict: a predicted span counts only if its start,
end and label equal those of a gold span:

* ``official_outer`` (GermEval files only): the GermEval 2014 "outer chunk" metric, the outer
  column with its 12 labels (PER/ORG/LOC/OTH, each also as ``...deriv`` and ``...part``)
  against the model's labels as they are. A model that predicts only the 4 coarse types
  gets no ``-deriv``/``-part`` span right here.
* ``coarse``: the 4 coarse labels PER, ORG, LOC, OTH, gold and prediction mapped alike with
  :func:`coarse_label`: ``Xpart`` -> ``X``, ``Xderiv`` -> ``O`` (dropped), ``MISC`` -> ``OTH``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

COARSE_LABELS = ("PER", "ORG", "LOC", "OTH")
_TAG_RE = re.compile(r"^(?:O|[BIES]-\S+)$")
_NO_SPACE_BEFORE = set(".,;:!?)]}%…")
_NO_SPACE_AFTER = set("([{„")

Sentence = tuple[list[str], list[str]]


def coarse_label(fine: str, deriv: str = "drop", part: str = "base") -> str | None:
    """Map a fine label (``LOCderiv``, ``ORG-part``, ``MISC`` ...) to PER/ORG/LOC/OTH.

    ``deriv``/``part`` policy: ``"drop"`` -> None (token becomes O), ``"base"`` -> base type.
    """
    lab = fine.replace("-", "").upper()
    if lab.startswith("MISC"):
        lab = "OTH" + lab[4:]
    base, suffix = lab[:3], lab[3:]
    if base not in COARSE_LABELS:
        return None
    policy = {"DERIV": deriv, "PART": part, "": "base"}.get(suffix, "drop")
    return base if policy == "base" else None


def repair_iob(tags: Sequence[str]) -> list[str]:
    """Normalise IOB1/IOB2/BIOES-ish tags to strict IOB2."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag in ("O", "", "_") or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        if prefix in ("I", "E") and prev != "O" and prev[2:] == label:
            out.append("I-" + label)
        else:
            out.append("B-" + label)
        prev = out[-1]
    return out


def map_tags(tags: Sequence[str], deriv: str = "drop", part: str = "base") -> list[str]:
    """Map fine IOB2 tags to coarse IOB2 tags (dropped labels become O)."""
    mapped = []
    for tag in repair_iob(tags):
        if tag == "O":
            mapped.append("O")
            continue
        lab = coarse_label(tag[2:], deriv=deriv, part=part)
        mapped.append("O" if lab is None else tag[:2] + lab)
    return repair_iob(mapped)


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> list of (start, end_exclusive, label)."""
    result: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate(list(repair_iob(tags)) + ["O"]):
        if tag == "O" or tag.startswith("B-"):
            if start is not None:
                result.append((start, i, label))
                start, label = None, ""
            if tag.startswith("B-"):
                start, label = i, tag[2:]
    return result


def guess_spaces(tokens: Sequence[str]) -> list[bool]:
    """Heuristic whitespace for pre-tokenised text (no space before , . etc.)."""
    spaces = [True] * len(tokens)
    quote_open = False
    for i, tok in enumerate(tokens):
        if tok == '"':
            quote_open = not quote_open
            if quote_open:
                spaces[i] = False
            elif i > 0:
                spaces[i - 1] = False
        if tok in _NO_SPACE_AFTER:
            spaces[i] = False
        if tok and all(c in _NO_SPACE_BEFORE for c in tok) and i > 0:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def _is_germeval(rows: list[list[str]]) -> bool:
    if not rows:
        return False
    sample = rows[:200]
    return all(len(r) == 4 and r[0].isdigit() and _TAG_RE.match(r[2]) and _TAG_RE.match(r[3]) for r in sample)


def read_ner_file(path: Path | str, with_nested: bool = False) -> list[Any]:
    """Read a GermEval 2014 TSV or CoNLL IOB file into ``[(tokens, outer_tags), ...]``.

    Tags are returned in IOB2 with the file's own (fine) labels.  With
    ``with_nested=True`` GermEval files return ``(tokens, outer, nested)`` triples.
    """
    text = Path(path).read_text(encoding="utf-8-sig")
    blocks: list[list[list[str]]] = [[]]
    for line in text.splitlines():
        line = line.rstrip("\r\n")
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        if line.startswith("#") and not _TAG_RE.match(line.split()[-1]):
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line.split("\t") if "\t" in line else line.split())
    blocks = [b for b in blocks if b]
    all_rows = [r for b in blocks[:50] for r in b]
    germeval = _is_germeval(all_rows)
    index_first = all(r[0].isdigit() for r in all_rows) and all(len(r) >= 3 for r in all_rows)
    sentences: list[Any] = []
    for block in blocks:
        if germeval:
            toks = [r[1] for r in block]
            outer = repair_iob([r[2] for r in block])
            nested = repair_iob([r[3] for r in block])
            sentences.append((toks, outer, nested) if with_nested else (toks, outer))
        else:
            toks = [r[1] if index_first else r[0] for r in block]
            tags = repair_iob([r[-1] for r in block])
            sentences.append((toks, tags, ["O"] * len(toks)) if with_nested else (toks, tags))
    return sentences


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "support": n_gold, "tp": tp, "n_pred": n_pred}


def score_spans(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Strict span P/R/F1 per label and ``overall`` for parallel IOB tag sequences."""
    tp: dict[str, int] = {}
    n_gold: dict[str, int] = {}
    n_pred: dict[str, int] = {}
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = set(spans(g_tags))
        p = set(spans(p_tags))
        for s in g:
            n_gold[s[2]] = n_gold.get(s[2], 0) + 1
        for s in p:
            n_pred[s[2]] = n_pred.get(s[2], 0) + 1
        for s in g & p:
            tp[s[2]] = tp.get(s[2], 0) + 1
    labels = sorted(set(n_gold) | set(n_pred))
    result = {lab: _prf(tp.get(lab, 0), n_pred.get(lab, 0), n_gold.get(lab, 0)) for lab in labels}
    result["overall"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return result


def fine_label(label: str) -> str:
    """The model's label as GermEval writes it (``MISC`` of older models is ``OTH``)."""
    return "OTH" + label[4:] if label.startswith("MISC") else label


def predict_tags(nlp: Any, sentences: Sequence[Sequence[str]], batch_size: int = 256) -> list[list[str]]:
    """Run the pipeline on pre-tokenised sentences; returns IOB2 tags with the model's labels."""
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=list(toks), spaces=guess_spaces(toks)) for toks in sentences]
    for _name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    out = []
    for doc in docs:
        tags = []
        for tok in doc:
            if tok.ent_iob_ in ("B", "I"):
                tags.append(f"{tok.ent_iob_}-{fine_label(tok.ent_type_)}")
            else:
                tags.append("O")
        out.append(repair_iob(tags))
    return out


def evaluate_ner_file(path: Path | str, nlp: Any) -> dict[str, Any]:
    """Evaluate ``nlp`` on an NER file using the file's own tokenisation.

    Returns ``{"coarse": {...}, "official_outer": {...} or None, "n_sentences": int}``.
    """
    sents = read_ner_file(path)
    tokens = [s[0] for s in sents]
    gold_fine = [[t if t == "O" else t[:2] + fine_label(t[2:]) for t in s[1]] for s in sents]
    pred = predict_tags(nlp, tokens)
    result: dict[str, Any] = {
        "coarse": score_spans([map_tags(g) for g in gold_fine], [map_tags(p) for p in pred]),
        "official_outer": None,
        "n_sentences": len(sents),
    }
    fine_labels = {lab for g in gold_fine for _, _, lab in spans(g)}
    if any(lab.endswith(("deriv", "part")) for lab in fine_labels):
        result["official_outer"] = score_spans(gold_fine, pred)
    return result


def _table(scores: dict[str, dict[str, float]]) -> list[str]:
    lines = [f"{'label':<10} {'P':>7} {'R':>7} {'F1':>7} {'support':>8}"]
    for lab, s in scores.items():
        if lab == "overall":
            continue
        lines.append(f"{lab:<10} {s['p']:7.3f} {s['r']:7.3f} {s['f']:7.3f} {int(s['support']):8d}")
    s = scores["overall"]
    lines.append(f"{'overall':<10} {s['p']:7.3f} {s['r']:7.3f} {s['f']:7.3f} {int(s['support']):8d}")
    return lines


def format_ner_report(result: dict[str, Any]) -> str:
    """Plain-text table(s) for a result of :func:`evaluate_ner_file`."""
    lines: list[str] = []
    if result.get("official_outer"):
        lines += ["GermEval 2014 official metric: outer chunks, 12 labels (strict spans)"]
        lines += _table(result["official_outer"])
        lines += [""]
    lines += ["NER, 4 coarse labels (strict spans; Xpart->X, Xderiv->O, MISC->OTH)"]
    lines += _table(result["coarse"])
    return "\n".join(lines)

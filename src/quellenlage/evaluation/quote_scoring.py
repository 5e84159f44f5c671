"""Scoring quotation attribution the way the dataset's own ``eval/eval.py`` does
(uhh-lt/german-news-quotation-attribution-2024 @74e7bd6d, after GermEval 2023 SpkAtt).
Everything is counted per document, then summed.

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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from quellenlage.evaluation.assignment import max_weight_assignment
from quellenlage.evaluation.wikinews import ROLE_ONLY, ROLES, TYPES, Quotation, WikinewsArticle


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

"""`quellenlage evaluate quotes`: quotation attribution on a folder of German Wikinews quotation files
(Petersen-Frey & Biemann 2024), scored like the dataset's own ``eval/eval.py``.

The work is in four modules: ``wikinews`` (the files: reading, writing predictions),
``quote_mapping`` (our quotations on the data's tokenisation, and its conventions),
``quote_scoring`` (the official one-to-one matching and the counts) and ``assignment`` (the
maximum-weight assignment it uses).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.evaluation.quote_mapping import predict
from quellenlage.evaluation.quote_scoring import score
from quellenlage.evaluation.wikinews import read_wikinews, write_predictions

REPORT_ROWS = (
    ("message", "quote"),
    ("cue", "cue"),
    ("speaker", "speaker"),
    ("addressee", "addressee"),
    ("frame", "frame"),
    ("roles", "roles"),
    ("joint", "joint"),
)


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

"""Train the learned layer of the attribution stage (`quellenlage.attribution.learned`).

    python training/train_attribution.py            # train on Wikinews train, write the weights
    python training/train_attribution.py --limit 100 --out /tmp/weights.json   # a quick trial

For every article of the Wikinews **train** split (never dev, never a test split) the whole
pipeline runs; its quotations are aligned with the gold ones the way the dataset's scorer aligns
them, and three logistic regressions learn from the rules' signals (`attribution/features.py`):

- medium: the gold medium of the gold quotation a found one overlaps (Speech, Writing, Thought,
  SW, ST, TW; the eight "none" of train are left out);
- quote: whether a found quotation is one the annotators marked (message-token F1 >= 0.5);
- speaker: whether it is, and its speaker is right (speaker tokens overlap the gold speaker's,
  or neither names one).

The regularisation strength is chosen by 5-fold cross-validation over articles; the weights go to
`src/quellenlage/models/attribution/weights.json` with the cross-validated figures, and the model
card beside it is written from them. Needs the `training` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

# One thread: BLAS threads fighting over shared cores make the fits many times slower.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import brier_score_loss, log_loss  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from quellenlage.attribution.learned import feature_rows  # noqa: E402
from quellenlage.attribution.learned_sentences import recording  # noqa: E402
from quellenlage.entities.index import EntityIndex  # noqa: E402
from quellenlage.evaluation.quote_mapping import predictions_from, span_ids  # noqa: E402
from quellenlage.evaluation.quote_scoring import align_quotations, overlap_f1  # noqa: E402
from quellenlage.evaluation.wikinews import WikinewsArticle, read_wikinews  # noqa: E402
from quellenlage.model import Analysis  # noqa: E402
from quellenlage.pipeline import analyze  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "data" / "quotes" / "wikinews-de" / "train"
OUT = ROOT / "src" / "quellenlage" / "models" / "attribution" / "weights.json"
MEDIA = {"Speech": "speech", "Writing": "writing", "Thought": "thought"}
MEDIA |= {"SW": "speech_writing", "ST": "speech_thought", "TW": "writing_thought"}
# The gold types the sentence classifier learns, by its class names; a sentence is labelled with
# the type of a gold quotation that covers at least COVERED of its tokens.
SENTENCE_TYPES = {"Reported": "reported", "FreeIndirect": "free_indirect", "IndirectFreeIndirect": "free_indirect"}
COVERED = 0.5
# The sentence precision (cross-validated on train) a class must reach before it is recorded,
# counted over at least MIN_PREDICTED sentences.
PRECISION = 0.5
MIN_PREDICTED = 10
# A found quotation counts as right when its message tokens match the gold's this well.
MESSAGE_F1 = 0.5
STRENGTHS = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
# Weights smaller than this change no score noticeably; leaving them out keeps the file small.
MIN_WEIGHT = 1e-3


def examples(files: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of the rules alone (the sentence classifier only records): one per found quotation,
    with its features, article and three labels, and one per sentence no rule claimed, with its
    features and the type of the gold quotation that covers it ("none" if none does)."""
    rows, sentence_rows = [], []
    for number, path in enumerate(files):
        article = read_wikinews(path)
        with recording() as recorded:
            analysis = analyze(article.text, force=True)
        sentence_rows.extend(
            {"article": number, "features": features, "gold": covering_type(article, analysis, start, end)}
            for _, start, end, features in recorded
        )
        features = feature_rows(analysis.quotes, analysis.sentences, EntityIndex(analysis.entities))
        by_id = dict(zip((q.id for q in analysis.quotes), features, strict=True))
        predicted = [p for p in predictions_from(article, analysis) if p.kind != "verbatim"]
        for i, j in align_quotations(article.quotations, predicted):
            if j is None:
                continue
            p = predicted[j]
            g = article.quotations[i] if i is not None else None
            overlap = overlap_f1(g.quote, p.quote) if g is not None else 0.0
            right = overlap >= MESSAGE_F1
            same_speaker = g is not None and (set(g.speaker) & set(p.speaker) or not (g.speaker or p.speaker))
            speaker_right = right and bool(same_speaker)
            medium = MEDIA.get(g.medium or "") if g is not None and overlap > 0 else None
            rows.append(
                {
                    "article": number,
                    "features": by_id[p.quote_id],
                    "quote": int(right),
                    "speaker": int(speaker_right),
                    "medium": medium,
                }
            )
        if (number + 1) % 50 == 0:
            print(f"  {number + 1} articles", file=sys.stderr)
    return rows, sentence_rows


def covering_type(article: WikinewsArticle, analysis: Analysis, start: int, end: int) -> str:
    """The type of the gold quotation whose message covers at least COVERED of the sentence's
    tokens, "none" if none does."""
    tokens = set(span_ids(article, analysis)(start, end))
    best, share = "none", 0.0
    for gold in article.quotations:
        covered = len(tokens & set(gold.quote)) / len(tokens) if tokens else 0.0
        if covered > share:
            best, share = gold.type, covered
    return best if share >= COVERED else "none"


def fit(rows: list[dict[str, Any]], label: str) -> tuple[dict[str, Any], dict[str, float]]:
    """The logistic regression for one label, with its strength chosen by cross-validation."""
    rows = [r for r in rows if r[label] is not None]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([r["features"] for r in rows])
    y = np.array([r[label] for r in rows])
    groups = np.array([r["article"] for r in rows])
    best: tuple[float, float, dict[str, float]] | None = None
    for strength in STRENGTHS:
        predicted = np.zeros(len(rows), dtype=object)
        probabilities = np.zeros(len(rows))
        for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
            model = LogisticRegression(C=strength, max_iter=2000).fit(x[train], y[train])
            predicted[test] = model.predict(x[test])
            if label != "medium":
                probabilities[test] = model.predict_proba(x[test])[:, 1]
        accuracy = float(np.mean(predicted == y))
        figures = {"strength": strength, "cv_accuracy": round(accuracy, 4), "examples": len(rows)}
        if label != "medium":
            figures["cv_brier"] = round(float(brier_score_loss(y, probabilities)), 4)
            figures["cv_log_loss"] = round(float(log_loss(y, probabilities)), 4)
            figures["base_rate"] = round(float(np.mean(y)), 4)
        key = -figures["cv_log_loss"] if label != "medium" else accuracy
        if best is None or key > best[0]:
            best = (key, strength, figures)
    assert best is not None
    model = LogisticRegression(C=best[1], max_iter=2000).fit(x, y)
    return _weights(model, vectorizer), best[2]


def fit_sentences(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, float], dict[str, Any]]:
    """The sentence classifier (none / reported / free_indirect), its strength chosen by
    cross-validated log loss, and for each class the lowest probability at which the
    cross-validated sentence precision still reaches PRECISION (a wrong quotation is worse than
    a missing one). Returns the model, the thresholds and the cross-validated figures."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([r["features"] for r in rows])
    y = np.array([SENTENCE_TYPES.get(r["gold"], "none") for r in rows])
    groups = np.array([r["article"] for r in rows])
    best: tuple[float, float, np.ndarray, list[str]] | None = None
    for strength in STRENGTHS:
        probabilities = np.zeros((len(rows), len(set(y))))
        for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
            model = LogisticRegression(C=strength, max_iter=3000).fit(x[train], y[train])
            probabilities[test] = model.predict_proba(x[test])
        classes = [str(c) for c in model.classes_]
        loss = float(log_loss(y, probabilities, labels=classes))
        print(f"  sentence C={strength}: log loss {loss:.4f}", file=sys.stderr)
        if best is None or loss < best[0]:
            best = (loss, strength, probabilities, classes)
    assert best is not None
    loss, strength, probabilities, classes = best
    thresholds, figures = {}, {"strength": strength, "cv_log_loss": round(loss, 4), "examples": len(rows)}
    # the class a sentence would get: the likeliest but "none" (as `learned_sentences` decides)
    candidates = probabilities.copy()
    candidates[:, classes.index("none")] = -1.0
    chosen = np.array(classes)[candidates.argmax(axis=1)]
    for k, name in enumerate(classes):
        if name == "none":
            continue
        threshold, precision, recall = _threshold(probabilities[:, k], chosen == name, y == name)
        thresholds[name] = threshold
        figures[name] = {"gold": int(np.sum(y == name)), "threshold": threshold}
        figures[name] |= {"cv_precision": round(precision, 4), "cv_recall": round(recall, 4)}
        print(f"  {name}: {figures[name]}", file=sys.stderr)
    model = LogisticRegression(C=strength, max_iter=3000).fit(x, y)
    return _weights(model, vectorizer), thresholds, figures


def _threshold(probability: np.ndarray, chosen: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    """The lowest threshold (in steps of 0.05) whose precision reaches PRECISION, with its
    precision and recall; if none does, 1.0 (the class is never recorded) with the precision and
    recall of the most precise threshold, for the model card."""
    points = []
    for step in range(2, 20):
        threshold = step / 20
        predicted = chosen & (probability >= threshold)
        if predicted.sum() >= MIN_PREDICTED:
            precision = float((predicted & gold).sum() / predicted.sum())
            points.append((threshold, precision, float((predicted & gold).sum() / gold.sum())))
    reaching = [point for point in points if point[1] >= PRECISION]
    if reaching:
        return reaching[0]
    best = max(points, key=lambda point: point[1], default=(1.0, 0.0, 0.0))
    return 1.0, best[1], best[2]


def _weights(model: LogisticRegression, vectorizer: DictVectorizer) -> dict[str, Any]:
    names = vectorizer.get_feature_names_out()
    classes = [str(c) for c in model.classes_]
    coef, bias = model.coef_, model.intercept_
    if len(classes) == 2:  # one column: the positive class (1)
        classes = ["1"]
    weights = {
        str(name): [round(float(w), 4) for w in coef[:, k]]
        for k, name in enumerate(names)
        if np.max(np.abs(coef[:, k])) >= MIN_WEIGHT
    }
    return {"classes": classes, "bias": [round(float(b), 4) for b in bias], "weights": weights}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=TRAIN, help="the Wikinews train split")
    parser.add_argument("--limit", type=int, help="only the first N articles (a trial)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, help="keep the examples here and reuse them (JSON lines)")
    args = parser.parse_args(argv)
    if args.data.name != "train":
        parser.error("the attribution layer is trained on the train split only")
    files = sorted(args.data.glob("*.json"))[: args.limit]
    started = time.perf_counter()
    if args.cache is not None and args.cache.exists():
        rows, sentence_rows = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        rows, sentence_rows = examples(files)
        if args.cache is not None:
            args.cache.write_text(json.dumps([rows, sentence_rows], ensure_ascii=False), encoding="utf-8")
    model: dict[str, Any] = {"trained_on": f"Wikinews train, {len(files)} articles", "date": date.today().isoformat()}
    figures = {}
    for label in ("medium", "quote", "speaker"):
        model[label], figures[label] = fit(rows, label)
        print(f"{label}: {figures[label]}", file=sys.stderr)
    sentence, thresholds, figures["sentence"] = fit_sentences(sentence_rows)
    if any(threshold < 1.0 for threshold in thresholds.values()):  # else the rules alone decide
        model["sentence"], model["sentence_thresholds"] = sentence, thresholds
    model["cross_validation"] = figures
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    write_card(args.out.parent / "MODEL_CARD.md", figures, len(files))
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) in {time.perf_counter() - started:.0f} s")
    return 0


def write_card(path: Path, figures: dict[str, Any], articles: int) -> None:
    rows = "\n".join(_card_row(name, figures[name]) for name in ("medium", "quote", "speaker"))
    sentence = figures["sentence"]
    classes = "\n".join(
        f"| {name} | {sentence[name]['gold']} | {_threshold_text(sentence[name]['threshold'])} | "
        f"{sentence[name]['cv_precision']} | {sentence[name]['cv_recall']} |"
        for name in ("reported", "free_indirect")
        if name in sentence
    )
    path.write_text(
        CARD.format(
            message_f1=MESSAGE_F1,
            articles=articles,
            rows=rows,
            covered=COVERED,
            precision=PRECISION,
            sentences=sentence["examples"],
            strength=sentence["strength"],
            classes=classes,
        ),
        encoding="utf-8",
    )


def _threshold_text(threshold: float) -> str:
    return "off (never reaches the precision)" if threshold >= 1.0 else str(threshold)


def _card_row(name: str, figures: dict[str, float]) -> str:
    measured = f"accuracy {figures['cv_accuracy']}"
    if "cv_brier" in figures:
        measured += f", Brier {figures['cv_brier']}, base rate {figures['base_rate']}"
    return f"| {name} | {figures['examples']} | {figures['strength']} | {measured} |"


CARD = """# Attribution layer: medium and confidence

Three logistic regressions over the signals of the rule-based quotation finder (kind, cue and its
parts, frame words, mood, speaker and its entity type, status, lengths; `attribution/features.py`).
Scoring is a sum of weights (`attribution/learned.py`); no library is needed at run time.

- **medium**: speech, writing, thought, or the dataset's combined labels (speech_writing = SW,
  speech_thought = ST, writing_thought = TW).
- **Quote.confidence**: the probability that the found quotation is one the annotators marked
  (its message tokens overlap a gold quotation's with F1 >= {message_f1}).
- **SourceRef.confidence** of a quotation's speaker: the probability that the quotation is right
  *and* its speaker is (speaker tokens overlap the gold speaker's).

Trained by `training/train_attribution.py` (`make model`) on the Wikinews quotation data, train split
only ({articles} articles; Petersen-Frey & Biemann 2024, uhh-lt/german-news-quotation-attribution-2024,
CC BY-NC-SA 4.0, so these weights are CC BY-NC-SA 4.0 too). Dev was not used for training or for
choosing the regularisation strength (5-fold cross-validation over train articles).

| model | examples | strength | cross-validated on train |
|---|---|---|---|
{rows}

**Sentence classifier** (`attribution/learned_sentences.py`): a multinomial logistic regression over
the sentences no rule claimed (verbs and their lemmas, Konjunktiv I, hearsay "soll … haben", words
of sources and stances, whether the subject could speak, where the sentence stands after the last
quotation; `attribution/sentence_features.py`, no entity labels). Classes: none, reported (a
reported speech act, the data's Reported) and free_indirect (FreeIndirect and IndirectFreeIndirect);
a sentence's label is the type of the gold quotation covering at least {covered} of its tokens.
{sentences} sentences, strength {strength} by cross-validated log loss. A class is recorded only at
a probability at or above its threshold: the lowest at which the cross-validated sentence precision
reaches {precision} (a wrong quotation is worse than a missing one); a class that never does stays
off, and its row gives the precision and recall of its most precise threshold. The data mark these
types unevenly (train: of the sentences with hearsay "soll … haben/sein" that no rule claims,
annotators marked 45% as quotations), which bounds the precision any reader can reach on them.

| class | gold sentences | threshold | CV precision | CV recall |
|---|---|---|---|---|
{classes}

Limits: the confidences are calibrated on Wikinews prose (2005–2010); on other text they rank
quotations usefully but their values are estimates. The medium labels of the data are themselves
uncertain: on train, a frameless quotation has the medium of the framed one before it only 71% of
the time.
"""


if __name__ == "__main__":
    sys.exit(main())

"""CI gate: fail when an evaluation figure drops below its committed floor (eval/floors.json).

Runs the shared scorer on the seed gold through the installed `quellenlage` command, and the
model evaluations on held-out data, and compares every figure with its floor.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent
TAG_KEYS = ("pos_acc", "morph_acc", "lemma_acc", "sent_f")


def seed_figures() -> dict[str, float]:
    command = [
        sys.executable,
        str(SHARED / "eval" / "score.py"),
        str(SHARED / "gold" / "dev"),
        "--json",
        "--cmd",
        f"{BIN / 'quellenlage'} analyze --format json {{file}}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout)
    if figures.get("failed"):
        raise SystemExit(f"the seed analysis failed: {result.stderr}")
    return flatten(figures)


def quotes_figures() -> dict[str, float]:
    """Quotation attribution on the Wikinews dev split (rules tuned on train; the README says
    which few were found on dev)."""
    from quellenlage.evaluation.quotes import evaluate_quotes_dir

    result = evaluate_quotes_dir(SHARED / "data" / "quotes" / "wikinews-de" / "dev", None, None)
    figures = {f"{role}.f1": float(result["micro"][role]["f1"]) for role in ("quote", "roles", "joint")}
    figures["type.accuracy"] = float(result["type"]["accuracy"])
    return figures


def speaker_figures() -> dict[str, float]:
    """Share of named Wikinews dev speakers that resolve to an entity of their article."""
    from quellenlage.evaluation.entities import speaker_coverage

    return {"resolved.share": speaker_coverage(SHARED / "data" / "quotes" / "wikinews-de" / "dev").share}


def model_figures() -> dict[str, float]:
    """The shipped language model on the official GermEval 2014 dev split (which also selected its
    checkpoint, see the model card) and on the held-out UD part (training/splits)."""
    import importlib.util
    import tempfile

    from quellenlage.evaluation.ner import evaluate_ner_file
    from quellenlage.evaluation.tags import evaluate_tags_file
    from quellenlage.language.annotate import load_pipeline

    spec = importlib.util.spec_from_file_location("convert", ROOT / "training" / "convert.py")
    assert spec and spec.loader
    convert = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert)
    nlp = load_pipeline(trained_sentences=True)
    ner = evaluate_ner_file(SHARED / "data" / convert.GERMEVAL_DEV, nlp)
    with tempfile.TemporaryDirectory() as tmp:
        tags = evaluate_tags_file(convert.write_heldout_ud(SHARED / "data", Path(tmp)), nlp)
        unseen = evaluate_ner_file(write_unseen_dev(SHARED / "data" / convert.GERMEVAL_DEV, Path(tmp)), nlp)
    return {
        "ner.outer_f1": ner["official_outer"]["overall"]["f"],
        "ner.coarse_f1": ner["coarse"]["overall"]["f"],
        "ner_unseen.outer_f1": unseen["official_outer"]["overall"]["f"],
        "ner_unseen.coarse_f1": unseen["coarse"]["overall"]["f"],
        **{f"tags.{k}": v for k, v in tags.items() if k in TAG_KEYS},
    }


def write_unseen_dev(dev: Path, folder: Path) -> Path:
    """The GermEval dev sentences the shipped model never trained on (training/splits/
    germeval_dev_heldout.txt): the shipped model (issue 12) learned from the other 80% of dev, so
    its figures on the whole split flatter it; these are the ones that measure it."""
    listed = (ROOT / "training" / "splits" / "germeval_dev_heldout.txt").read_text(encoding="utf-8")
    wanted = {int(line) for line in listed.split() if line.isdigit()}
    blocks = [block for block in dev.read_text(encoding="utf-8-sig").split("\n\n") if block.strip()]
    path = folder / "germeval_dev_unseen.tsv"
    path.write_text("\n\n".join(b.strip("\n") for i, b in enumerate(blocks) if i in wanted) + "\n\n", encoding="utf-8")
    return path


CORPUS_KEYS = {
    "claims.f1": ("claims", "f1"),
    "figures.f1": ("figures_bcubed", "f1"),
    "sources.accuracy": ("source_accuracy", "acc"),
    "quotes.f1": ("quotes_bcubed", "f1"),
    "wire.f1": ("wire_copies", "f1"),
    "stories.f1": ("stories_bcubed", "f1"),
}


def corpus_figures(folder: Path) -> dict[str, float]:
    """A corpus in the format of ../shared/corpus/FORMAT.md analysed from scratch, linked, exported
    as corpus-json and scored by the shared scorer."""
    import tempfile

    from quellenlage import analyze
    from quellenlage.linking import ArticleMeta, digest_article, link_articles
    from quellenlage.linking.corpus_json import corpus_json

    rows = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    digests = [
        digest_article(
            ArticleMeta(
                id=r["id"], outlet=r.get("outlet"), url=r.get("url"), published=r.get("published"), title=r.get("title")
            ),
            analyze(r["text"], (r.get("published") or "")[:10] or None),
        )
        for r in rows
    ]
    with tempfile.TemporaryDirectory() as tmp:
        prediction = Path(tmp) / "links.json"
        prediction.write_text(json.dumps(corpus_json(link_articles(digests)), ensure_ascii=False), encoding="utf-8")
        command = [
            sys.executable,
            str(SHARED / "eval" / "score_corpus.py"),
            str(folder / "gold.json"),
            str(prediction),
            "--json",
        ]
        scores = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return {name: float(scores[part][key]) for name, (part, key) in CORPUS_KEYS.items()}


def flatten(figures: dict[str, object]) -> dict[str, float]:
    flat = {}
    for task, values in figures.items():
        if isinstance(values, dict):
            for name, value in values.items():
                if isinstance(value, int | float):
                    flat[f"{task}.{name}"] = float(value)
    return flat


def compare(name: str, measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    failures = []
    for key, floor in floors.items():
        value = measured.get(key)
        status = "ok" if value is not None and value + 1e-9 >= floor else "BELOW FLOOR"
        print(f"{name:<12} {key:<32} {'-' if value is None else round(value, 3):>8}  floor {floor:<6} {status}")
        if status != "ok":
            failures.append(f"{name} {key}")
    return failures


def main() -> int:
    floors = json.loads((ROOT / "eval" / "floors.json").read_text(encoding="utf-8"))
    failures = compare("seed", seed_figures(), floors["seed"])
    failures += compare("quotes-dev", quotes_figures(), floors["quotes_dev"])
    failures += compare("speakers-dev", speaker_figures(), floors["speakers_dev"])
    failures += compare("model", model_figures(), floors["model"])
    failures += compare("corpus-dev", corpus_figures(SHARED / "corpus" / "dev"), floors["corpus_dev"])
    failures += compare("corpus-own", corpus_figures(ROOT / "tests" / "fixtures" / "corpus"), floors["corpus_own"])
    failures += compare("corpus-own2", corpus_figures(ROOT / "tests" / "fixtures" / "corpus2"), floors["corpus_own2"])
    if failures:
        print("evaluation gates failed: " + ", ".join(failures), file=sys.stderr)
        return 1
    print("all evaluation gates passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

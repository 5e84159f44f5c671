"""Rebuild the shipped German pipeline ``src/quellenlage/models/de_quellenlage`` in one command.

    OMP_NUM_THREADS=1 .venv/bin/python training/train.py [--data ../shared/data]

Steps: convert (training/convert.py) -> gazetteer lists (training/gazetteers.py) -> floret
vectors (training/vectors.py) -> spacy train (training/config.cfg, fixed seeds) -> evaluate
model-best on the GermEval 2014 dev split and the held-out UD part -> measure speed ->
package to the ship dir, write training/scores.json and MODEL_CARD.md.

Options: ``--skip-convert``/``--skip-train`` reuse earlier outputs, ``--max-steps`` and
``--set key=value`` override the config (for quick experiments), ``--ner-only`` converts
without UD (for configs whose pipeline is tok2vec + ner), ``--no-package`` skips the copy.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

import spacy  # noqa: E402
from prune_strings import prune as prune_strings  # noqa: E402
from spacy.util import compile_infix_regex  # noqa: E402

from quellenlage.language.packaging import assembled, package_model  # noqa: E402

SHIP = REPO / "src" / "quellenlage" / "models" / "de_quellenlage"
CORPUS = HERE / "corpus"
VECTORS = CORPUS / "vectors"
GAZETTEERS = CORPUS / "gazetteers.json"
GERMEVAL_DEV_NAME = "ner/germeval2014/NER-de-dev.tsv"

# Short "debris tails" glued to the next sentence in scraped news ("dpaDie", "3 minNato").
# A zero-width infix splits them off when they start a token and are followed by an
# uppercase+lowercase letter.  Pure regex: it is serialised in the tokenizer data, so
# loading the model needs no Python code.
DEBRIS_TAILS = [
    "dpa",
    "afp",
    "apa",
    "kna",
    "epd",
    "sid",
    "dts",
    "rtr",
    "reuters",
    "min",
    "Uhr",
    "mehr",
    "Foto",
    "Quelle",
    "Anzeige",
    "Werbung",
    "AFP",
    "APA",
    "DPA",
    "KNA",
    "EPD",
    "SID",
]


def debris_infix_pattern() -> str:
    lookbehinds = "|".join(f"(?<=(?<![^\\W\\d_]){t})" for t in DEBRIS_TAILS)
    return f"(?:{lookbehinds})(?=[A-ZÄÖÜ][a-zäöüß])"


def customize_tokenizer(nlp):
    infixes = [debris_infix_pattern()] + list(nlp.Defaults.infixes)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@spacy.registry.callbacks("quellenlage.debris_tokenizer.v1")
def make_debris_tokenizer_callback():
    return customize_tokenizer


def train(config: Path, out: Path, max_steps: int | None, extra: dict[str, object] | None = None) -> float:
    from spacy.cli.train import train as spacy_train

    overrides: dict[str, object] = {
        "paths.train": str(CORPUS / "train.spacy"),
        "paths.dev": str(CORPUS / "dev.spacy"),
        "paths.vectors": str(VECTORS),
        "paths.gazetteers": str(GAZETTEERS),
    }
    if max_steps:
        overrides["training.max_steps"] = max_steps
    overrides.update(extra or {})
    t0 = time.time()
    spacy_train(config, out, use_gpu=-1, overrides=overrides)
    return time.time() - t0


def evaluate(model_dir: Path, data: Path) -> dict:
    from quellenlage.evaluation.ner import evaluate_ner_file, format_ner_report
    from quellenlage.evaluation.tags import evaluate_tags_file, format_tags_report

    nlp = spacy.load(model_dir)
    ner = evaluate_ner_file(data / GERMEVAL_DEV_NAME, nlp)
    print(format_ner_report(ner))
    tags = None
    if "morphologizer" in nlp.pipe_names:
        tags = evaluate_tags_file(CORPUS / "heldout_ud.conllu", nlp)
        print(format_tags_report(tags))
    return {"ner": ner, "tags": tags}


def measure_speed(model_dir: Path, data: Path, limit: int = 300) -> dict:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from speed import load_texts, model_speed  # type: ignore[import-not-found]

    texts = load_texts(data / "news" / "10kgnad-test.csv", limit)
    return model_speed(spacy.load(model_dir), texts)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def package(model_dir: Path, meta_extra: dict) -> None:
    nlp = spacy.load(model_dir)
    nlp.meta.update(meta_extra)
    if SHIP.exists():
        shutil.rmtree(SHIP)
    SHIP.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(SHIP)
    # the before_init callback is only needed for training (the infix rule is
    # serialised in tokenizer data); drop it so loading needs nothing from training/
    cfg = (SHIP / "config.cfg").read_text(encoding="utf-8")
    cfg = cfg.replace('[initialize.before_init]\n@callbacks = "quellenlage.debris_tokenizer.v1"\n', "").replace(
        "after_init = null\n", "after_init = null\nbefore_init = null\n", 1
    )
    # corpus/vector paths relative to the repository root, not this machine's checkout
    cfg = cfg.replace(f'"{REPO}/', '"')
    (SHIP / "config.cfg").write_text(cfg, encoding="utf-8")
    # only the strings the loaded pipeline reads from its store (2.7 MB less; training/prune_strings.py)
    prune_strings(SHIP)
    # repository snapshots drop files over 4 MiB: ship large weights in parts (joined at load time)
    package_model(SHIP)  # and the checksums the loader verifies every file against


def write_model_card(scores: dict, results: dict, config: Path) -> None:
    from spacy.util import load_config

    cfg = load_config(config)
    stats = json.loads((CORPUS / "stats.json").read_text())
    nlp_ship = spacy.load(assembled(SHIP))
    nlp_pipes = ", ".join(nlp_ship.pipe_names)
    vec = nlp_ship.vocab.vectors
    vectors_desc = "no static vectors"
    if vec.shape[0] and cfg["components"]["tok2vec"]["model"]["embed"].get("include_static_vectors"):
        vs_path = CORPUS / "vectors_stats.json"
        n_tok = json.loads(vs_path.read_text()).get("tokens") if vs_path.exists() else None
        vectors_desc = (
            f"static floret vectors ({vec.shape[0]:,} hash rows x {vec.shape[1]} dims, "
            f"{vec.mode} mode, trained by `training/vectors.py` on "
            + (f"{n_tok / 1e6:.1f}M tokens of " if n_tok else "")
            + "unlabelled German text, see below)"
        )
    embed = cfg["components"]["tok2vec"]["model"]["embed"]
    encode = cfg["components"]["tok2vec"]["model"]["encode"]
    tok2vec_desc = (
        f"shared `tok2vec`: hash embeddings of {'/'.join(embed['attrs'])} with rows "
        f"{'/'.join(str(r) for r in embed['rows'])}, MaxoutWindowEncoder width {encode['width']}, "
        f"depth {encode['depth']}, window {encode['window_size']}"
    )
    flags = list(embed.get("flags") or [])
    lists = json.loads(GAZETTEERS.read_text(encoding="utf-8"))["lists"] if GAZETTEERS.exists() else {}
    flags_desc = ", ".join(f"`{fl}` ({len(lists.get(fl, [])):,})" for fl in flags)
    n_keys = len({w for fl in flags for w in lists.get(fl, [])})
    outer, coarse = results["ner"]["official_outer"], results["ner"]["coarse"]
    rows = ["| label | P | R | F1 | support |", "|---|---|---|---|---|"]
    labels = [b + s for s in ("", "deriv", "part") for b in ("PER", "ORG", "LOC", "OTH")]
    for lab in labels + ["overall"]:
        if lab in outer:
            v = outer[lab]
            name = "overall (12 labels)" if lab == "overall" else lab
            rows.append(f"| {name} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {int(v['support'])} |")
    for lab in ("PER", "ORG", "LOC", "OTH", "overall"):
        v = coarse[lab]
        name = "overall (4 coarse labels)" if lab == "overall" else f"{lab} (coarse: + {lab}part)"
        rows.append(f"| {name} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {int(v['support'])} |")
    used = [f"{stats.get('silver_' + k, 0):,} {k}" for k in ("wikineural", "europarl", "wikiann")]
    silver_desc = ", ".join(u for u in used if not u.startswith("0 ")) or "none"
    tags = results["tags"]

    def f(x):
        return "n/a" if x is None else f"{x:.3f}"

    text = (
        (HERE / "MODEL_CARD.template.md")
        .read_text(encoding="utf-8")
        .format(
            spacy_version=spacy.__version__,
            pipeline=nlp_pipes,
            gold_repeat=stats.get("gold_repeat", "?"),
            gold_aug=stats.get("gold_aug", 0),
            vectors_desc=vectors_desc,
            ud_repeat=stats.get("ud_repeat", "?"),
            debris_tails=", ".join(f"`{t}`" for t in DEBRIS_TAILS),
            silver_wikineural=stats.get("silver_wikineural", 0),
            silver_europarl=stats.get("silver_europarl", 0),
            silver_wikiann=stats.get("silver_wikiann", 0),
            tok2vec_desc=tok2vec_desc,
            silver_desc=silver_desc,
            n_flags=len(flags),
            n_keys=f"{n_keys:,}",
            flags_desc=flags_desc,
            ud_heldout=tags["sentences"],
            ud_tokens=tags["tokens"],
            ner_table="\n".join(rows),
            outer_p=f(scores["ner_outer_p_dev"]),
            outer_r=f(scores["ner_outer_r_dev"]),
            outer_f1=f(scores["ner_outer_f1_dev"]),
            coarse_p=f(scores["ner_coarse_p_dev"]),
            coarse_r=f(scores["ner_coarse_r_dev"]),
            coarse_f1=f(scores["ner_coarse_f1_dev"]),
            pos_acc=f(tags["pos_acc"]),
            tag_acc=f(tags["tag_acc"]),
            morph_acc=f(tags["morph_acc"]),
            lemma_acc=f(tags["lemma_acc"]),
            sent_p=f(tags["sent_p"]),
            sent_r=f(tags["sent_r"]),
            sent_f=f(tags["sent_f"]),
            train_minutes=("n/a" if not scores.get("train_seconds") else f"{scores['train_seconds'] / 60:.0f}"),
            max_steps=cfg["training"]["max_steps"],
            experiments=(HERE / "EXPERIMENTS.md").read_text(encoding="utf-8").strip(),
            wps=f"{scores['words_per_s_one_core']:,.0f}",
            wps_cpu=f"{scores['words_per_cpu_s_one_core']:,.0f}",
            size_mb=f"{scores.get('model_size_bytes', 0) / 1e6:.1f}",
        )
    )
    (SHIP / "MODEL_CARD.md").write_text(text, encoding="utf-8")


def _value(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def ner_scores(ner: dict) -> dict:
    """The figures CI and the model card use: GermEval 2014 dev, official outer chunks (12 labels)
    and 4 coarse labels, strict spans."""

    def per_label(table: dict) -> dict:
        return {k: {m: v[m] for m in ("p", "r", "f", "support")} for k, v in table.items() if k != "overall"}

    outer = ner["official_outer"] or {}
    return {
        "ner_outer_f1_dev": outer.get("overall", {}).get("f"),
        "ner_outer_p_dev": outer.get("overall", {}).get("p"),
        "ner_outer_r_dev": outer.get("overall", {}).get("r"),
        "ner_coarse_f1_dev": ner["coarse"]["overall"]["f"],
        "ner_coarse_p_dev": ner["coarse"]["overall"]["p"],
        "ner_coarse_r_dev": ner["coarse"]["overall"]["r"],
        "ner_outer_per_label_dev": per_label(outer),
        "ner_coarse_per_label_dev": per_label(ner["coarse"]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg")
    ap.add_argument("--output", type=Path, default=HERE / "output")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--set", action="append", default=[], help="config override key=value (repeatable)")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus", help="intermediate corpus dir")
    ap.add_argument("--vectors", type=Path, default=None, help="vectors dir (default: CORPUS/vectors)")
    ap.add_argument("--silver", default=None, help="silver sample sizes, e.g. wikineural=20000,wikiann=0")
    ap.add_argument("--gold-repeat", type=int, default=None)
    ap.add_argument("--gold-aug", type=int, default=None)
    ap.add_argument("--ud-repeat", type=int, default=None)
    ap.add_argument("--ner-only", action="store_true", help="convert without UD (tok2vec + ner configs)")
    ap.add_argument("--skip-convert", action="store_true")
    ap.add_argument("--skip-vectors", action="store_true", help="reuse the vectors")
    ap.add_argument("--skip-train", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--no-package", action="store_true")
    args = ap.parse_args()
    global CORPUS, VECTORS, GAZETTEERS
    CORPUS = args.corpus
    VECTORS = args.vectors or CORPUS / "vectors"
    GAZETTEERS = CORPUS / "gazetteers.json"
    t_start = time.time()

    if not args.skip_convert:
        from convert import convert
        from gazetteers import write as write_gazetteers

        pairs = [x.split("=") for x in args.silver.split(",")] if args.silver else []
        silver = {k: int(v) for k, v in pairs} or None
        stats = convert(args.data, CORPUS, silver, args.gold_repeat, args.ud_repeat, args.gold_aug, args.ner_only)
        print(json.dumps(stats, indent=2))
        print(json.dumps(write_gazetteers(args.data, GAZETTEERS), indent=2))
    if not args.skip_vectors and not args.skip_train:
        from vectors import build_vectors

        print(json.dumps(build_vectors(args.data, CORPUS, VECTORS.parent), indent=2))
    train_s = None
    args.output.mkdir(parents=True, exist_ok=True)
    time_file = args.output / "train_seconds.json"
    if args.skip_train and time_file.exists():
        train_s = json.loads(time_file.read_text())["train_seconds"]
    if not args.skip_train:
        extra = {k: _value(v) for k, v in (x.split("=", 1) for x in args.set)}
        train_s = train(args.config, args.output, args.max_steps, extra)
        time_file.write_text(json.dumps({"train_seconds": train_s}))
    best = args.output / "model-best"
    results = evaluate(best, args.data)
    scores: dict = ner_scores(results["ner"])
    tags = results["tags"]
    if tags:
        scores.update(
            {
                "pos_acc_heldout": tags["pos_acc"],
                "tag_acc_heldout": tags["tag_acc"],
                "morph_acc_heldout": tags["morph_acc"],
                "lemma_acc_heldout": tags["lemma_acc"],
                "sent_f1_heldout": tags["sent_f"],
                "uas_heldout": tags.get("uas"),
                "las_heldout": tags.get("las"),
            }
        )
    if not args.skip_speed:
        speed = measure_speed(best, args.data)
        print(
            f"speed (model only, 1 thread): {speed['words_per_s']:.0f} words/s wall, "
            f"{speed['words_per_cpu_s']:.0f} words/cpu-s"
        )
        scores["words_per_s_one_core"] = speed["words_per_s"]
        scores["words_per_cpu_s_one_core"] = speed["words_per_cpu_s"]
    scores["train_seconds"] = train_s
    scores["evaluated_on"] = {
        "ner": f"GermEval 2014 dev ({GERMEVAL_DEV_NAME}), also used to select the checkpoint",
        "ud": "training/splits/de_*_heldout.txt (sentence indices per UD file)",
    }
    (args.output / "eval_full.json").write_text(json.dumps(results, indent=2, default=str))
    (args.output / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    if not args.no_package:
        package(
            best,
            {
                "name": "quellenlage",
                "version": "0.2.0",
                "description": "quellenlage German news pipeline (see MODEL_CARD.md)",
                "license": "CC BY-NC-SA 4.0 (inherits from training data)",
                "author": "quellenlage",
            },
        )
        scores["model_size_bytes"] = dir_size(SHIP)
        write_model_card(scores, results, args.config)
        scores["model_size_bytes"] = dir_size(SHIP)
        (HERE / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    print(json.dumps({k: v for k, v in scores.items() if not isinstance(v, dict)}, indent=2))
    print(f"total wall time: {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()

"""Train floret static vectors for the tok2vec (``training/train.py`` calls this).

Text (one sentence or paragraph per line, tokenised like the model tokenises):

* token text of ``training/corpus/train.spacy`` (the *training* parts of GermEval/UD and the
  silver NER samples; the held-out parts are not in it), de-duplicated;
* all WikiANN and Europarl sentences (text only, no labels);
* 10kGNAD articles, Wikinews quotation-corpus articles (train + dev ``originalText``),
  Redewiedergabe tokens;
* mention-replaced copies of the GermEval train part and of the WikiNEuRal sample
  (``convert.replace_mentions``: gazetteer names in real contexts, so that unseen
  surnames/places/companies get vectors close to seen ones).

Then ``floret`` (cbow, hash table ``BUCKET`` x ``DIM``) and ``spacy init vectors --mode floret``.
floret is a training-time dependency only (``pip install .[training]``); the model does
not need it.
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

SEED = 20241027
DIM = 100
BUCKET = 50000
FLORET = {
    "model": "cbow",
    "dim": DIM,
    "mode": "floret",
    "hashCount": 2,
    "bucket": BUCKET,
    "minn": 4,
    "maxn": 5,
    "minCount": 3,
    "epoch": 10,
    "neg": 10,
    "thread": 1,
}


def _tokenizer():
    import spacy
    from train import customize_tokenizer

    return customize_tokenizer(spacy.blank("de")).tokenizer


def write_text(data_dir: Path, corpus_dir: Path, out: Path) -> dict:
    from convert import GERMEVAL_TRAIN, load_gazetteers, replace_mentions
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    from quellenlage.evaluation.ner import read_ner_file

    lines: list[str] = []
    stats: dict[str, int] = {}

    def add(name: str, new: list[str]) -> None:
        new = [ln for ln in new if ln.strip()]
        stats[name] = len(new)
        lines.extend(new)

    # training parts (GermEval train, UD train, WikiNEuRal/Europarl samples): gold tokens
    seen: set[str] = set()
    own: list[str] = []
    for doc in DocBin().from_disk(corpus_dir / "train.spacy").get_docs(Vocab()):
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc]:
            ln = " ".join(t.text for t in sent)
            if ln not in seen:
                seen.add(ln)
                own.append(ln)
    add("train_corpus_sentences", own)

    silver_text = []
    for rel in ["ner/wikiann-de/train.conllu", "ner/wikiann-de/val.conllu", "ner/wikiann-de/test.conllu"] + [
        f"ner/europarl-de/{s}.tsv" for s in ("train", "dev", "test")
    ] + ["ner/wikineural-de/val.conllu", "ner/wikineural-de/test.conllu"]:
        p = data_dir / rel
        if p.exists():
            silver_text += [" ".join(t) for t, _ in read_ner_file(p)]
    add("wikiann_europarl_wikineural_sentences", [ln for ln in silver_text if ln not in seen])

    speeches = []  # Bundestag speeches of GermEval 2023 SpkAtt (tokens only)
    for p in sorted((data_dir / "quotes/spkatt2023").glob("*/task1/*.json")):
        for sent in json.loads(p.read_text(encoding="utf-8")).get("Sentences", []):
            speeches.append(" ".join(sent.get("Tokens", [])))
    add("spkatt_sentences", speeches)

    tok = _tokenizer()
    raw: list[str] = []
    with open(data_dir / "news/10kgnad-test.csv", encoding="utf-8") as f:
        raw += [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) > 1]
    n_gnad = len(raw)
    for split in ("train", "dev"):
        for p in sorted((data_dir / "quotes/wikinews-de" / split).glob("*.json")):
            raw.append(json.loads(p.read_text(encoding="utf-8")).get("originalText", ""))
    paras = [p.strip() for text in raw for p in text.split("\n") if p.strip()]
    add("news_paragraphs", [" ".join(t.text for t in d if not t.is_space) for d in tok.pipe(paras)])
    stats["news_articles_10kgnad"] = n_gnad

    rw: list[str] = []
    for p in sorted((data_dir / "speech/redewiedergabe-tsv").glob("*.tsv")):
        cur: list[str] = []
        for i, row in enumerate(p.read_text(encoding="utf-8").splitlines()):
            cols = row.split("\t")
            if i == 0 or len(cols) < 6:
                continue
            if cols[5] == "yes" and cur:
                rw.append(" ".join(cur))
                cur = []
            cur.append(cols[0])
        if cur:
            rw.append(" ".join(cur))
    add("redewiedergabe_sentences", rw)

    # mention-replaced copies (gazetteer names in real contexts)
    gaz = load_gazetteers(data_dir)
    rng = random.Random(f"{SEED}-vectors")
    ge_train = [(t, o) for t, o, _n in read_ner_file(data_dir / GERMEVAL_TRAIN, with_nested=True)]
    wn = [s for part in ("val", "test") for s in read_ner_file(data_dir / f"ner/wikineural-de/{part}.conllu")]
    aug = []
    aug += [" ".join(replace_mentions(t, o, gaz, rng)[0]) for t, o in ge_train]
    aug += [" ".join(replace_mentions(t, o, gaz, rng)[0]) for t, o in wn]
    add("mention_replaced_sentences", aug)

    random.Random(SEED).shuffle(lines)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats["tokens"] = sum(len(ln.split()) for ln in lines)
    return stats


def build_vectors(data_dir: Path, corpus_dir: Path, out_dir: Path) -> dict:
    """Text -> floret -> spaCy vectors in ``out_dir/vectors`` (used as ``paths.vectors``)."""
    import floret

    t0 = time.time()
    txt = out_dir / "vectors_text.txt"
    stats = write_text(data_dir, corpus_dir, txt)
    model = floret.train_unsupervised(str(txt), **FLORET)
    floret_file = out_dir / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "de",
            str(floret_file),
            str(out_dir / "vectors"),
            "--mode",
            "floret",
        ],
        check=True,
    )
    stats["floret"] = FLORET
    stats["seconds"] = round(time.time() - t0)
    (out_dir / "vectors_stats.json").write_text(json.dumps(stats, indent=2))
    return stats


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    a = ap.parse_args()
    print(json.dumps(build_vectors(a.data, a.corpus, a.corpus), indent=2))

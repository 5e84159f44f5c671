"""Pretrain the tok2vec on unlabelled German text (spaCy's character objective).

    OMP_NUM_THREADS=1 .venv/bin/python training/pretrain.py [--epochs 3] [--config training/config.cfg]

The text is the floret vector text (``training/vectors.py`` writes ``corpus/vectors_text.txt``:
news, Wikinews, speeches, Redewiedergabe, the token text of the training parts; never a dev or
held-out sentence). The tok2vec learns to predict the first and last 4 characters of each
word from its context; ``train.py --pretrained`` starts the tok2vec from these weights
(``[initialize] init_tok2vec``). The config's tok2vec must be the one trained later.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train  # noqa: E402,F401  (registers the tokenizer callback)

PRETRAINING = """
[corpora.pretrain]
@readers = "spacy.JsonlCorpus.v1"
path = ${paths.raw_text}
min_length = 3
max_length = 300
limit = 0

[pretraining]
max_epochs = 3
dropout = 0.2
n_save_every = null
n_save_epoch = null
component = "tok2vec"
layer = ""
corpus = "corpora.pretrain"

[pretraining.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 3000
discard_oversize = false
tolerance = 0.2
get_length = null

[pretraining.objective]
@architectures = "spacy.PretrainCharacters.v1"
maxout_pieces = 3
hidden_size = 300
n_characters = 4

[pretraining.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 1e-08
learn_rate = 0.001
"""


def write_raw_text(corpus: Path) -> Path:
    out = corpus / "pretrain_text.jsonl"
    with open(corpus / "vectors_text.txt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                dst.write(json.dumps({"text": line.strip()}, ensure_ascii=False) + "\n")
    return out


def pretrain(config: Path, corpus: Path, vectors: Path, out: Path, epochs: int) -> float:
    from spacy.training.pretrain import pretrain as spacy_pretrain

    raw = write_raw_text(corpus)
    text = config.read_text(encoding="utf-8").replace("[paths]\n", "[paths]\nraw_text = null\n", 1)
    text = text.replace("[pretraining]\n", "", 1)  # the training config's empty section
    overrides = {
        "paths.raw_text": str(raw),
        "paths.vectors": str(vectors),
        "paths.gazetteers": str(corpus / "gazetteers.json"),
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "pretraining.max_epochs": epochs,
    }
    cfg = load_config_from_str(text + PRETRAINING, overrides=overrides).interpolate()
    t0 = time.time()
    out.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(cfg, out, silent=False)
    return time.time() - t0


def load_config_from_str(text: str, overrides: dict | None = None):
    from spacy.util import load_config_from_str as load

    return load(text, overrides=overrides or {}, interpolate=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--vectors", type=Path, default=None)
    ap.add_argument("--output", type=Path, default=HERE / "corpus" / "pretrain")
    ap.add_argument("--epochs", type=int, default=3)
    a = ap.parse_args()
    seconds = pretrain(a.config, a.corpus, a.vectors or a.corpus / "vectors", a.output, a.epochs)
    print(f"pretraining: {seconds:.0f}s")

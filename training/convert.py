"""Convert the raw corpora in ../shared/data into spaCy DocBin training/dev corpora.

Outputs (in ``training/corpus/``, git-ignored):

* ``train.spacy``: UD training part (tags/morph/lemmas/sentences) + GermEval 2014 **train**
  (NER with its 12 labels, sentences) + optional silver NER (WikiNEuRal, Europarl, WikiANN).
* ``dev.spacy``: GermEval 2014 **dev** (all of it) + the held-out UD part (model selection).
* ``heldout_ud.conllu``: the held-out UD part in its own format, for ``quellenlage.evaluation``.
* ``stats.json``: counts.

The held-out UD split is defined by ``training/splits/de_*_heldout.txt`` (sentence indices,
written once from a fixed seed and then only read). GermEval needs no split of ours: its official
train split trains, its official dev split selects and reports (the test split is not here).

Annotation that a corpus does not have is left *missing* in the Doc (NER docs have no
POS/morph/lemma; UD docs have no entities: ``ent_iob == 0``), which spaCy v3 ignores in the
losses. Silver corpora know only 4 coarse types, so the tokens where GermEval would annotate
a ``-deriv``/``-part`` span are left missing too (see ``_silver_tags``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from quellenlage.evaluation.ner import guess_spaces, map_tags, read_ner_file, repair_iob  # noqa: E402
from quellenlage.evaluation.tags import read_conllu  # noqa: E402

SEED = 20241027
SPLITS = Path(__file__).resolve().parent / "splits"
HELDOUT_FRACTION = 0.2

GERMEVAL_TRAIN = "ner/germeval2014/NER-de-train.tsv"
GERMEVAL_DEV = "ner/germeval2014/NER-de-dev.tsv"
# silver NER sampling (sentences); 0 = not used (see training/EXPERIMENTS.md for what they did on dev)
SILVER = {
    "wikineural": 0,
    "europarl": 0,
    "wikiann": 0,  # no MISC class: its O would teach the model to suppress OTH
}
GOLD_REPEAT = 1
# extra copies of GermEval train in which plain PER/LOC/ORG mentions are replaced by random
# gazetteer names (mention replacement: the model cannot memorise the names)
GOLD_AUG = 0
UD_REPEAT = 3
SENTS_PER_DOC = 6


def _split_ids(name: str, n: int) -> set[int]:
    """Held-out sentence indices for a corpus of n sentences (persisted)."""
    SPLITS.mkdir(exist_ok=True)
    path = SPLITS / f"{name}_heldout.txt"
    if path.exists():
        ids = {int(x) for x in path.read_text().split() if x.strip() and not x.startswith("#")}
        return ids
    rng = random.Random(f"{SEED}-{name}")
    idx = list(range(n))
    rng.shuffle(idx)
    held = sorted(idx[: round(n * HELDOUT_FRACTION)])
    path.write_text("\n".join(str(i) for i in held) + "\n")
    return set(held)


DERIV_LIKE = re.compile(r"^[a-zäöü][a-zäöüß]+(isch|ische|ischen|ischer|isches|ischem)$")


def _silver_tags(tags: list[str], toks: list[str]) -> list[str | None]:
    """Coarse silver tags with the tokens GermEval would read differently left *missing*
    (None), since silver corpora have no -deriv/-part labels: a lowercase token inside a silver
    span or one shaped like a nationality adjective (``europäischen``: LOCderiv), and a
    hyphenated capitalised token (``Nato-Gipfel``: ORGpart)."""
    fixed = repair_iob(tags)
    out: list[str | None] = list(fixed)
    for i, tok in enumerate(toks):
        lowercase_in_span = fixed[i] != "O" and tok[:1].islower()
        if lowercase_in_span or DERIV_LIKE.match(tok) or ("-" in tok.strip("-") and tok[:1].isupper()):
            out[i] = None
            if i + 1 < len(out) and (out[i + 1] or "").startswith("I-"):
                out[i + 1] = "B-" + str(out[i + 1])[2:]
    return out


def load_gazetteers(data_dir: Path) -> dict[str, list[list[str]]]:
    """Name lists (whitespace-tokenised) for mention replacement; see the data README."""
    lex = data_dir / "lexicons"

    def names(path: Path, max_tokens: int = 4) -> list[list[str]]:
        out = []
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            toks = line.strip().split()
            if 1 <= len(toks) <= max_tokens and toks[0][:1].isupper():
                out.append(toks)
        return out

    first = []
    for line in (lex / "firstnames/firstnames.csv").read_text(encoding="utf-8").splitlines()[1:]:
        name = line.split(";", 1)[0].strip()
        if name.isalpha() and name[:1].isupper() and len(name) > 1:
            first.append(name)
    gaz = lex / "legal-gazetteers"
    return {
        "first": [[n] for n in first],
        "sur": names(gaz / "personennamen.list", 1),
        "LOC": names(gaz / "stadtnamen.list") + names(gaz / "laendernamen.list"),
        "ORG": names(gaz / "firmennamen.list"),
    }


def replace_mentions(
    toks: list[str], fine: list[str], gaz: dict[str, list[list[str]]], rng: random.Random
) -> tuple[list[str], list[str]]:
    """Replace plain PER/LOC/ORG spans (not -part/-deriv) by random gazetteer names;
    returns new tokens and their IOB2 tags (other spans keep their fine labels)."""
    fine = repair_iob(fine)
    out_t: list[str] = []
    out_g: list[str] = []
    i = 0
    while i < len(toks):
        tag = fine[i]
        if tag.startswith("B-") and tag[2:] in ("PER", "LOC", "ORG"):
            j = i + 1
            while j < len(toks) and fine[j] == "I-" + tag[2:]:
                j += 1
            lab = tag[2:]
            if lab == "PER":
                sur = rng.choice(gaz["sur"])
                new = sur if j - i == 1 else rng.choice(gaz["first"]) + sur
            else:
                new = rng.choice(gaz[lab])
            out_t += new
            out_g += ["B-" + lab] + ["I-" + lab] * (len(new) - 1)
            i = j
            continue
        out_t.append(toks[i])
        out_g.append(fine[i])
        i += 1
    return out_t, repair_iob(out_g)


def _ner_docs(vocab: Vocab, sents: list[tuple[list[str], list[Any]]], per_doc: int) -> list[Doc]:
    docs = []
    for k in range(0, len(sents), per_doc):
        chunk = sents[k : k + per_doc]
        words: list[str] = []
        spaces: list[bool] = []
        ents: list[Any] = []
        starts: list[bool] = []
        for toks, tags in chunk:
            sp = guess_spaces(toks)
            sp[-1] = True
            words += toks
            spaces += sp
            ents += tags
            starts += [True] + [False] * (len(toks) - 1)
        spaces[-1] = False
        docs.append(Doc(vocab, words=words, spaces=spaces, ents=ents, sent_starts=starts))
    return docs


def _ud_docs(vocab: Vocab, sents: list, per_doc: int, with_tags: bool) -> list[Doc]:
    docs = []
    for k in range(0, len(sents), per_doc):
        chunk = sents[k : k + per_doc]
        words, spaces, lemmas, pos, tags, morphs, starts = [], [], [], [], [], [], []
        heads: list[int] = []
        deps: list[str] = []
        for s in chunk:
            sp = list(s.spaces)
            sp[-1] = True
            heads += [len(words) + h for h in s.heads]
            deps += s.deps
            words += s.words
            spaces += sp
            lemmas += s.lemmas
            pos += s.upos
            tags += [t if (with_tags and t != "_") else "" for t in s.xpos]
            morphs += s.feats
            starts += [True] + [False] * (len(s.words) - 1)
        spaces[-1] = False
        docs.append(
            Doc(
                vocab,
                words=words,
                spaces=spaces,
                lemmas=lemmas,
                pos=pos,
                tags=tags,
                morphs=morphs,
                heads=heads,
                deps=deps,
            )
        )
    return docs


def convert(
    data_dir: Path,
    out_dir: Path,
    silver: dict | None = None,
    gold_repeat: int | None = None,
    ud_repeat: int | None = None,
    gold_aug: int | None = None,
    ner_only: bool = False,
) -> dict:
    """Write the corpora; ``ner_only`` leaves UD out (quick NER experiments)."""
    silver = {**SILVER, **(silver or {})}
    gold_repeat = GOLD_REPEAT if gold_repeat is None else gold_repeat
    ud_repeat = UD_REPEAT if ud_repeat is None else ud_repeat
    gold_aug = GOLD_AUG if gold_aug is None else gold_aug
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    stats: dict[str, Any] = {}
    train_docs: list[Doc] = []
    dev_docs: list[Doc] = []

    # --- GermEval 2014 (gold, 12 labels: the outer column) -------------------
    ge_train = [(t, o) for t, o, _n in read_ner_file(data_dir / GERMEVAL_TRAIN, with_nested=True)]
    ge_dev = [(t, o) for t, o, _n in read_ner_file(data_dir / GERMEVAL_DEV, with_nested=True)]
    stats["germeval_train"] = len(ge_train)
    stats["germeval_dev"] = len(ge_dev)
    stats["gold_repeat"] = gold_repeat
    stats["ud_repeat"] = 0 if ner_only else ud_repeat
    for _ in range(gold_repeat):
        train_docs += _ner_docs(vocab, ge_train, SENTS_PER_DOC)
    dev_docs += _ner_docs(vocab, ge_dev, SENTS_PER_DOC)
    stats["gold_aug"] = gold_aug
    if gold_aug:
        gaz = load_gazetteers(data_dir)
        aug_rng = random.Random(f"{SEED}-mentions")
        for _ in range(gold_aug):
            aug = [replace_mentions(t, o, gaz, aug_rng) for t, o in ge_train]
            train_docs += _ner_docs(vocab, aug, SENTS_PER_DOC)

    # --- silver NER ----------------------------------------------------------
    rng = random.Random(SEED)
    silver_sources = {
        "wikineural": [data_dir / "ner/wikineural-de" / f"{s}.conllu" for s in ("val", "test")],
        "europarl": [data_dir / "ner/europarl-de" / f"{s}.tsv" for s in ("train", "dev", "test")],
        "wikiann": [data_dir / "ner/wikiann-de" / f"{s}.conllu" for s in ("train", "val", "test")],
    }
    for name, paths in silver_sources.items():
        n_wanted = silver.get(name, 0)
        if not n_wanted:
            stats[f"silver_{name}"] = 0
            continue
        sents = [s for p in paths if p.exists() for s in read_ner_file(p)]
        sents = [(t, map_tags(g)) for t, g in sents if 3 <= len(t) <= 80]
        sample = rng.sample(sents, min(n_wanted, len(sents)))
        stats[f"silver_{name}"] = len(sample)
        marked = [(t, _silver_tags(g, t)) for t, g in sample]
        # WikiANN items are fragments: one per doc; others grouped into pseudo-documents
        train_docs += _ner_docs(vocab, marked, 1 if name == "wikiann" else SENTS_PER_DOC)

    # --- UD -------------------------------------------------------------------
    ud_held_lines: list[str] = []
    for fname in [] if ner_only else UD_FILES:
        path = data_dir / "ud" / fname
        sents = read_conllu(path)
        held = _split_ids(fname.replace(".conllu", ""), len(sents))
        tr = [s for i, s in enumerate(sents) if i not in held]
        ho = [s for i, s in enumerate(sents) if i in held]
        stats[f"ud_{fname}_train"] = len(tr)
        stats[f"ud_{fname}_heldout"] = len(ho)
        with_tags = "gsd" in fname  # PUD XPOS is not STTS -> tagger annotation missing
        for _ in range(ud_repeat):
            train_docs += _ud_docs(vocab, tr, SENTS_PER_DOC, with_tags)
        dev_docs += _ud_docs(vocab, ho, SENTS_PER_DOC, with_tags)
        ud_held_lines += _conllu_subset(path, held)
    if ud_held_lines:
        (out_dir / "heldout_ud.conllu").write_text("".join(ud_held_lines), encoding="utf-8")

    random.Random(SEED).shuffle(train_docs)
    DocBin(docs=train_docs, store_user_data=False).to_disk(out_dir / "train.spacy")
    DocBin(docs=dev_docs, store_user_data=False).to_disk(out_dir / "dev.spacy")
    stats["train_docs"] = len(train_docs)
    stats["train_tokens"] = sum(len(d) for d in train_docs)
    stats["dev_docs"] = len(dev_docs)
    (out_dir / "stats.json").write_text(json.dumps(stats, indent=2))
    return stats


UD_FILES = ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu")


def write_heldout_ud(data_dir: Path, out_dir: Path) -> Path:
    """The held-out UD part in its own format (for evaluation and CI floors)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    for fname in UD_FILES:
        path = data_dir / "ud" / fname
        lines += _conllu_subset(path, _split_ids(fname.replace(".conllu", ""), len(read_conllu(path))))
    ud = out_dir / "heldout_ud.conllu"
    ud.write_text("".join(lines), encoding="utf-8")
    return ud


def _conllu_subset(path: Path, ids: set[int]) -> list[str]:
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    out = []
    for i, b in enumerate(blocks):
        if i in ids:
            # drop newdoc markers: held-out sentences are not contiguous documents
            lines = [ln for ln in b.strip("\n").split("\n") if not ln.startswith("# newdoc")]
            out.append("\n".join(lines) + "\n\n")
    return out


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    a = ap.parse_args()
    print(json.dumps(convert(a.data, a.out), indent=2))

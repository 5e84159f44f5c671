"""Convert the raw corpora in ../shared/data into spaCy DocBin training/dev corpora.

Outputs (in ``training/corpus/``, git-ignored):

* ``train.spacy``: UD (tags/morph/lemmas/sentences) + GermEval train part (NER,
  sentences) + sampled silver NER (WikiNEuRal, Europarl, WikiANN).
* ``dev.spacy``: held-out GermEval part + held-out UD part (model selection).
* ``heldout_germeval.tsv`` / ``heldout_ud.conllu``: the held-out parts in their
  original formats, for ``quellenlage.evaluation``.
* ``stats.json``: counts.

The held-out split is defined by ``training/splits/*.txt`` (sentence indices,
written on first run from a fixed seed and then only read), so it is reproducible.

Annotation that a corpus does not have is left *missing* in the Doc (NER docs have
no POS/morph/lemma; UD docs have no entities: ``ent_iob == 0``), which spaCy v3
ignores in the losses.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from quellenlage.evaluation.ner import guess_spaces, map_tags, read_ner_file, repair_iob  # noqa: E402
from quellenlage.evaluation.tags import read_conllu  # noqa: E402

SEED = 20241027
SPLITS = Path(__file__).resolve().parent / "splits"
HELDOUT_FRACTION = 0.2

# silver NER sampling (sentences); gold GermEval-train is repeated GOLD_REPEAT times
SILVER = {
    "wikineural": 30000,  # all (24,696 after length filter)
    "europarl": 1500,
    "wikiann": 0,  # no MISC class: its O would teach the model to suppress OTH
}
GOLD_REPEAT = 2
# extra copies of the GermEval train part in which PER/LOC/ORG mentions are replaced by
# random gazetteer names (mention replacement: the model cannot memorise the names)
GOLD_AUG = 1
UD_REPEAT = 2
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


def _silver_filter(tags: list[str], toks: list[str]) -> list[str]:
    """Silver clean-up: single-token spans starting lowercase (``europäischen``
    as MISC) are nationality adjectives, which GermEval annotates as -deriv -> O."""
    out = list(tags)
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            single = i + 1 >= len(tags) or not tags[i + 1].startswith("I-")
            if single and toks[i][:1].islower():
                out[i] = "O"
    return repair_iob(out)


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
    returns new tokens and *coarse* IOB2 tags."""
    coarse = map_tags(fine)
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
        out_g.append(coarse[i])
        i += 1
    return out_t, repair_iob(out_g)


def _ner_docs(vocab: Vocab, sents: list[tuple[list[str], list[str]]], per_doc: int) -> list[Doc]:
    docs = []
    for k in range(0, len(sents), per_doc):
        chunk = sents[k : k + per_doc]
        words: list[str] = []
        spaces: list[bool] = []
        ents: list[str] = []
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
) -> dict:
    silver = {**SILVER, **(silver or {})}
    gold_repeat = GOLD_REPEAT if gold_repeat is None else gold_repeat
    ud_repeat = UD_REPEAT if ud_repeat is None else ud_repeat
    gold_aug = GOLD_AUG if gold_aug is None else gold_aug
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    stats: dict[str, int] = {}
    train_docs: list[Doc] = []
    dev_docs: list[Doc] = []

    # --- GermEval (gold) ---------------------------------------------------
    ge_path = data_dir / "ner/germeval2014/NER-de-dev.tsv"
    ge = read_ner_file(ge_path, with_nested=True)
    held = _split_ids("germeval", len(ge))
    ge_train = [(t, map_tags(o)) for i, (t, o, _n) in enumerate(ge) if i not in held]
    ge_held = [(t, map_tags(o)) for i, (t, o, _n) in enumerate(ge) if i in held]
    _write_germeval_subset(ge_path, held, out_dir / "heldout_germeval.tsv")
    stats["germeval_train"] = len(ge_train)
    stats["germeval_heldout"] = len(ge_held)
    stats["gold_repeat"] = gold_repeat
    stats["ud_repeat"] = ud_repeat
    for _ in range(gold_repeat):
        train_docs += _ner_docs(vocab, ge_train, SENTS_PER_DOC)
    dev_docs += _ner_docs(vocab, ge_held, SENTS_PER_DOC)
    stats["gold_aug"] = gold_aug
    if gold_aug:
        gaz = load_gazetteers(data_dir)
        aug_rng = random.Random(f"{SEED}-mentions")
        ge_train_fine = [(t, o) for i, (t, o, _n) in enumerate(ge) if i not in held]
        for _ in range(gold_aug):
            aug = [replace_mentions(t, o, gaz, aug_rng) for t, o in ge_train_fine]
            train_docs += _ner_docs(vocab, aug, SENTS_PER_DOC)

    # --- silver NER ----------------------------------------------------------
    rng = random.Random(SEED)
    silver_sources = {
        "wikineural": [data_dir / "ner/wikineural-de" / f"{s}.conllu" for s in ("val", "test")],
        "europarl": [data_dir / "ner/europarl-de" / f"{s}.tsv" for s in ("train", "dev", "test")],
        "wikiann": [data_dir / "ner/wikiann-de" / f"{s}.conllu" for s in ("train", "val", "test")],
    }
    for name, paths in silver_sources.items():
        sents = [s for p in paths if p.exists() for s in read_ner_file(p)]
        sents = [(t, _silver_filter(map_tags(g), t)) for t, g in sents if 3 <= len(t) <= 80]
        n = min(silver.get(name, 0), len(sents))
        sample = rng.sample(sents, n) if n else []
        stats[f"silver_{name}"] = len(sample)
        # WikiANN items are fragments: one per doc; others grouped into pseudo-documents
        train_docs += _ner_docs(vocab, sample, 1 if name == "wikiann" else SENTS_PER_DOC)

    # --- UD -------------------------------------------------------------------
    ud_held_lines: list[str] = []
    for fname in UD_FILES:
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


def write_heldout(data_dir: Path, out_dir: Path) -> tuple[Path, Path]:
    """The held-out GermEval and UD parts in their own formats (for evaluation and CI floors)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ge_path = data_dir / "ner/germeval2014/NER-de-dev.tsv"
    germeval = out_dir / "heldout_germeval.tsv"
    _write_germeval_subset(ge_path, _split_ids("germeval", len(read_ner_file(ge_path, with_nested=True))), germeval)
    lines: list[str] = []
    for fname in UD_FILES:
        path = data_dir / "ud" / fname
        lines += _conllu_subset(path, _split_ids(fname.replace(".conllu", ""), len(read_conllu(path))))
    ud = out_dir / "heldout_ud.conllu"
    ud.write_text("".join(lines), encoding="utf-8")
    return germeval, ud


def _write_germeval_subset(path: Path, ids: set[int], out: Path) -> None:
    """Copy the sentences with the given indices (with their # line) verbatim."""
    blocks: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    blocks = [b for b in blocks if any(not ln.startswith("#\t") for ln in b)]
    out.write_text("".join("\n".join(b) + "\n\n" for i, b in enumerate(blocks) if i in ids), encoding="utf-8")


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

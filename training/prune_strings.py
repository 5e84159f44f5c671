"""Keep in a trained pipeline's string store only the strings the pipeline reads from it.

spaCy saves every string it saw in training (`vocab/strings.json`, 2.7 MB for GermEval + UD: each
word, its shape, prefix and suffix). A loaded pipeline looks up few of them: the edit trees of
the lemmatizer keep their affixes as string hashes, and the component labels, the NER moves and
the tokenizer's special cases are stored as text and added again when the pipeline loads. Every
other string is added when a text is read. The hash embeddings hash the text itself and need no
stored string. `training/train.py` runs this before packaging; `python training/prune_strings.py
[MODEL_DIR]` prunes a packaged model in place and checks that it annotates 300 news articles
exactly as before.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from quellenlage.language.packaging import assembled, write_checksums  # noqa: E402

SHIPPED = REPO / "src" / "quellenlage" / "models" / "de_quellenlage"
STRINGS = Path("vocab") / "strings.json"


def tree_strings(nlp: Language) -> set[str]:
    """The affixes the lemmatizer's edit trees replace ("orig"/"subst" hashes of its trees)."""
    if "trainable_lemmatizer" not in nlp.pipe_names:
        return set()
    data: dict[str, Any] = srsly.msgpack_loads(nlp.get_pipe("trainable_lemmatizer").trees.to_bytes())
    hashes = {node[key] for node in data["trees"] for key in ("orig", "subst") if key in node}
    return {nlp.vocab.strings[h] for h in hashes}


def needed_strings(nlp: Language) -> set[str]:
    """The strings a loaded pipeline needs from its store: the lemmatizer's affixes and every
    label (added again on load, kept so that the store stays complete as saved)."""
    needed = tree_strings(nlp)
    for _, pipe in nlp.pipeline:
        needed.update(str(label) for label in getattr(pipe, "labels", ()) or ())
    return needed


def prune(model_dir: Path) -> tuple[int, int]:
    """Rewrite `model_dir/vocab/strings.json` with the needed strings only; (before, after)."""
    nlp = spacy.load(assembled(model_dir))
    path = model_dir / STRINGS
    before = json.loads(path.read_text(encoding="utf-8"))
    kept = sorted(needed_strings(nlp))
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=0), encoding="utf-8")
    return len(before), len(kept)


def annotations(nlp: Language, texts: list[str]) -> list[tuple]:
    return [
        tuple((t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in doc)
        for doc in nlp.pipe(texts, batch_size=64)
    ]


def main() -> int:
    from speed import DEFAULT_DATA, load_texts  # type: ignore[import-not-found]

    model_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else SHIPPED
    texts = load_texts(DEFAULT_DATA, 300)
    reference = annotations(spacy.load(assembled(model_dir)), texts)
    before, after = prune(model_dir)
    write_checksums(model_dir)
    if annotations(spacy.load(assembled(model_dir)), texts) != reference:
        print("pruned model annotates differently", file=sys.stderr)
        return 1
    print(f"{model_dir / STRINGS}: {before:,} -> {after:,} strings; 300 articles annotated as before")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

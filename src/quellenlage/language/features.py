"""Gazetteer features for the model's token embedding: which name lists a token is in.

A CNN tagger trained on 24,000 sentences has seen a few thousand surnames, towns and companies;
the name lists in `../shared/data/lexicons` and the knowledge base know hundreds of thousands.
`quellenlage.GazetteerEmbed.v1` is spaCy's `MultiHashEmbed.v2` (hash embeddings of NORM, PREFIX,
SUFFIX, SHAPE, plus static vectors) with one more input before the mixing layer: one 0/1 column
per list ("first name", "surname", "country adjective", ...), looked up by the token's exact
text. The context decides what the flag is worth ("Koch" is a surname and a cook).

The lists live inside the model: `training/gazetteers.py` writes them to a JSON file, the layer
reads it once when training initialises the model and keeps the sorted string hashes (the low 32
bits of spaCy's 64-bit hash, 4 bytes a string: about one word type in 10,000 outside the lists
shares a key with a listed one) and their list masks as layer attributes, which spaCy serialises
with the weights. Loading the shipped model reads no
file but the model's own, and needs no import: the architecture is registered as a spaCy entry
point of this package (pyproject.toml).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import numpy as np
from spacy.attrs import ORTH
from spacy.ml.featureextractor import FeatureExtractor
from spacy.ml.staticvectors import StaticVectors
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d, Ragged

GAZETTEER_EMBED = "quellenlage.GazetteerEmbed.v1"
KEY_MASK = 0xFFFFFFFF


@registry.architectures(GAZETTEER_EMBED)
def gazetteer_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    include_static_vectors: bool,
    flags: list[str],
    lexicons: str,
) -> Model[list[Doc], list[Floats2d]]:
    """MultiHashEmbed.v2 plus one input column per name list in `flags` (read from the JSON file
    `lexicons` when the model is initialised for training; a loaded model has them already)."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings: list[Model[Ints2d, Floats2d]] = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    concat_size = width * (len(embeddings) + include_static_vectors) + len(flags)
    max_out: Model[Ragged, Ragged] = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    hashed: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(attrs),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(concatenate(*embeddings)),
    )
    branches = [hashed]
    if include_static_vectors:
        branches.append(StaticVectors(width, dropout=0.0))
    if flags:
        branches.append(gazetteer_flags(flags, lexicons))
    return chain(concatenate(*branches), max_out, ragged2list())


def gazetteer_flags(flags: list[str], lexicons: str) -> Model[list[Doc], Ragged]:
    """0/1 columns, one per list in `flags`, for every token (no weights)."""
    return Model(
        "gazetteer_flags",
        _flags_forward,
        init=_flags_init,
        dims={"nO": len(flags)},
        attrs={
            "flags": list(flags),
            "lexicons": lexicons,
            "keys": np.zeros((0,), dtype="uint32"),
            "masks": np.zeros((0,), dtype="uint16"),
        },
    )


def _flags_init(model: Model, X: Any = None, Y: Any = None) -> None:
    """Read the lists from the JSON file named in the config: {"lists": {flag: [surface, ...]}}.
    Runs when training initialises the model; `spacy.load` restores `keys`/`masks` instead."""
    if len(model.attrs["keys"]):
        return
    lists = json.loads(Path(model.attrs["lexicons"]).read_text(encoding="utf-8"))["lists"]
    keys, masks = lookup_table(model.attrs["flags"], lists)
    model.attrs["keys"] = keys
    model.attrs["masks"] = masks


def lookup_table(flags: list[str], lists: dict[str, list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted 32-bit string keys and, for each, the bit mask of the lists that hold the string."""
    if len(flags) > 16:
        raise ValueError("at most 16 gazetteer flags")
    mask_of: dict[int, int] = {}
    for bit, flag in enumerate(flags):
        for surface in lists.get(flag, []):
            key = hash_string(surface) & KEY_MASK
            mask_of[key] = mask_of.get(key, 0) | (1 << bit)
    keys = np.array(sorted(mask_of), dtype="uint32")
    masks = np.array([mask_of[int(k)] for k in keys], dtype="uint16")
    return keys, masks


def token_flags(keys: np.ndarray, masks: np.ndarray, orths: np.ndarray, n_flags: int) -> np.ndarray:
    """(n_tokens, n_flags) float32 0/1 matrix for the 64-bit ORTH hashes `orths`."""
    found = np.zeros(len(orths), dtype="uint32")
    if len(keys) and len(orths):
        orths = (orths & np.uint64(KEY_MASK)).astype(keys.dtype)
        index = np.searchsorted(keys, orths).clip(0, len(keys) - 1)
        hit = keys[index] == orths
        found[hit] = masks[index[hit]]
    bits = (found[:, None] >> np.arange(n_flags, dtype="uint32")) & 1
    return bits.astype("float32")


def _flags_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Ragged, Any]:
    n_flags = model.get_dim("nO")
    lengths = [len(doc) for doc in docs]
    orths = (
        np.concatenate([doc.to_array(ORTH).astype("uint64") for doc in docs])
        if docs
        else np.zeros((0,), dtype="uint64")
    )
    flags = token_flags(model.attrs["keys"], model.attrs["masks"], orths.reshape(-1), n_flags)
    output = Ragged(model.ops.asarray2f(cast(Floats2d, flags)), model.ops.asarray1i(lengths))

    def backprop(d_output: Ragged) -> list[Doc]:
        return []

    return output, backprop

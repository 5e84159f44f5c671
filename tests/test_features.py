"""The gazetteer-feature layer of the language model (quellenlage.GazetteerEmbed.v1)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import spacy
from spacy.strings import hash_string
from thinc.api import Model

from quellenlage.language.features import gazetteer_embed, gazetteer_flags, lookup_table, token_flags

FLAGS = ["first_name", "surname", "city"]
LISTS = {"first_name": ["Anna", "Jens"], "surname": ["Müller", "Jens"], "city": ["Jena"]}


def test_lookup_table_marks_every_list_a_string_is_in():
    keys, masks = lookup_table(FLAGS, LISTS)
    assert list(keys) == sorted(keys)
    orths = np.array([hash_string(w) for w in ["Jens", "Müller", "Jena", "jena", "der"]], dtype="uint64")
    flags = token_flags(keys, masks, orths, len(FLAGS))
    assert flags.tolist() == [[1, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]]


def test_empty_input_and_empty_table():
    keys, masks = lookup_table(FLAGS, {})
    assert token_flags(keys, masks, np.zeros((2,), dtype="uint64"), 3).shape == (2, 3)
    assert token_flags(keys, masks, np.zeros((0,), dtype="uint64"), 3).shape == (0, 3)


def test_layer_reads_the_lists_on_initialisation_and_keeps_them_through_serialisation(tmp_path):
    path = tmp_path / "lists.json"
    path.write_text(json.dumps({"lists": LISTS}), encoding="utf-8")
    nlp = spacy.blank("de")
    docs = [nlp("Anna Müller aus Jena"), nlp("Jens")]
    layer = gazetteer_flags(FLAGS, str(path))
    layer.initialize(X=docs)
    out = layer.predict(docs)
    assert out.dataXd.tolist() == [[1, 0, 0], [0, 1, 0], [0, 0, 0], [0, 0, 1], [1, 1, 0]]
    assert list(out.lengths) == [4, 1]
    path.unlink()  # a loaded model needs no list file
    fresh: Model = gazetteer_flags(FLAGS, str(path))
    fresh.from_bytes(layer.to_bytes())
    assert fresh.predict(docs).dataXd.tolist() == out.dataXd.tolist()


def test_embedding_has_the_configured_width(tmp_path):
    path = tmp_path / "lists.json"
    path.write_text(json.dumps({"lists": LISTS}), encoding="utf-8")
    nlp = spacy.blank("de")
    docs = [nlp("Anna Müller aus Jena")]
    embed = gazetteer_embed(16, ["NORM", "SHAPE"], [100, 50], False, FLAGS, str(path))
    embed.initialize(X=docs)
    (vectors,) = embed.predict(docs)
    assert vectors.shape == (4, 16)


def test_the_architecture_is_found_without_importing_the_package_module():
    """spaCy resolves it through the package's entry point, so `spacy.load` of the shipped
    model needs no import of quellenlage first (a fresh interpreter, nothing imported)."""
    code = (
        "import sys, spacy; f = spacy.registry.architectures.get('quellenlage.GazetteerEmbed.v1'); "
        "print(f.__module__)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "quellenlage.language.features"

"""How the entity layer reads the model's GermEval labels (NameSpan -> candidates)."""

from __future__ import annotations

from quellenlage.entities.knowledge_base import load_knowledge_base
from quellenlage.entities.mentions import model_candidates
from quellenlage.language import NameSpan

TEXT = "Die nordkoreanische Armee, die Berliner Polizei und marxistische Thesen."


def _span(word: str, label: str) -> NameSpan:
    start = TEXT.index(word)
    return NameSpan(start, start + len(word), label)


def test_a_derived_word_is_a_mention_of_what_it_derives_from():
    kb = load_knowledge_base()
    names = [_span("nordkoreanische", "LOCderiv"), _span("Berliner", "LOCderiv"), _span("marxistische", "PERderiv")]
    found = {TEXT[c.start : c.end]: c for c in model_candidates(TEXT, kb, names)}
    assert found["nordkoreanische"].entry is not None and found["nordkoreanische"].entry.key == "country:PRK"
    assert found["nordkoreanische"].form == "adjective" and found["nordkoreanische"].type == "LOC"
    assert found["Berliner"].entry is not None and found["Berliner"].entry.name == "Berlin"
    assert "marxistische" not in found  # derived from a name the knowledge base does not know: nothing


def test_a_plain_name_keeps_its_label():
    kb = load_knowledge_base()
    (candidate,) = model_candidates(TEXT, kb, [_span("Thesen", "OTH")])
    assert candidate.type == "OTH" and candidate.form == "name"

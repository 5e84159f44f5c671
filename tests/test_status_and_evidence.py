"""Who stands behind a statement (status), and evidence that stays bounded however long the sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quellenlage import analyze
from quellenlage.model import EVIDENCE_CHARS
from quellenlage.spans import excerpt


@pytest.mark.parametrize(
    "sentence,status",
    [
        ("Rund 300 Menschen kamen zu der Kundgebung auf dem Marktplatz.", "stated"),
        ("Nach Angaben der Polizei kamen rund 300 Menschen zu der Kundgebung.", "reported"),
        ("Medienberichten zufolge sollen rund 300 Menschen zu der Kundgebung gekommen sein.", "claimed"),
        ("Rund 300 Menschen kamen, die Angaben ließen sich nicht unabhängig überprüfen.", "unverified"),
    ],
)
def test_a_claim_says_who_stands_behind_it(sentence: str, status: str) -> None:
    [claim] = analyze(sentence, published="2025-03-15", force=True).claims
    assert claim.status == status


def test_evidence_of_a_sentence_without_end_is_bounded() -> None:
    text = "Die Behörde meldete " + ", ".join(f"{n} Fälle in Kreis {n}" for n in range(1, 400)) + "."
    analysis = analyze(text, published="2025-03-15", force=True)
    assert analysis.claims
    for claim in analysis.claims:
        assert len(claim.evidence) <= EVIDENCE_CHARS
        assert claim.number.text in claim.evidence  # the excerpt is centred on its number
        assert claim.evidence_span.end - claim.evidence_span.start > EVIDENCE_CHARS


@given(st.text(min_size=0, max_size=600), st.integers(0, 600), st.integers(10, 200))
def test_an_excerpt_is_a_bounded_piece_of_its_text(text: str, focus: int, limit: int) -> None:
    piece = excerpt(text, 0, len(text), min(focus, len(text)), limit)
    assert len(piece) <= max(limit, len(text) if len(text) <= limit else limit)
    assert piece.strip("…") in text or piece == text

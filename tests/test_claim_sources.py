"""The source of a number outside quotations is the actor of its clause; a later clause of a
sentence-wide source phrase may name its own source."""

from __future__ import annotations

import pytest

from quellenlage import analyze


def sources(text: str) -> dict[str, str | None]:
    """Each number with the words that name its source."""
    analysis = analyze(text, "2025-03-13")
    return {
        c.number.text: (c.source.mention.text if c.source.mention else c.source.name) if c.source else None
        for c in analysis.claims
    }


@pytest.mark.parametrize(
    ("sentence", "number", "source"),
    [
        ("Der Deutsche Wetterdienst hatte zuvor bis zu 140 Liter Regen gemessen.", "bis zu 140", "Wetterdienst"),
        (
            "Die Stadt Magdeburg hatte in der Nacht etwa 400 Anwohner in Sicherheit gebracht.",
            "etwa 400",
            "Stadt Magdeburg",
        ),
        ("Die Polizei bleibt bei ihrer Zahl von rund 160.000.", "rund 160.000", "Polizei"),
    ],
)
def test_actor_of_the_clause(sentence, number, source):
    found = sources(f"Warnstreik und Sturm\n\n{sentence} Die Lage bleibt angespannt.")
    assert source in (found[number] or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Rund 1.800 Beamtinnen und Beamte waren am Samstag in Mitte im Einsatz.",
        "Die Zahl der Todesopfer des Orkans ist auf drei gestiegen.",
        "Auch in Rostock und Greifswald gingen am Samstag Hunderte Menschen auf die Straße.",
    ],
)
def test_no_source_where_the_clause_names_none(sentence):
    found = sources(f"Sturm im Norden\n\n{sentence} Die Lage bleibt angespannt.")
    assert set(found.values()) == {None}, found


def test_a_later_clause_names_its_own_source():
    text = (
        "Warnstreik in Düsseldorf\n\nVor dem Landtag versammelten sich nach Verdi-Angaben 6.000 Menschen, "
        "die Polizei sprach von etwa 2.500. Die Lage blieb ruhig."
    )
    found = sources(text)
    assert "Verdi" in (found["6.000"] or "")
    assert "Polizei" in (found["etwa 2.500"] or "")

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


@pytest.mark.parametrize(
    "sentence",
    [
        "Die CDU erreichte in der Umfrage 30 Prozent der Stimmen.",
        "Die SPD kam in der neuen Umfrage auf 15 Prozent.",
        "Die Grünen liegen in der Umfrage bei 12 Prozent.",
        "Der VfB Stuttgart gewann am Samstag vor 60.000 Zuschauern.",
        "Der Kandidat erhielt auf dem Parteitag eine Zustimmung von 97,8 Prozent.",
    ],
)
def test_a_subject_the_number_measures_is_no_source(sentence):
    """Whoever reaches, receives or wins the number did not count it: the text names no source."""
    found = sources(f"Wahl und Sport\n\n{sentence} Die Lage bleibt angespannt.")
    assert set(found.values()) == {None}, found


@pytest.mark.parametrize(
    ("sentence", "number", "source"),
    [
        ("Laut Statistischem Bundesamt lebten rund 84,7 Millionen Menschen hier.", "rund 84,7", "Bundesamt"),
        ("Nach Angaben der Polizei wurden bei dem Unfall drei Menschen verletzt.", "drei", "Polizei"),
        ("Bei dem Unfall wurden drei Menschen verletzt, teilte die Polizei mit.", "drei", "Polizei"),
        ("Bei dem Unfall wurden drei Menschen verletzt, wie die Polizei mitteilte.", "drei", "Polizei"),
        ("Dem Statistischen Bundesamt zufolge stieg die Zahl der Pleiten um 12 Prozent.", "12", "Bundesamt"),
        ("Die Zahl der Pleiten stieg um 12 Prozent, sagte Wirtschaftsminister Robert Habeck.", "12", "Habeck"),
        ("Wie das Robert Koch-Institut mitteilte, wurden 1.200 neue Fälle gemeldet.", "1.200", "Robert Koch-Institut"),
        ("Die Zahl der Arbeitslosen stieg auf 3 Millionen, so die Bundesagentur für Arbeit.", "3", "Bundesagentur"),
        ("Es gebe rund 300 Betroffene, erklärte Innenministerin Nancy Faeser.", "rund 300", "Faeser"),
        ("Die Opposition sprach von 20.000 Teilnehmern, die Polizei zählte 8.000.", "8.000", "Polizei"),
    ],
)
def test_the_source_the_sentence_names(sentence, number, source):
    """Made-up sentences of the frames the issue lists: laut, nach Angaben, zufolge, teilte mit,
    wie … mitteilte, sagte, so, sprach von."""
    found = sources(f"Meldung\n\n{sentence} Die Lage bleibt angespannt.")
    number_text = next(n for n in found if n.startswith(number))
    assert source in (found[number_text] or ""), found


@pytest.mark.parametrize(
    ("sentence", "number", "source"),
    [
        ("Nach Polizeiangaben nahmen rund 2.000 Menschen an der Kundgebung teil.", "rund 2.000", "Polizei"),
        ("Laut Regierungsangaben starben bei dem Beben 12 Menschen.", "12", "Regierung"),
        ("Laut Deutscher Bahn fielen am Morgen 60 Prozent der Fernzüge aus.", "60", "Deutsche"),
        ("Laut Schätzungen des Deutschen Instituts für Wirtschaftsforschung fehlen 400.000 Wohnungen.", "4", "Inst"),
    ],
)
def test_never_the_country_of_an_adjective_or_the_word_for_information(sentence, number, source):
    """A capitalised country adjective inside a name is no mention of the country, and a source
    joined to its information noun is the source, not the compound."""
    analysis = analyze(f"Meldung\n\n{sentence} Die Lage bleibt angespannt.", "2025-03-13")
    claim = next(c for c in analysis.claims if c.number.text.startswith(number))
    assert claim.source is not None and source in claim.source.name, claim.source
    assert claim.source.name != "Deutschland"


def test_a_later_clause_names_its_own_source():
    text = (
        "Warnstreik in Düsseldorf\n\nVor dem Landtag versammelten sich nach Verdi-Angaben 6.000 Menschen, "
        "die Polizei sprach von etwa 2.500. Die Lage blieb ruhig."
    )
    found = sources(text)
    assert "Verdi" in (found["6.000"] or "")
    assert "Polizei" in (found["etwa 2.500"] or "")

"""Figures and their sources on real sentences (eval/realworld tune pages): frames that are no
quotation, sources named before, hedges, and which claims form one figure."""

from __future__ import annotations

from quellenlage import analyze


def _claims(text: str, published: str = "2024-04-22") -> dict[str, tuple[str | None, str | None]]:
    analysis = analyze(text, published)
    return {c.number.text: (c.source.name if c.source else None, c.hedge) for c in analysis.claims}


def test_a_survey_of_someone_is_the_source_of_its_figures() -> None:
    text = (
        "Der Rhein-Main-Verkehrsverbund (RMV) verkauft das Deutschlandticket.\n"
        "Bei einer Marktbefragung des RMV hat sich gezeigt, dass 24 Prozent der bisherigen Seltenfahrer das "
        "Deutschlandticket erwerben wollen.\n"
    )
    assert _claims(text, "2023-04-28")["24 Prozent"][0] in {"RMV", "Rhein-Main-Verkehrsverbund"}


def test_data_named_before_keep_their_source_through_the_paragraph() -> None:
    text = (
        "Zahlen des Robert-Koch-Instituts zeigen: Die Inzidenz lag in der Vorwoche bei 50.\n"
        "Die Daten zeigen auch: Die Zahl der Fälle schwankt stark. Während im Januar noch fast 4.000 Fälle "
        "gemeldet wurden, waren es im März etwa 1.200.\n"
        "Ähnlich verhält es sich bei den Kliniken. Dort lagen zuletzt 245 Menschen.\n"
    )
    claims = _claims(text)
    assert claims["fast 4.000"][0] == "Robert Koch-Institut"
    assert claims["etwa 1.200"][0] == "Robert Koch-Institut"
    assert claims["245"][0] is None  # a new paragraph without a frame: the outlet's own figure


def test_duerfte_hedges_a_figure() -> None:
    assert _claims("Es dürfte mindestens zwei Stoßrichtungen geben.", "2023-04-28")["mindestens zwei"][1] == "dürfte"


def test_only_the_same_thing_counted_forms_a_figure() -> None:
    analysis = analyze(
        "Allein der Verkehrsverbund hat mehr als 120.000 Deutschlandtickets verkauft. Vier Spieler wurden gesperrt. "
        "Der Verbund hat seit dem 3. April mehr als 120.000 Deutschlandtickets veräußert. "
        "Die Schiedsrichter sprachen gegen mehr als 20 Spieler Fouls aus.",
        "2023-04-28",
    )
    by_id = {c.id: c.number.text for c in analysis.claims}
    grouped = [sorted(by_id[i] for i in f.claims) for f in analysis.figures]
    assert grouped == [["mehr als 120.000", "mehr als 120.000"]]

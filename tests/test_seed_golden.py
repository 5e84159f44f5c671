"""The bundled example article, analysed end to end, against hand-checked expectations."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from quellenlage import Analysis, analyze
from quellenlage.model import SourceRef

EXAMPLE = Path(__file__).parent.parent / "examples" / "000_672791c411a9ad6f.txt"


@cache
def seed() -> Analysis:
    return analyze(EXAMPLE.read_text(encoding="utf-8"))


def _speaker(actor: SourceRef | None) -> str | list[str] | None:
    if actor is None:
        return None
    if actor.members:
        return [a.name for a in actor.members]
    return actor.name


def test_glued_debris_is_split() -> None:
    kinds = {s.text: s.kind for s in seed().segments}
    assert kinds["Soldaten unterstützen Russland"] == "kicker"
    assert kinds["Nato verurteilt Nordkoreas Truppen-Hilfe"] == "headline"
    assert kinds["Quelle: dpa"] == "credit"
    assert kinds["27.10.2024 | 1:29 min"] == "media"
    assert kinds["Nato-Erklärung"] == "attribution"


def test_one_entity_per_country_with_iso_code() -> None:
    entities = {e.name: e for e in seed().entities}
    north_korea = entities["Nordkorea"]
    assert north_korea.country == "PRK"
    forms = {m.text for m in north_korea.mentions}
    assert {"Nordkoreas", "nordkoreanischer", "Demokratischen Volksrepublik Korea", "Nordkoreaner"} <= forms
    assert entities["Vereinigte Staaten"].country == "USA"
    assert [e.name for e in seed().entities].count("Russland") == 1


def test_surname_joins_full_name() -> None:
    selenskyj = [e for e in seed().entities if "Selenskyj" in e.name]
    assert len(selenskyj) == 1
    assert {m.text for m in selenskyj[0].mentions} == {"Selenskyj", "Wolodymyr Selenskyj"}


def test_metonymy_is_flagged_on_the_mention() -> None:
    russia = next(e for e in seed().entities if e.name == "Russland")
    moskaus = next(m for m in russia.mentions if m.text == "Moskaus")
    assert moskaus.metonym


def test_quotes_have_speakers_and_kinds() -> None:
    quotes = [(q.kind, _speaker(q.speaker), q.content.text) for q in seed().quotes]
    assert ("partial", "NATO", "gefährliche Ausweitung") in quotes
    assert (
        "according_to",
        "Vereinigte Staaten",
        "8.000 nordkoreanische Soldaten sind nach US-Angaben in der Region Kursk",
    ) in quotes
    assert ("direct", "Wolodymyr Selenskyj", "11.000 Nordkoreaner im Gebiet Kursk") in quotes
    assert any(kind == "indirect" and speaker == ["Westen", "Ukraine", "Südkorea"] for kind, speaker, _ in quotes)
    assert ("speech_act", "Ukraine") in {(k, s) for k, s, _ in quotes if k == "speech_act"}


def test_free_standing_subjunctive_continues_the_statement() -> None:
    quote = next(q for q in seed().quotes if q.content.text.startswith("Der Einsatz"))
    assert quote.kind == "indirect"
    assert _speaker(quote.speaker) == "NATO"
    assert quote.mood == "Sub"


def test_the_north_korea_figures_are_one_figure_with_their_sources() -> None:
    analysis = seed()
    assert len(analysis.figures) == 1
    figure = analysis.figures[0]
    by_id = {c.id: c for c in analysis.claims}
    claims = [by_id[claim_id] for claim_id in figure.claims]
    side_by_side = {(c.value, c.qualifier, str(_speaker(c.source))) for c in claims}
    assert side_by_side == {
        (None, "vague", "NATO"),
        (8000, "exact", "Vereinigte Staaten"),
        (11000, "exact", "Wolodymyr Selenskyj"),
        (10000, "more_than", "['Westen', 'Ukraine', 'Südkorea']"),
    }
    assert any(c.basis == "Geheimdienstinformationen" for c in claims)


def test_dates_resolve_against_the_latest_date_named() -> None:
    analysis = seed()
    assert analysis.published == "2024-10-31"
    assert analysis.published_source == "inferred"
    assert {(d.text, d.value) for d in analysis.dates} == {
        ("27.10.2024", "2024-10-27"),
        ("31.10.2024", "2024-10-31"),
        ("Am Donnerstag", "2024-10-31"),
    }


def test_events_are_coded_in_plover() -> None:
    events = {(e.type, e.actor.name if e.actor else None) for e in seed().events}
    assert {("ACCUSE", "NATO"), ("AID", "NATO"), ("MOBILIZE", "Nordkorea"), ("FIGHT", "Nordkorea")} <= events

"""Entity resolution on tricky documents, and properties of name normalisation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quellenlage import analyze
from quellenlage.entities.resolve import normalise_name

TRICKY = (
    "Moskau warnt den Westen\n"
    "Der Kreml hat am Montag vor neuen Sanktionen gewarnt. Bundeskanzler Olaf Scholz reiste nach Moskau, "
    "wo er Putin traf. Scholz sagte, die Gespräche seien schwierig gewesen. Nach US-amerikanischen Angaben "
    "verlegte Russland weitere Truppen. Die EU-Kommission und die Vereinten Nationen forderten eine Waffenruhe. "
    "Putins Sprecher Dmitri Peskow wies die Vorwürfe zurück. Die Russen seien nicht bereit, hieß es aus Moskau."
)


def entities() -> dict[str, object]:
    return {e.name: e for e in analyze(TRICKY, published="2024-11-04").entities}


def test_capital_as_actor_is_the_country_as_place_the_city() -> None:
    found = entities()
    russia = found["Russland"]
    metonyms = {m.text for m in russia.mentions if m.metonym}  # type: ignore[attr-defined]
    assert {"Moskau", "Kreml"} <= metonyms
    moscow = found["Moskau"]
    assert all(not m.metonym for m in moscow.mentions)  # type: ignore[attr-defined]
    assert moscow.type == "LOC" and moscow.country is None and moscow.located_in == "RUS"  # type: ignore[attr-defined]


def test_surname_and_genitive_join_the_person() -> None:
    found = entities()
    scholz = [e for name, e in found.items() if "Scholz" in name]
    assert len(scholz) == 1
    assert {m.text for m in scholz[0].mentions} == {"Olaf Scholz", "Scholz"}  # type: ignore[attr-defined]
    assert "Bundeskanzler" in scholz[0].roles  # type: ignore[attr-defined]
    putin = found["Wladimir Putin"]
    assert {"Putin", "Putins"} <= {m.text for m in putin.mentions}  # type: ignore[attr-defined]


def test_adjectives_demonyms_and_compounds_resolve_to_countries() -> None:
    found = entities()
    usa = found["Vereinigte Staaten"]
    assert usa.country == "USA"  # type: ignore[attr-defined]
    assert {m.form for m in usa.mentions} == {"adjective"}  # type: ignore[attr-defined]
    assert "Russen" in {m.text for m in found["Russland"].mentions}  # type: ignore[attr-defined]


def test_organisations_are_typed_and_keyed() -> None:
    found = entities()
    assert found["Vereinte Nationen"].type == "ORG"  # type: ignore[attr-defined]
    commission = next(e for e in found.values() if "Kommission" in e.name)  # type: ignore[attr-defined]
    assert commission.type == "ORG" and commission.key.startswith("org:")  # type: ignore[attr-defined]


def test_people_get_a_stable_key_with_or_without_the_knowledge_base() -> None:
    assert entities()["Dmitri Peskow"].key == "person:dmitri_peskow"  # type: ignore[attr-defined]
    text = "Der Bürgermeister Sergej Wolkow sagte am Montag nichts. Wolkow schwieg."
    found = {e.name: e for e in analyze(text, force=True).entities}
    assert found["Sergej Wolkow"].key == "per:sergej wolkow"
    assert {m.text for m in found["Sergej Wolkow"].mentions} == {"Sergej Wolkow", "Wolkow"}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalise_name_is_idempotent_and_trimmed(name: str) -> None:
    once = normalise_name(name)
    assert normalise_name(once) == once
    assert once == once.strip()
    assert "  " not in once


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[A-ZÄÖÜ][a-zäöüß]{2,10}( [A-ZÄÖÜ][a-zäöüß]{2,10})?", fullmatch=True))
def test_normalise_name_ignores_case_spacing_and_quotes(name: str) -> None:
    assert normalise_name(f"  „{name.upper()}“ ") == normalise_name(name.replace(" ", "   "))

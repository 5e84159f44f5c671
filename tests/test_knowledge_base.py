"""Tests for the shipped knowledge base and its mention finder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quellenlage.entities.knowledge_base import KBMention, load_knowledge_base

TEXT = (
    "Nordkoreas Führung hat einen nordkoreanischer Soldaten geehrt; die Nordkoreaner jubelten. "
    "Die Demokratischen Volksrepublik Korea nahe stehende Kreise und Vertreter der Russischen Föderation "
    "trafen sich. Moskaus Position: Der Kreml wies US-Angaben zurück, die Nato-Verbündeten nicht. "
    "Wolodymyr Selenskyj reiste nach Essen und Berlin. Selenskyj lobte Australien und Südkorea."
)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


@pytest.fixture(scope="module")
def mentions(kb) -> dict[str, KBMention]:
    return {m.text: m for m in kb.find_mentions(TEXT)}


def test_load_is_cached(kb):
    assert load_knowledge_base() is kb
    assert len(kb) > 5000


@pytest.mark.parametrize(
    ("surface", "key", "form"),
    [
        ("Nordkoreas", "country:PRK", "genitive"),
        ("nordkoreanischer", "country:PRK", "adjective"),
        ("Nordkoreaner", "country:PRK", "demonym"),
        ("Demokratischen Volksrepublik Korea", "country:PRK", "name"),
        ("Russischen Föderation", "country:RUS", "name"),
        ("US-Angaben", "country:USA", "compound"),
        ("Nato-Verbündeten", "org:nato", "compound"),
        ("Australien", "country:AUS", "name"),
        ("Südkorea", "country:KOR", "name"),
    ],
)
def test_surfaces_resolve(mentions, surface, key, form):
    m = mentions[surface]
    assert m.entry.key == key
    assert m.form == form


def test_country_ids(kb):
    prk = kb.by_key("country:PRK")
    assert prk is not None
    assert prk.ids["iso3166_alpha3"] == "PRK"
    assert prk.type == "LOC" and prk.kind == "country" and prk.country == "PRK"
    assert "nordkoreanisch" in prk.extra["adjectives"]


def test_moskau_is_capital_place(mentions):
    m = mentions["Moskaus"]
    assert m.form == "genitive"
    assert m.entry.type == "LOC" and m.entry.kind == "city"
    assert m.entry.name == "Moskau"
    assert m.entry.country == "RUS"
    assert m.entry.extra.get("capital_of") == "RUS"


def test_kreml_is_metonym(mentions):
    e = mentions["Kreml"].entry
    assert e.type == "ORG"
    assert e.metonym_of == "RUS"


def test_selenskyj_full_and_surname(mentions):
    full = mentions["Wolodymyr Selenskyj"]
    short = mentions["Selenskyj"]
    assert full.entry.type == "PER"
    assert full.entry.key == short.entry.key
    assert short.form == "surname"


def test_weak_places(mentions):
    assert mentions["Essen"].entry.weak is True
    assert mentions["Berlin"].entry.weak is False
    assert mentions["Berlin"].entry.country == "DEU"


def test_lookup_variants(kb):
    assert kb.lookup("NATO")[0][0].key == "org:nato"
    assert kb.lookup("Nato")[0][0].key == "org:nato"
    assert kb.lookup("russischen")[0][0].key == "country:RUS"
    assert kb.lookup("Russen")[0][0].key == "country:RUS"
    assert kb.lookup("US-amerikanische")[0][0].key == "country:USA"
    assert kb.lookup("EU-Kommission")[0][0].key == "org:eu_kommission"
    assert kb.lookup("Putins")[0][0].key == kb.lookup("Wladimir Putin")[0][0].key
    assert kb.lookup("gibtsnicht") == []


def test_mp_surname_alone_does_not_match(kb):
    # MPs match by full name only
    assert not any(e.type == "PER" for e, _ in kb.lookup("Schmidt"))


def test_longest_match_and_boundaries(kb):
    ms = kb.find_mentions("Die EU-Kommission und Russlands Präsident; Ukrainerin, Natowagen.")
    texts = [m.text for m in ms]
    assert "EU-Kommission" in texts and "EU" not in texts
    assert "Russlands" in texts
    assert "Natowagen" not in texts and "Nato" not in texts


_alphabet = st.sampled_from(list("abcNatoRusslandKremlUS- '’.,\n/äöüÄß0123456789"))
_words = st.sampled_from(
    [
        "Nato",
        "US",
        "-",
        "Angaben",
        "Russlands",
        "Demokratischen",
        "Volksrepublik",
        "Korea",
        "'",
        " ",
        "Paris",
        "Kreml",
        "Selenskyj",
        "Wolodymyr",
        "\n",
        "Essen",
        "EU-Kommission",
        "nordkoreanischer",
        "CDU/CSU",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=_alphabet), st.lists(_words).map("".join), st.lists(_words).map(" ".join)))
def test_find_mentions_properties(text):
    kb = load_knowledge_base()
    ms = kb.find_mentions(text)
    prev_end = 0
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= prev_end
        assert m.text == text[m.start : m.end]
        prev_end = m.end

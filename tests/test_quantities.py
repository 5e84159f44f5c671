"""Numbers as written: value, qualifier, scale, unit symbol, vague magnitudes, years."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quellenlage.claims.quantities import Quantity, quantities


def parse(text: str) -> list[Quantity]:
    return list(quantities(text, 0, len(text)))


def only(text: str) -> Quantity:
    found = parse(text)
    assert len(found) == 1, found
    return found[0]


def test_more_than():
    q = only("mehr als 10.000")
    assert (q.value, q.qualifier, q.is_year) == (10000, "more_than", False)
    assert (q.start, q.end) == (0, len("mehr als 10.000"))


def test_more_than_in_a_sentence():
    text = "dass Nordkorea mehr als 10.000 Soldaten für den Kampfeinsatz geschickt habe"
    q = only(text)
    assert text[q.start : q.end] == "mehr als 10.000"
    assert (q.value, q.qualifier) == (10000, "more_than")


def test_scale_word_multiplies():
    q = parse("rund 56 Millionen Euro")[0]
    assert q.start == 0
    assert (q.value, q.qualifier) == (56e6, "approx")


def test_scale_word_and_symbol():
    q = only("rund 56 Millionen Euro")  # also: no second, vague 'Millionen' quantity
    assert (q.value, q.qualifier, q.symbol) == (56e6, "approx", "Euro")
    assert (q.start, q.end) == (0, len("rund 56 Millionen Euro"))


@pytest.mark.parametrize("text", ["2 Milliarden Dollar", "56 Millionen Menschen"])
def test_plural_scale_word_is_not_a_second_quantity(text):
    q = only(text)
    assert q.qualifier == "exact"


def test_mio_abbreviation_with_symbol():
    q = only("1,5 Mio. Euro")
    assert (q.value, q.qualifier, q.symbol) == (1.5e6, "exact", "Euro")


@pytest.mark.parametrize(
    ("text", "word", "magnitude"),
    [
        ("Tausende Menschen", "Tausende", "thousands"),
        ('Der Einsatz "Tausender" nordkoreanischer Soldaten', "Tausender", "thousands"),
        ("Zehntausende Menschen", "Zehntausende", "tens of thousands"),
        ("Hunderttausende Menschen", "Hunderttausende", "hundreds of thousands"),
        ("Dutzende Verletzte", "Dutzende", "dozens"),
        ("Hunderte Soldaten", "Hunderte", "hundreds"),
    ],
)
def test_vague_magnitudes(text, word, magnitude):
    q = only(text)
    assert (q.value, q.qualifier, q.magnitude) == (None, "vague", magnitude)
    assert text[q.start : q.end] == word


def test_vague_word_needs_a_noun():
    assert parse("Es waren Tausende.") == []


@pytest.mark.parametrize("text", ["zwischen 20 und 30", "zwischen 20 und 30 Soldaten", "20 bis 30 Menschen"])
def test_range(text):
    q = only(text)
    assert (q.qualifier, q.low, q.value) == ("range", 20, 30)


def test_approx_percent():
    q = only("knapp 3,5 Prozent")
    assert (q.value, q.qualifier, q.symbol) == (3.5, "approx", "Prozent")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("über 300 Tote", "more_than"),
        ("weniger als 5 Prozent", "less_than"),
        ("mindestens 12 Tote", "at_least"),
        ("bis zu 3 Tonnen", "at_most"),
        ("etwa 40 Menschen", "approx"),
        ("knapp unter 50 Prozent", "less_than"),
    ],
)
def test_qualifiers(text, qualifier):
    assert only(text).qualifier == qualifier


@pytest.mark.parametrize("text", ["2024", "im Jahr 2024", "seit 1990 gilt"])
def test_years(text):
    q = only(text)
    assert q.is_year


@pytest.mark.parametrize(
    "text", ["2024 Euro", "2.024 Soldaten", "zwischen 2000 und 2024", "5 Soldaten", "2024 Millionen"]
)
def test_not_years(text):
    assert not only(text).is_year


def test_range_of_offsets():
    text = "Erst 5 Soldaten, dann 7 Soldaten."
    start = text.index("dann")
    [q] = list(quantities(text, start, len(text)))
    assert q.value == 7


# ---- properties -------------------------------------------------------------------------------


def german(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 10**9))
def test_german_thousands_exact(n):
    text = f"{german(n)} Soldaten"
    q = only(text)
    assert q.value == n
    assert q.qualifier == "exact"
    assert text[q.start : q.end] == german(n)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 10**9))
def test_german_thousands_more_than(n):
    text = f"mehr als {german(n)} Soldaten"
    q = only(text)
    assert (q.value, q.qualifier) == (n, "more_than")
    assert (q.start, q.end) == (0, len(f"mehr als {german(n)}"))


NUMBERISH = st.lists(
    st.sampled_from(
        [
            "mehr als ",
            "rund ",
            "zwischen ",
            " und ",
            "1",
            "10",
            ".000",
            ",5",
            " Millionen",
            " Mio.",
            " Euro",
            " %",
            "Tausende",
            " Menschen",
            '"',
            " bis ",
            "-",
            "2024",
            " ",
            ":",
            "knapp unter ",
            "1:29 min",
            "27.10.2024",
        ]
    )
    | st.text(max_size=3),
    max_size=20,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=NUMBERISH | st.text(), data=st.data())
def test_quantities_never_raise_and_stay_in_range(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for q in quantities(text, start, end):
        assert start <= q.start < q.end <= end
        assert q.value is None or q.value >= 0
        assert q.qualifier in {"exact", "more_than", "less_than", "at_least", "at_most", "approx", "range", "vague"}
        assert (q.value is None) == (q.qualifier == "vague")


# ---- real sentences of the real-page gold (eval/realworld) -------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Mehr als 21.000 Tickets gingen an Arbeitnehmer, die das Ticket als Jobticket bekommen.", 21000, "more_than"),
        ("Rund 17.000 Menschen demonstrierten.", 17000, "approx"),
        ("Vier Spieler wurden mit Sperren belegt.", 4, "exact"),
        ("Zunächst brannte ein Technikraum auf einer Fläche von 2000 Quadratmetern.", 2000, "exact"),
        ("Aber an einem Streik-Tag braucht man schon mehr als eine Stunde.", 1, "more_than"),
        ("An einem normalen Arbeitstag brauche er durchschnittlich eine halbe Stunde.", 0.5, "exact"),
    ],
)
def test_sentence_initial_qualifiers_and_number_words(text, value, qualifier):
    q = only(text)
    assert (q.value, q.qualifier, q.is_year) == (value, qualifier, False)


@pytest.mark.parametrize(
    "text",
    [
        "Zudem hat die Polizei ein Bürgertelefon eingerichtet: 030 46644664.",
        "Sie soll bis zur Fläche des Stadtentwicklungsprojekts 6-Seen-Wedau „fliegen“.",
        "Seine Schicht beginnt er meist gegen fünf Uhr morgens.",
        "«Was letzte Nacht passiert ist», twitterte der 35 Jahre alte Aufbauspieler.",
        "Vor drei Monaten wurde die sogenannte ForuM-Studie veröffentlicht.",
        "Dennoch gelang es der russischen Armee vor etwa zwei Wochen, eines der Systeme zu zerstören.",
        "In einem Interview mit dem israelischen Sender Channel 13 hat der Mann berichtet.",
        "Jarrad Branthwaite erzielte in der 27. Minute die Führung für Everton.",
        "Die Technik stamme aus den 90er-Jahren.",
        "Das neue Klapphandy soll 4G-fähig sein, sagte der Covid-19-Experte der U-19-Spieler.",
        "Nach einem harten Foul von Llull 100 Sekunden vor Schluss gerieten Profis aneinander.",
    ],
)
def test_names_times_ages_and_identifiers_are_no_quantities(text):
    assert parse(text) == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Der Zug ICE 578 hatte am Morgen 40 Minuten Verspätung.", [40]),
        ("Das neue iPhone 15 kostet 949 Euro.", [949]),
        ("Das Schiff Nova 2 lief mit 300 Passagieren aus.", [300]),
        ("Auf der Linie U2 fahren 12 Züge.", [12]),
    ],
)
def test_a_name_in_capitals_or_with_an_inner_capital_keeps_its_number(text, counted):
    """Made-up sentences of the kind the issue lists ("names with numbers"): a name written in
    capitals or with a capital inside owns the number after it."""
    assert [q.value for q in parse(text)] == counted


def test_a_name_with_a_number_is_no_quantity_but_the_price_after_it_is():
    assert [q.value for q in parse("49-Euro-Ticket: Pendler zahlen 60 Prozent weniger")] == [60]


def test_vague_subject_opening_a_clause():
    q = only("Georgien: Tausende unterstützen das Gesetz")
    assert (q.qualifier, q.magnitude) == ("vague", "thousands")


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Mehr als 12.000 Einsatzkräfte seien im Einsatz", 12000, "more_than"),
        ("Rund 150 Einsatzkräfte waren vor Ort", 150, "approx"),
        ("Drei Polizisten seien leicht verletzt worden.", 3, "exact"),
    ],
)
def test_sentence_opening_qualifier_and_number_word(text, value, qualifier):
    q = parse(text)[0]
    assert (q.start, q.value, q.qualifier) == (0, value, qualifier)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Medienberichten zufolge sollen es bereits acht sein.", "acht"),
        ("Die Zahl der Todesopfer liegt weiter bei neun.", "neun"),
        ("zwei werden weiterhin vermisst", "zwei"),
        ("drei leicht verletzte Beamte", "drei"),
        ("zwei von ihnen mussten ins Krankenhaus", "zwei"),
    ],
)
def test_small_number_words_count_without_a_noun_after_them(text, word):
    q = only(text)
    assert text[q.start : q.end] == word


@pytest.mark.parametrize("text", ["gegen 15 Uhr", "um 3 Uhr starten", "Ein Großbrand", "mehrere hundert"])
def test_clock_times_and_lone_ein_are_no_quantities(text):
    assert parse(text) == []


def test_a_unit_symbol_is_a_whole_word():
    q = only("Böen von bis zu 140 Kilometern pro Stunde")
    assert (q.value, q.symbol) == (140, None)  # "Kilometern" is the counted noun, not the symbol "Kilometer"


def test_a_span_that_places_an_event_is_no_quantity() -> None:
    """"Zwei Tage später", "in etwa vier bis fünf Wochen" (NDR) place an event in time; a duration
    that is the reported fact stays a claim."""
    text = (
        "Zwei Tage später stellt sich die Lage ganz anders dar. Weitere Details soll es in etwa vier "
        "bis fünf Wochen geben. Drei Wochen zuvor hatte die Polizei 15 Tage lang ermittelt."
    )
    assert [text[q.start : q.end] for q in quantities(text, 0, len(text))] == ["15 Tage"]


def test_a_rank_after_nummer_is_no_quantity() -> None:
    """ "jahrelang nur Nummer Zwei hinter Rea" (Motorsport-Magazin) ranks, it counts nothing."""
    assert parse("Lowes, jahrelang nur Nummer Zwei hinter Rea, feierte bereits zwei Siege.")[0].value == 2
    assert len(parse("Lowes, jahrelang nur Nummer Zwei hinter Rea, feierte bereits zwei Siege.")) == 1

"""Date expressions: found by German patterns, resolved against the reference date."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quellenlage.dates import find_dates, infer_reference_date
from quellenlage.dates.resolve import WEEKDAYS

REFERENCE = date(2024, 10, 31)  # a Thursday
assert REFERENCE.weekday() == 3


def assert_iso(value: str) -> None:
    """An ISO 8601 date in the precision the text gave: day, month or year."""
    assert len(value) in (10, 7, 4), value
    date.fromisoformat(value if len(value) == 10 else value + "-01" if len(value) == 7 else value + "-01-01")


def found(text: str, reference: date | None = REFERENCE) -> list[tuple[str, str, str]]:
    return [(d.text, d.value, d.method) for d in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 31.10.2024 sagte er.", ("31.10.2024", "2024-10-31", "explicit")),
        ("Am 3. Oktober 2023 war Feiertag.", ("3. Oktober 2023", "2023-10-03", "explicit")),
        ("Bis zum 1.2.24 bleibt es so.", ("1.2.24", "2024-02-01", "explicit")),
        ("Laut Bericht vom 2024-06-01 stieg die Zahl.", ("2024-06-01", "2024-06-01", "explicit")),
    ],
)
def test_explicit_dates(text, expected):
    assert found(text) == [expected]
    assert found(text, None) == [expected]  # full dates need no reference


def test_day_and_month_take_the_reference_year():
    assert found("Am 12. März kam es zu Protesten.") == [("12. März", "2024-03-12", "partial")]
    assert found("Am 12. März kam es zu Protesten.", date(2022, 12, 1)) == [("12. März", "2022-03-12", "partial")]


def test_day_and_month_without_reference_are_not_resolved():
    assert found("Am 12. März kam es zu Protesten.", None) == []


def test_weekday_is_the_day_on_or_before_the_reference():
    assert found("Am Donnerstag hatte Selenskyj gesagt, es gebe Verluste.") == [
        ("Am Donnerstag", "2024-10-31", "weekday")
    ]
    assert found("Am Donnerstag hatte er gesagt", date(2024, 11, 5)) == [("Am Donnerstag", "2024-10-31", "weekday")]
    assert found("Am Freitag sagte er") == [("Am Freitag", "2024-10-25", "weekday")]
    assert found("Das war am Mittwoch.") == [("am Mittwoch", "2024-10-30", "weekday")]


def test_coming_weekday_is_in_the_future():
    assert found("Die Minister wollen sich am kommenden Montag treffen.") == [
        ("am kommenden Montag", "2024-11-04", "weekday")
    ]
    # the same weekday as the reference, "kommenden": a week later, not today
    assert found("am kommenden Donnerstag") == [("am kommenden Donnerstag", "2024-11-07", "weekday")]


def test_bare_weekday_in_a_forward_looking_sentence_is_in_the_future():
    assert found("Am Montag will der Kanzler nach Kiew reisen.") == [("Am Montag", "2024-11-04", "weekday")]


def test_last_weekday_is_never_today():
    assert found("am vergangenen Donnerstag") == [("am vergangenen Donnerstag", "2024-10-24", "weekday")]


def test_weekdays_need_a_reference():
    assert found("Am Donnerstag sagte er", None) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("gestern", "2024-10-30"),
        ("heute", "2024-10-31"),
        ("Gestern sagte er", "2024-10-30"),
        ("vorgestern", "2024-10-29"),
        ("Er kommt übermorgen.", "2024-11-02"),
    ],
)
def test_relative_days(text, value):
    [(_, resolved, method)] = found(text)
    assert (resolved, method) == (value, "relative")


@pytest.mark.parametrize(
    "text",
    [
        "die",
        "Die Nato und die Ukraine, die seit Tagen warnt.",
        "1:29 min",
        " | 1:29 minNato sichert Ukraine weitere Unterstützung zu",
        "Am Morgen kam er zurück.",
        "am Morgen",
        "8.000 Soldaten",
        "11.000 Nordkoreaner im Gebiet Kursk",
        "Um 14:30 Uhr begann die Sitzung.",
        "Der Montagsmarsch fand statt.",
    ],
)
def test_not_dates(text):
    assert found(text) == []


def test_media_stamp_only_the_date():
    assert found("27.10.2024 | 1:29 minNato sichert Ukraine weitere Unterstützung zu") == [
        ("27.10.2024", "2024-10-27", "explicit")
    ]


def test_impossible_dates_are_dropped():
    assert found("Am 31.02.2024 und am 2024-13-01") == []


def test_infer_reference_date_takes_the_latest_full_date():
    text = "Am 3. Oktober 2023 begann es. 27.10.2024 | 1:29 min. Am 31.10.2024 endete es. Am 12. Dezember kam er."
    assert infer_reference_date(text) == date(2024, 10, 31)
    assert infer_reference_date("Am Donnerstag sagte er, gestern sei es passiert.") is None
    assert infer_reference_date("") is None


def test_example_article_dates():
    text = (Path(__file__).parent.parent / "examples" / "000_672791c411a9ad6f.txt").read_text(encoding="utf-8")
    reference = infer_reference_date(text)
    assert reference == date(2024, 10, 31)
    assert found(text, reference) == [
        ("27.10.2024", "2024-10-27", "explicit"),
        ("31.10.2024", "2024-10-31", "explicit"),
        ("Am Donnerstag", "2024-10-31", "weekday"),
    ]


# ---- properties -------------------------------------------------------------------------------

DATES = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))
REFERENCES = st.dates(min_value=date(1000, 1, 8), max_value=date(9999, 12, 24))


@settings(max_examples=150, deadline=None)
@given(d=DATES, reference=st.none() | REFERENCES)
def test_numeric_date_round_trips(d, reference):
    text = f"Am {d.day}.{d.month}.{d.year} geschah es."
    dates = find_dates(text, reference)
    assert len(dates) == 1
    assert dates[0].value == d.isoformat()
    assert dates[0].text == f"{d.day}.{d.month}.{d.year}"
    assert dates[0].method == "explicit"


@settings(max_examples=150, deadline=None)
@given(reference=REFERENCES, weekday=st.sampled_from(WEEKDAYS))
def test_weekday_resolves_to_the_last_such_day(reference, weekday):
    text = f"Am {weekday} sagte er"
    [mention] = find_dates(text, reference)
    value = date.fromisoformat(mention.value)
    assert mention.text == f"Am {weekday}"
    assert value.weekday() == WEEKDAYS.index(weekday)
    assert reference - timedelta(days=6) <= value <= reference


FRAGMENTS = st.sampled_from(
    [
        "Am ",
        "am ",
        "kommenden ",
        "vergangenen ",
        "nächsten ",
        "Donnerstag",
        "Montagabend",
        "gestern",
        "Heute",
        "morgen",
        "Morgen",
        ".",
        ". ",
        "1",
        "12",
        "31",
        "0",
        "99",
        "2024",
        "0000",
        "10000",
        "März",
        "Jänner",
        "Okt.",
        "Sept.",
        " ",
        "\n",
        "-",
        "13",
        "2024-10-31",
        "31.10.",
        "29.2.",
        "1:29 min",
        " | ",
        "will ",
        "die ",
        "ß",
        "„",
        "\x00",
        "\u2028",
    ]
)
TEXTS = st.text() | st.lists(FRAGMENTS | st.text(max_size=3), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, reference=st.none() | REFERENCES)
@example(text="Am 29. Februar", reference=date(2023, 6, 1))
@example(text="am 0. März 0000 und 31.2.", reference=date(2024, 10, 31))
@example(text="Am 1. Jänner 10000, 2024-10-312", reference=None)
def test_find_dates_never_raises_and_spans_are_consistent(text, reference):
    dates = find_dates(text, reference)
    previous_end = 0
    for mention in dates:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start : mention.end]
        assert mention.start >= previous_end  # sorted and non-overlapping
        previous_end = mention.end
        assert_iso(mention.value)
    assert [d.start for d in dates] == sorted(d.start for d in dates)
    inferred = infer_reference_date(text)
    assert inferred is None or inferred.isoformat() in {d.value for d in find_dates(text, None)}


# ---- months, years and the way a date points (real sentences of the real-page gold) --------------


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Er leitet den Aufsichtsrat der Bank seit Mai 2022.", date(2025, 11, 5), [("seit Mai 2022", "2022-05")]),
        ("Der tödliche Ausbruch des Hantavirus Anfang Mai 2026", date(2026, 5, 13), [("Anfang Mai 2026", "2026-05")]),
        (
            "In Teilen Deutschlands hat die Hitzewelle im Juni für Probleme gesorgt.",
            date(2026, 7, 8),
            [("im Juni", "2026-06")],
        ),
        ("In Hessen soll es von August an einen Rabatt geben.", date(2023, 4, 28), [("von August", "2023-08")]),
        (
            "Die Auswertung des Januars und Februars zeigt",
            date(2024, 4, 22),
            [("Januars", "2024-01"), ("Februars", "2024-02")],
        ),
        (
            "Mit der Verlängerung im Oktober vergangenen Jahres",
            date(2024, 4, 22),
            [("im Oktober vergangenen Jahres", "2023-10")],
        ),
        (
            "Wynaendts werde sich im kommenden Jahr zur Wiederwahl stellen.",
            date(2025, 11, 5),
            [("im kommenden Jahr", "2026")],
        ),
        ("betrug dieser Wert vergangenes Jahr etwa 1,2 Milliarden", date(2024, 4, 22), [("vergangenes Jahr", "2023")]),
        (
            "Die Untersuchung spricht für den Zeitraum von 1946 bis 2020 von mindestens 2.225 Betroffenen.",
            date(2024, 4, 22),
            [("1946", "1946"), ("2020", "2020")],
        ),
        (
            "Wynaendts war von 2008 bis 2020 Vorstandschef des Versicherungskonzerns.",
            None,
            [("2008", "2008"), ("2020", "2020")],
        ),
        ("Bei Protesten 2022: Bericht", None, [("2022", "2022")]),
        ("Wynaendts wechselte 1997 zu Aegon, bevor er 2008 CEO wurde.", None, [("1997", "1997"), ("2008", "2008")]),
        ("Zunächst brannte es auf einer Fläche von 2000 Quadratmetern.", date(2024, 5, 3), []),
        ("Die Technik stamme aus den 90er-Jahren und einer Serie aus den 1990er-Jahren.", date(2026, 7, 8), []),
    ],
)
def test_months_and_years_keep_their_precision(text, reference, expected):
    assert [(text_, value) for text_, value, _ in found(text, reference)] == expected


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        (
            "Das Deutschlandticket gilt vom 1. Mai an bundesweit im Nah- und Regionalverkehr.",
            date(2023, 4, 28),
            "2023-05-01",
        ),
        ("Vorstellungen gibt es täglich bis zum 12. Mai.", date(2024, 4, 25), "2024-05-12"),
        ("Am 13. Oktober wurde er schließlich freigelassen.", date(2025, 11, 6), "2025-10-13"),
        ("Die Wahl soll am 30. April stattfinden.", date(2024, 11, 20), "2025-04-30"),
        ("Am 30. April hatte die Wahl stattgefunden.", date(2024, 11, 20), "2024-04-30"),
    ],
)
def test_day_and_month_point_the_way_of_their_clause(text, reference, value):
    [(_, resolved, _)] = found(text, reference)
    assert resolved == value


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("Liverpool spielt Samstag bei West Ham United.", date(2024, 4, 24), "2024-04-27"),
        ("Am Donnerstag (21 Uhr) tritt City zu einem Nachholspiel bei Brighton an.", date(2024, 4, 24), "2024-04-25"),
        ("Arsenal hatte am Dienstag 5:0 gegen Chelsea gewonnen.", date(2024, 4, 24), "2024-04-23"),
        (
            "Bei ihrem ersten Auftritt vor einem Gericht in Manhattan am Montag plädierten sie auf nicht schuldig und "
            "erklärten, unrechtmäßig festgehalten zu werden.",
            date(2026, 1, 6),
            "2026-01-05",
        ),
        (
            "Bei einem Sieg würde der MSV bereits am Samstagabend als Absteiger feststehen.",
            date(2024, 4, 26),
            "2024-04-27",
        ),
        ("Seit Mittwochmorgen läuft die fünfte Verhandlungsrunde.", date(2026, 4, 15), "2026-04-15"),
    ],
)
def test_weekday_follows_the_tense_of_its_clause(text, reference, value):
    from quellenlage.language import annotate
    from quellenlage.layout import find_segments

    sentences, _ = annotate(text, find_segments(text))
    [mention] = find_dates(text, reference, sentences)
    assert mention.value == value

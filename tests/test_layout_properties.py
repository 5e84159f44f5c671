"""Properties of layout recovery on arbitrary and on page-like text."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quellenlage.layout import find_segments
from quellenlage.model import Segment

WORDS = st.sampled_from(
    [
        "Die",
        "Nato",
        "hat",
        "die",
        "Ukraine",
        "Soldaten",
        "unterstützen",
        "Russland",
        "sagte",
        "Selenskyj",
        "nordkoreanische",
        "Truppen-Hilfe",
        "Von",
        "Stand",
        "Mehr",
        "zum",
        "Thema",
        "Foto",
        "Bild",
        "dpa",
        "AFP",
        "Liveblog",
        "Video",
        "8.000",
        "11.000",
        "am",
        "Donnerstag",
        "Präsident",
        "Kursk",
        "Quelle",
        "Uhr",
        "Ä",
        "über",
        "Straße",
        "©",
        "(dpa)",
        "Berlin",
        "analysiert",
        "Lage",
        "min",
        "Nato-Erklärung",
    ]
)
PUNCT = st.sampled_from(["", "", "", ".", ",", ":", "!", "?", '"', "„", "“", "”", "»", "«", " -", " –", "…"])
WORD = st.tuples(st.sampled_from(["", "", "", '"', "„", "»"]), WORDS, PUNCT).map("".join)
FRAGMENT = st.sampled_from(
    [
        "Quelle: dpa",
        "Quelle: dpaDie Nato",
        "Foto: AFP",
        "© dpa",
        "12.03.2024 | 1:29 min",
        "27.10.2024 | 1:29 minNato",
        "Video: 2:15 min",
        "14:32 UhrDie Polizei",
        "Vor 5 Min.",
        ":",
        ": ",
        " :",
        "Russland:Nato",
        "Russland:",
        "Mehr zum Thema:",
        "Stand: 31.10.2024",
        "Von Anna Muster",
        "dpa-infocom",
        "31.10.2024 | 36:35 min",
        'Selenskyj: "11.000 Nordkoreaner"',
        "AFPDer",
        "  ",
        "\t",
        "\r",
        "\u00a0",
        "\u2028",
    ]
)
LINE = st.lists(WORD | FRAGMENT, min_size=0, max_size=14).map(" ".join) | st.lists(WORD | FRAGMENT, max_size=6).map(
    "".join
)
PAGE = st.lists(LINE, min_size=1, max_size=12).map("\n".join) | st.lists(
    LINE | st.just("") | st.just("   "), min_size=1, max_size=12
).map(lambda lines: "\n".join(lines))


def check_segments(text: str, segments: list[Segment]) -> None:
    previous_end = 0
    for segment in segments:
        assert 0 <= segment.start < segment.end <= len(text)
        assert segment.text == text[segment.start : segment.end]
        assert segment.start >= previous_end, "segments overlap or are out of order"
        previous_end = segment.end
        assert segment.text == segment.text.strip(), f"whitespace at the edge of {segment!r}"
    covered = [False] * len(text)
    for segment in segments:
        for i in range(segment.start, segment.end):
            covered[i] = True
    for i, char in enumerate(text):
        if covered[i] or char.isspace():
            continue
        assert char == ":", f"{char!r} at {i} lies in no segment"
        # the only uncovered character: the colon glueing a kicker to its headline ("Russland:Nato")
        before = [n for n, s in enumerate(segments) if s.end <= i]
        assert before, f"uncovered ':' at {i} before any segment"
        kicker = before[-1]
        assert segments[kicker].kind == "kicker"
        assert kicker + 1 < len(segments)
        assert segments[kicker + 1].kind == "headline", f"':' at {i} between a kicker and a {segments[kicker + 1].kind}"
        assert segments[kicker].end <= i < segments[kicker + 1].start
        assert text[segments[kicker].end : segments[kicker + 1].start].strip() == ":"
    uncovered_colons = [i for i, c in enumerate(text) if not covered[i] and not c.isspace()]
    assert len(uncovered_colons) <= 1


@settings(max_examples=150, deadline=None)
@given(text=st.text())
@example(text="")
@example(text="\n\n  \n")
@example(text=":")
@example(text="ab:Cd")
def test_arbitrary_text(text):
    check_segments(text, find_segments(text))


@settings(max_examples=250, deadline=None)
@given(text=PAGE)
@example(text="Soldaten unterstützen Russland:Nato verurteilt Nordkoreas Truppen-Hilfe\nDie Nato hat etwas gesagt.")
@example(text="Quelle: dpaDie Nato und ihre asiatischen Verbündeten haben die Beteiligung kritisiert.")
@example(text="27.10.2024 | 1:29 minNato sichert Ukraine weitere Unterstützung zu")
@example(text="Olaf Scholz im Bundestag. Foto: dpaDie Nato und ihre Verbündeten haben sich geäußert.")
@example(text='\n\nRussland:"Nato"\n\n14:32 UhrDie Polizei meldet einen Unfall.')
def test_page_like_text(text):
    check_segments(text, find_segments(text))


def test_kicker_glue_colon_is_the_only_gap():
    text = "Soldaten unterstützen Russland:Nato verurteilt Nordkoreas Truppen-Hilfe\nDie Nato hat etwas gesagt."
    segments = find_segments(text)
    assert [(s.kind, s.text) for s in segments[:2]] == [
        ("kicker", "Soldaten unterstützen Russland"),
        ("headline", "Nato verurteilt Nordkoreas Truppen-Hilfe"),
    ]
    check_segments(text, segments)


def test_colon_in_a_later_line_is_covered():
    text = "Nato verurteilt Nordkorea\nSelenskyj:Die Lage ist ernst, sagte er am Abend in Kiew."
    segments = find_segments(text)
    covered = "".join(s.text for s in segments)
    assert covered.count(":") == 1


def test_kicker_before_spaced_colon_has_no_trailing_space():
    text = "Russland :Nato verurteilt Nordkoreas Truppen-Hilfe\nDie Nato hat etwas gesagt."
    check_segments(text, find_segments(text))


@pytest.mark.parametrize(
    "first_line", ["Newsletter:Jetzt abonnieren", "Ukraine-Krieg:Alle Meldungen im Überblick", "Die:Mehr zum Thema:"]
)
def test_kicker_glue_without_headline_keeps_the_colon(first_line):
    text = first_line + "\nDie Nato hat am Mittwoch etwas gesagt."
    segments = find_segments(text)
    check_segments(text, segments)
    assert segments[0].text == first_line


def test_check_segments_rejects_a_lost_character():
    text = "Nato verurteilt Nordkorea"
    lost = [Segment(kind="headline", start=0, end=4, text="Nato")]
    with pytest.raises(AssertionError):
        check_segments(text, lost)

"""HTML pages: trafilatura finds the article, the layout stage sees its text, metadata gives the date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage import analyze

PAGES = sorted((Path(__file__).parent / "fixtures" / "html").glob("*.html"))
HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_html_page(page: Path) -> None:
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    analysis = analyze(page.read_bytes())
    assert analysis.input_format == "html"
    assert analysis.title == expected["headline"]
    assert (analysis.published, analysis.published_source) == (expected["published"], "metadata")
    texts = [" ".join(s.text.split()) for s in analysis.segments]
    for paragraph in expected["must_contain"]:
        assert " ".join(paragraph.split()) in texts
    for promo in expected["must_not_contain"]:
        assert all(promo not in text for text in texts)


PARAGRAPH = (
    "<p>Die Bundesregierung hat am Mittwoch in Berlin über die Lage beraten. Der Kanzler sagte, man werde "
    "helfen. Die Grünen forderten mehr Geld für die Kommunen und Länder.</p>"
)
TABLE = (
    "<table><tr><th>Partei</th><th>Stimmen</th></tr>"
    "<tr><td>Die SPD erhielt 25 Prozent, sagte der Wahlleiter.</td><td>25</td></tr>"
    "<tr><td>Die Union kam auf 30 Prozent | Vorjahr 28</td><td></td></tr></table>"
)


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Wahl</title>{head}</head><body><article><h1>Wahl</h1>{body}</article></body></html>"


def test_tables_are_kept_as_text_rows() -> None:
    analysis = analyze(page(PARAGRAPH + TABLE + "<p>Am Donnerstag ging die Auszählung weiter.</p>"))
    lines = analysis.text.split("\n")
    assert "Partei | Stimmen" in lines
    assert "Die SPD erhielt 25 Prozent, sagte der Wahlleiter. | 25" in lines
    assert "Die Union kam auf 30 Prozent | Vorjahr 28" in lines  # a "|" inside a cell stays, empty cells go
    assert lines[-1] == "Am Donnerstag ging die Auszählung weiter."  # the paragraph after the table too
    assert not any(set(line) <= set("|-: ") for line in lines)
    assert any(claim.number.text == "25 Prozent" for claim in analysis.claims)


LATER = "<p>Am Donnerstag ging die Auszählung in allen Wahlkreisen weiter, teilte die Landeswahlleiterin mit.</p>"
CELLS = ("Der Wahlleiter sagte am Abend, die Beteiligung sei hoch gewesen.", "Die SPD erhielt 25 Prozent der Stimmen.")


def test_cells_outside_any_table_are_kept() -> None:
    """Cells in no table ("<div><td>…</td></div>"): trafilatura drops them with all they hold."""
    analysis = analyze(page(PARAGRAPH + f"<div><td>{CELLS[0]}</td><td>{CELLS[1]}</td></div>" + LATER))
    assert all(cell in analysis.text for cell in CELLS)
    assert analysis.warnings == []


def test_table_text_the_extractor_drops_inside_the_article_is_named() -> None:
    """A nested table in a stray cell whose text repeats a paragraph: trafilatura drops it, the
    warning says how much and where it starts."""
    html = (HOSTILE / "html_malformed.html").read_text(encoding="utf-8")
    analysis = analyze(html)
    assert analysis.text.count("Die Bundesregierung hat am Mittwoch") == 2  # of 3
    [warning] = analysis.warnings
    assert warning.startswith("304 characters of table text inside the article (2 piece(s), the first 'Zelle')")


def test_tables_outside_the_article_are_boilerplate_and_not_named() -> None:
    sidebar = "<table><tr><td>Tabellenführer Bayer Leverkusen mit 74 Punkten</td><td>74</td></tr></table>"
    login = "<table><tr><td>Benutzername und Passwort vergessen? Jetzt registrieren</td></tr></table>"
    html = (
        f"<html><body><nav>{login}</nav><article><h1>Wahl</h1>{PARAGRAPH}{LATER}</article>"
        f"<aside><h2>Tabelle</h2>{sidebar}</aside></body></html>"
    )
    analysis = analyze(html)
    assert "Leverkusen" not in analysis.text and "Passwort" not in analysis.text
    assert analysis.warnings == []


@pytest.mark.parametrize("depth", [260, 1500])
def test_deeply_nested_page_is_read_whole(depth: int) -> None:
    html = "<html><body>" + "<div>" * depth + PARAGRAPH * 3 + "</div>" * depth + "</body></html>"
    analysis = analyze(html)
    assert analysis.text.count("Die Bundesregierung hat am Mittwoch") == 3
    assert analysis.warnings == []


def test_page_nested_beyond_any_parser_is_read_without_markup_and_says_so() -> None:
    html = (
        "<html><body>" + "<div>" * 2500 + PARAGRAPH * 3 + "</div>" * 2500 + "<script>var x = 1;</script></body></html>"
    )
    analysis = analyze(html)
    assert analysis.text.count("Die Bundesregierung hat am Mittwoch") == 3 and "var x" not in analysis.text
    assert any("2000 levels deep" in w and "without markup" in w for w in analysis.warnings)


@pytest.mark.parametrize(
    "head",
    [
        "<meta property='article:published_time' content='2024-13-45'>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-02-30"}</script>',
    ],
    ids=["meta", "json-ld"],
)
def test_impossible_metadata_date_is_ignored_with_a_warning(head: str) -> None:
    analysis = analyze(page(PARAGRAPH * 2 + "<p>Am Donnerstag ging es weiter.</p>", head), published=None)
    assert analysis.published_source != "metadata"
    assert any("is not a valid date" in w and "ignored" in w for w in analysis.warnings)


def test_valid_metadata_date_is_used() -> None:
    analysis = analyze(page(PARAGRAPH * 2, "<meta property='article:published_time' content='2024-11-05T10:00:00'>"))
    assert (analysis.published, analysis.published_source) == ("2024-11-05", "metadata")
    assert analysis.warnings == []

"""The body-extraction scorer: what counts as recovered and what as boilerplate let in."""

from __future__ import annotations

from quellenlage.evaluation.body import normalise, score_page, summarise

PAGE = """<html><head><title>Streik</title></head><body><article>
<h1>Verdi ruft zum Streik auf</h1>
<p>Die Gewerkschaft Verdi hat die Beschäftigten im Nahverkehr für Montag zu einem ganztägigen Warnstreik aufgerufen.</p>
<p>„Die Arbeitgeber haben kein Angebot vorgelegt“, sagte ein Sprecher der Gewerkschaft am Freitag in Berlin.</p>
<p>Im Fußball hat der FC Bayern am Samstag gegen Mainz mit drei zu eins gewonnen, die Tabelle führt er weiter an.</p>
</article></body></html>"""

EXPECTED = {
    "title": "Verdi ruft zum Streik auf",
    "body": {
        "summary": [],
        "sections": [
            {
                "headline": [],
                "paragraphs": [
                    "Die Gewerkschaft Verdi hat die Beschäftigten im Nahverkehr für Montag zu einem ganztägigen "
                    "Warnstreik aufgerufen.",
                    '"Die Arbeitgeber haben kein Angebot vorgelegt", sagte ein Sprecher der Gewerkschaft am Freitag '
                    "in Berlin.",
                    "Ein Absatz, den die Seite gar nicht enthält, und der deshalb fehlen muss.",
                ],
            }
        ],
    },
}


def test_normalise_unifies_quotes_dashes_and_spaces() -> None:
    assert normalise("„Nein“ – sagte\u00a0er  »heute«\u00ad") == '"Nein" - sagte er "heute"'


def test_recovered_missed_and_let_in() -> None:
    score = score_page("test", PAGE.encode(), EXPECTED)
    assert (score.recovered, score.expected) == (2, 3)
    assert score.missed == ["Ein Absatz, den die Seite gar nicht enthält, und der deshalb fehlen muss."]
    assert [line[:12] for line in score.let_in] == ["Im Fußball h"]
    totals = summarise([score])
    assert totals["recall"] == round(2 / 3, 4)
    assert totals["boilerplate"] == 1


def test_unreadable_page_loses_every_paragraph() -> None:
    score = score_page("empty", b"   ", EXPECTED)
    assert score.error and score.recovered == 0 and score.expected == 3


def test_a_paragraph_glued_from_list_items_is_recovered_from_its_segments() -> None:
    """The expected body glues list items without a space ("aufkündigten",die iranische …)."""
    items = ["das iranische Nuklearprogramm,", "die Unterstützung für militante Gruppen in der Region,"]
    html = PAGE.replace("</article>", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul></article>")
    section = {"headline": [], "paragraphs": ["".join(items)]}
    expected = {"title": "Verdi", "body": {"summary": [], "sections": [section]}}
    assert score_page("glued", html.encode(), expected).recovered == 1

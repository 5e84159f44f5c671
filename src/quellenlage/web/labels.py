"""German names for the values of the data model, as the interface shows them.

The JSON keeps its English values (they are the schema); only what a reader sees is translated."""

from __future__ import annotations

SEGMENT_KINDS = {
    "kicker": "Dachzeile",
    "headline": "Überschrift",
    "lead": "Vorspann",
    "caption": "Bildunterschrift",
    "credit": "Bildnachweis",
    "author": "Autor",
    "dateline": "Ortsmarke",
    "subheading": "Zwischenüberschrift",
    "body": "Text",
    "blockquote": "Blockzitat",
    "attribution": "Zitatnachweis",
    "media": "Medienhinweis",
    "boilerplate": "Randtext",
}
QUOTE_KINDS = {
    "direct": "direktes Zitat",
    "indirect": "indirekte Rede",
    "free_indirect": "freie indirekte Rede",
    "partial": "Teilzitat",
    "according_to": "Quellenangabe (laut …)",
    "speech_act": "Sprechakt",
}
STATUS = {
    "stated": "Aussage des Mediums",
    "reported": "von Quelle berichtet",
    "claimed": "Behauptung (unsicher)",
    "unverified": "nicht überprüfbar",
}
QUALIFIERS = {
    "exact": "genau",
    "more_than": "mehr als",
    "less_than": "weniger als",
    "at_least": "mindestens",
    "at_most": "höchstens",
    "approx": "rund",
    "range": "Spanne",
    "vague": "vage Größe",
}
MAGNITUDES = {
    "dozens": "Dutzende",
    "hundreds": "Hunderte",
    "thousands": "Tausende",
    "tens of thousands": "Zehntausende",
    "hundreds of thousands": "Hunderttausende",
    "millions": "Millionen",
    "billions": "Milliarden",
}
ENTITY_TYPES = {"PER": "Person", "ORG": "Organisation", "LOC": "Ort", "OTH": "Sonstiges"}
MEDIUMS = {
    "speech": "gesprochen",
    "writing": "geschrieben",
    "thought": "gedacht",
    "speech_writing": "gesprochen/geschrieben",
    "speech_thought": "gesprochen/gedacht",
    "writing_thought": "geschrieben/gedacht",
}
PUBLISHED_SOURCES = {
    "argument": "angegeben",
    "metadata": "aus den Metadaten der Seite",
    "inferred": "aus dem Text erschlossen",
    "none": "unbekannt",
}
DATE_METHODS = {"explicit": "ausdrücklich", "weekday": "Wochentag", "relative": "relativ", "partial": "unvollständig"}


def label(table: dict[str, str], value: str | None) -> str:
    """The German name of `value`, or the value itself for one the table does not know yet."""
    if value is None:
        return "–"
    return table.get(value, value)


def german_number(value: float) -> str:
    """A number as a German reader writes it: 8.000, 2,5."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".").rstrip("0").rstrip(",")


# What a corpus figure counts (`quellenlage.linking.concepts` kinds), in the interface's words.
FIGURE_KINDS = {
    "deaths": "Tote",
    "injured": "Verletzte",
    "missing": "Vermisste",
    "evacuated": "Evakuierte",
    "arrests": "Festnahmen",
    "participants": "Teilnehmende",
    "strikers": "Streikende",
    "forces": "Einsatzkräfte",
    "damage": "Schaden",
    "cost": "Kosten",
    "aid": "Hilfen",
    "wages": "Löhne",
    "jobs": "Stellen",
    "votes": "Stimmen",
    "outage": "Ausfall",
    "precipitation": "Niederschlag",
    "water_level": "Pegel",
    "members": "Mitglieder",
    "vehicles": "Fahrzeuge",
    "companies": "Unternehmen",
    "commuters": "Fahrgäste",
    "volunteers": "Freiwillige",
}


def figure_title(figure_label: str) -> str:
    """A corpus figure's label ("participants: Menschen") as the pages say it ("Teilnehmende:
    Menschen"); the counted word alone where it says the same ("forces: Einsatzkräfte")."""
    kind, sep, counted = figure_label.partition(": ")
    if not sep or kind not in FIGURE_KINDS:
        return FIGURE_KINDS.get(figure_label, figure_label)
    german = FIGURE_KINDS[kind]
    return counted if counted.casefold() == german.casefold() else f"{german}: {counted}"

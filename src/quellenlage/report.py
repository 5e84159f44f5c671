"""The terminal report: what a journalist wants to see first, in reading order of importance.

Everything from the article (text, names, the page's title) reaches rich as `Text`, never as a
markup string, so an article's "[/b]" or "[link=…]" is shown as written and cannot break the
report or steer the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quellenlage.model import Analysis, Claim, EntityRef, Figure, Quote

CLAIM_COLUMNS = (("value", 2), ("qualifier", 2), ("counts", 2), ("according to", 3), ("basis / hedge", 3))
SEGMENT_STYLE = {
    "kicker": "bold magenta",
    "headline": "bold",
    "lead": "italic",
    "boilerplate": "dim",
    "credit": "dim",
    "media": "cyan",
    "blockquote": "green",
    "attribution": "green",
}


def print_report(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console(markup=False, emoji=False)
    console.rule(Text(analysis.title or "(untitled)", style="bold"))
    published = analysis.published or "unknown"
    console.print(
        Text(
            f"published: {published} ({analysis.published_source})   input: {analysis.input_format}   "
            f"schema {analysis.schema_version}"
        )
    )
    for warning in analysis.warnings:
        console.print(Text.assemble(("warning:", "yellow"), " ", warning))
    console.print(_segments(analysis))
    console.print(_entities(analysis))
    console.print(_quotes(analysis))
    for figure in analysis.figures:
        console.print(_figure(analysis, figure))
    grouped = {claim_id for figure in analysis.figures for claim_id in figure.claims}
    if len(grouped) < len(analysis.claims):
        console.print(_claims(analysis, skip=grouped))
    console.print(_dates_and_events(analysis))


def _segments(analysis: Analysis) -> Table:
    table = Table(title="Layout", show_lines=False, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("text")
    for segment in analysis.segments:
        style = SEGMENT_STYLE.get(segment.kind, "")
        _add_row(table, segment.kind, Text(_short(segment.text, 160), style=style))
    return table


def _entities(analysis: Analysis) -> Table:
    table = Table(title="Entities", expand=True)
    for column in ("name", "type", "id", "mentions"):
        table.add_column(column)
    for entity in analysis.entities:
        identifier = entity.country or next(iter(entity.ids.values()), "") if entity.ids or entity.country else ""
        forms = sorted({m.text for m in entity.mentions})
        _add_row(table, entity.name, entity.type, identifier, f"{len(entity.mentions)}: {_short(', '.join(forms), 90)}")
    return table


def _quotes(analysis: Analysis) -> Table:
    table = Table(title="Who says what", expand=True)
    for column, ratio in (("speaker", 2), ("kind", 1), ("cue", 2), ("content", 5)):
        table.add_column(column, ratio=ratio)
    for quote in analysis.quotes:
        _add_row(table, _actor(quote.speaker), quote.kind, _cue(quote), _short(quote.content.text, 120))
    if not analysis.quotes:
        table.caption = "no quotation found"
    return table


def _figure(analysis: Analysis, figure: Figure) -> Table:
    """One quantity, every source's value side by side: the product's signature view."""
    table = Table(title=Text(f"Figure {figure.id}: {figure.about}"), expand=True)
    for column, ratio in CLAIM_COLUMNS:
        table.add_column(column, ratio=ratio)
    by_id = {claim.id: claim for claim in analysis.claims}
    for claim_id in figure.claims:
        _claim_row(table, by_id[claim_id])
    return table


def _claims(analysis: Analysis, skip: set[str]) -> Table:
    table = Table(title="Other numbers and their sources", expand=True)
    for column, ratio in CLAIM_COLUMNS:
        table.add_column(column, ratio=ratio)
    for claim in analysis.claims:
        if claim.id not in skip:
            _claim_row(table, claim)
    return table


def _claim_row(table: Table, claim: Claim) -> None:
    _add_row(
        table,
        claim.number.text,
        claim.qualifier,
        claim.unit or "",
        _actor(claim.source) if claim.source else "the newsroom",
        " / ".join(x for x in (claim.basis, claim.hedge) if x),
    )


def _dates_and_events(analysis: Analysis) -> Table:
    table = Table(title="Dates and events", expand=True)
    table.add_column("what")
    table.add_column("value")
    for date in analysis.dates:
        _add_row(table, f"date “{date.text}”", f"{date.value} ({date.method})")
    for event in analysis.events:
        targets = ", ".join(t.name for t in event.target)
        _add_row(table, f"event {event.type}", f"{_actor(event.actor)} → {targets or '–'}")
    return table


def _add_row(table: Table, *cells: str | Text) -> None:
    """A row whose plain strings stay plain text (article words are never read as markup)."""
    table.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in cells))


def _actor(actor: EntityRef | None) -> str:
    return "–" if actor is None else actor.name


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cue(quote: Quote) -> str:
    """The cue with its other pieces in text order: "teilte … mit", "hat … erklärt"."""
    if quote.cue is None:
        return ""
    return " … ".join(part.text for part in sorted([quote.cue, *quote.cue_parts], key=lambda part: part.start))

"""Malformed tables, and the table text of an article that the extractor left out.

trafilatura keeps well-formed tables (`reading.html` turns them into text rows), but not every
table: a cell outside any table, a table inside such a cell, a table its rules take for layout
are dropped with nothing said. Cells outside any table become plain blocks before extraction
(`unwrap_stray_cells`); for the rest, this module follows the page's text in document order through
the extracted text and reports the table text that lies inside the article (between the first
and the last piece of text the extractor kept) but is missing from it. Tables before or after
the article (a sidebar's standings, a login form) are boilerplate and are not reported.

The walk is linear in the page: each piece of text is looked for only a bounded distance
ahead of the last one found.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

# Elements whose start or end breaks the text into separate pieces (the rest is inline).
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
CELLS = frozenset({"table", "td", "th"})
INVISIBLE = frozenset({"script", "style", "template", "noscript", "head", "title"})
# Pieces shorter than this ("25", "1") are not looked for: they are found anywhere by chance.
PIECE_CHARS = 4
# The next kept piece stands right after the last one found, give or take the short pieces
# between them and the separators the extractor writes ("\n", " | ").
NEAR = 300
# A piece this long that is not near is looked for further ahead (the extractor left out what
# lay between), and before anything is found, in the whole text, but only so many times: the page
# may be megabytes of navigation.
ANCHOR_CHARS = 40
LOOKAHEAD = 5000
FIRST_ANCHOR_TRIES = 200
EXAMPLE_CHARS = 60


@dataclass
class Piece:
    text: str
    in_table: bool


def dropped_table_text(pieces: list[Piece], extracted: str) -> str | None:
    """A warning naming the table text inside the article that `extracted` lacks, or None;
    `pieces` are the page's (`text_pieces`)."""
    if not any(p.in_table for p in pieces):
        return None
    text = " ".join(extracted.split())
    cursor, tries = 0, 0
    first = last = None
    missing: list[int] = []
    for number, piece in enumerate(pieces):
        size = len(piece.text)
        if size < PIECE_CHARS:
            continue
        found = -1
        if first is not None:
            found = text.find(piece.text, cursor, cursor + NEAR + size)
            if found < 0 and size >= ANCHOR_CHARS:
                found = text.find(piece.text, cursor, cursor + LOOKAHEAD + size)
        elif size >= ANCHOR_CHARS and tries < FIRST_ANCHOR_TRIES:
            tries += 1
            found = text.find(piece.text)
        if found >= 0:
            cursor = found + size
            first = number if first is None else first
            last = number
        elif piece.in_table:
            missing.append(number)
    inside = [pieces[n].text for n in missing if first is not None and last is not None and first < n < last]
    if not inside:
        return None
    example = inside[0] if len(inside[0]) <= EXAMPLE_CHARS else inside[0][:EXAMPLE_CHARS].rsplit(" ", 1)[0] + " …"
    return (
        f"{sum(map(len, inside))} characters of table text inside the article ({len(inside)} piece(s), the first "
        f"{example!r}) were dropped by the HTML extractor (malformed or nested tables)"
    )


def text_pieces(tree: HtmlElement) -> list[Piece]:
    """The page's visible text in document order, cut at every block boundary, each piece
    with whitespace collapsed and marked when it stands inside a table or table cell."""
    pieces: list[Piece] = []
    run: list[str] = []
    tables = hidden = 0

    def flush() -> None:
        joined = " ".join("".join(run).split())
        if joined:
            pieces.append(Piece(joined, tables > 0))
        run.clear()

    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag in INVISIBLE:
                hidden += 1
            if tag in BLOCKS:
                flush()
            tables += tag in CELLS
            if not hidden and tag is not None and element.text:
                run.append(element.text)
            continue
        if tag in BLOCKS:
            flush()
        tables -= tag in CELLS
        if tag in INVISIBLE:
            hidden -= 1
        if not hidden and element.tail:
            run.append(element.tail)
    flush()
    return pieces


def unwrap_stray_cells(tree: HtmlElement) -> int:
    """Turn table cells that stand in no table ("<div><td>…</td></div>", which the extractor
    drops with everything inside) into plain blocks; the number turned."""
    stray = []
    tables = 0
    for event, element in etree.iterwalk(tree, events=("start", "end"), tag=("table", "td", "th")):
        if element.tag == "table":
            tables += 1 if event == "start" else -1
        elif event == "start" and tables == 0:
            stray.append(element)
    for cell in stray:
        cell.tag = "div"
    return len(stray)

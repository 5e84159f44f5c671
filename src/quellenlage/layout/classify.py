"""Give every piece of a scraped page its segment kind.

The rules look at a piece's shape (length, final punctuation, quote marks) and at its
neighbours, the way a reader recognises a caption by the credit after it or a block quote by
the short source line under it. They are generic page conventions of German news sites, not
rules for one site; `tests/fixtures/layout` holds the pages they are tested on.
"""

from __future__ import annotations

import re

from quellenlage.layout.pieces import Piece

AUTHOR = re.compile(
    r"^(?:Von|Ein (?:Kommentar|Gastbeitrag|Interview|Bericht|Essay) von|Eine (?:Analyse|Reportage|Glosse) von"
    r"|Autor(?:in)?:|Ein Beitrag von)\s+[A-ZÄÖÜ]"
)
DATELINE = re.compile(
    r"^(?:Stand|Aktualisiert|Veröffentlicht|Zuletzt aktualisiert)\s*:?\s*\d|^\d{1,2}\.\s*[A-ZÄÖÜ][a-zä]+\s+\d{4}"
    r"(?:,\s*\d{1,2}[:.]\d{2}\s*Uhr)?$|^\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s*\d{1,2}[:.]\d{2}\s*Uhr)?$"
)
BOILERPLATE = re.compile(
    r"^(?:Mehr zum Thema|Lesen Sie (?:auch|mehr)|Auch interessant|Das könnte Sie auch interessieren|Weitere "
    r"(?:Nachrichten|Artikel|Informationen)|Mehr Nachrichten|Newsletter|Jetzt (?:abonnieren|anmelden)|Teilen"
    r"|Kommentare?\b|Zur Startseite|Dieses Thema im Programm|Hier (?:klicken|geht)|Empfohlene Artikel"
    r"|Anzeige$|Zum Liveblog|Schlagworte|Themen:|Mehr aus|Weitere Meldungen|Alle Meldungen)"
    r"|finden Sie (?:jederzeit |hier |auch )?(?:in unserem|hier|im)|\bdpa-infocom\b|^©|Alle Rechte vorbehalten"
    r"|(?:Liveblog|Newsticker|Newsletter|Podcast)\s*:?\s*$",
    re.IGNORECASE,
)
TEASER_HEADERS = re.compile(r"^(?:Mehr zum Thema|Lesen Sie auch|Auch interessant|Weitere|Mehr aus|Empfohlen)")
AGENCY_START = re.compile(r"^[A-ZÄÖÜ][\w./ -]{1,40}\s\((?:dpa|AFP|Reuters|AP|epd|KNA|dts|SID|APA)[^)]*\)")
MEDIA_DESCRIPTION_CUE = re.compile(
    r"\b(?:analysiert|erklärt|im Video|im Interview|berichtet|ordnet|schildert|zeigt|Bilder)\b"
)
SENTENCE_END = re.compile(r"[.!?…\"“”»«]$")
QUOTE_OPEN = "\"„“»‚"


def classify(text: str, pieces: list[Piece]) -> list[str]:
    """The segment kind of each piece, in order."""
    kinds = [""] * len(pieces)
    shapes = [text[p.start : p.end] for p in pieces]
    _mark_hinted(pieces, kinds)
    _mark_boilerplate(shapes, kinds)
    _mark_head(shapes, kinds)
    _mark_captions(kinds)
    _mark_block_quotes(shapes, kinds)
    _mark_media_descriptions(shapes, kinds)
    for i, shape in enumerate(shapes):
        if kinds[i]:
            continue
        if AUTHOR.match(shape) and len(shape) < 120:
            kinds[i] = "author"
        elif DATELINE.match(shape):
            kinds[i] = "dateline"
        elif _is_heading(shape) and i + 1 < len(shapes) and not kinds[i + 1]:
            kinds[i] = "subheading"
        else:
            kinds[i] = "body"
    return kinds


def _mark_hinted(pieces: list[Piece], kinds: list[str]) -> None:
    for i, piece in enumerate(pieces):
        if piece.hint:
            kinds[i] = piece.hint


def _mark_boilerplate(shapes: list[str], kinds: list[str]) -> None:
    """Promo lines, and the link titles listed under a teaser header ("Mehr zum Thema")."""
    in_teaser_list = False
    for i, shape in enumerate(shapes):
        if kinds[i]:
            in_teaser_list = False
            continue
        if BOILERPLATE.search(shape) and len(shape) < 300:
            kinds[i] = "boilerplate"
            in_teaser_list = bool(TEASER_HEADERS.match(shape))
        elif in_teaser_list and _is_heading(shape):
            kinds[i] = "boilerplate"
        else:
            in_teaser_list = False


def _mark_head(shapes: list[str], kinds: list[str]) -> None:
    """Kicker, headline and lead: the first lines of the page."""
    first = next((i for i, k in enumerate(kinds) if k in ("", "kicker")), None)
    if first is None:
        return
    if kinds[first] == "kicker":
        first += 1
    elif (
        first + 1 < len(shapes)
        and not kinds[first + 1]
        and len(shapes[first]) <= 40
        and _is_heading(shapes[first])
        and _is_heading(shapes[first + 1])
    ):
        kinds[first] = "kicker"
        first += 1
    if first >= len(shapes) or kinds[first]:
        return
    kinds[first] = "headline"
    lead = first + 1
    while lead < len(shapes) and (
        kinds[lead] in ("author", "dateline") or (not kinds[lead] and _is_author_or_dateline(shapes[lead]))
    ):
        lead += 1
    if lead >= len(shapes) or kinds[lead]:
        return
    next_kind = kinds[lead + 1] if lead + 1 < len(shapes) else ""
    is_caption = next_kind == "credit"
    if not is_caption and _looks_like_lead(shapes[lead]):
        kinds[lead] = "lead"


def _mark_captions(kinds: list[str]) -> None:
    for i in range(len(kinds) - 1):
        if kinds[i + 1] == "credit" and not kinds[i]:
            kinds[i] = "caption"


def _mark_block_quotes(shapes: list[str], kinds: list[str]) -> None:
    """A stand-alone statement followed by a short source line is a block quote."""
    for i in range(len(shapes) - 1):
        if kinds[i] or kinds[i + 1] or not _is_source_line(shapes[i + 1]):
            continue
        quoted = shapes[i][0] in QUOTE_OPEN and shapes[i].rstrip(".").endswith(("\"", "“", "”", "«", "‘"))
        announced = i > 0 and shapes[i - 1].endswith(":")
        if quoted or announced:
            kinds[i], kinds[i + 1] = "blockquote", "attribution"


def _mark_media_descriptions(shapes: list[str], kinds: list[str]) -> None:
    """A teaser text between other page furniture and a video's date line describes the video."""
    for i in range(1, len(shapes) - 1):
        if kinds[i] or kinds[i + 1] != "media" or not kinds[i - 1] or kinds[i - 1] in ("body", "lead"):
            continue
        if MEDIA_DESCRIPTION_CUE.search(shapes[i]) and len(shapes[i]) < 500:
            kinds[i] = "media"


def _is_heading(shape: str) -> bool:
    return 0 < len(shape) <= 100 and not SENTENCE_END.search(shape) and not shape.endswith((":", ","))


def _is_source_line(shape: str) -> bool:
    cleaned = shape.lstrip("—–- ")
    return 0 < len(cleaned) <= 80 and not SENTENCE_END.search(cleaned) and not cleaned.endswith(":") and (
        cleaned[0].isupper() or shape[0] in "—–-"
    )


def _is_author_or_dateline(shape: str) -> bool:
    return bool(AUTHOR.match(shape) and len(shape) < 120) or bool(DATELINE.match(shape))


def _looks_like_lead(shape: str) -> bool:
    sentences = len(re.findall(r"[.!?](?:\s|$)", shape))
    return 0 < sentences <= 3 and len(shape) <= 450 and not AGENCY_START.match(shape)

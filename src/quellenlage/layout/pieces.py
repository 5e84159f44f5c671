"""Split scraped lines into the pieces that scraping glued together.

Scrapers join page elements without a separator: a kicker and its headline ("Russland:Nato"),
a photo credit and the next paragraph ("Quelle: dpaDie Nato"), a video's date and duration and
its title ("27.10.2024 | 1:29 minNato sichert"), a ticker timestamp and its entry
("14:32 UhrDie Polizei"). Each piece keeps character offsets into the original text and a hint
of what it is; `classify` decides the final segment kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where two glued words meet: a lowercase letter or digit directly followed by a capitalised
# word ("dpaDie", "minNato"), or an all-caps agency name followed by one ("AFPDer").
GLUE = re.compile(r"(?<=[a-zäöüß0-9.)])(?=[A-ZÄÖÜ][a-zäöüß])|(?<=[A-Z]{2})(?=[A-ZÄÖÜ][a-zäöüß]{2})")
CREDIT = re.compile(
    r"(?:(?:Quelle|Foto|Fotos|Bild|Bilder|Grafik|Video|Audio|Karte|Illustration)\s*:|©|\(c\)|Copyright\b)",
    re.IGNORECASE,
)
CREDIT_AT_START = re.compile(r"^" + CREDIT.pattern, re.IGNORECASE)
# A credit after a caption on the same line: "Olaf Scholz im Bundestag. Foto: dpa"
CREDIT_AFTER_CAPTION = re.compile(r"(?<=[.!?\"“])\s+(?=(?:Foto|Fotos|Bild|Quelle)\s*:|©)")
MEDIA_STAMP = re.compile(
    r"^(?:(?:Video|Audio)\s*[:|]?\s*)?(?:\d{1,2}\.\d{1,2}\.\d{2,4}\s*[|•·]\s*)?"
    r"(?:(?:Video|Audio)\s*[:|]\s*)?\d{1,3}:\d{2}(?::\d{2})?\s*min\.?",
    re.IGNORECASE,
)
# A video teaser's description with the stamp at its end: "… Eskalation? 21.04.2024 | 3:18 min"
MEDIA_STAMP_AT_END = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}\s*[|•·]\s*\d{1,3}:\d{2}(?::\d{2})?\s*min\.?$", re.IGNORECASE
)
TICKER_STAMP = re.compile(
    r"^(?:\d{1,2}\.\d{1,2}\.\d{2,4}\s*[•·|,]\s*)?\d{1,2}[:.]\d{2}\s*Uhr(?![a-zäöü])|^\d{1,2}\.\d{1,2}\.\d{2,4}\s*"
    r"[•·|]\s*\d{1,2}:\d{2}(?!\d)|^Vor \d+ (?:Min|Minuten|Std|Stunden)\.?"
)
# The longest segment: a longer line (a live blog, a ticker or an agency dump without line
# breaks) is cut at sentence ends into several, so that every later stage works in bounded pieces.
MAX_SEGMENT_CHARS = 10_000
SENTENCE_BREAK = re.compile(r"[.!?…][\"“”»«'’)]*\s+")
CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[–—-]\s+")
SPACE = re.compile(r"\s+")
KICKER_GLUE = re.compile(r"^([^:\n]{2,60}?):(?=[A-ZÄÖÜ\"„])")


@dataclass
class Piece:
    start: int
    end: int
    hint: str = ""  # what the splitter already knows: kicker, credit, media, dateline, caption

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def lines_of(text: str) -> list[Piece]:
    """Non-empty lines, stripped, with offsets."""
    pieces = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            pieces.append(Piece(start, end))
    return pieces


def split_glued(text: str, line: Piece, *, first: bool) -> list[Piece]:
    """The pieces of one line; `first` marks the first line of the page (kicker:headline)."""
    s, e = line.start, line.end
    content = text[s:e]
    if first and (kicker := KICKER_GLUE.match(content)):
        kicker_start, kicker_end = _strip(text, s, s + kicker.end(1))
        return [Piece(kicker_start, kicker_end, "kicker"), Piece(s + kicker.end(), e)]
    if media := MEDIA_STAMP.match(content):
        return _stamp_and_rest(text, s, e, s + media.end(), "media", "media")
    if (media := MEDIA_STAMP_AT_END.search(content)) and media.start() > 0:
        described_start, described_end = _strip(text, s, s + media.start())
        return [Piece(described_start, described_end, "media"), Piece(s + media.start(), e, "media")]
    if stamp := TICKER_STAMP.match(content):
        return _stamp_and_rest(text, s, e, s + stamp.end(), "dateline", "")
    if CREDIT_AT_START.match(content):
        return _credit_and_rest(text, s, e)
    if after := CREDIT_AFTER_CAPTION.search(content):
        caption = Piece(s, s + after.start(), "caption")
        return [caption, *_credit_and_rest(text, s + after.end(), e)]
    return [line]


def bounded(text: str, piece: Piece, limit: int = MAX_SEGMENT_CHARS) -> list[Piece]:
    """`piece` cut into pieces of at most `limit` characters, at the last sentence end in the
    second half of each stretch, else the last clause boundary, else the last space (a
    stretch without any is cut where the limit falls)."""
    pieces = []
    start = piece.start
    while piece.end - start > limit:
        low, high = start + limit // 2, start + limit
        cut = _last_end(SENTENCE_BREAK, text, low, high) or _last_end(CLAUSE_BREAK, text, low, high)
        cut = cut or _last_end(SPACE, text, low, high) or high
        head_start, head_end = _strip(text, start, cut)
        pieces.append(Piece(head_start, head_end, piece.hint))
        start, _ = _strip(text, cut, piece.end)
    pieces.append(Piece(start, piece.end, piece.hint))
    return pieces


def _last_end(pattern: re.Pattern[str], text: str, low: int, high: int) -> int | None:
    last = None
    for match in pattern.finditer(text, low, high):
        last = match.end()
    return last


def _stamp_and_rest(text: str, s: int, e: int, cut: int, stamp_hint: str, rest_hint: str) -> list[Piece]:
    pieces = [Piece(s, cut, stamp_hint)]
    rest_start, rest_end = _strip(text, cut, e)
    if rest_start < rest_end:
        pieces.append(Piece(rest_start, rest_end, rest_hint))
    return pieces


def _credit_and_rest(text: str, s: int, e: int) -> list[Piece]:
    """A credit ends at the first glue point; a long remainder is the next paragraph."""
    content = text[s:e]
    label_end = CREDIT_AT_START.match(content)
    offset = label_end.end() if label_end else 0
    for glue in GLUE.finditer(content, offset):
        rest_start, rest_end = _strip(text, s + glue.start(), e)
        if rest_end - rest_start >= 20 and " " in text[rest_start:rest_end]:
            return [Piece(s, s + glue.start(), "credit"), Piece(rest_start, rest_end)]
    return [Piece(s, e, "credit")]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

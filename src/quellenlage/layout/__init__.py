"""Layout recovery: the segments of a scraped page, with offsets into its text."""

from quellenlage.layout.classify import classify
from quellenlage.layout.pieces import Piece, bounded, lines_of, split_glued
from quellenlage.model import Segment


def find_segments(text: str) -> list[Segment]:
    """Segments in reading order; every non-space character of `text` lies in exactly one."""
    pieces: list[Piece] = []
    for index, line in enumerate(lines_of(text)):
        for piece in split_glued(text, line, first=index == 0):
            pieces.extend(bounded(text, piece))
    kinds = classify(text, pieces)
    pieces, kinds = _rejoin_orphan_kicker(pieces, kinds)
    return [
        Segment(kind=kind, start=p.start, end=p.end, text=text[p.start : p.end])
        for p, kind in zip(pieces, kinds, strict=True)
    ]


def _rejoin_orphan_kicker(pieces: list[Piece], kinds: list[str]) -> tuple[list[Piece], list[str]]:
    """A first line split at its colon whose second part is no headline ("Newsletter:Jetzt
    abonnieren") was never kicker and headline: put it back together."""
    if len(pieces) > 1 and kinds[0] == "kicker" and kinds[1] != "headline":
        return [Piece(pieces[0].start, pieces[1].end), *pieces[2:]], [kinds[1], *kinds[2:]]
    return pieces, kinds


__all__ = ["find_segments"]

"""Layout recovery: the segments of a scraped page, with offsets into its text."""

from quellenlage.layout.classify import classify
from quellenlage.layout.pieces import Piece, lines_of, split_glued
from quellenlage.model import Segment


def find_segments(text: str) -> list[Segment]:
    """Segments in reading order; every non-space character of `text` lies in exactly one."""
    pieces: list[Piece] = []
    for index, line in enumerate(lines_of(text)):
        pieces.extend(split_glued(text, line, first=index == 0))
    kinds = classify(text, pieces)
    return [
        Segment(kind=kind, start=p.start, end=p.end, text=text[p.start : p.end])
        for p, kind in zip(pieces, kinds, strict=True)
    ]


__all__ = ["find_segments"]

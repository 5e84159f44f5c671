"""Layout recovery: the segments of a scraped page, with offsets into its text."""

from bisect import bisect_right
from collections.abc import Sequence

from quellenlage.layout.classify import UNLINKED, classify
from quellenlage.layout.pieces import Piece, bounded, lines_of, split_glued
from quellenlage.model import Segment


def find_segments(text: str, hints: Sequence[tuple[int, int, str]] = ()) -> list[Segment]:
    """Segments in reading order; every non-space character of `text` lies in exactly one.

    `hints` are (start, end, kind) spans the input already knows (an HTML page's headline, lead,
    captions and link lists): a line inside one takes its kind."""
    pieces: list[Piece] = []
    hinted = sorted(hints)
    starts = [start for start, _, _ in hinted]
    for index, line in enumerate(lines_of(text)):
        kind = _hint_for(hinted, starts, line)
        if kind == UNLINKED:  # no segment kind: the layout rules decide, knowing it is no link
            pieces.extend(bounded(text, Piece(line.start, line.end, UNLINKED)))
            continue
        if kind:
            pieces.extend(bounded(text, Piece(line.start, line.end, kind)))
            continue
        for piece in split_glued(text, line, first=index == 0):
            pieces.extend(bounded(text, piece))
    kinds = classify(text, pieces)
    pieces, kinds = _rejoin_orphan_kicker(pieces, kinds)
    return [
        Segment(kind=kind, start=p.start, end=p.end, text=text[p.start : p.end])
        for p, kind in zip(pieces, kinds, strict=True)
    ]


def _hint_for(hints: list[tuple[int, int, str]], starts: list[int], line: Piece) -> str:
    i = bisect_right(starts, line.start) - 1
    if i >= 0:
        start, end, kind = hints[i]
        if start <= line.start and line.end <= end:
            return kind
    return ""


def _rejoin_orphan_kicker(pieces: list[Piece], kinds: list[str]) -> tuple[list[Piece], list[str]]:
    """A first line split at its colon whose second part is no headline ("Newsletter:Jetzt
    abonnieren") was never kicker and headline: put it back together."""
    if len(pieces) > 1 and kinds[0] == "kicker" and kinds[1] != "headline":
        return [Piece(pieces[0].start, pieces[1].end), *pieces[2:]], [kinds[1], *kinds[2:]]
    return pieces, kinds


__all__ = ["find_segments"]

"""Small helpers on character spans shared by the stages, written once so they stay linear."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence


class Occupancy:
    """Which characters of a text are already claimed: overlap checks in O(span length), so
    choosing non-overlapping mentions stays linear on a 5 MB article."""

    def __init__(self, length: int):
        self._taken = bytearray(length)

    def is_free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)


def excerpt(text: str, start: int, end: int, focus: int, limit: int) -> str:
    """The words of text[start:end], cut to at most `limit` characters around `focus` (with "…"
    where cut), so that evidence stays bounded however long its sentence is."""
    if end - start <= limit:
        return text[start:end]
    half = (limit - 2) // 2
    low = max(start, min(focus - half, end - (limit - 2)))
    high = min(end, low + limit - 2)
    head = "…" if low > start else ""
    tail = "…" if high < end else ""
    return head + text[low:high] + tail


def containing(starts: Sequence[int], ends: Sequence[int], position: int) -> int | None:
    """Index of the span (sorted by start, not overlapping) that contains `position`."""
    i = bisect_right(starts, position) - 1
    return i if i >= 0 and position < ends[i] else None


class Cover:
    """Which of a set of spans covers a stretch of text, by bisection instead of a scan over all
    spans (names the model found, names already taken), so that lookups stay logarithmic."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        order = sorted(range(len(spans := list(spans))), key=lambda i: spans[i][0])
        self._order = order
        self._starts = [spans[i][0] for i in order]
        # the span reaching furthest among those starting at or before each position in the order
        self._furthest: list[int] = []
        for rank, i in enumerate(order):
            best = self._furthest[-1] if rank else i
            self._furthest.append(i if spans[i][1] > spans[best][1] else best)
        self._ends = [end for _, end in spans]

    def covering(self, start: int, end: int) -> int | None:
        """Index (in the order given) of a span with span.start <= start and end <= span.end:
        the one reaching furthest, which for spans that do not overlap is the only one."""
        rank = bisect_right(self._starts, start) - 1
        if rank < 0:
            return None
        best = self._furthest[rank]
        return best if self._ends[best] >= end else None

    def covers(self, start: int, end: int) -> bool:
        return self.covering(start, end) is not None

"""Small helpers on character spans shared by the stages, written once so they stay linear."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


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

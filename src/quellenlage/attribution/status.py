"""Who stands behind a statement (`Status`): the outlet, a named source, a source the article
marks as uncertain, or nobody who could be checked. Shared by quotations and claims, so that a
filter on status means the same for both."""

from __future__ import annotations

from quellenlage.attribution.cues import HEDGE, UNVERIFIED
from quellenlage.model import SourceRef, Status


def status_of(text: str, start: int, end: int, source: SourceRef | None) -> Status:
    """The status of what text[start:end] states, given the source it is attributed to."""
    if UNVERIFIED.search(text, start, end):
        return "unverified"
    if HEDGE.search(text, start, end):
        return "claimed"
    return "reported" if source is not None else "stated"

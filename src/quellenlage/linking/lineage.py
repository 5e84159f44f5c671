"""A figure's lineage: its claims in timeline order, each marked by how it relates to what was
known before it.

- `first`: the first appearance.
- `repeat`: a number reported before (whatever its qualifier: "160.000", "rund 160.000").
- `divergence`: a new number that cannot hold together with another source's value published
  within `SAME_DAY_HOURS` (8.000 vs "mehr als 10.000" on the same day).
- `update`: a new number from the same source, or one published a day or more after the
  numbers before it: the count going on (a death toll rising from "mindestens vier" to "sechs"
  to "neun"), a union's preliminary count replaced by its final one.
- `other`: a new number beside the earlier ones that can hold together with them (another
  source's 250.000 beside the police's "mehr als 100.000").
"""

from __future__ import annotations

from quellenlage.linking.figures import Item
from quellenlage.linking.model import FigureClaim
from quellenlage.linking.values import overlaps

SAME_DAY_HOURS = 24.0


def timeline(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (i.time is None, i.time or 0.0, i.article, i.claim.start))


def changes(ordered: list[Item]) -> list[str]:
    """The change label of each claim of a figure, in timeline order."""
    labels: list[str] = []
    for n, item in enumerate(ordered):
        earlier = ordered[:n]
        if not earlier:
            labels.append("first")
            continue
        if any(e.claim.number == item.claim.number and e.claim.low == item.claim.low for e in earlier):
            labels.append("repeat")
            continue
        conflicting = [
            e
            for e in earlier
            if _same_day(item, e) and not _same_source(item, e) and not overlaps(item.bounds, e.bounds)
        ]
        labels.append("divergence" if conflicting else "update")
    return labels


def _same_day(a: Item, b: Item) -> bool:
    if a.time is None or b.time is None:
        return a.article == b.article
    return abs(a.time - b.time) <= SAME_DAY_HOURS * 3600


def _same_source(a: Item, b: Item) -> bool:
    return a.claim.source_key is not None and a.claim.source_key == b.claim.source_key


def figure_claim(item: Item, change: str, meta: dict[str, str | None]) -> FigureClaim:
    c = item.claim
    return FigureClaim(
        article=item.article,
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        agency=meta.get("agency"),
        wire_group=meta.get("wire_group"),
        start=c.start,
        end=c.end,
        claim=c.id,
        value=c.value,
        number=c.number,
        low=c.low,
        high=c.high,
        magnitude=c.magnitude,
        qualifier=c.qualifier,
        unit=c.unit,
        source=c.source,
        source_key=c.source_key,
        status=c.status,
        hedge=c.hedge,
        evidence=c.evidence,
        change=change,
    )

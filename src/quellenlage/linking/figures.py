"""Figure lineage: the claims of a story's articles that state the same quantity (FORMAT §4.6:
the same thing counted, in the same place, for the same event), whatever value and source.

Claims are grouped within one story and one kind of measure (counts, money, percent, …), so the
work grows with the size of a story, not of the corpus. Two claims can never be one figure when
- they count different kinds of things (deaths vs missing, per the clause's words),
- their scope marks differ (insured vs total damage, workers called vs workers on strike),
- they name different places ("in Rostock und Greifswald" vs "am Alexanderplatz"),
- their values lie too far apart to be estimates of one quantity (more than `MAX_RATIO` apart,
  after qualifiers: "Zehntausende" and "mehr als 100.000" may be one crowd, 300 and 160.000 not).
Otherwise groups are merged, most similar first (average linkage over an affinity of kind,
counted noun, clause words, value and source), while the affinity reaches `MERGE_AT`.
Different values from different sources stay one figure: that is the point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from quellenlage.linking.model import DigestClaim
from quellenlage.linking.values import interval, overlaps
from quellenlage.linking.words import stem

MAX_RATIO = 4.0
# A vague numeral is a manner of speaking: "Zehntausende" may stand beside "mehr als 400.000".
MAX_RATIO_VAGUE = 8.0
MERGE_AT = 1.5
FEMININE_PLURAL = "innen"
# Words for people in general, which may stand for whoever a story counts (their stems).
GENERIC_NOUNS = frozenset({"mensch", "person", "leut"})
# The same value, written in two articles of one story, most likely states the same quantity,
# unless it is a number small enough to be everywhere.
SAME_VALUE_FROM = 10.0
# Keys of places too wide to tell two figures apart (a country names the setting, not the scope).
WIDE_PLACE_PREFIX = "country:"


@dataclass
class Item:
    """A claim of one article, as the clustering sees it."""

    article: str
    time: float | None
    claim: DigestClaim

    # cached: a story's clustering compares every pair of its claims
    @cached_property
    def bounds(self) -> tuple[float, float]:
        c = self.claim
        return interval(c.number, c.low, c.qualifier, c.magnitude)

    @cached_property
    def places(self) -> set[str]:
        return {p for p in self.claim.places if not p.startswith(WIDE_PLACE_PREFIX)}

    @cached_property
    def noun(self) -> str | None:
        return counted_noun(self.claim.unit) if self.claim.unit else None


def counted_noun(unit: str) -> str:
    """The counted noun's stem, the same for both genders: "Anwohnerinnen" → "anwohn"."""
    word = unit.casefold()
    if word.endswith(FEMININE_PLURAL) and len(word) - len(FEMININE_PLURAL) >= 4:
        word = word[: -len(FEMININE_PLURAL)]
    return stem(word)


def noun_match(a: str | None, b: str | None) -> float:
    """How surely two counted nouns count the same: the same noun, or a compound and its head
    ("Lehrerstellen", "Stellen"): 1; a noun and a word for people in general ("Menschen"): a
    half, since "Menschen" may stand for any people counted; else nothing."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.endswith(short):
        return 1.0
    if a in GENERIC_NOUNS or b in GENERIC_NOUNS:
        return 0.5
    return 0.0


def cluster(items: list[Item]) -> list[list[Item]]:
    """Group the claims of one story into figures."""
    groups: list[list[Item]] = []
    by_measure: dict[str, list[Item]] = {}
    for item in items:
        by_measure.setdefault(item.claim.measure, []).append(item)
    for members in by_measure.values():
        groups.extend(_agglomerate(members))
    return groups


def _agglomerate(items: list[Item]) -> list[list[Item]]:
    """Average linkage: merge the two groups of the highest mean affinity (the first pair in
    order on a tie) while it reaches MERGE_AT; a pair that cannot be one figure (-inf) keeps
    two groups apart for good.

    A group is known by its first item (groups keep the order of their first items), and each
    group remembers its best later partner; a merge recomputes only the means that involve the
    merged group and the rows whose best partner it took away, so a story of a few hundred
    claims costs a few hundred scans of its groups instead of all pairs of groups per merge (the
    figures of the 2,000-article web corpus took 4 of its 5 minutes of linking)."""
    n = len(items)
    score = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            score[i][j] = score[j][i] = affinity(items[i], items[j])
    members: dict[int, list[int]] = {i: [i] for i in range(n)}  # group (its first item) -> items

    def mean(a: int, b: int) -> float:  # a before b; -inf when one pair cannot be one figure
        pairs = [score[x][y] for x in members[a] for y in members[b]]
        return sum(pairs) / len(pairs)

    def best_after(a: int) -> tuple[float, int] | None:
        best: tuple[float, int] | None = None
        for b in members:
            if b > a:
                m = mean(a, b)
                if m >= MERGE_AT and (best is None or m > best[0]):
                    best = (m, b)
        return best

    partner = {a: best_after(a) for a in members}
    while True:
        chosen: tuple[float, int, int] | None = None
        for a, found in partner.items():  # groups in order: the first row wins a tie, as it should
            if found is not None and (chosen is None or found[0] > chosen[0]):
                chosen = (found[0], a, found[1])
        if chosen is None:
            return [[items[i] for i in members[g]] for g in sorted(members)]
        _, a, b = chosen
        members[a].extend(members.pop(b))
        del partner[b]
        for c, found in partner.items():
            if c == a or (found is not None and found[1] in (a, b)):
                partner[c] = best_after(c)
            elif c < a:
                m = mean(c, a)
                if m >= MERGE_AT and (found is None or m > found[0] or (m == found[0] and a < found[1])):
                    partner[c] = (m, a)


def affinity(a: Item, b: Item) -> float:
    """How alike two claims are as statements of one quantity; -inf when they cannot be one."""
    ca, cb = a.claim, b.claim
    if ca.measure != cb.measure:
        return -math.inf
    if (ca.kind and cb.kind and ca.kind != cb.kind) or set(ca.scope) != set(cb.scope):
        return -math.inf
    if a.places and b.places and not a.places & b.places:
        return -math.inf
    if _too_far(a, b):
        return -math.inf
    score = 0.0
    if ca.kind and ca.kind == cb.kind:
        score += 2.0
    elif ca.kind or cb.kind:
        score += 0.25
    score += noun_match(a.noun, b.noun)
    terms_a, terms_b = set(ca.terms), set(cb.terms)
    if terms_a and terms_b:
        score += len(terms_a & terms_b) / len(terms_a | terms_b)
    if overlaps(a.bounds, b.bounds):
        score += 0.5
    if ca.number is not None and ca.number == cb.number and abs(ca.number) >= SAME_VALUE_FROM:
        score += 0.5
    if ca.source_key and ca.source_key == cb.source_key:
        score += 0.5
    return score


def _too_far(a: Item, b: Item) -> bool:
    """Whether the values lie more than MAX_RATIO apart after their qualifiers, or the numbers
    as written more than its square ("mehr als 1.200" allows 160.000, but does not say it)."""
    na, nb = a.claim.number, b.claim.number
    if na is not None and nb is not None and _ratio(na, nb) > MAX_RATIO**2:
        return True
    (low_a, high_a), (low_b, high_b) = a.bounds, b.bounds
    limit = MAX_RATIO_VAGUE if "vague" in (a.claim.qualifier, b.claim.qualifier) else MAX_RATIO
    if low_a <= 0 and low_b <= 0:
        # two upper bounds ("bis zu 140", "weniger als 100"): compare the bounds themselves
        return _ratio(high_a, high_b) > limit
    if high_a < low_b:
        return _ratio(high_a, low_b) > limit
    if high_b < low_a:
        return _ratio(high_b, low_a) > limit
    return False


def _ratio(x: float, y: float) -> float:
    """How many times the larger of two finite bounds is the smaller one."""
    if min(x, y) <= 0:
        return math.inf
    return max(x, y) / min(x, y)

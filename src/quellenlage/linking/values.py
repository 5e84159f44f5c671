"""A claim's number as the corpus contract writes it, and its qualifier in the corpus vocabulary.

The analysis keeps the whole quantity ("rund 1,2 Milliarden Euro") as the claim's `number` span;
the corpus contract (../shared/corpus/FORMAT.md §4.2–4.3) wants the numeric core ("1,2 Milliarden")
and its own qualifier names (`about` for our `approx`, `up_to` for `at_most`; "knapp" and "fast"
say just under, "gut" just over). The interval a qualified value allows is what divergence
checks compare.
"""

from __future__ import annotations

import math
import re

from quellenlage.claims.quantities import NUMBER, SCALE_WORDS
from quellenlage.model import Claim

CORE = re.compile(rf"(?:{NUMBER})(?:\s*(?:bis|-|–|und)\s*(?:{NUMBER}))?(?:\s+(?:{SCALE_WORDS}))?", re.IGNORECASE)
VAGUE_CORE = re.compile(r"\b[A-ZÄÖÜa-zäöüß]*(?:[Dd]utzend|[Hh]undert|[Tt]ausend|[Mm]illion|[Mm]illiard)\w*")
# Qualifier words whose meaning the analysis folds into `approx`.
JUST_UNDER = re.compile(r"^(?:knapp|fast|beinahe|nahezu)\b", re.IGNORECASE)
JUST_OVER = re.compile(r"^gut\b", re.IGNORECASE)
CORPUS_QUALIFIER = {
    "exact": "exact",
    "more_than": "more_than",
    "less_than": "less_than",
    "at_least": "at_least",
    "at_most": "up_to",
    "approx": "about",
    "range": "range",
    "vague": "vague",
}
# What a vague plural numeral spans: "Hunderte" are 200 to 999.
VAGUE_SPAN = {
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0),
    "millions": (2e6, 9.99e8),
    "billions": (2e9, 9.99e11),
}
APPROX_MARGIN = 0.1


def value_text(text: str, claim: Claim) -> tuple[str, int]:
    """The numeric core of the claim's quantity and where it starts in the article text."""
    span = claim.number
    found = VAGUE_CORE.search(span.text) if claim.qualifier == "vague" else CORE.search(span.text)
    if found is None:
        return span.text, span.start
    return found.group(0), span.start + found.start()


def corpus_qualifier(claim: Claim) -> str:
    if claim.qualifier == "approx":
        words = claim.number.text
        if JUST_UNDER.search(words):
            return "less_than"
        if JUST_OVER.search(words):
            return "more_than"
    return CORPUS_QUALIFIER[claim.qualifier]


def interval(number: float | None, low: float | None, qualifier: str, magnitude: str | None) -> tuple[float, float]:
    """The values a qualified number allows: "mehr als 100.000" allows (100.000, ∞)."""
    if qualifier == "vague":
        return VAGUE_SPAN.get(magnitude or "", (0.0, math.inf))
    if number is None:
        return 0.0, math.inf
    if qualifier == "range":
        return (low if low is not None else number), number
    if qualifier in ("more_than", "at_least"):
        return number, math.inf
    if qualifier in ("less_than", "up_to"):
        return 0.0, number
    if qualifier == "about":
        return number * (1 - APPROX_MARGIN), number * (1 + APPROX_MARGIN)
    return number, number


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]

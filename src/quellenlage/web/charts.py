"""The figure chart as server-rendered SVG: one row per claim (date, source, outlet; time runs
down the rows), its value on a shared axis, the qualifier drawn as what it says.

- exact ("8.000"): a dot;
- a bound ("mehr als 10.000", "mindestens", "weniger als", "höchstens"): a dot with an arrow
  towards the open side (an open dot when the bound itself is excluded);
- approximate ("rund 10.000"): a band of ±10 % around a tick;
- a range ("10.000 bis 12.000"): a bar from low to high;
- a vague magnitude ("Tausende"): a light band over what the word can mean (2,000 to 10,000).
A claim whose range excludes the best-supported value of its figure is divergent: drawn in red, with the
word "abweichend" (see `views.claim_divergences`).

No JavaScript: the chart is plain SVG in the page (strict CSP), with a <title> per mark for
hover, and the table beside it carries the same facts for screen readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from quellenlage.model import Claim
from quellenlage.web.labels import german_number

APPROX_SHARE = 0.10
# What a vague magnitude can mean: from twice its unit to where the next word takes over.
MAGNITUDE_RANGES = {
    "dozens": (24.0, 100.0),
    "hundreds": (200.0, 1_000.0),
    "thousands": (2_000.0, 10_000.0),
    "tens of thousands": (20_000.0, 100_000.0),
    "hundreds of thousands": (200_000.0, 1_000_000.0),
    "millions": (2_000_000.0, 1_000_000_000.0),
    "billions": (2_000_000_000.0, 1_000_000_000_000.0),
}
WIDTH = 760
LABEL_WIDTH = 300
RIGHT = 24
ROW = 30
TOP = 34
MAX_ROWS = 80


@dataclass(frozen=True)
class ChartPoint:
    claim: Claim
    date: str | None
    source: str
    outlet: str | None
    divergent: bool = False


def claim_interval(claim: Claim) -> tuple[float, float] | None:
    """The values the claim allows, as [low, high] (infinite for an open bound); None when the
    claim carries no number to compare."""
    value, qualifier = claim.value, claim.qualifier
    if qualifier == "range" and claim.low is not None and claim.high is not None:
        return (min(claim.low, claim.high), max(claim.low, claim.high))
    if qualifier == "vague":
        if claim.low is not None and claim.high is not None:
            return (claim.low, claim.high)
        return MAGNITUDE_RANGES.get(claim.magnitude or "")
    if value is None:
        return None
    if qualifier in ("more_than", "at_least"):
        return (value, math.inf)
    if qualifier in ("less_than", "at_most"):
        return (-math.inf, value)
    if qualifier == "approx":
        spread = abs(value) * APPROX_SHARE
        return (value - spread, value + spread)
    return (value, value)


def figure_chart(points: list[ChartPoint], title: str, chart_id: str = "chart") -> Markup:
    """The chart of one figure's claims; an empty Markup when no claim has a value to draw."""
    rows = sorted(points, key=lambda p: (p.date or "", p.source, p.outlet or ""))[-MAX_ROWS:]
    drawable = [(p, claim_interval(p.claim)) for p in rows]
    finite = [v for _, iv in drawable if iv for v in iv if math.isfinite(v)]
    if not finite:
        return Markup("")
    scale = _Scale(min(finite), max(finite))
    height = TOP + ROW * len(rows) + 28
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{escape(chart_id)}-title">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}: Werte nach Datum, Quelle und Medium</title>',
        '<rect class="plot-bg" x="0" y="0" width="100%" height="100%" fill="#ffffff"/>',
    ]
    parts.extend(_axis(scale, height))
    for number, (point, interval) in enumerate(drawable):
        parts.append(_row(point, interval, scale, TOP + ROW * number + ROW // 2))
    parts.append("</svg>")
    return Markup("".join(parts))


class _Scale:
    """Value → x position; logarithmic when the values span more than two orders of magnitude."""

    def __init__(self, low: float, high: float):
        self.log = low > 0 and high / low > 100
        if self.log:
            low, high = 10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high))
        else:
            low = min(0.0, low)
            span = high - low or abs(high) or 1.0
            step = _nice_step(span / 5)
            high = math.ceil(high / step) * step
            if high <= low:
                high = low + step
        self.low, self.high = low, high
        self.left, self.right = LABEL_WIDTH, WIDTH - RIGHT

    def x(self, value: float) -> float:
        if value == math.inf:
            return self.right
        if value == -math.inf:
            return self.left
        if self.log:
            value = max(value, self.low)
            share = (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        else:
            share = (value - self.low) / (self.high - self.low)
        return round(self.left + max(0.0, min(1.0, share)) * (self.right - self.left), 1)

    def ticks(self) -> list[float]:
        if self.log:
            return [10.0**e for e in range(round(math.log10(self.low)), round(math.log10(self.high)) + 1)]
        step = _nice_step((self.high - self.low) / 5)
        count = int(round((self.high - self.low) / step))
        return [self.low + step * i for i in range(count + 1)]


def _nice_step(raw: float) -> float:
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _axis(scale: _Scale, height: int) -> list[str]:
    parts = []
    for tick in scale.ticks():
        x = scale.x(tick)
        parts.append(f'<line class="grid" x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height - 24}" stroke="#c8c8c8"/>')
        parts.append(
            f'<text class="tick" x="{x}" y="{TOP - 12}" text-anchor="middle" font-size="11" fill="#333">'
            f"{german_number(tick)}</text>"
        )
    note = "logarithmische Skala" if scale.log else "lineare Skala"
    parts.append(
        f'<text x="6" y="{height - 8}" font-size="11" fill="#333">{note}; '
        "Punkt: genau · Pfeil: Schranke (mehr/weniger als) · Band: rund ±10 % oder vage Größe · Balken: Spanne</text>"
    )
    return parts


def _row(point: ChartPoint, interval: tuple[float, float] | None, scale: _Scale, y: int) -> str:
    claim = point.claim
    colour = "#b00020" if point.divergent else "#1f4e99"
    label = " · ".join(x for x in (point.date or "ohne Datum", point.source, point.outlet) if x)
    if len(label) > 46:
        label = label[:45] + "…"
    flag = " – abweichend" if point.divergent else ""
    tooltip = f"{claim.number.text} ({claim.qualifier}) laut {point.source}{flag}"
    parts = [
        f'<g class="mark{" divergent" if point.divergent else ""}" data-claim="{escape(claim.id)}">',
        f"<title>{escape(tooltip)}</title>",
        f'<text x="6" y="{y + 4}" font-size="12" fill="#111">{escape(label)}</text>',
    ]
    if interval is None:
        parts.append(f'<text x="{LABEL_WIDTH}" y="{y + 4}" font-size="12" fill="#333">ohne Zahlenwert</text>')
    else:
        parts.append(_glyph(claim, interval, scale, y, colour))
    if point.divergent:
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{y - 7}" text-anchor="end" font-size="10" fill="{colour}">abweichend</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _glyph(claim: Claim, interval: tuple[float, float], scale: _Scale, y: int, colour: str) -> str:
    low, high = scale.x(interval[0]), scale.x(interval[1])
    qualifier = claim.qualifier
    if qualifier in ("more_than", "at_least", "less_than", "at_most") and claim.value is not None:
        x = scale.x(claim.value)
        end, tip = (high, 1) if qualifier in ("more_than", "at_least") else (low, -1)
        fill = "#ffffff" if qualifier in ("more_than", "less_than") else colour
        return (
            f'<line x1="{x}" y1="{y}" x2="{end}" y2="{y}" stroke="{colour}" stroke-width="2"/>'
            f'<path d="M{end} {y} l{-8 * tip} -5 v10 z" fill="{colour}"/>'
            f'<circle cx="{x}" cy="{y}" r="5" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
        )
    if qualifier in ("approx", "vague"):
        band = (
            f'<rect x="{low}" y="{y - 8}" width="{max(2.0, round(high - low, 1))}" height="16" fill="{colour}" '
            f'fill-opacity="{0.3 if qualifier == "approx" else 0.15}" stroke="{colour}" stroke-dasharray="3 2"/>'
        )
        if claim.value is not None:
            x = scale.x(claim.value)
            band += f'<line x1="{x}" y1="{y - 8}" x2="{x}" y2="{y + 8}" stroke="{colour}" stroke-width="2"/>'
        return band
    if qualifier == "range":
        return (
            f'<line x1="{low}" y1="{y}" x2="{high}" y2="{y}" stroke="{colour}" stroke-width="4"/>'
            f'<line x1="{low}" y1="{y - 6}" x2="{low}" y2="{y + 6}" stroke="{colour}" stroke-width="2"/>'
            f'<line x1="{high}" y1="{y - 6}" x2="{high}" y2="{y + 6}" stroke="{colour}" stroke-width="2"/>'
        )
    return f'<circle cx="{low}" cy="{y}" r="6" fill="{colour}"/>'


def count_chart(counts: list[tuple[str, int]], title: str, chart_id: str = "counts") -> Markup:
    """Counts per period (quotations per month) as bars; an empty Markup without counts."""
    if not counts:
        return Markup("")
    counts = counts[-36:]
    highest = max(n for _, n in counts) or 1
    bar, gap, top, plot = 18, 6, 16, 140
    width = 60 + len(counts) * (bar + gap)
    height = top + plot + 60
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{escape(chart_id)}-title">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<line x1="40" y1="{top + plot}" x2="{width - 10}" y2="{top + plot}" stroke="#333"/>',
        f'<text x="36" y="{top + 4}" text-anchor="end" font-size="11" fill="#333">{highest}</text>',
    ]
    for number, (period, count) in enumerate(counts):
        x = 44 + number * (bar + gap)
        h = round(plot * count / highest, 1)
        parts.append(
            f'<g class="bar"><title>{escape(period)}: {count}</title>'
            f'<rect x="{x}" y="{top + plot - h}" width="{bar}" height="{h}" fill="#1f4e99"/>'
            f'<text x="{x + bar / 2}" y="{top + plot + 12}" font-size="10" fill="#333" text-anchor="end" '
            f'transform="rotate(-60 {x + bar / 2} {top + plot + 12})">{escape(period)}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))

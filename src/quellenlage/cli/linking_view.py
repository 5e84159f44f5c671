"""Terminal views of the corpus links: a figure's lineage with a small time chart, quote trails,
stories with their timeline, speakers. Article text is untrusted: the console they print to
reads no markup (`cli.streams.console`), so "[/b]" in an article stays text."""

from __future__ import annotations

import math
from datetime import datetime

from rich.console import Console
from rich.table import Table

from quellenlage.linking.model import CorpusFigure, QuoteTrail, Story
from quellenlage.linking.speakers import SpeakerProfile
from quellenlage.linking.stories import timestamp
from quellenlage.linking.values import interval

CHART_WIDTH = 56
CHART_HEIGHT = 8
MARKS = "●▲■◆✚✱○△□◇"
QUALIFIER_WORDS = {
    "exact": "",
    "more_than": "mehr als",
    "less_than": "weniger als",
    "about": "rund",
    "up_to": "bis zu",
    "at_least": "mindestens",
    "vague": "vage",
    "range": "Spanne",
}


def print_figures(figures: list[CorpusFigure], console: Console) -> None:
    for figure in figures:
        title = f"{figure.id}: {figure.label}" + (" – Werte widersprechen sich" if figure.divergent else "")
        table = Table(title=title, title_justify="left", expand=False)
        for column in ("published", "outlet", "value", "according to", "status", "change", "evidence"):
            table.add_column(column, overflow="fold")
        for c in figure.claims:
            words = QUALIFIER_WORDS[c.qualifier]
            value = f"{words} {c.value}".strip() + (f" {c.unit}" if c.unit else "")
            outlet = (c.outlet or c.article) + (f" ({c.agency})" if c.agency else "")
            table.add_row(
                _when(c.published),
                outlet,
                value,
                c.source or "–",
                c.status + (f" ({c.hedge})" if c.hedge else ""),
                c.change,
                _short(c.evidence, 90),
            )
        console.print(table)
        sources = ", ".join(figure.sources) or "none named"
        console.print(f"  {figure.independent} independent reports; sources: {sources}")
        for line in time_chart(figure):
            console.print(line, highlight=False)
        console.print()


def time_chart(figure: CorpusFigure, width: int = CHART_WIDTH, height: int = CHART_HEIGHT) -> list[str]:
    """The figure's values over publication time, one mark per source; a value with an open
    bound ("mehr als") has an arrow beside it. Empty when fewer than two values have a time."""
    points = []
    sources: dict[str, str] = {}
    for c in figure.claims:
        time = timestamp(c.published)
        low, high = interval(c.number, c.low, c.qualifier, None)
        value = c.number if c.number is not None else (math.sqrt(low * high) if low > 0 and high < math.inf else None)
        if time is None or value is None or value <= 0:
            continue
        mark = sources.setdefault(c.source or "–", MARKS[len(sources) % len(MARKS)])
        arrow = "↑" if high == math.inf else ("↓" if low == 0 else "")
        points.append((time, value, mark + arrow))
    if len(points) < 2:
        return []
    times = [p[0] for p in points]
    logs = [math.log10(p[1]) for p in points]
    t0, t1 = min(times), max(times)
    v0, v1 = min(logs), max(logs)
    grid = [[" "] * width for _ in range(height)]
    for (time, _, mark), log in zip(points, logs, strict=True):
        x = 0 if t1 == t0 else round((time - t0) / (t1 - t0) * (width - 2))
        y = 0 if v1 == v0 else round((log - v0) / (v1 - v0) * (height - 1))
        row = grid[height - 1 - y]
        for k, char in enumerate(mark):
            if x + k < width:
                row[x + k] = char
    labels = [_number(10**v1), _number(10**v0)]
    pad = max(len(label) for label in labels)
    lines = []
    for i, row in enumerate(grid):
        label = labels[0] if i == 0 else labels[1] if i == height - 1 else ""
        lines.append(f"  {label:>{pad}} │{''.join(row).rstrip()}")
    lines.append(f"  {'':>{pad}} └{'─' * width}")
    lines.append(f"  {'':>{pad}}  {_when(_iso(t0)):<{width // 2}}{_when(_iso(t1)):>{width - width // 2}}")
    lines.append("  " + "   ".join(f"{mark} {source}" for source, mark in sources.items()))
    return lines


def print_trails(trails: list[QuoteTrail], console: Console) -> None:
    for trail in trails:
        head = f"{trail.id}: „{_short(trail.text, 100)}“ – {trail.speaker or 'unbekannt'}"
        table = Table(title=head, title_justify="left")
        for column in ("published", "outlet", "variant", "as quoted", "via"):
            table.add_column(column, overflow="fold")
        for o in trail.occurrences:
            table.add_row(
                _when(o.published),
                o.outlet or o.article,
                o.variant,
                _short(o.text, 80),
                o.agency or "" + (f" {o.wire_group}" if o.wire_group else ""),
            )
        console.print(table)
        origin = f"first seen at {trail.origin}" if trail.origin else "origin unknown"
        console.print(f"  {origin}; {trail.independent} independent reports")
        console.print()


def print_stories(stories: list[Story], titles: dict[str, tuple[str | None, str | None]], console: Console) -> None:
    for story in stories:
        console.print(f"{story.id}: {story.title}  ({len(story.articles)} articles)", style="bold")
        if story.names:
            console.print("  " + ", ".join(story.names))
        for article in story.articles:
            outlet, published = titles.get(article, (None, None))
            console.print(f"  {_when(published)}  {outlet or ''}  {article}", highlight=False)
        console.print()


def print_speakers(profiles: list[SpeakerProfile], console: Console) -> None:
    for profile in profiles:
        role = f" ({', '.join(profile.roles[:2])})" if profile.roles else ""
        console.print(f"{profile.name}{role}  [{profile.key}]", style="bold")
        if profile.party or profile.bundestag_terms:
            terms = profile.bundestag_terms
            span = f"Wahlperiode {terms[0]}" if len(terms) == 1 else f"Wahlperioden {terms[0]}–{terms[-1]}"
            member = f"Mitglied des Bundestages, {span}" if terms else ""
            console.print("  " + "; ".join(p for p in (profile.party, member, *profile.offices) if p))
        outlets = ", ".join(f"{o} {n}" for o, n in sorted(profile.outlets.items(), key=lambda kv: -kv[1]))
        console.print(f"  quoted by: {outlets or '–'}")
        if profile.quotes:
            table = Table(title="quotations", title_justify="left")
            for column in ("published", "outlet", "words", "trail"):
                table.add_column(column, overflow="fold")
            for q in profile.quotes:
                table.add_row(_when(q.published), q.outlet or q.article, _short(q.text, 90), q.trail or "")
            console.print(table)
        if profile.figures:
            table = Table(title="figures supplied", title_justify="left")
            for column in ("published", "outlet", "value", "figure"):
                table.add_column(column, overflow="fold")
            for f in profile.figures:
                value = f"{QUALIFIER_WORDS[f.qualifier]} {f.value} {f.unit or ''}".strip()
                table.add_row(_when(f.published), f.outlet or f.article, value, f.figure or "")
            console.print(table)
        console.print()


def _when(published: str | None) -> str:
    if not published:
        return "–"
    try:
        return datetime.fromisoformat(published).strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return published


def _iso(time: float) -> str:
    return datetime.fromtimestamp(time).isoformat()


def _number(value: float) -> str:
    if value >= 1e9:
        return f"{value / 1e9:.1f} Mrd."
    if value >= 1e6:
        return f"{value / 1e6:.1f} Mio."
    return f"{value:,.0f}".replace(",", ".")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Finding what a user asks for among the links: figures by the words of what they count, a
quote trail by its id or words, in one place so that the CLI and the web pages agree."""

from __future__ import annotations

from quellenlage.linking.model import CorpusFigure, CorpusLinks, QuoteTrail
from quellenlage.linking.words import WORD, stem


def figures_matching(links: CorpusLinks, words: list[str]) -> list[CorpusFigure]:
    """Figures whose label, unit, values, sources or evidence contain every word (stems compared,
    so "Teilnehmer" finds "Teilnehmenden"), most reported first."""
    wanted = [w for w in words if w.strip()]
    found = [f for f in links.figures if all(_contains(_words_of(f), w) for w in wanted)]
    return sorted(found, key=lambda f: (-f.independent, -len(f.claims), f.id))


def trail_by(links: CorpusLinks, query: str) -> list[QuoteTrail]:
    """The trail with this id, else the trails whose words contain the query."""
    exact = [t for t in links.trails if t.id == query]
    if exact:
        return exact
    needle = query.casefold()
    found = [t for t in links.trails if any(needle in o.text.casefold() for o in t.occurrences)]
    return sorted(found, key=lambda t: (-len(t.occurrences), t.id))


def _words_of(figure: CorpusFigure) -> tuple[str, set[str]]:
    parts = [figure.label, figure.unit or "", *figure.sources]
    for claim in figure.claims:
        parts += [claim.value, claim.unit or "", claim.evidence]
    text = " ".join(parts)
    return text.casefold(), {stem(w) for w in WORD.findall(text)}


def _contains(words: tuple[str, set[str]], query: str) -> bool:
    text, stems = words
    return query.casefold() in text or stem(query) in stems

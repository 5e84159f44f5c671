"""Finding what a user asks for among the links: figures by the words of what they count, a
quote trail by its id or words, and the filters of the API and the pages (source, outlet,
status, story, time), in one place so that the CLI, the pages and the API agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from quellenlage.linking.model import ArticleMeta, CorpusFigure, CorpusLinks, FigureClaim, QuoteTrail, Story
from quellenlage.linking.stories import timestamp
from quellenlage.linking.words import WORD, stem


def figures_matching(links: CorpusLinks, words: list[str]) -> list[CorpusFigure]:
    """Figures whose label, unit, values, sources or evidence contain every word (stems compared,
    so "Teilnehmer" finds "Teilnehmenden"), most reported first."""
    wanted = [w for w in words if w.strip()]
    if not wanted:
        found = list(links.figures)
    else:
        pairs = zip(links.figures, _figure_words(links), strict=True)
        needles = [(w.casefold(), stem(w)) for w in wanted]  # once per search, not once per figure
        found = [f for f, words_of in pairs if _has_all(words_of, needles)]
    return sorted(found, key=lambda f: (-f.independent, -len(f.claims), f.id))


# The words of each figure of the latest links (a server asks for them with every search; making
# them takes 1.5 s on 7,000 figures): (the links they belong to, their words).
_WORDS: list[tuple[CorpusLinks, list[tuple[str, set[str]]]]] = []


def prepare_search(links: CorpusLinks) -> None:
    """Make the words `figures_matching` searches ahead (a server does it when it links)."""
    _figure_words(links)


def _figure_words(links: CorpusLinks) -> list[tuple[str, set[str]]]:
    for known, words in _WORDS:
        if known is links:
            return words
    words = [_words_of(f) for f in links.figures]
    _WORDS[:] = [(links, words)]
    return words


def _has_all(words: tuple[str, set[str]], needles: list[tuple[str, str]]) -> bool:
    """Whether a figure's words hold every needle (a query word case-folded, and its stem)."""
    text, stems = words
    return all(folded in text or stemmed in stems for folded, stemmed in needles)


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


# --------------------------------------------------------------------------- filters of the API and pages


@dataclass(frozen=True)
class Period:
    """Publication time bounds as naive UTC; a bare date as `until` covers its whole day (the
    corpus filters' reading, `quellenlage.corpus.filters.parse_when`)."""

    start: datetime | None = None
    stop: datetime | None = None
    stop_excluded: bool = False

    @classmethod
    def between(cls, since: str | None, until: str | None) -> Period:
        """Raises QuellenlageError for a bound that is no date."""
        if not since and not until:
            return cls()
        from quellenlage.corpus.filters import parse_when

        whole_day = bool(until) and len((until or "").strip()) <= 10
        return cls(parse_when(since), parse_when(until, end=True), whole_day)

    def admits(self, published: str | None) -> bool:
        if self.start is None and self.stop is None:
            return True
        moment = _utc(published)
        if moment is None:
            return False
        if self.start is not None and moment < self.start:
            return False
        return self.stop is None or (moment < self.stop if self.stop_excluded else moment <= self.stop)


def figures_where(
    links: CorpusLinks,
    *,
    words: list[str] | None = None,
    source: str | None = None,
    outlet: str | None = None,
    status: str | None = None,
    story: str | None = None,
    article: str | None = None,
    claim: str | None = None,
    divergent: bool | None = None,
    period: Period = Period(),
    order: str = "reported",
) -> list[CorpusFigure]:
    """Figures with a claim that meets every filter (source and outlet by part of the name, any
    case), most reported first (`order="reported"`) or latest claim first (`"latest"`)."""
    found = []
    by_claim = any((source, outlet, status, article, claim)) or period != Period()
    for figure in figures_matching(links, words or []):
        if story and figure.story != story:
            continue
        if divergent is not None and figure.divergent != divergent:
            continue
        if not by_claim or any(_claim_admits(c, source, outlet, status, article, claim, period) for c in figure.claims):
            found.append(figure)
    if order == "latest":
        found.sort(key=lambda f: max((timestamp(c.published) or 0.0 for c in f.claims), default=0.0), reverse=True)
    return found


def _claim_admits(
    c: FigureClaim,
    source: str | None,
    outlet: str | None,
    status: str | None,
    article: str | None,
    claim: str | None,
    period: Period,
) -> bool:
    return (
        _part_of(source, c.source)
        and _part_of(outlet, c.outlet)
        and (not status or c.status == status)
        and (not article or c.article == article)
        and (not claim or c.claim == claim)
        and period.admits(c.published)
    )


def stories_where(
    links: CorpusLinks,
    metas: dict[str, ArticleMeta],
    *,
    words: str | None = None,
    outlet: str | None = None,
    article: str | None = None,
    period: Period = Period(),
) -> list[Story]:
    """Stories with an article that meets the filters (words in a title or in the story's
    names), latest first."""
    found = []
    for story in links.stories:
        members = [metas[a] for a in story.articles if a in metas]
        if words and not any(_part_of(words, m.title) for m in members) and not _part_of(words, " ".join(story.names)):
            continue
        if article and article not in story.articles:
            continue
        if any(_part_of(outlet, m.outlet) and period.admits(m.published) for m in members):
            found.append(story)
    return sorted(found, key=lambda s: timestamp(s.end) or 0.0, reverse=True)


def trails_where(
    links: CorpusLinks,
    *,
    speaker: str | None = None,
    words: str | None = None,
    outlet: str | None = None,
    story: str | None = None,
    article: str | None = None,
    period: Period = Period(),
) -> list[QuoteTrail]:
    """Quotation trails of a speaker (part of the name), with these words, in this story, most
    repeated first."""
    found = [
        t
        for t in links.trails
        if _part_of(speaker, t.speaker)
        and (not story or t.story == story)
        and (not words or any(_part_of(words, o.text) for o in t.occurrences))
        and any(
            _part_of(outlet, o.outlet) and (not article or o.article == article) and period.admits(o.published)
            for o in t.occurrences
        )
    ]
    return sorted(found, key=lambda t: (-t.independent, -len(t.occurrences), t.id))


def _part_of(needle: str | None, name: str | None) -> bool:
    return not needle or (name is not None and needle.casefold() in name.casefold())


def _utc(published: str | None) -> datetime | None:
    """A publication time as naive UTC, as the corpus stores it."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment

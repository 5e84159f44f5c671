"""The corpus linked across articles, as the pages and the API show it: corpus figures with their
lineage and chart, stories with their timeline, quotation trails.

The links come from `quellenlage.linking.store.corpus_links`, which keeps them in the process
until an article is added or changed; the lookups built on them here (the figure of a claim, the
trails of a quotation, each article's story) are kept beside them, so a page asks the database
only whether the corpus changed. A server links its corpus once when it starts (`warm`), so that
the first reader does not wait for it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

from fastapi import Request
from markupsafe import Markup

from quellenlage.model import Claim, Offsets, SourceRef, Span
from quellenlage.web.charts import ChartPoint, figure_chart
from quellenlage.web.labels import MAGNITUDES, STATUS, figure_title, german_number, label
from quellenlage.web.problems import Problem
from quellenlage.web.store import corpus_of, queried

if TYPE_CHECKING:
    from quellenlage.corpus import Corpus
    from quellenlage.linking.model import (
        ArticleDigest,
        ArticleMeta,
        CorpusFigure,
        CorpusLinks,
        FigureClaim,
        QuoteTrail,
        Story,
    )

log = logging.getLogger("quellenlage.web")

# The corpus contract's qualifiers (linking) in the analysis's words (the chart's).
ANALYSIS_QUALIFIERS = {"about": "approx", "up_to": "at_most"}
CORPUS_QUALIFIERS = {
    "exact": "genau",
    "more_than": "mehr als",
    "less_than": "weniger als",
    "about": "rund",
    "up_to": "bis zu",
    "at_least": "mindestens",
    "vague": "vage Größe",
    "range": "Spanne",
}
CHANGES = {
    "first": "Erstnennung",
    "repeat": "Wiederholung",
    "update": "Aktualisierung",
    "divergence": "Abweichung",
    "other": "weitere Angabe",
}
VARIANTS = {"verbatim": "wörtlich", "shortened": "gekürzt", "altered": "verändert"}


@dataclass
class LinkIndex:
    """A corpus's links and the lookups the pages need."""

    links: CorpusLinks
    articles: dict[str, ArticleMeta]
    figures: dict[str, CorpusFigure] = field(default_factory=dict)
    figure_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, claim id) -> figure
    stories: dict[str, Story] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)  # article -> story
    trails: dict[str, QuoteTrail] = field(default_factory=dict)
    trail_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, quote id) -> trail
    # story -> its figures, trails and wire groups, by id
    in_story: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, digests: list[ArticleDigest], links: CorpusLinks) -> LinkIndex:
        index = cls(links, {d.meta.id: d.meta for d in digests})
        for story in links.stories:
            index.stories[story.id] = story
            index.in_story[story.id] = {"figures": [], "trails": [], "wire_groups": []}
            for article in story.articles:
                index.story_of[article] = story.id
        for figure in links.figures:
            index.figures[figure.id] = figure
            index._file("figures", figure.story, figure.id)
            for c in figure.claims:
                index.figure_of[(c.article, c.claim)] = figure.id
        for trail in links.trails:
            index.trails[trail.id] = trail
            index._file("trails", trail.story, trail.id)
            for o in trail.occurrences:
                # words quoted inside reported speech are quotation q3's words: q3.1, q3.2
                index.trail_of.setdefault((o.article, o.quote.split(".")[0]), trail.id)
        for group in links.wire_groups:
            index._file("wire_groups", index.story_of.get(group.articles[0]), group.id)
        return index

    def _file(self, kind: str, story: str | None, item: str) -> None:
        if story in self.in_story:
            self.in_story[story][kind].append(item)

    def story_title(self, story_id: str | None) -> str | None:
        story = self.stories.get(story_id or "")
        return story.title if story else None


_INDEXES: dict[str, tuple[CorpusLinks, LinkIndex]] = {}


def link_index(corpus: Corpus) -> LinkIndex:
    """The corpus's links with their lookups, built again only when the links changed."""
    try:
        from quellenlage.linking.store import corpus_links
    except ImportError as error:
        raise Problem(
            501, f"Verknüpfungen über Artikel brauchen das Extra linking: pip install 'quellenlage[linking]' ({error})"
        ) from error
    digests, links = corpus_links(corpus)
    return _index_of(corpus, digests, links)


def _index_of(corpus: Corpus, digests: list[ArticleDigest], links: CorpusLinks) -> LinkIndex:
    cached = _INDEXES.get(corpus.url)
    if cached is not None and cached[0] is links:
        return cached[1]
    from quellenlage.linking.select import prepare_search

    index = LinkIndex.of(digests, links)
    prepare_search(links)
    _INDEXES[corpus.url] = (links, index)
    return index


def ready_link_index(corpus: Corpus) -> LinkIndex | None:
    """The links when this process has them for the corpus as it is; else None, and the corpus is
    linked in the background (linking 2,000 articles takes a minute: the article, person and
    overview pages show what the corpus alone knows meanwhile instead of waiting). None without
    the linking extra."""
    try:
        from quellenlage.linking.store import current_links
    except ImportError:
        return None
    current = current_links(corpus)
    if current is None:
        warm(corpus)
        return None
    return _index_of(corpus, *current)


def linked(request: Request) -> LinkIndex:
    corpus = corpus_of(request)
    return queried(lambda: link_index(corpus))


_WARMING: dict[str, threading.Thread] = {}
_WARMING_LOCK = threading.Lock()


def warm(corpus: Corpus | None) -> threading.Thread | None:
    """Link the corpus in the background (one thread per corpus at a time), so that the pages
    that need links find them."""
    if corpus is None:
        return None

    def run() -> None:
        try:
            link_index(corpus)
        except Exception:  # a page will meet the same error and answer it
            log.warning("linking the corpus in the background failed", exc_info=True)

    with _WARMING_LOCK:
        running = _WARMING.get(corpus.url)
        if running is not None and running.is_alive():
            return running
        thread = threading.Thread(target=run, name="quellenlage-links", daemon=True)
        _WARMING[corpus.url] = thread
        thread.start()
    return thread


# ---- hrefs ---------------------------------------------------------------------------------------


def figure_page(figure_id: str) -> str:
    return f"/figures/{url_quote(figure_id, safe='')}"


def claim_figure_href(article: str, claim: str) -> str:
    """The corpus figure a claim belongs to, by the claim (stable while the corpus grows, where a
    figure's id is not)."""
    return "/figures/of?" + urlencode({"article": article, "claim": claim})


def claim_href(article: str, claim: str) -> str:
    return f"/articles/{url_quote(article, safe='')}#claim-{url_quote(claim, safe='')}"


def quote_href(article: str, quote: str) -> str:
    return f"/articles/{url_quote(article, safe='')}#q-{url_quote(quote.split('.')[0], safe='')}"


# ---- a corpus figure -----------------------------------------------------------------------------


@dataclass
class LineageRow:
    claim: FigureClaim
    value: str
    qualifier: str
    change: str
    status: str
    divergent: bool
    article_href: str


@dataclass
class FigurePageView:
    figure: CorpusFigure
    story_title: str | None
    first: FigureClaim
    rows: list[LineageRow]
    chart: Markup
    outlets: list[str]
    values: str


def figure_page_view(index: LinkIndex, figure: CorpusFigure) -> FigurePageView:
    rows = [
        LineageRow(
            claim=c,
            value=written_value(c),
            qualifier=label(CORPUS_QUALIFIERS, c.qualifier),
            change=label(CHANGES, c.change),
            status=label(STATUS, c.status) + (f" ({c.hedge})" if c.hedge else ""),
            divergent=c.change == "divergence",
            article_href=claim_href(c.article, c.claim),
        )
        for c in figure.claims
    ]
    return FigurePageView(
        figure=figure,
        story_title=index.story_title(figure.story),
        first=figure.claims[0],
        rows=rows,
        chart=figure_chart(chart_points(figure), title=figure_title(figure.label), chart_id=f"chart-{figure.id}"),
        outlets=list(dict.fromkeys(c.outlet for c in figure.claims if c.outlet)),
        values=value_range(figure),
    )


def chart_points(figure: CorpusFigure) -> list[ChartPoint]:
    """One mark per article, source and value: a value an article repeats in headline, lead and
    body is one statement of its source, drawn once."""
    points: dict[tuple[str, str | None, str, str], ChartPoint] = {}
    for c in figure.claims:
        key = (c.article, c.source_key or c.source, c.value, c.qualifier)
        point = points.get(key)
        divergent = c.change == "divergence" or (point is not None and point.divergent)
        points[key] = ChartPoint(
            claim=_chart_claim(c),
            date=(c.published or "")[:10] or None,
            source=c.source or "Medium",
            outlet=c.outlet,
            divergent=divergent,
        )
    return list(points.values())


def _chart_claim(c: FigureClaim) -> Claim:
    """A corpus claim as the data model's Claim, so that one chart serves an article and the corpus."""
    return Claim(
        id=f"{c.article}/{c.claim}",
        value=c.number,
        low=c.low,
        high=c.high,
        magnitude=c.magnitude,
        qualifier=ANALYSIS_QUALIFIERS.get(c.qualifier, c.qualifier),
        unit=c.unit,
        source=SourceRef(id=None, name=c.source) if c.source else None,
        hedge=c.hedge,
        number=Span(start=c.start, end=c.end, text=c.value),
        status=c.status,
        evidence=c.evidence,
        evidence_span=Offsets(start=c.start, end=c.end),
    )


def written_value(c: FigureClaim) -> str:
    """The value with its qualifier, as a reader says it: "mehr als 10.000", "rund 1,2 Milliarden"."""
    words = {"more_than": "mehr als", "less_than": "weniger als", "about": "rund", "up_to": "bis zu"}
    words |= {"at_least": "mindestens"}
    prefix = words.get(c.qualifier)
    return f"{prefix} {c.value}" if prefix else c.value


def value_range(figure: CorpusFigure) -> str:
    """The lowest to the highest value the figure's claims give: "8.000 – 11.000"."""
    numbers = [c.number for c in figure.claims if c.number is not None]
    if not numbers:
        vague = next((c.magnitude for c in figure.claims if c.magnitude), None)
        return label(MAGNITUDES, vague) if vague else figure.claims[0].value
    low, high = min(numbers), max(numbers)
    return german_number(low) if low == high else f"{german_number(low)} – {german_number(high)}"


def latest_divergent(index: LinkIndex | None, limit: int = 8) -> list[tuple[CorpusFigure, str]]:
    """The figures whose sources disagree, latest first, with their range of values."""
    if index is None:
        return []
    from quellenlage.linking.select import figures_where

    return [(f, value_range(f)) for f in figures_where(index.links, divergent=True, order="latest")[:limit]]


# ---- lists and JSON ------------------------------------------------------------------------------


def figure_json(index: LinkIndex, figure: CorpusFigure) -> dict[str, Any]:
    first = figure.claims[0]
    return {
        **figure.model_dump(mode="json"),
        "story_title": index.story_title(figure.story),
        "first_appearance": {
            "article": first.article,
            "outlet": first.outlet,
            "published": first.published,
            "source": first.source,
            "value": first.value,
            "qualifier": first.qualifier,
        },
        "href": figure_page(figure.id),
    }


def story_json(index: LinkIndex, story: Story) -> dict[str, Any]:
    return {
        **story.model_dump(mode="json"),
        "timeline": [_article_json(index, article) for article in story.articles],
        **index.in_story.get(story.id, {}),
    }


def _article_json(index: LinkIndex, article: str) -> dict[str, Any]:
    meta = index.articles.get(article)
    return {
        "id": article,
        "title": meta.title if meta else None,
        "outlet": meta.outlet if meta else None,
        "published": meta.published if meta else None,
    }


T = TypeVar("T")


def page_of(found: Sequence[T], as_json: Callable[[T], dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list of links, as the corpus lists are paged (`store.page`), with the total:
    only the items shown are turned into JSON."""
    total = len(found)
    return {
        "items": [as_json(item) for item in found[offset : offset + limit]],
        "limit": limit,
        "offset": offset,
        "total": total,
        "next_offset": offset + limit if offset + limit < total else None,
    }

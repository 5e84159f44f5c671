"""The linker: takes article digests one at a time and keeps the corpus linked.

Wire copies, stories and quote trails are decided when an article arrives (each against a few
candidates from an index); figures are grouped per story when the links are asked for, and a
story's figures are recomputed only when the story gained articles since the last time. Adding
articles in publication order gives the most natural story and trail order, but any order works.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from quellenlage.linking.figures import Item, cluster
from quellenlage.linking.lineage import changes, figure_claim, timeline
from quellenlage.linking.model import (
    ArticleDigest,
    CorpusFigure,
    CorpusLinks,
    QuoteTrail,
    Story,
    TrailOccurrence,
    WireGroup,
)
from quellenlage.linking.stories import StoryIndex, timestamp
from quellenlage.linking.trails import Entry, TrailIndex, full_form, is_person, variant
from quellenlage.linking.wire import WireIndex


class Linker:
    def __init__(self) -> None:
        self.digests: dict[str, ArticleDigest] = {}
        self._wire = WireIndex()
        self._wire_parent: dict[str, str] = {}
        self._wire_similarity: dict[str, float] = {}
        self._stories = StoryIndex()
        self._trails = TrailIndex()
        self._figures: dict[str, tuple[tuple[str, ...], list[CorpusFigure]]] = {}

    def add(self, digest: ArticleDigest) -> None:
        article = digest.meta.id
        if article in self.digests:
            raise ValueError(f"article {article!r} was linked already")
        self.digests[article] = digest
        copies = self._wire.add(digest)
        for other, similarity in copies:
            self._union(article, other, similarity)
        copy_of = max(copies, key=lambda c: c[1])[0] if copies else None
        story = self._stories.add(digest, copy_of)
        time = timestamp(digest.meta.published)
        for quote in digest.quotes:
            self._trails.add(Entry.of(article, quote, story, time))

    def add_all(self, digests: Iterable[ArticleDigest]) -> None:
        ordered = sorted(digests, key=lambda d: (timestamp(d.meta.published) or 0.0, d.meta.id))
        for digest in ordered:
            self.add(digest)

    # --- wire groups (union-find over copy pairs)

    def _find(self, article: str) -> str:
        while article in self._wire_parent:
            article = self._wire_parent[article]
        return article

    def _union(self, a: str, b: str, similarity: float) -> None:
        ra, rb = self._find(a), self._find(b)
        low = min(similarity, self._wire_similarity.get(ra, 1.0), self._wire_similarity.get(rb, 1.0))
        if ra != rb:
            self._wire_parent[rb] = ra
        self._wire_similarity[ra] = low

    def wire_groups(self) -> list[WireGroup]:
        members: dict[str, list[str]] = {}
        for article in self.digests:
            if article in self._wire_parent or article in self._wire_similarity:
                members.setdefault(self._find(article), []).append(article)
        groups: list[WireGroup] = []
        for root, articles in members.items():
            if len(articles) < 2:
                continue
            articles = self._by_time(articles)
            agencies = Counter(a for a in (self.digests[x].agency for x in articles) if a)
            groups.append(
                WireGroup(
                    id=f"w{len(groups) + 1}",
                    articles=articles,
                    agency=agencies.most_common(1)[0][0] if agencies else None,
                    similarity=round(self._wire_similarity.get(root, 1.0), 3),
                )
            )
        return groups

    def _by_time(self, articles: Iterable[str]) -> list[str]:
        return sorted(articles, key=lambda a: (timestamp(self.digests[a].meta.published) or 0.0, a))

    # --- results

    def links(self) -> CorpusLinks:
        wire = self.wire_groups()
        wire_of = {a: g.id for g in wire for a in g.articles}
        stories = self.stories()
        return CorpusLinks(
            wire_groups=wire,
            stories=stories,
            trails=self.trails(wire_of),
            figures=[f for story in stories for f in self.figures(story, wire_of)],
        )

    def stories(self) -> list[Story]:
        found: list[Story] = []
        for story_id, members in self._stories.members.items():
            articles = self._by_time(members)
            first = self.digests[articles[0]].meta
            names = Counter[str]()
            for a in articles:
                names.update({t: c for t, c in self.digests[a].terms.items() if not t.startswith("@")})
            found.append(
                Story(
                    id=story_id,
                    title=first.title or articles[0],
                    articles=articles,
                    start=first.published,
                    end=self.digests[articles[-1]].meta.published,
                    names=[t for t, _ in names.most_common(8)],
                )
            )
        return found

    def trails(self, wire_of: dict[str, str]) -> list[QuoteTrail]:
        found: list[QuoteTrail] = []
        for entries in self._trails.trails:
            reference = full_form(entries)
            ordered = sorted(entries, key=lambda e: (e.time is None, e.time or 0.0, e.article, e.quote.start))
            occurrences = [self._occurrence(e, variant(e, reference), wire_of) for e in ordered]
            units = {o.wire_group or o.article for o in occurrences}
            speaker = next((e.quote for e in ordered if is_person(e.quote.speaker_key)), reference.quote)
            first = occurrences[0]
            found.append(
                QuoteTrail(
                    id=f"q{len(found) + 1}",
                    speaker=speaker.speaker,
                    speaker_key=speaker.speaker_key,
                    story=reference.story,
                    text=reference.quote.text,
                    occurrences=occurrences,
                    origin=first.agency or first.outlet,
                    independent=len(units),
                )
            )
        return found

    def _occurrence(self, entry: Entry, label: str, wire_of: dict[str, str]) -> TrailOccurrence:
        meta = self.digests[entry.article].meta
        q = entry.quote
        return TrailOccurrence(
            article=entry.article,
            outlet=meta.outlet,
            published=meta.published,
            agency=q.agency,
            wire_group=wire_of.get(entry.article),
            start=q.start,
            end=q.end,
            quote=q.id,
            text=q.text,
            variant=label,
            speaker=q.speaker,
        )

    def figures(self, story: Story, wire_of: dict[str, str]) -> list[CorpusFigure]:
        """The story's figures, recomputed only when the story changed."""
        key = tuple(story.articles)
        cached = self._figures.get(story.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        items = [
            Item(article, timestamp(self.digests[article].meta.published), claim)
            for article in story.articles
            for claim in self.digests[article].claims
        ]
        figures: list[CorpusFigure] = []
        for group in cluster(items):
            ordered = timeline(group)
            labels = changes(ordered)
            claims = [
                figure_claim(i, label, self._meta(i.article, wire_of)) for i, label in zip(ordered, labels, strict=True)
            ]
            units = {c.wire_group or c.article for c in claims}
            sources = list(dict.fromkeys(c.source for c in claims if c.source))
            figures.append(
                CorpusFigure(
                    id=f"{story.id}f{len(figures) + 1}",
                    story=story.id,
                    label=_label(group),
                    measure=group[0].claim.measure,
                    unit=Counter(i.claim.unit for i in group if i.claim.unit).most_common(1)[0][0]
                    if any(i.claim.unit for i in group)
                    else None,
                    claims=claims,
                    sources=sources,
                    independent=len(units),
                    divergent="divergence" in labels,
                )
            )
        self._figures[story.id] = (key, figures)
        return figures

    def _meta(self, article: str, wire_of: dict[str, str]) -> dict[str, str | None]:
        digest = self.digests[article]
        return {
            "outlet": digest.meta.outlet,
            "published": digest.meta.published,
            "agency": digest.agency,
            "wire_group": wire_of.get(article),
        }


def _label(group: list[Item]) -> str:
    kinds = Counter(i.claim.kind for i in group if i.claim.kind)
    units = Counter(i.claim.unit for i in group if i.claim.unit)
    parts = [
        p for p in (kinds.most_common(1)[0][0] if kinds else None, units.most_common(1)[0][0] if units else None) if p
    ]
    return ": ".join(parts) if parts else group[0].claim.value


def link_articles(digests: Iterable[ArticleDigest]) -> CorpusLinks:
    """Link a whole corpus at once (in publication order)."""
    linker = Linker()
    linker.add_all(digests)
    return linker.links()

"""The corpus links in the exchange format of ../shared/corpus/FORMAT.md §5 (`corpus-json`):
figures with their claims, quote trails with their occurrences, wire-copy groups and stories."""

from __future__ import annotations

from typing import Any

from quellenlage.linking.model import CorpusLinks

HEDGED = frozenset({"claimed", "unverified"})


def corpus_json(links: CorpusLinks) -> dict[str, Any]:
    return {
        "figures": [
            {
                "id": figure.id,
                "label": figure.label,
                "claims": [
                    {
                        "article": c.article,
                        "value": c.value,
                        "start": c.start,
                        "qualifier": c.qualifier,
                        "source": c.source,
                        "hedged": c.status in HEDGED,
                        "status": c.status,
                    }
                    for c in figure.claims
                ],
            }
            for figure in links.figures
        ],
        "quotes": [
            {
                "id": trail.id,
                "speaker": trail.speaker,
                "occurrences": [
                    {"article": o.article, "text": o.text, "start": o.start, "variant": o.variant}
                    for o in trail.occurrences
                ],
            }
            for trail in links.trails
        ],
        "wire_copies": [group.articles for group in links.wire_groups],
        "stories": [{"id": story.id, "title": story.title, "articles": story.articles} for story in links.stories],
    }

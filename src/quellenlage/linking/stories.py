"""Stories: articles about the same real-world event, grouped as they arrive.

Each article is a TF-IDF vector of its nouns and names (entity keys count double). A new article
is compared with the earlier articles that share one of its most telling words and were
published within `WINDOW_DAYS` of it (an inverted index, so the work per article stays bounded
however large the corpus grows); it joins a story when its cosine similarity to one of the
story's articles reaches `JOIN` (`JOIN_ALONE` when they share no name of a person, organisation or
place below a country) and to the story's centroid `JOIN_CENTROID`, else it opens a new
story. This is single-pass clustering as in topic detection and tracking. An article that joins
two stories so bridges them: they become one (the follow-up that reports both the death toll
and the insurers' estimate). Wire copies always share a story.

An undated article has no time window to bound its candidates: it meets the latest
`UNDATED_POSTINGS` articles under each of its words (its neighbours in the order the corpus
arrives), and a dated article meets only that many undated ones, so that undated texts cost no
more per article in a large corpus than in a small one.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime

from quellenlage.linking.model import ArticleDigest

WINDOW_DAYS = 30.0
JOIN = 0.15
JOIN_CENTROID = 0.12
# Without a shared name below a country, only a much closer text joins.
JOIN_ALONE = 0.3
WIDE_NAME = "@country:"
RARE_NAME_DF = 10
RARE_NAME_SHARE = 0.02
BLOCKING_TERMS = 12
POSTINGS_LIMIT = 400
# Undated articles pass every time window: without a cap of their own each would be compared with
# up to BLOCKING_TERMS x POSTINGS_LIMIT others (46 ms per article at 4,000 articles, 3.7 at 1,000).
UNDATED_POSTINGS = 30
NAME_WEIGHT = 2.0


class StoryIndex:
    def __init__(self) -> None:
        self.story_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self._df: Counter[str] = Counter()
        self._vectors: dict[str, dict[str, float]] = {}
        self._tf: dict[str, dict[str, float]] = {}  # article -> sublinear term frequencies
        self._names: dict[str, frozenset[str]] = {}  # article -> names below a country
        self._idf: dict[str, float] = {}  # for the document frequencies as they are now
        self._times: dict[str, float | None] = {}
        self._postings: dict[str, list[str]] = {}  # term -> dated articles, in the order they came
        self._undated_postings: dict[str, list[str]] = {}  # term -> undated articles
        self._centroids: dict[str, dict[str, float]] = {}
        self._opened = 0

    def add(self, digest: ArticleDigest, copy_of: str | None = None) -> str:
        """File the article under a story (the one of `copy_of` when it is a wire copy)."""
        article = digest.meta.id
        if article in self.story_of:
            return self.story_of[article]
        counts = {term: count * (NAME_WEIGHT if term.startswith("@") else 1.0) for term, count in digest.terms.items()}
        self._df.update(counts.keys())
        self._idf = {}
        self._vectors[article] = counts
        self._tf[article] = _sublinear(counts)
        self._names[article] = frozenset(t for t in counts if t.startswith("@") and not t.startswith(WIDE_NAME))
        self._times[article] = timestamp(digest.meta.published)
        joined = self._joined_stories(article)
        if copy_of and copy_of in self.story_of and self.story_of[copy_of] not in joined:
            joined.insert(0, self.story_of[copy_of])
        story = self._merge(joined) if joined else None
        if story is None:
            self._opened += 1
            story = f"s{self._opened}"
            self.members[story] = []
            self._centroids[story] = {}
        self.story_of[article] = story
        self.members[story].append(article)
        _add(self._centroids[story], counts)
        postings = self._postings if self._times[article] is not None else self._undated_postings
        for term in self._top_terms(counts):
            postings.setdefault(term, []).append(article)
        return story

    def _joined_stories(self, article: str) -> list[str]:
        """The stories the article belongs to, the most similar first."""
        vector = self._tf_idf(self._tf[article])
        best: dict[str, float] = {}
        for other in sorted(self._candidates(article)):  # sorted: the same stories in every run
            similarity = cosine(vector, self._tf_idf(self._tf[other]))
            story = self.story_of[other]
            if similarity < JOIN_ALONE and not self._share_a_name(article, other):
                continue
            if similarity >= JOIN and similarity > best.get(story, 0.0):
                best[story] = similarity
        return [
            story
            for story in sorted(best, key=lambda s: -best[s])
            if cosine(vector, self._weighted(self._centroids[story])) >= JOIN_CENTROID
        ]

    def _merge(self, stories: list[str]) -> str:
        """One story of several: the oldest keeps its id, the others' articles move into it."""
        keep = min(stories, key=lambda s: int(s[1:]))
        for story in stories:
            if story == keep:
                continue
            for article in self.members.pop(story):
                self.story_of[article] = keep
                self.members[keep].append(article)
            _add(self._centroids[keep], self._centroids.pop(story))
        return keep

    def _share_a_name(self, a: str, b: str) -> bool:
        """Whether two articles name one person, organisation or place below a country that few
        articles name: two emergency landings or two riots are not one story unless they share
        where or who, and a capital or a governing party named everywhere tells nothing."""
        telling = max(RARE_NAME_DF, RARE_NAME_SHARE * len(self._vectors))
        return any(self._df[t] <= telling for t in self._names[a] & self._names[b])

    def _candidates(self, article: str) -> set[str]:
        """The earlier articles that share a telling word: the dated ones within the time window
        (an undated article has none: the latest few dated ones), and the latest few undated ones."""
        time = self._times[article]
        dated_limit = POSTINGS_LIMIT if time is not None else UNDATED_POSTINGS
        found: set[str] = set()
        for term in self._top_terms(self._vectors[article]):
            for other in self._postings.get(term, [])[-dated_limit:]:
                if other != article and _within(time, self._times[other]):
                    found.add(other)
            found.update(self._undated_postings.get(term, [])[-UNDATED_POSTINGS:])
        found.discard(article)
        return found

    def _top_terms(self, counts: dict[str, float]) -> list[str]:
        weighted = self._weighted(counts)
        return sorted(weighted, key=lambda t: (-weighted[t], t))[:BLOCKING_TERMS]

    def _weighted(self, counts: dict[str, float]) -> dict[str, float]:
        """Sublinear term frequency times smoothed inverse document frequency."""
        return self._tf_idf(_sublinear(counts))

    def _tf_idf(self, tf: dict[str, float]) -> dict[str, float]:
        # the inverse document frequencies are kept until the next article arrives: an article is
        # compared with dozens of others that share most of its words
        idf = self._idf
        total = len(self._vectors)
        weighted = {}
        for t, f in tf.items():
            w = idf.get(t)
            if w is None:
                w = idf[t] = 1 + math.log((1 + total) / (1 + self._df[t]))
            weighted[t] = f * w
        return weighted


def _sublinear(counts: dict[str, float]) -> dict[str, float]:
    return {t: 1 + math.log(c) for t, c in counts.items() if c > 0}


def _add(total: dict[str, float], counts: dict[str, float]) -> None:
    for term, count in counts.items():
        total[term] = total.get(term, 0.0) + count


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def timestamp(published: str | None) -> float | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).timestamp()
    except ValueError:
        return None


def _within(a: float | None, b: float | None) -> bool:
    return a is None or b is None or abs(a - b) <= WINDOW_DAYS * 86400

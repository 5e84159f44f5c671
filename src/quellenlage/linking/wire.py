"""Wire copies: one agency text reprinted by several outlets with small edits (another headline,
a sentence dropped, a local paragraph added).

Candidates come from MinHash LSH over the body's word 4-grams (datasketch), so a new article is
compared with the few texts that share many 4-grams with it, not with the whole corpus; each
candidate is then checked on the exact 4-gram sets. Two articles are copies when their 4-grams
overlap by a third (Jaccard), or when nine tenths of the shorter text's 4-grams stand in the longer
one and the shorter one has some length. Independent reports of one event share names and
figures, but rarely 4-grams: on the dev corpus copies score 0.50–0.60 and independent articles
of one story at most 0.05. Copies appear within days of each other (`WINDOW_DAYS`): the same
text a year later is an archive reprint, not a wire copy of today's news.
"""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from quellenlage.linking.model import ArticleDigest
from quellenlage.linking.stories import timestamp

NUM_PERM = 128
LSH_THRESHOLD = 0.2
MIN_JACCARD = 0.33
MIN_CONTAINMENT = 0.9
MIN_SHINGLES = 30
WINDOW_DAYS = 3.0


def _identity(value: int) -> int:
    return value


class WireIndex:
    """Near-duplicate texts, added one at a time."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._sets: dict[str, frozenset[int]] = {}
        self._times: dict[str, float | None] = {}

    def add(self, digest: ArticleDigest) -> list[tuple[str, float]]:
        """Register the article; return the earlier articles it copies or is copied by, with the
        Jaccard similarity of their texts."""
        article = digest.meta.id
        grams = frozenset(digest.shingles)
        if article in self._sets or not grams:
            return []
        signature = MinHash(num_perm=NUM_PERM, hashfunc=_identity)
        signature.update_batch(list(grams))
        time = timestamp(digest.meta.published)
        copies = []
        for other in sorted(self._lsh.query(signature)):
            other_time = self._times[other]
            if time is not None and other_time is not None and abs(time - other_time) > WINDOW_DAYS * 86400:
                continue
            similarity = _copy_similarity(grams, self._sets[other])
            if similarity is not None:
                copies.append((other, similarity))
        self._lsh.insert(article, signature)
        self._sets[article] = grams
        self._times[article] = time
        return copies


def _copy_similarity(a: frozenset[int], b: frozenset[int]) -> float | None:
    shared = len(a & b)
    jaccard = shared / len(a | b)
    shorter = min(len(a), len(b))
    if jaccard >= MIN_JACCARD or (shorter >= MIN_SHINGLES and shared / shorter >= MIN_CONTAINMENT):
        return jaccard
    return None

"""Across articles: figure lineage, quote trails, wire copies, stories and speakers.

The layer works on *digests*: the compact part of an article's analysis that linking needs
(`digest.digest_article`), computed once per article, so that a corpus of thousands of articles
is linked without re-reading every analysis. `Linker` takes digests one at a time
(incrementally, with blocking instead of all pairs) and `Linker.links()` gives the result.
Nothing here touches a database: the corpus store persists digests and calls these functions.
"""

from quellenlage.linking.digest import ArticleDigest, ArticleMeta, digest_article
from quellenlage.linking.linker import Linker, link_articles
from quellenlage.linking.model import CorpusFigure, CorpusLinks, QuoteTrail, Story, WireGroup

__all__ = [
    "ArticleDigest",
    "ArticleMeta",
    "CorpusFigure",
    "CorpusLinks",
    "Linker",
    "QuoteTrail",
    "Story",
    "WireGroup",
    "digest_article",
    "link_articles",
]

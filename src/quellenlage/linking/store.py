"""Linking a stored corpus: digests are computed once per revision and kept in the store
(`quellenlage.corpus.digests`), so linking a grown corpus digests only the new articles and
then links digests, never re-reading every analysis. The links of a corpus are kept in this
process until an article is added or changed, so that a server answers repeated questions from
memory."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from quellenlage.linking.digest import DIGEST_VERSION, digest_article
from quellenlage.linking.linker import link_articles
from quellenlage.linking.model import ArticleDigest, ArticleMeta, CorpusLinks

if TYPE_CHECKING:
    from quellenlage.corpus import Corpus


def corpus_digests(corpus: Corpus) -> list[ArticleDigest]:
    """Every current article's digest, in publication order; missing ones are made and stored."""
    from quellenlage.corpus.database import read_connection, write_transaction
    from quellenlage.corpus.digests import analyses_of, current_digests, save_digests

    with read_connection(corpus.engine) as connection:
        rows = list(current_digests(connection, DIGEST_VERSION))
    missing = [revision for _, revision, digest in rows if digest is None]
    made: dict[int, ArticleDigest] = {}
    if missing:
        with read_connection(corpus.engine) as connection:
            for revision, record, analysis in analyses_of(connection, missing):
                meta = ArticleMeta(
                    id=record.id, outlet=record.outlet, url=record.url, published=record.published, title=record.title
                )
                made[revision] = digest_article(meta, analysis)
        with write_transaction(corpus.engine) as connection:
            save_digests(connection, DIGEST_VERSION, ((rev, d.model_dump_json()) for rev, d in made.items()))
    return [
        made[revision] if digest is None else ArticleDigest.model_validate_json(digest)
        for _, revision, digest in rows
        if digest is not None or revision in made
    ]


_LINKED: dict[str, tuple[tuple[int, int, int], list[ArticleDigest], CorpusLinks]] = {}
# One linking at a time per process: a server's threads asking at once wait for one result
# instead of each linking the corpus.
_LINKING = threading.Lock()


def current_links(corpus: Corpus) -> tuple[list[ArticleDigest], CorpusLinks] | None:
    """The corpus's digests and links when this process has them for the corpus as it is now,
    else None (without linking: a page that can do without them need not wait a minute)."""
    from quellenlage.corpus.database import read_connection
    from quellenlage.corpus.digests import revisions_fingerprint

    with read_connection(corpus.engine) as connection:
        state = revisions_fingerprint(connection)
    cached = _LINKED.get(corpus.url)
    return (cached[1], cached[2]) if cached is not None and cached[0] == state else None


def corpus_links(corpus: Corpus) -> tuple[list[ArticleDigest], CorpusLinks]:
    """The corpus's digests and links; linked again only when its articles changed since the
    last call in this process."""
    from quellenlage.corpus.database import read_connection
    from quellenlage.corpus.digests import revisions_fingerprint

    with read_connection(corpus.engine) as connection:
        state = revisions_fingerprint(connection)
    cached = _LINKED.get(corpus.url)
    if cached is not None and cached[0] == state:
        return cached[1], cached[2]
    with _LINKING:
        cached = _LINKED.get(corpus.url)
        if cached is not None and cached[0] == state:
            return cached[1], cached[2]
        digests = corpus_digests(corpus)
        links = link_articles(digests)
        _LINKED[corpus.url] = (state, digests, links)
    return digests, links

"""`Corpus`: the Python face of the store, what the CLI, the web app and the other layers call."""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Iterator
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine

from quellenlage.corpus import digests, entity_queries, queries
from quellenlage.corpus import search as full_text
from quellenlage.corpus.database import (
    create_corpus_engine,
    database_url,
    describe,
    read_connection,
    upgrade,
    write_transaction,
)
from quellenlage.corpus.filters import DateLike
from quellenlage.corpus.ingest import ingest
from quellenlage.corpus.reanalyze import reanalyze
from quellenlage.corpus.records import (
    ArticleRecord,
)
from quellenlage.model import Analysis

P = ParamSpec("P")
R = TypeVar("R")


def _reading(query: Callable[Concatenate[Connection, P], R]) -> Callable[Concatenate[Corpus, P], R]:
    """A query function of the corpus as a method: it runs on a read connection of the corpus."""

    @functools.wraps(query)
    def method(corpus: Corpus, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with read_connection(corpus.engine) as connection:
            return query(connection, *args, **kwargs)

    return _own_signature(method, query)


def _on_engine(function: Callable[Concatenate[Engine, P], R]) -> Callable[Concatenate[Corpus, P], R]:
    """A function that writes to the corpus (ingest, reanalyze) as a method: it gets the engine."""

    @functools.wraps(function)
    def method(corpus: Corpus, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return function(corpus.engine, *args, **kwargs)

    return _own_signature(method, function)


def _own_signature(method: Callable[..., R], function: Callable[..., R]) -> Callable[..., R]:
    """help() shows the method's own arguments: the function's, with `self` for its first."""
    signature = inspect.signature(function)
    self = inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)
    method.__signature__ = signature.replace(parameters=[self, *list(signature.parameters.values())[1:]])  # type: ignore[attr-defined]
    return method


class Corpus:
    """A corpus database: SQLite file path, `sqlite:///…` or `postgresql://…` URL; None means
    `QUELLENLAGE_DB` or `./quellenlage.db`. Opening creates or upgrades the schema.

    >>> corpus = Corpus("news.db")
    >>> corpus.ingest(["articles.jsonl"], workers=2)
    >>> for quote in corpus.quotes(speaker="Selenskyj", since="2024-11-01"):
    ...     print(quote.published, quote.content)
    """

    def __init__(self, url: str | os.PathLike[str] | None = None) -> None:
        self.url = database_url(url)
        self.engine = create_corpus_engine(self.url)
        upgrade(self.engine)

    def __repr__(self) -> str:
        return f"Corpus({describe(self.url)!r})"

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------------------------

    ingest = _on_engine(ingest)
    reanalyze = _on_engine(reanalyze)

    # -- reading: each a query function of `queries`, `entity_queries` or `search`, on a connection of
    # its own; the signatures are the functions' (one place says what a filter is)

    def analysis(self, article_id: str, revision: int | None = None) -> Analysis | None:
        stored = self.article(article_id, revision)
        return stored.analysis if stored else None

    def iter_analyses(
        self, *, outlet: str | None = None, since: DateLike = None, until: DateLike = None
    ) -> Iterator[tuple[ArticleRecord, Analysis]]:
        """Every article's current analysis in publication order, streamed (for the linking layer)."""
        with read_connection(self.engine) as connection:
            yield from queries.iter_articles(connection, outlet=outlet, since=since, until=until)

    stats = _reading(queries.stats)
    outlets = _reading(queries.outlets)
    articles = _reading(queries.articles)
    article = _reading(queries.article)
    quotes = _reading(queries.quotes)
    claims = _reading(queries.claims)
    entities = _reading(entity_queries.entities)
    entity = _reading(entity_queries.entity)
    search = _reading(full_text.search)
    failures = _reading(queries.failures)
    # what changes whenever an article is added, revised or removed (kept pages and links use it)
    state = _reading(digests.revisions_fingerprint)

    def clear_failures(self) -> int:
        """Forget the recorded failures (so the next ingest tries those records again)."""
        from sqlalchemy import delete

        from quellenlage.corpus.tables import failures

        with write_transaction(self.engine) as connection:
            return int(connection.execute(delete(failures)).rowcount)

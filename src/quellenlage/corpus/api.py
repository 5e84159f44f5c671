"""`Corpus`: the Python face of the store, what the CLI, the web app and the other layers call."""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection

from quellenlage.corpus import entity_queries, queries
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
from quellenlage.corpus.ingest import IngestReport, Progress, ingest
from quellenlage.corpus.reanalyze import ReanalyzeReport, reanalyze
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

    signature = inspect.signature(query)  # help() shows the method's own arguments, not a connection
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

    def ingest(
        self,
        sources: Iterable[str | os.PathLike[str]],
        *,
        workers: int = 1,
        keep_text: bool = True,
        progress: Progress | None = None,
        total: int | None = None,
        stdin: IO[bytes] | None = None,
    ) -> IngestReport:
        """Analyse and store files, folders, JSONL, CSV, WARC ("-": standard input). Idempotent:
        what is stored is skipped, a changed text at a known URL becomes a new revision."""
        return ingest(
            self.engine, sources, workers=workers, keep_text=keep_text, progress=progress, total=total, stdin=stdin
        )

    def reanalyze(
        self,
        *,
        everything: bool = False,
        workers: int = 1,
        progress: Callable[[ReanalyzeReport], None] | None = None,
    ) -> ReanalyzeReport:
        """Analyse again the revisions an older pipeline or model analysed (all with `everything`)."""
        return reanalyze(self.engine, everything=everything, workers=workers, progress=progress)

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

    def clear_failures(self) -> int:
        """Forget the recorded failures (so the next ingest tries those records again)."""
        from sqlalchemy import delete

        from quellenlage.corpus.tables import failures

        with write_transaction(self.engine) as connection:
            return int(connection.execute(delete(failures)).rowcount)

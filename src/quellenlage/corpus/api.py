"""`Corpus`: the Python face of the store, what the CLI, the web app and the other layers call."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from quellenlage.corpus import queries, search
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
    ClaimRecord,
    CorpusStats,
    EntityRecord,
    FailureRecord,
    QuoteRecord,
    SearchHit,
    StoredArticle,
)
from quellenlage.model import Analysis


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

    # -- reading -------------------------------------------------------------------------------

    def stats(self) -> CorpusStats:
        with read_connection(self.engine) as connection:
            return queries.stats(connection)

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        text: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[ArticleRecord]:
        with read_connection(self.engine) as connection:
            return queries.articles(
                connection, outlet=outlet, since=since, until=until, text=text, limit=limit, offset=offset
            )

    def article(self, article_id: str, revision: int | None = None) -> StoredArticle | None:
        """One article: its metadata, the analysis of its current (or numbered) revision, its history."""
        with read_connection(self.engine) as connection:
            return queries.article(connection, article_id, revision)

    def analysis(self, article_id: str, revision: int | None = None) -> Analysis | None:
        stored = self.article(article_id, revision)
        return stored.analysis if stored else None

    def iter_analyses(
        self, *, outlet: str | None = None, since: DateLike = None, until: DateLike = None
    ) -> Iterator[tuple[ArticleRecord, Analysis]]:
        """Every article's current analysis in publication order, streamed (for the linking layer)."""
        with read_connection(self.engine) as connection:
            yield from queries.iter_articles(connection, outlet=outlet, since=since, until=until)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        words: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[QuoteRecord]:
        with read_connection(self.engine) as connection:
            return queries.quotes(
                connection,
                speaker=speaker,
                words=words,
                kind=kind,
                status=status,
                outlet=outlet,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
            )

    def claims(
        self,
        *,
        counts: str | None = None,
        source: str | None = None,
        qualifier: str | None = None,
        hedged: bool | None = None,
        status: str | None = None,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[ClaimRecord]:
        with read_connection(self.engine) as connection:
            return queries.claims(
                connection,
                counts=counts,
                source=source,
                qualifier=qualifier,
                hedged=hedged,
                status=status,
                outlet=outlet,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
            )

    def entities(
        self,
        *,
        type: str | None = None,
        name: str | None = None,
        order: str = "mentions",
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        limit: int | None = 50,
    ) -> list[EntityRecord]:
        with read_connection(self.engine) as connection:
            return queries.entities(
                connection, type=type, name=name, order=order, outlet=outlet, since=since, until=until, limit=limit
            )

    def search(
        self,
        words: str,
        *,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        with read_connection(self.engine) as connection:
            return search.search(connection, words, outlet=outlet, since=since, until=until, limit=limit, offset=offset)

    def failures(self, *, reason: str | None = None, limit: int | None = 100) -> list[FailureRecord]:
        with read_connection(self.engine) as connection:
            return queries.failures(connection, reason=reason, limit=limit)

    def clear_failures(self) -> int:
        """Forget the recorded failures (so the next ingest tries those records again)."""
        from sqlalchemy import delete

        from quellenlage.corpus.tables import failures

        with write_transaction(self.engine) as connection:
            return int(connection.execute(delete(failures)).rowcount)

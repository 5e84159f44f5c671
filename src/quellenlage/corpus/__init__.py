"""The corpus store: many articles in SQLite or PostgreSQL, their facts as rows, and the queries.

Needs the `corpus` extra (`pip install quellenlage[corpus]`). The public API:

- `Corpus(url)`: open (create, upgrade) a corpus; `.ingest(sources)`, `.reanalyze()`, and the
  queries `.articles()`, `.article(id)`, `.analysis(id)`, `.iter_analyses()`, `.quotes()`,
  `.claims()`, `.entities()`, `.entity(ref)`, `.search()`, `.failures()`, `.stats()`, `.outlets()`.
- the records they return (`ArticleRecord`, `QuoteRecord`, …) and `CorpusError`.

See `corpus/README.md` for the tables and how other layers add theirs.
"""

from quellenlage.corpus.api import Corpus
from quellenlage.corpus.database import CorpusError
from quellenlage.corpus.ingest import IngestReport
from quellenlage.corpus.records import (
    ArticleRecord,
    ClaimRecord,
    CorpusStats,
    EntityRecord,
    FailureRecord,
    OutletRecord,
    QuoteRecord,
    RevisionRecord,
    SearchHit,
    StoredArticle,
)

__all__ = [
    "ArticleRecord",
    "ClaimRecord",
    "Corpus",
    "CorpusError",
    "CorpusStats",
    "EntityRecord",
    "FailureRecord",
    "IngestReport",
    "OutletRecord",
    "QuoteRecord",
    "RevisionRecord",
    "SearchHit",
    "StoredArticle",
]

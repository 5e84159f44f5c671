"""What the corpus queries return: small typed records, the same for the CLI, the web app and Python.

Each has `as_dict()` (JSON-ready: datetimes as ISO strings) and `COLUMNS`, the fields a table or
CSV shows, in order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any, ClassVar

from quellenlage.model import Analysis


class _Record:
    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in asdict(self).items()}  # type: ignore[call-overload]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]


@dataclass(frozen=True)
class ArticleRecord(_Record):
    id: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    revisions: int
    revision_id: int | None
    words: int | None = None
    pipeline_version: str | None = None
    has_text: bool = True

    COLUMNS: ClassVar[tuple[str, ...]] = ("id", "published", "outlet", "title", "revisions", "words")


@dataclass(frozen=True)
class RevisionRecord(_Record):
    id: int
    number: int
    text_hash: str
    title: str | None
    published: str | None
    retrieved: datetime | None
    ingested_at: datetime
    source: str | None
    words: int
    pipeline_version: str
    model_version: str
    schema_version: str
    analysed_at: datetime
    has_text: bool

    COLUMNS: ClassVar[tuple[str, ...]] = ("number", "retrieved", "words", "pipeline_version", "text_hash")


@dataclass(frozen=True)
class StoredArticle:
    """One article with its current analysis and every revision's metadata."""

    article: ArticleRecord
    analysis: Analysis
    revision: RevisionRecord
    revisions: list[RevisionRecord]
    # the corpus entity of each entity of the analysis (local id e1, e2, … -> entities.id)
    entity_ids: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class QuoteRecord(_Record):
    article_id: str
    quote_id: str
    kind: str
    speaker: str | None
    speaker_entity: int | None
    speaker_qid: str | None
    cue: str | None
    content: str
    status: str
    confidence: float | None
    outlet: str | None
    published: str | None
    start: int
    end: int

    COLUMNS: ClassVar[tuple[str, ...]] = ("article_id", "published", "outlet", "speaker", "kind", "content")


@dataclass(frozen=True)
class ClaimRecord(_Record):
    article_id: str
    claim_id: str
    figure: str | None
    number: str
    value: float | None
    qualifier: str
    unit: str | None
    about: str | None
    source: str | None
    source_entity: int | None
    source_qid: str | None
    hedge: str | None
    status: str
    evidence: str
    outlet: str | None
    published: str | None
    start: int
    end: int

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "article_id",
        "published",
        "number",
        "qualifier",
        "unit",
        "source",
        "status",
        "evidence",
    )


@dataclass(frozen=True)
class EntityRecord(_Record):
    id: int
    key: str
    name: str
    type: str
    kind: str | None
    qid: str | None
    country: str | None
    articles: int
    mentions: int
    quotes: int
    claims: int

    COLUMNS: ClassVar[tuple[str, ...]] = ("id", "name", "type", "qid", "articles", "mentions", "quotes", "claims")


@dataclass(frozen=True)
class SearchHit(_Record):
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: str

    COLUMNS: ClassVar[tuple[str, ...]] = ("article_id", "published", "outlet", "title", "snippet")


@dataclass(frozen=True)
class FailureRecord(_Record):
    id: int
    source: str
    reason: str
    message: str
    attempts: int
    first_seen: datetime
    last_seen: datetime
    pipeline_version: str

    COLUMNS: ClassVar[tuple[str, ...]] = ("id", "source", "reason", "message", "attempts")


@dataclass(frozen=True)
class CorpusStats(_Record):
    articles: int
    revisions: int
    failures: int
    entities: int
    quotes: int
    claims: int
    words: int
    outlets: int = 0
    first_published: datetime | None = None  # the time range of the articles' publication (UTC)
    last_published: datetime | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "articles",
        "revisions",
        "failures",
        "entities",
        "quotes",
        "claims",
        "words",
        "outlets",
        "first_published",
        "last_published",
    )


@dataclass(frozen=True)
class OutletRecord(_Record):
    outlet: str | None
    articles: int
    first_published: datetime | None
    last_published: datetime | None

    COLUMNS: ClassVar[tuple[str, ...]] = ("outlet", "articles", "first_published", "last_published")

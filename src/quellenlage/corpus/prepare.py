"""The work of one ingest worker: a source record in, a stored-ready article or a failure out.

It runs in the worker processes (or in the ingesting process with one worker): reading, the
analysis and turning it into rows all happen here, so the process that writes to the database
only maps entities and inserts. Nothing raised here escapes: every error becomes a `Failure`
with a reason and a readable message.
"""

from __future__ import annotations

import re
import signal
import traceback
from dataclasses import dataclass
from datetime import UTC, date, datetime

from quellenlage.corpus.facts import Facts, analysis_facts, compress_analysis
from quellenlage.corpus.keys import article_key, url_host
from quellenlage.corpus.versions import Versions, current_versions
from quellenlage.errors import InputError
from quellenlage.inputs import SourceRecord
from quellenlage.model import Analysis

# InputError messages and the reason they are filed under in the failures table.
REASONS = (
    ("more than the limit", "too_large"),
    ("larger than the limit", "too_large"),
    ("is empty", "empty"),
    ("looks binary", "binary"),
    ("does not look German", "not_german"),
    ("not text in any encoding", "encoding"),
    ("HTML could not be parsed", "html"),
    ("no article text found", "no_text"),
)


@dataclass
class RecordMeta:
    """Who the record is, known before any analysis (the writer's skip check needs it)."""

    locator: str
    key: str
    text_hash: str
    record_id: str | None
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    retrieved: datetime | None


@dataclass
class Prepared:
    meta: RecordMeta
    text: str | None
    title: str | None
    outlet: str | None
    published: str | None
    published_at: datetime | None
    input_format: str
    words: int
    versions: Versions
    analysis: bytes
    facts: Facts
    warnings: list[str]


@dataclass
class Failure:
    meta: RecordMeta
    reason: str
    message: str
    detail: str | None = None


def record_meta(record: SourceRecord) -> RecordMeta:
    text_hash = record.sha256
    return RecordMeta(
        locator=record.locator,
        key=article_key(record.url, record.id, record.file, text_hash),
        text_hash=text_hash,
        record_id=record.id,
        url=record.url,
        outlet=record.outlet,
        published=record.published,
        title=record.title,
        retrieved=_parse_datetime(record.retrieved),
    )


def init_worker() -> None:
    """Worker start: Ctrl-C is the parent's to handle; load the model once, before the first task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from quellenlage.language.annotate import load_pipeline

    load_pipeline()
    current_versions()


def prepare(record: SourceRecord, meta: RecordMeta, keep_text: bool = True) -> Prepared | Failure:
    """Read and analyse one record; never raises."""
    if record.error:
        return Failure(meta, record.reason or "record", record.error)
    try:
        return _prepare(record, meta, keep_text)
    except InputError as error:
        return Failure(meta, failure_reason(str(error)), str(error))
    except MemoryError:
        return Failure(meta, "memory", "the article needed more memory than there is")
    except Exception as error:  # a defect of ours: keep the traceback for the report, go on
        return Failure(
            meta,
            "internal",
            f"the analysis failed ({type(error).__name__}: {error}); please report it",
            traceback.format_exc(limit=20),
        )


def _prepare(record: SourceRecord, meta: RecordMeta, keep_text: bool) -> Prepared:
    from quellenlage.pipeline import analyze
    from quellenlage.reading import read_article

    assert record.content is not None
    article = read_article(record.content)
    warnings: list[str] = []
    published_at = _parse_datetime(record.published)
    if record.published and published_at is None:
        warnings.append(f"the record's published {record.published!r} is no ISO date; ignored")
    published = record.published if published_at else None
    if published_at is None and article.published:
        published, published_at = article.published, _parse_datetime(article.published)
    reference: date | None = _local_date(published) if published else None
    analysis = analyze(article, reference)
    analysis.warnings[:0] = warnings
    outlet = record.outlet or article.site or url_host(record.url)
    return prepared_from_analysis(meta, analysis, published, outlet, record.title, keep_text)


def prepared_from_analysis(
    meta: RecordMeta,
    analysis: Analysis,
    published: str | None,
    outlet: str | None,
    title: str | None,
    keep_text: bool = True,
) -> Prepared:
    """A stored-ready article from an analysis made before: here, or by `quellenlage batch`
    (`quellenlage load`). `published` is kept when it is an ISO date or time."""
    published_at = _parse_datetime(published)
    return Prepared(
        meta=meta,
        text=analysis.text if keep_text else None,
        title=title or analysis.title,
        outlet=outlet,
        published=published if published_at else None,
        published_at=published_at,
        input_format=analysis.input_format,
        words=len(analysis.text.split()),
        versions=current_versions(),
        analysis=compress_analysis(analysis, keep_text=keep_text),
        facts=analysis_facts(analysis, keep_text=keep_text),
        warnings=analysis.warnings,
    )


def failure_reason(message: str) -> str:
    """The failures table's reason for an InputError message."""
    return next((reason for needle, reason in REASONS if needle in message), "input")


def _parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 date or time as naive UTC (the stored form); None when it is none."""
    if not value:
        return None
    text = value.strip().replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", value.strip()) else value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _local_date(value: str) -> date | None:
    """The calendar date where the article appeared: the date part as written, offset and all."""
    match = re.match(r"(\d{4}-\d\d-\d\d)", value.strip())
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None

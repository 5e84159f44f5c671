"""One article as the input gave it (`SourceRecord`), and how named fields become one.

Fields of a JSONL line, CSV row or Parquet row are found by the names tools give them (news-please,
Media Cloud, GDELT-style dumps), case-insensitively, the first name with a value winning; a caller
may name the column of a field itself (`quellenlage batch --field text=body`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# The names tried, in order, for each field of an article.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "guid"),
    "text": ("text", "html", "maintext", "body", "content", "raw_html"),
    "url": ("url", "link", "uri"),
    "outlet": ("outlet", "source_domain", "media_name", "source", "publisher", "site"),
    "title": ("title", "headline"),
    "published": ("published", "date_publish", "publish_date", "published_at", "pubdate", "date"),
    "retrieved": ("retrieved", "date_download"),
}


@dataclass
class SourceRecord:
    """One article as the input gave it, before any analysis; or, with `error`, a piece of input
    that is no article (a malformed line, a row without text, an unreadable file)."""

    locator: str  # where it came from: a path, path:line, path#offset, "-"
    content: str | bytes | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    retrieved: str | None = None
    file: str | None = None  # the file's absolute path when the record is a whole file
    capture_id: str | None = None  # a crawl's own id of the page (WARC-Record-ID)
    number: int | None = None  # the record's position in its file, from 0 (None: a whole file, stdin)
    error: str | None = None  # why the input could not be read as an article
    reason: str | None = None  # the failure's reason: record, read, too_large

    @property
    def content_bytes(self) -> bytes:
        if self.content is None:
            return self.locator.encode("utf-8", "surrogatepass")
        if isinstance(self.content, bytes):
            return self.content
        return self.content.encode("utf-8", "surrogatepass")

    @property
    def sha256(self) -> str:
        """The hash of the text as given (UTF-8 for a string): the corpus's text hash, which
        `batch` keeps, so that a loaded article and the same record ingested later meet."""
        return hashlib.sha256(self.content_bytes).hexdigest()


def from_fields(
    fields: Mapping[Any, Any],
    locator: str,
    raw: bytes | str,
    *,
    number: int | None = None,
    columns: Mapping[str, str] | None = None,
) -> SourceRecord:
    """A record from named fields; a record without text is an error (`raw` is kept as its content,
    so that the failure is recorded once per distinct input)."""
    named = _by_lower_name(fields)

    def field(name: str) -> Any:
        names = (columns[name],) if columns and name in columns else FIELD_NAMES[name]
        return next((named[n.lower()] for n in names if n.lower() in named), None)

    record = SourceRecord(locator=locator, number=number)
    for name in ("id", "url", "outlet", "published", "title", "retrieved"):
        setattr(record, name, _text(field(name)))
    content = field("text")
    if isinstance(content, str | bytes) and content.strip():
        record.content = content
        return record
    record.content = raw
    record.reason = "record"
    if content is not None and not isinstance(content, str | bytes):
        record.error = f"the record's text is a {type(content).__name__}, not a string"
    else:
        looked = columns["text"] if columns and "text" in columns else ", ".join(FIELD_NAMES["text"])
        record.error = f"the record has no text (looked for a field {looked})"
    return record


def _by_lower_name(fields: Mapping[Any, Any]) -> dict[str, Any]:
    """Field names in lower case, blanks around them dropped; empty values are no values."""
    named: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(name, str) and value not in (None, "") and name.strip().lower() not in named:
            named[name.strip().lower()] = value
    return named


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if hasattr(value, "isoformat"):  # a date or time from Parquet
        return str(value.isoformat())
    return None

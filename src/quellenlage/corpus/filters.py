"""Filters every query shares: outlet and publication time (naive UTC in the database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func

from quellenlage.corpus.tables import articles as a
from quellenlage.errors import QuellenlageError

DateLike = date | datetime | str | None
Query = TypeVar("Query", bound=Select[Any])


def parse_when(value: DateLike, *, end: bool = False) -> datetime | None:
    """A filter bound as naive UTC; a bare date covers its whole day."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            parsed: date | datetime = (
                datetime.fromisoformat(value) if len(value.strip()) > 10 else date.fromisoformat(value.strip())
            )
        except ValueError as error:
            raise QuellenlageError(f"{value!r} is no date: give one like 2025-03-15 or 2025-03-15T18:00") from error
        value = parsed
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value
    return datetime.combine(value + timedelta(days=1) if end else value, time())


def article_filters(query: Query, outlet: str | None, since: DateLike, until: DateLike) -> Query:
    if outlet:
        query = query.where(func.lower(a.c.outlet) == outlet.lower())
    start = parse_when(since)
    if start is not None:
        query = query.where(a.c.published_at >= start)
    stop = parse_when(until, end=True)
    if stop is not None:
        whole_day = isinstance(until, str) and len(until.strip()) <= 10 or type(until) is date
        query = query.where(a.c.published_at < stop if whole_day else a.c.published_at <= stop)
    return query

"""The corpus behind the pages and the API: opened once per server process, read through the
query functions of `quellenlage.corpus` only (the web layer writes no SQL of its own)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import Request

from quellenlage.errors import QuellenlageError
from quellenlage.web.problems import Problem

if TYPE_CHECKING:
    from quellenlage.corpus import Corpus

T = TypeVar("T")
DEFAULT_FILE = "quellenlage.db"
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def open_corpus(db: str | None) -> Corpus | None:
    """The configured corpus; without one, ./quellenlage.db when it exists (what `quellenlage
    ingest` writes by default); else None, and the server analyses single articles only."""
    if not db and not Path(DEFAULT_FILE).is_file():
        return None
    try:
        from quellenlage.corpus import Corpus
    except ImportError as error:
        raise QuellenlageError("a corpus needs the corpus extra: pip install 'quellenlage[corpus,web]'") from error
    return Corpus(db or DEFAULT_FILE)


def corpus_of(request: Request) -> Corpus:
    corpus: Corpus | None = request.app.state.corpus
    if corpus is None:
        raise Problem(
            404,
            "Dieser Server ist mit keinem Korpus verbunden (quellenlage serve --db DATEI_ODER_URL).",
            title="Kein Korpus",
        )
    return corpus


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list: its items as JSON, and where the next page starts (null at the end)."""
    return {
        "items": [item.as_dict() for item in items],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(items) == limit else None,
    }


def queried(call: Callable[[], T]) -> T:
    """Run one corpus query; its own errors (a bad date, a bad order) are the client's."""
    try:
        return call()
    except QuellenlageError as error:
        raise Problem(422, str(error), title="Ungültiger Filter") from error

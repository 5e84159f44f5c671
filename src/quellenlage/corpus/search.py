"""Full-text search: SQLite FTS5 or PostgreSQL `tsvector` with the German configuration.

The words are the user's: every word must occur, "a phrase" in quotation marks as a phrase, and
`word*` matches words starting so. PostgreSQL stems German words (Demonstration finds
Demonstrationen); SQLite FTS5 matches words as written, less diacritics (Muller finds Müller).
The index holds the title and the text of each revision (with `--no-text`, what the facts quote);
results are the articles whose current revision matches, best first.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from quellenlage.corpus.filters import DateLike, parse_when
from quellenlage.corpus.records import SearchHit
from quellenlage.errors import QuellenlageError

TOKEN = re.compile(r'"([^"]*)"|(\S+)')
WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 160


def fts5_query(words: str) -> str:
    """The user's words as an FTS5 query: each word or phrase quoted, so no word is syntax."""
    parts = []
    for phrase, word in TOKEN.findall(words):
        if phrase:
            tokens = WORD.findall(phrase)
            if tokens:
                parts.append('"' + " ".join(tokens) + '"')
            continue
        prefix = word.endswith("*")
        for token in WORD.findall(word):
            parts.append(f'"{token}"')
        if prefix and parts:
            parts[-1] += "*"
    if not parts:
        raise QuellenlageError("give at least one word to search for")
    return " ".join(parts)


def postgres_query(words: str) -> str:
    """websearch_to_tsquery syntax: quoted phrases, plain words joined by AND; prefixes dropped."""
    if not WORD.search(words):
        raise QuellenlageError("give at least one word to search for")
    return words.replace("*", " ")


def matching_revisions(connection: Connection, words: str) -> list[int]:
    if connection.dialect.name == "postgresql":
        sql = "SELECT revision_id FROM search_index WHERE document @@ websearch_to_tsquery('german', :q)"
        return [row[0] for row in connection.execute(text(sql), {"q": postgres_query(words)})]
    sql = "SELECT rowid FROM search_index WHERE search_index MATCH :q"
    return [row[0] for row in connection.execute(text(sql), {"q": fts5_query(words)})]


def search(
    connection: Connection,
    words: str,
    *,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    filters = []
    if outlet:
        filters.append("lower(a.outlet) = :outlet")
        params["outlet"] = outlet.lower()
    if since:
        filters.append("a.published_at >= :since")
        params["since"] = parse_when(since)
    if until:
        filters.append("a.published_at < :until")
        params["until"] = parse_when(until, end=True)
    where = "".join(f" AND {f}" for f in filters)
    if connection.dialect.name == "postgresql":
        params["q"] = postgres_query(words)
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, s.score, r.text FROM ("
            " SELECT revision_id, ts_rank(document, websearch_to_tsquery('german', :q)) AS score"
            " FROM search_index WHERE document @@ websearch_to_tsquery('german', :q)) AS s"
            " JOIN articles a ON a.current_revision_id = s.revision_id"
            f" JOIN revisions r ON r.id = s.revision_id WHERE TRUE{where}"
            " ORDER BY s.score DESC, a.id LIMIT :limit OFFSET :offset"
        )
    else:
        params["q"] = fts5_query(words)
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, -s.score, r.text FROM ("
            " SELECT rowid AS revision_id, bm25(search_index, 4.0, 1.0) AS score"
            " FROM search_index WHERE search_index MATCH :q) AS s"
            " JOIN articles a ON a.current_revision_id = s.revision_id"
            f" JOIN revisions r ON r.id = s.revision_id WHERE 1 = 1{where}"
            " ORDER BY s.score, a.id LIMIT :limit OFFSET :offset"
        )
    from sqlalchemy.exc import OperationalError

    try:
        rows = connection.execute(text(sql), params).all()
    except OperationalError as error:
        raise QuellenlageError(f"cannot search for {words!r}: {error.orig}") from error
    return [
        SearchHit(row[0], row[1], row[2], row[3], round(float(row[4]), 4), snippet(row[5] or row[1] or "", words))
        for row in rows
    ]


def snippet(body: str, words: str) -> str:
    """The stretch of the text around the first word searched for, on one line."""
    wanted = [w.casefold().rstrip("*") for w in WORD.findall(words)]
    folded = body.casefold()
    positions = [folded.find(w) for w in wanted if w and folded.find(w) >= 0]
    start = max(0, min(positions) - SNIPPET_CHARS // 3) if positions else 0
    piece = " ".join(body[start : start + SNIPPET_CHARS].split())
    return ("…" if start > 0 else "") + piece + ("…" if start + SNIPPET_CHARS < len(body) else "")

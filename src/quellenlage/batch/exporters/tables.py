"""Table exports: the batch tables as Parquet or CSV files (one file per table), and the analyses
as JSON lines (one article per line, the analysis exactly as `analyze --format json` gives it)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from quellenlage.batch.tables import SCHEMAS, TABLES, ArticleMeta, analysis_rows, to_table
from quellenlage.model import Analysis

CHUNK = 500  # articles per Parquet row group
JSONL_FIELDS = ("url", "outlet", "title", "published")  # what every source knows about an article


def write_parquet(
    articles: Iterable[tuple[ArticleMeta, Analysis]], out: Path, failures: list[dict[str, Any]] | None = None
) -> int:
    """`out/<table>.parquet` for every table; returns the number of articles."""
    out.mkdir(parents=True, exist_ok=True)
    writers = {name: pq.ParquetWriter(out / f"{name}.parquet", SCHEMAS[name], compression="zstd") for name in TABLES}
    count = 0
    try:
        pending: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for meta, analysis in articles:
            for name, rows in analysis_rows(meta, analysis).items():
                pending[name].extend(rows)
            count += 1
            if count % CHUNK == 0:
                _flush(writers, pending)
        pending["failures"].extend(failures or [])
        _flush(writers, pending)
    finally:
        for writer in writers.values():
            writer.close()
    return count


def _flush(writers: dict[str, pq.ParquetWriter], pending: dict[str, list[dict[str, Any]]]) -> None:
    for name, rows in pending.items():
        if rows:
            writers[name].write_table(to_table(name, rows))
            rows.clear()


def write_csv(
    articles: Iterable[tuple[ArticleMeta, Analysis]], out: Path, failures: list[dict[str, Any]] | None = None
) -> int:
    """`out/<table>.csv` for every table (UTF-8, a header row; nested columns as JSON); returns
    the number of articles."""
    out.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        writers = {}
        for name in TABLES:
            handle = stack.enter_context(open(out / f"{name}.csv", "w", encoding="utf-8", newline=""))
            writers[name] = csv.DictWriter(handle, fieldnames=SCHEMAS[name].names)
            writers[name].writeheader()
        count = 0
        for meta, analysis in articles:
            for name, rows in analysis_rows(meta, analysis).items():
                writers[name].writerows(_flat(row, SCHEMAS[name]) for row in rows)
            count += 1
        writers["failures"].writerows(_flat(row, SCHEMAS["failures"]) for row in failures or [])
    return count


def _flat(row: dict[str, Any], schema: pa.Schema) -> dict[str, Any]:
    """Nested values (lists, structs, maps) as compact JSON; None as the empty cell."""
    flat: dict[str, Any] = {}
    for field in schema:
        value = row.get(field.name)
        nested = pa.types.is_nested(field.type)
        if value is None:
            flat[field.name] = ""
        elif nested:
            flat[field.name] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        else:
            flat[field.name] = value
    return flat


def write_jsonl(articles: Iterable[tuple[ArticleMeta, Analysis]], out: TextIO) -> int:
    """One line per article: its id, input metadata and the analysis."""
    count = 0
    for meta, analysis in articles:
        head = {"article_id": meta.article_id, **{name: getattr(meta, name) for name in JSONL_FIELDS}}
        body = analysis.to_json(indent=None)
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "analysis": ' + body + "}\n")
        count += 1
    return count

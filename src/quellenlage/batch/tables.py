"""The batch output's tables: one Parquet table per kind of fact, its schema derived from `model.py`.

Every fact table has one row per record of the analysis (`Entity`, `Quote`, `Claim`, `Figure`,
`DateMention`, `Event`) with the record's own fields as columns (nested records as structs), plus
`article_id`, `position` (the record's index in the analysis, so an analysis can be rebuilt in
order) and `schema_version`. The `articles` table holds one row per article: its input metadata,
the analysed text, the segments and the sentences (without tokens, like `analyze --format json`).
Because the schemas are derived from the data model, they follow it when it grows; the round trip
`Analysis -> rows -> Analysis` is lossless (tested), which is what lets the exporters work from a
batch folder exactly as from a single analysis.
"""

from __future__ import annotations

import io
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from quellenlage import __version__
from quellenlage.model import (
    SCHEMA_VERSION,
    Analysis,
    Claim,
    DateMention,
    Entity,
    Event,
    Figure,
    Quote,
    Segment,
    Sentence,
)

# The fact tables and the record each row holds, in the order of the Analysis.
FACT_TABLES: dict[str, type[BaseModel]] = {
    "entities": Entity,
    "quotes": Quote,
    "claims": Claim,
    "figures": Figure,
    "dates": DateMention,
    "events": Event,
}
TABLES = ("articles", *FACT_TABLES, "failures")

# What the input said about an article, beside its text (all optional); sha256 is the hash of the
# record's text as given (UTF-8 for a string), the corpus store's text hash, so a loaded article is
# recognised when the same record is ingested again.
INPUT_FIELDS = ("url", "outlet", "title", "published", "sha256")
# Analysis fields stored in the articles table (the fact lists have their own tables).
ANALYSIS_FIELDS = (
    "schema_version",
    "lang",
    "title",
    "published",
    "published_source",
    "input_format",
    "text",
    "warnings",
    "segments",
    "sentences",
)


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a pydantic field annotation: records become structs, lists lists,
    literals strings, `dict[str, str]` a map."""
    origin = get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return arrow_type(inner[0])
    if origin is Literal:
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(get_args(annotation)[0]))
    if origin is dict:
        key, value = get_args(annotation)
        return pa.map_(arrow_type(key), arrow_type(value))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_record_fields(annotation))
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}")


def _record_fields(model: type[BaseModel], skip: Iterable[str] = ()) -> list[pa.Field]:
    skipped = set(skip)
    return [
        pa.field(name, arrow_type(info.annotation), nullable=True)
        for name, info in model.model_fields.items()
        if name not in skipped
    ]


def _sentence_type() -> pa.DataType:
    return pa.struct(_record_fields(Sentence, skip=("tokens",)))


def _build_schemas() -> dict[str, pa.Schema]:
    metadata = {b"quellenlage.schema_version": SCHEMA_VERSION.encode()}
    keys = [pa.field("article_id", pa.string(), nullable=False)]
    analysis_types = {name: arrow_type(Analysis.model_fields[name].annotation) for name in ANALYSIS_FIELDS}
    analysis_types["sentences"] = pa.list_(_sentence_type())
    analysis_types["segments"] = pa.list_(arrow_type(Segment))
    articles = pa.schema(
        [
            *keys,
            pa.field("partition", pa.string()),
            pa.field("source", pa.string()),
            pa.field("record", pa.int64()),
            *(pa.field(f"input_{name}", pa.string()) for name in INPUT_FIELDS),
            pa.field("quellenlage_version", pa.string()),
            *(pa.field(name, kind) for name, kind in analysis_types.items()),
        ],
        metadata=metadata,
    )
    schemas = {"articles": articles}
    for table, model in FACT_TABLES.items():
        schemas[table] = pa.schema(
            [
                *keys,
                pa.field("position", pa.int32(), nullable=False),
                pa.field("schema_version", pa.string()),
                *_record_fields(model),
            ],
            metadata=metadata,
        )
    schemas["failures"] = pa.schema(
        [
            pa.field("partition", pa.string()),
            pa.field("source", pa.string()),
            pa.field("record", pa.int64(), nullable=True),
            pa.field("article_id", pa.string(), nullable=True),
            pa.field("stage", pa.string()),
            pa.field("error", pa.string()),
            pa.field("message", pa.string()),
            pa.field("quellenlage_version", pa.string()),
        ],
        metadata=metadata,
    )
    return schemas


SCHEMAS: dict[str, pa.Schema] = _build_schemas()


@dataclass(frozen=True)
class ArticleMeta:
    """Where an article came from and what its input said about it."""

    article_id: str
    partition: str = ""
    source: str = ""
    record: int | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    sha256: str | None = None


def analysis_rows(meta: ArticleMeta, analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one analysed article."""
    data = analysis.model_dump(exclude={"sentences": {"__all__": {"tokens"}}})
    article: dict[str, Any] = {
        "article_id": meta.article_id,
        "partition": meta.partition,
        "source": meta.source,
        "record": meta.record,
        **{f"input_{name}": getattr(meta, name) for name in INPUT_FIELDS},
        "quellenlage_version": __version__,
    }
    article.update({name: data[name] for name in ANALYSIS_FIELDS})
    rows: dict[str, list[dict[str, Any]]] = {"articles": [article]}
    for table in FACT_TABLES:
        rows[table] = [
            {"article_id": meta.article_id, "position": position, "schema_version": analysis.schema_version, **record}
            for position, record in enumerate(data[table])
        ]
    return rows


def failure_row(
    partition: str, source: str, stage: str, error: BaseException | str, *, record: int | None, article_id: str | None
) -> dict[str, Any]:
    name = error if isinstance(error, str) else type(error).__name__
    message = str(error) if isinstance(error, BaseException) else ""
    return {
        "partition": partition,
        "source": source,
        "record": record,
        "article_id": article_id,
        "stage": stage,
        "error": name,
        "message": message[:2000],
        "quellenlage_version": __version__,
    }


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def parquet_bytes(table: pa.Table) -> bytes:
    """The table as the bytes of one Parquet file (zstd): what a worker hands back."""
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


# --------------------------------------------------------------------------- back to the model


def rebuild_analyses(tables: Mapping[str, pa.Table]) -> Iterator[tuple[ArticleMeta, Analysis]]:
    """The analyses stored in `tables` (articles and fact tables of the same articles), in the
    order of the articles table."""
    facts: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in FACT_TABLES:
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in sorted(tables[table].to_pylist(), key=lambda r: (r["article_id"], r["position"])):
            grouped.setdefault(row.pop("article_id"), []).append(row)
            del row["position"], row["schema_version"]
        facts[table] = grouped
    for row in tables["articles"].to_pylist():
        article_id = row["article_id"]
        meta = ArticleMeta(
            article_id=article_id,
            partition=row["partition"],
            source=row["source"],
            record=row["record"],
            **{name: row[f"input_{name}"] for name in INPUT_FIELDS},
        )
        data = {name: row[name] for name in ANALYSIS_FIELDS}
        for table, model in FACT_TABLES.items():
            data[table] = [_from_arrow(record, model) for record in facts[table].get(article_id, [])]
        yield meta, Analysis.model_validate(data)


def _from_arrow(value: Any, annotation: Any) -> Any:
    """Undo what Arrow changes on the way: maps come back as lists of pairs."""
    if value is None:
        return None
    origin = get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _from_arrow(value, inner[0])
    if origin is dict:
        return dict(value)
    if origin is list:
        (item,) = get_args(annotation)
        return [_from_arrow(v, item) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {
            name: _from_arrow(value.get(name), info.annotation)
            for name, info in annotation.model_fields.items()
            if name in value
        }
    return value

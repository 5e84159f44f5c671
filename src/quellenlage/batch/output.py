"""Reading a batch output folder back: its tables, and the analyses they hold, partition by
partition so that memory stays bounded however large the folder is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from quellenlage.batch.runner import MANIFEST
from quellenlage.batch.tables import SCHEMAS, TABLES, ArticleMeta, rebuild_analyses
from quellenlage.errors import QuellenlageError
from quellenlage.model import Analysis


class BatchOutput:
    def __init__(self, path: Path):
        if not (path / MANIFEST).is_file():
            raise QuellenlageError(f"{path} is no batch output folder (no {MANIFEST}): run `quellenlage batch` first")
        self.path = path
        self.manifest: dict[str, Any] = json.loads((path / MANIFEST).read_text(encoding="utf-8"))

    def partitions(self) -> list[str]:
        """The partitions with an articles file, in name order."""
        return sorted(p.name.removeprefix("part-").removesuffix(".parquet") for p in self._files("articles"))

    def table(self, name: str) -> pa.Table:
        """One whole table (every partition)."""
        if name not in TABLES:
            raise QuellenlageError(f"no table {name!r}: the tables are {', '.join(TABLES)}")
        files = self._files(name)
        if not files:
            return SCHEMAS[name].empty_table()
        return pa.concat_tables([pq.read_table(f, schema=SCHEMAS[name]) for f in files])

    def partition_tables(self, partition: str) -> dict[str, pa.Table]:
        tables = {}
        for name in TABLES:
            file = self.path / name / f"part-{partition}.parquet"
            tables[name] = pq.read_table(file, schema=SCHEMAS[name]) if file.is_file() else SCHEMAS[name].empty_table()
        return tables

    def analyses(self) -> Iterator[tuple[ArticleMeta, Analysis]]:
        """Every stored analysis with its article's metadata."""
        for partition in self.partitions():
            yield from rebuild_analyses(self.partition_tables(partition))

    def _files(self, table: str) -> list[Path]:
        return sorted((self.path / table).glob("part-*.parquet"))

"""The articles the corpus and the batch read: files of records (JSONL, CSV, WARC, Parquet), single
article files, folders and standard input, one `SourceRecord` per article.

One set of readers serves `quellenlage ingest` (`read_sources`: everything in order, bad input as
records with an error) and `quellenlage batch` (`read_file` from a record number on, and
`count_file`, which its partitions are cut by). Neither the analysis nor a database is needed here.
"""

from quellenlage.inputs.files import count_records, input_format, read_sources, walk
from quellenlage.inputs.formats import FORMATS, UnreadableInput, count_file, read_file
from quellenlage.inputs.records import FIELD_NAMES, SourceRecord

__all__ = [
    "FIELD_NAMES",
    "FORMATS",
    "SourceRecord",
    "UnreadableInput",
    "count_file",
    "count_records",
    "input_format",
    "read_file",
    "read_sources",
    "walk",
]

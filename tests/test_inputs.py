"""One set of readers for `ingest` and `batch`: the same file gives the same articles to both,
read whole or from any record on."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_batch_sources import ARTICLES  # the same articles in every format, as batch's own tests have them
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quellenlage.batch.partitions import ArticleInput, RecordError, partitions, read_partition, survey
from quellenlage.inputs import count_file, read_file, read_sources

FIELDS = ("id", "url", "outlet", "published", "title")


def write_jsonl(path: Path) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n\n" for a in ARTICLES), encoding="utf-8")
    return path


def write_jsonl_gz(path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES))
    return path


def write_csv(path: Path) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        writer = csv.DictWriter(handle, fieldnames=[*FIELDS, "text"], delimiter=";")
        writer.writeheader()
        writer.writerows(ARTICLES)
    return path


def write_parquet(path: Path) -> Path:
    pq.write_table(pa.Table.from_pylist([{f: a.get(f) for f in (*FIELDS, "text")} for a in ARTICLES]), path)
    return path


def write_warc(path: Path) -> Path:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for article in ARTICLES:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            body = io.BytesIO(article["text"].encode())
            writer.write_record(
                writer.create_warc_record(article["url"], "response", payload=body, http_headers=headers)
            )
    return path


WRITERS = {
    "a.jsonl": write_jsonl,
    "a.jsonl.gz": write_jsonl_gz,
    "a.csv": write_csv,
    "a.csv.gz": write_csv,
    "a.parquet": write_parquet,
    "a.warc.gz": write_warc,
}


@pytest.mark.parametrize("name", WRITERS)
def test_ingest_and_batch_read_the_same_articles(tmp_path: Path, name: str) -> None:
    path = WRITERS[name](tmp_path / name)
    ingested = list(read_sources([path]))
    batched = [item for p in partitions(survey(path), 2) for item in read_partition(p)]
    assert all(isinstance(item, ArticleInput) for item in batched)
    assert [r.error for r in ingested] == [None] * 3
    assert [b.source for b in batched if isinstance(b, ArticleInput)] == ingested
    texts = [r.content.decode() if isinstance(r.content, bytes) else r.content for r in ingested]
    assert texts == [a["text"] for a in ARTICLES]
    assert [r.url for r in ingested] == [a["url"] for a in ARTICLES]
    if not name.startswith("a.warc"):
        assert [(r.id, r.outlet, r.published, r.title) for r in ingested] == [
            (a["id"], a.get("outlet"), a.get("published") or None, a.get("title")) for a in ARTICLES
        ]
    assert count_file(path, survey(path).format) == 3


@settings(max_examples=25, deadline=None)
@given(lines=st.lists(st.sampled_from(["ok", "blank", "bad", "list", "notext"]), max_size=12), start=st.integers(0, 14))
def test_reading_from_a_record_on_gives_the_rest_in_order(
    tmp_path_factory: pytest.TempPathFactory, lines, start
) -> None:
    """Whatever the lines (blank ones are no records; bad ones are records with an error), reading
    from record `start` gives exactly the records after it, numbered as in the whole read."""
    kinds = {
        "ok": '{"id": "x", "text": "Text."}',
        "blank": "   ",
        "bad": "{not json",
        "list": '["a list"]',
        "notext": '{"id": "y"}',
    }
    path = tmp_path_factory.mktemp("lines") / "a.jsonl"
    path.write_text("\n".join(kinds[k] for k in lines) + "\n", encoding="utf-8")
    whole = list(read_file(path, "jsonl"))
    assert [r.number for r in whole] == list(range(len(whole))) == list(range(count_file(path, "jsonl")))
    assert len(whole) == sum(k != "blank" for k in lines)
    assert [r.error is None for r in whole] == [k == "ok" for k in lines if k != "blank"]
    assert list(read_file(path, "jsonl", start=start)) == whole[start:]


def test_field_names_any_case_and_a_named_column(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        {"Maintext": "Aus news-please.", "Date_Publish": "2024-11-02"},
        {"body": "Text.", "story": "Andere Spalte."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, second = read_file(path, "jsonl")
    assert (first.content, first.published) == ("Aus news-please.", "2024-11-02")
    assert second.content == "Text."
    _, named = read_file(path, "jsonl", columns={"text": "story"})
    assert named.content == "Andere Spalte."
    (partition,) = partitions(survey(path), 10)
    first_item, second_item = read_partition(partition, {"text": "story"})
    assert isinstance(first_item, RecordError) and "looked for a field story" in str(first_item)
    assert isinstance(second_item, ArticleInput) and second_item.text == "Andere Spalte."


def test_a_text_that_is_no_string_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "n", "text": 42}) + "\n", encoding="utf-8")
    (record,) = read_sources([path])
    assert record.reason == "record" and "is a int, not a string" in (record.error or "")


def test_a_csv_row_that_is_not_utf8_is_an_error_in_its_place(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"id,text\n1,Erster Text\n2,Zweiter \xfc Text\n3,Dritter Text\n")
    first, second, third = read_sources([path])
    assert (first.content, third.content) == ("Erster Text", "Dritter Text")
    assert second.reason == "record" and "line 3 is not UTF-8" in (second.error or "")
    assert [r.number for r in read_file(path, "csv", start=1)] == [1, 2]

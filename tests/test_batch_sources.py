"""Batch input formats: every format yields the same articles, partitions cover each record once,
and what cannot be read is reported, not lost."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quellenlage.batch.partitions import (
    ArticleInput,
    RecordError,
    expand_inputs,
    partitions,
    read_partition,
    survey,
)
from quellenlage.errors import QuellenlageError
from quellenlage.inputs import UnreadableInput

ARTICLES = [
    {
        "id": "a1",
        "url": "https://a.example/1",
        "outlet": "A",
        "published": "2025-03-13T18:10:00+01:00",
        "text": "Eins.",
    },
    {"id": "a2", "url": "https://a.example/2", "outlet": "A", "published": "2025-03-14", "text": 'Zwei; mit "Zitat".'},
    {"id": "a3", "url": "https://a.example/3", "outlet": "B", "published": "", "text": "Drei\nZeilen\nhier."},
]


def read_all(path: Path, size: int = 2) -> list[ArticleInput | RecordError]:
    source = survey(path)
    return [item for p in partitions(source, size) for item in read_partition(p)]


def texts(items: list[ArticleInput | RecordError]) -> list[tuple[str, str | bytes]]:
    return [(i.article_id, i.text) for i in items if isinstance(i, ArticleInput)]


def test_jsonl_plain_and_gzipped_give_the_same_articles(tmp_path: Path) -> None:
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES)
    (tmp_path / "a.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(lines)
    expected = [(a["id"], a["text"]) for a in ARTICLES]
    assert texts(read_all(tmp_path / "a.jsonl")) == expected
    assert texts(read_all(tmp_path / "b.jsonl.gz", size=1)) == expected
    first = read_all(tmp_path / "a.jsonl")[0]
    assert isinstance(first, ArticleInput)
    assert (first.source.url, first.source.outlet, first.published_date) == ("https://a.example/1", "A", "2025-03-13")


def test_csv_with_semicolons_and_a_header(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        import csv

        writer = csv.DictWriter(handle, fieldnames=["id", "url", "outlet", "published", "text"], delimiter=";")
        writer.writeheader()
        writer.writerows(ARTICLES)
    assert texts(read_all(path)) == [(a["id"], a["text"]) for a in ARTICLES]


def test_parquet_input_in_ranges(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(ARTICLES * 300), path, row_group_size=100)
    items = read_all(path, size=250)
    assert len(items) == 900
    assert [i.record for i in items if isinstance(i, ArticleInput)] == list(range(900))


def test_warc_keeps_html_pages_with_status_200_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        def response(url: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        response("https://a.example/page", "200 OK", "text/html; charset=utf-8", b"<html><p>Seite</p></html>")
        response("https://a.example/missing", "404 Not Found", "text/html", b"<html>weg</html>")
        response("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG")
    items = read_all(path)
    assert len(items) == 1
    page = items[0]
    assert isinstance(page, ArticleInput)
    assert page.source.url == "https://a.example/page"
    assert page.text == b"<html><p>Seite</p></html>"
    assert page.article_id.startswith("<urn:uuid:")


def test_bad_records_are_errors_in_place_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "ok", "text": "Gut."}\n{not json\n["a list"]\n{"id": "no-text"}\n', encoding="utf-8")
    items = read_all(path, size=10)
    assert isinstance(items[0], ArticleInput)
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [e.record for e in errors] == [1, 2, 3]
    assert "not valid JSON" in str(errors[0]) and "not a JSON object" in str(errors[1]) and "no text" in str(errors[2])


def test_an_uncountable_file_is_one_partition_that_fails_on_reading(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage, not a gzip stream")
    source = survey(path)
    assert source.records is None and source.error
    (partition,) = partitions(source, 100)
    assert partition.stop is None
    with pytest.raises(UnreadableInput, match="broken.jsonl.gz"):
        list(read_partition(partition))


def test_partitions_are_stable_and_cover_every_record(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": str(n), "text": "x"}) + "\n" for n in range(7)), encoding="utf-8")
    first, second = partitions(survey(path), 3), partitions(survey(path), 3)
    assert first == second
    assert [(p.start, p.stop) for p in first] == [(0, 3), (3, 6), (6, 7)]
    assert len({p.id for p in first}) == 3


def test_folders_are_expanded_and_unknown_inputs_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "in" / "a.csv").write_text("", encoding="utf-8")
    (tmp_path / "in" / "notes.txt").write_text("", encoding="utf-8")
    assert [p.name for p in expand_inputs([str(tmp_path / "in")])] == ["a.csv", "b.jsonl"]
    with pytest.raises(QuellenlageError, match="no such file"):
        expand_inputs([str(tmp_path / "missing.jsonl")])
    with pytest.raises(QuellenlageError, match="unknown input format"):
        survey(tmp_path / "in" / "notes.txt")

"""Ingest sources: every kind of input becomes records, and bad input becomes records with an error."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quellenlage.corpus.keys import article_key, entity_keys, normalise_url, url_host
from quellenlage.corpus.search import fts5_query
from quellenlage.errors import QuellenlageError
from quellenlage.inputs import count_records, read_sources
from quellenlage.model import Entity

HTML = (
    "<html><head><title>Streik legt Nahverkehr lahm</title></head><body><article>"
    "<h1>Streik legt Nahverkehr lahm</h1><p>Die Gewerkschaft hat am Montag zu einem Warnstreik aufgerufen. "
    "Nach Angaben der Verkehrsbetriebe fielen mehr als 300 Busse aus, sagte ein Sprecher.</p></article></body></html>"
)


def test_jsonl_lines_become_records_and_bad_lines_errors(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "url": "https://a.example/1", "outlet": "A", "text": "Ein Text."})
        + "\n\n{not json\n"
        + json.dumps(["a list"])
        + "\n"
        + json.dumps({"id": "x2", "title": "ohne Text"})
        + "\n"
        + json.dumps(
            {"maintext": "Aus news-please.", "date_publish": "2024-11-02 10:00:00", "source_domain": "b.example"}
        )
        + "\n",
        encoding="utf-8",
    )
    records = list(read_sources([path]))
    assert [r.error is None for r in records] == [True, False, False, False, True]
    first, bad_json, a_list, no_text, news_please = records
    assert (first.id, first.url, first.outlet, first.content) == ("x1", "https://a.example/1", "A", "Ein Text.")
    assert bad_json.locator.endswith("a.jsonl:3") and "not valid JSON" in (bad_json.error or "")
    assert "not a JSON object" in (a_list.error or "") and a_list.reason == "record"
    assert "no text" in (no_text.error or "") and no_text.id == "x2"
    assert (news_please.content, news_please.published, news_please.outlet) == (
        "Aus news-please.",
        "2024-11-02 10:00:00",
        "b.example",
    )
    assert count_records([path]) == 5


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g", "text": "Gepackt."}) + "\n")
    assert [r.content for r in read_sources([path])] == ["Gepackt."]


def test_csv_with_any_delimiter_and_a_header(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id;outlet;text\n1;X;"Erster; Text"\n2;Y;Zweiter\n3;Z;\n', encoding="utf-8")
    records = list(read_sources([path]))
    assert [(r.id, r.outlet, r.content) for r in records[:2]] == [("1", "X", "Erster; Text"), ("2", "Y", "Zweiter")]
    assert records[2].error and "no text" in records[2].error
    headless = tmp_path / "b.csv"
    headless.write_text("Politik;Ein Text ohne Kopfzeile\n", encoding="utf-8")
    (only,) = read_sources([headless])
    assert only.error and "header" in only.error


def test_warc_html_responses_only(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, status, content_type, body in (
            ("https://news.example/a", "200 OK", "text/html; charset=utf-8", HTML.encode()),
            ("https://news.example/missing", "404 Not Found", "text/html", b"<html>gone</html>"),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG"),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    (record,) = read_sources([path])
    assert record.url == "https://news.example/a" and record.content == HTML.encode()
    assert record.retrieved and record.retrieved.startswith("20")
    assert count_records([path]) is None  # a WARC is counted by reading it


def test_folder_recursive_in_name_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("zwei", encoding="utf-8")
    (tmp_path / "1.html").write_text(HTML, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("versteckt", encoding="utf-8")
    records = list(read_sources([tmp_path, tmp_path / "nowhere"]))
    assert [Path(r.locator).name for r in records] == ["1.html", "2.txt", "nowhere"]
    assert records[0].file == str((tmp_path / "1.html").absolute())
    assert records[2].error and "no such file" in records[2].error


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quellenlage.inputs import files as sources

    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11, encoding="utf-8")
    (record,) = sources.read_sources([path])
    assert record.reason == "too_large" and record.content != b"x" * 11


def test_standard_input_is_jsonl_or_one_article() -> None:
    lines = b'{"id": "s1", "text": "Eins."}\n{"id": "s2", "text": "Zwei."}\n'
    assert [r.id for r in read_sources(["-"], stdin=io.BytesIO(lines))] == ["s1", "s2"]
    (single,) = read_sources(["-"], stdin=io.BytesIO(b"{Klammer} am Anfang, aber kein JSON.\nZweite Zeile."))
    assert single.locator == "-" and single.content == b"{Klammer} am Anfang, aber kein JSON.\nZweite Zeile."


def test_article_identity() -> None:
    assert article_key("https://A.example/x#kommentare", "id1", "/f", "h") == "https://a.example/x"
    assert article_key(None, "id1", "/f", "h") == "id:id1"
    assert article_key(None, None, "/f", "h") == "file:/f"
    assert article_key(None, None, None, "h") == "text:h"
    assert normalise_url(" https://x.example/a?b=1 ") == "https://x.example/a?b=1"
    assert url_host("https://www.spiegel.de/politik/a.html") == "spiegel.de"


def test_entity_keys_strongest_first() -> None:
    country = Entity(
        id="e1", key="country:DEU", name="Deutschland", type="LOC", ids={"wikidata": "Q183", "iso3166_alpha3": "DEU"}
    )
    assert entity_keys(country) == ["wikidata:Q183", "iso:DEU", "country:DEU", "loc:deutschland"]
    person = Entity(id="e2", key="per:lena hartwig", name="Lena Hartwig", type="PER")
    assert entity_keys(person) == ["per:lena hartwig"]


@given(st.text(max_size=60))
def test_any_search_words_give_a_valid_fts5_query_or_a_clear_error(words: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    connection.execute("INSERT INTO t VALUES ('Die Polizei sprach von 160.000 Teilnehmern')")
    try:
        query = fts5_query(words)
    except QuellenlageError:
        return
    connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_fts5_query_keeps_phrases_and_prefixes() -> None:
    assert fts5_query('Polizei "160.000 Teilnehmern" Teiln*') == '"Polizei" "160 000 Teilnehmern" "Teiln"*'

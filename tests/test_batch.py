"""`quellenlage batch` on a real Dask LocalCluster of two worker processes, and the exports of its
output (GKG read back by a reader of the codebook's layout, PLOVER validated against its schema)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from dask.distributed import Client, LocalCluster

from quellenlage import analyze
from quellenlage.batch.exporters.gkg import COLUMNS, write_gkg
from quellenlage.batch.exporters.plover import plover_schema, write_plover
from quellenlage.batch.output import BatchOutput
from quellenlage.batch.partitions import partitions, survey
from quellenlage.batch.runner import BatchSettings, run_batch
from quellenlage.batch.tables import FACT_TABLES, TABLES, ArticleMeta, analysis_rows
from quellenlage.batch.worker import Options, PartitionStats, process_partition
from quellenlage.cli import main
from quellenlage.errors import QuellenlageError

FIXTURE = Path(__file__).parent / "fixtures" / "batch" / "articles.jsonl"
ARTICLES = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def batch_dir(cluster: LocalCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    settings = BatchSettings(out=out, scheduler=cluster.scheduler_address, partition_size=2, show_progress=False)
    report = run_batch([str(FIXTURE)], settings)
    assert (report.partitions, report.done, report.failed, report.articles) == (3, 3, 0, len(ARTICLES))
    return out


@pytest.fixture(scope="module")
def single_process() -> dict[str, Any]:
    """The same articles analysed one by one in this process."""
    return {a["id"]: analyze(a["text"], a["published"][:10]) for a in ARTICLES}


def sorted_rows(rows: list[dict[str, Any]], drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Rows in article order; Arrow maps (entity ids) read back as lists of pairs, compared as dicts."""
    kept = [{k: dict(v) if k == "ids" else v for k, v in row.items() if k not in drop} for row in rows]
    return sorted(kept, key=lambda r: (r["article_id"], r.get("position", 0)))


def test_tables_equal_the_single_process_analysis(batch_dir: Path, single_process: dict[str, Any]) -> None:
    output = BatchOutput(batch_dir)
    expected: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for article in ARTICLES:
        meta = ArticleMeta(
            article["id"],
            url=article["url"],
            outlet=article["outlet"],
            title=article["title"],
            published=article["published"],
            sha256=hashlib.sha256(article["text"].encode()).hexdigest(),
        )
        for table, rows in analysis_rows(meta, single_process[article["id"]]).items():
            expected[table].extend(rows)
    for table in FACT_TABLES:
        stored = output.table(table).to_pylist()
        assert sorted_rows(stored) == sorted_rows(expected[table]), table
        assert stored, f"the fixture has {table}"
    place = ("partition", "source", "record")
    assert sorted_rows(output.table("articles").to_pylist(), place) == sorted_rows(expected["articles"], place)
    records = sorted((row["article_id"], row["record"]) for row in output.table("articles").to_pylist())
    assert records == sorted((a["id"], n) for n, a in enumerate(ARTICLES))
    assert output.table("failures").num_rows == 0
    # the analyses rebuilt from the tables are the analyses, field for field
    rebuilt = {meta.article_id: analysis for meta, analysis in output.analyses()}
    assert {k: v.to_json() for k, v in rebuilt.items()} == {k: v.to_json() for k, v in single_process.items()}


def test_a_rerun_skips_finished_partitions_and_redoes_a_lost_one(batch_dir: Path, cluster: LocalCluster) -> None:
    settings = BatchSettings(out=batch_dir, scheduler=cluster.scheduler_address, partition_size=2, show_progress=False)
    again = run_batch([str(FIXTURE)], settings)
    assert (again.skipped, again.done, again.articles) == (3, 0, 0)
    marker = sorted((batch_dir / "_partitions").glob("*.json"))[1]
    marker.unlink()
    resumed = run_batch([str(FIXTURE)], settings)
    assert (resumed.skipped, resumed.done, resumed.articles) == (2, 1, 2)
    ids = BatchOutput(batch_dir).table("articles").column("article_id").to_pylist()
    assert sorted(ids) == sorted(a["id"] for a in ARTICLES)
    with pytest.raises(QuellenlageError, match="partition-size"):
        run_batch([str(FIXTURE)], BatchSettings(out=batch_dir, scheduler=cluster.scheduler_address, partition_size=5))


def test_a_killed_worker_still_yields_every_article_exactly_once(cluster: LocalCluster, tmp_path: Path) -> None:
    articles = [{**a, "id": f"{a['id']}-{copy}"} for copy in range(2) for a in ARTICLES]
    source = tmp_path / "twice.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    killed: list[int] = []

    def kill_a_busy_worker(done: PartitionStats) -> None:
        if killed:
            return
        with Client(cluster.scheduler_address) as client:
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

    settings = BatchSettings(
        out=tmp_path / "out",
        scheduler=cluster.scheduler_address,
        partition_size=1,
        progress=kill_a_busy_worker,
        show_progress=False,
    )
    report = run_batch([str(source)], settings)
    assert killed, "a worker was busy and was killed"
    assert report.failed == 0
    ids = BatchOutput(tmp_path / "out").table("articles").column("article_id").to_pylist()
    assert sorted(ids) == sorted(a["id"] for a in articles)  # all there, none twice
    assert BatchOutput(tmp_path / "out").table("failures").num_rows == 0


ENGLISH = (
    "The committee said on Monday that the plan would go ahead as agreed, although several members had asked "
    "for more time. The chairman told reporters that the decision was final and that the work would start in "
    "the spring, when the weather is better and the money has been approved by the council."
)


def test_malformed_input_ends_in_the_failures_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Through the command line, on a LocalCluster of its own (--workers 1, to spare the CI's cores)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00 not a gzip stream at all")
    good = ARTICLES[0]
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{this is not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "english", "text": ENGLISH}),
        json.dumps({"id": "textless", "url": "https://x.example/1"}),
    ]
    (tmp_path / "in" / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(tmp_path / "in"), "--out", str(out), "--workers", "1", "--partition-size", "10"])
    assert code == 0
    assert "1 articles analysed in 2 partitions" in capsys.readouterr().err
    output = BatchOutput(out)
    assert output.table("articles").column("article_id").to_pylist() == [good["id"]]
    failures = {
        (Path(r["source"]).name, r["record"], r["stage"], r["article_id"]) for r in output.table("failures").to_pylist()
    }
    assert failures == {
        ("broken.jsonl.gz", None, "read", None),
        ("mixed.jsonl", 1, "read", None),
        ("mixed.jsonl", 2, "read", "empty"),  # a blank text is no text, as for ingest
        ("mixed.jsonl", 3, "analyze", "english"),
        ("mixed.jsonl", 4, "read", "textless"),
    }
    messages = {r["record"]: r["message"] for r in output.table("failures").to_pylist()}
    assert "not valid JSON" in messages[1] and "German" in messages[3] and "no text" in messages[4]
    assert "no text" in messages[2]


def test_an_id_used_twice_in_a_partition_is_a_failure_not_a_mix(tmp_path: Path) -> None:
    source = tmp_path / "twice.jsonl"
    text = ARTICLES[2]["text"]
    source.write_text(
        "".join(json.dumps({"id": "same", "text": t}) + "\n" for t in (text, text + " Nachtrag.")), encoding="utf-8"
    )
    (partition,) = partitions(survey(source), 10)
    result = process_partition(partition, Options())
    assert (result.stats.articles, result.stats.failures) == (1, 1)
    (failure,) = pq.read_table(pa.BufferReader(result.files["failures"])).to_pylist()
    assert (failure["record"], failure["article_id"], failure["stage"]) == (1, "same", "read")
    assert "already used by record 0" in failure["message"]


# --------------------------------------------------------------------------- GKG


def split_blocks(row: dict[str, str], column: str, block: str, field: str) -> list[list[str]]:
    return [b.split(field) for b in row[column].split(block)] if row[column] else []


def read_gkg(text: str) -> list[dict[str, Any]]:
    """A small reader of the GKG 2.1 codebook's layout: 27 tab-separated columns, blocks and
    fields split by the delimiters the codebook gives for each column."""
    records = []
    for line in text.splitlines():
        cells = line.split("\t")
        assert len(cells) == 27, f"{len(cells)} columns"
        row = dict(zip(COLUMNS, cells, strict=True))
        blocks = partial(split_blocks, row)
        records.append(
            {
                "id": row["GKGRECORDID"],
                "date": row["V2.1DATE"],
                "collection": int(row["V2SOURCECOLLECTIONIDENTIFIER"]),
                "domain": row["V2SOURCECOMMONNAME"],
                "url": row["V2DOCUMENTIDENTIFIER"],
                "persons": row["V1PERSONS"].split(";") if row["V1PERSONS"] else [],
                "persons_at": [(n, int(o)) for n, o in blocks("V2ENHANCEDPERSONS", ";", ",")],
                "organisations_at": [(n, int(o)) for n, o in blocks("V2ENHANCEDORGANIZATIONS", ";", ",")],
                "locations": blocks("V1LOCATIONS", ";", "#"),
                "locations_at": blocks("V2ENHANCEDLOCATIONS", ";", "#"),
                "dates": [[int(x) for x in b] for b in blocks("V2.1ENHANCEDDATES", ";", "#")],
                "quotations": [
                    (int(o), int(n), verb, quote) for o, n, verb, quote in blocks("V2.1QUOTATIONS", "#", "|")
                ],
                "names": [(n, int(o)) for n, o in blocks("V2.1ALLNAMES", ";", ",")],
                "amounts": [(float(a), what, int(o)) for a, what, o in blocks("V2.1AMOUNTS", ";", ",")],
                "extras": ET.fromstring(f"<extras>{row['V2EXTRASXML']}</extras>"),
            }
        )
    return records


def test_gkg_reads_back_by_the_codebook_layout(batch_dir: Path, tmp_path: Path) -> None:
    assert main(["export", "--format", "gkg", "--from", str(batch_dir), "--out", str(tmp_path / "out.gkg")]) == 0
    records = {r["extras"].findtext("QL_ARTICLE_ID"): r for r in read_gkg((tmp_path / "out.gkg").read_text("utf-8"))}
    assert set(records) == {a["id"] for a in ARTICLES}
    analyses = {meta.article_id: analysis for meta, analysis in BatchOutput(batch_dir).analyses()}
    strike = records["b-01"]
    assert strike["date"] == "20250313171000"  # 18:10 CET in UTC
    assert (strike["collection"], strike["domain"]) == (1, "elbkurier.example")
    assert "Gabriele Schmidt" in strike["persons"]
    for article_id, record in records.items():
        text = analyses[article_id].text
        for _name, offset in record["persons_at"] + record["organisations_at"]:
            assert 0 <= offset < len(text)
        for name, offset in record["names"]:
            assert text[offset : offset + len(name)] == name
        for offset, length, _verb, quote in record["quotations"]:
            assert text[offset : offset + length].split() == quote.split()
        for location in record["locations"]:
            assert len(location) == 7
        for location in record["locations_at"]:
            assert len(location) == 9 and 0 <= int(location[8]) < len(text)
        for resolution, month, day, year, offset in record["dates"]:
            assert resolution in (1, 2, 3, 4) and year > 1900
            # the codebook's 0 for what the text did not give: a year alone, or a month of a year
            assert (month, day) == (0, 0) if resolution == 1 else 1 <= month <= 12
            assert day == 0 if resolution == 2 else resolution == 1 or 1 <= day <= 31
            assert 0 <= offset < len(text)
        assert len(record["extras"].findtext("QL_QUOTES", "").split("#")) == len(analyses[article_id].quotes) or not (
            analyses[article_id].quotes
        )
    assert (25000.0, "Beschäftigte", strike["amounts"][0][2]) == strike["amounts"][0]
    quote = strike["quotations"][0]
    assert quote[2] == "sagte" and quote[3].startswith("Die Beschäftigten haben heute")
    speakers = [block.split("|")[5] for block in strike["extras"].findtext("QL_QUOTES").split("#")]
    assert "Gabriele Schmidt" in speakers


def test_gkg_survives_hostile_text(single_process: dict[str, Any]) -> None:
    """Tabs, newlines, the codebook's delimiters and XML in names and quotations break nothing."""
    analysis = single_process["b-01"].model_copy(deep=True)
    hostile = "a\tb\nc;d#e|f,g<h>&i"
    analysis.quotes[0].content.text = hostile
    analysis.quotes[0].kind = "direct"
    analysis.entities[0].name = hostile
    analysis.title = hostile
    meta = ArticleMeta("x\ty", url=None, outlet="O;#|<>")
    from io import StringIO

    out = StringIO()
    write_gkg([(meta, analysis)], out)
    (record,) = read_gkg(out.getvalue())
    assert record["collection"] == 2 and record["url"] == "x y"
    assert record["extras"].findtext("PAGE_TITLE") == "a b c;d#e|f,g<h>&i"
    assert record["quotations"][0][3] == "a b c;d e f,g<h>&i"


# --------------------------------------------------------------------------- PLOVER


def test_plover_validates_against_the_schema(batch_dir: Path, tmp_path: Path) -> None:
    assert (
        main(["export", "--format", "plover", "--from", str(batch_dir), "--out", str(tmp_path / "events.jsonl")]) == 0
    )
    lines = (tmp_path / "events.jsonl").read_text("utf-8").splitlines()
    validator = jsonschema.Draft202012Validator(plover_schema())
    jsonschema.Draft202012Validator.check_schema(plover_schema())
    events = [json.loads(line) for line in lines]
    for event in events:
        validator.validate(event)
    analyses = {meta.article_id: analysis for meta, analysis in BatchOutput(batch_dir).analyses()}
    assert sum(len(a.events) for a in analyses.values()) == len(events) > 0
    for event in events:
        text = analyses[event["article_id"]].text
        info = event["text_info"]
        assert text[info["start"] : info["end"]].startswith(event["text"].rstrip("…")[:40])
        assert event["cite_info"]["url"].startswith("https://")
    mobilize = next(e for e in events if e["event"] == ["MOBILIZE"])
    assert mobilize["source"][0]["code"] == "PRK" and mobilize["quad_code"] == 4


def test_the_plover_schema_rejects_what_the_specification_forbids() -> None:
    validator = jsonschema.Draft202012Validator(plover_schema())
    good = {"id": "x", "date": "2025-01-02", "source": [{"actor_text": "Nato"}], "event": ["ACCUSE"]}
    assert validator.is_valid(good)
    assert not validator.is_valid({k: v for k, v in good.items() if k != "date"})
    assert not validator.is_valid({**good, "event": ["GOSSIP"]})
    assert not validator.is_valid({**good, "date": "2.1.2025"})
    assert not validator.is_valid({**good, "source": [{"actor_text": "Nato", "code": "NATO"}]})


def test_undated_events_are_counted_not_written(single_process: dict[str, Any]) -> None:
    analysis = single_process["b-04"].model_copy(deep=True)
    analysis.published = None
    for event in analysis.events:
        event.date = None
    from io import StringIO

    written, undated = write_plover([(ArticleMeta("b-04"), analysis)], StringIO())
    assert (written, undated) == (0, len(analysis.events)) and undated > 0


def test_table_exports(batch_dir: Path, tmp_path: Path) -> None:
    assert main(["export", "--format", "parquet", "--from", str(batch_dir), "--out", str(tmp_path / "pq")]) == 0
    assert main(["export", "--format", "csv", "--from", str(batch_dir), "--out", str(tmp_path / "csv")]) == 0
    assert main(["export", "--format", "jsonl", "--from", str(batch_dir), "--out", str(tmp_path / "a.jsonl")]) == 0
    import pyarrow.parquet as pq

    output = BatchOutput(batch_dir)
    for table in TABLES:
        assert pq.read_table(tmp_path / "pq" / f"{table}.parquet").num_rows == output.table(table).num_rows
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8") as handle:
            import csv

            assert sum(1 for _ in csv.DictReader(handle)) == output.table(table).num_rows
    lines = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    assert [line["article_id"] for line in lines] == [meta.article_id for meta, _ in output.analyses()]
    assert lines[0]["analysis"]["schema_version"] == "2.1.0"
    assert main(["export", "--format", "csv", "--from", str(batch_dir)]) == 1

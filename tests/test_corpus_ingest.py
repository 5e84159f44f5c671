"""Ingest into SQLite and PostgreSQL: nothing lost, nothing twice, revisions, identity, the stored analysis.

One corpus per backend is built once for the module: the 14 dev articles plus a folder of bad
input. Each test then asks it something, or adds to it in a way the later tests account for.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quellenlage import analyze
from quellenlage.corpus import Corpus, CorpusError
from quellenlage.corpus import tables as t
from quellenlage.corpus.database import read_connection

DEV_COUNT = 14
BAD_FILES = {
    "binary.txt": b"\x00\x01\x02PNG\x00" * 20,
    "empty.txt": b"   \n",
    "english.txt": (b"The quick brown fox jumps over the lazy dog while the committee discusses the budget. " * 8),
}


@pytest.fixture(scope="module")
def corpus(module_database: str, dev_articles: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("bad")
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    with Corpus(module_database) as opened:
        report = opened.ingest([dev_articles, folder])
        opened.first_report = report  # type: ignore[attr-defined]
        yield opened


def counts(corpus: Corpus) -> dict[str, int]:
    with read_connection(corpus.engine) as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (t.articles, t.revisions, t.failures, t.quotes, t.claims, t.entities, t.mentions)
        }


def test_articles_in_equal_articles_stored_plus_failures(corpus: Corpus) -> None:
    report = corpus.first_report  # type: ignore[attr-defined]
    assert report.seen == DEV_COUNT + len(BAD_FILES)
    assert (report.stored, report.failed) == (DEV_COUNT, len(BAD_FILES))
    stats = corpus.stats()
    assert stats.articles + stats.failures == report.seen
    reasons = {Path(f.source).name: f.reason for f in corpus.failures()}
    assert reasons == {"binary.txt": "binary", "empty.txt": "empty", "english.txt": "not_german"}
    assert all(f.message and "Traceback" not in f.message for f in corpus.failures())


def test_running_it_again_adds_nothing(corpus: Corpus, dev_articles: Path) -> None:
    before = counts(corpus)
    folder = Path(corpus.failures()[0].source).parent
    report = corpus.ingest([dev_articles, folder])
    assert (report.seen, report.unchanged, report.known_failures) == (DEV_COUNT + 3, DEV_COUNT, 3)
    assert (report.stored, report.revisions, report.failed, report.analysed) == (0, 0, 0, 0)
    assert counts(corpus) == before


def test_stored_analysis_is_the_analysis(corpus: Corpus, dev_articles: Path) -> None:
    record = json.loads(dev_articles.read_text(encoding="utf-8").splitlines()[0])
    stored = corpus.article(record["id"])
    assert stored is not None
    expected = analyze(record["text"], record["published"][:10])
    assert stored.analysis.to_json() == expected.to_json()
    assert stored.article.outlet == record["outlet"] and stored.article.url == record["url"]
    assert stored.article.published == record["published"] and stored.article.title == record["title"]
    assert stored.revision.text_hash and stored.revision.pipeline_version.startswith("0.")
    assert stored.revision.schema_version == expected.schema_version and stored.revision.model_version


def test_a_changed_text_at_a_known_url_is_a_new_revision(corpus: Corpus, dev_articles: Path, tmp_path: Path) -> None:
    record = json.loads(dev_articles.read_text(encoding="utf-8").splitlines()[1])
    changed = dict(record, text=record["text"].replace("\n\n", "\n\nKorrektur: Die Zahl wurde berichtigt.\n\n", 1))
    del changed["id"]  # the URL alone identifies it
    path = tmp_path / "update.jsonl"
    path.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    report = corpus.ingest([path])
    assert (report.revisions, report.stored) == (1, 0)
    again = corpus.ingest([path])
    assert (again.revisions, again.unchanged) == (0, 1)
    stored = corpus.article(record["id"])
    assert stored is not None and [r.number for r in stored.revisions] == [1, 2]
    assert "Korrektur" in stored.analysis.text
    first = corpus.article(record["id"], revision=1)
    assert first is not None and "Korrektur" not in first.analysis.text
    assert stored.article.revisions == 2 and corpus.stats().articles == DEV_COUNT


def test_one_speaker_whatever_the_article_calls_him(corpus: Corpus, tmp_path: Path) -> None:
    texts = [
        ("s1", "Ministerin Adelheid Quastenberg sagte am Montag in Kiel, die Lage sei ernst. Das teilte sie mit."),
        ("s2", "Ministerin Quastenberg sagte, man werde die Hilfen verdoppeln."),
        ("s3", "Der ukrainische Präsident Wolodymyr Selenskyj sagte, die Front halte stand."),
        ("s4", "Selenskyj sagte am Abend, die Lage sei schwierig."),
    ]
    path = tmp_path / "people.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": x}) + "\n" for i, x in texts), encoding="utf-8")
    report = corpus.ingest([path])
    assert report.stored == 4
    for name, articles in (("Quastenberg", {"s1", "s2"}), ("Selenskyj", {"s3", "s4"})):
        speakers = {(q.article_id, q.speaker_entity) for q in corpus.quotes(speaker=name) if q.article_id in articles}
        assert {a for a, _ in speakers} == articles
        assert len({e for _, e in speakers}) == 1, speakers
    (selenskyj,) = corpus.entities(name="Q3874799")
    assert selenskyj.name == "Wolodymyr Selenskyj" and selenskyj.articles >= 2


def test_surname_first_then_full_name(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "order.jsonl"
    path.write_text(
        json.dumps({"id": "o1", "text": "Brunnhuber sagte, die Brücke werde gesperrt. Die Stadt widersprach."})
        + "\n"
        + json.dumps({"id": "o2", "text": "Bürgermeister Jakob Brunnhuber sagte, die Sperrung komme im Mai."})
        + "\n",
        encoding="utf-8",
    )
    corpus.ingest([path])
    entities = {q.speaker_entity for q in corpus.quotes(speaker="Brunnhuber")}
    assert len(entities) == 1
    (entity,) = corpus.entities(name="Brunnhuber")
    assert entity.name == "Jakob Brunnhuber" and entity.articles == 2


def test_no_text_keeps_facts_and_evidence(module_database: str, dev_articles: Path, tmp_path: Path) -> None:
    record = json.loads(dev_articles.read_text(encoding="utf-8").splitlines()[2])
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(dict(record, id="nt-1", url=record["url"] + "?copy")) + "\n", encoding="utf-8")
    with Corpus(module_database) as corpus:
        corpus.ingest([path], keep_text=False)
        stored = corpus.article("nt-1")
        assert stored is not None and not stored.revision.has_text
        assert stored.analysis.text == "" and all(s.text == "" for s in stored.analysis.segments)
        full = analyze(record["text"], record["published"][:10])
        assert [q.content.start for q in stored.analysis.quotes] == [q.content.start for q in full.quotes]
        assert [c.evidence for c in stored.analysis.claims] == [c.evidence for c in full.claims]
        with read_connection(corpus.engine) as connection:
            text = connection.execute(select(t.revisions.c.text).where(t.revisions.c.article_id == "nt-1")).scalar_one()
        assert text is None
        if full.quotes:
            word = max(full.quotes[0].content.text.split(), key=len).strip('.,:;!?"„“')
            assert "nt-1" in {hit.article_id for hit in corpus.search(word, limit=100)}


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    Corpus(path).close()
    import sqlite3

    with sqlite3.connect(path) as connection:
        # one head (of the several the corpus and its layers add) from a newer Quellenlage
        connection.execute(
            "UPDATE alembic_version SET version_num = '9999_future' WHERE version_num = "
            "(SELECT MAX(version_num) FROM alembic_version)"
        )
    with pytest.raises(CorpusError, match="newer Quellenlage"):
        Corpus(path)


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(CorpusError, match="no Quellenlage corpus"):
        Corpus(path)


def test_migrated_schema_matches_the_tables(database: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import quellenlage.corpus.digests  # noqa: F401  (the linking layer's table joins the metadata)

    with Corpus(database) as corpus, corpus.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = [
            d for d in compare_metadata(context, t.metadata) if "search_index" not in str(d) and "alembic" not in str(d)
        ]
    assert differences == []


def test_reanalyze_replaces_stale_facts_and_counts_the_change(
    corpus: Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import delete, update

    from quellenlage.cli import main
    from quellenlage.corpus.database import write_transaction

    stored = corpus.article("dev-03")
    assert stored is not None and stored.analysis.quotes
    revision = stored.revision.id
    with write_transaction(corpus.engine) as connection:  # as an older pipeline would have left it
        first = (
            connection.execute(select(t.quotes.c.id).where(t.quotes.c.revision_id == revision).order_by(t.quotes.c.id))
            .scalars()
            .first()
        )
        connection.execute(delete(t.quotes).where(t.quotes.c.id == first))
        connection.execute(update(t.revisions).where(t.revisions.c.id == revision).values(pipeline_version="0.0.1+old"))
    quotes_before = corpus.stats().quotes
    report = corpus.reanalyze()
    assert (report.candidates, report.analysed, report.changed) == (1, 1, 1)
    assert (report.quotes_added, report.quotes_removed, report.claims_added, report.claims_removed) == (1, 0, 0, 0)
    assert corpus.stats().quotes == quotes_before + 1
    again = corpus.article("dev-03")
    assert again is not None and again.revision.pipeline_version == stored.revision.pipeline_version
    assert again.analysis.to_json() == stored.analysis.to_json()
    assert main(["reanalyze", "--db", corpus.url, "--workers", "1"]) == 0
    assert "0 revisions to analyse again" in capsys.readouterr().out


def test_warc_pages_become_articles_with_their_url_and_host(corpus: Corpus, tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (
        "<html><head><title>Warnstreik legt Busse lahm</title>"
        '<meta property="og:site_name" content="Ruhrpost"></head><body><article><h1>Warnstreik legt Busse lahm</h1>'
        "<p>Die Gewerkschaft Verdi hat am Montag zu einem ganztägigen Warnstreik im Nahverkehr aufgerufen. "
        "Nach Angaben der Verkehrsbetriebe fielen mehr als 300 Busse aus, sagte ein Sprecher am Morgen.</p>"
        "<p>Die Arbeitgeber kritisierten den Ausstand als unverhältnismäßig und forderten eine rasche Einigung.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://www.ruhrpost.example/streik", "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(record)
    report = corpus.ingest([path])
    assert report.stored == 1
    (article,) = [a for a in corpus.articles(limit=None) if a.url == "https://www.ruhrpost.example/streik"]
    stored = corpus.article(article.id)
    assert stored is not None and stored.analysis.input_format == "html"
    assert "300 Busse" in stored.analysis.text and stored.article.title == "Warnstreik legt Busse lahm"
    assert stored.article.outlet == "Ruhrpost"  # the page's og:site_name before the URL's host
    assert stored.revision.retrieved is not None

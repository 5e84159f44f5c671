"""The query commands and the Python API on the dev corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from quellenlage.cli import main
from quellenlage.corpus import Corpus


@pytest.fixture(scope="module")
def db(module_database: str, dev_articles: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    hostile = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "id": "hostile-1",
                "url": "https://www.boese.example/a",
                "title": "[bold red]Alarm[/] \x1b[31mrot",
                "published": "2025-01-02T08:00:00+01:00",
                "text": "[bold red]Alarm[/] \x1b[31mrot\n\nDie Polizei teilte mit, 12 Menschen seien verletzt.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with Corpus(module_database) as corpus:
        corpus.ingest([dev_articles, hostile])
    return module_database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return out


def test_articles_filter_by_outlet_and_dates(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(capsys, "articles", "--db", db, "--format", "json", "--limit", "100"))
    assert len(rows) == 15
    published = [datetime.fromisoformat(r["published"]) for r in rows]
    assert published == sorted(published, reverse=True)
    outlet = rows[0]["outlet"]
    by_outlet = json.loads(run(capsys, "articles", "--db", db, "--format", "json", "--outlet", outlet.upper()))
    assert by_outlet and {r["outlet"] for r in by_outlet} == {outlet}
    day = json.loads(
        run(capsys, "articles", "--db", db, "--format", "json", "--since", "2025-03-15", "--until", "2025-03-15")
    )
    assert day and all(r["published"].startswith("2025-03-15") for r in day)
    assert len(day) == sum(r["published"].startswith("2025-03-15") for r in rows)
    with_text = json.loads(run(capsys, "articles", "--db", db, "--format", "json", "--text", "Warnstreik"))
    assert with_text and len(with_text) < len(rows)


def test_quotes_by_speaker_words_and_kind(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(capsys, "quotes", "--db", db, "--format", "json", "--speaker", "hartwig"))
    assert len(rows) >= 3 and all("Hartwig" in r["speaker"] for r in rows)
    assert len({r["article_id"] for r in rows}) >= 2
    words = json.loads(run(capsys, "quotes", "--db", db, "--format", "json", "--words", "Stadt gehört"))
    assert words and all("Stadt" in r["content"] and "gehört" in r["content"] for r in words)
    direct = json.loads(run(capsys, "quotes", "--db", db, "--format", "json", "--kind", "direct", "--limit", "500"))
    assert direct and {r["kind"] for r in direct} == {"direct"}


def test_claims_by_what_is_counted_and_hedge(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    counted = json.loads(run(capsys, "claims", "--db", db, "--format", "json", "--counts", "Teilnehmer"))
    assert counted and all("Teilnehmer" in (r["unit"] or "") + (r["about"] or "") for r in counted)
    hedged = json.loads(run(capsys, "claims", "--db", db, "--format", "json", "--hedged", "--limit", "500"))
    assert hedged and all(r["hedge"] or r["status"] in ("claimed", "unverified") for r in hedged)
    plain = json.loads(run(capsys, "claims", "--db", db, "--format", "json", "--not-hedged", "--limit", "500"))
    assert not {(r["article_id"], r["claim_id"]) for r in plain} & {(r["article_id"], r["claim_id"]) for r in hedged}
    approx = json.loads(run(capsys, "claims", "--db", db, "--format", "json", "--qualifier", "approx"))
    assert approx and {r["qualifier"] for r in approx} == {"approx"}


def test_entities_most_quoted_first(db: str) -> None:
    with Corpus(db) as corpus:
        speakers = corpus.entities(order="quotes", limit=10)
        places = corpus.entities(type="LOC", limit=5)
        (berlin,) = corpus.entities(name="berlin")
    assert speakers[-1].quotes > 0
    assert [s.quotes for s in speakers] == sorted((s.quotes for s in speakers), reverse=True)
    assert places and all(p.type == "LOC" for p in places)
    assert [p.mentions for p in places] == sorted((p.mentions for p in places), reverse=True)
    assert berlin.name == "Berlin" and berlin.articles >= 4 and berlin.mentions >= berlin.articles


def test_search_ranks_and_snippets(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    hits = json.loads(run(capsys, "search", "Hochwasser", "Passau", "--db", db, "--format", "json"))
    assert hits and all("hochwasser" in h["snippet"].lower() or "passau" in h["snippet"].lower() for h in hits)
    with Corpus(db) as corpus:
        stored = [corpus.article(h["article_id"]) for h in hits]
    assert all(s and "Passau" in s.analysis.text and "Hochwasser" in s.analysis.text for s in stored)
    assert json.loads(run(capsys, "search", '"Offene Stadt Berlin"', "--db", db, "--format", "json"))
    assert run(capsys, "search", "Zzyzxquark", "--db", db).strip() == "no article matches"


def test_csv_has_every_field(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "quotes", "--db", db, "--format", "csv", "--speaker", "Hartwig")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {"article_id", "speaker", "content", "status", "start", "end"} <= set(rows[0])


def test_untrusted_text_is_shown_as_it_is(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "articles", "--db", db, "--outlet", "boese.example")
    assert "[bold red]Alarm[/]" in out and "\x1b" not in out
    report = run(capsys, "show", "hostile-1", "--db", db)
    assert "[bold red]Alarm[/]" in report and "\x1b[31m" not in report


def test_show_prints_the_report_and_the_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = run(capsys, "show", "dev-01", "--db", db)
    assert "Who says what" in report and "Spree-Nachrichten" in report and "revision 1 of 1" in report
    analysis = json.loads(run(capsys, "show", "dev-01", "--db", db, "--format", "json"))
    assert analysis["schema_version"] and analysis["text"].startswith("Großdemo")
    facts = list(csv.DictReader(io.StringIO(run(capsys, "show", "dev-01", "--db", db, "--format", "csv"))))
    assert {f["fact"] for f in facts} == {"quote", "claim"}


def test_unknown_article_and_bad_date_are_one_line_errors(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no-such-article", "--db", db]) == 1
    assert "no article 'no-such-article'" in capsys.readouterr().err
    assert main(["articles", "--db", db, "--since", "gestern"]) == 1
    err = capsys.readouterr().err
    assert "is no date" in err and "Traceback" not in err


def test_iter_analyses_streams_every_article_in_publication_order(db: str) -> None:
    with Corpus(db) as corpus:
        pairs = list(corpus.iter_analyses())
    assert len(pairs) == 15
    times = [datetime.fromisoformat(record.published or "") for record, _ in pairs]
    assert times == sorted(times)
    assert all(analysis.text and analysis.quotes is not None for _, analysis in pairs)
    assert {record.id for record, _ in pairs} >= {"dev-01", "hostile-1"}


# --- output streams: what a shell user meets (the commands in their own process, on SQLite; the
# streams do not depend on the database) ---------------------------------------------------------

CORPUS_COMMANDS = [
    ("articles", "--limit", "100"),
    ("quotes", "--format", "json", "--limit", "500"),
    ("claims", "--format", "csv", "--limit", "500"),
    ("show", "dev-01"),
    ("failures",),
]


def corpus_command(db: str, args: tuple[str, ...], **options: object) -> subprocess.CompletedProcess[str]:
    script = "import sys; from quellenlage.cli import main; sys.exit(main())"
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", script, *args, "--db", db],
        **{"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, **options},
    )


def one_line(stderr: str, *fragments: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quellenlage:") and "Traceback" not in stderr, stderr
    assert all(fragment in lines[0] for fragment in fragments), (fragments, lines[0])


@pytest.fixture
def sqlite_db(db: str) -> str:
    if "://" in db:
        pytest.skip("output streams are the same whatever the database; tested on SQLite")
    return db


@pytest.mark.parametrize("args", CORPUS_COMMANDS, ids=lambda args: args[0])
def test_a_full_disk_is_one_line_and_status_4(sqlite_db: str, args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = corpus_command(sqlite_db, args, stdout=full)
    assert done.returncode == 4, done.stderr
    one_line(done.stderr, "output could not be written", "No space left on device")


@pytest.mark.parametrize("args", CORPUS_COMMANDS[:3], ids=lambda args: args[0])
def test_a_closed_standard_output_is_one_line_and_status_4(sqlite_db: str, args: tuple[str, ...]) -> None:
    done = corpus_command(sqlite_db, args, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert done.returncode == 4, done.stderr
    one_line(done.stderr, "standard output is closed")


@pytest.mark.parametrize("args", CORPUS_COMMANDS, ids=lambda args: args[0])
def test_a_reader_that_stopped_reading_ends_the_command_quietly(sqlite_db: str, args: tuple[str, ...]) -> None:
    """`quellenlage quotes … | head`: the reader is gone before the first write (its end of the pipe
    is closed), so every write fails; the command ends with status 0 and says nothing."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = corpus_command(sqlite_db, args, stdout=write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


# --- names by their words, one entity directly, outlets and time range --------------------------


def test_name_words_fold_case_and_diacritics_and_split_at_punctuation() -> None:
    from quellenlage.corpus.names import name_words

    assert name_words("Johanna Mikl-Leitner") == ["johanna", "mikl", "leitner"]
    assert name_words("„Müller“ & Söhne", None, "MÜLLER") == ["muller", "sohne"]
    assert name_words("Straße") == ["strasse"] and name_words("%", "") == []


def test_a_speaker_is_found_by_the_start_of_each_word_of_the_name(db: str) -> None:
    with Corpus(db) as corpus:
        full = corpus.quotes(speaker="Lena Hartwig", limit=None)
        assert full and full == corpus.quotes(speaker="HARTW", limit=None) == corpus.quotes(
            speaker="Hartwig", limit=None
        )
        assert corpus.quotes(speaker="artwig", limit=None) == []  # a word's start, not any part of it
        assert corpus.quotes(speaker="%", limit=None) == [] and corpus.quotes(speaker="Hartwig Zzyzx") == []
        hartwig = corpus.entity("Lena Hartwig")  # the whole name: that entity, not "… von der Bühne"
        assert hartwig is not None and hartwig.name == "Lena Hartwig"
        by_id = corpus.quotes(speaker_id=hartwig.id, limit=None)
        assert len(by_id) == hartwig.quotes >= 3 and {q.speaker_entity for q in by_id} == {hartwig.id}
        assert {(q.article_id, q.quote_id) for q in by_id} < {(q.article_id, q.quote_id) for q in full}
        counted = corpus.claims(counts="teilnehm", limit=None)
        exact = corpus.claims(counts="Teilnehmer", limit=None)
        assert exact and set(exact) < set(counted)
        assert {c.unit for c in counted} == {"Teilnehmern", "Teilnehmenden"}
        assert corpus.claims(counts="eilnehmer", limit=None) == []


def test_one_entity_by_id_qid_or_name_with_the_counts_of_the_ranking(db: str) -> None:
    with Corpus(db) as corpus:
        ranked = {e.id: e for e in corpus.entities(limit=None)}
        berlin = corpus.entity("Berlin")
        assert berlin is not None and berlin.name == "Berlin" and ranked[berlin.id] == berlin
        assert corpus.entity(berlin.id) == corpus.entity(str(berlin.id)) == berlin
        assert corpus.entity("berl") == max(
            corpus.entities(name="berl", limit=None), key=lambda e: e.mentions, default=None
        )
        with_qid = next(e for e in ranked.values() if e.qid)
        assert corpus.entity(with_qid.qid or "") in [e for e in ranked.values() if e.qid == with_qid.qid]
        assert corpus.entity("Niemand Sonst") is None and corpus.entity(10**9) is None and corpus.entity("Q0") is None
        speakers = corpus.entities(order="quotes", limit=None)
        assert all(ranked[s.id] == s for s in speakers) and len(speakers) < len(ranked)


def test_outlets_and_the_time_range_of_the_corpus(db: str) -> None:
    with Corpus(db) as corpus:
        stats, outlets, articles = corpus.stats(), corpus.outlets(), corpus.articles(limit=None)
    assert sum(o.articles for o in outlets) == stats.articles == len(articles) == 15
    assert stats.outlets == len(outlets) == len({a.outlet for a in articles}) == 13
    assert [o.articles for o in outlets] == sorted((o.articles for o in outlets), reverse=True)
    tagesblick = next(o for o in outlets if o.outlet == "Tagesblick")
    assert tagesblick.articles == 3 and tagesblick.first_published and tagesblick.last_published
    assert (tagesblick.first_published.isoformat(), tagesblick.last_published.isoformat()) == (
        "2025-03-14T08:15:00",
        "2025-05-27T09:20:00",
    )
    assert stats.first_published and stats.last_published
    assert stats.first_published.isoformat() == "2025-01-02T07:00:00"
    assert stats.last_published == max(o.last_published for o in outlets if o.last_published)


def test_a_stored_article_knows_the_corpus_entity_of_each_of_its_entities(db: str) -> None:
    with Corpus(db) as corpus:
        stored = corpus.article("dev-01")
        assert stored is not None
        assert set(stored.entity_ids) == {e.id for e in stored.analysis.entities}
        for entity in stored.analysis.entities:
            corpus_entity = corpus.entity(stored.entity_ids[entity.id])
            assert corpus_entity is not None and corpus_entity.type == entity.type


def test_the_migration_fills_the_word_tables_as_the_writer_does(db: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import select

    from quellenlage.corpus import tables as t
    from quellenlage.corpus.database import migrations_folder, read_connection, write_transaction

    def words(corpus: Corpus) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
        with read_connection(corpus.engine) as connection:
            return set(connection.execute(select(t.entity_words)).all()), set(
                connection.execute(select(t.fact_words)).all()
            )

    with Corpus(db) as corpus:
        written = words(corpus)
        config = Config()
        config.set_main_option("script_location", migrations_folder())
        with write_transaction(corpus.engine) as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003-1")
    with Corpus(db) as corpus:  # opening upgrades again, filling the tables from the stored facts
        assert words(corpus) == written and all(written)

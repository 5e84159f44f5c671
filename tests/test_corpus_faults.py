"""Faults a real ingest meets: kill -9 midway, two ingests at once, a read-only or full database.

The ingests run as separate processes (`quellenlage ingest`), killed and raced for real.
"""

from __future__ import annotations

import csv
import json
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from quellenlage.cli import main
from quellenlage.corpus import Corpus, IngestReport
from quellenlage.corpus import tables as t
from quellenlage.corpus.database import read_connection

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "10kgnad-test.csv"
CLI = "import sys; from quellenlage.cli import main; sys.exit(main())"


def news_jsonl(path: Path, count: int, offset: int = 0) -> Path:
    """`count` 10kGNAD articles as JSONL with ids, the layout ingest reads."""
    if not NEWS.is_file():
        pytest.skip("10kGNAD (../shared/data/news) is not available")
    csv.field_size_limit(10**8)
    with open(NEWS, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) == 2][
            offset : offset + count
        ]
    with open(path, "w", encoding="utf-8") as out:
        for number, (category, body) in enumerate(rows, start=offset):
            out.write(
                json.dumps({"id": f"gnad-{number}", "outlet": "derStandard.at", "title": category, "text": body}) + "\n"
            )
    return path


def ingest_process(db: str, source: Path, *extra: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "ingest", "--db", db, "--workers", "1", *extra, str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[call-overload]
    )


def article_count(corpus: Corpus) -> int:
    with read_connection(corpus.engine) as connection:
        return int(connection.execute(select(func.count()).select_from(t.articles)).scalar_one())


def assert_consistent(corpus: Corpus) -> None:
    """Every article has its current revision, every revision its article and one analysis."""
    with read_connection(corpus.engine) as connection:
        orphans = connection.execute(
            select(func.count())
            .select_from(t.articles)
            .outerjoin(t.revisions, t.revisions.c.id == t.articles.c.current_revision_id)
            .where(t.revisions.c.id.is_(None))
        ).scalar_one()
        assert orphans == 0
        duplicates = connection.execute(
            text("SELECT COUNT(*) FROM (SELECT revision_id, local_id FROM quotes GROUP BY 1, 2 HAVING COUNT(*) > 1) d")
        ).scalar_one()
        assert duplicates == 0
        if corpus.engine.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_kill_minus_nine_midway_then_rerun_completes(database: str, tmp_path: Path) -> None:
    source = news_jsonl(tmp_path / "news.jsonl", 50)
    Corpus(database).close()  # schema first, so the poll below can count
    process = ingest_process(database, source, "--quiet")
    with Corpus(database) as corpus:
        deadline = time.monotonic() + 300
        while article_count(corpus) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        stored = article_count(corpus)
        assert 0 < stored < 50, "the ingest was not killed midway"
        assert_consistent(corpus)
        report = corpus.ingest([source])
        assert (report.unchanged, report.stored) == (stored, 50 - stored)
        assert article_count(corpus) == 50 == corpus.stats().revisions
        assert_consistent(corpus)


def test_a_killed_worker_process_loses_nothing_and_stores_nothing_twice(database: str, tmp_path: Path) -> None:
    """One of two worker processes is killed (kill -9, as the kernel's OOM killer does) while it
    analyses: the ingest goes on with a new pool, what was in flight is recorded as `worker_died`
    (a failure the next run retries), and after the rerun every article is stored exactly once."""
    import multiprocessing
    import os

    source = news_jsonl(tmp_path / "news.jsonl", 12, offset=300)
    killed: list[int] = []

    def kill_one_worker(report: IngestReport) -> None:
        workers = [p for p in multiprocessing.active_children() if p.pid is not None]
        if not killed and report.analysed >= 1 and workers:
            os.kill(workers[0].pid or 0, signal.SIGKILL)
            killed.append(workers[0].pid or 0)

    with Corpus(database) as corpus:
        report = corpus.ingest([source], workers=2, progress=kill_one_worker)
        assert killed, "no worker was killed"
        lost = corpus.failures(reason="worker_died")
        assert report.seen == 12 == report.stored + report.failed and report.failed == len(lost) >= 1
        assert article_count(corpus) == report.stored == corpus.stats().revisions
        assert_consistent(corpus)
        rerun = corpus.ingest([source], workers=1)
        assert (rerun.unchanged, rerun.stored, rerun.failed) == (report.stored, len(lost), 0)
        assert article_count(corpus) == 12 == corpus.stats().revisions
        assert corpus.failures() == []
        assert_consistent(corpus)


def test_two_ingests_at_once_store_everything_once(database: str, tmp_path: Path) -> None:
    source = news_jsonl(tmp_path / "news.jsonl", 12, offset=100)
    Corpus(database).close()
    first, second = ingest_process(database, source), ingest_process(database, source)
    outputs = [process.communicate(timeout=600) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert all("Traceback" not in err for _, err in outputs)
    with Corpus(database) as corpus:
        assert article_count(corpus) == 12 == corpus.stats().revisions
        assert_consistent(corpus)
        single = corpus.stats().quotes
    with Corpus(tmp_path / "alone.db") as alone:
        alone.ingest([source])
        assert alone.stats().quotes == single


def test_read_only_sqlite_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ro.db"
    Corpus(path).close()
    article = tmp_path / "a.txt"
    article.write_text("Die Polizei teilte mit, es seien zwölf Menschen festgenommen worden.", encoding="utf-8")
    assert main(["ingest", "--db", f"sqlite:///file:{path}?mode=ro&uri=true", "--workers", "1", str(article)]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_read_only_postgresql_is_a_clear_error(
    postgres_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg

    Corpus(postgres_database).close()
    name = postgres_database.rsplit("/", 1)[1]
    with psycopg.connect(postgres_database, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    article = tmp_path / "a.txt"
    article.write_text("Die Polizei teilte mit, es seien zwölf Menschen festgenommen worden.", encoding="utf-8")
    assert main(["ingest", "--db", postgres_database, "--workers", "1", str(article)]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err


def limit_file_size(limit: int) -> Callable[[], None]:
    def limit_in_child() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_in_child


def test_a_full_disk_while_ingesting_is_a_clear_error(tmp_path: Path) -> None:
    from quellenlage.language.annotate import load_pipeline

    load_pipeline()  # the model's cache exists before the child may not write big files
    path = tmp_path / "full.db"
    Corpus(path).close()
    source = news_jsonl(tmp_path / "news.jsonl", 30)
    limit = path.stat().st_size + 16 * 1024
    process = ingest_process(str(path), source, "--quiet", preexec_fn=limit_file_size(limit))
    _, err = process.communicate(timeout=600)
    assert process.returncode == 1, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "full" in err or "could not be written" in err, err
    with Corpus(path) as corpus:
        assert_consistent(corpus)


def test_a_full_disk_when_creating_the_database_is_a_clear_error(tmp_path: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-c", CLI, "articles", "--db", str(tmp_path / "new.db")],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size(32 * 1024),
        timeout=300,
    )
    assert process.returncode == 1 and "Traceback" not in process.stderr
    assert "full" in process.stderr or "could not be written" in process.stderr, process.stderr


def test_bad_records_of_every_kind_become_failures(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Die Polizei teilte mit, es seien zwölf Menschen festgenommen worden."}\n'
        "{broken\n"
        '{"id": "no-text", "title": "leer"}\n',
        encoding="utf-8",
    )
    (folder / "cut.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    (folder / "latin1.txt").write_bytes(
        "Die Bürger äußerten sich, sagte der Sprecher der Stadt Köln.".encode("latin-1")
    )
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.ingest([folder])
        reasons = sorted(f.reason for f in corpus.failures())
        assert reasons == ["read", "record", "record"]
        assert report.seen == report.stored + report.failed == 5
        assert corpus.article("ok") is not None
        latin = [a for a in corpus.articles() if a.id not in ("ok",)]
        assert len(latin) == 1
        analysis = corpus.analysis(latin[0].id)
        assert analysis is not None and "Bürger" in analysis.text and analysis.warnings

"""`quellenlage load`: a batch output into the corpus store (SQLite and PostgreSQL), and the
exports from the store mean the same as from the batch folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.batch.output import BatchOutput
from quellenlage.batch.runner import BatchSettings, run_batch
from quellenlage.cli import main
from quellenlage.corpus import Corpus

FIXTURE = Path(__file__).parent / "fixtures" / "batch" / "articles.jsonl"


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture articles, one of them twice under its id, and a record that is no article;
    analysed in this process (--workers 0): the Dask runs are tested in test_batch.py."""
    folder = tmp_path_factory.mktemp("load")
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    (folder / "in.jsonl").write_text("\n".join([*lines[:4], "{broken"]) + "\n", encoding="utf-8")
    out = folder / "out"
    report = run_batch([str(folder / "in.jsonl")], BatchSettings(out=out, workers=0, show_progress=False))
    assert (report.articles, report.failures) == (4, 1)
    return out


def test_load_stores_the_batch_analyses_once(
    batch_dir: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(batch_dir), "--db", database]) == 0
    assert "4 stored" in capsys.readouterr().err
    batch = {meta.article_id: (meta, analysis) for meta, analysis in BatchOutput(batch_dir).analyses()}
    with Corpus(database) as corpus:
        assert corpus.stats().articles == 4
        for article_id, (meta, analysis) in batch.items():
            stored = corpus.article(article_id)
            assert stored is not None
            assert stored.article.url == meta.url and stored.article.outlet == meta.outlet
            assert stored.analysis.to_json() == analysis.to_json()
        (failure,) = corpus.failures()
        assert failure.reason == "record" and "not valid JSON" in failure.message
    assert main(["load", str(batch_dir), "--db", database]) == 0
    assert "4 unchanged" in capsys.readouterr().err
    with Corpus(database) as corpus:
        assert corpus.stats().articles == 4


def test_export_from_the_store_equals_export_from_the_folder(batch_dir: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "corpus.db")
    assert main(["load", str(batch_dir), "--db", database]) == 0
    for format in ("gkg", "plover", "jsonl"):
        assert main(["export", "--format", format, "--from", str(batch_dir), "--out", str(tmp_path / "a")]) == 0
        assert main(["export", "--format", format, "--db", database, "--out", str(tmp_path / "b")]) == 0
        from_folder, from_store = (sorted(_normal(format, (tmp_path / n).read_text("utf-8"))) for n in "ab")
        assert from_folder == from_store and from_folder, format


def _normal(format: str, text: str) -> list[str]:
    """Lines without what differs by construction: GKG's running record number, PLOVER's coding date."""
    if format == "gkg":
        return [line.split("\t", 1)[1] for line in text.splitlines()]
    if format == "plover":
        return [json.dumps({**json.loads(line), "coded_date": None}, sort_keys=True) for line in text.splitlines()]
    return text.splitlines()


def test_load_refuses_a_folder_that_is_no_batch_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(tmp_path), "--db", str(tmp_path / "c.db")]) == 1
    assert "no batch output folder" in capsys.readouterr().err

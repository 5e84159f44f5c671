"""One small stored corpus for the web tests: the 14 articles of ../shared/corpus/dev (twelve
outlets, one story told several times, figures that disagree), ingested once per test session."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_ARTICLES = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"


@functools.cache
def dev_corpus() -> str:
    """The path of a SQLite corpus holding the dev articles."""
    from quellenlage.corpus import Corpus

    path = Path(tempfile.mkdtemp(prefix="ql-web-")) / "dev.db"
    with Corpus(path) as corpus:
        report = corpus.ingest([DEV_ARTICLES])
    assert report.stored == 14 and not report.failed, report
    return str(path)

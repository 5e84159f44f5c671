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


HOSTILE_TITLE = 'Brand in Hafenhalle <script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
HOSTILE_BODY = (
    "Hamburg. Bei einem Großbrand in einer Lagerhalle im Hamburger Hafen sind nach Angaben der Feuerwehr Hamburg "
    "mehr als 120 Einsatzkräfte im Einsatz gewesen. "
    '„<script>window.pwned=3</script>Wir haben <b onmouseover="window.pwned=4">das Feuer</b> unter Kontrolle“, '
    "sagte Feuerwehrsprecherin Jana Okonkwo am Dienstag. "
    '<a href="javascript:window.pwned=5">Mehr</a> Verletzt wurde nach ihren Angaben niemand.'
)


@functools.cache
def hostile_corpus() -> str:
    """A SQLite corpus of two hostile articles that the linking layer joins into one story, one
    wire group, figures and quotation trails: markup, event handlers and `javascript:` links in
    the title, the outlet, the quotation and the evidence of every figure, and a `javascript:` URL."""
    import json

    from quellenlage.corpus import Corpus

    folder = Path(tempfile.mkdtemp(prefix="ql-hostile-"))
    articles = folder / "hostile.jsonl"
    rows = [
        ("boese-1", "javascript:window.pwned=6", 'Elbe-Kurier <i onclick="window.pwned=7">', "10:00", ""),
        ("boese-2", "https://nordblick.example/brand", "Nordblick", "14:00", " Die Polizei ermittelt."),
    ]
    articles.write_text(
        "".join(
            json.dumps(
                {
                    "id": key,
                    "url": url,
                    "outlet": outlet,
                    "published": f"2025-06-03T{time}:00+02:00",
                    "title": HOSTILE_TITLE,
                    "text": f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}{extra}",
                },
                ensure_ascii=False,
            )
            + "\n"
            for key, url, outlet, time, extra in rows
        ),
        encoding="utf-8",
    )
    path = folder / "hostile.db"
    with Corpus(path) as corpus:
        report = corpus.ingest([articles])
    assert report.stored == 2 and not report.failed, report
    return str(path)

"""HTML pages: trafilatura finds the article, the layout stage sees its text, metadata gives the date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage import analyze

PAGES = sorted((Path(__file__).parent / "fixtures" / "html").glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_html_page(page: Path) -> None:
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    analysis = analyze(page.read_bytes())
    assert analysis.input_format == "html"
    assert analysis.title == expected["headline"]
    assert (analysis.published, analysis.published_source) == (expected["published"], "metadata")
    texts = [" ".join(s.text.split()) for s in analysis.segments]
    for paragraph in expected["must_contain"]:
        assert " ".join(paragraph.split()) in texts
    for promo in expected["must_not_contain"]:
        assert all(promo not in text for text in texts)

"""Golden layout tests: scraped pages of several layouts → their expected segments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.layout import find_segments

FIXTURES = Path(__file__).parent / "fixtures" / "layout"
PAGES = sorted(FIXTURES.glob("*.txt"))


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_segments_match_golden(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["segments"]
    found = find_segments(text)
    assert [(s.kind, _normalised(s.text)) for s in found] == [(s["kind"], _normalised(s["text"])) for s in expected]


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_offsets_point_into_the_page(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for segment in find_segments(text):
        assert text[segment.start : segment.end] == segment.text


def test_at_least_eight_layouts_are_covered() -> None:
    assert len(PAGES) >= 8


def test_a_page_without_title_starts_with_its_lead() -> None:
    text = (
        "Franka Dietzsch gewinnt bei den Weltmeisterschaften in Helsinki die Goldmedaille im Diskuswerfen. "
        "Sie warf das Sportgerät 66,56 Meter weit.\n\n"
        "Die 37 Jahre alte Neubrandenburgerin nahm zum achten Mal an Weltmeisterschaften teil."
    )
    kinds = [segment.kind for segment in find_segments(text)]
    assert kinds[0] == "lead" and "headline" not in kinds

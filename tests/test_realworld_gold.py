"""The real-page gold stays in step with the pages it annotates (tools/realworld_gold.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "eval" / "realworld" / "gold").glob("*/*.json"))
PAGES = ROOT.parent / "shared" / "realworld" / "pages"

spec = importlib.util.spec_from_file_location("realworld_gold", ROOT / "tools" / "realworld_gold.py")
assert spec and spec.loader
realworld_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(realworld_gold)


def test_split_is_disjoint_and_large_enough() -> None:
    split = json.loads((ROOT / "eval" / "realworld" / "split.json").read_text(encoding="utf-8"))
    assert not set(split["tune"]) & set(split["heldout"])
    assert len(split["heldout"]) == 10
    publishers = {page.rsplit("_", 3)[0] for page in split["tune"] + split["heldout"]}
    assert len(split["tune"] + split["heldout"]) >= 25 and len(publishers) >= 15
    held_out_publishers = {page.rsplit("_", 3)[0] for page in split["heldout"]}
    assert not held_out_publishers & {page.rsplit("_", 3)[0] for page in split["tune"]}


@pytest.mark.skipif(not PAGES.is_dir(), reason="needs ../shared/realworld")
@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_matches_its_page(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text, segments, published = realworld_gold.page_text(gold["id"])
    assert (gold["text"], gold["segments"], gold["published"]) == (text, segments, published)
    assert realworld_gold.check(gold) == []

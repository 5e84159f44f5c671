"""Large model files ship in parts and load whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from quellenlage.language.annotate import model_path
from quellenlage.language.packaging import PART_SIZE, assembled, split_large_files


def test_split_and_assemble_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUELLENLAGE_CACHE", str(tmp_path / "cache"))
    model = tmp_path / "model"
    (model / "weights").mkdir(parents=True)
    big = bytes(range(256)) * 1000
    (model / "weights" / "model").write_bytes(big)
    (model / "meta.json").write_text("{}")
    (model / "config.cfg").write_text("[nlp]")
    assert split_large_files(model, part_size=100_000) == [model / "weights" / "model"]
    assert not (model / "weights" / "model").exists()
    assert len(list((model / "weights").glob("model.part*"))) == 3
    whole = assembled(model)
    assert whole != model and (whole / "weights" / "model").read_bytes() == big
    assert assembled(model) == whole  # joined once, then reused
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.is_dir()] == [whole.parent.name]


def test_shipped_model_has_no_file_a_snapshot_would_drop() -> None:
    sizes = [p.stat().st_size for p in model_path().rglob("*") if p.is_file()]
    assert sizes and max(sizes) <= PART_SIZE < 4 * 1024 * 1024

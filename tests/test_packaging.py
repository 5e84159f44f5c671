"""Large model files ship in parts and load whole; every file is checked against the checksums
the package ships, a damaged cache repairs itself, and the cache is private to its user."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from quellenlage.errors import QuellenlageError
from quellenlage.language.annotate import model_path
from quellenlage.language.packaging import (
    CHECKSUMS,
    PART_SIZE,
    DamagedModel,
    _cache_root,
    assembled,
    compute_checksums,
    package_model,
    shipped_checksums,
)

BIG = bytes(range(256)) * 1000


@pytest.fixture
def model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small packaged pipeline directory, its cache under tmp_path/cache."""
    monkeypatch.setenv("QUELLENLAGE_CACHE", str(tmp_path / "cache"))
    directory = tmp_path / "model"
    (directory / "weights").mkdir(parents=True)
    (directory / "weights" / "model").write_bytes(BIG)
    (directory / "meta.json").write_text("{}")
    (directory / "config.cfg").write_text("[nlp]")
    assert package_model(directory, part_size=100_000) == [directory / "weights" / "model"]
    return directory


def test_split_and_assemble_round_trip(model: Path, tmp_path: Path) -> None:
    assert not (model / "weights" / "model").exists()
    assert len(list((model / "weights").glob("model.part*"))) == 3
    assert set(shipped_checksums(model)) == {"config.cfg", "meta.json", "weights/model"}
    whole = assembled(model)
    assert whole != model and (whole / "weights" / "model").read_bytes() == BIG
    assert assembled(model) == whole  # joined once, then reused
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.is_dir()] == [whole.parent.name]


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[:1000]),  # truncated (a full disk, a killed process)
        lambda path: path.write_bytes(bytes(reversed(path.read_bytes()))),  # same size, scrambled
        lambda path: path.unlink(),
    ],
    ids=["truncated", "scrambled", "missing"],
)
def test_damaged_cache_is_rebuilt(model: Path, tmp_path: Path, damage) -> None:
    whole = assembled(model)
    damage(whole / "weights" / "model")
    assert assembled(model) == whole
    assert (whole / "weights" / "model").read_bytes() == BIG
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.is_dir()] == [whole.parent.name]


def test_damaged_installation_is_an_error_that_says_so(model: Path, tmp_path: Path) -> None:
    part = next((model / "weights").glob("model.part001"))
    part.write_bytes(b"\0" * part.stat().st_size)
    with pytest.raises(DamagedModel, match=r"weights/model .*checksum.*reinstall"):
        assembled(model)
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_dir() and "weights" in p.parts]


def test_full_disk_on_first_use_leaves_nothing_behind(model: Path, tmp_path: Path) -> None:
    """A file size limit makes the first write past 50 kB fail as a full disk does."""
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))\n"
        "from quellenlage.errors import QuellenlageError\n"
        "from quellenlage.language.packaging import assembled\n"
        "try:\n"
        f"    assembled(Path({str(model)!r}))\n"
        "except QuellenlageError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "could not be unpacked" in done.stdout and "QUELLENLAGE_CACHE" in done.stdout, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    leftovers = [p for p in (tmp_path / "cache").rglob("*") if p.name != ".writable"]
    assert leftovers == []
    assert (assembled(model) / "weights" / "model").read_bytes() == BIG  # and the next run succeeds


def test_cache_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUELLENLAGE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = _cache_root()
    assert root == tmp_path / "xdg" / "quellenlage"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


def test_unwritable_home_cache_falls_back_to_a_private_per_user_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUELLENLAGE_CACHE", raising=False)
    (tmp_path / "not-a-directory").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-directory"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    root = _cache_root()
    assert root == tmp_path / "tmp" / f"quellenlage-{os.getuid()}"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to give a directory to another user")
def test_a_cache_directory_planted_by_another_user_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUELLENLAGE_CACHE", raising=False)
    (tmp_path / "not-a-directory").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-directory"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    planted = tmp_path / f"quellenlage-{os.getuid()}"
    planted.mkdir(mode=0o777)
    os.chown(planted, 65534, 65534)
    with pytest.raises(QuellenlageError, match="no private writable cache directory.*QUELLENLAGE_CACHE"):
        _cache_root()


def test_shipped_model_has_no_file_a_snapshot_would_drop() -> None:
    sizes = [p.stat().st_size for p in model_path().rglob("*") if p.is_file()]
    assert sizes and max(sizes) <= PART_SIZE < 4 * 1024 * 1024


def test_shipped_checksums_match_the_shipped_model() -> None:
    """A retrained model must be packaged again: `python tools/package_model.py`."""
    assert (model_path() / CHECKSUMS).is_file()
    assert shipped_checksums(model_path()) == compute_checksums(model_path())

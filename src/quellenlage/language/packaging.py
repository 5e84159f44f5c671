"""Ship the model in pieces small enough for every repository snapshot, load it whole.

Repository snapshots of this project drop files over 4 MiB, and two files of a spaCy pipeline
(the tok2vec weights, the static vectors) are larger. Packaging splits such files into numbered
parts; loading joins them once into a cache directory and hands that to `spacy.load`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from quellenlage.errors import QuellenlageError

PART_SIZE = 3 * 1024 * 1024
PART_SUFFIX = ".part"


def split_large_files(model_dir: Path, part_size: int = PART_SIZE) -> list[Path]:
    """Replace every file larger than `part_size` by `<name>.part000`, `.part001`, …"""
    split = []
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file() and PART_SUFFIX not in p.name):
        if path.stat().st_size <= part_size:
            continue
        data = path.read_bytes()
        for number, offset in enumerate(range(0, len(data), part_size)):
            path.with_name(f"{path.name}{PART_SUFFIX}{number:03d}").write_bytes(data[offset : offset + part_size])
        path.unlink()
        split.append(path)
    return split


def assembled(model_dir: Path) -> Path:
    """A directory spaCy can load: `model_dir` itself, or a cached copy with the parts joined."""
    parts = sorted(model_dir.rglob(f"*{PART_SUFFIX}[0-9][0-9][0-9]"))
    if not parts:
        return model_dir
    root = _cache_root()
    target = root / _fingerprint(model_dir, parts) / model_dir.name
    if (target / "config.cfg").is_file():
        return target
    staging = Path(tempfile.mkdtemp(dir=root))
    copy = staging / model_dir.name
    shutil.copytree(model_dir, copy, ignore=shutil.ignore_patterns(f"*{PART_SUFFIX}[0-9][0-9][0-9]"))
    for original in sorted({p.with_name(p.name.rsplit(PART_SUFFIX, 1)[0]) for p in parts}):
        destination = copy / original.relative_to(model_dir)
        with destination.open("wb") as out:
            for part in sorted(original.parent.glob(f"{original.name}{PART_SUFFIX}[0-9][0-9][0-9]")):
                out.write(part.read_bytes())
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        copy.rename(target)  # atomic: a concurrent process either sees all of it or builds its own
    except OSError:
        if not (target / "config.cfg").is_file():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _fingerprint(model_dir: Path, parts: list[Path]) -> str:
    digest = hashlib.sha256((model_dir / "meta.json").read_bytes() if (model_dir / "meta.json").is_file() else b"")
    for part in parts:
        digest.update(f"{part.relative_to(model_dir)}:{part.stat().st_size}".encode())
    return digest.hexdigest()[:16]


def _cache_root() -> Path:
    """$QUELLENLAGE_CACHE, else the user cache, else a temporary directory when home is read-only."""
    configured = os.environ.get("QUELLENLAGE_CACHE")
    candidates = [Path(configured)] if configured else []
    candidates.append(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "quellenlage")
    candidates.append(Path(tempfile.gettempdir()) / "quellenlage")
    for root in candidates:
        try:
            root.mkdir(parents=True, exist_ok=True)
            probe = root / ".writable"
            probe.touch()
            return root
        except OSError:
            continue
    raise QuellenlageError("no writable cache directory for the language model; set QUELLENLAGE_CACHE")

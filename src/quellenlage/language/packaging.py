"""Ship the model in pieces small enough for every repository snapshot, load it whole, and
trust nothing on disk that the package did not vouch for.

Repository snapshots of this project drop files over 4 MiB, and two files of a spaCy pipeline
(the tok2vec weights, the static vectors) are larger. Packaging splits such files into numbered
parts and writes the SHA-256 of every whole file into `checksums.sha256` (the format of
`sha256sum`); loading joins the parts once into a private cache directory, and checks every file
there against the shipped checksums before spaCy reads it. A damaged cache (a truncated or
altered file, a full disk during a first run) is rebuilt; a damaged installation is an error
that says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from quellenlage.errors import QuellenlageError

PART_SIZE = 3 * 1024 * 1024
PART_SUFFIX = ".part"
PART_PATTERN = f"*{PART_SUFFIX}[0-9][0-9][0-9]"
CHECKSUMS = "checksums.sha256"
# Files no loader reads: documentation may change after packaging (the model card is written last).
UNCHECKED_SUFFIXES = (".md",)
log = logging.getLogger(__name__)


class DamagedModel(QuellenlageError):
    """The installed model does not match its shipped checksums."""


def package_model(model_dir: Path, part_size: int = PART_SIZE) -> list[Path]:
    """Prepare a trained pipeline for shipping: split the large files, write the checksums."""
    split = split_large_files(model_dir, part_size)
    write_checksums(model_dir)
    return split


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


def write_checksums(model_dir: Path) -> dict[str, str]:
    """Write `checksums.sha256` for the whole files of `model_dir` (parts hashed as the file
    they join into), so that a retrained model only has to be packaged again."""
    checksums = compute_checksums(model_dir)
    lines = "".join(f"{digest}  {name}\n" for name, digest in sorted(checksums.items()))
    (model_dir / CHECKSUMS).write_text(lines, encoding="utf-8")
    return checksums


def compute_checksums(model_dir: Path) -> dict[str, str]:
    """SHA-256 of every file a loader reads, by path relative to `model_dir`; split files by
    the name of the whole file."""
    groups: dict[str, list[Path]] = {}
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        name = path.relative_to(model_dir).as_posix()
        if name == CHECKSUMS or name.endswith(UNCHECKED_SUFFIXES):
            continue
        if path.match(PART_PATTERN):
            name = name.rsplit(PART_SUFFIX, 1)[0]
        groups.setdefault(name, []).append(path)
    return {name: _sha256(paths) for name, paths in groups.items()}


def shipped_checksums(model_dir: Path) -> dict[str, str]:
    """The checksums the package ships with the model; empty for a model without them (a
    pipeline directory named by QUELLENLAGE_MODEL)."""
    manifest = model_dir / CHECKSUMS
    if not manifest.is_file():
        return {}
    checksums = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if digest and name:
            checksums[name] = digest
    return checksums


def mismatches(directory: Path, checksums: dict[str, str]) -> list[str]:
    """The files of `directory` that are missing or differ from their checksum."""
    bad = []
    for name, digest in checksums.items():
        path = directory / name
        if not path.is_file() or _sha256([path]) != digest:
            bad.append(name)
    return bad


def assembled(model_dir: Path) -> Path:
    """A directory spaCy can load whose every file matches the shipped checksums: `model_dir`
    itself, or a cached copy with the parts joined, rebuilt when damaged."""
    checksums = shipped_checksums(model_dir)
    parts = sorted(model_dir.rglob(PART_PATTERN))
    if not parts:
        if bad := mismatches(model_dir, checksums):
            raise _damaged_installation(model_dir, bad)
        return model_dir
    root = _cache_root()
    target = root / _fingerprint(model_dir, parts) / model_dir.name
    if target.is_dir():
        bad = mismatches(target, checksums) if checksums else ([] if (target / "config.cfg").is_file() else ["?"])
        if not bad:
            return target
        log.warning("the model cache %s is damaged (%s); rebuilding it", target, ", ".join(bad[:3]))
        _discard(target, root)
    try:
        _build(model_dir, parts, target, root, checksums)
    except OSError as error:
        raise QuellenlageError(
            f"the language model could not be unpacked into its cache {root} ({error.strerror or error}); "
            "free some space there or point QUELLENLAGE_CACHE at another directory"
        ) from error
    return target


def _build(model_dir: Path, parts: list[Path], target: Path, root: Path, checksums: dict[str, str]) -> None:
    """Join the parts in a private staging directory, check the result, move it into place in
    one step (a concurrent process sees all of it or builds its own); nothing is left behind."""
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".staging-"))
    try:
        copy = staging / model_dir.name
        shutil.copytree(model_dir, copy, ignore=shutil.ignore_patterns(PART_PATTERN))
        for original in sorted({p.with_name(p.name.rsplit(PART_SUFFIX, 1)[0]) for p in parts}):
            destination = copy / original.relative_to(model_dir)
            with destination.open("wb") as out:
                for part in sorted(original.parent.glob(f"{original.name}{PART_PATTERN[1:]}")):
                    out.write(part.read_bytes())
        if bad := mismatches(copy, checksums):
            raise _damaged_installation(model_dir, bad)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            copy.rename(target)
        except OSError:
            if mismatches(target, checksums) or not (target / "config.cfg").is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _discard(target: Path, root: Path) -> None:
    """Move a damaged cache out of the way first (atomic), then delete it."""
    trash = Path(tempfile.mkdtemp(dir=root, prefix=".damaged-"))
    with contextlib.suppress(OSError):  # another process got there first
        target.rename(trash / target.name)
    shutil.rmtree(trash, ignore_errors=True)


def _damaged_installation(model_dir: Path, bad: list[str]) -> DamagedModel:
    return DamagedModel(
        f"the installed language model in {model_dir} is damaged ({', '.join(bad[:3])} "
        "does not match its shipped checksum); reinstall quellenlage"
    )


def _sha256(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as file:
            while chunk := file.read(1024 * 1024):
                digest.update(chunk)
    return digest.hexdigest()


def _fingerprint(model_dir: Path, parts: list[Path]) -> str:
    manifest = model_dir / CHECKSUMS
    if manifest.is_file():
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:16]
    digest = hashlib.sha256((model_dir / "meta.json").read_bytes() if (model_dir / "meta.json").is_file() else b"")
    for part in parts:
        digest.update(f"{part.relative_to(model_dir)}:{part.stat().st_size}".encode())
    return digest.hexdigest()[:16]


def _cache_root() -> Path:
    """$QUELLENLAGE_CACHE, else the user's cache directory, else a per-user directory under the
    temporary directory: always one only this user can write (mode 0700), never a shared path
    where another local user could plant a model first."""
    configured = os.environ.get("QUELLENLAGE_CACHE")
    if configured:
        candidates = [Path(configured)]
    else:
        user_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "quellenlage"
        candidates = [user_cache, Path(tempfile.gettempdir()) / f"quellenlage-{os.getuid()}"]
    for root in candidates:
        if _private_directory(root):
            return root
    tried = ", ".join(str(c) for c in candidates)
    raise QuellenlageError(
        f"no private writable cache directory for the language model (tried {tried}); "
        "set QUELLENLAGE_CACHE to a directory of your own"
    )


def _private_directory(root: Path) -> bool:
    """Create `root` (mode 0700), or take it when it is a real directory (no link) of this user,
    made private if it was not; never one another user owns."""
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        root.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(root)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return False
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(root, 0o700)
        probe = root / ".writable"
        probe.touch()
        return True
    except OSError:
        return False

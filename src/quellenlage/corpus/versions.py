"""Which pipeline, model and schema produced an analysis, so that `reanalyze` knows what is stale.

The package version alone does not change when the rules do, so each version carries a short
fingerprint of what it names: the pipeline's is a hash of the analysis code and the knowledge base
(everything under `quellenlage/` except the layers above the analysis and the model), the
model's a hash of the model's files. Any change to a rule, a KB entry or a weight yields a new
version; a change to the web app or the store does not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from quellenlage.model import SCHEMA_VERSION

# Folders and files of the package that are not the analysis of one article.
NOT_ANALYSIS = frozenset(
    {"corpus", "linking", "web", "batch", "cli", "evaluation", "models", "report.py", "__pycache__", "__main__.py"}
)
ANALYSIS_SUFFIXES = (".py", ".json", ".gz", ".txt", ".tsv", ".csv")


@dataclass(frozen=True)
class Versions:
    pipeline: str
    model: str
    schema: str = SCHEMA_VERSION


@cache
def current_versions() -> Versions:
    """The versions an analysis made now would carry (loads the language module for the model's path)."""
    from quellenlage.language.annotate import model_path

    return Versions(pipeline=pipeline_version(), model=_model_version(model_path()))


@cache
def pipeline_version() -> str:
    """The pipeline's version alone: cheap, no model (what the skip check of an ingest needs)."""
    from quellenlage import __version__

    return f"{__version__}+{_analysis_fingerprint()}"


def _analysis_fingerprint() -> str:
    root = Path(str(resources.files("quellenlage")))
    digest = hashlib.sha256()
    for path in sorted(_analysis_files(root)):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _analysis_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root).parts
        if any(part in NOT_ANALYSIS for part in relative) or not path.is_file():
            continue
        if path.name.endswith(ANALYSIS_SUFFIXES):
            found.append(path)
    return found


def _model_version(path: Path) -> str:
    if not (path / "meta.json").is_file():
        return "none"
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode())
        digest.update(file.read_bytes())
    return f"{meta.get('name', 'model')}-{meta.get('version', '0')}+{digest.hexdigest()[:10]}"

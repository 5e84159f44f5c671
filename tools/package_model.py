"""Package a trained spaCy pipeline for shipping: split files over 3 MiB into parts and write
`checksums.sha256`, which the loader checks every file against (see
`src/quellenlage/language/packaging.py`). `training/train.py` runs this step itself; run it
by hand after changing any file of a shipped model:

    .venv/bin/python tools/package_model.py [MODEL_DIR]   # default: the shipped model
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quellenlage.language.packaging import CHECKSUMS, package_model  # noqa: E402

DEFAULT = ROOT / "src" / "quellenlage" / "models" / "de_quellenlage"


def main() -> None:
    model_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not (model_dir / "config.cfg").is_file():
        raise SystemExit(f"{model_dir}: no spaCy pipeline (config.cfg missing)")
    split = package_model(model_dir)
    for path in split:
        print(f"split {path.relative_to(model_dir)} into parts")
    print(f"wrote {model_dir / CHECKSUMS}")


if __name__ == "__main__":
    main()

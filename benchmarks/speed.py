"""Throughput of the German pipeline on 10kGNAD news articles, one core.

    .venv/bin/python benchmarks/speed.py [--limit 300] [--threads 1] [--model PATH]

(a) the spaCy model alone (``nlp.pipe``), (b) ``quellenlage.analyze(text)`` if it
is importable (skipped with a message otherwise).  Words = non-space tokens of the
model's tokenizer for (a), whitespace-separated words for (b).  ``words/s`` uses wall
time, ``words/cpu-s`` process CPU time (= per core with one thread; robust when the
machine is shared).  Peak memory is ``ru_maxrss`` of this process.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "10kgnad-test.csv"
DEFAULT_MODEL = REPO / "src" / "quellenlage" / "models" / "de_quellenlage"


def load_texts(path: Path, limit: int | None = None) -> list[str]:
    csv.field_size_limit(10**8)
    texts = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2 and row[1].strip():
                texts.append(row[1])
            if limit and len(texts) >= limit:
                break
    return texts


def model_speed(nlp, texts: list[str], batch_size: int = 64) -> dict:
    # warm-up
    list(nlp.pipe(texts[:5]))
    t0, c0 = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return _rates(texts, time.perf_counter() - t0, time.process_time() - c0)


def analyze_speed(texts: list[str]) -> dict:
    from quellenlage import analyze

    analyze(texts[0])
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        analyze(text, force=True)
    return _rates(texts, time.perf_counter() - t0, time.process_time() - c0)


def _rates(texts: list[str], dt: float, ct: float) -> dict:
    """Rates in words (whitespace-separated, the same count for every row) per second."""
    words = sum(len(t.split()) for t in texts)
    return {
        "words": words,
        "seconds": dt,
        "cpu_seconds": ct,
        "words_per_s": words / dt if dt else 0.0,
        "words_per_cpu_s": words / ct if ct else 0.0,
    }


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    sys.path.insert(0, str(REPO / "src"))
    import spacy

    texts = load_texts(args.data, args.limit)
    from quellenlage.language.packaging import assembled

    nlp = spacy.load(assembled(args.model))
    a = model_speed(nlp, texts)
    b = analyze_speed(texts)
    print(f"{len(texts)} articles, threads={args.threads}, pipeline: {', '.join(nlp.pipe_names)}")
    head = f"{'what':<26} {'words':>8} {'wall s':>8} {'cpu s':>8} {'words/s':>9} {'words/cpu-s':>12}"
    print(head)

    def row(name: str, r: dict) -> str:
        return (
            f"{name:<26} {r['words']:8d} {r['seconds']:8.2f} {r['cpu_seconds']:8.2f} "
            f"{r['words_per_s']:9.0f} {r['words_per_cpu_s']:12.0f}"
        )

    print(row("(a) model alone", a))
    print(row("(b) quellenlage.analyze", b))
    print(f"peak memory (maxrss): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()

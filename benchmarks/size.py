"""Time and memory of one `analyze` by input size, 10 KB to 5 MB, and the shape of the curve.

    .venv/bin/python benchmarks/size.py [--sizes 10k,100k,500k,1m,2m,5m] [--lines 50000] [--seed 0]

Inputs are real news: 10kGNAD articles (../shared/data/news) drawn with a fixed seed, one
paragraph each, cut at the size. `--lines N` adds the ticker shape: N lines of one sentence each (drawn with repeats;
`--distinct-lines`: each sentence once, about 13,000 at most).
`--stages` adds the CPU seconds of each stage of the pipeline (`annotate` is the language model).
Every input runs in a fresh process (one core: OMP_NUM_THREADS=1), the model loaded before the
clock starts; `cpu s` is the process CPU time of `analyze` plus writing the JSON, `peak MB` the
process's peak resident memory (the loaded model is about 220 MB of it). The exponent is the
slope of log(cpu s) over log(size) from 100 KB up: 1.0 is linear.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news" / "10kgnad-test.csv"
UNITS = {"k": 1000, "m": 1000_000}
CHILD = r"""
import json, resource, sys, time
from quellenlage import analyze, pipeline
analyze("Der Kanzler sagte am Montag in Berlin, die Lage sei ernst. 300 Soldaten seien dort.")
stages = {}
def timed(name, function):
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            stages[name] = stages.get(name, 0.0) + time.process_time() - start
    return run
for name in STAGES:
    setattr(pipeline, name, timed(name, getattr(pipeline, name)))
text = open(sys.argv[1], encoding="utf-8").read()
wall, cpu = time.perf_counter(), time.process_time()
analysis = analyze(text, force=True)
size = len(analysis.to_json())
result = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "json": size,
          "sentences": len(analysis.sentences), "quotes": len(analysis.quotes), "claims": len(analysis.claims),
          "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "stages": stages}
print(json.dumps(result))
"""
# The stages of `pipeline.analyze` whose CPU time `--stages` prints (names in pipeline.py).
STAGES = (
    "find_segments",
    "annotate",
    "resolve_entities",
    "find_dates",
    "find_quotes",
    "find_claims",
    "code_events",
)


def articles(path: Path = NEWS) -> list[str]:
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2 and row[1].strip()]


def news(size: int, seed: int = 0) -> str:
    """Articles drawn with a fixed seed, one paragraph each, cut at `size` bytes (UTF-8)."""
    pool, rng, parts, total = articles(), random.Random(seed), [], 0
    while total < size:
        parts.append(rng.choice(pool))
        total += len(parts[-1].encode()) + 2
    return "\n\n".join(parts).encode()[:size].decode("utf-8", "ignore")


def ticker(lines: int, seed: int = 0, distinct: bool = False) -> str:
    """`lines` lines of one short news sentence each (at most 120 characters, 75 on average):
    the shape of a live ticker or an agency feed. The 1,028 test articles hold about 13,000 such
    sentences, so 50,000 lines repeat them; `distinct` takes each sentence once (and gives fewer
    lines when the pool runs out)."""
    pool, rng = articles(), random.Random(seed)
    sentences: list[str] = []
    if distinct:
        rng.shuffle(pool)
        draws = iter(pool)
    while len(sentences) < lines:
        article = next(draws, None) if distinct else rng.choice(pool)
        if article is None:
            break
        split = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", article)
        sentences.extend(s for s in split if 20 <= len(s.strip()) <= 120)
    if distinct:
        sentences = list(dict.fromkeys(sentences))
    return "\n".join(sentences[:lines]) + "\n"


def measure(text: str) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write(text)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"STAGES = {STAGES!r}\n" + CHILD, handle.name],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        raise SystemExit(f"the analysis failed: {done.stderr.strip().splitlines()[-1:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["bytes"] = len(text.encode())
    return result


def exponent(rows: list[dict[str, float]]) -> float:
    """Least-squares slope of log(cpu) over log(bytes)."""
    xs = [math.log(r["bytes"]) for r in rows]
    ys = [math.log(r["cpu"]) for r in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def parse_size(value: str) -> int:
    value = value.strip().lower()
    return int(float(value[:-1]) * UNITS[value[-1]]) if value[-1] in UNITS else int(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,500k,1m,2m,5m")
    parser.add_argument("--lines", type=int, default=50_000, help="also the ticker input of N lines (0: skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--distinct-lines", action="store_true", help="the ticker without repeated lines")
    parser.add_argument("--stages", action="store_true", help="also the CPU seconds of each stage of the pipeline")
    args = parser.parse_args()
    head = f"{'input':<22} {'bytes':>9} {'wall s':>8} {'cpu s':>8} {'cpu s/MB':>9} {'peak MB':>8} {'json/in':>8}"
    print(head)
    rows = []
    for size in (parse_size(s) for s in args.sizes.split(",")):
        row = measure(news(size, args.seed))
        rows.append(row)
        print(_line(f"news {size / 1000:g} kB", row, args.stages), flush=True)
    if args.lines:
        lines = ticker(args.lines, args.seed, args.distinct_lines)
        count = len(lines.splitlines())
        print(_line(f"ticker {count} lines", measure(lines), args.stages), flush=True)
        print(f"  ({len(set(lines.splitlines()))} distinct lines)")
    curve = [r for r in rows if r["bytes"] >= 100_000]
    if len(curve) >= 2:
        per_mb = [r["cpu"] / r["bytes"] * 1e6 for r in curve]
        print(f"exponent (cpu over size, >= 100 kB): {exponent(curve):.2f}")
        print(f"cpu s per MB, largest / smallest (>= 100 kB): {max(per_mb) / min(per_mb):.2f}")


def _line(name: str, r: dict[str, Any], stages: bool = False) -> str:
    line = (
        f"{name:<22} {int(r['bytes']):>9} {r['wall']:>8.1f} {r['cpu']:>8.1f} {r['cpu'] / r['bytes'] * 1e6:>9.1f} "
        f"{r['peak_mb']:>8.0f} {r['json'] / r['bytes']:>8.1f}"
    )
    if stages:
        line += "\n    " + ", ".join(f"{name.removeprefix('find_')} {cpu:.1f}" for name, cpu in r["stages"].items())
    return line


if __name__ == "__main__":
    main()

"""Hostile input by the thousand: every input must end in a valid analysis or one InputError,
never another exception; and the JSON must stay proportional to the input.

    .venv/bin/python benchmarks/fuzz.py [--count 10000] [--seed 0] [--scale 1.0]

Runs the files of tests/fixtures/hostile, the large generated cases of tests/hostile.py at
`--scale` (1.0: the sizes of issue 18, a 100 kB number list among them), and `--count` random
articles (tests/hostile.py `random_article`). Prints the failures with their seed, the largest
JSON/input ratios, and the totals.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]

from hostile import check_analysis, generated_inputs, random_article  # noqa: E402

from quellenlage import InputError, analyze  # noqa: E402


def run(name: str, source: str | bytes, force: bool, results: dict[str, list]) -> None:
    size = len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "surrogatepass"))
    started = time.process_time()
    try:
        analysis = analyze(source, force=force)
        check_analysis(analysis)
        ratio = len(analysis.to_json(indent=None).encode()) / max(size, 1)  # as the CLI writes it
        results["ok"].append((name, size, ratio, time.process_time() - started))
    except InputError as error:
        message = str(error)
        if not message or "\n" in message:
            results["failed"].append((name, f"InputError without a one-line message: {message!r}"))
        else:
            results["refused"].append((name, message))
    except Exception:
        results["failed"].append((name, traceback.format_exc()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    results: dict[str, list] = {"ok": [], "refused": [], "failed": []}
    for path in sorted((REPO / "tests" / "fixtures" / "hostile").iterdir()):
        run(f"file {path.name}", path.read_bytes(), False, results)
    for name, source in generated_inputs(args.scale, args.seed).items():
        run(f"generated {name}", source, True, results)
    fixed = len(results["ok"]) + len(results["refused"]) + len(results["failed"])
    started = time.perf_counter()
    for number in range(args.count):
        rng = random.Random(args.seed * 1_000_003 + number)
        run(f"random seed {args.seed * 1_000_003 + number}", random_article(rng), rng.random() < 0.5, results)
        if number and number % 1000 == 0:
            print(f"{number} random inputs, {len(results['failed'])} failures so far", file=sys.stderr, flush=True)
    for name, detail in results["failed"]:
        print(f"FAILED {name}\n{detail}")
    print("largest JSON/input ratios (inputs of at least 1 kB):")
    for name, size, ratio, seconds in sorted(results["ok"], key=lambda r: -r[2] if r[1] >= 1000 else 0)[:8]:
        print(f"  {ratio:6.1f}x  {size:>8} bytes  {seconds:6.1f} cpu s  {name}")
    print(
        f"{fixed} fixed and {args.count} random inputs ({time.perf_counter() - started:.0f} s for the random ones): "
        f"{len(results['ok'])} analysed, {len(results['refused'])} refused with one line, "
        f"{len(results['failed'])} failed (tracebacks)"
    )
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()

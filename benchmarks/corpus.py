"""Corpus benchmarks: ingest speed, rerun speed, query latency, database size, peak memory.

    .venv/bin/python benchmarks/corpus.py [--postgres URL] [--limit N] [--workers 1 2] [--out FILE]
    .venv/bin/python benchmarks/corpus.py --db build/bench.db [--copy-to postgresql://…/empty] [--repeats 100]

Input: the 1,028 articles of 10kGNAD test plus the Wikinews train and dev articles (about 1,880),
written to JSONL in a temporary folder (`web_corpus.records`, the corpus of the web load test).
For each database (SQLite; PostgreSQL when --postgres names a server, a fresh database is created
there) and each worker count, `quellenlage ingest` runs as a separate process into an empty
database: articles/s and words/s over the whole command (model loading included), then the same
command again (the rerun, which must add nothing). Then 100 queries of each kind (a speaker's
quotations, a full-text search, a claim filter) with varying arguments: p50 and p95 in ms. Then the
database size per 1,000 articles beyond an empty corpus, with and without --no-text (SQLite), and the peak memory of an
ingest of 100 articles vs all of them (one worker, SQLite). The baseline is single-process
`quellenlage.analyze` speed on the first 300 of the same articles (as benchmarks/speed.py).

With --db, only the queries are measured, on a corpus built before (by this script's ingest or
`benchmarks/web_corpus.py`), and with --copy-to also on a copy of it in a fresh PostgreSQL database,
made without analysing again: the way to compare SQLite and PostgreSQL on the same facts without
a second ingest. Every figure is printed with the machine's load average beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from machine import load, load_line
from web_corpus import records as corpus_records

CLI = "import sys; from quellenlage.cli import main; sys.exit(main())"


def write_inputs(folder: Path, limit: int | None) -> tuple[Path, int, int]:
    """The benchmark corpus as one JSONL file; returns (path, articles, words)."""
    records = corpus_records()
    records = records[:limit] if limit else records
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, len(records), sum(len(r["text"].split()) for r in records)


def run_ingest(db: str, source: Path, workers: int, *extra: str) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS in MB (the largest process of the command), the summary line, and the
    CPU seconds of the command and its workers together."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "ingest", "--db", db, "--workers", str(workers), *extra, str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"ingest failed ({process.returncode}): {err}")
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    return seconds, usage.ru_maxrss / 1024, summary, usage.ru_utime + usage.ru_stime


def analyze_baseline(source: Path, count: int = 300) -> tuple[float, float]:
    """Words per wall second and per CPU second of single-process quellenlage.analyze (warmed up)."""
    from quellenlage import analyze

    texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines()[:count]]
    analyze(texts[0], force=True)
    started, cpu = time.perf_counter(), time.process_time()
    for body in texts:
        try:
            analyze(body, force=True)
        except Exception:  # noqa: S112 - the baseline counts what analyses
            continue
    words = sum(len(t.split()) for t in texts)
    return words / (time.perf_counter() - started), words / (time.process_time() - cpu)


def query_latency(db: str, repeats: int = 100) -> dict[str, tuple[float, float, float]]:
    """p50 and p95 in ms of each kind of query, and the machine's load after it."""
    from quellenlage.corpus import Corpus

    corpus = Corpus(db)
    speakers = [e.name for e in corpus.entities(type="PER", order="quotes", limit=repeats)] or ["Merkel"]
    words = ["Regierung", "Polizei", "Wahl Partei", "Euro", "Krieg", "Schule", "Wien", '"Vereinigten Staaten"']
    counted = ["Prozent", "Euro", "Menschen", "Millionen", "Jahre", "Soldaten"]
    kinds = {
        "quotes of a speaker": lambda i: corpus.quotes(speaker=speakers[i % len(speakers)], limit=50),
        "full-text search": lambda i: corpus.search(words[i % len(words)], limit=20),
        "claim filter": lambda i: corpus.claims(counts=counted[i % len(counted)], hedged=False, limit=50),
    }
    results = {}
    for name, query in kinds.items():
        query(0)
        times = []
        for i in range(repeats):
            started = time.perf_counter()
            query(i)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        results[name] = (statistics.median(times), times[max(0, int(0.95 * len(times)) - 1)], load())
    corpus.close()
    return results


def print_latency(backend: str, latency: dict[str, tuple[float, float, float]]) -> None:
    for name, (p50, p95, busy) in latency.items():
        print(f"  {backend} {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms (load {busy:.1f})", flush=True)


def copy_corpus(source: str, target: str) -> int:
    """The articles and facts of one corpus written into another through the store's writer, without
    analysing again (as `quellenlage load` stores a batch); returns the number of articles."""
    from quellenlage.corpus import Corpus
    from quellenlage.corpus.prepare import prepared_from_analysis, record_meta
    from quellenlage.corpus.store import Writer
    from quellenlage.inputs import SourceRecord

    copied = 0
    with Corpus(source) as original, Corpus(target) as copy:
        writer, pending = Writer(copy.engine), []
        for article, analysis in original.iter_analyses():
            record = SourceRecord(
                article.id,
                content=analysis.text,
                id=article.id,
                url=article.url,
                outlet=article.outlet,
                published=article.published,
                title=article.title,
            )
            pending.append(
                prepared_from_analysis(record_meta(record), analysis, article.published, article.outlet, article.title)
            )
            if len(pending) >= 200:
                copied += len(writer.write(pending))
                pending = []
        copied += len(writer.write(pending))
    return copied


def queries_only(args: argparse.Namespace) -> None:
    """--db: the queries on a corpus built before, and on its copy in --copy-to."""
    from quellenlage.corpus import Corpus

    figures: dict[str, object] = {"load_before": os.getloadavg()}
    with Corpus(args.db) as corpus:
        stats = corpus.stats()
    print(f"{stats.articles:,} articles, {stats.quotes:,} quotations, {stats.claims:,} claims in {args.db}")
    print(load_line())
    targets = [("sqlite" if "://" not in args.db or args.db.startswith("sqlite") else "postgresql", args.db)]
    if args.copy_to:
        started, target = time.perf_counter(), fresh_postgres(args.copy_to)
        copied = copy_corpus(args.db, target)
        print(f"copied {copied:,} articles into {target.split('@')[-1]} in {time.perf_counter() - started:.0f} s")
        targets.append(("postgresql", target))
    for backend, db in targets:
        latency = query_latency(db, args.repeats)
        figures[f"{backend}_queries"] = latency
        print_latency(backend, latency)
    figures["load_after"] = os.getloadavg()
    print(load_line())
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1), encoding="utf-8")


def database_size(db: str) -> int:
    from sqlalchemy import text

    from quellenlage.corpus import Corpus

    corpus = Corpus(db)
    with corpus.engine.connect() as connection:
        if corpus.engine.dialect.name == "postgresql":
            size = int(connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
        else:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            size = Path(corpus.engine.url.database or "").stat().st_size
    corpus.close()
    return size


def fresh_postgres(server: str) -> str:
    import psycopg

    name = f"ql_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="a PostgreSQL server URL (a fresh database is created there)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    parser.add_argument("--db", help="only the queries, on this corpus (built before)")
    parser.add_argument(
        "--copy-to", metavar="URL", help="with --db: a PostgreSQL server; copy the corpus into a fresh database there"
    )
    parser.add_argument("--repeats", type=int, default=100, help="queries of each kind (default 100)")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.db:
        queries_only(args)
        return
    print(load_line())
    figures: dict[str, object] = {"load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source, articles, words = write_inputs(folder, args.limit)
        print(f"{articles} articles, {words:,} words")
        baseline, baseline_cpu = analyze_baseline(source)
        figures["analyze_words_per_s"] = baseline
        figures["analyze_words_per_cpu_s"] = baseline_cpu
        print(f"single-process analyze: {baseline:,.0f} words/s, {baseline_cpu:,.0f} words/CPU-s (load {load():.1f})")
        backends = [("sqlite", lambda: str(folder / f"bench-{uuid.uuid4().hex[:6]}.db"))]
        if args.postgres:
            server = args.postgres
            backends.append(("postgresql", lambda: fresh_postgres(server)))
        print(
            f"{'database':<11}{'workers':>8}{'seconds':>9}{'art/s':>8}{'words/s':>9}{'/analyze':>9}"
            f"{'w/CPU-s':>9}{'/analyze':>9}{'rerun s':>9}{'faster':>8}{'rerun cpu':>10}{'faster':>8}{'peak MB':>9}"
            f"{'load':>6}"
        )
        for backend, make in backends:
            for workers in args.workers:
                db = make()
                seconds, peak, summary, cpu = run_ingest(db, source, workers)
                rerun, _, rerun_summary, rerun_cpu = run_ingest(db, source, workers)
                assert " 0 stored, 0 new revisions" in rerun_summary, rerun_summary
                rate = words / seconds
                row = {
                    "seconds": seconds,
                    "articles_per_s": articles / seconds,
                    "words_per_s": rate,
                    "share_of_analyze": rate / workers / baseline,
                    "words_per_cpu_s": words / cpu,
                    "cpu_share_of_analyze": words / cpu / baseline_cpu,
                    "rerun_seconds": rerun,
                    "rerun_speedup": seconds / rerun,
                    "cpu_seconds": cpu,
                    "rerun_cpu_seconds": rerun_cpu,
                    "rerun_cpu_speedup": cpu / rerun_cpu,
                    "peak_mb": peak,
                    "summary": summary,
                    "load": load(),
                }
                figures[f"{backend}_{workers}"] = row
                print(
                    f"{backend:<11}{workers:>8}{seconds:>9.1f}{articles / seconds:>8.1f}{rate:>9,.0f}"
                    f"{rate / workers / baseline:>9.0%}{words / cpu:>9,.0f}{words / cpu / baseline_cpu:>9.0%}"
                    f"{rerun:>9.2f}{seconds / rerun:>8.0f}{rerun_cpu:>10.2f}{cpu / rerun_cpu:>8.0f}{peak:>9.0f}"
                    f"{row['load']:>6.1f}",
                    flush=True,
                )
                if workers == max(args.workers):
                    latency = query_latency(db, args.repeats)
                    figures[f"{backend}_queries"] = latency
                    print_latency(backend, latency)
                    size = database_size(db) - database_size(make())  # beyond an empty corpus
                    figures[f"{backend}_bytes_per_1000"] = size / articles * 1000
                    print(f"  {backend} size: {size / articles * 1000 / 1024 / 1024:.1f} MB per 1,000 articles")
        db = str(folder / "notext.db")
        run_ingest(db, source, max(args.workers), "--no-text")
        size = database_size(db) - database_size(str(folder / "empty.db"))
        figures["sqlite_no_text_bytes_per_1000"] = size / articles * 1000
        print(f"  sqlite --no-text size: {size / articles * 1000 / 1024 / 1024:.1f} MB per 1,000 articles")
        if not args.skip_memory and "sqlite_1" in figures:
            small = folder / "small.jsonl"
            small.write_text("".join(source.read_text(encoding="utf-8").splitlines(True)[:100]), encoding="utf-8")
            _, peak_small, _, _ = run_ingest(str(folder / "mem-small.db"), small, 1)
            peak_all = figures["sqlite_1"]["peak_mb"]  # type: ignore[index]
            figures["peak_mb_100"] = peak_small
            print(f"peak memory, one worker: {peak_small:.0f} MB for 100 articles, {peak_all:.0f} MB for {articles}")
    figures["load_after"] = os.getloadavg()
    print(load_line())
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

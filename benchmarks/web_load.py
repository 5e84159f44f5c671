"""Bounded loopback load test of `quellenlage serve`: p50/p95 latency and throughput of
POST /api/v1/analyze (the bundled example) and of the article, figure, figure list, story and
search pages, with 1 and 8 concurrent clients; and the throughput of /analyze with 1 and 2 server workers.

Everything stays on 127.0.0.1: the script starts the server itself on a free port, sends a fixed
number of requests per scenario (and stops at a time limit), and stops the server.

    python benchmarks/web_load.py                      # /analyze only
    python benchmarks/web_load.py --db corpus.db       # and the pages of a stored corpus
    python benchmarks/web_load.py --db corpus.db --no-analyze --workers 1 --clients 1 --pages 50   # reduced

Every row carries the machine's load average at its end (a busy neighbour slows every figure).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
from machine import load, load_line

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "000_672791c411a9ad6f.txt"
TIME_LIMIT_S = 300  # per scenario


@dataclass
class Result:
    name: str
    clients: int
    workers: int
    latencies: list[float]
    errors_5xx: int
    other_errors: int
    seconds: float
    load: float = 0.0  # the machine's load average at the end

    def row(self) -> dict[str, object]:
        ordered = sorted(self.latencies)
        return {
            "scenario": self.name,
            "clients": self.clients,
            "workers": self.workers,
            "requests": len(self.latencies),
            "p50_ms": round(1000 * statistics.median(ordered), 1) if ordered else None,
            "p95_ms": round(1000 * ordered[max(0, int(0.95 * len(ordered)) - 1)], 1) if ordered else None,
            "per_s": round(len(self.latencies) / self.seconds, 2) if self.seconds else None,
            "5xx": self.errors_5xx,
            "other_errors": self.other_errors,
            "load": self.load,
        }


class Server:
    """`quellenlage serve` in a child process on a free loopback port."""

    def __init__(self, workers: int, db: str | None):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [str(Path(sys.executable).parent / "quellenlage"), "serve", "--port", str(self.port)]
        command += ["--workers", str(workers)]
        if db:
            command += ["--db", db]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/api/v1", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.3)
        raise SystemExit(
            "the server did not start: " + (self.process.stderr.read().decode() if self.process.stderr else "")
        )

    def __exit__(self, *_exc: object) -> None:
        self.process.terminate()
        self.process.wait(30)


def run(base: str, name: str, request: dict | list[dict], clients: int, count: int, workers: int) -> Result:
    """`count` requests from `clients` at once; a list of requests is sent in turn."""
    requests = request if isinstance(request, list) else [request]
    latencies: list[float] = []
    errors_5xx = other = 0

    local = threading.local()

    def one(number: int) -> tuple[float, int]:
        # one client per thread, kept alive like a browser's connection: creating a client costs
        # more than a page (it loads the TLS certificates), and that is no part of the server's time
        client = getattr(local, "client", None) or httpx.Client(base_url=base, timeout=120)
        local.client = client
        start = time.perf_counter()
        if start - started > TIME_LIMIT_S:
            return 0.0, 0  # over the time limit: not sent
        try:
            response = client.request(**requests[number % len(requests)])
            return time.perf_counter() - start, response.status_code
        except httpx.HTTPError:
            return time.perf_counter() - start, 599  # no answer at all counts as a server error

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for latency, status in pool.map(one, range(count)):
            if status == 0:
                continue
            latencies.append(latency)
            errors_5xx += status >= 500
            other += 400 <= status < 500
    return Result(name, clients, workers, latencies, errors_5xx, other, time.perf_counter() - started, load())


def _print(result: Result) -> None:
    print("  ".join(f"{k}={v}" for k, v in result.row().items()), flush=True)


SEARCHES = ["Regierung", "Polizei", "Wahl", "Euro", "Krieg", "Schule", "Wien", "Minister", "Gericht", "Klima"]


def page_requests(base: str) -> dict[str, dict | list[dict]]:
    """Requests for the article, figure, story and search pages of the stored corpus. The figure
    and story are the most reported ones (the longest lineage table and chart, the longest
    timeline); the figures list searches what is counted. The pages a server keeps (page_cache)
    are also asked in turn at 100 addresses per client count, so that with --pages 100 every
    request renders its page: articles, and searches for 10 words, pages 1 to 21 of results."""
    listed = f"{base}/api/v1/articles"
    articles = httpx.get(listed, params={"limit": 200}, timeout=30).json()["items"]  # 200: the API's largest page
    articles += httpx.get(listed, params={"limit": 5, "offset": 200}, timeout=30).json()["items"]
    article = articles[len(articles) // 2]["id"]
    figure = httpx.get(f"{base}/api/v1/figures", params={"limit": 1}, timeout=600).json()["items"][0]["id"]
    stories = httpx.get(f"{base}/api/v1/stories", params={"limit": 200}, timeout=600).json()["items"]
    story = max(stories, key=lambda s: len(s["articles"]))["id"]
    return {
        "article page": {"method": "GET", "url": f"/articles/{article}"},
        "figure page": {"method": "GET", "url": f"/figures/{figure}"},
        "figures list page": {"method": "GET", "url": "/figures", "params": {"counts": "Menschen"}},
        "story page": {"method": "GET", "url": f"/stories/{story}"},
        "search page": {"method": "GET", "url": "/search", "params": {"q": "Regierung", "kind": "direct"}},
        # 100 addresses for each of (at most) two client counts, and 5 for the warm-up
        "article pages, 100 different": [{"method": "GET", "url": f"/articles/{a['id']}"} for a in articles],
        "search pages, 100 different": [
            {"method": "GET", "url": "/search", "params": {"q": word, "page": page}}
            for page in range(1, 22)
            for word in SEARCHES
        ][:205],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a stored corpus for the page scenarios")
    parser.add_argument("--analyses", type=int, default=24, help="POST /analyze requests per scenario")
    parser.add_argument("--pages", type=int, default=200, help="page requests per scenario")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="server workers (default 1 2)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8], help="concurrent clients (default 1 8)")
    parser.add_argument("--no-analyze", action="store_true", help="only the pages (with --db)")
    args = parser.parse_args()
    print(load_line(), flush=True)
    analyze = {"method": "POST", "url": "/api/v1/analyze", "json": {"text": EXAMPLE.read_text(encoding="utf-8")}}
    results: list[Result] = []
    for workers in args.workers:
        # the pages are measured with the fewest workers; a server with more gets no corpus, so
        # that no worker links it in the background while /analyze is timed
        pages = args.db is not None and workers == min(args.workers)
        with Server(workers, args.db if pages else None) as server:
            if pages:
                started = time.perf_counter()
                httpx.get(f"{server.base}/api/v1/figures", params={"limit": 1}, timeout=1200)
                print(f"links of the corpus ready {time.perf_counter() - started:.1f} s after the server answered")
            if not args.no_analyze:
                run(server.base, "warm-up", analyze, workers, 2 * workers, workers)  # each worker loads the model
                for clients in args.clients:
                    results.append(run(server.base, "POST /api/v1/analyze", analyze, clients, args.analyses, workers))
                    _print(results[-1])
            if pages:
                for name, request in page_requests(server.base).items():
                    # a list: warmed up on its last 5 addresses, each client count its own share of
                    # the others (never asked before, so not kept)
                    run(server.base, "warm-up", request[-5:] if isinstance(request, list) else request, 1, 5, workers)
                    for turn, clients in enumerate(args.clients):
                        asked: dict | list[dict] = request
                        if isinstance(request, list):
                            share = (len(request) - 5) // len(args.clients)
                            asked = request[turn * share : (turn + 1) * share]
                        results.append(run(server.base, name, asked, clients, args.pages, workers))
                        _print(results[-1])
    rows = [r.row() for r in results]
    summary: dict[str, object] = {"rows": rows, "load_end": os.getloadavg()}

    def analyze_rate(workers: int) -> float | None:
        clients = max(args.clients)
        found = [
            r["per_s"]
            for r in rows
            if r["scenario"] == "POST /api/v1/analyze" and r["workers"] == workers and r["clients"] == clients
        ]
        return float(found[0]) if found and found[0] else None  # type: ignore[arg-type]

    one, two = analyze_rate(1), analyze_rate(2)
    if one and two:
        speedup = round(two / one, 2)
        summary["analyze_speedup_2_workers"] = speedup
        print(
            f"POST /analyze throughput, {max(args.clients)} clients: 2 workers / 1 worker = {speedup}x "
            f"(on {os.cpu_count()} cores)"
        )
    print(load_line())
    if args.out:
        args.out.write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()

"""How linking time grows with the corpus: 1,000, 2,000 and 4,000 articles (by default).

    .venv/bin/python benchmarks/linking.py [--sizes 1000 2000 4000] [--cache DIR | --db URL]

The articles are the Wikinews quotation corpus (train and dev, dated by their file names) and
10kGNAD (undated: spread over 2016 by row), analysed once with `quellenlage.analyze` and digested;
the digests are cached in --cache so reruns skip the analysis (about 1,900 articles, minutes).
With --db, the digests come from a stored corpus instead (`benchmarks/web_corpus.py` builds one of
the same texts): made once from the stored analyses and kept in it, as `quellenlage` does.
Corpora larger than the texts at hand repeat them with changed ids, each repetition moved two
years later, so repeats are no wire copies or stories of their originals but do meet them in the
MinHash index (the work of telling them apart is measured). Reported: CPU seconds of linking
(`link_articles` on the digests: wire copies, stories, quote trails, figures) and of digesting one
article, peak memory, and what was found.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FILE_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")


def texts() -> list[dict[str, str]]:
    """Wikinews and 10kGNAD articles as {id, title, published, text, outlet}."""
    found = []
    for part in ("train", "dev"):
        for path in sorted((DATA / "quotes" / "wikinews-de" / part).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            name = doc["documentName"]
            day = FILE_DATE.search(name)
            title = FILE_DATE.sub("", name.split(" - ", 1)[-1]).strip()
            found.append(
                {
                    "id": f"wn-{name.split(' ', 1)[0]}",
                    "title": title,
                    "published": f"{day.group(1)}T12:00:00+00:00" if day else "",
                    "text": f"{title}\n\n{doc['originalText']}",
                    "outlet": "Wikinews",
                }
            )
    csv.field_size_limit(10**8)
    with open(DATA / "news" / "10kgnad-test.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2 and row[1].strip()]
    for i, row in enumerate(rows):
        day = date(2016, 1, 1) + timedelta(days=i * 365 // len(rows))
        found.append(
            {
                "id": f"gnad-{i}",
                "title": row[1][:80],
                "published": f"{day.isoformat()}T08:00:00+01:00",
                "text": row[1],
                "outlet": f"10kGNAD {row[0]}",
            }
        )
    return found


def digests(cache: Path) -> list:
    from quellenlage.linking import ArticleDigest, ArticleMeta, digest_article

    path = cache / "digests.jsonl"
    if path.exists():
        return [ArticleDigest.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]
    from quellenlage import analyze

    cache.mkdir(parents=True, exist_ok=True)
    made, digest_cpu = [], 0.0
    for n, article in enumerate(texts(), 1):
        analysis = analyze(article["text"], article["published"][:10] or None, force=True)
        start = time.process_time()
        meta = ArticleMeta(
            id=article["id"], outlet=article["outlet"], published=article["published"] or None, title=article["title"]
        )
        made.append(digest_article(meta, analysis))
        digest_cpu += time.process_time() - start
        if n % 200 == 0:
            print(f"  analysed {n}", file=sys.stderr)
    path.write_text("".join(d.model_dump_json() + "\n" for d in made), encoding="utf-8")
    (cache / "digest_cpu.json").write_text(json.dumps({"articles": len(made), "cpu_s": digest_cpu}))
    return made


def stored_digests(db: str) -> list:
    from quellenlage.corpus import Corpus
    from quellenlage.linking.store import corpus_digests

    with Corpus(db) as corpus:
        start = time.process_time()
        made = corpus_digests(corpus)
        print(f"digests from the store: {time.process_time() - start:.1f} CPU s (made once, then read)")
    return made


def corpus_of(base: list, size: int) -> list:
    """`size` digests: the base ones, then repeats with new ids, two years later each round."""
    out = []
    for n in range(size):
        original = base[n % len(base)]
        round_ = n // len(base)
        if round_ == 0:
            out.append(original)
            continue
        meta = original.meta
        published = meta.published
        if published:
            moved = datetime.fromisoformat(published) + timedelta(days=730 * round_)
            published = moved.isoformat()
        out.append(
            original.model_copy(
                update={"meta": meta.model_copy(update={"id": f"{meta.id}~{round_}", "published": published})}
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/quellenlage-linking-bench"))
    parser.add_argument("--db", help="take the digests of this stored corpus (SQLite path or URL)")
    args = parser.parse_args()
    from quellenlage.linking import link_articles

    base = stored_digests(args.db) if args.db else digests(args.cache)
    per_digest = (
        json.loads((args.cache / "digest_cpu.json").read_text()) if (args.cache / "digest_cpu.json").exists() else None
    )
    print(f"{len(base)} distinct articles")
    if per_digest:
        print(f"digest: {1000 * per_digest['cpu_s'] / per_digest['articles']:.1f} ms CPU per article")
    print(
        f"{'articles':>8} {'link CPU s':>10} {'ms/article':>10} {'wall s':>7} {'wire groups':>11} {'stories':>8} "
        f"{'trails':>7} {'figures':>8}"
    )
    for size in args.sizes:
        corpus = corpus_of(base, size)
        wall, cpu = time.perf_counter(), time.process_time()
        links = link_articles(corpus)
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
        print(
            f"{size:>8} {cpu:>10.2f} {1000 * cpu / size:>10.2f} {wall:>7.1f} {len(links.wire_groups):>11} "
            f"{len(links.stories):>8} {len(links.trails):>7} {len(links.figures):>8}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

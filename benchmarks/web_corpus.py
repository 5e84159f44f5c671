"""Build the load test's corpus: the Wikinews articles (train and dev of the quotation data) and
the 10kGNAD test articles of ../shared/data, about 1,900 in all, written as one JSONL file and
ingested with `quellenlage.corpus` into a SQLite file.

    python benchmarks/web_corpus.py build/web-corpus.db [--workers 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
NAME = re.compile(r"^(?P<id>\d+) - (?P<title>.*) \((?P<date>\d{4}-\d\d-\d\d)\)$")


def records() -> list[dict[str, str]]:
    rows = []
    for path in sorted((DATA / "quotes" / "wikinews-de").glob("*/*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        name = NAME.match(document["documentName"])
        if not name:
            continue
        rows.append(
            {
                "id": f"wikinews-{name['id']}",
                "outlet": "Wikinews",
                "published": name["date"],
                "title": name["title"],
                "text": name["title"] + "\n\n" + document["originalText"],
            }
        )
    csv.field_size_limit(sys.maxsize)
    with (DATA / "news" / "10kgnad-test.csv").open(encoding="utf-8") as file:
        for number, (category, text) in enumerate(csv.reader(file, delimiter=";", quotechar="'")):
            rows.append({"id": f"10kgnad-{number}", "outlet": f"derStandard ({category})", "text": text})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    from quellenlage.corpus import Corpus

    source = Path(args.database).with_suffix(".jsonl")
    source.parent.mkdir(parents=True, exist_ok=True)
    rows = records()
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with Corpus(args.database) as corpus:
        report = corpus.ingest([source], workers=args.workers)
        print(report)
        print(corpus.stats())


if __name__ == "__main__":
    main()

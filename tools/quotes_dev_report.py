"""Score the quote finder on the Wikinews quotation data and list its most frequent errors.

    python tools/quotes_dev_report.py                 # dev split: report + error patterns
    python tools/quotes_dev_report.py --split train   # tune rules on train, not on dev
    python tools/quotes_dev_report.py --split train --examples 3 --limit 200

Reads ../shared/data/quotes/wikinews-de/{split} (or --data). Error patterns: cue words of gold
quotations we miss entirely (no shared message token), the types we miss, our false-positive
kinds, and how the speakers of missed quotations look (pronoun, none, name, ...).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from quellenlage.evaluation.quote_mapping import predict
from quellenlage.evaluation.quote_scoring import align_quotations, score
from quellenlage.evaluation.quotes import format_quotes_report
from quellenlage.evaluation.wikinews import read_wikinews

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "quotes" / "wikinews-de"
PRONOUNS = frozenset({"er", "sie", "es", "ich", "wir", "man", "der", "die", "dieser", "diese", "dieses", "ihr"})
SOURCE_NOUNS = ("angaben", "bericht", "berichten", "informationen", "meldungen", "quellen", "aussagen", "demnach")


def speaker_shape(words: list[str]) -> str:
    if not words:
        return "no speaker"
    lowered = [w.lower() for w in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return "pronoun"
    if any(n in w for w in lowered for n in SOURCE_NOUNS):
        return "source noun (Angaben, Bericht)"
    if all(w[:1].islower() or w in ("Der", "Die", "Das", "Ein", "Eine") for w in words):
        return "description (lowercase/article only)"
    return "name or titled description"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--data", type=Path, help="folder of *.json files (overrides --split)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--examples", type=int, default=0, help="example sentences per missed cue word")
    args = parser.parse_args(argv)
    directory = args.data or DATA / args.split
    files = sorted(directory.glob("*.json"))[: args.limit]
    if not files:
        print(f"{directory}: no *.json files", file=sys.stderr)
        return 1

    started = time.perf_counter()
    articles, predictions = [], []
    missed_cues: Counter[str] = Counter()
    missed_types: Counter[str] = Counter()
    missed_speakers: Counter[str] = Counter()
    found_types: Counter[str] = Counter()
    false_kinds: Counter[str] = Counter()
    wrong_type: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in files:
        article = read_wikinews(path)
        predicted = predict(article)
        articles.append(article)
        predictions.append(predicted)
        for i, j in align_quotations(article.quotations, predicted):
            g = article.quotations[i] if i is not None else None
            p = predicted[j] if j is not None else None
            shared = bool(g and p and set(g.quote) & set(p.quote))
            if g is not None and not shared:
                cue = " ".join(article.tokens[t].text.lower() for t in g.cue) or "(no cue)"
                missed_cues[cue] += 1
                missed_types[str(g.type)] += 1
                missed_speakers[speaker_shape([article.tokens[t].text for t in g.speaker])] += 1
                if len(examples[cue]) < args.examples:
                    start = article.tokens[g.quote[0]].start
                    context = article.text[max(0, start - 80) : start + 100].replace("\n", " ")
                    examples[cue].append(f"[{g.type}] …{context}…")
            if g is not None and shared:
                found_types[str(g.type)] += 1
                if p is not None and p.type != g.type:
                    wrong_type[f"{g.type} predicted as {p.type} ({p.kind})"] += 1
            if p is not None and not shared:
                false_kinds[p.kind] += 1
    result = score(articles, predictions)
    result.update({"files": len(files), "directory": str(directory), "seconds": time.perf_counter() - started})
    print(format_quotes_report(result))

    def show(title: str, counter: Counter[str]) -> None:
        print(f"\n{title}")
        for key, count in counter.most_common(args.top):
            print(f"  {count:5d}  {key}")
            for example in examples.get(key, []) if counter is missed_cues else []:
                print(f"           {example}")

    show(f"missed gold quotations by cue words (top {args.top})", missed_cues)
    show("missed gold quotations by type", missed_types)
    show("missed gold quotations by speaker shape", missed_speakers)
    show("found but typed differently", wrong_type)
    show("false-positive predictions by our kind", false_kinds)
    return 0


if __name__ == "__main__":
    sys.exit(main())

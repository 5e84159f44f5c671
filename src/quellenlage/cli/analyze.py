"""`quellenlage analyze` and `quellenlage schema`: one article, and the contract of its JSON."""

from __future__ import annotations

import argparse
import json

from quellenlage.cli import streams
from quellenlage.reading.source import MAX_BYTES


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    analyze = commands.add_parser("analyze", help="analyse one article (plain text or HTML)")
    analyze.add_argument("path", help="article file, or - for standard input")
    analyze.add_argument(
        "--format", choices=["text", "json"], default="text", help="the terminal report, or JSON on one line"
    )
    analyze.add_argument("--published", metavar="YYYY-MM-DD", help="reference date for relative dates")
    analyze.add_argument("--tokens", action="store_true", help="include tokens with lemma, POS and morphology")
    analyze.add_argument("--force", action="store_true", help="analyse text that does not look German")
    analyze.add_argument(
        "--max-bytes", type=int, default=MAX_BYTES, help="refuse larger input (default 5 MB, at most 50 MB)"
    )
    analyze.set_defaults(command=run_analyze)

    schema = commands.add_parser("schema", help="print the JSON schema of the analysis")
    schema.set_defaults(command=run_schema)


def run_analyze(args: argparse.Namespace) -> int:
    from quellenlage.reading import read_path

    article = read_path(args.path, max_bytes=args.max_bytes)  # bad input fails before the model loads
    from quellenlage.pipeline import analyze

    analysis = analyze(article, args.published, force=args.force)
    if args.format == "json":
        # one line per analysis: compact (a fifth smaller than indented) and JSON Lines when appended
        streams.write(analysis.to_json(tokens=args.tokens, indent=None) + "\n")
    else:
        from quellenlage.report import print_report

        with streams.writing() as stream:
            print_report(analysis, streams.console(stream))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    from quellenlage.model import json_schema

    streams.write(json.dumps(json_schema(), indent=1, ensure_ascii=False) + "\n")
    return 0

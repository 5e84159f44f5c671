"""The `quellenlage` command: analyze, schema, evaluate.

Every failure the user can act on ends in one line on stderr and a non-zero exit status, never
a traceback: 2 for unusable input, 1 for other errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from quellenlage.errors import QuellenlageError
from quellenlage.reading.source import MAX_BYTES


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        command: Callable[[argparse.Namespace], int] = args.command
        return command(args)
    except QuellenlageError as error:
        print(f"quellenlage: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quellenlage", description="Who says what, with which numbers, about whom, when: German news analysis."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="analyse one article (plain text or HTML)")
    analyze.add_argument("path", help="article file, or - for standard input")
    analyze.add_argument("--format", choices=["text", "json"], default="text")
    analyze.add_argument("--published", metavar="YYYY-MM-DD", help="reference date for relative dates")
    analyze.add_argument("--tokens", action="store_true", help="include tokens with lemma, POS and morphology")
    analyze.add_argument("--force", action="store_true", help="analyse text that does not look German")
    analyze.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="refuse larger input (default 5 MB)")
    analyze.set_defaults(command=_analyze)

    schema = commands.add_parser("schema", help="print the JSON schema of the analysis")
    schema.set_defaults(command=_schema)

    evaluate = commands.add_parser("evaluate", help="score the models on annotated data")
    tasks = evaluate.add_subparsers(required=True, metavar="TASK")
    ner = tasks.add_parser("ner", help="NER on a GermEval 2014 TSV or CoNLL IOB2 file")
    ner.add_argument("file", type=Path)
    ner.set_defaults(command=_evaluate_ner)
    tags = tasks.add_parser("tags", help="POS, morphology, lemmas, sentences on a CoNLL-U file")
    tags.add_argument("file", type=Path)
    tags.set_defaults(command=_evaluate_tags)
    quotes = tasks.add_parser("quotes", help="quotation attribution on a folder of Wikinews-format JSON files")
    quotes.add_argument("directory", type=Path)
    quotes.add_argument("--out", type=Path, help="write predictions in the same JSON format here")
    quotes.add_argument("--limit", type=int, help="score only the first N files")
    quotes.set_defaults(command=_evaluate_quotes)
    speakers = tasks.add_parser("speakers", help="share of named Wikinews speakers resolved to an entity")
    speakers.add_argument("directory", type=Path)
    speakers.add_argument("--limit", type=int, help="only the first N files")
    speakers.set_defaults(command=_evaluate_speakers)
    return parser


def _analyze(args: argparse.Namespace) -> int:
    from quellenlage.pipeline import analyze
    from quellenlage.reading import read_path

    article = read_path(args.path, max_bytes=args.max_bytes)
    analysis = analyze(article, args.published, force=args.force)
    if args.format == "json":
        sys.stdout.write(analysis.to_json(tokens=args.tokens) + "\n")
    else:
        from quellenlage.report import print_report

        print_report(analysis)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from quellenlage.model import json_schema

    print(json.dumps(json_schema(), indent=1, ensure_ascii=False))
    return 0


def _evaluate_ner(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.ner import evaluate_ner_file, format_ner_report
    from quellenlage.language.annotate import load_pipeline

    _require_file(args.file)
    print(format_ner_report(evaluate_ner_file(args.file, load_pipeline())))
    return 0


def _evaluate_tags(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.tags import evaluate_tags_file, format_tags_report
    from quellenlage.language.annotate import load_pipeline

    _require_file(args.file)
    print(format_tags_report(evaluate_tags_file(args.file, load_pipeline())))
    return 0


def _evaluate_quotes(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.quotes import evaluate_quotes_dir, format_quotes_report

    if not args.directory.is_dir():
        raise QuellenlageError(f"{args.directory}: no such directory")
    print(format_quotes_report(evaluate_quotes_dir(args.directory, args.out, args.limit)))
    return 0


def _evaluate_speakers(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.entities import format_speaker_coverage, speaker_coverage

    if not args.directory.is_dir():
        raise QuellenlageError(f"{args.directory}: no such directory")
    print(format_speaker_coverage(speaker_coverage(args.directory, args.limit)))
    return 0


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise QuellenlageError(f"{path}: no such file")


if __name__ == "__main__":
    sys.exit(main())

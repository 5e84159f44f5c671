"""`quellenlage evaluate TASK`: score the models and the attribution on annotated data."""

from __future__ import annotations

import argparse
from pathlib import Path

from quellenlage.cli import streams
from quellenlage.errors import QuellenlageError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evaluate = commands.add_parser("evaluate", help="score the models on annotated data")
    tasks = evaluate.add_subparsers(required=True, metavar="TASK")
    ner = tasks.add_parser(
        "ner",
        help="NER on a GermEval 2014 TSV (official outer-chunk metric, 12 labels, and 4 coarse labels) "
        "or CoNLL IOB2 file (coarse labels)",
    )
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
    body = tasks.add_parser("body", help="body extraction on real pages against their expected article body")
    body.add_argument("directory", type=Path, help="a folder with manifest.json, like ../shared/realworld")
    body.add_argument("--details", action="store_true", help="list the paragraphs missed and the lines let in")
    body.add_argument("--json", action="store_true", help="print the totals as one JSON object")
    body.add_argument("--page", action="append", help="score only this page id (repeatable)")
    body.set_defaults(command=_evaluate_body)


def _evaluate_ner(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.ner import evaluate_ner_file, format_ner_report
    from quellenlage.language.annotate import load_pipeline

    _require_file(args.file)
    streams.write(format_ner_report(evaluate_ner_file(args.file, load_pipeline())) + "\n")
    return 0


def _evaluate_tags(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.tags import evaluate_tags_file, format_tags_report
    from quellenlage.language.annotate import load_pipeline

    _require_file(args.file)
    streams.write(format_tags_report(evaluate_tags_file(args.file, load_pipeline())) + "\n")
    return 0


def _evaluate_quotes(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.quotes import evaluate_quotes_dir, format_quotes_report

    _require_directory(args.directory)
    streams.write(format_quotes_report(evaluate_quotes_dir(args.directory, args.out, args.limit)) + "\n")
    return 0


def _evaluate_speakers(args: argparse.Namespace) -> int:
    from quellenlage.evaluation.entities import format_speaker_coverage, speaker_coverage

    _require_directory(args.directory)
    streams.write(format_speaker_coverage(speaker_coverage(args.directory, args.limit)) + "\n")
    return 0


def _evaluate_body(args: argparse.Namespace) -> int:
    import json

    from quellenlage.evaluation.body import format_body_report, score_directory, summarise

    _require_file(args.directory / "manifest.json")
    scores = score_directory(args.directory, args.page)
    if args.json:
        streams.write(json.dumps(summarise(scores)) + "\n")
    else:
        streams.write(format_body_report(scores, details=args.details) + "\n")
    return 0


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise QuellenlageError(f"{path}: no such file")


def _require_directory(path: Path) -> None:
    if not path.is_dir():
        raise QuellenlageError(f"{path}: no such directory")

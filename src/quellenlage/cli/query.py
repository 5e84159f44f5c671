"""`quellenlage articles`, `quotes`, `claims`, `entities`, `outlets`, `search`, `show`: asking the corpus.

They call the same query functions as the Python API (`quellenlage.Corpus`) and the web app, so a
filter means the same everywhere; `--format json` and `csv` give every field of the records.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quellenlage.cli import streams
from quellenlage.cli.corpus import add_db_argument, open_corpus
from quellenlage.cli.output import FORMATS, emit, plain, write_csv
from quellenlage.errors import QuellenlageError

if TYPE_CHECKING:
    from rich.console import Console

    from quellenlage.corpus.records import StoredArticle

QUOTE_KINDS = ["direct", "indirect", "free_indirect", "partial", "according_to", "speech_act"]
STATUSES = ["stated", "reported", "claimed", "unverified"]
QUALIFIERS = ["exact", "more_than", "less_than", "at_least", "at_most", "approx", "range", "vague"]


def _common(parser: argparse.ArgumentParser, *, dates: bool = True, limit: int = 50) -> None:
    add_db_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--limit", type=int, default=limit, help=f"at most this many (default {limit})")
    if dates:
        parser.add_argument("--outlet", help="only this outlet")
        parser.add_argument("--since", metavar="DATE", help="published on or after (2025-03-15 or an ISO time)")
        parser.add_argument("--until", metavar="DATE", help="published on or before")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    articles = commands.add_parser("articles", help="list the corpus's articles")
    _common(articles)
    articles.add_argument("--text", metavar="WORDS", help="only articles whose text has these words")
    articles.add_argument("--offset", type=int, default=0)
    articles.set_defaults(command=run_articles)

    quotes = commands.add_parser("quotes", help="quotations: by speaker (name or Wikidata QID), words, kind")
    _common(quotes)
    quotes.add_argument("--speaker", help="words of the name (Selenskyj, Selensk), or a QID (Q3910)")
    quotes.add_argument("--speaker-id", type=int, metavar="ID", help="the corpus entity (the id `entities` shows)")
    quotes.add_argument("--words", help="words in the quotation")
    quotes.add_argument("--kind", choices=QUOTE_KINDS)
    quotes.add_argument("--status", choices=STATUSES)
    quotes.set_defaults(command=run_quotes)

    claims = commands.add_parser("claims", help="figures: what is counted, by whom, how exactly, hedged or not")
    _common(claims)
    claims.add_argument("--counts", metavar="WORDS", help="what is counted (Teilnehmer, Euro, Tote)")
    claims.add_argument("--source", help="who gives the figure: words of the name, or a QID")
    claims.add_argument("--source-id", type=int, metavar="ID", help="the corpus entity (the id `entities` shows)")
    claims.add_argument("--qualifier", choices=QUALIFIERS)
    hedge = claims.add_mutually_exclusive_group()
    hedge.add_argument("--hedged", action="store_true", default=None, help="only hedged or unverified claims")
    hedge.add_argument("--not-hedged", dest="hedged", action="store_false", help="only unhedged claims")
    claims.add_argument("--status", choices=STATUSES)
    claims.set_defaults(command=run_claims)

    entities = commands.add_parser("entities", help="the most quoted speakers, most named places, …")
    _common(entities)
    entities.add_argument("--type", choices=["PER", "ORG", "LOC", "OTH"], type=str.upper)
    entities.add_argument("--name", help="words of the name (Merkel, Ang Merk), or a QID")
    entities.add_argument(
        "--by",
        choices=["mentions", "articles", "quotes", "claims"],
        default="mentions",
        help="order by (default mentions)",
    )
    entities.set_defaults(command=run_entities)

    outlets = commands.add_parser("outlets", help="the outlets, with their articles and the time they span")
    _common(outlets, dates=False, limit=100)
    outlets.set_defaults(command=run_outlets)

    search = commands.add_parser("search", help='full-text search: all words, "a phrase", prefix*')
    search.add_argument("words", nargs="+", metavar="WORD")
    _common(search, limit=20)
    search.set_defaults(command=run_search)

    show = commands.add_parser("show", help="the report of one stored article")
    show.add_argument("article_id", metavar="ARTICLE_ID")
    add_db_argument(show)
    show.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table: the report; json: the analysis; csv: its quotes and claims",
    )
    show.add_argument("--revision", type=int, help="an earlier revision by number (1 is the first)")
    show.set_defaults(command=run_show)


def run_articles(args: argparse.Namespace) -> int:
    with open_corpus(args) as corpus:
        rows = corpus.articles(
            outlet=args.outlet, since=args.since, until=args.until, text=args.text, limit=args.limit, offset=args.offset
        )
    emit(rows, args.format, title="Articles")
    return 0


def run_quotes(args: argparse.Namespace) -> int:
    with open_corpus(args) as corpus:
        rows = corpus.quotes(
            speaker=args.speaker,
            speaker_id=args.speaker_id,
            words=args.words,
            kind=args.kind,
            status=args.status,
            outlet=args.outlet,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    emit(rows, args.format, title="Quotations")
    return 0


def run_claims(args: argparse.Namespace) -> int:
    with open_corpus(args) as corpus:
        rows = corpus.claims(
            counts=args.counts,
            source=args.source,
            source_id=args.source_id,
            qualifier=args.qualifier,
            hedged=args.hedged,
            status=args.status,
            outlet=args.outlet,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    emit(rows, args.format, title="Claims")
    return 0


def run_entities(args: argparse.Namespace) -> int:
    with open_corpus(args) as corpus:
        rows = corpus.entities(
            type=args.type,
            name=args.name,
            order=args.by,
            outlet=args.outlet,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    emit(rows, args.format, title=f"Entities by {args.by}")
    return 0


def run_outlets(args: argparse.Namespace) -> int:
    with open_corpus(args) as corpus:
        rows = corpus.outlets(limit=args.limit)
    emit(rows, args.format, title="Outlets", empty="no articles")
    return 0


def run_search(args: argparse.Namespace) -> int:
    with open_corpus(args) as corpus:
        rows = corpus.search(
            " ".join(args.words), outlet=args.outlet, since=args.since, until=args.until, limit=args.limit
        )
    emit(rows, args.format, title="Search", empty="no article matches")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_corpus(args) as corpus:
        stored = corpus.article(args.article_id, args.revision)
    if stored is None:
        raise QuellenlageError(f"no article {args.article_id!r} in the corpus (quellenlage articles lists them)")
    if args.revision and stored.revision.number != args.revision:
        raise QuellenlageError(
            f"article {args.article_id!r} has no revision {args.revision} (it has {len(stored.revisions)})"
        )
    analysis = stored.analysis
    if args.format == "json":
        streams.write(analysis.to_json() + "\n")
        return 0
    if args.format == "csv":
        rows = [
            {
                "fact": "quote",
                "id": q.id,
                "kind": q.kind,
                "who": q.speaker.name if q.speaker else None,
                "text": q.content.text,
                "status": q.status,
                "start": q.content.start,
                "end": q.content.end,
            }
            for q in analysis.quotes
        ] + [
            {
                "fact": "claim",
                "id": c.id,
                "kind": c.qualifier,
                "who": c.source.name if c.source else None,
                "text": c.number.text,
                "status": c.status,
                "start": c.number.start,
                "end": c.number.end,
            }
            for c in analysis.claims
        ]
        with streams.writing() as stream:
            write_csv(rows, stream)
        return 0
    with streams.writing() as stream:
        _print_show(stored, streams.console(stream))
    return 0


def _print_show(stored: StoredArticle, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    from quellenlage.report import print_report

    article, revision = stored.article, stored.revision
    retrieved = f"{revision.retrieved:%Y-%m-%d %H:%M} UTC" if revision.retrieved else "unknown"
    console.print(
        Text(
            f"article {plain(article.id)}   outlet: {plain(article.outlet) or 'unknown'}   "
            f"published: {plain(article.published) or 'unknown'}\nurl: {plain(article.url) or '-'}\n"
            f"revision {revision.number} of {len(stored.revisions)}, retrieved {retrieved}   "
            f"pipeline {revision.pipeline_version}   model {revision.model_version}   schema {revision.schema_version}"
        )
    )
    analysis = stored.analysis
    if not revision.has_text:
        console.print(
            Text("stored without its text (--no-text): names, quotations, figures and evidence only", style="yellow")
        )
        analysis = analysis.model_copy(update={"segments": [], "sentences": []})
    print_report(analysis, console)
    if len(stored.revisions) > 1:
        table = Table(title="Revisions")
        for column in ("number", "retrieved", "words", "text hash", "pipeline"):
            table.add_column(column)
        for past in stored.revisions:
            table.add_row(
                str(past.number), str(past.retrieved or ""), str(past.words), past.text_hash[:12], past.pipeline_version
            )
        console.print(table)

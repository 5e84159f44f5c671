"""`quellenlage figures`, `trail`, `stories`, `speaker`: the corpus linked across articles, and
the `corpus-json` export format (../shared/corpus/FORMAT.md §5).

Each command reads a corpus (the store with `--db URL`, or a `quellenlage batch` output folder
with `--from DIR`), links it (`quellenlage.linking`) and shows one view of the links, as a table
or, with `--format json`, as the links' own JSON.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quellenlage.cli import streams
from quellenlage.cli.export import Exporter, ExportRequest, register_exporter
from quellenlage.errors import QuellenlageError

if TYPE_CHECKING:
    from quellenlage.linking import ArticleDigest, CorpusLinks
    from quellenlage.model import Analysis


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    figures = _command(commands, "figures", "a figure's values across articles, sources and time", run_figures)
    figures.add_argument("words", nargs="*", help="words of what is counted (Teilnehmer, Tote, Euro …); none: all")
    trail = _command(commands, "trail", "one quotation's way through the corpus", run_trail)
    trail.add_argument(
        "quote", help="trail id (q3, from --format json or an earlier listing) or words of the quotation"
    )
    _command(commands, "stories", "articles grouped by the event they report, with their timeline", run_stories)
    speaker = _command(
        commands, "speaker", "a speaker's quotations, figures and outlets across the corpus", run_speaker
    )
    speaker.add_argument("name", help="part of the speaker's name")


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help: str, run: Any
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", metavar="URL", help="the corpus store (SQLite path or URL, PostgreSQL URL)")
    source.add_argument("--from", dest="source_dir", type=Path, metavar="DIR", help="a `quellenlage batch` output")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.set_defaults(command=run)
    return parser


# --------------------------------------------------------------------------- reading and linking


def linked(db: str | None, source_dir: Path | None) -> tuple[list[ArticleDigest], CorpusLinks]:
    """The corpus's digests and links."""
    try:
        from quellenlage.linking import ArticleMeta, digest_article, link_articles
    except ImportError as error:
        raise QuellenlageError(
            f"linking needs the linking extra: pip install 'quellenlage[linking]' ({error})"
        ) from error
    if db is not None:
        return _stored_links(db)
    if source_dir is None:
        raise QuellenlageError("name the corpus: --db URL or --from DIR")
    digests = [
        digest_article(
            ArticleMeta(
                id=_article_id(record),
                outlet=record.outlet,
                url=record.url,
                published=record.published,
                title=record.title,
            ),
            analysis,
        )
        for record, analysis in _analyses(source_dir)
    ]
    return digests, link_articles(digests)


def _stored_links(db: str) -> tuple[list[ArticleDigest], CorpusLinks]:
    try:
        from quellenlage.corpus import Corpus
    except ImportError as error:
        raise QuellenlageError(f"--db needs the corpus store: pip install 'quellenlage[corpus]' ({error})") from error
    from quellenlage.linking.store import corpus_links

    with Corpus(db) as corpus:
        return corpus_links(corpus)


def _article_id(record: Any) -> str:
    """The id of a store record (`id`) or of a batch row (`article_id`)."""
    return str(record.id if hasattr(record, "id") else record.article_id)


def _analyses(source_dir: Path) -> Iterator[tuple[Any, Analysis]]:
    return ExportRequest(db=None, source_dir=source_dir, out=None).analyses()


# --------------------------------------------------------------------------- the commands


def run_figures(args: argparse.Namespace) -> int:
    from quellenlage.linking.select import figures_matching

    _, links = linked(args.db, args.source_dir)
    figures = figures_matching(links, args.words)
    if args.format == "json":
        return _json(figures)
    if not figures:
        raise QuellenlageError("no figure counts " + (" ".join(args.words) or "anything in this corpus"))
    from quellenlage.cli.linking_view import print_figures

    with streams.writing() as stream:
        print_figures(figures, streams.console(stream))
    return 0


def run_trail(args: argparse.Namespace) -> int:
    from quellenlage.linking.select import trail_by

    _, links = linked(args.db, args.source_dir)
    trails = trail_by(links, args.quote)
    if args.format == "json":
        return _json(trails)
    if not trails:
        raise QuellenlageError(f"no quotation trail {args.quote!r}")
    from quellenlage.cli.linking_view import print_trails

    with streams.writing() as stream:
        print_trails(trails, streams.console(stream))
    return 0


def run_stories(args: argparse.Namespace) -> int:
    digests, links = linked(args.db, args.source_dir)
    if args.format == "json":
        return _json(links.stories)
    from quellenlage.cli.linking_view import print_stories

    titles = {d.meta.id: (d.meta.outlet, d.meta.published) for d in digests}
    with streams.writing() as stream:
        print_stories(links.stories, titles, streams.console(stream))
    return 0


def run_speaker(args: argparse.Namespace) -> int:
    from quellenlage.linking.speakers import speaker_profiles

    digests, links = linked(args.db, args.source_dir)
    profiles = speaker_profiles(digests, links, args.name)
    if args.format == "json":
        return _json(profiles)
    if not profiles:
        raise QuellenlageError(f"no speaker named {args.name!r}")
    from quellenlage.cli.linking_view import print_speakers

    with streams.writing() as stream:
        print_speakers(profiles, streams.console(stream))
    return 0


def _json(records: Iterable[Any]) -> int:
    streams.write(json.dumps([r.model_dump() for r in records], ensure_ascii=False, indent=1) + "\n")
    return 0


# --------------------------------------------------------------------------- the export format


def _corpus_json(request: ExportRequest) -> str:
    from quellenlage.linking.corpus_json import corpus_json

    digests, links = linked(request.db, request.source_dir)
    with request.text_out() as out:
        json.dump(corpus_json(links), out, ensure_ascii=False, indent=1)
        out.write("\n")
    return (
        f"{len(digests)} articles: {len(links.figures)} figures, {len(links.trails)} quotation trails, "
        f"{len(links.wire_groups)} wire-copy groups, {len(links.stories)} stories"
    )


register_exporter(
    "corpus-json",
    Exporter("figures, quotation trails, wire copies and stories across articles (corpus FORMAT §5)", _corpus_json),
)

"""The whole chain, top to bottom: input → layout → language → entities → dates → quotes →
claims → figures → events. Each stage is a plain function of what the stages before produced."""

from __future__ import annotations

from datetime import date

from quellenlage.attribution.quotes import find_quotes
from quellenlage.claims.figures import group_figures
from quellenlage.claims.quantities import find_claims
from quellenlage.dates import find_dates, infer_reference_date
from quellenlage.entities.index import EntityIndex
from quellenlage.entities.resolve import resolve_entities
from quellenlage.errors import InputError
from quellenlage.events.plover import code_events
from quellenlage.language import annotate, check_german
from quellenlage.language.annotate import has_trained_model
from quellenlage.layout import find_segments
from quellenlage.model import TITLE_CHARS, Analysis, DateMention, Sentence
from quellenlage.reading import Article, read_article
from quellenlage.spans import containing


def analyze(
    source: str | bytes | bytearray | Article, published: str | date | None = None, *, force: bool = False
) -> Analysis:
    """Analyse one German news article given as plain text, HTML, raw bytes, or a read Article.

    `published` is the reference date for relative dates ("Am Donnerstag"); without it the
    page's metadata is used, else the latest full date the text names. Raises InputError for
    input that cannot be analysed, TypeError for arguments of the wrong type; `force` analyses
    text that does not look German anyway.
    """
    if published is not None and not isinstance(published, str | date):
        raise TypeError(f"published is a date or an ISO date string like '2024-10-31', not {type(published).__name__}")
    article = source if isinstance(source, Article) else read_article(source)
    if not force:
        check_german(article.text)
    text = article.text
    reference, reference_source = _reference_date(published, article.published, text)

    segments = find_segments(text, article.hints)
    sentences, names = annotate(text, segments)
    entities = resolve_entities(text, segments, sentences, names)
    index = EntityIndex(entities)
    dates = find_dates(text, reference, sentences)
    quotes = find_quotes(text, segments, sentences, index)
    dates_by_sentence = _dates_by_sentence(sentences, dates)
    warnings = list(article.warnings)
    claims = find_claims(text, segments, sentences, quotes, dates, dates_by_sentence, index, warnings)
    figures = group_figures(claims, index)
    events = code_events(text, segments, sentences, index, dates_by_sentence)

    if not has_trained_model():
        warnings.append("the trained language model is missing: names come from the knowledge base and rules only")
    return Analysis(
        title=_title(next((s.text for s in segments if s.kind == "headline"), None) or article.title),
        published=reference.isoformat() if reference else None,
        published_source=reference_source,
        input_format=article.input_format,
        text=text,
        warnings=warnings,
        segments=segments,
        sentences=sentences,
        entities=entities,
        quotes=quotes,
        claims=claims,
        figures=figures,
        dates=dates,
        events=events,
    )


def _title(title: str | None) -> str | None:
    """The headline, cut at a word to TITLE_CHARS (with "…"): a page without line breaks is one
    "headline" as long as the page."""
    if title is None or len(title) <= TITLE_CHARS:
        return title
    cut = title.rfind(" ", TITLE_CHARS // 2, TITLE_CHARS)
    return title[: cut if cut > 0 else TITLE_CHARS - 1].rstrip() + "…"


def _dates_by_sentence(sentences: list[Sentence], dates: list[DateMention]) -> dict[int, str]:
    """The first date each sentence names (its time scope)."""
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    found: dict[int, str] = {}
    for d in dates:
        number = containing(starts, ends, d.start)
        if number is not None:
            found.setdefault(number, d.value)
    return found


def _reference_date(argument: str | date | None, metadata: str | None, text: str) -> tuple[date | None, str]:
    if argument:
        try:
            return (argument if isinstance(argument, date) else date.fromisoformat(argument)), "argument"
        except ValueError as error:
            raise InputError(f"--published must be a date like 2024-10-31, not {argument!r}") from error
    if metadata:
        try:
            return date.fromisoformat(metadata), "metadata"
        except ValueError:
            pass  # the reading stage validates page dates; a hand-made Article may carry anything
    inferred = infer_reference_date(text)
    return inferred, "inferred" if inferred else "none"

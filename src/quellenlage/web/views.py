"""What the article page shows, computed from one `Analysis`: the marked text, the quotations by
speaker, the claims, figures, entities and dates, in the words of the interface.

The same view serves an analysis that was never stored (the Analyse page) and a stored article:
only the links differ (`Links`), so what a reader sees of an article does not depend on where its
analysis came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote as url_quote

from markupsafe import Markup

from quellenlage.model import Analysis, Claim, Entity, Quote, SourceRef
from quellenlage.web.charts import ChartPoint, claim_interval, figure_chart
from quellenlage.web.labels import (
    DATE_METHODS,
    ENTITY_TYPES,
    MAGNITUDES,
    MEDIUMS,
    PUBLISHED_SOURCES,
    QUALIFIERS,
    QUOTE_KINDS,
    SEGMENT_KINDS,
    STATUS,
    german_number,
    label,
)
from quellenlage.web.markup import Block, Mark, render_blocks

PALETTE_SIZE = 8
SEGMENT_TAGS = {"headline": "h2", "subheading": "h3", "blockquote": "blockquote"}


@dataclass(frozen=True)
class Links:
    """Where the names of an article point: into the page itself, or to the corpus pages."""

    entity: Callable[[Entity], str] = lambda entity: f"#entity-{entity.id}"
    # the corpus page of a figure's quantity, from what its claims count and when; None: no corpus
    figure: Callable[[list[Claim], str | None], str | None] = lambda claims, published: None


def stored_links(
    article_id: str, entity_ids: dict[str, int] | None = None, figure_of: dict[tuple[str, str], str] | None = None
) -> Links:
    """Links of a stored article: every entity has its page in the corpus, the corpus entity the
    store made of it (`entity_ids`: local id -> corpus id), else found by its Wikidata QID, else by
    its name (as the corpus's name filter matches it); a figure links to the corpus figure its
    claims belong to (`figure_of`: (article, claim) -> corpus figure, from the linking layer; none
    without it)."""
    from quellenlage.web.linked import claim_figure_href

    known = entity_ids or {}

    def figure(claims: list[Claim], published: str | None) -> str | None:
        linked = next((c for c in claims if figure_of and (article_id, c.id) in figure_of), None)
        return claim_figure_href(article_id, linked.id) if linked else None

    return Links(
        entity=lambda entity: entity_href(known.get(entity.id), entity.ids.get("wikidata"), entity.name) or "#",
        figure=figure,
    )


def entity_href(entity_id: int | None = None, qid: str | None = None, name: str | None = None) -> str | None:
    """The corpus page of an entity: by its corpus id when known (exact), else its QID, else its name."""
    ref = str(entity_id) if entity_id is not None else qid or name
    return f"/entities/{url_quote(ref, safe='')}" if ref else None


@dataclass
class SpeakerView:
    key: str
    name: str
    css: str
    href: str | None
    quotes: int = 0


@dataclass
class QuoteView:
    id: str
    kind: str
    speaker: str
    speaker_href: str | None
    css: str
    cue: str
    content: str
    status: str
    medium: str
    confidence: str
    tip: str


@dataclass
class ClaimView:
    id: str
    number: str
    value: str
    qualifier: str
    unit: str
    about: str
    source: str
    source_href: str | None
    status: str
    basis: str
    hedge: str
    evidence: str
    quote: str | None
    diverges_from: list[str] = field(default_factory=list)
    corpus_href: str | None = None  # the corpus figure the claim belongs to


@dataclass
class FigureView:
    id: str
    about: str
    unit: str
    claims: list[ClaimView]
    chart: Markup
    divergent: bool
    corpus_href: str | None = None


@dataclass
class EntityView:
    id: str
    name: str
    type: str
    href: str
    identifiers: list[tuple[str, str, str | None]]  # (label, value, link)
    roles: str
    mentions: int


@dataclass
class ArticleView:
    title: str
    published: str
    published_source: str
    input_format: str
    schema_version: str
    warnings: list[str]
    body: Markup
    speakers: list[SpeakerView]
    quotes: list[QuoteView]
    claims: list[ClaimView]
    figures: list[FigureView]
    entities: list[EntityView]
    dates: list[tuple[str, str, str]]
    words: int


def article_view(analysis: Analysis, links: Links | None = None, outlet: str | None = None) -> ArticleView:
    links = links or Links()
    entities = {e.id: e for e in analysis.entities}
    speakers = _speakers(analysis.quotes, entities, links)
    quotes = [_quote_view(q, speakers, entities, links) for q in analysis.quotes]
    by_id = {c.id: c for c in analysis.claims}
    divergences: dict[str, list[str]] = {}
    for figure in analysis.figures:
        divergences.update(claim_divergences([by_id[i] for i in figure.claims if i in by_id]))
    claims = [_claim_view(c, entities, links, divergences.get(c.id, [])) for c in analysis.claims]
    for claim, view in zip(analysis.claims, claims, strict=True):
        view.corpus_href = links.figure([claim], analysis.published)
    claim_views = {c.id: c for c in claims}
    figures = []
    for figure in analysis.figures:
        members = [by_id[i] for i in figure.claims if i in by_id]
        points = [_chart_point(c, analysis.published, outlet, divergences) for c in members]
        figures.append(
            FigureView(
                id=figure.id,
                about=figure.about,
                unit=figure.unit or "",
                claims=[claim_views[c.id] for c in members],
                chart=figure_chart(points, title=figure.about, chart_id=f"chart-{figure.id}"),
                divergent=any(p.divergent for p in points),
                corpus_href=links.figure(members, analysis.published),
            )
        )
    return ArticleView(
        title=analysis.title or "(ohne Titel)",
        published=analysis.published or "unbekannt",
        published_source=label(PUBLISHED_SOURCES, analysis.published_source),
        input_format="HTML" if analysis.input_format == "html" else "Text",
        schema_version=analysis.schema_version,
        warnings=analysis.warnings,
        body=render_blocks(analysis.text, _blocks(analysis), _marks(analysis, quotes, links)),
        speakers=list(speakers.values()),
        quotes=quotes,
        claims=claims,
        figures=figures,
        entities=[_entity_view(e, links) for e in analysis.entities],
        dates=[(d.text, d.value, label(DATE_METHODS, d.method)) for d in analysis.dates],
        words=len(analysis.text.split()),
    )


def speaker_key(speaker: SourceRef | None) -> str:
    if speaker is None:
        return ""
    return speaker.id or f"name:{speaker.name}"


def _speakers(quotes: list[Quote], entities: dict[str, Entity], links: Links) -> dict[str, SpeakerView]:
    """Every speaker once, in order of first quotation, with its colour."""
    speakers: dict[str, SpeakerView] = {}
    for quote in quotes:
        key = speaker_key(quote.speaker)
        if key not in speakers:
            if quote.speaker is None:
                speakers[key] = SpeakerView(key, "ohne Sprecher", "spk-none", None)
            else:
                css = f"spk-{sum(1 for k in speakers if k) % PALETTE_SIZE}"
                speakers[key] = SpeakerView(key, quote.speaker.name, css, _source_href(quote.speaker, entities, links))
        speakers[key].quotes += 1
    return speakers


def _source_href(source: SourceRef | None, entities: dict[str, Entity], links: Links) -> str | None:
    if source is None or source.id is None or source.id not in entities:
        return None
    return links.entity(entities[source.id])


def _quote_view(quote: Quote, speakers: dict[str, SpeakerView], entities: dict[str, Entity], links: Links) -> QuoteView:
    speaker = speakers[speaker_key(quote.speaker)]
    cue = " … ".join(p.text for p in sorted([quote.cue, *quote.cue_parts], key=lambda p: p.start)) if quote.cue else ""
    kind = label(QUOTE_KINDS, quote.kind)
    status = label(STATUS, quote.status)
    name = quote.speaker.name if quote.speaker else "unbekannt"
    tip = f"Sprecher: {name} · Verb: {cue or '–'} · Art: {kind} · Status: {status}"
    return QuoteView(
        id=quote.id,
        kind=kind,
        speaker=name,
        speaker_href=speaker.href,
        css=speaker.css,
        cue=cue,
        content=quote.content.text,
        status=status,
        medium=label(MEDIUMS, quote.medium) if quote.medium else "",
        confidence=_percent(quote.confidence),
        tip=tip,
    )


def _claim_view(claim: Claim, entities: dict[str, Entity], links: Links, diverges_from: list[str]) -> ClaimView:
    return ClaimView(
        id=claim.id,
        number=claim.number.text,
        value=format_value(claim),
        qualifier=label(QUALIFIERS, claim.qualifier),
        unit=claim.unit or "",
        about=claim.about or "",
        source=claim.source.name if claim.source else "das Medium selbst",
        source_href=_source_href(claim.source, entities, links),
        status=label(STATUS, claim.status),
        basis=claim.basis or "",
        hedge=claim.hedge or "",
        evidence=claim.evidence,
        quote=claim.quote,
        diverges_from=diverges_from,
    )


def _entity_view(entity: Entity, links: Links) -> EntityView:
    return EntityView(
        id=entity.id,
        name=entity.name,
        type=label(ENTITY_TYPES, entity.type),
        href=links.entity(entity),
        identifiers=identifier_links(entity.ids),
        roles=", ".join(entity.roles),
        mentions=len(entity.mentions),
    )


def identifier_links(ids: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """The identifiers worth showing, with a link where a public register has a page for them."""
    shown: list[tuple[str, str, str | None]] = []
    if "wikidata" in ids:
        shown.append(("Wikidata", ids["wikidata"], f"https://www.wikidata.org/wiki/{url_quote(ids['wikidata'])}"))
    if "iso3166_alpha2" in ids:
        code = ids["iso3166_alpha2"]
        shown.append(("ISO 3166", code, f"https://www.iso.org/obp/ui/#iso:code:3166:{url_quote(code)}"))
    for name, value in sorted(ids.items()):
        if name not in {"wikidata", "iso3166_alpha2", "iso3166_alpha3", "iso3166_numeric"}:
            shown.append((name, value, None))
    return shown


def format_value(claim: Claim) -> str:
    """The value as a German reader writes it: 8.000, 2,5, 10.000–12.000, Tausende."""
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return f"{german_number(claim.low)}–{german_number(claim.high)}"
    if claim.value is None:
        return label(MAGNITUDES, claim.magnitude) if claim.magnitude else claim.number.text
    prefix = {"more_than": "> ", "less_than": "< ", "at_least": "≥ ", "at_most": "≤ ", "approx": "≈ "}
    return prefix.get(claim.qualifier, "") + german_number(claim.value)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)} %"


# ---- the text with its marks -------------------------------------------------------------------


def _blocks(analysis: Analysis) -> list[Block]:
    """One block per segment, plus any text no segment covers (shown, never lost)."""
    blocks: list[Block] = []
    position = 0
    text = analysis.text
    for number, segment in enumerate(sorted(analysis.segments, key=lambda s: s.start)):
        if segment.start > position and text[position : segment.start].strip():
            blocks.append(Block(position, segment.start, "p", "seg seg-unknown"))
        start = max(segment.start, position)
        if segment.end > start:
            tag = SEGMENT_TAGS.get(segment.kind, "p")
            blocks.append(
                Block(
                    start,
                    segment.end,
                    tag,
                    f"seg seg-{segment.kind}",
                    (("data-kind", label(SEGMENT_KINDS, segment.kind)), ("id", f"s{number}")),
                )
            )
        position = max(position, segment.end)
    if text[position:].strip():
        blocks.append(Block(position, len(text), "p", "seg seg-unknown"))
    return blocks


def _marks(analysis: Analysis, quotes: list[QuoteView], links: Links) -> list[Mark]:
    marks: list[Mark] = []
    for quote, view in zip(analysis.quotes, quotes, strict=True):
        marks.append(
            Mark(
                quote.content.start,
                quote.content.end,
                "quote",
                "mark",
                (
                    ("class", f"q {view.css}"),
                    ("data-quote", quote.id),
                    ("data-tip", view.tip),
                    ("aria-describedby", f"qd-{quote.id}"),
                ),
                (("id", f"q-{quote.id}"), ("tabindex", "0")),
            )
        )
        for part in [quote.cue, *quote.cue_parts] if quote.cue else []:
            marks.append(Mark(part.start, part.end, "cue", "span", (("class", "cue"), ("data-cue-of", quote.id))))
    taken: list[tuple[int, int]] = []
    mentions = sorted(
        ((m, e) for e in analysis.entities for m in e.mentions), key=lambda pair: (pair[0].start, -pair[0].end)
    )
    for mention, entity in mentions:
        if taken and mention.start < taken[-1][1]:
            continue  # links must not nest: the longer, earlier mention keeps the words
        taken.append((mention.start, mention.end))
        title = f"{entity.name} ({label(ENTITY_TYPES, entity.type)})"
        marks.append(
            Mark(
                mention.start,
                mention.end,
                "entity",
                "a",
                (
                    ("class", f"ent ent-{entity.type}"),
                    ("href", links.entity(entity)),
                    ("data-entity", entity.id),
                    ("title", title),
                ),
            )
        )
    for claim in analysis.claims:
        marks.append(
            Mark(
                claim.number.start,
                claim.number.end,
                "number",
                "span",
                (("class", "num"), ("data-claim", claim.id)),
                (("id", f"n-{claim.id}"),),
            )
        )
    for when in analysis.dates:
        marks.append(Mark(when.start, when.end, "date", "time", (("class", "date"), ("datetime", when.value))))
    return marks


# ---- figures --------------------------------------------------------------------------------------


def claim_divergences(claims: list[Claim]) -> dict[str, list[str]]:
    """The claims of one figure that contradict its best-supported value, each with the claims it
    contradicts. Two claims contradict when the values they allow do not overlap ("8.000" and
    "mehr als 10.000"); the best-supported claim is the one most others agree with (the earliest
    on a tie). Marking only those against it keeps a figure with one outlier from turning all red."""
    intervals = {c.id: claim_interval(c) for c in claims}

    def clash(a: str, b: str) -> bool:
        x, y = intervals[a], intervals[b]
        return x is not None and y is not None and (x[1] < y[0] or y[1] < x[0])

    comparable = [c.id for c in claims if intervals[c.id] is not None]
    if len(comparable) < 2:
        return {}
    support = {a: sum(1 for b in comparable if not clash(a, b)) for a in comparable}
    reference = max(comparable, key=lambda a: support[a])  # max keeps the first of equals
    return {a: [b for b in comparable if clash(a, b)] for a in comparable if clash(a, reference)}


def _chart_point(
    claim: Claim, published: str | None, outlet: str | None, divergences: dict[str, list[str]]
) -> ChartPoint:
    return ChartPoint(
        claim=claim,
        date=claim.date or published,
        source=claim.source.name if claim.source else "Medium",
        outlet=outlet,
        divergent=bool(divergences.get(claim.id)),
    )

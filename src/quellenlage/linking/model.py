"""The records of the linking layer: what it keeps of each article (the digest) and what it finds
across articles (wire groups, stories, quote trails, corpus figures).

Both are pydantic records like `quellenlage.model`, so the corpus store can keep digests as JSON
and the web and export layers can return links as JSON without a second schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from quellenlage.model import Record, Status

# The qualifier vocabulary of the corpus contract (../shared/corpus/FORMAT.md §4.3); the analysis
# keeps its own (`quellenlage.model.Qualifier`), `values.corpus_qualifier` maps one to the other.
CorpusQualifier = Literal["exact", "more_than", "less_than", "about", "up_to", "at_least", "vague", "range"]
Variant = Literal["verbatim", "shortened", "altered"]
Change = Literal["first", "repeat", "update", "divergence", "other"]


class ArticleMeta(Record):
    """What the corpus knows about an article besides its text."""

    id: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO 8601, date or date and time with offset")
    title: str | None = None


class DigestClaim(Record):
    """One number of an article, with what linking compares: what it counts, where, per whom."""

    id: str = Field(description="the claim's id in the article's analysis")
    value: str = Field(description="the number as written: digits or number word plus scale word (FORMAT §4.2)")
    start: int
    end: int
    number: float | None = None
    low: float | None = None
    high: float | None = None
    magnitude: str | None = Field(None, description="for vague numerals: hundreds, thousands, …")
    qualifier: CorpusQualifier
    unit: str | None = Field(None, description="the counted noun or the unit as written")
    measure: str = Field(description="what kind of quantity: count, money, percent, length, …")
    kind: str | None = Field(None, description="what is counted, from the clause: deaths, arrests, participants, …")
    scope: list[str] = Field(default_factory=list, description="scope marks that split figures: insured, total, …")
    terms: list[str] = Field(default_factory=list, description="content words of the clause (stems)")
    places: list[str] = Field(default_factory=list, description="keys of the places the clause names")
    source: str | None = None
    source_key: str | None = Field(None, description="corpus-wide identity of the source")
    status: Status = "stated"
    hedge: str | None = None
    evidence: str = ""
    quote: str | None = None


class DigestQuote(Record):
    """A quotation in quotation marks (a whole direct quote, or words quoted inside reported speech)."""

    id: str
    text: str
    start: int
    end: int
    kind: str = Field(description="direct, partial, or verbatim (quoted words inside reported speech)")
    speaker: str | None = None
    speaker_key: str | None = None
    role: str | None = Field(None, description="the speaker's role as the article names it: Polizeisprecher")
    status: Status = "reported"
    agency: str | None = Field(None, description="the agency it was cited from, or the article's agency")


class ArticleDigest(Record):
    meta: ArticleMeta
    agency: str | None = Field(None, description="news agency the text comes from (dateline or credit)")
    agency_evidence: str | None = None
    shingles: list[int] = Field(default_factory=list, description="hashes of the body's word 4-grams")
    terms: dict[str, int] = Field(default_factory=dict, description="nouns and names of the text with counts")
    claims: list[DigestClaim] = Field(default_factory=list)
    quotes: list[DigestQuote] = Field(default_factory=list)


class WireGroup(Record):
    id: str
    articles: list[str] = Field(description="article ids, earliest first")
    agency: str | None = None
    similarity: float = Field(description="the lowest text similarity (Jaccard of word 4-grams) within the group")


class Story(Record):
    id: str
    title: str
    articles: list[str] = Field(description="article ids in timeline order")
    start: str | None = None
    end: str | None = None
    names: list[str] = Field(default_factory=list, description="the names and nouns that carry the story")


class Occurrence(Record):
    """One appearance of a claim or quotation in one article."""

    article: str
    outlet: str | None = None
    published: str | None = None
    agency: str | None = None
    wire_group: str | None = None
    start: int
    end: int


class TrailOccurrence(Occurrence):
    quote: str
    text: str
    variant: Variant
    speaker: str | None = None


class QuoteTrail(Record):
    id: str
    speaker: str | None
    speaker_key: str | None = None
    story: str | None = None
    text: str = Field(description="the earliest full form")
    occurrences: list[TrailOccurrence] = Field(description="timeline order")
    origin: str | None = Field(None, description="the agency or outlet of the first appearance")
    independent: int = Field(description="outlets quoting it, a wire group counted once")


class FigureClaim(Occurrence):
    claim: str
    value: str
    number: float | None = None
    low: float | None = None
    high: float | None = None
    magnitude: str | None = Field(None, description="for vague numerals: hundreds, thousands, …")
    qualifier: CorpusQualifier
    unit: str | None = None
    source: str | None = None
    source_key: str | None = None
    status: Status
    hedge: str | None = None
    evidence: str
    change: Change = Field("repeat", description="how it relates to what was known before it")


class CorpusFigure(Record):
    id: str
    story: str | None
    label: str = Field(description="what is counted, in the words of the articles")
    measure: str
    unit: str | None = None
    claims: list[FigureClaim] = Field(description="timeline order (publication time, then position)")
    sources: list[str] = Field(default_factory=list, description="distinct sources, first to last")
    independent: int = Field(0, description="articles reporting it, a wire group counted once")
    divergent: bool = Field(False, description="two values that cannot both hold on the same day")


class CorpusLinks(Record):
    wire_groups: list[WireGroup] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    trails: list[QuoteTrail] = Field(default_factory=list)
    figures: list[CorpusFigure] = Field(default_factory=list)

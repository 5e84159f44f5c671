"""The one data model of an analysis, serialised as versioned JSON.

Every stage of the pipeline writes into these classes and nothing else, so the JSON schema
(`quellenlage schema`) is the complete contract with users. Offsets are character offsets into
`Analysis.text`, which is exactly the text the layout stage saw (for HTML input: the text
extracted from the page).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2.1.0"

SegmentKind = Literal[
    "kicker",
    "headline",
    "lead",
    "caption",
    "credit",
    "author",
    "dateline",
    "subheading",
    "body",
    "blockquote",
    "attribution",
    "media",
    "boilerplate",
]
EntityType = Literal["PER", "ORG", "LOC", "OTH"]
QuoteKind = Literal["direct", "indirect", "free_indirect", "partial", "according_to", "speech_act"]
# How the words were given: the Wikinews and Redewiedergabe labels, combined ones included.
Medium = Literal["speech", "writing", "thought", "speech_writing", "speech_thought", "writing_thought"]
# Who stands behind a statement: the outlet itself (stated), a named source (reported), a source
# the article marks as uncertain ("sollen", "angeblich": claimed), or nobody who could be checked
# ("nach unbestätigten Berichten", "nicht unabhängig überprüfbar": unverified).
Status = Literal["stated", "reported", "claimed", "unverified"]
Qualifier = Literal["exact", "more_than", "less_than", "at_least", "at_most", "approx", "range", "vague"]


# Evidence excerpts are bounded, so that output stays proportional to input however long a
# sentence is; the offsets in `evidence_span` give the whole stretch.
EVIDENCE_CHARS = 300
# The title is a headline or the page's title; a text without line breaks would otherwise repeat
# itself whole as its "headline".
TITLE_CHARS = 300


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the analysed text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Segment(Span):
    kind: SegmentKind


class Token(Span):
    lemma: str = ""
    pos: str = ""
    morph: str = ""
    head: int | None = Field(None, description="index of the syntactic head among the sentence's tokens; None unparsed")
    dep: str = Field("", description="Universal Dependencies relation to the head (ROOT for the root)")


class Sentence(Span):
    segment: int = Field(description="index of the segment the sentence belongs to")
    tokens: list[Token] = Field(default_factory=list)


class Mention(Span):
    form: str = Field(
        "name",
        description="name, genitive, surname, abbreviation, adjective, demonym, compound, description",
    )
    source: str = Field("kb", description="what found it: kb (knowledge base), ner (model), rule")
    metonym: bool = Field(False, description="stands for the entity: Kreml, or a capital as actor (Moskau warnt)")


class Entity(Record):
    id: str = Field(description="document-local id, e1, e2, …")
    key: str = Field(description="stable, document-independent key (knowledge-base key or type:name)")
    name: str
    type: EntityType
    kind: str | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-3 when the entity is a country")
    located_in: str | None = Field(
        None, description="ISO 3166 alpha-3 of the country a place lies in or a person or body serves"
    )
    ids: dict[str, str] = Field(default_factory=dict)
    roles: list[str] = Field(default_factory=list, description="titles and roles: Präsident, Militärexperte")
    metonym_of: str | None = Field(None, description="key of the entity this one stands for (Kreml → RUS)")
    mentions: list[Mention] = Field(default_factory=list)


class Offsets(Record):
    """Where something lies in the analysed text, without repeating the text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EntityRef(Record):
    """An entity of the analysis, or (id null) a source no entity stands for: "Regierungskreise"."""

    id: str | None
    name: str


class SourceRef(EntityRef):
    """Who says something or supplies a figure: one shape for every speaker and source.

    `id` is the entity (null when no entity stands for it: "Regierungskreise"), `name` the entity's
    name or the words as written; a group ("der Westen, die Ukraine und Südkorea") has its
    `members` and their names joined; `mention` is where the text names the speaker (for a
    quotation that continues one before, where it was last named)."""

    members: list[EntityRef] = Field(default_factory=list)
    mention: Span | None = None
    confidence: float | None = Field(None, ge=0, le=1, description="how sure the attribution to this source is")


class Quote(Record):
    id: str
    kind: QuoteKind
    speaker: SourceRef | None = None
    cue: Span | None = Field(None, description="the word that marks the speech: sagte, laut, zufolge, hieß")
    cue_parts: list[Span] = Field(
        default_factory=list,
        description="the other words of a verb cue in more than one piece: teilte … mit, hat … erklärt, äußerte sich",
    )
    frame: Span | None = Field(None, description="the words introducing the quotation, cue and speaker included")
    addressee: Span | None = Field(None, description="whom the words were addressed to: der Deutschen Presse-Agentur")
    medium: Medium | None = None
    content: Span
    verbatim: list[Span] = Field(
        default_factory=list,
        description="the speaker's own words quoted inside reported content: bedeute eine „gefährliche Ausweitung“",
    )
    sentence: int | None = Field(None, description="index of the sentence the quotation starts in")
    mood: str | None = Field(None, description="Sub when the content is in the subjunctive")
    status: Status = "reported"
    confidence: float | None = Field(None, ge=0, le=1, description="how sure the quotation (content and kind) is")


class Claim(Record):
    id: str
    value: float | None
    qualifier: Qualifier
    magnitude: str | None = Field(None, description="for vague figures: thousands, millions, …")
    low: float | None = None
    high: float | None = None
    unit: str | None = Field(None, description="what is counted (Soldaten) or the unit (Euro, Prozent)")
    about: str | None = None
    place: EntityRef | None = None
    date: str | None = None
    source: SourceRef | None = None
    quote: str | None = Field(None, description="id of the quote the claim sits in")
    basis: str | None = Field(None, description="what the source relies on: Geheimdienstinformationen")
    hedge: str | None = Field(None, description="hedging word: sollen, angeblich, mutmaßlich")
    number: Span
    sentence: int | None = Field(None, description="index of the sentence the number stands in")
    status: Status = "stated"
    confidence: float | None = Field(None, ge=0, le=1, description="how sure the claim (value, qualifier, source) is")
    evidence: str = Field(
        description=f"the words around the number, at most {EVIDENCE_CHARS} characters (fewer where a long "
        "sentence is crowded with numbers)"
    )
    evidence_span: Offsets = Field(description="the whole sentence or quotation the claim stands in")


class Figure(Record):
    id: str
    about: str
    unit: str | None = None
    claims: list[str] = Field(description="ids of the claims (Claim.id) that report this quantity")


class DateMention(Span):
    value: str = Field(
        description="ISO 8601 date in the precision the text gives: 2025-03-14, a month 2025-03 ('im März 2025'), "
        "a year 2025 ('seit 2025')"
    )
    method: Literal["explicit", "weekday", "relative", "partial"]


class Event(Record):
    type: str = Field(description="PLOVER event type")
    actor: EntityRef | None
    target: list[EntityRef] = Field(default_factory=list)
    place: EntityRef | None = None
    date: str | None = None
    evidence: str = Field(description=f"the sentence, at most {EVIDENCE_CHARS} characters")
    evidence_span: Offsets


class Analysis(Record):
    schema_version: str = SCHEMA_VERSION
    lang: str = "de"
    title: str | None = Field(None, description=f"the headline, at most {TITLE_CHARS} characters")
    published: str | None = None
    published_source: Literal["argument", "metadata", "inferred", "none"] = "none"
    input_format: Literal["text", "html"] = "text"
    text: str
    warnings: list[str] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(
        default_factory=list,
        description="every figure the text gives; a stretch of more than 300 characters crowded with figures (a list "
        "without full stops) gives one per 40 characters, and `warnings` names the numbers left out",
    )
    figures: list[Figure] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_json(self, *, tokens: bool = False, indent: int | None = 1) -> str:
        exclude = None if tokens else {"sentences": {"__all__": {"tokens"}}}
        return self.model_dump_json(indent=indent, exclude=exclude)


def json_schema() -> dict[str, object]:
    schema = Analysis.model_json_schema()
    schema["$id"] = f"https://quellenlage.org/schema/analysis-{SCHEMA_VERSION}.json"
    schema["title"] = f"Quellenlage analysis {SCHEMA_VERSION}"
    return schema

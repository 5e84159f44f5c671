"""An article's digest: what linking compares, taken from its analysis once.

Claims get what a corpus figure needs beyond the article: the value as written, the kind of
quantity and its scope marks from the clause, the places named there, and a source name that
is the same across articles. Two steps fill gaps the way a reader does:
- a number without a counted noun continues the count just named ("6.000 Menschen, die Polizei
  sprach von etwa 2.500"; "sechs Menschen ums Leben gekommen. Medienberichten zufolge sollen es
  bereits acht sein");
- a number the article repeats (a headline value) takes the source the article gives it
  elsewhere (FORMAT §4.4: attribution is propagated within the article).
"""

from __future__ import annotations

import re

from quellenlage.claims.sources import clause_around
from quellenlage.entities.index import EntityIndex
from quellenlage.linking.agencies import cited_agency, text_agency
from quellenlage.linking.concepts import (
    NOT_FIGURES,
    kind_near,
    measure,
    scopes_for,
)
from quellenlage.linking.model import ArticleDigest, ArticleMeta, DigestClaim, DigestQuote
from quellenlage.linking.values import corpus_qualifier, value_text
from quellenlage.linking.words import nouns, shingles
from quellenlage.model import Analysis, Entity, Quote, SourceRef

# Raise when what a digest holds or how it is computed changes: stored digests of another
# version are computed afresh.
DIGEST_VERSION = 3
SHINGLE_KINDS = frozenset({"lead", "body", "blockquote", "subheading", "dateline", "caption"})
TERM_KINDS = SHINGLE_KINDS | {"headline", "kicker"}
CREDIT_KINDS = frozenset({"credit", "boilerplate", "attribution", "author", "media"})
QUOTED_KINDS = frozenset({"direct", "partial"})
# Words around a source's name that are not part of it: "Angaben der Polizei", "Polizeiangaben".
SOURCE_FRAME = re.compile(
    r"^(?:(?:nach|laut|zufolge)\s+)?(?:(?:den\s+|eigenen\s+)?(?:Angaben|Informationen|Worten|Schätzungen?|Darstellung)"
    r"\s+(?:de[rsmn]|eines|einer)\s+)?(?:(?:der|die|das|des|dem|den|ein|eine|eines|einer)\s+)?",
    re.IGNORECASE,
)
GENITIVE_FRAME = re.compile(r"\b(?:des|eines)\s+$", re.IGNORECASE)
# The first noun after "des", whose genitive ending goes (`_nominative`).
GENITIVE_NOUN = re.compile(r"\b[A-ZÄÖÜ][\w-]*s\b")
VOWELS = frozenset("aeiouäöüy")
TIME_TAIL = re.compile(r"\s+(?:vom|am|von)\s+[\w-]*(?:tag|abend|morgen|mittag|nacht|woche)\w*$", re.IGNORECASE)
SOURCE_SUFFIX = re.compile(r"[- ]?(?:Angaben|Kreisen|Kreise)$")
ROLE_BEFORE = re.compile(
    r"([A-ZÄÖÜ][\w-]*(?:sprecher(?:in)?|leiter(?:in)?|chef(?:in)?|führer(?:in)?|präsident(?:in)?"
    r"|minister(?:in)?|rat|rätin|vorsitzende[r]?|direktor(?:in)?|meister(?:in)?))\s+$"
)
RELATIVE = re.compile(r",\s+(?:die|der|das|denen|deren|dessen)\s")
PLACE_FORMS = frozenset({"name", "genitive"})
COMPARABLE_RATIO = 4.0
PRONOUNS = frozenset({"er", "sie", "es", "ihm", "ihr", "ihn", "dieser", "diese", "man"})
NAME_WORD = re.compile(r"\b[A-ZÄÖÜ]")
BARE_REPORT = re.compile(r"(?:[a-zäöüß]+\s+)*(?:Berichte[n]?|Meldungen|Angaben|Informationen)")
GENERIC_AUTHORITY = re.compile(r"Behörden?")
AUTHORITY_NOUN = (
    r"[\w-]*(?:Polizei|[Mm]inisterium|[Aa]mt|Senat|Verwaltung|Staatsanwaltschaft|[Pp]räsidium|[Rr]egierung|Landratsamt)"
)
AUTHORITY = re.compile(rf"\b(?:[A-ZÄÖÜ][\w-]*\s+){{0,2}}{AUTHORITY_NOUN}\b(?:\s+[A-ZÄÖÜ][\w-]*(?![\w-]*\s+[a-zäöüß]))?")
ARTICLE_WORDS = frozenset({"der", "die", "das", "des", "dem", "den"})
# Entity types that stand for a source themselves; a place named as source is often the seat of
# the organisation the words name ("Der Kommunale Arbeitgeberverband NRW").
ACTOR_TYPES = frozenset({"PER", "ORG"})


def digest_article(meta: ArticleMeta, analysis: Analysis) -> ArticleDigest:
    text = analysis.text
    credits = [s.text for s in analysis.segments if s.kind in CREDIT_KINDS]
    agency, evidence = text_agency(_without_headline(analysis), credits)
    body = " ".join(s.text for s in analysis.segments if s.kind in SHINGLE_KINDS)
    index = EntityIndex(analysis.entities)
    return ArticleDigest(
        meta=meta,
        agency=agency,
        agency_evidence=evidence,
        shingles=shingles(body or text),
        terms=_terms(analysis),
        claims=_claims(analysis, index),
        quotes=_quotes(analysis, index, agency),
    )


def _without_headline(analysis: Analysis) -> str:
    head = next((s for s in analysis.segments if s.kind == "headline"), None)
    return analysis.text[head.end :].lstrip() if head else analysis.text


def _terms(analysis: Analysis) -> dict[str, int]:
    """Nouns and names of the article's text, with entity keys counted as names."""
    counts: dict[str, int] = {}
    for segment in analysis.segments:
        if segment.kind in TERM_KINDS:
            for word in nouns(analysis.text, segment.start, segment.end):
                counts[word] = counts.get(word, 0) + 1
    for entity in analysis.entities:
        key = f"@{entity.key}"
        counts[key] = counts.get(key, 0) + len(entity.mentions)
    return counts


def _claims(analysis: Analysis, index: EntityIndex) -> list[DigestClaim]:
    text = analysis.text
    digests: list[DigestClaim] = []
    places: dict[str, list[str]] = {}
    segment_of: dict[str, int] = {}
    for claim in analysis.claims:
        unit_measure = measure(claim.unit)
        if unit_measure in NOT_FIGURES:
            continue
        sentence = analysis.sentences[claim.sentence] if claim.sentence is not None else None
        stretch = sentence or claim.evidence_span
        left, right = clause_around(text, claim.number.start, claim.number.end, stretch.start, stretch.end)
        mention = claim.source.mention if claim.source else None
        named = (mention.start, mention.end) if mention else None
        described = _with_relative_clause(text, right, stretch.end)
        kind = kind_near(text, left, described, claim.number.start, claim.number.end, named)
        value, start = value_text(text, claim)
        source, source_key = _source(claim.source, analysis, index)
        places[claim.id] = _places(index, left, right)
        segment_of[claim.id] = sentence.segment if sentence else -1
        digests.append(
            DigestClaim(
                id=claim.id,
                value=value,
                start=start,
                end=start + len(value),
                number=claim.value,
                low=claim.low,
                high=claim.high,
                magnitude=claim.magnitude,
                qualifier=corpus_qualifier(claim),
                unit=claim.unit,
                measure=unit_measure,
                kind=kind,
                scope=scopes_for(kind, text, left, right),
                terms=sorted(set(nouns(text, left, right))),
                places=places[claim.id],
                source=source,
                source_key=source_key,
                status=claim.status,
                hedge=claim.hedge,
                evidence=claim.evidence,
                quote=claim.quote,
            )
        )
    _continue_counts(digests, segment_of)
    _propagate_sources(digests)
    return digests


def _with_relative_clause(text: str, right: int, sentence_end: int) -> int:
    """Where the words describing the counted end: a relative clause right after the clause
    says what happened to them ("Alle 450 Menschen, die ihre Häuser verlassen mussten")."""
    if not RELATIVE.match(text, right):
        return right
    return clause_around(text, right + 2, right + 3, right + 1, sentence_end)[1]


def _continue_counts(digests: list[DigestClaim], segment_of: dict[str, int]) -> None:
    """A number that names neither unit nor kind counts what the nearest number before it in
    the same paragraph counted, if that one is of a comparable size (a count goes on, it does
    not jump from 1.200 organisations to 160.000 people)."""
    for i, claim in enumerate(digests):
        if claim.kind or claim.unit:
            continue
        for before in reversed(digests[:i]):
            if segment_of[before.id] != segment_of[claim.id]:
                break
            if before.measure == claim.measure and (before.kind or before.unit) and _comparable(before, claim):
                claim.kind, claim.unit = before.kind, before.unit
                claim.scope = sorted(set(claim.scope) | set(before.scope))
                break


def _comparable(a: DigestClaim, b: DigestClaim) -> bool:
    if a.number is None or b.number is None or min(a.number, b.number) <= 0:
        return a.number is None and b.number is None
    return max(a.number, b.number) / min(a.number, b.number) <= COMPARABLE_RATIO


def _propagate_sources(digests: list[DigestClaim]) -> None:
    """A repeated value without a source takes the source the article gives it elsewhere, and
    its kind when it has none (a headline's "160.000 oder 400.000?")."""
    for claim in digests:
        if claim.source is not None and claim.kind is not None:
            continue
        twin = next(
            (
                other
                for other in digests
                if other is not claim
                and other.number == claim.number
                and other.measure == claim.measure
                and other.source is not None
                and (claim.kind is None or other.kind in (None, claim.kind))
            ),
            None,
        )
        if twin is None:
            continue
        if claim.source is None:
            claim.source, claim.source_key = twin.source, twin.source_key
            if claim.status == "stated":
                claim.status = twin.status
        if claim.kind is None:
            claim.kind, claim.scope = twin.kind, list(twin.scope)
            claim.unit = claim.unit or twin.unit


def _places(index: EntityIndex, start: int, end: int) -> list[str]:
    """The places the clause names as places: "in Rostock", not "das bayerische Innenministerium"."""
    return sorted(
        {entity.key for m, entity in index.within(start, end) if entity.type == "LOC" and m.form in PLACE_FORMS}
    )


def _source(ref: SourceRef | None, analysis: Analysis, index: EntityIndex) -> tuple[str | None, str | None]:
    """The source's name and a key that is the same in every article that names it.

    Words that name nobody ("so viele wie seit Jahren nicht") and bare reports ("nach
    unbestätigten Berichten", FORMAT §4.4) are no source; a generic authority ("wie die Behörde
    mitteilte") is the authority the article named before it."""
    if ref is None:
        return None, None
    entity = index.get(ref.id) if ref.id else None
    words = _source_words(ref.mention.text if ref.mention else ref.name)
    if entity is not None and ref.mention is not None and not _named_in(entity, ref.mention.text):
        entity = None  # the words name someone else: trust the words
    if entity is not None and entity.type in ACTOR_TYPES:
        return entity.name, entity.key
    if entity is not None and not _names_more(words, entity):
        return entity.name, entity.key
    name = words or ref.name
    if not NAME_WORD.search(name) or BARE_REPORT.fullmatch(name):
        return None, None
    if GENERIC_AUTHORITY.fullmatch(name) and ref.mention is not None:
        name = _authority_before(analysis.text, ref.mention.start) or name
    return name, "src:" + _key_words(name)


def _named_in(entity: Entity, words: str) -> bool:
    """Whether the words name the entity: its name or a mention of it, or a pronoun for it."""
    if words.casefold() in PRONOUNS:
        return True
    return entity.name in words or any(m.text in words for m in entity.mentions)


def _authority_before(text: str, position: int) -> str | None:
    """The last authority the text names before `position` ("Die Berliner Polizei")."""
    found = None
    for m in AUTHORITY.finditer(text, 0, position):
        found = m
    if found is None:
        return None
    return " ".join(w for w in found.group(0).split() if w.casefold() not in ARTICLE_WORDS)


def _source_words(words: str) -> str:
    """The words naming a source without the frame around them, in the nominative: "Angaben der
    Gewerkschaft Verdi" → "Gewerkschaft Verdi", "Angaben des Polizeipräsidiums Niederbayern vom
    Montagabend" → "Polizeipräsidium Niederbayern", "Großdemo für Demokratie: Polizei" → "Polizei"."""
    words = words.rsplit(": ", 1)[-1].strip()
    frame = SOURCE_FRAME.match(words)
    genitive = frame is not None and GENITIVE_FRAME.search(frame.group(0)) is not None
    words = TIME_TAIL.sub("", words[frame.end() if frame else 0 :]).strip()
    if genitive:
        words = GENITIVE_NOUN.sub(lambda m: _nominative(m.group(0)), words, count=1)
    return SOURCE_SUFFIX.sub("", words).strip(" -")


def _nominative(noun: str) -> str:
    """A masculine or neuter noun without its genitive ending: "Polizeipräsidiums" →
    "Polizeipräsidium", "Landkreises" → "Landkreis", "Verbandes" → "Verband", "Bündnisses" →
    "Bündnis", "Komitees" → "Komitee"."""
    if noun.endswith("sses"):
        return noun[:-3]
    if noun.endswith("es") and len(noun) > 4 and noun[-3].casefold() not in VOWELS:
        return noun[:-2]
    return noun[:-1]


def _names_more(words: str, entity: Entity) -> bool:
    """Whether the words name something beyond the entity: a body seated there."""
    rest = words
    for mention in entity.mentions:
        rest = rest.replace(mention.text, " ")
    return any(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w-]*", rest))


def _key_words(name: str) -> str:
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w-]*", name)]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 5 else w for w in words)


def _quotes(analysis: Analysis, index: EntityIndex, agency: str | None) -> list[DigestQuote]:
    """Words in quotation marks: whole direct quotations and partial ones, and the speaker's own
    words quoted inside reported speech ("stünden „vor dem Nichts“")."""
    found: list[DigestQuote] = []
    for quote in analysis.quotes:
        speaker, key = _speaker(quote.speaker, index)
        role = _role(analysis.text, quote.speaker, index)
        spans: list[tuple[str, int, int, str]]
        if quote.kind in QUOTED_KINDS:
            spans = [(quote.id, quote.content.start, quote.content.end, quote.kind)]
        else:
            spans = [(f"{quote.id}.{i + 1}", v.start, v.end, "verbatim") for i, v in enumerate(quote.verbatim)]
        for quote_id, start, end, kind in spans:
            found.append(
                DigestQuote(
                    id=quote_id,
                    text=analysis.text[start:end],
                    start=start,
                    end=end,
                    kind=kind,
                    speaker=speaker,
                    speaker_key=key,
                    role=role,
                    status=quote.status,
                    agency=_quote_agency(analysis.text, quote) or agency,
                )
            )
    return found


def _quote_agency(text: str, quote: Quote) -> str | None:
    frame = quote.frame or quote.cue
    return cited_agency(text, frame.start, frame.end) if frame else None


def _speaker(ref: SourceRef | None, index: EntityIndex) -> tuple[str | None, str | None]:
    if ref is None:
        return None, None
    entity = index.get(ref.id) if ref.id else None
    if entity is not None:
        return entity.name, entity.key
    name = _source_words(ref.name)
    return name, "src:" + _key_words(name)


def _role(text: str, ref: SourceRef | None, index: EntityIndex) -> str | None:
    """The speaker's role: the entity's known role, else the title before the name in the
    mention ("Polizeisprecher Martin Seifert")."""
    if ref is None:
        return None
    entity = index.get(ref.id) if ref.id else None
    if entity is not None and entity.roles:
        return entity.roles[0]
    if ref.mention is None:
        return None
    found = ROLE_BEFORE.search(ref.mention.text[: max(0, ref.mention.text.find(ref.name))] if ref.name else "")
    return found.group(1) if found else None

"""Quantities with what they count, their qualifier, scope and source.

A number is a claim when it counts or measures something: dates, clock times, durations of
videos and years are not. The source is the speaker of the quotation the number sits in; a
number outside any quotation is the newsroom's own claim (source null).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quellenlage.attribution.cues import BASIS, HEDGE
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.status import status_of
from quellenlage.claims.sources import FigureSources, clause_around, clause_source
from quellenlage.entities.index import EntityIndex, ref
from quellenlage.model import (
    EVIDENCE_CHARS,
    Claim,
    DateMention,
    Entity,
    Offsets,
    Quote,
    Segment,
    Sentence,
    SourceRef,
    Span,
)
from quellenlage.spans import Occupancy, containing, excerpt

QUALIFIERS = [
    (r"mehr als|über|mehr denn|jenseits von", "more_than"),
    (r"weniger als|unter|knapp unter", "less_than"),
    (r"mindestens|wenigstens|nicht weniger als", "at_least"),
    (r"höchstens|maximal|bis zu|nicht mehr als", "at_most"),
    (r"rund|etwa|ungefähr|circa|ca\.|zirka|knapp|fast|nahezu|annähernd|gut|schätzungsweise", "approx"),
]
# Case-insensitive: a qualifier may open the sentence ("Rund 17.000 …", "Mehr als 21.000 Tickets")
QUALIFIER = "|".join(f"(?P<{name}>(?i:{words}))" for words, name in QUALIFIERS)
NUMBER_WORDS = {
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
    "tausend": 1000,
}
NUMBER = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\b(?i:eine\s+halbe|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\b"
)
SCALE = {
    "tausend": 1e3,
    "Tsd.": 1e3,
    "Million": 1e6,
    "Millionen": 1e6,
    "Mio.": 1e6,
    "Milliarde": 1e9,
    "Milliarden": 1e9,
    "Mrd.": 1e9,
    "Billion": 1e12,
    "Billionen": 1e12,
}
SCALE_WORDS = "|".join(re.escape(w) for w in sorted(SCALE, key=len, reverse=True))  # "Millionen" before "Million"
QUANTITY = re.compile(
    rf"(?:\b(?:{QUALIFIER})\s+)?(?:zwischen\s+(?P<low>{NUMBER})\s+und\s+|(?P<from>{NUMBER})\s*(?:bis|-|–)\s*)?"
    rf"(?<![\d.,:])(?P<number>{NUMBER})(?![\d:]|\.\d)(?:\s+(?P<scale>{SCALE_WORDS}))?"
    rf"(?:\s*(?P<symbol>%|€|\$|Prozent|Euro|Dollar|Franken|Grad|Kilometer|km|Meter|Tonnen|Stunden|Tage[n]?|Jahre[n]?)(?!\w))?"
)
VAGUE = re.compile(
    r"\b(?P<word>[Dd]utzende[rn]?|[Hh]underte[rn]?|[Tt]ausende[rn]?|[Zz]ehntausende[rn]?|[Hh]underttausende[rn]?"
    r"|[Mm]illionen|[Mm]illiarden)\b"
)
# A vague magnitude counts the noun after it ("Tausende Menschen"), or stands for people on its own
# as the subject opening a clause ("Tausende sind am Montag … gegangen")
VAGUE_NOUN_AFTER = re.compile(r"\s*[\"“”]?\s+(?:[a-zäöüß]+\s+)*[A-ZÄÖÜ]")
CLAUSE_START_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[„“\"]\s*)$")
MAGNITUDE = {
    "dutzend": "dozens",
    "hundert": "hundreds",
    "tausend": "thousands",
    "zehntausend": "tens of thousands",
    "hunderttausend": "hundreds of thousands",
    "million": "millions",
    "milliard": "billions",
}
# The counted noun stays on the number's line: "steigt auf sechs\n\nPassau." counts no Passau.
UNIT_NOUN = re.compile(r"[^\S\n]*[\"“”]?[^\S\n]*((?:[a-zäöüß][\w-]*[^\S\n]+){0,3})([A-ZÄÖÜ][\w-]*)")
SCOPE_PHRASE = re.compile(
    r"\s*((?:aus|in|im|nach|für|gegen|an|auf)\s+(?:de[mnrs]\s+|die\s+|das\s+)?(?:[\w-]+\s+){0,2}?[A-ZÄÖÜ][\w-]*)"
)
# "ein"/"eine" counts after a qualifier that is no preposition, before a singular unit: "mehr als eine Stunde"
ONE_QUALIFIER = re.compile(r"^(?i:mehr als|weniger als|mindestens|höchstens|rund|etwa|ungefähr|circa|knapp|fast|gut)\b")
SINGULAR_UNIT_AFTER = re.compile(
    r"\s+(?:Stunde|Minute|Sekunde|Woche|Monat|Jahr|Tag|Million|Milliarde|Kilometer|Meter|Tonne|Euro|Dollar|Prozent)\b"
)
TIME_UNIT = r"(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren|Jahrzehnten)"
# Numbers that are no quantity: a time that places an event ("vor drei Monaten", "in den letzten
# zwei Monaten", "in etwa vier bis fünf Wochen", "zwei Tage später"), an age ("der 35 Jahre
# alte"), a clock time ("gegen fünf Uhr")
TIME_PLACE_BEFORE = re.compile(
    r"(?:\b[Vv]or|\b[Ii]n|\bin den (?:letzten|vergangenen|kommenden|nächsten|ersten))\s+"
    r"(?:(?i:etwa|rund|gut|knapp|fast)\s+)?$"
)
TIME_UNIT_AFTER = re.compile(r"\s+" + TIME_UNIT + r"\b")
# "Zwei Tage später", "drei Wochen zuvor": a span that places an event after or before another
TIME_SPAN_PLACING = re.compile(
    r"\s+(?:Sekunden|Minuten|Stunden|Tage|Wochen|Monate|Jahre|Jahrzehnte)\s+(?:später|danach|zuvor|früher|darauf)\b"
)
AGE_AFTER = re.compile(r"\s+Jahre?\s+alt(?:e[mnrs]?)?\b")
MATCH_TIME_AFTER = re.compile(
    r"\s+" + TIME_UNIT + r"\s+(?:vor|nach)\s+(?:dem\s+)?(?:Schluss|Ende|Beginn|Abpfiff|Anpfiff|Spielende|Halbzeit)\b"
)
CLOCK_AFTER = re.compile(r"\s*Uhr\b")
# Quotations that are a source phrase over a whole sentence, whose later clauses may name their own.
OWN_CLAUSE_KINDS = frozenset({"according_to", "speech_act"})
ORDINAL_ARTICLE_BEFORE = re.compile(r"\b(?:der|die|das|dem|den|des|am|im|zum|zur|vom|beim|seiner|ihrer)\s+$")
# A name a number belongs to: "Channel 13", "Nova 2", also written in capitals or with a capital
# inside ("ICE 578", "iPhone 15")
NAME_BEFORE = re.compile(
    r"(?<![.!?:]\s)(?<!^)\b(?:[A-ZÄÖÜ][\w-]*[a-zäöüß]|[A-ZÄÖÜ]{2,}[\w-]*|[a-zäöüß]+[A-ZÄÖÜ][\w-]*)[ \t]+$"
)
# What a number counts: a noun after it, maybe behind adjectives ("8.000 nordkoreanische Soldaten")
COUNTED_NOUN_AFTER = re.compile(
    r"\s+[\"“”„]?\s*(?:(?!(?:wurde|würde|werde|wäre|habe|hatte|sollte|konnte|musste|wollte|durfte)\b)"
    r"[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+){0,3}[A-ZÄÖÜ][a-zäöüß]"
)
LABEL_BEFORE = re.compile(
    r"(?:\b[ABL]|\bNr\.|\bNummer|§|\bArtikel|\bArt\.|\bParagra(?:f|ph)|\bKapitel|\bSeite|\bGleis|\bLinie|\bPlatz|\bRang"
    r"|\bBand|\bZimmer|\bTor|\bHalle|\bKW|[Ss]tufe|\bGrad|\bKategorie|\bTeil)\s?$"
)
# A stretch with more than one number per this many characters is crowded (news prose has one per
# 60 characters at most): its claims' evidence shrinks to the words around each number, down to
# DENSE_EVIDENCE_CHARS, and it gives at most one claim per DENSE_NUMBER_SPACING characters (the
# first ones; the warnings name the numbers left out), so that a list of figures without full
# stops gives JSON proportional to its length (_bound_crowded).
DENSE_NUMBER_SPACING = 40
# A sentence with at least BARE_LIST_MIN numbers that count nothing, one per BARE_LIST_SPACING
# characters or closer, is a column of figures (a price list, a table without its header): its
# bare numbers are no claims, and the analysis says so in its warnings.
BARE_LIST_MIN = 20
BARE_LIST_SPACING = 12
DENSE_EVIDENCE_CHARS = 60
NO_CLAIM_KINDS = frozenset({"credit", "boilerplate", "dateline", "author"})


@dataclass(frozen=True)
class Quantity:
    """A number (or a vague magnitude) as written, before we know what it counts."""

    start: int
    end: int
    value: float | None
    qualifier: str
    magnitude: str | None = None
    low: float | None = None
    symbol: str | None = None
    is_year: bool = False


def find_claims(
    text: str,
    segments: list[Segment],
    sentences: list[Sentence],
    quotes: list[Quote],
    dates: list[DateMention],
    dates_by_sentence: dict[int, str],
    index: EntityIndex,
    warnings: list[str] | None = None,
) -> list[Claim]:
    """Every quantity of the article's text segments, with its source: the speaker of the
    quotation it stands in, else the source a frame around it names (`sources.FigureSources`),
    else the actor of its clause (`sources.clause_source`). What is not read as claims (columns
    of bare numbers) is said in `warnings`."""
    figure_sources = FigureSources(text, segments, sentences, index)
    resolver = SpeakerResolver(text, index, sentences)
    blocked = Occupancy(len(text))
    for d in dates:
        blocked.take(d.start, d.end)
    by_start = sorted(quotes, key=lambda q: q.content.start)
    starts = [q.content.start for q in by_start]
    ends = [q.content.end for q in by_start]
    claims: list[Claim] = []
    lists: list[tuple[Sentence, int]] = []
    for number, sentence in enumerate(sentences):
        segment = segments[sentence.segment]
        if segment.kind in NO_CLAIM_KINDS or _is_media_stamp(segment):
            continue
        found = [q for q in quantities(text, sentence.start, sentence.end) if not q.is_year]
        bare = {id(q) for q in found if _is_bare(text, q)}
        if len(bare) >= BARE_LIST_MIN and len(bare) * BARE_LIST_SPACING >= sentence.end - sentence.start:
            lists.append((sentence, len(bare)))
            found = [q for q in found if id(q) not in bare]
        for quantity in found:
            if not blocked.is_free(quantity.start, quantity.end):
                continue
            around = containing(starts, ends, quantity.start)
            quote = by_start[around] if around is not None and quantity.end <= ends[around] else None
            claim = _claim(text, len(claims), quantity, number, sentence, quote, dates_by_sentence.get(number), index)
            quoted = _quoted_source(resolver, text, quantity, sentence, quote)
            source = (
                figure_sources.resolve_document(quoted, number)
                or figure_sources.for_sentence(number)
                or (
                    clause_source(resolver, text, quantity.start, quantity.end, sentence.start, sentence.end)
                    if quote is None
                    else None
                )
            )
            claim.source = source
            claim.status = status_of(text, sentence.start, sentence.end, source)
            claim.confidence = _confidence(quantity, claim.unit, source, quote)
            claims.append(claim)
    claims = _bound_crowded(text, claims, warnings)
    if lists and warnings is not None:
        first = lists[0][0]
        warnings.append(
            f"{sum(count for _, count in lists)} bare numbers (no unit, no noun they count) in {len(lists)} "
            f"sentence(s) crowded with them, the first at characters {first.start}-{first.end}, were read as "
            "lists of figures, not as claims"
        )
    return claims


def _quoted_source(
    resolver: SpeakerResolver, text: str, q: Quantity, sentence: Sentence, quote: Quote | None
) -> SourceRef | None:
    """The speaker of the quotation the number stands in, unless the number's own clause names
    another source after the quotation's cue ("Dort versammelten sich nach Verdi-Angaben 6.000
    Menschen, die Polizei sprach von etwa 2.500")."""
    if quote is None:
        return None
    if quote.kind in OWN_CLAUSE_KINDS and quote.cue is not None:
        left, right = clause_around(text, q.start, q.end, sentence.start, sentence.end)
        if not left <= quote.cue.start < right:
            own = clause_source(resolver, text, q.start, q.end, sentence.start, sentence.end)
            if own is not None:
                return own
    return quote.speaker


def _is_bare(text: str, quantity: Quantity) -> bool:
    """A number that says nothing about what it counts: no qualifier, scale, symbol or noun."""
    return (
        quantity.qualifier == "exact"
        and quantity.symbol is None
        and quantity.magnitude is None
        and _unit(text, quantity)[0] is None
    )


def _bound_crowded(text: str, claims: list[Claim], warnings: list[str] | None) -> list[Claim]:
    """In a long stretch crowded with numbers (a list, a table row, figures without full stops),
    each claim's evidence is the words right around its number: 300 characters would show a
    dozen other numbers each time, and the output would grow with the square of the density.
    Such a stretch gives at most one claim per DENSE_NUMBER_SPACING characters, the first in
    reading order; the numbers left out are named in `warnings` (how many, and where the first
    such stretch lies). Claims are numbered anew in reading order."""
    sharing: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        sharing.setdefault((claim.evidence_span.start, claim.evidence_span.end), []).append(claim)
    left_out: set[int] = set()
    stretches: list[tuple[int, int]] = []
    for (start, end), group in sharing.items():
        length = end - start
        if length <= EVIDENCE_CHARS or len(group) * DENSE_NUMBER_SPACING <= length:
            continue
        kept = max(1, length // DENSE_NUMBER_SPACING)
        if len(group) > kept:
            left_out.update(id(claim) for claim in group[kept:])
            stretches.append((start, end))
        limit = max(DENSE_EVIDENCE_CHARS, 2 * length // len(group))
        for claim in group[:kept]:
            claim.evidence = excerpt(text, start, end, claim.number.start, limit)
    if not left_out:
        return claims
    bounded = [claim for claim in claims if id(claim) not in left_out]
    for number, claim in enumerate(bounded):
        claim.id = f"c{number + 1}"
    if warnings is not None:
        start, end = min(stretches)
        warnings.append(
            f"{len(left_out)} numbers in {len(stretches)} stretch(es) crowded with figures (more than one per "
            f"{DENSE_NUMBER_SPACING} characters), the first at characters {start}-{end}, were not read as claims: "
            f"such a stretch gives one claim per {DENSE_NUMBER_SPACING} characters, the first in reading order"
        )
    return bounded


def quantities(text: str, start: int, end: int) -> Iterator[Quantity]:
    """Numbers with qualifier and scale, and vague magnitudes ("Tausende"), in [start, end)."""
    numbers: list[tuple[int, int]] = []
    for m in QUANTITY.finditer(text, start, end):
        if not _counts_something(text, m, end):
            continue
        numbers.append((m.start(), m.end()))
        value = _value(m["number"]) * SCALE.get(m["scale"] or "", 1.0)
        low = m["low"] or m["from"]
        qualifier = "range" if low else next((name for _, name in QUALIFIERS if m[name]), "exact")
        counts_noun = re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]", text[m.end() : m.end() + 3]) is not None  # "2000 Quadratmetern"
        is_year = (
            not (m["scale"] or m["symbol"] or low or counts_noun)
            and re.fullmatch(r"(?:19|20)\d\d", m["number"]) is not None
        )
        yield Quantity(m.start(), m.end(), value, qualifier, None, _value(low) if low else None, m["symbol"], is_year)
    for m in VAGUE.finditer(text, start, end):
        if any(s < m.end() and m.start() < e for s, e in numbers):
            continue  # the scale of a number ("56 Millionen"), not a vague quantity
        clause_start = CLAUSE_START_BEFORE.search(text[max(0, m.start() - 3) : m.start()]) or m.start() == start
        if not (VAGUE_NOUN_AFTER.match(text, m.end(), end) or (clause_start and m["word"][0].isupper())):
            continue
        word = m["word"].lower()
        magnitude = next(v for k, v in sorted(MAGNITUDE.items(), key=lambda kv: -len(kv[0])) if word.startswith(k))
        yield Quantity(m.start(), m.end(), None, "vague", magnitude)


def _claim(
    text: str,
    number_: int,
    q: Quantity,
    sentence_number: int,
    sentence: Sentence,
    quote: Quote | None,
    date: str | None,
    index: EntityIndex,
) -> Claim:
    unit, about_end = _unit(text, q)
    evidence = quote.content if quote else sentence
    place = _place(index, q.end, sentence.end)
    basis = BASIS.search(text, sentence.start, sentence.end)
    hedge = HEDGE.search(text, sentence.start, sentence.end)
    about = " ".join(text[q.start : about_end].split()) if about_end > q.end else None
    source = quote.speaker if quote else None
    return Claim(
        id=f"c{number_ + 1}",
        value=q.value,
        qualifier=q.qualifier,
        magnitude=q.magnitude,
        low=q.low,
        high=q.value if q.qualifier == "range" else None,
        unit=unit,
        about=about,
        place=ref(place) if place else None,
        date=date,
        source=source,
        quote=quote.id if quote else None,
        basis=basis["basis"] if basis else None,
        hedge=hedge[1] if hedge else None,
        number=Span(start=q.start, end=q.end, text=text[q.start : q.end]),
        sentence=sentence_number,
        status=status_of(text, sentence.start, sentence.end, source),
        evidence=excerpt(text, evidence.start, evidence.end, q.start, EVIDENCE_CHARS),
        evidence_span=Offsets(start=evidence.start, end=evidence.end),
    )


def _confidence(q: Quantity, unit: str | None, source: SourceRef | None, quote: Quote | None) -> float:
    """How sure the claim is: its number (a digit with a unit is surest, a vague word least) times
    its source (the outlet's own figure is sure; a quotation's or frame's as sure as they are)."""
    number = 0.7 if q.qualifier == "vague" else 0.95 if unit else 0.8
    if source is None:
        return round(number, 2)
    attributed = source.confidence or (quote.confidence if quote else None) or 0.8
    return round(number * attributed, 2)


def _unit(text: str, q: Quantity) -> tuple[str | None, int]:
    """The symbol, else the first noun after the number ("8.000 nordkoreanische Soldaten"),
    and where the phrase about the quantity ends (the noun plus a place or origin phrase)."""
    if q.symbol:
        return q.symbol, q.end
    noun = UNIT_NOUN.match(text, q.end)
    if not noun:
        return None, q.end
    end = noun.end()
    scope = SCOPE_PHRASE.match(text, end)
    if scope:
        end = scope.end()
    return noun[2], end


def _place(index: EntityIndex, start: int, end: int) -> Entity | None:
    return next((e for m, e in index.within(start, end) if e.type == "LOC" and m.form in ("name", "genitive")), None)


def _counts_something(text: str, m: re.Match[str], sentence_end: int) -> bool:
    """Not a quantity: road and list labels ("A 7", "Nr. 5", "§ 219"), ordinals ("in der 81.
    Minute", "der 1. FC Köln", "(19.)": a number with a full stop that does not end the
    sentence). A small number word counts whatever follows, as its digits would ("drei leicht
    verletzte Beamte", "sollen es bereits acht sein", "zwei von ihnen"); "hundert" and "tausend"
    only with a scale or unit ("zwölf Milliarden Euro") or before the noun they count; "ein"/"eine"
    only with a scale."""
    after = m.end("number")
    ordinal = text.startswith(".", after) and after + 1 < sentence_end and not text[after + 1 : after + 2].isdigit()
    if LABEL_BEFORE.search(text, max(0, m.start() - 12), m.start()) or ordinal or _is_no_quantity(text, m):
        return False
    word = m["number"].lower()
    if word not in NUMBER_WORDS:
        return True
    if m["scale"] or m["symbol"] or word.startswith("eine "):
        return True
    if ONE_QUALIFIER.search(m[0]) and SINGULAR_UNIT_AFTER.match(text, m.end()):
        return True  # "mehr als eine Stunde"
    if 1 < NUMBER_WORDS[word] < 100:
        return True
    return (
        NUMBER_WORDS[word] > 1 and re.match(r"\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ]", text[m.end() : m.end() + 40]) is not None
    )


def _is_no_quantity(text: str, m: re.Match[str]) -> bool:
    """Part of a name or label, an identifier, a time or an age: "49-Euro-Ticket", "Covid-19",
    "4G", "90er-Jahre", "Channel 13", "ICE 578", "iPhone 15", "030 46644664", "gegen fünf Uhr", "in der 27. Minute",
    "vor drei Monaten", "der 35 Jahre alte"."""
    start, end = m.start("number"), m.end("number")
    number = m["number"]
    glued_after = end < len(text) and (text[end].isalpha() or (text[end] == "-" and text[end + 1 : end + 2].isalnum()))
    hyphen_before = text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalpha()
    glued_before = start > 0 and (text[start - 1].isalpha() or hyphen_before)
    if glued_after or glued_before:
        return True
    if number.isdigit() and (len(number) >= 7 or (number.startswith("0") and len(number) > 1)):
        return True  # a telephone or file number: no count has a leading zero or seven plain digits
    if CLOCK_AFTER.match(text, end) or AGE_AFTER.match(text, end) or MATCH_TIME_AFTER.match(text, end):
        return True
    before = text[max(0, m.start() - 40) : m.start()]
    if TIME_UNIT_AFTER.match(text, m.end()) and TIME_PLACE_BEFORE.search(before):
        return True
    if TIME_SPAN_PLACING.match(text, end):
        return True
    if text.startswith(". ", end) and ORDINAL_ARTICLE_BEFORE.search(before):
        return True  # "in der 27. Minute" even where the sentence splitter cut after "27."
    unit_after = m["scale"] or m["symbol"] or COUNTED_NOUN_AFTER.match(text, m.end())
    qualified = any(m[name] for _, name in QUALIFIERS) or m["low"] or m["from"]
    year_like = re.fullmatch(r"(?:19|20)\d\d", number) is not None  # years are the date stage's
    return not (unit_after or qualified or year_like) and NAME_BEFORE.search(before) is not None  # "Channel 13"


def _value(number: str) -> float:
    if re.fullmatch(r"(?i)eine\s+halbe", number):
        return 0.5
    if number.lower() in NUMBER_WORDS:
        return float(NUMBER_WORDS[number.lower()])
    return float(number.replace(".", "").replace(",", "."))


def _is_media_stamp(segment: Segment) -> bool:
    return segment.kind == "media" and re.search(r"\d:\d\d\s*min", segment.text, re.IGNORECASE) is not None

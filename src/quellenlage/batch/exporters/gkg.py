"""GDELT Global Knowledge Graph 2.1-style export: one tab-separated line per article.

The 27 columns are those of the GKG 2.1 codebook, in its order and with its delimiters, so GKG
readers read the file unchanged. What Quellenlage knows beyond GKG goes into column 27,
V2EXTRASXML, which GKG reserves for such additions, as well-formed XML elements named `QL_*`
(`batch/README.md` documents every column and extra). Free text is cleaned of the characters that
delimit the column or the block it stands in (tab and newline always; `;`, `#`, `,`, `|` where
the codebook uses them), and XML-escaped inside the extras.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import TextIO
from urllib.parse import urlparse
from xml.sax.saxutils import escape

from quellenlage.batch.exporters.fips import fips_code
from quellenlage.batch.tables import ArticleMeta
from quellenlage.entities.knowledge_base import KnowledgeBase, load_knowledge_base
from quellenlage.model import SCHEMA_VERSION, Analysis, Claim, Entity, Quote

COLUMNS = (
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
WEB, CITATION_ONLY = 1, 2  # V2SOURCECOLLECTIONIDENTIFIER
COUNTRY, WORLD_CITY, WORLD_STATE = 1, 4, 5  # location types of the codebook
STATE_KINDS = frozenset({"state", "region", "province", "canton", "land"})
DATE_RESOLUTION = {"explicit": 3, "weekday": 3, "relative": 3, "partial": 4}
QUOTATION_KINDS = frozenset({"direct", "partial"})  # words between quotation marks
SPACE = re.compile(r"[\t\r\n\x0b\x0c]+")


def write_gkg(articles: Iterable[tuple[ArticleMeta, Analysis]], out: TextIO) -> int:
    """Write one GKG line per article; returns the number written."""
    places = _PlaceInfo(load_knowledge_base())
    count = 0
    for number, (meta, analysis) in enumerate(articles, start=1):
        out.write("\t".join(gkg_record(meta, analysis, number, places)) + "\n")
        count += 1
    return count


class _PlaceInfo:
    """Coordinates and state of a place from the knowledge base (the analysis keeps only the key)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def lookup(self, entity: Entity) -> tuple[str, str, str]:
        entry = self.kb.by_key(entity.key)
        if entry is None:
            return "", "", ""
        extra = entry.extra
        lat, lon = extra.get("lat"), extra.get("lon")
        return (
            (str(lat) if lat is not None else ""),
            (str(lon) if lon is not None else ""),
            str(extra.get("state") or ""),
        )


def gkg_record(meta: ArticleMeta, analysis: Analysis, number: int, places: _PlaceInfo) -> list[str]:
    timestamp = _timestamp(meta.published, analysis.published)
    persons = [e for e in analysis.entities if e.type == "PER"]
    organisations = [e for e in analysis.entities if e.type == "ORG"]
    locations = [e for e in analysis.entities if e.type == "LOC"]
    fields = {
        "GKGRECORDID": f"{timestamp or '00000000000000'}-{number}",
        "V2.1DATE": timestamp,
        "V2SOURCECOLLECTIONIDENTIFIER": str(WEB if meta.url else CITATION_ONLY),
        "V2SOURCECOMMONNAME": _clean(_common_name(meta)),
        "V2DOCUMENTIDENTIFIER": _clean(meta.url or meta.article_id),
        "V1LOCATIONS": ";".join(_location(e, places, None) for e in locations),
        "V2ENHANCEDLOCATIONS": ";".join(_location(e, places, m.start) for e in locations for m in e.mentions),
        "V1PERSONS": ";".join(_unique(_name(e.name) for e in persons)),
        "V2ENHANCEDPERSONS": ";".join(f"{_name(e.name)},{m.start}" for e in persons for m in e.mentions),
        "V1ORGANIZATIONS": ";".join(_unique(_name(e.name) for e in organisations)),
        "V2ENHANCEDORGANIZATIONS": ";".join(f"{_name(e.name)},{m.start}" for e in organisations for m in e.mentions),
        "V2.1ENHANCEDDATES": ";".join(_date(d.value, d.method, d.start) for d in analysis.dates),
        "V2.1QUOTATIONS": "#".join(
            f"{q.content.start}|{q.content.end - q.content.start}|{_block(q.cue.text if q.cue else '')}"
            f"|{_block(q.content.text)}"
            for q in analysis.quotes
            if q.kind in QUOTATION_KINDS
        ),
        "V2.1ALLNAMES": ";".join(
            f"{_name(m.text)},{m.start}" for e in analysis.entities for m in e.mentions if m.form != "adjective"
        ),
        "V2.1AMOUNTS": ";".join(
            f"{_number(c.value)},{_name(c.unit or c.about or '')},{c.number.start}"
            for c in analysis.claims
            if c.value is not None
        ),
        "V2EXTRASXML": _extras(meta, analysis, timestamp),
    }
    return [fields.get(column, "") for column in COLUMNS]


def _extras(meta: ArticleMeta, analysis: Analysis, timestamp: str) -> str:
    keys = {e.id: e.key for e in analysis.entities}
    elements = [
        ("PAGE_TITLE", analysis.title or meta.title or ""),
        ("PAGE_PRECISEPUBTIMESTAMP", timestamp),
        ("QL_ARTICLE_ID", meta.article_id),
        ("QL_SCHEMA", SCHEMA_VERSION),
        ("QL_OUTLET", meta.outlet or ""),
        ("QL_PUBLISHED", analysis.published or ""),
        ("QL_ENTITIES", "#".join(_entity_block(e) for e in analysis.entities)),
        ("QL_QUOTES", "#".join(_quote_block(q, keys) for q in analysis.quotes)),
        ("QL_AMOUNTS", "#".join(_claim_block(c, keys) for c in analysis.claims)),
        ("QL_DATES", "#".join(f"{d.start}|{d.value}|{d.method}" for d in analysis.dates)),
    ]
    return "".join(f"<{tag}>{escape(_clean(value))}</{tag}>" for tag, value in elements if value)


def _entity_block(e: Entity) -> str:
    offsets = ",".join(str(m.start) for m in e.mentions)
    return "|".join(
        [
            e.id,
            _block(e.name),
            e.type,
            _block(e.key),
            e.ids.get("wikidata", ""),
            e.country or e.located_in or "",
            offsets,
        ]
    )


def _quote_block(q: Quote, keys: dict[str, str]) -> str:
    speaker = q.speaker
    return "|".join(
        [
            q.id,
            str(q.content.start),
            str(q.content.end - q.content.start),
            q.kind,
            q.status,
            _block(speaker.name) if speaker else "",
            _block(keys.get(speaker.id or "", "")) if speaker else "",
            _block(q.cue.text) if q.cue else "",
            _number(q.confidence),
        ]
    )


def _claim_block(c: Claim, keys: dict[str, str]) -> str:
    source = c.source
    return "|".join(
        [
            c.id,
            str(c.number.start),
            _block(c.number.text),
            _number(c.value),
            c.qualifier,
            _number(c.low),
            _number(c.high),
            _block(c.unit or ""),
            _block(source.name) if source else "",
            _block(keys.get(source.id or "", "")) if source else "",
            _block(c.hedge or ""),
            c.status,
        ]
    )


def _location(e: Entity, places: _PlaceInfo, offset: int | None) -> str:
    country = e.country or e.located_in
    fips = fips_code(country)
    lat, lon, state = places.lookup(e)
    if e.country:
        kind, full_name, feature = COUNTRY, e.name, fips
    else:
        kind = WORLD_STATE if (e.kind or "") in STATE_KINDS else WORLD_CITY
        full_name = ", ".join(part for part in dict.fromkeys([e.name, state]) if part)
        feature = ""
    block = [str(kind), _field(full_name), fips, ""]
    if offset is None:
        return "#".join([*block, lat, lon, feature])
    return "#".join([*block, "", lat, lon, feature, str(offset)])


def _date(value: str, method: str, offset: int) -> str:
    """Resolution as the codebook counts it: 1 a year alone ("seit 2007"), 2 a month of a year
    ("im März 2025"), 3 a day, 4 a day and month whose year the text left open; 0 for what the
    text did not give."""
    year, month, day = (value.split("-") + ["0", "0"])[:3]
    resolution = {4: 1, 7: 2}.get(len(value), DATE_RESOLUTION.get(method, 3))
    return f"{resolution}#{int(month)}#{int(day)}#{int(year)}#{offset}"


def _timestamp(published_input: str | None, published: str | None) -> str:
    """YYYYMMDDHHMMSS in UTC, as GKG writes V2.1DATE: the input's timestamp when it has one,
    else the analysis's reference date at midnight; "" when neither is known."""
    if published_input:
        try:
            moment = datetime.fromisoformat(published_input.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC)
            return moment.strftime("%Y%m%d%H%M%S")
    return published.replace("-", "") + "000000" if published else ""


def _common_name(meta: ArticleMeta) -> str:
    if meta.url:
        host = urlparse(meta.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return meta.outlet or ""


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _clean(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def _name(text: str) -> str:
    """A name inside a ;-separated list of ,-separated fields."""
    return re.sub(r"[;,#|]", " ", _clean(text)).strip()


def _field(text: str) -> str:
    """Free text inside a ;-separated list of #-separated fields (commas allowed: "Passau, Bayern")."""
    return re.sub(r"[;#]", " ", _clean(text)).strip()


def _block(text: str) -> str:
    """Free text inside a #-separated list of |-separated fields."""
    return re.sub(r"[#|]", " ", _clean(text)).strip()


def _unique(names: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for name in names:
        if name and name not in seen:
            seen.add(name)
            yield name

"""Identity without a database: which article a record is, which text, which real thing an entity is.

An article is its URL (without the #fragment) when the record has one, else the record's id, else
the file it was read from, else its text; the same key with another text is a new revision of
the article. An entity is its strongest identifier: Wikidata QID, ISO 3166 code, GeoNames id, the
knowledge base's key, and only then its normalised name and type.
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from quellenlage.model import Entity

# Identifier fields of Entity.ids, strongest first, and the prefix of their corpus key.
STRONG_IDS = (("wikidata", "wikidata"), ("iso3166_alpha3", "iso"), ("geonames", "geonames"))


def digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data).hexdigest()


def normalise_url(url: str) -> str:
    """The URL without its fragment and surrounding blanks; the host in lower case."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def article_key(url: str | None, record_id: str | None, file: str | None, text_hash: str) -> str:
    if url:
        return normalise_url(url)
    if record_id:
        return f"id:{record_id}"
    if file:
        return f"file:{file}"
    return f"text:{text_hash}"


def derived_article_id(key: str) -> str:
    """The article id when the record gives none: short, stable, from the key."""
    return "a" + digest(key)[:12]


def url_host(url: str | None) -> str | None:
    """The outlet a URL names when nothing else does: its host without www."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def normalise_name(name: str) -> str:
    """Names compared across articles: NFC, casefolded, single spaces, no quotation marks around."""
    name = " ".join(unicodedata.normalize("NFC", name).split()).strip(" .,;:\"'„“‚‘»«")
    return name.casefold()


def entity_keys(entity: Entity) -> list[str]:
    """The keys the corpus knows this entity by, strongest first; the first is its identity."""
    keys = []
    for field, prefix in STRONG_IDS:
        value = entity.ids.get(field)
        if value:
            keys.append(f"{prefix}:{value}")
    if entity.country and not any(k.startswith("iso:") for k in keys):
        keys.append(f"iso:{entity.country}")
    keys.append(entity.key)
    name_key = f"{entity.type.lower()}:{normalise_name(entity.name)}"
    if name_key not in keys:
        keys.append(name_key)
    return keys

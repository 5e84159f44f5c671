"""Which news agency a text or a quotation comes from: datelines ("Berlin (dpa) -"), credits
("Quelle: dpa", "© dpa-infocom", "(AFP)"), and citations in the text ("zitierte ihn die
Nachrichtenagentur dpa"). Photo credits ("Foto: Jan Kessler/dpa") name where a picture comes
from, not the text, and are ignored.
"""

from __future__ import annotations

import re

# canonical name -> how articles write it
AGENCIES: dict[str, tuple[str, ...]] = {
    "dpa": ("dpa", "dpa-AFX", "dpa-infocom", "Deutsche Presse-Agentur", "Deutschen Presse-Agentur"),
    "AFP": ("AFP", "Agence France-Presse"),
    "Reuters": ("Reuters",),
    "AP": ("AP", "Associated Press"),
    "KNA": ("KNA", "Katholische Nachrichten-Agentur"),
    "epd": ("epd", "Evangelischer Pressedienst"),
    "dts": ("dts", "dts Nachrichtenagentur"),
    "APA": ("APA", "Austria Presse Agentur"),
    "SDA": ("SDA", "Keystone-SDA"),
    "sid": ("sid", "SID"),
}
_FORMS = sorted(((form, name) for name, forms in AGENCIES.items() for form in forms), key=lambda p: -len(p[0]))
_CANONICAL = {form.casefold(): name for form, name in _FORMS}
_ALTERNATION = "|".join(re.escape(form) for form, _ in _FORMS)
# "Berlin (dpa) -", "Düsseldorf/Dortmund (dpa/lnw) –", "Kiew (AFP/Reuters) -"
DATELINE = re.compile(
    rf"^[A-ZÄÖÜ][\w./ -]{{1,60}}?\s\((?P<agency>{_ALTERNATION})(?:/[\w-]+)*\)\s*[-–—:]",
    re.MULTILINE,
)
CREDIT = re.compile(
    rf"^(?:Quelle:\s*|©\s*|Copyright\s*)(?P<agency>{_ALTERNATION})\b|^\((?P<bare>{_ALTERNATION})(?:/[\w-]+)*\)\s*$",
    re.MULTILINE,
)
PHOTO = re.compile(r"^(?:Foto|Bild|Fotos|Video|Grafik)\s*:", re.IGNORECASE)
CITED = re.compile(
    rf"\b(?:Nachrichtenagentur|Agentur|gegenüber (?:der|dem))\s+(?P<agency>{_ALTERNATION})\b"
    rf"|\b(?P<bare>{_ALTERNATION})\s+(?:berichtete|meldete|zitierte|zufolge)\b"
)


def canonical(form: str) -> str:
    return _CANONICAL.get(form.casefold(), form)


def text_agency(text: str, credits: list[str]) -> tuple[str | None, str | None]:
    """The agency the article's text comes from, and the words that say so.

    A dateline in the first lines is the strongest sign; then a credit line ("Quelle: dpa").
    "mit Material von dpa" is not one: the outlet wrote the text, with agency material."""
    head = text[:600]
    match = DATELINE.search(head)
    if match:
        return canonical(match["agency"]), match.group(0).strip()
    for line in credits:
        if PHOTO.match(line):
            continue
        found = CREDIT.search(line)
        if found:
            return canonical(found["agency"] or found["bare"]), line.strip()
    return None, None


def cited_agency(text: str, start: int, end: int) -> str | None:
    """An agency the text cites for what stands in [start, end): "zitierte ihn die Nachrichtenagentur dpa"."""
    found = CITED.search(text, start, end)
    if found is None:
        return None
    return canonical(found["agency"] or found["bare"])

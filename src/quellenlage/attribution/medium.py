"""How words were given: spoken, written or thought (`Quote.medium`), from the frame's words."""

from __future__ import annotations

import re

from quellenlage.model import Medium, Span

WRITTEN = re.compile(
    r"\b(?:schrieb|schreibt|geschrieben|twitterte|postete|veröffentlicht\w*|Erklärung|Mitteilung|Stellungnahme"
    r"|Bericht|Brief|Schreiben|Kommuniqué|Pressemitteilung|X-Post|Tweet|Beitrag)\b"
)

SPOKEN = frozenset({"sagte", "sagt", "gesagt", "sagten", "erklärte", "betonte", "sprach", "rief", "antwortete"})


def medium_of(frame: Span | None, cue: Span | None) -> Medium | None:
    """ "writing" for written statements (schrieb, Erklärung, Mitteilung), "speech" for spoken ones."""
    if frame is None:
        return None
    if WRITTEN.search(frame.text):
        return "writing"
    return "speech" if cue is not None and cue.text.lower() in SPOKEN else None

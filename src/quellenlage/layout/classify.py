"""Give every piece of a scraped page its segment kind.

The rules look at a piece's shape (length, final punctuation, quote marks) and at its
neighbours, the way a reader recognises a caption by the credit after it or a block quote by
the short source line under it. They are generic page conventions of German news sites, not
rules for one site; `tests/fixtures/layout` holds the pages they are tested on.
"""

from __future__ import annotations

import re

from quellenlage.layout.pieces import MEDIA_STAMP, Piece

AUTHOR = re.compile(
    r"^(?:-\s*)?(?:Von:?|Ein (?:Kommentar|Gastbeitrag|Interview|Bericht|Essay) von"
    r"|Eine (?:Analyse|Reportage|Glosse) von"
    r"|Autor(?:in)?(?:en)?:|Ein Beitrag von|Redaktion:|Faktencheck:|Text:|Recherche:|Mitarbeit:"
    r"|Übersetzung(?: und Adaptierung)?:|Schlussredaktion:|von(?= [A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ][a-zäöüß-]+$))\s*[A-ZÄÖÜ]"
)
# Signatures and source notes at the end of an article: "(dmk)", "MDR (dst)", "Mit Informationen der
# Nachrichtenagenturen …", "Mit Material von dpa", "Sendung: Antenne Brandenburg, 24.04.2024, 15:10 Uhr"
SIGNATURE = re.compile(
    r"^\(?[a-zäöü]{2,4}(?:/[a-zäöü]{2,4})*\)$|^[A-ZÄÖÜ][\w-]{1,10} \([\wäöüÄÖÜ ,./-]{2,40}\)$"
    r"|^Mit (?:Informationen|Material) (?:der|des|von)\b|^Sendung:|^Dies ist eine maschinelle Übersetzung"
    r"|^Dieser Artikel ist (?:eine Übersetzung|zuerst)"
)
# A photo credit on its own line: "STR/AFP via Getty Images", "Andrea Verdelli/Getty Images"
PHOTO_CREDIT = re.compile(
    r"^[\w .,&'-]{2,60}(?:/[\w .,&'-]{2,40})*(?:/| via )(?:Getty Images|dpa|AFP|Reuters|AP|imago\w*"
    r"|picture alliance|Shutterstock|iStock\w*)\b.{0,30}$",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^(?:-\s*)?(?:Stand|Aktualisiert|Veröffentlicht|Zuletzt aktualisiert)\s*:?\s*(?:am\s+)?\d"
    r"|^(?:-\s*)*-?(?:Aktualisiert|Veröffentlicht) am$|^(?:-\s*)?\d{1,3} Minuten? Lesezeit$"
    r"|^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\.\d{1,2}\.\d{4}(?:, \d{1,2}:\d\d)?$"
    r"|^\d{1,2}\.\s*[A-ZÄÖÜ][a-zä]+\s+\d{4}(?:,\s*\d{1,2}[:.]\d{2}\s*Uhr)?$"
    r"|^\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s*\d{1,2}[:.]\d{2}\s*Uhr)?$"
)
COPYRIGHT_NOTICE = r"\bdpa-infocom\b|Alle Rechte vorbehalten|^©\s*\d{4}"
# Page furniture around embeds, paywalls and newsletters, and offers: "Externer Inhalt nicht verfügbar",
# "Empfohlener redaktioneller Inhalt", "Link zum YouTube-Inhalt", "showPaywall:", "2 Wochen kostenlos testen"
FURNITURE = (
    r"[Ee]xterne[rn]? Inhalt|Privatsphäre-Einstellungen|Datenschutzeinstellungen|redaktioneller Inhalt"
    r"|YouTube-Inhalt|Inhalt (?:nicht )?(?:verfügbar|laden)|diesen Inhalt (?:sehen|anzeigen)|^Embed$|^(?:-\s*)?\w+:$"
    r"|kostenlos testen|Testen Sie|Newsletter|Über dieses Thema berichte|^FAQ$|^\|$|^Vorlesen|Gesamtdauer"
    r"|auch bei Social Media|Blitzangebot|Preisvergleich|online einkaufen|folgenden Links|^Vielen Dank!?$"
    r"|Erstveröffentlichung|\bIn: .{3,60}, \d{1,2}\.\d{1,2}\.\d{4}|Perspektive bei \w+"
    r"|Ihre Meinung ist uns wichtig|Wie hat Ihnen dieser Artikel gefallen|Affiliate|Provision|Zum Angebot$"
    r"|^Bitte markieren Sie|Beiträge aus dem Forum|Weiterführende Links|^Ähnliche:?$|^Mehr Themen|^>>"
    r"|^-?\s*Zum Artikel:|unterstützen:?$|Jetzt bei .{2,40} abschließen|E-Paper|Push-Nachrichten"
    r"|Hinweise (?:zum|zu diesem) Them\w*\? Melden Sie|^Melden Sie sich vertraulich"
)
# The consent text of a blocked embed, however long it runs ("Ich bin damit einverstanden, dass mir der
# externe Inhalt angezeigt wird. Damit können personenbezogene Daten …").
CONSENT = re.compile(r"^Ich bin damit einverstanden, dass mir (?:der |die )?externe|an Drittplattformen übermittelt")
BOILERPLATE = re.compile(
    r"^(?:Mehr zum Thema|Lesen Sie (?:auch|mehr)|Auch interessant|Das könnte Sie auch interessieren|Weitere "
    r"(?:Nachrichten|Artikel|Informationen)|Mehr Nachrichten|Newsletter|Jetzt (?:abonnieren|anmelden)|Teilen"
    r"|Kommentare(?:\s*\(\d+\))?$|Zur Startseite|Dieses Thema im Programm|Hier (?:klicken|geht)|Empfohlene Artikel"
    r"|Anzeige$|Zum Liveblog|Schlagworte|Themen:|Mehr aus|Weitere Meldungen|Alle Meldungen)"
    r"|finden Sie (?:jederzeit |hier |auch )?(?:in unserem|hier|im)|Hier geht es zu|Newsletter abonnieren"
    r"|-Newsletter\b|gibt die Meinung de[sr] Autor|(?:Liveblog|Newsticker|Newsletter|Podcast)\s*:\s*$"
    r"|" + COPYRIGHT_NOTICE + "|" + FURNITURE,
    re.IGNORECASE,
)
# A teaser header on a line of its own ("Mehr zum Thema", "Lesen Sie auch:") lists link titles below.
TEASER_HEADER_LINE = re.compile(
    r"^(?:Mehr zum Thema|Lesen Sie (?:auch|mehr)|Auch interessant|Das könnte Sie auch interessieren|Weitere "
    r"(?:Nachrichten|Artikel|Meldungen)|Mehr aus [^:]*|Empfohlene Artikel|Quellen|Quelle|Ähnliche)\s*:?$"
)
LIST_ITEM = re.compile(r"^[-•–]\s")
AGENCY_START = re.compile(r"^[A-ZÄÖÜ][\w./ -]{1,40}\s\((?:dpa|AFP|Reuters|AP|epd|KNA|dts|SID|APA)[^)]*\)")
MEDIA_DESCRIPTION_CUE = re.compile(
    r"\b(?:analysiert|erklärt|im Video|im Interview|berichtet|ordnet|schildert|zeigt|Bilder)\b"
)
MEDIA_STAMP_ONLY = re.compile(MEDIA_STAMP.pattern + r"\s*$", re.IGNORECASE)
MEDIA_DESCRIPTION_MAX = 300  # teaser texts are two or three short sentences
SENTENCE_END = re.compile(r"[.!?…\"“”»«]$")
QUOTE_OPEN = '"„“»‚'
UNLINKED = "unlinked"  # the page's markup shows a list item without a link (reading.structure)


def classify(text: str, pieces: list[Piece]) -> list[str]:
    """The segment kind of each piece, in order."""
    kinds = [""] * len(pieces)
    shapes = [text[p.start : p.end] for p in pieces]
    _mark_hinted(pieces, kinds, shapes)
    _mark_boilerplate(pieces, shapes, kinds)
    _mark_head(shapes, kinds)
    _mark_captions(kinds)
    _mark_block_quotes(shapes, kinds)
    _mark_media(pieces, shapes, kinds)
    for i, shape in enumerate(shapes):
        if kinds[i]:
            continue
        if AUTHOR.match(shape) and len(shape) < 160:
            kinds[i] = "author"
        elif SIGNATURE.search(shape) and len(shape) < 200 or PHOTO_CREDIT.match(shape):
            kinds[i] = "credit"
        elif DATELINE.match(shape):
            kinds[i] = "dateline"
        elif _is_heading(shape) and i + 1 < len(shapes):
            kinds[i] = "subheading"
        else:
            kinds[i] = "body"
    return kinds


def _mark_hinted(pieces: list[Piece], kinds: list[str], shapes: list[str]) -> None:
    for i, piece in enumerate(pieces):
        if piece.hint == "credit" and re.search(COPYRIGHT_NOTICE, shapes[i]):
            kinds[i] = "boilerplate"  # "© dpa-infocom, dpa:…": the page's copyright line, no photo credit
        elif piece.hint and piece.hint != UNLINKED:
            kinds[i] = piece.hint


def _mark_boilerplate(pieces: list[Piece], shapes: list[str], kinds: list[str]) -> None:
    """Promo lines, and the link titles listed under a teaser header ("Mehr zum Thema", "Quellen:"):
    the first line below it, and further lines as long as they look like titles ("Zölle: Was …");
    and runs of list items that are all titles ("- US-Politik: Alle Entwicklungen im Newsblog")."""
    _mark_title_lists(shapes, kinds, [piece.hint == UNLINKED for piece in pieces])
    titles_below = 0
    for i, shape in enumerate(shapes):
        if kinds[i]:
            titles_below = 0
            continue
        if len(shape) < 300 and BOILERPLATE.search(shape) or CONSENT.search(shape):
            kinds[i] = "boilerplate"
            titles_below = 1 if TEASER_HEADER_LINE.match(shape) else 0
        elif titles_below and _is_heading(shape) and (titles_below == 1 or ": " in shape):
            kinds[i] = "boilerplate"
            titles_below += 1
        else:
            titles_below = 0
    _mark_promo_lists(shapes, kinds)


def _mark_promo_lists(shapes: list[str], kinds: list[str]) -> None:
    """The titles of a list with a promo item are promo too ("- Mehr Lesekomfort auch für
    unterwegs" above "- E-Paper und News in einer App")."""
    i = 0
    while i < len(shapes):
        j = i
        while j < len(shapes) and kinds[j] in ("", "boilerplate") and LIST_ITEM.match(shapes[j]):
            j += 1
        if j - i >= 2 and "boilerplate" in kinds[i:j]:
            for k in range(i, j):
                if not kinds[k] and _is_heading(shapes[k]):
                    kinds[k] = "boilerplate"
        i = max(j, i + 1)


def _mark_title_lists(shapes: list[str], kinds: list[str], unlinked: list[bool]) -> None:
    """Two or more list items in a row, none a sentence: links to other articles or sources. An
    item the page marked as a link list already counts towards the run ("- Kinderschutz als
    Vorwand? …" among linked titles), and a heading right above such a list is its header. A
    list the page's markup shows without links is none, unless it ends the page ("- Mittlerweile
    640 Tote im Westjordanland (05.19 Uhr)" in a ticker's summary is the article)."""
    i = 0
    while i < len(shapes):
        j = i
        while j < len(shapes) and kinds[j] in ("", "boilerplate") and LIST_ITEM.match(shapes[j]):
            if not (kinds[j] or _is_heading(shapes[j])):
                break
            j += 1
        # a list without links inside the article is part of it; at the article's end it is
        # its source list ("- Trump-Post bei Truth Social", "- Eigene Recherche")
        inside = all(unlinked[i:j]) and j < len(shapes)
        if j - i >= 2 and not inside:
            for k in range(i, j):
                kinds[k] = "boilerplate"
            if i > 0 and not kinds[i - 1] and _is_heading(shapes[i - 1]) and not LIST_ITEM.match(shapes[i - 1]):
                kinds[i - 1] = "boilerplate"
        i = max(j, i + 1)


def _mark_head(shapes: list[str], kinds: list[str]) -> None:
    """Kicker, headline and lead: the first lines of the page (the page's markup may have said
    which are headline and lead already)."""
    if "headline" in kinds:
        if "lead" not in kinds:
            _mark_lead(shapes, kinds, kinds.index("headline"))
        return
    first = next((i for i, k in enumerate(kinds) if k in ("", "kicker")), None)
    if first is None:
        return
    if kinds[first] == "kicker":
        first += 1
    elif (
        first + 1 < len(shapes)
        and not kinds[first + 1]
        and len(shapes[first]) <= 40
        and _is_heading(shapes[first])
        and _is_heading(shapes[first + 1])
    ):
        kinds[first] = "kicker"
        first += 1
    if first >= len(shapes) or kinds[first]:
        return
    if len(shapes[first]) > 100 and SENTENCE_END.search(shapes[first]):
        if _looks_like_lead(shapes[first]):  # a page without a title starts with its lead
            kinds[first] = "lead"
        return
    kinds[first] = "headline"
    _mark_lead(shapes, kinds, first)


def _mark_lead(shapes: list[str], kinds: list[str], headline: int) -> None:
    lead = headline + 1
    while lead < len(shapes) and (
        kinds[lead] in ("author", "dateline") or (not kinds[lead] and _is_author_or_dateline(shapes[lead]))
    ):
        lead += 1
    if lead >= len(shapes) or kinds[lead]:
        return
    next_kind = kinds[lead + 1] if lead + 1 < len(shapes) else ""
    is_caption = next_kind == "credit"
    if not is_caption and _looks_like_lead(shapes[lead]):
        kinds[lead] = "lead"


def _mark_captions(kinds: list[str]) -> None:
    """A piece before a credit is its photo's caption, unless it is the article's last paragraph:
    a credit with only page furniture after it is the article's source note ("Quelle: ntv.de",
    "© The Financial Times Ltd. 2024")."""
    last_open = max((i for i, kind in enumerate(kinds) if not kind), default=-1)
    for i in range(len(kinds) - 1):
        if kinds[i + 1] == "credit" and not kinds[i] and i < last_open:
            kinds[i] = "caption"


def _mark_block_quotes(shapes: list[str], kinds: list[str]) -> None:
    """A stand-alone statement followed by a short source line is a block quote."""
    for i in range(len(shapes) - 1):
        if kinds[i] or kinds[i + 1] or not _is_source_line(shapes[i + 1]):
            continue
        quoted = shapes[i][0] in QUOTE_OPEN and shapes[i].rstrip(".").endswith(('"', "“", "”", "«", "‘"))
        announced = i > 0 and shapes[i - 1].endswith(":")
        if quoted or announced:
            kinds[i], kinds[i + 1] = "blockquote", "attribution"


def _mark_media(pieces: list[Piece], shapes: list[str], kinds: list[str]) -> None:
    """A video or audio teaser: its stamp line ("Video: 2:15 min"), the title (glued to the
    stamp, or on the next line), and a short description before or after them."""
    for i in range(len(shapes)):
        if kinds[i]:
            continue
        previous = kinds[i - 1] if i else ""
        stamp_alone = i > 0 and previous == "media" and (i < 2 or pieces[i - 1].start > pieces[i - 2].end)
        if stamp_alone and MEDIA_STAMP_ONLY.match(shapes[i - 1]) and _is_heading(shapes[i]):
            kinds[i] = "media"
            continue
        described = MEDIA_DESCRIPTION_CUE.search(shapes[i]) and len(shapes[i]) < MEDIA_DESCRIPTION_MAX
        after_title = previous == "media" and not MEDIA_STAMP_ONLY.match(shapes[i - 1])
        before_stamp = i + 1 < len(shapes) and kinds[i + 1] == "media" and previous not in ("", "body", "lead")
        if described and (after_title or before_stamp):
            kinds[i] = "media"


def _is_heading(shape: str) -> bool:
    return 0 < len(shape) <= 100 and not SENTENCE_END.search(shape) and not shape.endswith((":", ","))


def _is_source_line(shape: str) -> bool:
    cleaned = shape.lstrip("—–- ")
    return (
        0 < len(cleaned) <= 80
        and not SENTENCE_END.search(cleaned)
        and not cleaned.endswith(":")
        and (cleaned[0].isupper() or shape[0] in "—–-")
    )


def _is_author_or_dateline(shape: str) -> bool:
    return bool(AUTHOR.match(shape) and len(shape) < 120) or bool(DATELINE.match(shape))


def _looks_like_lead(shape: str) -> bool:
    sentences = len(re.findall(r"[.!?](?:\s|$)", shape))
    return 0 < sentences <= 3 and len(shape) <= 450 and not AGENCY_START.match(shape)

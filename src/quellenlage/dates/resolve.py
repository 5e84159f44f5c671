"""Find date expressions first, then resolve each one.

dateparser on free text reads "die" as Tuesday and "1:29 min" as a clock time, and it cannot
resolve "Am Donnerstag" at all. So candidates come from explicit German patterns, and each is
resolved here against the reference date (publication date, or the latest full date the article
names). What the text names less precisely keeps its precision in ISO 8601 form: "im März 2025"
is `2025-03`, "seit 2007" is `2007`.

A date without its year or week ("am 1. Mai", "im August", "am Samstag") points the way its
clause does (`tense.direction`): into the past when the clause is told in the past, into the
future when it announces; a clause in the present points to the nearest such day, month or
weekday ahead ("Liverpool spielt Samstag"), "seit" always back and "bis" ahead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from quellenlage.dates.tense import direction
from quellenlage.model import DateMention, Sentence
from quellenlage.spans import Occupancy, containing

MONTH_NAMES = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
    "jan": 1,
    "feb": 2,
    "mär": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dez": 12,
}
MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    "|Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\."
)
FULL_MONTHS = "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
YEAR = r"(?:1[5-9]|20)\d\d"
NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DAY_MONTH = re.compile(
    r"(?:\b(?:[Aa]m|[Vv]om|[Ss]eit dem|[Bb]is zum|[Aa]b dem|[Dd]en)\s+)?(?<![\d.])(\d{1,2})\.\s?(" + MONTHS + r")"
    r"(?:\s+(\d{4}))?(?![\w])"
)
# A month named without a day needs a frame ("im Juni", "seit Ende September", "von August an"),
# since "Mai" and "August" are also names; the genitive ("des Januars") is a month by its form.
RELATIVE_YEAR_WORDS = r"(?P<rel>vergangenen|letzten|vorigen|kommenden|nächsten|diesen|dieses|laufenden)\s+Jahres"
MONTH_ALONE = re.compile(
    r"\b(?P<frame>(?:[Ii]m|[Ss]eit|[Bb]is|[Aa]b|[Vv]on|[Vv]om|[Aa]nfang|[Mm]itte|[Ee]nde)(?:\s+(?:Anfang|Mitte|Ende))?)"
    r"\s+(?P<month>" + FULL_MONTHS + r")(?:\s+(?P<year>" + YEAR + r")\b|\s+" + RELATIVE_YEAR_WORDS + r")?(?![\w-])"
    r"|\b(?P<genitive>Januars|Februars|Märzes|Aprils|Junis|Julis|Augusts|Septembers|Oktobers|Novembers|Dezembers)\b"
    r"|\b(?P<bare>" + FULL_MONTHS + r")\s+(?P<bareyear>" + YEAR + r")\b"
)
WEEKDAY = re.compile(
    r"\b(?:(?P<prep>[Aa]m|[Aa]n|[Vv]om|[Ss]eit|[Bb]is)\s+)?(?:(?P<which>vergangenen|letzten|kommenden|nächsten|diesem"
    r"|dieser|jenem)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")(?:(?:abend|morgen|nachmittag|vormittag|mittag)\b)?(?!\w)"
)
# Capitalised "Morgen" is the noun (morning); the adverbs are lowercase except at sentence start.
RELATIVE = re.compile(r"\b([Vv]orgestern|[Gg]estern|[Hh]eute|[Üü]bermorgen|morgen)\b")
RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
RELATIVE_YEAR = re.compile(
    r"\b(?:(?:[Ii]m|[Ii]n|[Ss]eit)\s+)?(?:(?P<which>kommenden|nächsten|vergangenen|letzten|vorigen|diesem|laufenden)\s+Jahr\b"
    r"|(?P<which2>[Vv]ergangenes|[Ll]etztes|[Nn]ächstes|[Kk]ommendes|[Dd]ieses)\s+Jahr\b"
    r"|(?P<prev>Vorjahr)\b|(?:[Aa]nfang|[Mm]itte|[Ee]nde)\s+(?P<this>des\s+Jahres|dieses\s+Jahres)\b"
    r"|(?P<start>Jahresbeginn|Jahresanfang|Jahresende)\b)"
)
YEAR_OFFSET = {
    "kommenden": 1,
    "nächsten": 1,
    "nächstes": 1,
    "kommendes": 1,
    "vergangenen": -1,
    "vergangenes": -1,
    "letzten": -1,
    "letztes": -1,
    "vorigen": -1,
    "diesem": 0,
    "dieses": 0,
    "diesen": 0,
    "laufenden": 0,
}
BARE_YEAR = re.compile(r"(?<![\d.,:/\-€$])(?P<year>" + YEAR + r")(?!\d|[.,:/]\d|-?er\b|-[\dA-Za-zÄÖÜäöü]|\s?%)")
# Words before a number that make it a year whatever follows: "im Jahr 2022", "seit 2007", and
# the second year of a range ("von 2008 bis 2020 Vorstandschef")
YEAR_FRAME = re.compile(
    r"(?:\b(?:[Jj]ahre?s?|[Ss]eit|[Ii]m|[Aa]nfang|[Mm]itte|[Ee]nde|[Ff]rühjahr|[Ss]ommer|[Hh]erbst|[Ww]inter"
    r"|[Ss]aison)\s+|\b" + YEAR + r"\s*(?:bis|und|-|–)\s*)$"
)
CAPITALISED_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")


def find_dates(text: str, reference: date | None, sentences: list[Sentence] | None = None) -> list[DateMention]:
    """All date expressions with resolved ISO values, in text order, without overlaps.

    `sentences` (with tokens) let the tense of each clause decide which way a date without its
    year or week points; without them a short list of past forms and future cues does."""
    found: list[DateMention] = []
    taken = Occupancy(len(text))
    starts = [s.start for s in sentences or []]
    ends = [s.end for s in sentences or []]

    def sentence_at(position: int) -> Sentence | None:
        if not sentences:
            return None
        number = containing(starts, ends, position)
        return sentences[number] if number is not None else None

    def add(start: int, end: int, value: str | None, method: str) -> None:
        if value is None or not taken.is_free(start, end):
            return
        taken.take(start, end)
        found.append(DateMention(start=start, end=end, text=text[start:end], value=value, method=method))

    def way(match: re.Match[str], frame: str = "") -> str:
        frame = frame.lower()
        if frame.startswith("seit"):
            return "past"
        if frame.startswith(("bis", "ab")):
            return "future"
        return direction(text, sentence_at(match.start()), match.start(), match.end())

    for m in ISO.finditer(text):
        add(m.start(), m.end(), _iso(_safe_date(int(m[1]), int(m[2]), int(m[3]))), "explicit")
    for m in NUMERIC.finditer(text):
        add(m.start(), m.end(), _iso(_safe_date(_full_year(m[3]), int(m[2]), int(m[1]))), "explicit")
    for m in DAY_MONTH.finditer(text):
        month = MONTH_NAMES[m[2].rstrip(".").lower()]
        start = m.start(1)  # the preposition only tells the way: "bis zum 12. Mai"
        if m[3]:
            add(start, m.end(), _iso(_safe_date(int(m[3]), month, int(m[1]))), "explicit")
        elif reference is not None:
            add(start, m.end(), _iso(_day_month(int(m[1]), month, reference, way(m, m[0]))), "partial")
    for m in MONTH_ALONE.finditer(text):
        add(m.start(), m.end(), *_month(m, reference, way))
    for m in RELATIVE_YEAR.finditer(text):
        if reference is not None:
            add(m.start(), m.end(), str(reference.year + _year_offset(m)), "relative")
    for m in BARE_YEAR.finditer(text):
        if _is_year(text, m):
            add(m.start(), m.end(), m["year"], "explicit")
    if reference is not None:
        for m in WEEKDAY.finditer(text):
            add(m.start(), m.end(), _weekday(m, reference, way(m, m["prep"] or "")).isoformat(), "weekday")
        for m in RELATIVE.finditer(text):
            word = m[1].lower()
            add(m.start(), m.end(), (reference + timedelta(days=RELATIVE_DAYS[word])).isoformat(), "relative")
    return sorted(found, key=lambda d: d.start)


def infer_reference_date(text: str) -> date | None:
    """The latest full date the text names: the best guess for an undated article."""
    candidates = [d for d in find_dates(text, None) if d.method == "explicit" and len(d.value) == 10]
    return max((date.fromisoformat(d.value) for d in candidates), default=None)


def _month(
    m: re.Match[str], reference: date | None, way: Callable[[re.Match[str], str], str]
) -> tuple[str | None, str]:
    """ "im Juni" (partial), "im Mai 2022", "des Januars", "im Oktober vergangenen Jahres"."""
    if m["genitive"]:
        name = m["genitive"].removesuffix("es") if m["genitive"] == "Märzes" else m["genitive"][:-1]
        month, year_given, offset = MONTH_NAMES[name.lower()], None, None
    elif m["bare"]:
        month, year_given, offset = MONTH_NAMES[m["bare"].lower()], m["bareyear"], None
    else:
        month, year_given, offset = MONTH_NAMES[m["month"].lower()], m["year"], m["rel"]
    if year_given:
        return f"{year_given}-{month:02d}", "explicit"
    if reference is None:
        return None, "partial"
    if offset:
        return f"{reference.year + YEAR_OFFSET[offset]}-{month:02d}", "relative"
    year = _month_year(month, reference, way(m, m["frame"] or ""))
    return f"{year}-{month:02d}", "partial"


def _month_year(month: int, reference: date, heading: str) -> int:
    if month == reference.month:
        return reference.year
    past = reference.year if month < reference.month else reference.year - 1
    future = reference.year if month > reference.month else reference.year + 1
    if heading == "past":
        return past
    if heading == "future":
        return future
    ahead = (month - reference.month) % 12
    return future if ahead <= 12 - ahead and heading == "present" else past


def _day_month(day: int, month: int, reference: date, heading: str) -> date | None:
    """The nearest such day in the direction of the clause; in the present the nearest either
    way ("gilt vom 1. Mai an", three days ahead); when the tense is unknown, back, unless ahead
    is much nearer."""
    years = (reference.year - 1, reference.year, reference.year + 1)
    candidates = [d for year in years if (d := _safe_date(year, month, day))]
    past = max((d for d in candidates if d <= reference), default=None)
    future = min((d for d in candidates if d >= reference), default=None)
    if past is None or future is None:
        return past or future
    if heading == "past":
        return past
    if heading == "future":
        return future
    back, ahead = (reference - past).days, (future - reference).days
    if heading == "present":
        return future if ahead <= back else past
    return future if ahead * 4 < back else past


def _weekday(match: re.Match[str], reference: date, heading: str) -> date:
    """A bare weekday in news is the nearest such day: back by default and when the clause is
    told in the past, ahead when it announces or speaks in the present ("spielt Samstag")."""
    target = WEEKDAYS.index(match["day"])
    which = match["which"] or ""
    ahead = which in ("kommenden", "nächsten") or (not which and heading in ("future", "present"))
    if ahead:
        days = (target - reference.weekday()) % 7 or (7 if which else 0)
        return reference + timedelta(days=days)
    days = (reference.weekday() - target) % 7
    if which in ("vergangenen", "letzten") and days == 0:
        days = 7
    return reference - timedelta(days=days)


def _year_offset(m: re.Match[str]) -> int:
    if m["which"] or m["which2"]:
        return YEAR_OFFSET[(m["which"] or m["which2"]).lower()]
    if m["prev"]:
        return -1
    return 0


def _is_year(text: str, m: re.Match[str]) -> bool:
    """A four-digit number is a year unless it counts the noun after it ("2000 Quadratmetern");
    a year frame before it ("im Jahr", "seit", "bis") settles it."""
    if YEAR_FRAME.search(text, max(0, m.start() - 14), m.start()):
        return True
    return not CAPITALISED_NOUN_AFTER.match(text, m.end())


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _full_year(year: str) -> int:
    return int(year) + (2000 if len(year) == 2 else 0)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

"""Find date expressions first, then parse each one.

dateparser on free text reads "die" as Tuesday and "1:29 min" as a clock time, and it cannot
resolve "Am Donnerstag" at all. So candidates come from explicit German patterns; dateparser
parses only the month-name forms; weekdays and relative days are resolved here against the
reference date (publication date, or the latest full date the article itself names).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import dateparser

from quellenlage.model import DateMention
from quellenlage.spans import Occupancy

MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    "|Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\."
)
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
MONTH_NAME = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(" + MONTHS + r")(?:\s+(\d{4}))?(?![\w])")
WEEKDAY = re.compile(
    r"\b(?:(?:[Aa]m|[Vv]om|[Ss]eit|[Bb]is)\s+)?(?:(vergangenen|letzten|kommenden|nächsten)\s+)?"
    r"(" + "|".join(WEEKDAYS) + r")(?:(?:abend|morgen|nachmittag|vormittag|mittag)\b)?"
    r"(?!\w)"
)
# Capitalised "Morgen" is the noun (morning); the adverbs are lowercase except at sentence start.
RELATIVE = re.compile(r"\b([Vv]orgestern|[Gg]estern|[Hh]eute|[Üü]bermorgen|morgen)\b")
RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
FUTURE_CUE = re.compile(r"\b(?:wird|werden|will|wollen|soll|sollen|plant|planen|geplant|kommend\w*|nächst\w*)\b")


def find_dates(text: str, reference: date | None) -> list[DateMention]:
    """All date expressions with resolved ISO values, in text order, without overlaps."""
    found: list[DateMention] = []
    taken = Occupancy(len(text))

    def add(start: int, end: int, value: date | None, method: str) -> None:
        if value is None or not taken.is_free(start, end):
            return
        taken.take(start, end)
        found.append(DateMention(start=start, end=end, text=text[start:end], value=value.isoformat(), method=method))

    for m in ISO.finditer(text):
        add(m.start(), m.end(), _safe_date(int(m[1]), int(m[2]), int(m[3])), "explicit")
    for m in NUMERIC.finditer(text):
        add(m.start(), m.end(), _safe_date(_full_year(m[3]), int(m[2]), int(m[1])), "explicit")
    for m in MONTH_NAME.finditer(text):
        add(m.start(), m.end(), _parse_month_name(m[0], reference), "explicit" if m[3] else "partial")
    if reference is not None:
        for m in WEEKDAY.finditer(text):
            add(m.start(), m.end(), _resolve_weekday(m, text, reference), "weekday")
        for m in RELATIVE.finditer(text):
            word = m[1].lower()
            add(m.start(), m.end(), reference + timedelta(days=RELATIVE_DAYS[word]), "relative")
    return sorted(found, key=lambda d: d.start)


def infer_reference_date(text: str) -> date | None:
    """The latest full date the text names: the best guess for an undated article."""
    candidates = [d for d in find_dates(text, None) if d.method == "explicit"]
    return max((date.fromisoformat(d.value) for d in candidates), default=None)


def _resolve_weekday(match: re.Match[str], text: str, reference: date) -> date:
    """A bare weekday in news means the nearest such day: past by default, future if the
    sentence looks ahead ("kommenden", "will", "soll")."""
    target = WEEKDAYS.index(match[2])
    sentence_end = text.find(".", match.end())
    sentence = text[text.rfind(".", 0, match.start()) + 1 : sentence_end if sentence_end >= 0 else len(text)]
    if (match[1] or "") in ("kommenden", "nächsten") or (match[1] is None and FUTURE_CUE.search(sentence)):
        days = (target - reference.weekday()) % 7 or 7
        return reference + timedelta(days=days)
    days = (reference.weekday() - target) % 7
    if match[1] in ("vergangenen", "letzten") and days == 0:
        days = 7
    return reference - timedelta(days=days)


def _parse_month_name(expression: str, reference: date | None) -> date | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime.combine(reference, datetime.min.time())
    parsed = dateparser.parse(expression, languages=["de"], settings=settings)
    if parsed is None:
        return None
    if reference is None and not re.search(r"\d{4}", expression):
        return None
    return parsed.date()


def _full_year(year: str) -> int:
    return int(year) + (2000 if len(year) == 2 else 0)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

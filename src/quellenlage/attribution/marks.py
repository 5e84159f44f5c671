"""Quotation marks: which marks open and close a quotation, where the quoted stretches of a
text lie (outermost pairs, nested ones skipped), and whether quoted words read as someone's words
or as a name or title („Computerwoche“, die CD „Have a nice day“)."""

from __future__ import annotations

import re

QUOTE_PAIRS = {"„": '“”"', '"': '"“”', "»": "«", "«": "»", "“": '”"', "‚": "‘'"}

OPENING_QUOTES = frozenset({"„", "»", "‚", '"'})

CLOSING_QUOTES = frozenset({"“", "”", "»", "«"})


def someones_words(words: str) -> bool:
    """Quoted words that read as someone's: two or more starting in lower case, or seven or more."""
    count = len(words.split())
    return (count >= 2 and words[:1].islower()) or count >= 7


def is_label(text: str, start: int) -> bool:
    """Quoted words someone labels a thing with: "wies dies als „Unverschämtheit“ zurück"."""
    return LABELLING.search(text, max(0, start - 8), start) is not None


LABELLING = re.compile(r"\bals\s+[„»\"‚]\Z")


# Nouns whose quoted apposition names a work, not someone's words: die CD „Have a nice day“.
WORK_NOUNS = re.compile(
    r"(?:CD|Album|Buch|Film|Titel|Vortrag|Vorträge|Sendung|Ausstellung|Enzyklika|Roman|Lied|Song|Single|Stück"
    r"|Oper|Serie|Kampagne|Projekt|Programm|Motto|Studie|Bericht|Dokumentation)\s*[„»\"‚]\Z"
)


def named_work(text: str, span: tuple[int, int]) -> bool:
    """Whether quoted words are the title a noun of works puts in apposition („Have a nice day“)."""
    return WORK_NOUNS.search(text, max(0, span[0] - 30), span[0]) is not None


def is_title(words: str) -> bool:
    """A name or title in quotation marks („Frankfurter Allgemeine Zeitung“, „Computerwoche“)
    rather than someone's words: every word capitalised."""
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words.split())


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner spans of quotation-mark pairs within [start, end), outermost only."""
    spans = []
    i = start
    while (mark := OPENING_MARK.search(text, i, end)) is not None:  # from mark to mark, not letter by letter
        i = mark.start()
        if text[i] != "‚" or i + 1 < end and text[i + 1].isalpha():
            close = _closing_mark(text, i, end)
            if close > i + 1 and text[i + 1 : close].strip():  # „ “ around nothing quotes nothing
                spans.append((i + 1, close))
                i = close + 1
                continue
        i += 1
    return spans


# Any mark that may open a quotation (the keys of QUOTE_PAIRS).
OPENING_MARK = re.compile("[" + "".join(QUOTE_PAIRS) + "]")


def _closing_mark(text: str, opening: int, end: int) -> int:
    """Where the quotation opened at `opening` closes, nested pairs skipped ("„Wir haben
    „Small-Business-Unternehmen“ angemeldet“"); -1 when it stays open."""
    opener, closers = text[opening], QUOTE_PAIRS[text[opening]]
    depth = 0
    for j in range(opening + 1, end):
        if text[j] == opener and opener not in closers:
            depth += 1
        elif text[j] in closers:
            if depth == 0:
                return j
            depth -= 1
    return -1

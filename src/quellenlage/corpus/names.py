"""Finding names by their words, through an index: speakers, sources, what a figure counts, entities.

A name filter ("Selenskyj", "Teilnehmer", "Polizei") matches a name when every word of the filter
begins a word of the name, case and diacritics aside: "selensk" finds "Wolodymyr Selenskyj",
"teilnehmer" finds "Teilnehmerinnen und Teilnehmer", "Muller" finds "Müller", but "polizei" does not
find "Bundespolizei" (as in the full-text search, words are matched from their start). The words of
every entity name and of the speaker, source and counted-thing texts of quotations and claims are
kept in two tables (`entity_words`, `fact_words`), so a filter is a few index range scans instead of
a scan of every name with LIKE '%…%'; on both databases the word columns compare byte-wise (SQLite's
default, PostgreSQL's "C" collation), which is what makes a prefix a range.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, intersect, select

from quellenlage.corpus import tables as t

WORD = re.compile(r"\w+")
QID = re.compile(r"^Q\d+$")
# fact_words.kind: the text of a quotation or claim whose words are kept
SPEAKER, SOURCE, COUNTS = "speaker", "source", "counts"


def name_words(*texts: str | None) -> list[str]:
    """The words of names as the index keeps them: casefolded, without diacritics, in order, once."""
    words: dict[str, None] = {}
    for text in texts:
        if text:
            folded = unicodedata.normalize("NFKD", text.casefold())
            folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
            words.update(dict.fromkeys(WORD.findall(folded)))
    return list(words)


def _starts_with(column: Any, prefix: str) -> ColumnElement[bool]:
    """`column` begins with `prefix`: a range, so that an index answers it."""
    return and_(column >= prefix, column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


def entities_named(name_or_qid: str) -> Select[Any]:
    """The ids of the entities a filter names: a Wikidata QID exactly, else by the words of their names."""
    if QID.match(name_or_qid.strip()):
        return select(t.entities.c.id).where(t.entities.c.qid == name_or_qid.strip())
    words = name_words(name_or_qid)
    w = t.entity_words
    return _all_words([select(w.c.entity_id).where(_starts_with(w.c.word, word)) for word in words])


def facts_named(kind: str, text: str) -> Select[Any]:
    """The ids of the quotations or claims whose `kind` text has every word of `text`."""
    f = t.fact_words
    words = name_words(text)
    return _all_words([select(f.c.fact_id).where(f.c.kind == kind, _starts_with(f.c.word, w)) for w in words])


def _all_words(selects: Sequence[Select[Any]]) -> Select[Any]:
    """The ids every select finds (a plain SELECT: SQLite takes no compound inside a compound)."""
    if not selects:  # a filter without a word ("%", "…") names nothing
        return select(t.entities.c.id).where(false())
    if len(selects) == 1:
        return selects[0]
    both = intersect(*selects).subquery()
    return select(both.c[0])


def entity_word_rows(entity_id: int, name: str) -> list[dict[str, Any]]:
    return [{"word": word, "entity_id": entity_id} for word in name_words(name)]


def fact_word_rows(
    revision_id: int, quotes: Iterable[tuple[int, dict[str, Any]]], claims: Iterable[tuple[int, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The word rows of one revision's quotations and claims, given with their ids."""
    rows = []
    for kind, fact_id, words in _fact_words(quotes, claims):
        rows += [{"kind": kind, "word": w, "fact_id": fact_id, "revision_id": revision_id} for w in words]
    return rows


def _fact_words(
    quotes: Iterable[tuple[int, dict[str, Any]]], claims: Iterable[tuple[int, dict[str, Any]]]
) -> Iterable[tuple[str, int, list[str]]]:
    for quote_id, quote in quotes:
        yield SPEAKER, quote_id, name_words(quote["speaker"])
    for claim_id, claim in claims:
        yield SOURCE, claim_id, name_words(claim["source"])
        yield COUNTS, claim_id, name_words(claim["unit"], claim["about"])

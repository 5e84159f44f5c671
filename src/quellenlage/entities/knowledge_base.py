"""Small shipped knowledge base (countries, organisations, persons, places) and a fast mention finder.

The data files live in ``quellenlage/kb/`` and are rebuilt by ``tools/build_kb.py``.  Inflected
surfaces (genitive, adjective and demonym endings, inflected multi-word names, case variants) are
generated here at load time, so the data files only hold base forms.

The matcher is context-free: it scans word tokens left to right, tries the longest n-gram first
(up to the longest multi-word surface starting with that token), and returns non-overlapping
mentions.  Weak places (names that are also ordinary German words) are returned with
``entry.weak=True``; the caller decides what to do with them.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["KBEntry", "KBMention", "KnowledgeBase", "load_knowledge_base"]

KB_DIR = Path(__file__).resolve().parent.parent / "kb"
KB_FILES = ("countries", "organisations", "persons", "places")

FORM_RANK = {
    "name": 0,
    "abbreviation": 0,
    "genitive": 1,
    "adjective": 2,
    "demonym": 2,
    "surname": 3,
    "compound": 4,
}
KIND_RANK = {
    "country": 0,
    "state": 1,
    "organisation": 1,
    "government": 1,
    "party": 1,
    "agency": 1,
    "media": 1,
    "company": 1,
}
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
TOKEN_RE = re.compile(r"\w+(?:-\w+)*")
APOSTROPHES = "'’"


@dataclass(frozen=True)
class KBEntry:
    key: str
    name: str
    type: str
    kind: str
    ids: dict[str, str] = field(hash=False, compare=False)
    country: str | None
    weak: bool = False
    metonym_of: str | None = None
    # everything else from the data file (aliases, adjectives, population, capital_of, ...)
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False, repr=False)


@dataclass(frozen=True)
class KBMention:
    start: int
    end: int
    text: str
    entry: KBEntry
    form: str  # name | genitive | adjective | demonym | compound | abbreviation | surname


# --------------------------------------------------------------------------- surface generation


def _genitives(word: str) -> list[str]:
    if word[-1:] in ("s", "ß", "x", "z"):
        return []  # "Paris'" is handled by the apostrophe rule in the matcher
    return [word + "s"]


def _inflect_multiword(name: str) -> list[str]:
    """Oblique forms of multi-word names with leading adjectives.

    "Demokratische Volksrepublik Korea" -> "Demokratischen Volksrepublik Korea",
    "Weißes Haus" -> "Weißen Haus", "Internationaler Währungsfonds" -> "Internationalen ...",
    "Deutsche Bahn" -> "Deutschen Bahn", "Deutscher Bahn".
    """
    words = name.split(" ")
    if len(words) < 2 or "/" in name:
        return []
    forms = []
    for endings in (("en", "en"), ("e", "e"), ("em", "er")):  # des Weißen, das Weiße, laut Statistischem
        changed = False
        new = list(words)
        for i, w in enumerate(words[:-1]):
            nxt = words[i + 1]
            if len(w) < 4 or not w[0].isupper() or not nxt[:1].isupper():
                continue
            if w.endswith("es"):
                new[i] = w[:-2] + endings[0]
            elif w.endswith("er"):
                new[i] = w[:-2] + endings[1]
            elif w.endswith("e") and endings[0] == "en":
                new[i] = w + "n"
            elif w.endswith("e") and endings[0] == "em":
                new[i] = w + "r"  # a feminine name without article: "laut Deutscher Bahn"
            else:
                continue
            changed = True
        if changed and " ".join(new) != name:
            forms.append(" ".join(new))
    return list(dict.fromkeys(forms))


def _case_variants(alias: str) -> list[str]:
    out = []
    if alias.isupper() and len(alias) >= 4 and " " not in alias:
        out.append(alias[0] + alias[1:].lower())  # NATO -> Nato
    elif not alias.isupper() and " " not in alias and len(alias) >= 4:
        out.append(alias.upper())  # Nato -> NATO, Russland -> RUSSLAND
    return out


def _is_abbreviation(alias: str, name: str) -> bool:
    letters = alias.replace("-", "").replace("/", "")
    return alias != name and letters.isalpha() and letters.isupper() and len(letters) <= 6


def _demonym_forms(demonym: str, adjective_stems: Iterable[str]) -> list[str]:
    stems = {s[0].upper() + s[1:] for s in adjective_stems}
    forms = [demonym]
    if demonym.endswith("in") and demonym[:-2] + "er" != demonym:
        forms.append(demonym + "nen")  # Russin -> Russinnen
    for stem in stems:  # adjectival demonyms: Deutscher/Deutsche
        if demonym in (stem + "er", stem + "e"):
            forms.extend(stem + e for e in ("e", "en", "er", "em"))
            return forms
    if demonym.endswith("in") and not demonym.endswith("ein"):
        return forms
    if demonym.endswith("er"):
        forms.extend((demonym + "n", demonym + "s"))  # Nordkoreanern, Nordkoreaners
    elif demonym.endswith("e"):
        forms.append(demonym + "n")  # Russe -> Russen
    elif demonym.endswith("i"):
        forms.append(demonym + "s")  # Israeli -> Israelis
    elif demonym.endswith("ar"):
        forms.append(demonym + "n")  # Ungar -> Ungarn
    else:
        forms.append(demonym + "en")  # Jemenit -> Jemeniten
    return forms


# --------------------------------------------------------------------------- knowledge base


def _read_kb_file(stem: str) -> list[dict[str, Any]]:
    plain = KB_DIR / (stem + ".json")
    if plain.is_file():
        return list(json.loads(plain.read_text(encoding="utf-8")))
    packed = KB_DIR / (stem + ".json.gz")
    if packed.is_file():
        return list(json.loads(gzip.decompress(packed.read_bytes()).decode("utf-8")))
    return []


def _entry_from_json(obj: Mapping[str, Any]) -> KBEntry:
    core = {"key", "name", "type", "kind", "ids", "country", "weak", "metonym_of"}
    return KBEntry(
        key=str(obj["key"]),
        name=str(obj["name"]),
        type=str(obj["type"]),
        kind=str(obj["kind"]),
        ids=dict(obj.get("ids") or {}),
        country=obj.get("country"),
        weak=bool(obj.get("weak", False)),
        metonym_of=obj.get("metonym_of"),
        extra={k: v for k, v in obj.items() if k not in core},
    )


class KnowledgeBase:
    """Surface dictionary over the KB entries with a longest-match mention finder."""

    def __init__(self, records: Iterable[Mapping[str, Any]]) -> None:
        self._by_key: dict[str, KBEntry] = {}
        self._surfaces: dict[str, list[tuple[KBEntry, str]]] = {}
        self._prefixes: dict[str, list[tuple[KBEntry, str]]] = {}
        # (key, surface) pairs that come from a derived place alias ("Linz" of "Linz am Rhein")
        self._secondary: set[tuple[str, str]] = set()
        self._max_ngram: dict[str, int] = {}
        for obj in records:
            entry = _entry_from_json(obj)
            self._by_key[entry.key] = entry
            self._index(entry)
        for table in (self._surfaces, self._prefixes):
            for surface, cands in table.items():
                table[surface] = self._rank(surface, cands)
        self._secondary.clear()
        for surface in self._surfaces:
            toks = TOKEN_RE.findall(surface)
            if len(toks) > 1:
                first = toks[0]
                self._max_ngram[first] = max(self._max_ngram.get(first, 1), len(toks))

    # ---- building

    def _add(self, surface: str, entry: KBEntry, form: str) -> None:
        surface = " ".join(surface.split())
        if surface:
            self._surfaces.setdefault(surface, []).append((entry, form))

    def _add_prefix(self, surface: str, entry: KBEntry) -> None:
        if surface and " " not in surface and not surface.endswith("-"):
            self._prefixes.setdefault(surface, []).append((entry, "compound"))

    def _add_name(self, alias: str, entry: KBEntry, *, case_variants: bool, prefix: bool) -> None:
        form = "abbreviation" if _is_abbreviation(alias, entry.name) else "name"
        variants = [alias] + (_case_variants(alias) if case_variants else [])
        secondary = entry.kind not in ("country",) and entry.type == "LOC" and alias != entry.name
        for v in variants:
            self._add(v, entry, form)
            if secondary:
                self._secondary.add((entry.key, v))
            if prefix:
                self._add_prefix(v, entry)
        if form == "abbreviation":
            return
        for v in variants:
            words = v.rsplit(" ", 1)
            for gen in _genitives(words[-1]):
                self._add(" ".join([*words[:-1], gen]), entry, "genitive")
        for infl in _inflect_multiword(alias):
            self._add(infl, entry, "name")
            head, _, last = infl.rpartition(" ")
            suffixes = ["es"] if last[-1:] in ("s", "ß", "x", "z") else ["s", "es"]
            for suf in suffixes:
                self._add(f"{head} {last}{suf}", entry, "genitive")

    def _index(self, entry: KBEntry) -> None:
        ex = entry.extra
        aliases = [str(a) for a in ex.get("aliases") or [entry.name]]
        if entry.name not in aliases:
            aliases.insert(0, entry.name)
        if entry.kind == "country":
            for alias in aliases:
                self._add_name(alias, entry, case_variants=True, prefix=True)
            stems = [str(s) for s in ex.get("adjectives") or []]
            for stem in stems:
                for ending in ADJ_ENDINGS:
                    self._add(stem + ending, entry, "adjective")
                    self._add(stem[0].upper() + stem[1:] + ending, entry, "adjective")
            for dem in ex.get("demonyms") or []:
                for f in _demonym_forms(str(dem), stems):
                    self._add(f, entry, "demonym")
            for p in ex.get("prefixes") or []:
                self._add_prefix(str(p).rstrip("-"), entry)
        elif entry.type == "ORG":
            for alias in aliases:
                self._add_name(alias, entry, case_variants=True, prefix=True)
                if (
                    " " not in alias
                    and alias[-1:].isalpha()
                    and not alias.isupper()
                    and alias[-1:] not in ("e", "a", "i", "o", "u")
                ):
                    self._add(alias + "es", entry, "genitive")  # Bundestages, Kremles
        elif entry.type == "PER":
            for alias in aliases:
                self._add_name(alias, entry, case_variants=False, prefix=False)
            for sur in ex.get("surnames") or []:
                sur = str(sur)
                self._add(sur, entry, "surname")
                if " " not in sur:
                    self._add_prefix(sur, entry)
                words = sur.rsplit(" ", 1)
                for gen in _genitives(words[-1]):
                    self._add(" ".join([*words[:-1], gen]), entry, "genitive")
        else:
            for alias in aliases:
                self._add_name(alias, entry, case_variants=False, prefix=not entry.weak)
            for stem in [str(s) for s in ex.get("adjectives") or []]:  # states: "bayerischen"
                for ending in ADJ_ENDINGS[1:]:
                    self._add(stem + ending, entry, "adjective")

    def _rank(self, surface: str, cands: list[tuple[KBEntry, str]]) -> list[tuple[KBEntry, str]]:
        best: dict[str, tuple[KBEntry, str]] = {}
        for entry, form in cands:
            old = best.get(entry.key)
            if old is None or FORM_RANK[form] < FORM_RANK[old[1]]:
                best[entry.key] = (entry, form)

        def order(item: tuple[KBEntry, str]) -> tuple[int, int, int, int, int, str]:
            entry, form = item
            kind_rank = KIND_RANK.get(entry.kind, 2 if entry.type == "PER" else 3)
            pop = entry.extra.get("population") or 0
            capital = 0 if entry.extra.get("capital_of") else 1
            secondary = int((entry.key, surface) in self._secondary)
            return (
                FORM_RANK[form],
                int(entry.weak),
                secondary,
                kind_rank,
                capital * 10**9 - int(pop),
                entry.key,
            )

        return sorted(best.values(), key=order)

    # ---- queries

    def __len__(self) -> int:
        return len(self._by_key)

    def entries(self) -> Iterator[KBEntry]:
        return iter(self._by_key.values())

    def by_key(self, key: str) -> KBEntry | None:
        return self._by_key.get(key)

    def lookup(self, surface: str) -> list[tuple[KBEntry, str]]:
        """All (entry, form) pairs for an exact surface (inflected forms and compounds included)."""
        surface = " ".join(surface.split())
        found = self._surfaces.get(surface)
        if found:
            return list(found)
        if surface[-1:] in APOSTROPHES:
            base = self._surfaces.get(surface[:-1])
            if base and surface[-2:-1] in ("s", "ß", "x", "z"):
                return [(e, "genitive") for e, f in base if f == "name"]
        if "-" in surface and " " not in surface:
            return list(self._compound(surface) or [])
        return []

    def _compound(self, token: str) -> list[tuple[KBEntry, str]] | None:
        parts = token.split("-")
        for i in range(len(parts) - 1, 0, -1):
            found = self._prefixes.get("-".join(parts[:i]))
            if found:
                return found
        return None

    def find_mentions(self, text: str) -> list[KBMention]:
        """Longest-match, non-overlapping KB mentions in ``text``, left to right."""
        spans = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        surfaces = self._surfaces
        max_ngram = self._max_ngram
        out: list[KBMention] = []
        n = len(spans)
        i = 0
        while i < n:
            start, end = spans[i]
            token = text[start:end]
            hit: list[tuple[KBEntry, str]] | None = None
            width = 1
            k_max = min(max_ngram.get(token, 1), n - i)
            for k in range(k_max, 1, -1):
                last_end = spans[i + k - 1][1]
                span = text[start:last_end]
                if len(span) > 120:
                    continue
                found = surfaces.get(" ".join(span.split()))
                if found:
                    hit, width, end = found, k, last_end
                    break
            if hit is None:
                hit = surfaces.get(token)
            form_override = None
            if hit is None and "-" in token:
                hit = self._compound(token)
            if hit is None:
                i += 1
                continue
            entry, form = hit[0]
            if (
                form == "name"
                and end < len(text)
                and text[end] in APOSTROPHES
                and text[end - 1] in "sßxz"
                and (end + 1 == len(text) or not text[end + 1].isalnum())
            ):
                end += 1
                form_override = "genitive"
            out.append(KBMention(start, end, text[start:end], entry, form_override or form))
            i += width
        return out


@cache
def load_knowledge_base() -> KnowledgeBase:
    """Load the shipped KB once (cached)."""
    records: list[dict[str, Any]] = []
    for stem in KB_FILES:
        records.extend(_read_kb_file(stem))
    return KnowledgeBase(records)


@cache
@cache
def first_names() -> frozenset[str]:
    """Frequent first names that are not also ordinary German words (built by tools/build_kb.py)."""
    path = KB_DIR / "firstnames.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else frozenset()

"""Name lists for the NER's gazetteer features (`quellenlage.GazetteerEmbed.v1`).

Writes ``training/corpus/gazetteers.json``: ``{"lists": {flag: [token, ...]}, "sources": ...}``.
Every entry is one token as spaCy's tokenizer writes it, matched by exact text; a multi-word
name contributes its capitalised words to the ``*_part`` lists. Sources (see
``../shared/data/README.md`` for licences): ``lexicons/firstnames``, ``lexicons/legal-gazetteers``
(surnames, cities, companies, landscapes), ``lexicons/bundestag`` (members' names),
``lexicons/destatis`` (municipalities) and the package's knowledge base (countries with their
adjectives and demonyms, organisations, places, persons). No NER corpus is read.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from quellenlage.entities.knowledge_base import ADJ_ENDINGS  # noqa: E402

# the order is the order of the feature columns; the config names the same list
FLAGS = [
    "first_name",
    "surname",
    "person_genitive",
    "city",
    "place_part",
    "country",
    "country_adjective",
    "demonym",
    "organisation",
    "company_part",
    "landscape",
]
WORD = re.compile(r"^[A-ZÄÖÜÀ-Ýa-zäöüßà-ÿ][\w'’.&-]*$")


def _capitalised_words(names: Iterable[str]) -> set[str]:
    out = set()
    for name in names:
        for word in name.replace("/", " ").split():
            word = word.strip(",;()\"'")
            if len(word) > 1 and word[:1].isupper() and WORD.match(word):
                out.add(word)
    return out


def _single(names: Iterable[str]) -> set[str]:
    return {n.strip() for n in names if n.strip() and " " not in n.strip() and WORD.match(n.strip())}


def _genitive(words: Iterable[str]) -> set[str]:
    out = set()
    for w in words:
        out.add(w + "'" if w[-1:] in ("s", "ß", "x", "z") else w + "s")
    return out


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]


def build(data_dir: Path) -> dict[str, list[str]]:
    lex = data_dir / "lexicons"
    gaz = lex / "legal-gazetteers"
    kb_dir = REPO / "src" / "quellenlage" / "kb"

    def kb(name: str) -> list[dict]:
        return json.loads((kb_dir / f"{name}.json").read_text(encoding="utf-8"))

    first: set[str] = set()
    with open(lex / "firstnames/firstnames.csv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=";"):
            if row and row[0] != "name":
                first |= _capitalised_words([row[0].replace("+", " ")])
    surname = _single(_lines(gaz / "personennamen.list"))
    for line in _lines(lex / "bundestag/names"):
        parts = line.split("\t")[-1].split()
        if len(parts) >= 2:
            first |= _capitalised_words(parts[:1])
            surname |= _capitalised_words(parts[-1:])
    persons = kb("persons")
    for p in persons:
        for alias in p.get("aliases") or [p["name"]]:
            words = alias.split()
            if len(words) >= 2:
                first |= _capitalised_words(words[:1])
                surname |= _capitalised_words(words[-1:])
        surname |= _capitalised_words(p.get("surnames") or [])

    places = kb("places")
    city_names = _lines(gaz / "stadtnamen.list") + [a for p in places for a in (p.get("aliases") or [p["name"]])]
    with open(lex / "destatis/AuszugGV4QAktuell.csv", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("gemeindename") or "").split(",")[0].strip()
            if name:
                city_names.append(name)
    city = _single(city_names)
    place_part = _capitalised_words(n for n in city_names if " " in n.strip())

    countries = kb("countries")
    country_names = [a for c in countries for a in (c.get("aliases") or []) + [c["name"]]]
    country_names += [c.get("capital") or "" for c in countries]
    country_names += _lines(gaz / "laendernamen.list")
    country = _single(country_names) | _genitive(_single(country_names)) | _capitalised_words(country_names)
    adjective = set()
    demonym = set()
    for c in countries:
        for stem in c.get("adjectives") or []:
            for ending in ADJ_ENDINGS:
                adjective.add(stem + ending)
                adjective.add(stem[:1].upper() + stem[1:] + ending)
        for d in c.get("demonyms") or []:
            demonym |= {d, d + "n", d + "s", d + "nen", d + "en"}

    organisations = kb("organisations")
    organisation = _capitalised_words(a for o in organisations for a in (o.get("aliases") or []) + [o["name"]])
    organisation |= _genitive(w for w in organisation if not w.isupper())
    company_part = _capitalised_words(_lines(gaz / "firmennamen.list"))
    landscape = _single(_lines(gaz / "landschaftsbezeichnungen.list"))

    lists = {
        "first_name": first,
        "surname": surname,
        "person_genitive": _genitive(surname),
        "city": city | _genitive(city),
        "place_part": place_part,
        "country": country,
        "country_adjective": adjective,
        "demonym": demonym,
        "organisation": organisation,
        "company_part": company_part,
        "landscape": landscape,
    }
    assert list(lists) == FLAGS
    return {flag: sorted(words) for flag, words in lists.items()}


def write(data_dir: Path, out: Path) -> dict[str, int]:
    lists = build(data_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"flags": FLAGS, "lists": lists}, ensure_ascii=False), encoding="utf-8")
    return {flag: len(words) for flag, words in lists.items()}


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=HERE / "corpus" / "gazetteers.json")
    a = ap.parse_args()
    print(json.dumps(write(a.data, a.out), indent=2))

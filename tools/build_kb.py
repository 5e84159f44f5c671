#!/usr/bin/env python3
"""Build the quellenlage knowledge base (``src/quellenlage/kb/*.json``).

Usage::

    python tools/build_kb.py [--data ../shared/data] [--out src/quellenlage/kb]

Inputs (read only, offline):

* ``<data>/lexicons/countries/de`` (umpirsky/country-list, MIT): German short country names.
* ``<data>/lexicons/legal-gazetteers/laendernamen.list`` (Auswärtiges Amt "Verzeichnis der
  Staatennamen", amtliches Werk): official German long names, paired with the short names.
* ``<data>/lexicons/geonames-postal`` (GeoNames, CC BY 4.0): Austrian and Swiss municipalities.
* ``<data>/lexicons/destatis`` (Destatis Gemeindeverzeichnis): German municipalities with population.
* ``<data>/lexicons/bundestag`` (Bundestag open data + Wikidata QIDs): members of the Bundestag.
* ``<data>/lexicons/firstnames``, ``news/10kgnad-test.csv``, ``ud/*.conllu``,
  ``ner/germeval2014/NER-de-dev.tsv``: only used to decide whether a place name is "weak"
  (also an ordinary German word or a person name).
* babel (CLDR, Unicode licence): German territory names; pycountry (LGPL): ISO 3166 codes and the
  German ISO 3166 translations shipped with it.
* ``tools/kb_curated.py``: hand-curated adjectives, demonyms, capitals, organisations, persons and
  world places.

The output is deterministic (sorted, no timestamps).
"""

from __future__ import annotations

import argparse
import collections
import csv
import gettext
import glob
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import babel
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kb_curated  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
Entry = dict[str, Any]

MIN_POPULATION = 5000


def _rows(table: str, nfields: int) -> list[list[str]]:
    rows = []
    for line in table.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != nfields:
            raise ValueError(f"expected {nfields} fields: {line!r}")
        rows.append(parts)
    return rows


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


def _uniq(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for it in items:
        it = " ".join(it.split())
        if it:
            seen.setdefault(it, None)
    return list(seen)


# --------------------------------------------------------------------------- countries


def build_countries(data: Path) -> list[Entry]:
    cldr = babel.Locale("de").territories
    with open(data / "lexicons/countries/de/country.json", encoding="utf-8") as fh:
        clist: dict[str, str] = json.load(fh)
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])

    # short name -> official name pairs (laendernamen.list holds short/official line pairs)
    official: dict[str, list[str]] = collections.defaultdict(list)
    lines = (data / "lexicons/legal-gazetteers/laendernamen.list").read_text(encoding="utf-8").splitlines()
    lines = [x.strip() for x in lines if x.strip()]
    for short, long in zip(lines[0::2], lines[1::2], strict=False):
        official[short].append(long)

    curated = {r[0]: r for r in _rows(kb_curated.COUNTRIES, 8)}
    alpha2s = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    out = []
    for a2 in alpha2s:
        pc = pycountry.countries.get(alpha_2=a2)
        a3 = pc.alpha_3 if pc else {"XK": "XKX"}[a2]
        short = cldr.get(a2) or clist.get(a2) or (tr.gettext(pc.name) if pc else a2)
        names = [short, clist.get(a2, ""), cldr.get(a2, "")]
        if pc is not None:
            for attr in ("name", "official_name"):
                val = getattr(pc, attr, None)
                if not val:
                    continue
                de = tr.gettext(val)
                if "Chinesische Provinz" in de:
                    continue
                if ", " in de:
                    head, _, tail = de.partition(", ")
                    names.append(f"{tail} {head}")  # "Korea, Republik" -> "Republik Korea"
                else:
                    names.append(de)
        for n in list(names):
            names.extend(official.get(n, []))
            # "Bolivien, Plurinationaler Staat" style short names in the AA list
            for short_aa, longs in official.items():
                if short_aa.split(",")[0] == n:
                    names.extend(longs)
        row = curated.get(a2)
        adjectives: list[str] = []
        demonyms: list[str] = []
        capital = ""
        qid = ""
        prefixes: list[str] = []
        if row:
            _, adj, dm, df, capital, qid, aliases, prefixes_cell = row
            adjectives = _split(adj)
            demonyms = _split(dm) + _split(df)
            names.extend(_split(aliases))
            prefixes = _split(prefixes_cell)
        elif short.endswith("ien") and " " not in short and len(short) > 5:
            # safe rule: -ien -> -isch (Australien -> australisch); no demonym rule is safe
            adjectives = [short[:-3].lower() + "isch"]
        names = [n for n in _uniq(names) if "," not in n]
        demonyms = [d.rstrip("*") for d in demonyms]
        ids = {"iso3166_alpha3": a3, "iso3166_alpha2": a2}
        if pc is not None:
            ids["iso3166_numeric"] = pc.numeric
        if qid:
            ids["wikidata"] = qid
        entry: Entry = {
            "key": f"country:{a3}",
            "name": short,
            "type": "LOC",
            "kind": "country",
            "ids": ids,
            "country": a3,
            "aliases": names,
            "adjectives": _uniq(adjectives),
            "demonyms": _uniq(demonyms),
            "prefixes": _uniq(prefixes),
            "curated": bool(row),
        }
        if capital:
            entry["capital"] = capital
        out.append(entry)
    return out


# --------------------------------------------------------------------------- organisations


def build_organisations() -> list[Entry]:
    out = []
    for slug, name, kind, aliases, qid, metonym, country in _rows(kb_curated.ORGANISATIONS, 7):
        e: Entry = {
            "key": f"org:{slug}",
            "name": name,
            "type": "ORG",
            "kind": kind,
            "ids": {"wikidata": qid} if qid else {},
            "country": country or None,
            "aliases": _uniq([name, *_split(aliases)]),
        }
        if metonym:
            e["metonym_of"] = metonym
        common = [a for a in e["aliases"] if a in kb_curated.COMMON_WORD_ALIASES]
        if common:
            e["common_word_aliases"] = common
        out.append(e)
    return out


# --------------------------------------------------------------------------- persons


def _slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    return re.sub(r"[^a-z0-9]+", "_", text.lower().translate(table)).strip("_")


def bundestag_roles(path: Path) -> dict[str, dict[str, Any]]:
    """Party, terms (Wahlperioden) and the functions of the last term of every member of the
    Bundestag, from the master data (MDB_STAMMDATEN.XML): what a speaker's role is where the
    knowledge base knows it."""
    import xml.etree.ElementTree as ET

    roles: dict[str, dict[str, Any]] = {}
    for mdb in ET.parse(path).getroot().iter("MDB"):
        terms = sorted(int(wp.findtext("WP") or 0) for wp in mdb.iter("WAHLPERIODE") if wp.findtext("WP"))
        last = [wp for wp in mdb.iter("WAHLPERIODE") if wp.findtext("WP") == str(terms[-1])] if terms else []
        offices = _uniq(
            [
                f"{i.findtext('FKT_LANG')}, {i.findtext('INS_LANG')}"
                for wp in last
                for i in wp.iter("INSTITUTION")
                if i.findtext("FKT_LANG") and not (i.findtext("FKTINS_BIS") or "").strip()
            ]
        )
        role: dict[str, Any] = {"bundestag_terms": terms}
        party = (mdb.findtext("BIOGRAFISCHE_ANGABEN/PARTEI_KURZ") or "").strip()
        if party:
            role["party"] = party
        if offices:
            role["offices"] = offices
        roles[str(mdb.findtext("ID"))] = role
    return roles


def build_persons(data: Path) -> list[Entry]:
    bt = data / "lexicons/bundestag"
    roles = bundestag_roles(bt / "MDB_STAMMDATEN.XML")
    names = dict(line.split("\t", 1) for line in (bt / "names").read_text(encoding="utf-8").splitlines() if line)
    qids = dict(line.split("\t", 1) for line in (bt / "IDs").read_text(encoding="utf-8").splitlines() if line)
    by_name: dict[str, list[str]] = collections.defaultdict(list)
    for mid, name in names.items():
        by_name[name.strip()].append(mid)

    out: dict[str, Entry] = {}
    used_mdb: set[str] = set()
    for name, aliases, surnames, country, qid in _rows(kb_curated.PERSONS, 5):
        ids: dict[str, str] = {}
        mids = by_name.get(name, [])
        if len(mids) == 1:
            mid = mids[0]
            used_mdb.add(mid)
            ids["bundestag"] = mid
            if mid in qids:
                if qid and qid != qids[mid].strip():
                    raise ValueError(f"QID conflict for {name}")
                qid = qids[mid].strip()
        if qid:
            ids["wikidata"] = qid
        key = f"person:{qid}" if qid else f"person:{_slug(name)}"
        out[key] = {
            "key": key,
            "name": name,
            "type": "PER",
            "kind": "person",
            "ids": ids,
            "country": country or None,
            "aliases": _uniq([name, *_split(aliases)]),
            "surnames": _uniq(_split(surnames)),
            "prominent": True,
            **roles.get(ids.get("bundestag", ""), {}),
        }
    for mid in sorted(names):
        if mid in used_mdb:
            continue
        name = names[mid].strip()
        qid = qids.get(mid, "").strip()
        key = f"person:{qid}" if qid else f"person:mdb:{mid}"
        if key in out:
            key = f"person:mdb:{mid}"
        ids = {"bundestag": mid}
        if qid:
            ids["wikidata"] = qid
        out[key] = {
            "key": key,
            "name": name,
            "type": "PER",
            "kind": "person",
            "ids": ids,
            "country": "DEU",
            "aliases": [name],
            **roles.get(mid, {}),
        }
    return list(out.values())


# --------------------------------------------------------------------------- weak-name evidence

TOKEN_RE = re.compile(r"\w+(?:-\w+)*")


class WeakEvidence:
    """Corpus evidence that a (place) name is also an ordinary word or a person name."""

    def __init__(self, data: Path, mp_names: list[str]) -> None:
        self.lower: set[str] = set()
        self.common_pos: collections.Counter[str] = collections.Counter()
        self.ner_o: collections.Counter[str] = collections.Counter()
        self.ner_ent: collections.Counter[str] = collections.Counter()
        news = data / "news/10kgnad-test.csv"
        if news.exists():
            csv.field_size_limit(10**8)
            with open(news, encoding="utf-8", newline="") as fh:
                for row in csv.reader(fh, delimiter=";", quotechar="'"):
                    for tok in TOKEN_RE.findall(row[-1]):
                        if tok[0].islower():
                            self.lower.add(tok)
        for path in sorted(glob.glob(str(data / "ud/*.conllu"))):
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 4 or not cols[0].isdigit():
                        continue
                    form, upos = cols[1], cols[3]
                    if form[:1].islower():
                        self.lower.add(form)
                    elif upos in {
                        "NOUN",
                        "VERB",
                        "ADJ",
                        "ADV",
                        "ADP",
                        "AUX",
                        "PRON",
                        "DET",
                        "CCONJ",
                        "SCONJ",
                    }:
                        self.common_pos[form] += 1
        germeval = data / "ner/germeval2014/NER-de-dev.tsv"
        if germeval.exists():
            with open(germeval, encoding="utf-8") as fh:
                for line in fh:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 3 or not cols[0].isdigit():
                        continue
                    form = cols[1]
                    if form[:1].islower():
                        self.lower.add(form)
                    elif cols[0] != "1":  # skip sentence-initial capitalisation
                        (self.ner_o if cols[2] == "O" else self.ner_ent)[form] += 1
        self.firstnames: set[str] = set()
        fn = data / "lexicons/firstnames/firstnames.csv"
        if fn.exists():
            with open(fn, encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh, delimiter=";")
                header = next(reader)
                idx = [header.index(c) for c in ("Germany", "Austria", "Swiss") if c in header]
                for row in reader:
                    if any(i < len(row) and row[i].strip() for i in idx):
                        self.firstnames.add(row[0].strip())
        # Proxy for "very common surname": surnames borne by at least two Bundestag members
        # (the surname gazetteer has no frequencies and lists e.g. "Berlin" and "Bonn").
        sur = collections.Counter(n.split()[-1] for n in mp_names if n.split())
        self.common_surnames = {s for s, c in sur.items() if c >= 2}

    def reasons(self, name: str, *, name_lists: bool = True) -> list[str]:
        why = []
        if len(name) < 4:
            why.append("short")
        if " " in name:
            return why
        if name.lower() in self.lower:
            why.append("lowercase-word")
        if self.common_pos[name] >= 1:
            why.append("ud-common-pos")
        if self.ner_o[name] >= 2 and self.ner_o[name] > self.ner_ent[name]:
            why.append("ner-O")
        if name_lists and name in self.firstnames:
            why.append("firstname")
        if name_lists and name in self.common_surnames:
            why.append("surname")
        return why


# --------------------------------------------------------------------------- places

_DE_SUFFIX = re.compile(r",.*$")
_PAREN = re.compile(r"\s*\(.*?\)\s*")
_QUALIFIER = re.compile(r"^(.+?)\s+(?:am|an der|an den|im|in der|ob der|a\.\s?d\.|a\.|i\.)\s+.+$")


def _num(text: str) -> float | None:
    text = text.strip().replace(" ", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _place_aliases(name: str) -> list[str]:
    aliases = [name]
    base = _PAREN.sub(" ", name).strip()
    if base != name:
        aliases.append(base)
    m = _QUALIFIER.match(base)
    if m and len(m.group(1)) > 3:
        aliases.append(m.group(1))
    return _uniq(aliases)


def build_places(data: Path, countries: list[Entry], weak: WeakEvidence) -> list[Entry]:
    out: dict[str, Entry] = {}
    # ---- Germany: Destatis municipalities (population, coordinates)
    lands: dict[str, str] = {}
    kreise: dict[str, str] = {}
    path = data / "lexicons/destatis/AuszugGV4QAktuell.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seen_names: collections.Counter[tuple[str, str]] = collections.Counter()
    de_rows = []
    for r in rows:
        if r["satzart"] == "10":
            lands[r["land"]] = r["gemeindename"].strip()
        elif r["satzart"] == "40":
            kreise[r["land"] + r["rb"] + r["kreis"]] = _DE_SUFFIX.sub("", r["gemeindename"]).strip()
        elif r["satzart"] == "60":
            pop = _num(r["bevoelkerung"])
            if pop is None or pop < MIN_POPULATION:
                continue
            de_rows.append(r)
            seen_names[(r["land"], _DE_SUFFIX.sub("", r["gemeindename"]).strip())] += 1
    state_population: collections.Counter[str] = collections.Counter()
    for r in rows:
        if r["satzart"] == "60":
            state_population[lands.get(r["land"], r["land"])] += int(_num(r["bevoelkerung"]) or 0)
    for cc, name, adjectives in _rows(kb_curated.STATES, 3):
        a3 = {"DE": "DEU", "AT": "AUT"}[cc]
        key = f"place:state:{cc}:{name}"
        out[key] = {
            "key": key,
            "name": name,
            "type": "LOC",
            "kind": "state",
            "ids": {},
            "country": a3,
            "population": state_population.get(name) or None,
            "adjectives": _split(adjectives),
            "aliases": [name],
            "curated": True,
        }
    for r in de_rows:
        name = _DE_SUFFIX.sub("", r["gemeindename"]).strip()
        state = lands.get(r["land"], r["land"])
        ags = r["land"] + r["rb"] + r["kreis"] + r["gemeinde"]
        key = f"place:geo:DE:{state}:{name}"
        if seen_names[(r["land"], name)] > 1:
            key += f":{ags}"
        out[key] = {
            "key": key,
            "name": name,
            "type": "LOC",
            "kind": "city",
            "ids": {"ags": ags},
            "country": "DEU",
            "state": state,
            "region": kreise.get(r["land"] + r["rb"] + r["kreis"], ""),
            "population": int(_num(r["bevoelkerung"]) or 0),
            "lat": _num(r["breitengrad"]),
            "lon": _num(r["laengengrad"]),
            "aliases": _place_aliases(name),
        }
    # ---- Austria / Switzerland: GeoNames postal data, aggregated per municipality
    for cc, a3 in (("at", "AUT"), ("ch", "CHE")):
        groups: dict[tuple[str, str], list[dict[str, str]]] = collections.defaultdict(list)
        with open(data / f"lexicons/geonames-postal/zipcodes.{cc}.csv", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                community = r["community"].strip()
                if cc == "at" and r["state"] == "Wien":
                    community = "Wien"
                if not community:
                    continue
                groups[(r["state"].strip(), community)].append(r)
        for (state, community), rs in sorted(groups.items()):
            name = community
            key = f"place:geo:{cc.upper()}:{state}:{name}"
            lats = [v for v in (_num(r["latitude"]) for r in rs) if v is not None]
            lons = [v for v in (_num(r["longitude"]) for r in rs) if v is not None]
            code = rs[0]["community_code"].strip()
            out[key] = {
                "key": key,
                "name": _PAREN.sub(" ", name).strip() if cc == "ch" else name,
                "type": "LOC",
                "kind": "city",
                "ids": {"municipality_code": code} if code and state != "Wien" else {},
                "country": a3,
                "state": state,
                "region": rs[0]["province"].strip(),
                "lat": round(sum(lats) / len(lats), 4) if lats else None,
                "lon": round(sum(lons) / len(lons), 4) if lons else None,
                "aliases": _place_aliases(name),
            }
    by_name: dict[str, list[Entry]] = collections.defaultdict(list)
    for e in out.values():
        by_name[e["name"]].append(e)
    # ---- capitals (from the curated country table) and hand-written world places
    world: list[tuple[str, list[str], str, str]] = [
        (c["capital"], [], c["country"], "city") for c in countries if c.get("capital")
    ]
    world += [(n, _split(a), c, k) for n, a, c, k in _rows(kb_curated.WORLD_PLACES, 4)]
    capital_of = {c["capital"]: c["country"] for c in countries if c.get("capital")}
    for name, aliases, a3, kind in world:
        existing = [e for e in by_name.get(name, []) if e["country"] == a3 or not a3]
        if existing:
            target = max(existing, key=lambda e: e.get("population", 0))
            target["aliases"] = _uniq(target["aliases"] + aliases)
            target["curated"] = True
        else:
            key = f"place:world:{a3 + ':' if a3 else ''}{name}"
            target = {
                "key": key,
                "name": name,
                "type": "LOC",
                "kind": kind,
                "ids": {},
                "country": a3 or None,
                "aliases": _uniq([name, *aliases]),
                "curated": True,
            }
            out[key] = target
            by_name[name].append(target)
        if capital_of.get(name) == a3:
            target["capital_of"] = a3
    # ---- weak names
    for e in out.values():
        if not e.get("curated") and e.get("population", 0) < 100_000:
            # drop derived short aliases ("Hart" of "Hart im Zillertal") that are weak on their own;
            # big cities keep them ("Halle" of "Halle (Saale)") and are marked weak instead
            e["aliases"] = [a for a in e["aliases"] if a == e["name"] or not weak.reasons(a, name_lists=True)]
        base = min(e["aliases"], key=len)
        why = weak.reasons(base, name_lists=not e.get("curated"))
        if e.get("curated"):
            # curated world places are only weak when they are ordinary words
            why = [w for w in why if w not in ("short",)] if len(base) >= 3 else why
        e["weak"] = bool(why)
        if why:
            e["weak_reasons"] = why
        e.pop("curated", None)
    return list(out.values())


# --------------------------------------------------------------------------- output


def build_first_names(data: Path, weak: WeakEvidence) -> list[str]:
    """First names frequent somewhere (firstname-database score >= -4 of -8..13, about 9,000
    names), minus those that are also ordinary German words ("Mark", "Will")."""
    names: set[str] = set()
    path = data / "lexicons/firstnames/firstnames.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)
        for row in reader:
            scores = [int(v) for v in row[2:] if v.strip().lstrip("-").isdigit()]
            name = row[0].strip()
            if scores and max(scores) >= -4 and " " not in name and len(name) > 2 and name[:1].isupper():
                names.add(name)
    return sorted(n for n in names if not {"lowercase-word", "ud-common-pos"} & set(weak.reasons(n)))


def write(out_dir: Path, name: str, entries: list[Entry]) -> int:
    entries = sorted(entries, key=lambda e: e["key"])
    keys = [e["key"] for e in entries]
    dup = [k for k, c in collections.Counter(keys).items() if c > 1]
    if dup:
        raise ValueError(f"duplicate keys in {name}: {dup[:5]}")
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    text = "[\n" + lines + "\n]\n"
    path = out_dir / name
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "quellenlage" / "kb")
    args = ap.parse_args(argv)
    data: Path = args.data
    args.out.mkdir(parents=True, exist_ok=True)

    countries = build_countries(data)
    orgs = build_organisations()
    persons = build_persons(data)
    mp_names = [p["name"] for p in persons if "bundestag" in p["ids"]]
    weak = WeakEvidence(data, mp_names)
    places = build_places(data, countries, weak)
    total = 0
    for fname, entries in (
        ("countries.json", countries),
        ("organisations.json", orgs),
        ("persons.json", persons),
        ("places.json", places),
    ):
        size = write(args.out, fname, entries)
        total += size
        kinds = collections.Counter(e["kind"] for e in entries)
        print(f"{fname}: {len(entries)} entries, {size / 1e6:.2f} MB, kinds={dict(sorted(kinds.items()))}")
    first_names = build_first_names(data, weak)
    text = json.dumps(first_names, ensure_ascii=False) + "\n"
    (args.out / "firstnames.json").write_text(text, encoding="utf-8")
    total += len(text.encode("utf-8"))
    print(f"firstnames.json: {len(first_names)} names")
    nweak = sum(1 for p in places if p["weak"])
    print(f"weak places: {nweak}/{len(places)}; total size {total / 1e6:.2f} MB")
    if total > 6_000_000:
        print("warning: KB exceeds 6 MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())

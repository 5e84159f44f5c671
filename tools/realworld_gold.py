"""Keep the real-page gold (eval/realworld/gold) in step with the pages it annotates.

The annotator writes the annotation keys of a gold file (entities, quotes, claims, figures, dates,
events); this tool fills in what follows from the page: `id`, `lang`, `published`, `text` (the
page's expected article body: title, summary, then each section's headlines and paragraphs, one
per line) and `segments` (headline, lead, subheading, body). It then checks that every quotation
content, claim evidence, date expression and entity alias occurs in the text, so a typo in the
gold cannot silently turn into a miss.

Usage:
  realworld_gold.py text ID            # print the text an annotator reads (numbered lines)
  realworld_gold.py sync [ID ...]      # fill and check the gold files (all when no ID)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realworld"
GOLD = ROOT / "eval" / "realworld" / "gold"
SPLIT = ROOT / "eval" / "realworld" / "split.json"
ORDER = (
    "id",
    "lang",
    "published",
    "note",
    "text",
    "segments",
    "entities",
    "entities_ignore",
    "quotes",
    "claims",
    "figures",
    "dates",
    "events",
    "not_quantities",
)


def page_text(page_id: str) -> tuple[str, list[dict[str, str]], str | None]:
    """The gold text of a page, its segments, and its publication date."""
    expected = json.loads((PAGES / "pages" / f"{page_id}.expected.json").read_text(encoding="utf-8"))
    segments: list[dict[str, str]] = []
    if expected.get("title"):
        segments.append({"kind": "headline", "text": _clean(expected["title"])})
    body = expected.get("body") or {}
    for paragraph in body.get("summary") or []:
        segments.append({"kind": "lead", "text": _clean(paragraph)})
    for section in body.get("sections") or []:
        for headline in section.get("headline") or []:
            segments.append({"kind": "subheading", "text": _clean(headline)})
        for paragraph in section.get("paragraphs") or []:
            segments.append({"kind": "body", "text": _clean(paragraph)})
    segments = [s for s in segments if s["text"]]
    published = expected.get("publishing_date")
    return "\n".join(s["text"] for s in segments) + "\n", segments, published[:10] if published else None


def _clean(text: str) -> str:
    """One line per paragraph: inner line breaks and runs of spaces become one space."""
    return " ".join(text.replace("\u00ad", "").split())


def gold_path(page_id: str) -> Path:
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    part = "heldout" if page_id in split["heldout"] else "tune"
    return GOLD / part / f"{page_id}.json"


def sync(page_id: str) -> list[str]:
    path = gold_path(page_id)
    gold = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    text, segments, published = page_text(page_id)
    gold.update(id=page_id, lang="de", published=published, text=text, segments=segments)
    for key in ORDER:
        gold.setdefault(key, [] if key not in ("note", "published") else None)
    path.parent.mkdir(parents=True, exist_ok=True)
    ordered = {key: gold[key] for key in ORDER} | {k: v for k, v in gold.items() if k not in ORDER}
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return check(gold)


def check(gold: dict) -> list[str]:
    """Everything the gold quotes from the text must be in the text."""
    flat = " ".join(gold["text"].split())
    problems = []

    def need(what: str, fragment: str | None) -> None:
        if fragment and " ".join(fragment.split()) not in flat:
            problems.append(f"{gold['id']}: {what} not in the text: {fragment!r}")

    names = {e["name"] for e in gold["entities"]}
    for entity in gold["entities"]:
        if not any(" ".join(a.split()) in flat for a in entity.get("aliases", [])):
            problems.append(f"{gold['id']}: no alias of {entity['name']!r} occurs in the text")
    for quote in gold["quotes"]:
        need("quote content", quote["content"])
        for piece in (quote.get("cue") or "").split("…"):  # a cue in pieces: "teilte … mit"
            need("quote cue", piece.strip())
        for speaker in _names(quote.get("speaker")):
            if speaker not in names:
                need("speaker (no entity)", speaker)
    for claim in gold["claims"]:
        need("claim evidence", claim["evidence"])
        for source in _names(claim.get("source")):
            if source not in names:
                need("source (no entity)", source)
    for date in gold["dates"]:
        need("date", date["text"])
        if not re.fullmatch(r"\d{4}(-\d\d){0,2}", date["value"]):
            problems.append(f"{gold['id']}: date value {date['value']!r} is no ISO date")
    for item in gold.get("not_quantities", []):
        need("not-a-quantity context", item["context"])
        if item["text"] not in item["context"]:
            problems.append(f"{gold['id']}: not-a-quantity {item['text']!r} is not in its context")
    for figure in gold["figures"]:
        if any(not 0 <= i < len(gold["claims"]) for i in figure["claims"]):
            problems.append(f"{gold['id']}: figure {figure['about']!r} names a claim that does not exist")
    return problems


def _names(value: object) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [str(value)]


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "text":
        text, _, published = page_text(argv[1])
        print(f"published: {published}")
        for number, line in enumerate(text.splitlines()):
            print(f"[{number}] {line}")
        return 0
    if argv and argv[0] == "sync":
        split = json.loads(SPLIT.read_text(encoding="utf-8"))
        ids = argv[1:] or split["tune"] + split["heldout"]
        problems = [p for page_id in ids for p in sync(page_id)]
        print("\n".join(problems) or f"{len(ids)} gold files in step with their pages")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

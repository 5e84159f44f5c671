"""Body extraction scored against the expected article body of real pages.

`../shared/realworld/pages/ID.expected.json` holds, for each stored page, the article as a reader
sees it: title, summary (the lead) and sections of headlines and paragraphs. We read the page as
`quellenlage analyze` does (reading, then layout) and ask two questions:

- recall: the share of expected paragraphs (summary and section paragraphs) whose whole text
  reaches the segments the analysis reads as the article (headline, lead, body, subheading, block
  quote, kicker), after normalising whitespace, quotation marks, dashes and soft hyphens (one
  paragraph may span consecutive segments: the expected body glues list items together);
- boilerplate: the share of those article segments (the headline and kicker aside: they are the
  page's title even where the expected title, taken from metadata, words it differently) that
  belong to no part of the expected article (title, summary, headlines, paragraphs): teasers,
  author bios, "Mehr zum Thema", embeds.

A segment belongs to the article when its normalised text lies inside one expected part, or when
one expected part covers at least 90% of its characters in order (a drop cap or a stray space
must not turn a paragraph into boilerplate). Captions, credits, datelines, media teasers and
boilerplate that the layout stage recognises are set aside and counted neither way.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from quellenlage.layout import find_segments
from quellenlage.reading import read_article

ARTICLE_KINDS = frozenset({"kicker", "headline", "lead", "body", "subheading", "blockquote"})
COVERED = 0.9
_QUOTES = str.maketrans({c: '"' for c in "„“”»«‚‘’‹›"} | {"\u2019": "'", "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """The text as compared: NFC, one kind of quotation mark and dash, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u200b", "")
    return " ".join(text.translate(_QUOTES).split())


@dataclass
class PageScore:
    id: str
    expected: int = 0
    recovered: int = 0
    segments: int = 0
    boilerplate: int = 0
    missed: list[str] = field(default_factory=list)
    let_in: list[str] = field(default_factory=list)
    error: str | None = None


def expected_parts(expected: dict[str, object]) -> tuple[list[str], list[str]]:
    """(paragraphs to recover, every part of the article) of one expected.json."""
    body = expected.get("body") or {}
    assert isinstance(body, dict)
    paragraphs = [p for p in body.get("summary") or [] if p.strip()]
    headlines: list[str] = []
    for section in body.get("sections") or []:
        headlines += [h for h in section.get("headline") or [] if h.strip()]
        paragraphs += [p for p in section.get("paragraphs") or [] if p.strip()]
    title = expected.get("title")
    parts = paragraphs + headlines + ([title] if isinstance(title, str) and title.strip() else [])
    return paragraphs, parts


def score_page(page_id: str, html: bytes, expected: dict[str, object]) -> PageScore:
    score = PageScore(page_id)
    paragraphs, parts = expected_parts(expected)
    try:
        article = read_article(html)
    except Exception as error:  # a page we cannot read at all loses every paragraph, and says why
        score.error = f"{type(error).__name__}: {error}"
        score.expected = len(paragraphs)
        score.missed = paragraphs
        return score
    found = [s for s in find_segments(article.text, article.hints) if s.kind in ARTICLE_KINDS]
    segments = [_unmarked(normalise(s.text)) for s in found]
    article_text = "\n".join(segments)
    # the page's headline and kicker are its title, even where the expected title (taken from the
    # page's metadata) words it differently: they are never boilerplate
    judged = [_unmarked(normalise(s.text)) for s in found if s.kind not in ("headline", "kicker")]
    normalised_parts = [normalise(p) for p in parts]
    for paragraph in paragraphs:
        score.expected += 1
        if _recovered(normalise(paragraph), article_text):
            score.recovered += 1
        else:
            score.missed.append(paragraph)
    for segment in judged:
        score.segments += 1
        if not any(_belongs(segment, part) for part in normalised_parts):
            score.boilerplate += 1
            score.let_in.append(segment)
    return score


def _unmarked(segment: str) -> str:
    """A list item without the "- " the extractor writes before it (no part of the page's text)."""
    return segment.removeprefix("- ")


def _recovered(paragraph: str, article_text: str) -> bool:
    """The paragraph's words reach the article in order: whole, or as consecutive segments. The
    expected body glues list items without a space ("bis die USA den Deal 2018 aufkündigten",die
    iranische Unterstützung …"), so consecutive segments are also compared without whitespace."""
    if not paragraph or paragraph in article_text:
        return True
    if paragraph in " ".join(article_text.split("\n")):
        return True
    return "".join(paragraph.split()) in "".join(article_text.split())


def _belongs(segment: str, part: str) -> bool:
    if segment in part:
        return True
    if len(segment) > 3 * len(part) + 20:
        return False
    matcher = SequenceMatcher(None, segment, part, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) >= COVERED * len(segment)


def score_directory(directory: Path, ids: list[str] | None = None) -> list[PageScore]:
    """Score every page of a realworld folder (its manifest.json), or only `ids`."""
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    scores = []
    for entry in manifest:
        if ids and entry["id"] not in ids:
            continue
        html = (directory / entry["html"]).read_bytes()
        expected = json.loads((directory / entry["expected"]).read_text(encoding="utf-8"))
        scores.append(score_page(entry["id"], html, expected))
    return scores


def summarise(scores: list[PageScore]) -> dict[str, float | int]:
    expected = sum(s.expected for s in scores)
    segments = sum(s.segments for s in scores)
    return {
        "pages": len(scores),
        "paragraphs": expected,
        "recovered": sum(s.recovered for s in scores),
        "recall": round(sum(s.recovered for s in scores) / expected, 4) if expected else 0.0,
        "segments": segments,
        "boilerplate": sum(s.boilerplate for s in scores),
        "boilerplate_share": round(sum(s.boilerplate for s in scores) / segments, 4) if segments else 0.0,
        "failed": sum(1 for s in scores if s.error),
    }


def format_body_report(scores: list[PageScore], *, details: bool = False) -> str:
    lines = [f"{'page':<36}{'recovered':>12}{'let in':>10}"]
    for s in scores:
        flag = f"  ({s.error})" if s.error else ""
        lines.append(f"{s.id:<36}{f'{s.recovered}/{s.expected}':>12}{f'{s.boilerplate}/{s.segments}':>10}{flag}")
        if details:
            lines += [f"    missed: {_short(p)}" for p in s.missed]
            lines += [f"    let in: {_short(p)}" for p in s.let_in]
    total = summarise(scores)
    lines.append(
        f"expected paragraphs recovered: {total['recovered']}/{total['paragraphs']} = {total['recall']:.4f}   "
        f"boilerplate let in: {total['boilerplate']}/{total['segments']} = {total['boilerplate_share']:.4f}   "
        f"pages: {total['pages']}, unreadable: {total['failed']}"
    )
    return "\n".join(lines)


def _short(text: str, width: int = 110) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= width else text[: width - 1] + "…"

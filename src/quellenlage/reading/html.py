"""The article text of an HTML page: trafilatura finds the main text, this module makes sure
nothing is lost without a word.

Four things trafilatura does not do for us: it drops tables (and with them, on some pages, the
paragraphs after them), so tables are kept and turned into text rows; it drops malformed ones
(cells outside any table, tables inside those) without a word, so stray cells become blocks
and table text still left out inside the article is named in a warning (`reading.tables`);
libxml2 stops reading a page nested more than 255 elements deep, so such pages are parsed again without that limit (or,
beyond even that, read as text without markup, with a warning); and htmldate turns an impossible
metadata date ("2024-13-45") into the first of its year, so the page's own date fields are
checked and an impossible one is ignored with a warning.
"""

from __future__ import annotations

import html as html_escapes
import re
from dataclasses import dataclass, field
from datetime import date

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, fromstring

from quellenlage.errors import InputError
from quellenlage.reading.structure import add_structure
from quellenlage.reading.tables import dropped_table_text, text_pieces, unwrap_stray_cells

# libxml2 stops at this depth unless told to read "huge" trees, and then at about 2,048.
DEFAULT_DEPTH_LIMIT = 255
HUGE_DEPTH_LIMIT = 2000
# The parser trafilatura uses, without the depth limit (it does not expand entities: HTML has none to declare).
DEEP_PARSER = HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)
TABLE_ROW = re.compile(r"^\|(?P<cells>.*)\|\s*$")
TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")
CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
DATE_FIELD = re.compile(r"date|time|published|modified|created", re.IGNORECASE)
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
JSON_LD_DATE = re.compile(r'"date(?:Published|Modified|Created)"\s*:\s*"([^"]{0,64})"')
TAG = re.compile(r"<[^<>]*>")  # not "<[^>]*>": each "<" of a page without ">" would scan to its end
BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|tr|table|section|article|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)
INVISIBLE = re.compile(r"<(script|style|template|noscript)\b", re.IGNORECASE)
# What a screen reader says about a link, hidden from the eye and glued into the sentence by the
# extractor ("ihren Investoren(öffnet im neuen Fenster) , zu denen …").
LINK_LABEL = re.compile(
    r"\(?\s*(?:(?:Link )?öffnet (?:sich )?(?:im neuen|in einem neuen|in neuem) (?:Fenster|Tab)|externer Link)\s*\)?",
    re.IGNORECASE,
)


@dataclass
class Page:
    """What the page gave: its main text, title, publication date, and what we had to say about it."""

    text: str
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)
    site: str | None = None  # the site's name in the page's metadata (og:site_name)
    hints: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind) of lines: reading.structure


def extract_page(html: str) -> Page:
    """The main text of a page with its tables as text rows; InputError when there is none."""
    import trafilatura  # imported here: plain-text input should not pay for lxml and trafilatura
    from trafilatura.utils import load_html

    warnings: list[str] = []
    try:
        tree = load_html(html)
        if tree is not None and _depth(tree) >= DEFAULT_DEPTH_LIMIT - 1:
            tree = _parse_deep(html)
        if tree is None:
            raise InputError("no article text found in the HTML page")
        if _depth(tree) >= HUGE_DEPTH_LIMIT:
            return _markup_free(html, warnings)
        _drop_link_labels(tree)
        pieces = text_pieces(tree)  # as the page has them, before stray cells become blocks
        unwrap_stray_cells(tree)
        document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True)
    except InputError:
        raise
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"the HTML could not be parsed: {_one_line(error)}") from error
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page")
    title = getattr(document, "title", None)
    published = _checked_date(getattr(document, "date", None), tree, warnings)
    site = getattr(document, "sitename", None)
    site = site.strip() if isinstance(site, str) and site.strip() else None
    text, hints = add_structure(tree, table_rows(text), title)
    if dropped := dropped_table_text(pieces, text):
        warnings.append(dropped)
    return Page(text=text, title=title, published=published, warnings=warnings, site=site, hints=hints)


def _drop_link_labels(tree: HtmlElement) -> None:
    """Remove the hidden link labels (`LINK_LABEL`) that stand alone in an element; the text
    around them stays."""
    inline = tree.iter("span", "i", "em", "small")
    labels = [e for e in inline if LINK_LABEL.fullmatch((e.text_content() or "").strip())]
    for label in labels:
        if label.getparent() is not None:
            label.drop_tree()


def table_rows(text: str) -> str:
    """trafilatura writes tables as Markdown ("| Partei | Stimmen |" and a "|---|" rule); a
    reader wants rows of text: the cells of a row joined by " | ", empty cells and rules dropped."""
    if "|" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        row = TABLE_ROW.match(line)
        if row is None:
            lines.append(line)
            continue
        if TABLE_RULE.match(line):
            continue
        cells = [c.strip().replace("\\|", "|") for c in CELL_SEPARATOR.split(row["cells"])]
        kept = [c for c in cells if c]
        if kept:
            lines.append(" | ".join(kept))
    return "\n".join(lines)


def _depth(tree: HtmlElement) -> int:
    """How deep the elements of the tree nest (the root is at depth 1)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _parse_deep(html: str) -> HtmlElement | None:
    """The page parsed without libxml2's default depth limit of 255 elements."""
    try:
        return fromstring(html, parser=DEEP_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        return fromstring(html.encode("utf-8", "surrogatepass"), parser=DEEP_PARSER)


def _markup_free(html: str, warnings: list[str]) -> Page:
    """The last resort for a page no HTML parser reads to the end: its text without markup."""
    visible = _without_invisible(html)
    text = html_escapes.unescape(TAG.sub("", BLOCK_END.sub("\n", visible)))
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    text = re.sub(r"\n{2,}", "\n", text).strip()
    if not text:
        raise InputError("no article text found in the HTML page")
    warnings.append(
        f"the HTML nests elements more than {HUGE_DEPTH_LIMIT} levels deep, deeper than any parser reads: "
        "its text was read without markup, so navigation and other boilerplate may be part of it"
    )
    return Page(text=text, warnings=warnings)


def _without_invisible(html: str) -> str:
    """The page without scripts and styles, in one pass (a lazy regex would rescan the page
    from every unclosed "<script")."""
    lower = html.lower()
    kept = []
    position = 0
    while opening := INVISIBLE.search(html, position):
        kept.append(html[position : opening.start()])
        closing = lower.find(f"</{opening[1].lower()}", opening.end())
        position = len(html) if closing < 0 else lower.find(">", closing) + 1 or len(html)
    kept.append(html[position:])
    return " ".join(kept)


def _checked_date(extracted: object, tree: HtmlElement, warnings: list[str]) -> str | None:
    """The page's publication date, unless the page's own date fields hold an impossible date
    that htmldate turned into the first of the year or month ("2024-13-45" → 2024-01-01)."""
    if not isinstance(extracted, str) or not ISO_DATE.match(extracted):
        return None
    found = extracted[:10]
    raw = _metadata_dates(tree)
    valid = {value for value in (_iso(r) for r in raw) if value}
    invalid = [r for r in raw if ISO_DATE.match(r) and not _iso(r)]
    if invalid and found not in valid:
        warnings.append(f"the page's date metadata {invalid[0].strip()[:40]!r} is not a valid date; it was ignored")
        return None
    return found


def _metadata_dates(tree: HtmlElement) -> list[str]:
    """Raw values of the page's date fields: meta tags, <time datetime>, JSON-LD."""
    values: list[str] = []
    for meta in tree.iter("meta"):
        names = " ".join(meta.get(a) or "" for a in ("name", "property", "itemprop", "http-equiv"))
        content = meta.get("content")
        if content and DATE_FIELD.search(names):
            values.append(content)
    values.extend(t.get("datetime") or "" for t in tree.iter("time") if t.get("datetime"))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            values.extend(JSON_LD_DATE.findall(script.text))
    return values


def _iso(value: str) -> str | None:
    match = ISO_DATE.match(value)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__

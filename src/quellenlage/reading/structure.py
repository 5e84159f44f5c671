"""What the markup of an HTML page tells about the lines of its article text.

trafilatura finds the article body (`reading.html`). What it leaves out or lets in, the markup
still knows:

- the headline (the page's `h1`) and the lead, the paragraph between headline and body that pages
  mark as lead, intro, teaser or summary, or that the page's own description repeats; trafilatura
  drops both on most news sites;
- lines that are mostly links (lists of related articles, "Zum Artikel: …") or sit in the share
  bar, which become `boilerplate`; lines from a `figure`/`figcaption`, or all the text of a box
  around an image, which become `caption`; list items without a link, which are no link list.

The text keeps every line it had (nothing is silently lost); the hints tell the layout stage
what a line is, as character spans of the text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

LEAD_CLASS = re.compile(
    r"lead|intro|teaser|summary|excerpt|preface|shorttext|standfirst|abstract|subtitle|description|vorspann|leadin",
    re.IGNORECASE,
)
NOT_CONTENT = frozenset(
    {"nav", "footer", "aside", "form", "button", "figcaption", "figure", "script", "style", "noscript"}
)
# Page furniture that sits between headline and body: consent banners, subscription offers
NOT_A_LEAD = re.compile(
    r"Datenschutz|Cookie|Tracking|Einwilligung|Zustimmung|Werbung|abonnier|Abonnement|Newsletter|Paywall"
    r"|Privatsphäre|Lesezeit|Anzeige|Über dieses Thema berichte|^Vorlesen|Gesamtdauer|Schriftgröße",
    re.IGNORECASE,
)
# A box the page labels for assistive technology as a newsletter sign-up or an advertisement
# (aria-label="Newsletter Anmeldung"): its heading and blurb are no part of the article.
PROMO_LABEL = re.compile(r"Newsletter|Anzeige|Werbung|Abonnement|Abo-Angebot", re.IGNORECASE)
PROMO_LEVELS = 4
HEADINGS = frozenset({"h1", "h2", "h3", "hgroup"})
LEAD_TAGS = frozenset({"p", "div", "h2", "span", "strong", "section", "header"})
LEAD_MIN, LEAD_MAX = 60, 1500
CAPTION_MAX = 300
# A class or id token naming the bar of share buttons ("article-social", "share-bar"), not a
# topic tag ("tag-social-media").
SHARE_BAR = re.compile(
    r"^(?:[a-z]+[-_])?(?:social|share|sharing|shariff)(?:[-_](?:bar|buttons?|box|links|tools|icons))?$"
)
# A list item without any link: the markup says it is no link to elsewhere, whatever its shape
# ("- Mittlerweile 640 Tote im Westjordanland (05.19 Uhr)" in a ticker's summary). A hint for the
# layout stage, no segment kind.
UNLINKED = "unlinked"
LINK_SHARE = 0.6  # a line whose words are mostly link text is a link to elsewhere
_QUOTES = str.maketrans({c: '"' for c in "„“”»«‚‘’‹›"} | {"–": "-", "—": "-", "\u00a0": " "})


Hint = tuple[int, int, str]


def add_structure(tree: Any, body: str, meta_title: str | None) -> tuple[str, list[Hint]]:
    """The article text with the page's headline and lead put back, and (start, end, kind) hints
    for the lines the markup says are headline, lead, caption or boilerplate."""
    lines = body.split("\n")
    heading_element = _headline_element(tree, meta_title)
    heading = _headline(heading_element) if _is_headline_tag(heading_element) else None
    if heading and meta_title and _normal(heading).startswith(_normal(meta_title)) and len(heading) > len(meta_title):
        heading = meta_title  # an h1 that holds the teaser as well: the title alone
    description = _description(tree)
    leads = _leads(tree, heading_element, lines, description)
    if not leads and heading_element is not None:  # some pages put the lead before their h1
        leads = _leads(tree, None, lines, description)
    kinds = _line_kinds(tree, lines)
    out: list[tuple[str, str]] = []
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if heading and _squeezed(lines[first]).startswith(_squeezed(heading)[:50]):
        kinds[first] = "headline"  # trafilatura kept the headline: the lead goes after it
        out += [(line, kinds.get(i, "")) for i, line in enumerate(lines[: first + 1])]
        lines, offset = lines[first + 1 :], first + 1
    else:
        offset = 0
        if heading:
            out.append((heading, "headline"))
    if leads:  # the lead; a second paragraph the extractor dropped before the body is body text
        out += [(lead, "lead" if i == 0 else "") for i, lead in enumerate(leads)]
    out += [(line, kinds.get(i + offset, "")) for i, line in enumerate(lines)]
    return _join(out)


def _join(lines: list[tuple[str, str]]) -> tuple[str, list[Hint]]:
    parts: list[str] = []
    hints = []
    position = 0
    for line, kind in lines:
        if kind and line.strip():
            hints.append((position, position + len(line), kind))
        parts.append(line)
        position += len(line) + 1
    return "\n".join(parts), hints


def _headline_element(tree: Any, meta_title: str | None) -> Any:
    """The page's first `h1` outside navigation; without one, the element that repeats the
    page's title (its part before " | Site")."""
    for h1 in tree.iter("h1"):
        if not _inside(h1, NOT_CONTENT) and len(_headline(h1) or "") >= 10:
            return h1
    for group in tree.iter("hgroup"):  # the heading group of pages that keep their h1 for navigation
        heading = next(group.iter("h1", "h2"), None)
        if heading is not None and not _inside(group, NOT_CONTENT) and len(_headline(heading) or "") >= 10:
            return heading
    for header in tree.iter("header"):  # an article's header whose heading is an h2 ("Marathon: Im harten …")
        heading = next(header.iter("h2"), None)
        if heading is None or not _inside(header, frozenset({"article"})) or _inside(header, NOT_CONTENT):
            continue
        if len(_headline(heading) or "") >= 10:
            return heading
    title = _normal(re.split(r"\s[|–-]\s", meta_title or "")[0])
    if len(title) < 10:
        return None
    for element in next(tree.iter("body"), tree).iter("h2", "h3", "div", "span", "p"):
        if _normal(element.text_content()) == title and not _inside(element, NOT_CONTENT):
            return element
    return None


def _is_headline_tag(element: Any) -> bool:
    if element is None:
        return False
    parent = element.getparent()
    return bool(element.tag == "h1" or (parent is not None and parent.tag in ("hgroup", "header")))


def _headline(h1: Any) -> str | None:
    """The headline's words, its parts joined ("Kicker Titel" stays one line)."""
    parts = h1.xpath(".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    words = " ".join(" ".join(str(part).split()) for part in parts if str(part).strip())
    return words or None


def _description(tree: Any) -> str | None:
    for name in ("og:description", "description", "twitter:description"):
        for meta in tree.iter("meta"):
            if name in (meta.get("property"), meta.get("name")) and meta.get("content"):
                return str(meta.get("content"))
    return None


def _leads(tree: Any, heading: Any, body_lines: list[str], description: str | None) -> list[str]:
    """The lead paragraph trafilatura left out, and the intro paragraph it also dropped where
    the page has both: the text block right after the headline (or its heading group), and the
    first of `_lead`'s paragraphs between headline and body, if it is another one."""
    leads = []
    follower = _text_after(heading) if heading is not None else None
    if follower is not None and _lead_shaped(follower, body_lines):
        leads.append(" ".join(follower.text_content().split()))
    lead = _lead(tree, heading, body_lines, description)
    if lead and not any(_normal(lead) == _normal(known) for known in leads):
        leads.append(lead)
    return leads


def _text_after(heading: Any) -> Any:
    """The first element with text after the headline, or after its heading group (`hgroup`,
    `header`): where pages put their lead ("Essen. Drei uralte Städte …")."""
    node = heading
    parent = heading.getparent()
    if parent is not None and parent.tag in ("hgroup", "header"):
        node = parent
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style", "noscript", "template"):
            continue
        if _normal(sibling.text_content()):
            return sibling
    return None


def _lead_shaped(element: Any, body_lines: list[str]) -> bool:
    """A sentence or three of lead length in a lead-like element, not kept by trafilatura, no
    page furniture."""
    own = _normal(element.text_content())
    body = _normal(" ".join(body_lines))
    return (
        element.tag in LEAD_TAGS
        and LEAD_MIN <= len(own) <= LEAD_MAX
        and re.search(r"[.!?\"“]$", own) is not None
        and not (own[:60] in body and own[-40:] in body)
        and not NOT_A_LEAD.search(own)
        and not _holds_headings(element)
        and not _inside(element, NOT_CONTENT)
    )


def _lead(tree: Any, heading: Any, body_lines: list[str], description: str | None) -> str | None:
    """The lead paragraph trafilatura left out: after the headline and before the body in the
    page, marked as lead by its class (or its parent's), repeating the page's description, or,
    where the headline is known, the first paragraph between it and the body."""
    body = _normal(" ".join(body_lines))
    paragraph = next((line for line in body_lines if len(line) > 80 and re.search(r"[.!?\"“]$", line)), "")
    first_line = _normal(paragraph)[:40]
    described = _normal(description or "")[:40] if description and len(description) >= LEAD_MIN else None
    root = next(tree.iter("body"), tree)
    passed_heading = heading is None
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element is heading:
            passed_heading = True
            continue
        if not passed_heading or (heading is not None and _is_descendant(element, heading)):
            continue
        own = _normal(element.text_content())
        if first_line and own.startswith(first_line) and len(own) < 3 * len(paragraph) + 200:
            return None  # reached the body: no lead before it
        if element.tag not in LEAD_TAGS or not LEAD_MIN <= len(own) <= LEAD_MAX or _inside(element, NOT_CONTENT):
            continue
        if own[:60] in body and own[-40:] in body:
            continue  # trafilatura kept it (a lead that only starts like the body is the lead still)
        if _holds_headings(element):
            continue  # the page's header around headline and lead, not the lead
        classes = " ".join(f"{e.get('class', '')} {e.get('id', '')}" for e in _self_and_parents(element, 2))
        marked = LEAD_CLASS.search(classes) is not None
        sentence = re.search(r"[.!?\"“]$", own) is not None
        if NOT_A_LEAD.search(own):
            continue
        first_paragraph = heading is not None and element.tag == "p" and sentence and len(own) >= 100
        repeats = bool(described and described in own and len(own) <= 2 * len(_normal(description or "")) + 80)
        if (marked and sentence) or repeats or first_paragraph:
            if any(_normal(child.text_content()) == own for child in element if isinstance(child.tag, str)):
                continue  # the same text one level down: take the innermost element
            return " ".join(element.text_content().split())
    return None


def _holds_headings(element: Any) -> bool:
    return any(isinstance(e.tag, str) and e.tag in HEADINGS for e in element.iterdescendants())


def _line_kinds(tree: Any, lines: list[str]) -> dict[int, str]:
    """Lines of figure captions, and lines that are mostly link text."""
    wanted = {_normal(line): i for i, line in enumerate(lines) if len(line.strip()) >= 3}
    kinds: dict[int, str] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "head"):
            continue
        own = _normal(element.text_content())
        number = wanted.get(own) if own else None
        if number is None:
            number = wanted.get("- " + own) if own else None  # trafilatura writes list items "- …"
        if number is None or number in kinds:
            continue
        if _inside(element, frozenset({"figcaption", "figure"})) or _beside_image(element, own):
            kinds[number] = "caption"
        elif _link_share(element) >= LINK_SHARE or _in_promo_box(element) or _in_share_bar(element):
            kinds[number] = "boilerplate"
        elif element.tag == "li" and next(element.iter("a"), None) is None:
            kinds[number] = UNLINKED
    return kinds


def _beside_image(element: Any, own: str) -> bool:
    """A short text that is all the text of the box holding an image: the image's caption
    ("Jarrad Branthwaite (FC Everton) jubelt …" under its picture), though no `figcaption`."""
    if len(own) > CAPTION_MAX:
        return False
    for box in _self_and_parents(element, 3)[1:]:
        if next(box.iter("img", "picture"), None) is not None:
            return _normal(box.text_content()) == own
    return False


def _in_share_bar(element: Any) -> bool:
    """Inside the page's bar of share and feedback buttons (`id="article-social"`)."""
    return any(
        SHARE_BAR.match(token)
        for node in _self_and_parents(element, 8)
        for token in f"{node.get('id', '')} {node.get('class', '')}".lower().split()
    )


def _in_promo_box(element: Any) -> bool:
    return any(PROMO_LABEL.search(node.get("aria-label") or "") for node in _self_and_parents(element, PROMO_LEVELS))


def _link_share(element: Any) -> float:
    total = len(_normal(element.text_content()))
    if not total:
        return 0.0
    if _inside(element, frozenset({"a"})):
        return 1.0
    linked = sum(len(_normal(a.text_content())) for a in element.iter("a"))
    return linked / total


def _inside(element: Any, tags: frozenset[str]) -> bool:
    node = element
    while node is not None:
        if isinstance(node.tag, str) and node.tag in tags:
            return True
        node = node.getparent()
    return False


def _is_descendant(element: Any, ancestor: Any) -> bool:
    node = element.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def _self_and_parents(element: Any, levels: int) -> list[Any]:
    found = [element]
    node = element.getparent()
    while node is not None and len(found) <= levels:
        found.append(node)
        node = node.getparent()
    return found


def _squeezed(text: str) -> str:
    """The text without any whitespace: headline parts are joined with spaces ("Marathon in Berlin
    : Im harten …") where the extractor joins them without."""
    return "".join(_normal(text).split())


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u200b", "")
    return " ".join(text.translate(_QUOTES).split())

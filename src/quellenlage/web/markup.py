"""The article text as HTML with its spans marked: quotations, cues, entity mentions, numbers, dates.

Spans of an analysis overlap and cross (a quotation inside another, an entity inside a
quotation, a quotation running over two paragraphs), while HTML elements must nest. So the text
is cut at every span boundary and each piece is wrapped in the spans that cover it, outermost
layer first; a span that cannot stay open across a cut is closed and reopened, so one span may
become several elements with the same `data-*` id. Concatenating the text of a span's elements
in document order gives back exactly its text: the browser tests check that.

Every piece of text goes through `escape`: the article is untrusted input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Layers from outermost to innermost; a span of a lower layer never opens inside a higher one.
LAYERS = ("quote", "cue", "entity", "number", "date")


@dataclass(frozen=True)
class Mark:
    """One span to mark: where, on which layer, and the element that marks it."""

    start: int
    end: int
    layer: str
    tag: str
    attributes: tuple[tuple[str, str], ...] = ()
    # attributes only the first element of a split span gets (an id, a tabindex)
    first_attributes: tuple[tuple[str, str], ...] = ()

    @property
    def rank(self) -> int:
        return LAYERS.index(self.layer)


@dataclass(frozen=True)
class Block:
    """A stretch of the text shown as one block element (a segment, or text no segment covers)."""

    start: int
    end: int
    tag: str
    classes: str
    attributes: tuple[tuple[str, str], ...] = ()


def render_blocks(text: str, blocks: Sequence[Block], marks: Iterable[Mark]) -> Markup:
    """All blocks of the text (in text order), each with the marks inside it."""
    ordered = sorted((m for m in marks if m.end > m.start), key=lambda m: (m.start, m.rank, -m.end))
    started: set[Mark] = set()
    html: list[str] = []
    pending: list[Mark] = []
    following = 0
    for block in blocks:
        while following < len(ordered) and ordered[following].start < block.end:
            pending.append(ordered[following])
            following += 1
        pending = [m for m in pending if m.end > block.start]
        attributes = _attributes((("class", block.classes), *block.attributes))
        body = _render_inline(text, block.start, block.end, pending, started)
        html.append(f"<{block.tag}{attributes}>{body}</{block.tag}>")
    return Markup("\n".join(html))


def _render_inline(text: str, start: int, end: int, marks: list[Mark], started: set[Mark]) -> str:
    """text[start:end] with `marks` (sorted by start) nested at every cut; `started` remembers
    which spans already had their first element, across blocks. One sweep over the cuts, so a
    long article with thousands of marks stays linear."""
    cuts = sorted({start, end, *(max(start, min(end, p)) for m in marks for p in (m.start, m.end))})
    out: list[str] = []
    stack: list[Mark] = []
    active: list[Mark] = []
    following = 0
    for low, high in zip(cuts, cuts[1:], strict=False):
        while following < len(marks) and marks[following].start <= low:
            active.append(marks[following])
            following += 1
        active = sorted((m for m in active if m.end >= high), key=_nesting_order)
        common = 0
        while common < len(stack) and common < len(active) and stack[common] is active[common]:
            common += 1
        for _ in range(len(stack) - common):
            out.append(f"</{stack.pop().tag}>")
        for mark in active[common:]:
            out.append(_open(mark, first=mark not in started))
            started.add(mark)
            stack.append(mark)
        out.append(str(escape(text[low:high])))
    while stack:
        out.append(f"</{stack.pop().tag}>")
    return "".join(out)


def _nesting_order(mark: Mark) -> tuple[int, int, int]:
    """Outer layers first; within a layer the longer (earlier starting) span outside."""
    return (mark.rank, mark.start, -mark.end)


def _open(mark: Mark, first: bool) -> str:
    attributes = mark.attributes + (mark.first_attributes if first else ())
    return f"<{mark.tag}{_attributes(attributes)}>"


def _attributes(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in pairs if value != "")

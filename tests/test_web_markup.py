"""The marked article text: whatever spans overlap or cross, the HTML nests, shows the whole text
once, escapes it, and gives back each span's exact text from its elements."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

pytest.importorskip("markupsafe")

from quellenlage.web.markup import LAYERS, Block, Mark, render_blocks  # noqa: E402

VOID = {"br", "img", "input"}


class _Collector(HTMLParser):
    """Reads the rendered HTML back: all text, the text inside each element with data-id, and
    whether every closing tag matched its opening one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.by_id: dict[str, list[str]] = {}
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("data-id")))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.balanced = False
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return  # the line breaks between blocks
        self.text.append(data)
        for ident in {ident for _, ident in self.stack if ident}:
            self.by_id.setdefault(ident, []).append(data)


SPANS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(LAYERS)),
    max_size=12,
)
TEXT = st.text(alphabet=st.sampled_from(list("ab <>&\"'„“ü\n")), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(TEXT, SPANS, st.integers(0, 40))
@example('<script>alert("x")</script>', [(0, 8, "quote"), (3, 20, "entity"), (5, 30, "quote")], 12)
def test_spans_nest_and_keep_their_text(text, spans, split):
    split = min(split, len(text))
    blocks = [Block(0, split, "p", "seg"), Block(split, len(text), "p", "seg")]
    marks = []
    for number, (a, b, layer) in enumerate(spans):
        start, end = sorted((min(a, len(text)), min(b, len(text))))
        tag = "a" if layer == "entity" else "span"
        marks.append(Mark(start, end, layer, tag, (("data-id", f"m{number}"),)))
    html = str(render_blocks(text, blocks, marks))

    assert "<script" not in html
    parsed = _Collector()
    parsed.feed(html)
    parsed.close()
    assert parsed.balanced and not parsed.stack
    assert "".join(parsed.text) == text
    for number, mark in enumerate(marks):
        if mark.end > mark.start:
            assert "".join(parsed.by_id[f"m{number}"]) == text[mark.start : mark.end]


def test_first_element_of_a_split_span_takes_the_id():
    text = "eins zwei drei"
    marks = [
        Mark(0, 9, "quote", "mark", (("data-quote", "q1"),), (("id", "q-q1"),)),
        Mark(5, 14, "entity", "a", (("href", "#e1"),)),
    ]
    html = str(render_blocks(text, [Block(0, 7, "p", "seg"), Block(7, 14, "p", "seg")], marks))
    assert html.count('id="q-q1"') == 1
    assert html.count('data-quote="q1"') == 2  # split by the paragraph
    assert html.index('id="q-q1"') < html.index("eins")

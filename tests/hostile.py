"""Hostile inputs made from a seed, and the checks every analysis of them must pass; shared by
`test_fuzz.py` and `benchmarks/fuzz.py` (which runs them by the ten thousand)."""

from __future__ import annotations

import random
from collections.abc import Callable

from quellenlage import Analysis
from quellenlage.language.annotate import MAX_SENTENCE_CHARS
from quellenlage.layout.pieces import MAX_SEGMENT_CHARS
from quellenlage.model import EVIDENCE_CHARS, Span

WORDS_TEXT = (
    "die der das und sagte habe sei werde laut nach Angaben Regierung Polizei Kanzler Scholz Merkel Nato Berlin "
    "Moskau Ukraine Russland Soldaten Euro Prozent Millionen am Montag gestern heute erklärte teilte mit zufolge "
    "wie es hieß nicht mehr als rund etwa bis zu Menschen Demonstranten Sprecher Ministerin forderte warnte vor "
    "in im auf für mit von bei über unter gegen dass ob weil"
)
WORDS = WORDS_TEXT.split()
QUOTES = ['"', "„", "“", "”", "»", "«", "‚", "‘", "’", "'"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "…", "-", "–", "(", ")", "|", "/", " – ", "\n", "\n\n", "\t"]
TAGS = ["<p>", "</p>", "<div>", "</div>", "<table><tr><td>", "</td><td>", "</td></tr></table>", "<br>", "<b>", "<!--"]
ODD = ["\x00", "\x07", "\x1b[31m", "\ud800", "\udfff", "\ufeff", "\u202e", "\u200b", "👩‍👩‍👧", "\u0301", "\r", "\x85"]


def number(rng: random.Random) -> str:
    value = rng.choice([str(rng.randint(0, 99)), f"{rng.randint(1, 999)}.{rng.randint(0, 999):03d}", "3,5", "2024"])
    return value + rng.choice(["", " Prozent", " Euro", " Millionen Euro", "%", " Soldaten", ".", ". "])


def random_article(rng: random.Random, pieces: int | None = None) -> str | bytes:
    """A text from the pieces news is made of, mixed with what scrapers and attackers add."""
    parts: list[str] = []
    makers: list[tuple[float, Callable[[], str]]] = [
        (0.55, lambda: rng.choice(WORDS)),
        (0.1, lambda: number(rng)),
        (0.1, lambda: rng.choice(QUOTES)),
        (0.12, lambda: rng.choice(PUNCTUATION)),
        (0.05, lambda: rng.choice(TAGS)),
        (0.04, lambda: rng.choice(ODD)),
        (0.04, lambda: chr(rng.randint(0x20, 0x2FFF))),
    ]
    for _ in range(pieces if pieces is not None else rng.randint(0, 400)):
        roll, chosen = rng.random(), makers[0][1]
        for share, make in makers:
            if roll < share:
                chosen = make
                break
            roll -= share
        parts.append(chosen())
        parts.append(" " if rng.random() < 0.8 else "")
    text = "".join(parts)
    if rng.random() < 0.15:
        text = "<html><body><article>" + text + "</article></body></html>"
    if rng.random() < 0.2:  # raw bytes: UTF-8, Latin-1, UTF-16, or noise
        encoding = rng.choice(["utf-8", "latin-1", "utf-16", "noise"])
        if encoding == "noise":
            return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 300)))
        return text.encode(encoding, "replace" if encoding != "utf-8" else "surrogatepass")
    return text


def sentences(rng: random.Random, size: int, end: str = ". ") -> str:
    """Plausible German sentences of about `size` characters."""
    out: list[str] = []
    total = 0
    while total < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 18))]
        words[0] = words[0].capitalize()
        sentence = " ".join(words) + end
        out.append(sentence)
        total += len(sentence)
    return "".join(out)


def generated_inputs(scale: float = 1.0, seed: int = 0) -> dict[str, str | bytes]:
    """The large hostile cases, made here rather than stored (`scale` 1.0: the sizes of the issue)."""
    rng = random.Random(seed)

    def n(size: int) -> int:
        return max(1, int(size * scale))

    units = ["Soldaten", "Euro", "Prozent", "Menschen", "Tonnen", "Stimmen"]
    lead = ["und", "sowie", "laut Polizei", "nach Angaben der Regierung", "rund", "mehr als", "bis zu"]
    numbers: list[str] = []
    while sum(map(len, numbers)) < n(100_000):
        numbers.append(f"{rng.choice(lead)} {rng.randint(1, 99_999):,} {rng.choice(units)}".replace(",", "."))
    deep = n(2500) + 2100 - int(2100 * min(scale, 1.0))  # always beyond what any parser reads
    return {
        "number_heavy_without_full_stops": "Die Behörden meldeten am Montag " + ", ".join(numbers),
        "one_paragraph_without_line_breaks": sentences(rng, n(60_000)),
        "sentence_without_full_stops": sentences(rng, n(30_000), end=", "),
        "one_long_word": "Donaudampfschifffahrtsgesellschaft" * n(1000) + " sagte der Kanzler. " + sentences(rng, 500),
        "many_short_lines": "\n".join(sentences(rng, 60).strip() for _ in range(n(2000))),
        "quote_marks_everywhere": " ".join(
            f"„{w}“" if i % 3 else f"»{w}" for i, w in enumerate(sentences(rng, n(20_000)).split())
        ),
        "html_nested_beyond_any_parser": "<html><body>" + "<div>" * deep + sentences(rng, 2000) + "</div>" * deep,
        "html_unclosed_tags": "<html><body>" + "<div><p><span>" * n(3000) + sentences(rng, 2000),
        "html_angle_brackets": "<html><body>" + "<div>" * 2200 + "<" * n(20_000) + sentences(rng, 2000),
        "digits_and_separators": " ".join(f"{rng.randint(0, 9999)}" for _ in range(n(5000))) + " Euro",
    }


def check_analysis(analysis: Analysis) -> None:
    """What every analysis promises: spans that are the text they point at, bounded sentences,
    segments and evidence, and JSON that reads back as the same analysis."""
    text = analysis.text

    def points(span: Span | None) -> None:
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text, span

    for segment in analysis.segments:
        points(segment)
        assert segment.end - segment.start <= MAX_SEGMENT_CHARS + 100
    for sentence in analysis.sentences:
        points(sentence)
        assert sentence.end - sentence.start <= MAX_SENTENCE_CHARS or len(sentence.tokens) == 1
        for token in sentence.tokens:
            points(token)
    for entity in analysis.entities:
        for mention in entity.mentions:
            points(mention)
    for quote in analysis.quotes:
        for span in (quote.content, quote.cue, quote.frame, quote.addressee, *quote.cue_parts, *quote.verbatim):
            points(span)
    for claim in analysis.claims:
        points(claim.number)
        assert len(claim.evidence) <= EVIDENCE_CHARS
    for date in analysis.dates:
        points(date)
    for event in analysis.events:
        assert len(event.evidence) <= EVIDENCE_CHARS
    assert Analysis.model_validate_json(analysis.to_json(tokens=True)) == analysis

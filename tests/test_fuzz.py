"""Hostile input: a one-line error or a valid analysis, never a traceback, and output that stays
proportional to the input.

`fixtures/hostile/` holds small files of the cases met in the wild (encodings, control
characters, markup, entity bombs, broken and deep HTML, tables, bad metadata dates); the large
cases are generated here from a seed. Hypothesis adds random text built from the pieces German
news is made of. `benchmarks/fuzz.py` runs the same checks on 10,000 generated inputs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import check_analysis, generated_inputs, random_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quellenlage import InputError, analyze
from quellenlage.cli import main
from quellenlage.model import EVIDENCE_CHARS, TITLE_CHARS

HOSTILE = sorted((Path(__file__).parent / "fixtures" / "hostile").iterdir())
# JSON per input byte, plus what an analysis of any size carries (schema version, keys, a title)
RATIO, OVERHEAD = 20, 4096


def run_cli(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    code = main(["analyze", "--format", "json", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", HOSTILE, ids=[p.name for p in HOSTILE])
def test_hostile_file(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    code, out, err = run_cli(capsys, path)
    assert "Traceback" not in err
    if code != 0:
        assert code == 2 and out == "", err
        assert len(err.strip().splitlines()) == 1 and err.startswith("quellenlage: ")
        return
    size = path.stat().st_size
    assert len(out.encode()) <= RATIO * size + OVERHEAD, f"{len(out.encode())} bytes of JSON for {size}"
    data = json.loads(out)
    for segment in data["segments"]:
        assert data["text"][segment["start"] : segment["end"]] == segment["text"]


@pytest.mark.parametrize("name", sorted(generated_inputs(scale=0.2)), ids=str)
def test_generated_hostile_input(name: str) -> None:
    source = generated_inputs(scale=0.2)[name]
    try:
        analysis = analyze(source, force=True)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    check_analysis(analysis)
    size = len(source) if isinstance(source, bytes) else len(source.encode())
    assert len(analysis.to_json(indent=None).encode()) <= RATIO * size + OVERHEAD  # as the CLI writes it


def test_a_list_of_figures_gives_one_claim_per_40_characters_and_names_the_rest() -> None:
    """A list of figures with a unit each ("rund 99.347 Demonstranten, und 33.937 Stimmen, …"), one
    every 26 characters, would give as many claims (26 times the input as JSON): a crowded stretch
    of more than 300 characters gives the first one per 40 characters, and the warnings say how
    many numbers were left out."""
    analysis = analyze(generated_inputs(scale=0.2)["number_heavy_without_full_stops"], force=True)
    per_stretch: dict[tuple[int, int], int] = {}
    for claim in analysis.claims:
        key = (claim.evidence_span.start, claim.evidence_span.end)
        per_stretch[key] = per_stretch.get(key, 0) + 1
    long = {key: count for key, count in per_stretch.items() if key[1] - key[0] > EVIDENCE_CHARS}
    assert long and all(count <= (end - start) // 40 for (start, end), count in long.items())
    assert sum(per_stretch.values()) > 200  # a bound, not a refusal
    assert [claim.id for claim in analysis.claims] == [f"c{n + 1}" for n in range(len(analysis.claims))]
    assert any("crowded with figures" in w and "were not read as claims" in w for w in analysis.warnings)


def test_a_column_of_bare_numbers_is_no_list_of_claims_and_says_so() -> None:
    analysis = analyze(generated_inputs(scale=0.2)["digits_and_separators"], force=True)
    assert len(analysis.claims) <= 2
    assert any("bare numbers" in w and "not as claims" in w for w in analysis.warnings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_random_articles(rng) -> None:
    source = random_article(rng)
    try:
        analysis = analyze(source, force=rng.random() < 0.5)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    check_analysis(analysis)


def test_a_word_longer_than_a_segment_is_one_bounded_sentence() -> None:
    """A 13,600-character word is cut into segments at the line limit; the segment that holds only
    a piece of the word is a sentence of one word (issue 18's 'one_long_word' at full size)."""
    analysis = analyze("Donaudampfschifffahrtsgesellschaft" * 400 + " sagte der Kanzler am Montag.", force=True)
    check_analysis(analysis)
    assert analysis.sentences[-1].text.endswith("sagte der Kanzler am Montag.")


def test_a_text_without_line_breaks_has_a_bounded_title() -> None:
    """Its first line is its headline; the title does not repeat the whole text."""
    text = "Die Regierung sagte am Montag, die Lage sei ernst und werde sich nicht bessern. " * 60 + "Ende"
    analysis = analyze(text)
    assert analysis.title is not None and len(analysis.title) <= TITLE_CHARS
    assert analysis.title.endswith("…") and text.startswith(analysis.title[:-1])

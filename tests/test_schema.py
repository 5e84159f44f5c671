"""The JSON contract: `quellenlage schema`, and the analysis round-tripping through it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.cli import main
from quellenlage.model import SCHEMA_VERSION, Analysis, json_schema

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "000_672791c411a9ad6f.txt"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    from quellenlage.pipeline import analyze

    return analyze(EXAMPLE.read_bytes())


def test_schema_command(capsys):
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    schema = json.loads(out)
    assert SCHEMA_VERSION in schema["$id"]
    assert SCHEMA_VERSION in schema["title"]
    assert schema["type"] == "object"
    for key in ("text", "segments", "entities", "quotes", "claims", "dates", "events", "schema_version"):
        assert key in schema["properties"], key
    assert schema["additionalProperties"] is False  # extra="forbid": the schema is the complete contract
    assert schema == json.loads(json.dumps(json_schema(), ensure_ascii=False))


def test_schema_version_is_semver():
    assert [int(part) for part in SCHEMA_VERSION.split(".")] and len(SCHEMA_VERSION.split(".")) == 3


def test_analysis_round_trips(analysis):
    assert analysis.segments and analysis.entities and analysis.quotes and analysis.claims and analysis.dates
    for tokens in (False, True):
        again = Analysis.model_validate_json(analysis.to_json(tokens=tokens))
        if tokens:
            assert again == analysis
        else:
            assert again.model_dump(exclude={"sentences"}) == analysis.model_dump(exclude={"sentences"})
            assert [s.model_dump(exclude={"tokens"}) for s in again.sentences] == [
                s.model_dump(exclude={"tokens"}) for s in analysis.sentences
            ]
    compact = Analysis.model_validate_json(analysis.to_json(indent=None))
    assert compact.text == analysis.text


def test_tokens_only_on_request(analysis):
    assert any(s.tokens for s in analysis.sentences)
    default = json.loads(analysis.to_json())
    assert default["sentences"]
    assert all("tokens" not in s for s in default["sentences"])
    full = json.loads(analysis.to_json(tokens=True))
    assert all("tokens" in s for s in full["sentences"])
    token = full["sentences"][0]["tokens"][0]
    assert {"start", "end", "text", "lemma", "pos", "morph"} <= token.keys()
    assert analysis.text[token["start"] : token["end"]] == token["text"]


def test_offsets_point_into_the_text(analysis):
    text = analysis.text
    spans = [*analysis.segments, *analysis.sentences, *analysis.dates]
    spans += [m for e in analysis.entities for m in e.mentions]
    spans += [q.content for q in analysis.quotes] + [q.cue for q in analysis.quotes if q.cue]
    spans += [c.number for c in analysis.claims]
    spans += [q.speaker.mention for q in analysis.quotes if q.speaker and q.speaker.mention]
    for span in spans:
        assert text[span.start : span.end] == span.text, span
    for record in [*analysis.claims, *analysis.events]:  # evidence: offsets, and a bounded excerpt of them
        assert 0 <= record.evidence_span.start < record.evidence_span.end <= len(text)
        assert record.evidence.strip("…") in text[record.evidence_span.start : record.evidence_span.end]


def test_unknown_fields_are_rejected(analysis):
    data = json.loads(analysis.to_json())
    data["surprise"] = 1
    with pytest.raises(ValueError):
        Analysis.model_validate(data)


def test_validates_against_the_published_schema_shape(analysis):
    schema = json_schema()
    data = json.loads(analysis.to_json())
    assert set(data) <= set(schema["properties"])
    assert set(schema.get("required", [])) <= set(data)

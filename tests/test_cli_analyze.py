"""`quellenlage analyze` on the example article: the JSON the scorer reads, and the terminal report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/000_672791c411a9ad6f.txt"
GOLD = REPO.parent / "shared" / "gold" / "dev" / "000_672791c411a9ad6f.json"


def analyze_json(capsys, monkeypatch, *args: str) -> dict:
    monkeypatch.chdir(REPO)
    assert main(["analyze", "--format", "json", *args, EXAMPLE]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return json.loads(out)


@pytest.fixture
def result(capsys, monkeypatch) -> dict:
    return analyze_json(capsys, monkeypatch)


def test_json_has_what_the_scorer_reads(result):
    text = result["text"]
    assert text == (REPO / EXAMPLE).read_text(encoding="utf-8")
    assert result["lang"] == "de" and result["input_format"] == "text"

    assert result["segments"]
    for segment in result["segments"]:
        assert {"kind", "start", "end", "text"} <= segment.keys()
        assert text[segment["start"] : segment["end"]] == segment["text"]

    assert result["entities"]
    for entity in result["entities"]:
        assert {"id", "name", "type", "mentions"} <= entity.keys()
        assert entity["type"] in {"PER", "ORG", "LOC", "OTH"}
        assert entity["mentions"]
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]

    assert result["quotes"]
    ids = {e["id"] for e in result["entities"]}
    for quote in result["quotes"]:
        content = quote["content"]
        assert text[content["start"] : content["end"]] == content["text"]
        assert "speaker" in quote and quote["status"] in {"stated", "reported", "claimed", "unverified"}
        speaker = quote["speaker"]
        if speaker is not None:  # one shape: the entity (or null), its name, members of a group, where it is named
            assert {"id", "name", "members", "mention"} <= speaker.keys() and isinstance(speaker["name"], str)
            assert all(member["id"] in ids for member in speaker["members"])
            assert speaker["id"] in ids or (speaker["id"] is None and (speaker["members"] or speaker["name"]))
            if speaker["mention"] is not None:
                assert text[speaker["mention"]["start"] : speaker["mention"]["end"]] == speaker["mention"]["text"]

    assert result["claims"]
    for claim in result["claims"]:
        assert {"value", "qualifier", "evidence"} <= claim.keys()
        span = claim["evidence_span"]
        assert claim["evidence"] == text[span["start"] : span["end"]]  # short sentences: the whole of it
        assert claim["id"] in {c for f in result["figures"] for c in f["claims"]} or claim["id"].startswith("c")

    assert isinstance(result["events"], list) and result["events"]
    for event in result["events"]:
        assert {"type", "actor", "target", "evidence"} <= event.keys()
        assert event["evidence"] in text


def test_json_content_of_the_example(result):
    segments = [(s["kind"], s["text"]) for s in result["segments"]]
    assert segments[:2] == [
        ("kicker", "Soldaten unterstützen Russland"),
        ("headline", "Nato verurteilt Nordkoreas Truppen-Hilfe"),
    ]
    assert ("credit", "Quelle: dpa") in segments
    assert result["title"] == "Nato verurteilt Nordkoreas Truppen-Hilfe"
    assert result["published"] == "2024-10-31" and result["published_source"] == "inferred"

    claims = {(c["number"]["text"], c["value"], c["qualifier"]) for c in result["claims"]}
    assert ("mehr als 10.000", 10000, "more_than") in claims
    assert ("8.000", 8000, "exact") in claims
    assert ("Tausender", None, "vague") in claims
    assert not any(c["number"]["text"] in ("1:29", "2024", "27") for c in result["claims"])

    dates = [(d["text"], d["value"]) for d in result["dates"]]
    assert dates == [("27.10.2024", "2024-10-27"), ("31.10.2024", "2024-10-31"), ("Am Donnerstag", "2024-10-31")]

    def speaker_names(quote: dict) -> set[str]:
        speaker = quote["speaker"]
        return {s["name"] for s in (speaker if isinstance(speaker, list) else [speaker]) if s}

    assert any("Selenskyj" in name for q in result["quotes"] for name in speaker_names(q))
    assert any(q["content"]["text"] == "gefährliche Ausweitung" for q in result["quotes"])
    assert "tokens" not in result["sentences"][0]


def test_json_agrees_with_gold_dates_and_headline(result):
    if not GOLD.is_file():
        pytest.skip("gold annotations (../shared) are not available")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert gold["text"] == result["text"]
    assert {(d["text"], d["value"]) for d in gold["dates"]} <= {(d["text"], d["value"]) for d in result["dates"]}
    gold_head = [(s["kind"], s["text"]) for s in gold["segments"][:2]]
    assert gold_head == [(s["kind"], s["text"]) for s in result["segments"][:2]]
    for claim in gold["claims"]:
        if claim["value"] is not None:
            assert any(c["value"] == claim["value"] and c["qualifier"] == claim["qualifier"] for c in result["claims"])


def test_tokens_flag(capsys, monkeypatch):
    result = analyze_json(capsys, monkeypatch, "--tokens")
    assert all("tokens" in s for s in result["sentences"])


def test_text_report(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["analyze", "--format", "text", EXAMPLE]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "Nato verurteilt Nordkoreas Truppen-Hilfe" in out
    assert "Selenskyj" in out
    assert "NATO" in out
    assert "2024-10-31" in out
    assert "hatte … gesagt" in out  # a verb cue in pieces
    assert not out.lstrip().startswith("{")


def test_published_argument(capsys, monkeypatch):
    result = analyze_json(capsys, monkeypatch, "--published", "2024-11-05")
    assert result["published"] == "2024-11-05"
    assert result["published_source"] == "argument"
    [thursday] = [d for d in result["dates"] if d["text"] == "Am Donnerstag"]
    assert thursday["value"] == "2024-10-31"  # the Thursday on or before Tuesday 2024-11-05
    assert thursday["method"] == "weekday"
    explicit = {d["text"]: d["value"] for d in result["dates"] if d["method"] == "explicit"}
    assert explicit == {"27.10.2024": "2024-10-27", "31.10.2024": "2024-10-31"}


def test_published_argument_moves_the_weekday(capsys, monkeypatch):
    # without --published the reference is inferred (2024-10-31); a week later moves "Am Donnerstag" too
    result = analyze_json(capsys, monkeypatch, "--published", "2024-11-08")
    [thursday] = [d for d in result["dates"] if d["text"] == "Am Donnerstag"]
    assert thursday["value"] == "2024-11-07"
    assert result["published_source"] == "argument"

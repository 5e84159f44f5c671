"""Bad input through the command line: one clear line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from quellenlage.cli import main
from quellenlage.reading.source import MAX_BYTES

GERMAN = (
    "Die Bundesregierung hat am Mittwoch in Berlin über die Lage in der Ukraine beraten. Der Kanzler sagte, "
    "man werde die Hilfe für das Land fortsetzen. Außenministerin Baerbock äußerte sich besorgt über die "
    "Entwicklung. Die Grünen und die SPD forderten mehr Unterstützung für die Ukraine. Nach Angaben der "
    "Regierung sollen weitere 500 Millionen Euro für die Flüchtlinge bereitgestellt werden. Die Opposition "
    "kritisierte die Pläne als unzureichend, während Bürger in Köln und München für Frieden demonstrierten.\n"
)
ENGLISH = (
    "The federal government met on Wednesday in Berlin to discuss the situation in Ukraine. The chancellor "
    "said that aid would continue and that the allies would stand together. The opposition criticised the "
    "plans as insufficient and called for more weapons for the country.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code, out, err = run(capsys, "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def assert_one_line_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("quellenlage: ")
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace"])
def test_empty_input(capsys, tmp_path, content):
    code, out, err = run(capsys, write(tmp_path, "a.txt", content))
    assert_one_line_error(code, out, err, "empty")


def test_binary_input(capsys, tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
    png += bytes(range(256))
    code, out, err = run(capsys, write(tmp_path, "image.png", png))
    assert_one_line_error(code, out, err, "binary", "NUL")


def test_nonexistent_path(capsys, tmp_path):
    missing = str(tmp_path / "nicht-da.txt")
    code, out, err = run(capsys, missing)
    assert_one_line_error(code, out, err, missing, "no such file")


def test_directory_is_not_a_file(capsys, tmp_path):
    code, out, err = run(capsys, str(tmp_path))
    assert_one_line_error(code, out, err, str(tmp_path), "is a directory")


def test_latin1_text_is_analysed_with_warning(capsys, tmp_path):
    analysis = run_json(capsys, write(tmp_path, "latin1.txt", GERMAN.encode("latin-1")))
    assert analysis["text"] == GERMAN  # umlauts and ß survive the guessed encoding
    assert analysis["input_format"] == "text"
    encoding_warnings = [w for w in analysis["warnings"] if "UTF-8" in w and "decoded as" in w]
    assert len(encoding_warnings) == 1, analysis["warnings"]
    assert analysis["segments"]
    assert any(e["name"] == "Berlin" for e in analysis["entities"])


def test_utf8_bom_is_stripped(capsys, tmp_path):
    analysis = run_json(capsys, write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GERMAN.encode("utf-8")))
    assert analysis["text"] == GERMAN
    assert not analysis["text"].startswith("\ufeff")
    assert not any("UTF-8" in w for w in analysis["warnings"])
    first = analysis["segments"][0]
    assert first["start"] == 0 and first["text"].startswith("Die Bundesregierung")


def test_crlf_line_ends_are_normalised(capsys, tmp_path):
    analysis = run_json(capsys, write(tmp_path, "crlf.txt", GERMAN.replace("\n", "\r\n").encode()))
    assert "\r" not in analysis["text"]


def test_file_over_five_megabytes_is_refused(capsys, tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as file:  # sparse-ish: the size check happens before reading
        file.truncate(MAX_BYTES + 1)
        file.seek(0)
        file.write(GERMAN.encode())
    code, out, err = run(capsys, str(path))
    assert_one_line_error(code, out, err, "MB", "--max-bytes", "5 MB")


def test_max_bytes_lowers_and_raises_the_limit(capsys, tmp_path):
    path = write(tmp_path, "article.txt", GERMAN * 4)
    size = len((GERMAN * 4).encode())
    code, out, err = run(capsys, "--max-bytes", str(size - 1), path)
    assert_one_line_error(code, out, err, "--max-bytes")
    code, out, err = run(capsys, "--format", "json", "--max-bytes", str(size), path)
    assert code == 0, err
    assert json.loads(out)["text"] == GERMAN * 4


def test_small_limit_is_reported_sensibly(capsys, tmp_path):
    code, out, err = run(capsys, "--max-bytes", "1000", write(tmp_path, "article.txt", GERMAN * 4))
    assert_one_line_error(code, out, err, "--max-bytes")
    assert "limit of 0 MB" not in err and "has 0.0 MB" not in err


def test_malformed_html_is_analysed(capsys, tmp_path):
    html = (
        "<html><body><p>"
        + GERMAN
        + "<div><p>"
        + GERMAN.replace("Mittwoch", "Donnerstag")
        + "<p>Am Abend trafen sich die Minister in Brüssel. <b>Die Nato sagte, sie werde helfen.<div>"
    )
    code, out, err = run(capsys, "--format", "json", write(tmp_path, "broken.html", html))
    assert code in (0, 2)
    if code == 0:
        analysis = json.loads(out)
        assert analysis["input_format"] == "html"
        assert "Bundesregierung" in analysis["text"]
        assert "<p>" not in analysis["text"] and "<div>" not in analysis["text"]
        for segment in analysis["segments"]:
            assert analysis["text"][segment["start"] : segment["end"]] == segment["text"]
    else:
        assert_one_line_error(code, out, err, "HTML")


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Leer</title></head><body><div></div><script>var x = 1;</script></body></html>",
        "<!DOCTYPE html><html><body><img src='a.png'><br><br></body></html>",
    ],
    ids=["script-only", "image-only"],
)
def test_html_without_text(capsys, tmp_path, html):
    code, out, err = run(capsys, write(tmp_path, "leer.html", html))
    assert_one_line_error(code, out, err, "no article text", "HTML")


def test_english_text_is_refused_unless_forced(capsys, tmp_path):
    path = write(tmp_path, "english.txt", ENGLISH)
    code, out, err = run(capsys, path)
    assert_one_line_error(code, out, err, "German", "--force")
    code, out, err = run(capsys, "--force", "--format", "json", path)
    assert code == 0, err
    analysis = json.loads(out)
    assert analysis["text"] == ENGLISH
    assert analysis["segments"]


@pytest.mark.parametrize("value", ["31.10.2024", "2024-13-01", "gestern", "2024-02-30"])
def test_bad_published_value(capsys, tmp_path, value):
    code, out, err = run(capsys, "--published", value, write(tmp_path, "a.txt", GERMAN))
    assert_one_line_error(code, out, err, "--published", "2024-10-31", repr(value))


def test_good_published_value(capsys, tmp_path):
    analysis = run_json(capsys, "--published", "2024-11-06", write(tmp_path, "a.txt", GERMAN))
    assert analysis["published"] == "2024-11-06"
    assert analysis["published_source"] == "argument"


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(GERMAN.encode("utf-8")))
    analysis = run_json(capsys, "-")
    assert analysis["text"] == GERMAN
    assert analysis["segments"][0]["text"].startswith("Die Bundesregierung")


def test_stdin_empty(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    code, out, err = run(capsys, "-")
    assert_one_line_error(code, out, err, "empty")


def test_stdin_over_limit(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(GERMAN.encode() * 10))
    code, out, err = run(capsys, "--max-bytes", "1000", "-")
    assert_one_line_error(code, out, err, "--max-bytes")


def test_stdin_latin1(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(GERMAN.encode("latin-1")))
    analysis = run_json(capsys, "-")
    assert analysis["text"] == GERMAN
    assert any("decoded as" in w for w in analysis["warnings"])

"""Every way `quellenlage` can fail ends in one line on stderr and its documented exit status
(cli/__init__.py), never a traceback; the Python API raises InputError or TypeError."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from quellenlage import InputError, analyze
from quellenlage.cli import main
from quellenlage.report import print_report

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "000_672791c411a9ad6f.txt"
GERMAN = EXAMPLE.read_text(encoding="utf-8")


def command(*args: str, prefix: tuple[str, ...] = (), **options) -> subprocess.CompletedProcess[str]:
    """The real command in its own process: what a shell user meets."""
    return subprocess.run(
        [*prefix, sys.executable, "-c", "import sys; from quellenlage.cli import main; sys.exit(main())", *args],
        **{"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, **options},
    )


def assert_one_line(stderr: str, *fragments: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quellenlage"), stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize("limit", ["-5", "0", "99999999999999999999", str(2**63)])
def test_max_bytes_out_of_range(capsys, limit):
    code, out, err = run(capsys, "analyze", "--max-bytes", limit, str(EXAMPLE))
    assert code == 2 and out == ""
    assert_one_line(err, "--max-bytes", "between 1 and", limit)


@pytest.mark.parametrize(
    "args",
    [[], ["analyze"], ["analyze", "--max-bytes", "viel", "a.txt"], ["analyze", "--format", "xml", "a.txt"], ["tanzen"]],
    ids=["no-command", "no-path", "max-bytes-not-a-number", "unknown-format", "unknown-command"],
)
def test_usage_errors_are_one_line(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert_one_line(err, "--help")


def test_a_fifo_is_read(capsys, tmp_path):
    fifo = tmp_path / "artikel"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(GERMAN, encoding="utf-8"))
    writer.start()
    code, out, err = run(capsys, "analyze", "--format", "json", str(fifo))
    writer.join()
    assert code == 0, err
    assert '"Nato verurteilt Nordkoreas Truppen-Hilfe"' in out


def test_a_fifo_over_the_limit_is_refused(capsys, tmp_path):
    fifo = tmp_path / "artikel"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as stream, __import__("contextlib").suppress(BrokenPipeError):
            stream.write(GERMAN * 3)

    writer = threading.Thread(target=write)
    writer.start()
    code, out, err = run(capsys, "analyze", "--max-bytes", str(len(GERMAN.encode())), str(fifo))
    writer.join()
    assert code == 2 and out == ""
    assert_one_line(err, "larger than", "--max-bytes")


@pytest.mark.skipif(os.getuid() == 0 and not shutil.which("setpriv"), reason="root reads everything without setpriv")
def test_unreadable_file(tmp_path):
    article = tmp_path / "geheim.txt"
    article.write_text(GERMAN, encoding="utf-8")
    article.chmod(0)
    # root reads every file: take away the capability that lets it (util-linux's setpriv)
    without_override = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search") if os.getuid() == 0 else ()
    done = command("analyze", str(article), prefix=without_override)
    assert done.returncode == 2 and done.stdout == ""
    assert_one_line(done.stderr, str(article), "cannot be read", "permission denied")


def test_full_disk(tmp_path):
    with open("/dev/full", "w") as full:
        done = command("analyze", str(EXAMPLE), stdout=full)
    assert done.returncode == 4
    assert_one_line(done.stderr, "output could not be written", "No space left on device")


def test_closed_standard_output():
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from quellenlage.cli import main; sys.exit(main(['schema']))"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 4
    assert_one_line(done.stderr, "standard output is closed")


def test_reader_stops_early():
    """`quellenlage analyze … | head -1`: the reader has what it wanted; no error, no message."""
    shell = f"{sys.executable} -c 'import sys; from quellenlage.cli import main; sys.exit(main())' analyze {EXAMPLE}"
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {shell} | head -1"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1


def test_out_of_memory(tmp_path):
    """With the address space capped just above what the loaded model needs, a 5 MB article
    cannot be analysed: one line and exit status 3, not a page of numpy traceback."""
    article = tmp_path / "gross.txt"
    article.write_text((GERMAN + "\n") * (5_000_000 // len(GERMAN.encode())), encoding="utf-8")
    script = (
        "import resource, sys\n"
        "from quellenlage.language.annotate import load_pipeline\n"
        "load_pipeline()\n"
        "size = int(next(l for l in open('/proc/self/status') if l.startswith('VmSize')).split()[1]) * 1024\n"
        "resource.setrlimit(resource.RLIMIT_AS, (size + 24 * 2**20, resource.RLIM_INFINITY))\n"
        "from quellenlage.cli import main\n"
        f"sys.exit(main(['analyze', '--format', 'json', {str(article)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 3 and done.stdout == ""
    assert_one_line(done.stderr, "out of memory")


# --- the Python API ----------------------------------------------------------------------------


@pytest.mark.parametrize("source", [None, 42, 3.5, ["Text"], {"text": "x"}], ids=lambda s: type(s).__name__)
def test_api_wrong_type(source):
    with pytest.raises(TypeError, match=f"not {type(source).__name__}"):
        analyze(source)


def test_api_wrong_published_type():
    with pytest.raises(TypeError, match="published"):
        analyze(GERMAN, published=20241031)


def test_api_takes_bytearray():
    assert analyze(bytearray(GERMAN.encode("utf-8"))).text == GERMAN


def test_api_lone_surrogates_are_replaced_with_a_warning():
    text = GERMAN[:300] + "\ud83d" + GERMAN[300:600] + "\udc00" + GERMAN[600:]
    analysis = analyze(text)
    assert analysis.text == text.replace("\ud83d", "\ufffd").replace("\udc00", "\ufffd")  # offsets unchanged
    assert any("2 lone surrogate" in w for w in analysis.warnings)
    analysis.to_json()  # valid Unicode throughout


def test_api_input_errors_are_input_errors():
    for bad in ["", b"\x00\x01\x02" * 100, "x" * (5 * 1024 * 1024 + 1)]:
        with pytest.raises(InputError):
            analyze(bad)


def test_report_shows_markup_in_articles_as_text(capsys):
    analysis = analyze("Der [bold]Kanzler[/bold] sagte am [/] Montag :smile: in [link=http://x]Berlin[/link].")
    print_report(analysis)
    out = capsys.readouterr().out
    assert "[bold]Kanzler[/bold]" in out and "[/]" in out and ":smile:" in out and "[link=http://x]" in out

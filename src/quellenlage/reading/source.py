"""Read one article from bytes, text or HTML, refusing what cannot be analysed.

Bad input never raises anything but `InputError`, whose message tells the user what to do.
Best efforts are reported as warnings on the article (a guessed encoding, a stripped BOM).
"""

from __future__ import annotations

import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from quellenlage.errors import InputError
from quellenlage.reading.html import extract_page

MAX_BYTES = 5 * 1024 * 1024
# The most --max-bytes may allow: ten articles of the default limit's size (memory grows with the input).
MAX_BYTES_CEILING = 50 * 1024 * 1024
READ_CHUNK = 1024 * 1024
SURROGATE = re.compile("[\ud800-\udfff]")
HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b|<div\b|<p\b|<\?xml)", re.IGNORECASE)
LEADING_COMMENTS = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.DOTALL)
HTML_TAGS = re.compile(r"</(p|div|span|a|article|section|body|html|h[1-6]|li|figure)>", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Article:
    """The plain text the pipeline analyses, and what the input told us about it."""

    text: str
    input_format: str = "text"
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)
    site: str | None = None  # the site's name in the page's metadata (og:site_name), for the corpus's outlet
    hints: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, segment kind) the HTML knew


def read_path(path: str, max_bytes: int = MAX_BYTES) -> Article:
    """Read a file (a pipe or FIFO too), or standard input when `path` is "-"."""
    check_limit(max_bytes)
    if path == "-":
        if sys.stdin is None:
            raise InputError("standard input is closed: nothing to analyse")
        data = _read_bounded(sys.stdin.buffer, max_bytes)
    else:
        data = _read_file(Path(path), max_bytes)
    return read_article(data, max_bytes=max_bytes)


def read_article(source: str | bytes | bytearray | memoryview, max_bytes: int = MAX_BYTES) -> Article:
    """Decode, detect HTML, extract the main text; raise InputError for unusable input and
    TypeError for something that is no text at all."""
    check_limit(max_bytes)
    warnings: list[str] = []
    if isinstance(source, bytearray | memoryview):
        source = bytes(source)
    if isinstance(source, bytes):
        if len(source) > max_bytes:
            raise InputError(_too_large(len(source), max_bytes))
        text = _decode(source, warnings)
    elif isinstance(source, str):
        size = len(source) if len(source) > max_bytes else len(source.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise InputError(_too_large(size, max_bytes))
        text = source
    else:
        raise TypeError(f"an article is text (str), bytes or an Article, not {type(source).__name__}")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if CONTROL.search(text):
        warnings.append("control characters replaced by spaces")
        text = CONTROL.sub(" ", text)
    if surrogates := len(SURROGATE.findall(text)):
        warnings.append(f"{surrogates} lone surrogate code point(s), which are no Unicode text, replaced by U+FFFD")
        text = SURROGATE.sub("\ufffd", text)
    if not text.strip():
        raise InputError("the input is empty: nothing to analyse")
    if looks_like_html(text):
        return _from_html(text, warnings)
    return Article(text=text, warnings=warnings)


def check_limit(max_bytes: int) -> None:
    """The size limit must be a positive number of bytes no larger than MAX_BYTES_CEILING."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"the size limit (--max-bytes) is a number of bytes, not {type(max_bytes).__name__}")
    if not 0 < max_bytes <= MAX_BYTES_CEILING:
        raise InputError(
            f"the size limit (--max-bytes) must lie between 1 and {MAX_BYTES_CEILING} bytes "
            f"({_human(MAX_BYTES_CEILING)}), not {max_bytes}"
        )


def _read_file(file: Path, max_bytes: int) -> bytes:
    try:
        info = file.stat()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except OSError as error:
        raise InputError(f"{file}: cannot be read ({_reason(error)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{file} is a directory; give an article file")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise InputError(_too_large(info.st_size, max_bytes))
    try:
        with file.open("rb") as stream:
            return _read_bounded(stream, max_bytes)
    except OSError as error:
        raise InputError(f"{file}: cannot be read ({_reason(error)})") from None


def _read_bounded(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most `max_bytes` from a stream of unknown length (standard input, a pipe), read in
    chunks so that a generous limit allocates nothing up front."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(READ_CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(_too_large(None, max_bytes))
    return b"".join(chunks)


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def looks_like_html(text: str) -> bool:
    """A page starts with a tag we know, after any comments ("<!-- auth - false --><!DOCTYPE
    html>"), or shows closing tags in its first lines."""
    start = LEADING_COMMENTS.match(text, 0, 65536)
    head = text[start.end() if start else 0 :][:4096]
    return bool(HTML_START.match(head)) or len(HTML_TAGS.findall(head)) >= 3


def _decode(data: bytes, warnings: list[str]) -> str:
    if not data.strip():
        raise InputError("the input is empty: nothing to analyse")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("the input looks binary (it contains NUL bytes); give a text or HTML file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError("the input is not text in any encoding we know; give UTF-8 text or HTML")
    warnings.append(f"input is not UTF-8; decoded as {best.encoding}")
    return str(best)


def _from_html(html: str, warnings: list[str]) -> Article:
    page = extract_page(html)
    return Article(
        text=page.text,
        input_format="html",
        title=page.title,
        published=page.published,
        warnings=warnings + page.warnings,
        site=page.site,
        hints=page.hints,
    )


def _too_large(size: int | None, limit: int) -> str:
    has = f"has {_human(size)}, more than" if size is not None else "is larger than"
    return (
        f"the input {has} the limit of {_human(limit)} for one article; "
        "split it into articles or raise the limit with --max-bytes"
    )


def _human(size: int) -> str:
    """Sizes as people read them: 5 MB, 2.7 kB, 800 bytes."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")
    if size >= 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size} bytes"

"""Read one article from bytes, text or HTML, refusing what cannot be analysed.

Bad input never raises anything but `InputError`, whose message tells the user what to do.
Best efforts are reported as warnings on the article (a guessed encoding, a stripped BOM).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from quellenlage.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b|<div\b|<p\b|<\?xml)", re.IGNORECASE)
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


def read_path(path: str, max_bytes: int = MAX_BYTES) -> Article:
    """Read a file, or standard input when `path` is "-"."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        file = Path(path)
        if not file.is_file():
            raise InputError(f"{path}: no such file")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(_too_large(size, max_bytes))
        data = file.read_bytes()
    return read_article(data, max_bytes=max_bytes)


def read_article(source: str | bytes, max_bytes: int = MAX_BYTES) -> Article:
    """Decode, detect HTML, extract the main text; raise InputError for unusable input."""
    warnings: list[str] = []
    if isinstance(source, bytes):
        if len(source) > max_bytes:
            raise InputError(_too_large(len(source), max_bytes))
        text = _decode(source, warnings)
    else:
        if len(source.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError(_too_large(len(source.encode("utf-8", "surrogatepass")), max_bytes))
        text = source
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if CONTROL.search(text):
        warnings.append("control characters replaced by spaces")
        text = CONTROL.sub(" ", text)
    if not text.strip():
        raise InputError("the input is empty: nothing to analyse")
    if looks_like_html(text):
        return _from_html(text, warnings)
    return Article(text=text, warnings=warnings)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
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
    import trafilatura  # imported here: plain-text input should not pay for lxml

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"the HTML could not be parsed: {error}") from error
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page")
    title = getattr(document, "title", None)
    date = getattr(document, "date", None)
    return Article(
        text=text,
        input_format="html",
        title=title,
        published=date[:10] if isinstance(date, str) and re.match(r"\d{4}-\d\d-\d\d", date) else None,
        warnings=warnings,
    )


def _too_large(size: int, limit: int) -> str:
    return (
        f"the input has {_human(size)}, more than the limit of {_human(limit)} for one article; "
        "split it into articles or raise the limit with --max-bytes"
    )


def _human(size: int) -> str:
    """Sizes as people read them: 5 MB, 2.7 kB, 800 bytes."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")
    if size >= 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size} bytes"

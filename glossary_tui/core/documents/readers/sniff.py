"""Telling a file's kind from its first bytes: binary, EPUB, HTML or text."""

from __future__ import annotations

_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"%PDF",
    b"\x1f\x8b",
    b"MZ",
    b"BZh",
    b"\xfd7zXZ",
    b"SQLite format 3",
    b"\x00asm",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
)
_SAMPLE_SIZE = 64 * 1024
_CONTROL_BYTES = bytes(code for code in range(0x20) if code not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
_MAX_CONTROL_SHARE = 0.1
_EPUB_MIMETYPE = b"mimetypeapplication/epub+zip"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml")


def looks_binary(data: bytes) -> bool:
    """True for well-known binary formats and for data dense in control bytes (UTF-16 with a BOM is text)."""
    if data.startswith(_BINARY_SIGNATURES):
        return True
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = data[:_SAMPLE_SIZE]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def looks_like_epub(data: bytes) -> bool:
    """True for a ZIP whose first entry is the EPUB ``mimetype`` file."""
    return data.startswith(b"PK\x03\x04") and _EPUB_MIMETYPE in data[:100]


def looks_like_html(data: bytes) -> bool:
    """True when the data, after a BOM and blank space, opens with an HTML doctype or ``<html>``."""
    start = data[:512].lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if start.startswith(b"<?xml"):
        return b"<html" in start
    return start.startswith(_HTML_STARTS)

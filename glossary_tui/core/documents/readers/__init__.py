"""Readers: from a file's bytes to a :class:`Reading`, chosen by the file's suffix, else by its first bytes.

``.html``/``.htm``/``.xhtml`` pages, ``.epub`` books, ``.md``/``.markdown``
Markdown and everything else as text; a file without a telling suffix (or
standard input) that opens like an HTML page or an EPUB is read as one.
"""

from __future__ import annotations

from pathlib import PurePath

from glossary_tui.core.documents.readers.epub import read_epub
from glossary_tui.core.documents.readers.html import read_html
from glossary_tui.core.documents.readers.markdown import read_markdown
from glossary_tui.core.documents.readers.reading import Chapter, Reading
from glossary_tui.core.documents.readers.sniff import (
    looks_binary,
    looks_like_epub,
    looks_like_html,
)
from glossary_tui.core.documents.readers.text import read_text
from glossary_tui.core.errors import DocumentError

__all__ = ["READABLE_SUFFIXES", "Chapter", "Reading", "read_content"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
#: Suffixes read without looking inside the file first.
READABLE_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES | {".epub"}


def read_content(name: str, data: bytes) -> Reading:
    """Read ``data`` (the bytes of the file called ``name``) with the reader its kind calls for.

    Raises :class:`DocumentError` for binary data and damaged EPUBs.
    """
    suffix = PurePath(name).suffix.lower()
    if suffix == ".epub" or looks_like_epub(data):
        return read_epub(data, name)
    if looks_binary(data):
        raise DocumentError(f"{name}: not a text document (binary data)")
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES | TEXT_SUFFIXES and looks_like_html(data)):
        return read_html(data)
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(data)
    return read_text(data)

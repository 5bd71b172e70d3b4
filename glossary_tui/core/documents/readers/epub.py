"""EPUB: the book's chapters in spine order, each read as HTML, via ebooklib.

A chapter's title is its entry in the table of contents, else its first
heading. The book's title is the Dublin Core title of its metadata.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

from glossary_tui.core.documents.normalise import normalise_text
from glossary_tui.core.documents.readers.html import read_html
from glossary_tui.core.documents.readers.reading import Chapter, Reading
from glossary_tui.core.errors import DocumentError


def read_epub(data: bytes, name: str) -> Reading:
    """Read an EPUB; raise :class:`DocumentError` when the file is not a readable EPUB."""
    from ebooklib import ITEM_DOCUMENT, epub

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
    except Exception as error:
        raise DocumentError(f"{name}: not a readable EPUB ({type(error).__name__})") from None
    toc_titles = dict(_toc_entries(book.toc))
    parts: list[str] = []
    chapters: list[Chapter] = []
    offset = 0
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ITEM_DOCUMENT:
            continue
        reading = read_html(item.get_content(), web_page=False)
        text = reading.text.strip("\n")
        if not text:
            continue
        title = toc_titles.get(item.get_name()) or next((c.title for c in reading.chapters), None)
        if title:
            chapters.append(Chapter(title, offset))
        parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(parts) + ("\n" if parts else "")
    titles = book.get_metadata("DC", "title")
    title = normalise_text(" ".join(titles[0][0].split())) if titles and titles[0][0] else None
    return Reading(text=text, title=title, chapters=tuple(chapters))


def _toc_entries(toc: object) -> Iterator[tuple[str, str]]:
    """``(file name, title)`` for every link of a nested ebooklib table of contents, first entry per file first."""
    entries = list(toc) if isinstance(toc, (list, tuple)) else [toc]
    for entry in reversed(entries):
        if isinstance(entry, tuple) and len(entry) == 2:
            section, children = entry
            yield from _toc_entries(children)
            yield from _toc_entries(section)
        elif getattr(entry, "href", None) and getattr(entry, "title", None):
            yield entry.href.split("#", 1)[0], normalise_text(" ".join(entry.title.split()))

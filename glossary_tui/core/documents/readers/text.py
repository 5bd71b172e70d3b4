"""Plain text: decoded, normalised, titled by a Project Gutenberg ``Title:`` line if any, chapters by its headings."""

from __future__ import annotations

import re

from glossary_tui.core.documents.normalise import decode_bytes, normalise_text
from glossary_tui.core.documents.readers.headings import text_chapters
from glossary_tui.core.documents.readers.reading import Reading

_GUTENBERG_TITLE = re.compile(r"^Title:[ \t]*(.+)$", re.MULTILINE)
_TITLE_SEARCH_CHARS = 5000


def read_text(data: bytes) -> Reading:
    """Read plain text in any encoding ``decode_bytes`` knows; its chapters are its book-style headings."""
    text = normalise_text(decode_bytes(data))
    return Reading(text=text, title=gutenberg_title(text), chapters=text_chapters(text))


def gutenberg_title(text: str) -> str | None:
    """The ``Title:`` line of a Project Gutenberg header near the start, if there is one."""
    match = _GUTENBERG_TITLE.search(text, 0, _TITLE_SEARCH_CHARS)
    return match.group(1).strip() if match else None

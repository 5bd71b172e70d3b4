"""Markdown: shown as written, titled by its front matter or first heading, with URLs kept out of extraction."""

from __future__ import annotations

import re

from glossary_tui.core.documents.normalise import decode_bytes, normalise_text
from glossary_tui.core.documents.readers.reading import Chapter, Reading

#: Spans where no entity is looked for: link and image targets, reference definitions, autolinks, bare URLs.
_NOT_PROSE = re.compile(
    r"\]\([^)\n]*\)"
    r"|^[ ]{0,3}\[[^\]\n]+\]:[^\n]*"
    r"|<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*>"
    r"|\b(?:https?|ftp)://[^\s<>()\[\]]+"
    r"|\bwww\.[^\s<>()\[\]]+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+",
    re.MULTILINE,
)
_HEADING = re.compile(r"^[ ]{0,3}(#{1,2})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_FRONT_MATTER_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:[ \t]*[\"']?(.+?)[\"']?[ \t]*\n(?:.*\n)*?---\n")


def read_markdown(data: bytes) -> Reading:
    """Read Markdown as text; headings of levels 1 and 2 are its chapters."""
    text = normalise_text(decode_bytes(data))
    chapters = tuple(Chapter(m.group(2), m.start(), len(m.group(1))) for m in _HEADING.finditer(text))
    front = _FRONT_MATTER_TITLE.match(text)
    title = front.group(1) if front else next((c.title for c in chapters), None)
    return Reading(text=text, title=title, chapters=chapters, extraction_text=prose_only(text))


def prose_only(text: str) -> str:
    """``text`` with URLs, link targets and addresses replaced by spaces of the same length."""
    return _NOT_PROSE.sub(lambda m: " " * (m.end() - m.start()), text)

"""What a reader makes of a file: its normalised text, title and chapters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    """A chapter or heading: its title, the offset in the document's text where it starts, and its depth.

    ``level`` 1 is the outermost (a book, a part, a ``#`` heading); a chapter
    inside a book is level 2.
    """

    title: str
    start: int
    level: int = 1


@dataclass(frozen=True)
class Reading:
    """A document as a reader read it.

    ``text`` is already normalised. ``title`` is ``None`` when the file has no
    title of its own. ``extraction_text``, when given, is ``text`` with the
    spans where no entity should be looked for (URLs, link targets) replaced
    by spaces of the same length.
    """

    text: str
    title: str | None = None
    chapters: tuple[Chapter, ...] = ()
    extraction_text: str | None = None

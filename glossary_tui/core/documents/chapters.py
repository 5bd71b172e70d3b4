"""Where an offset falls among a document's chapters: "Book One: 1805, Chapter III"."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from glossary_tui.core.documents.readers.reading import Chapter


def chapter_path(chapters: Sequence[Chapter], offset: int) -> tuple[Chapter, ...]:
    """The chapters ``offset`` lies in, outermost first: (Book One, Chapter III), or () before the first.

    A level-1 heading that is the only one of its level and opens the document
    (an article's own title) is left out: it says nothing about where one is.
    """
    index = bisect.bisect_right([chapter.start for chapter in chapters], offset) - 1
    if index < 0:
        return ()
    path: list[Chapter] = []
    level = chapters[index].level + 1
    for chapter in reversed(chapters[: index + 1]):
        if chapter.level < level:
            path.append(chapter)
            level = chapter.level
            if level <= 1:
                break
    path.reverse()
    outermost = [chapter for chapter in chapters if chapter.level == path[0].level]
    if len(path) > 1 and len(outermost) == 1 and not chapters.index(path[0]):
        path.pop(0)
    return tuple(path)


def describe_location(chapters: Sequence[Chapter], offset: int) -> str | None:
    """Where ``offset`` lies, as a reader says it: "Book One: 1805, Chapter III"; None before any chapter."""
    path = chapter_path(chapters, offset)
    return ", ".join(chapter.title for chapter in path) or None

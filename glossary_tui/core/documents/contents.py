"""Tables of contents: the lines listing a book's chapters, where no character is ever mentioned.

A printed book's contents lists its chapters' titles ("Chapter V      The
Wine-shop", "Book the First--Recalled to Life", "IV. The Preparation"), and the
model reads those titles as laws, works and people ("Five Years Later",
"Jackal Chapter VI"). A table of contents is found by its shape: at least
:data:`MIN_ENTRIES` lines in a row, blank lines aside, each opened by a
chapter keyword or by a Roman numeral and a full stop, at most
:data:`MAX_BLANKS` blank lines apart. In the
book itself every heading is followed by prose, so its headings never make
such a run. Extraction leaves the contents out, as it leaves out Project
Gutenberg's licence; the reader still shows them.
"""

from __future__ import annotations

import re

from glossary_tui.core.documents.readers.headings import CHAPTER_KEYWORDS, PART_KEYWORDS, cased

#: Lines in a row that make a table of contents (a book and its first chapter head the text itself).
MIN_ENTRIES = 3
#: Blank lines between two entries at most: after more, the book begins ("Book the First" again).
MAX_BLANKS = 2
#: Characters an entry holds at most: a longer line is prose.
MAX_ENTRY = 100

#: A line opened by a chapter keyword, or by a Roman numeral and a full stop, no longer than an entry.
_ENTRY = re.compile(
    r"^[ \t]*(?:(?:" + cased((*CHAPTER_KEYWORDS, *PART_KEYWORDS, "canto")) + r")[ \t]+\S"
    r"|[IVXLC]+\.[ \t])[^\n]*$",
    re.MULTILINE,
)


def contents_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` ranges of ``text`` that are tables of contents, in order."""
    ranges: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for entry in _ENTRY.finditer(text):
        if entry.end() - entry.start() > MAX_ENTRY:
            continue
        if run and not _only_blank_lines(text[run[-1].end() : entry.start()]):
            if len(run) >= MIN_ENTRIES:
                ranges.append((run[0].start(), run[-1].end()))
            run = []
        run.append(entry)
    if len(run) >= MIN_ENTRIES:
        ranges.append((run[0].start(), run[-1].end()))
    return tuple(ranges)


def _only_blank_lines(between: str) -> bool:
    """True if ``between`` (from the end of one entry to the start of the next) is line breaks and at most
    :data:`MAX_BLANKS` blank lines."""
    return not between.strip() and between.count("\n") <= MAX_BLANKS + 1

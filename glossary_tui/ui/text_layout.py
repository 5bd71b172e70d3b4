"""Soft-wrapping a document's text into screen rows, and mapping offsets to rows and back.

A row is a ``[start, end)`` range of the text. Lines break at spaces when
they can (the breaking space belongs to no row) and inside a word only when
the word is wider than the pane. Widths are terminal cells: tabs expand to
the next multiple of :data:`TAB_SIZE`, wide characters (CJK, emoji) take
two cells, and characters that must never reach a terminal (format and
control characters such as bidi overrides) are shown as one space each.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from rich.cells import get_character_cell_size

TAB_SIZE = 4
#: Runs of characters that certainly take one cell each: no tabs, wide, zero-width or control characters.
_SINGLE_CELL_RUN = re.compile(
    "[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u0590\u2010-\u2027\u2030-\u205e]*"
)
_SINGLE_CELL_TEXT = re.compile(_SINGLE_CELL_RUN.pattern.replace("[", "[\n", 1))
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})


def is_single_cell(line: str) -> bool:
    """True if every character of ``line`` is shown as itself in one cell."""
    return _SINGLE_CELL_RUN.fullmatch(line) is not None


@lru_cache(maxsize=4096)
def display_character(char: str) -> tuple[str, int]:
    """What a (non-tab) character looks like on screen and how many cells it takes."""
    if unicodedata.category(char) in _HIDDEN_CATEGORIES:
        return " ", 1
    width = get_character_cell_size(char)
    if width == 0:
        # Combining marks and the like: shown attached to the previous character.
        return char, 0
    return char, width


def display_text(text: str, column: int = 0) -> str:
    """``text`` as shown from screen ``column``: tabs expanded, hidden characters as spaces."""
    if is_single_cell(text):
        return text
    pieces: list[str] = []
    for char in text:
        if char == "\t":
            spaces = TAB_SIZE - column % TAB_SIZE
            pieces.append(" " * spaces)
            column += spaces
            continue
        shown, width = display_character(char)
        pieces.append(shown)
        column += width
    return "".join(pieces)


def column_to_offset(text: str, start: int, end: int, column: int) -> int:
    """The offset of the character shown at ``column`` in the row ``text[start:end]``."""
    row = text[start:end]
    if is_single_cell(row):
        return start + min(max(column, 0), len(row))
    position = 0
    for index, char in enumerate(row):
        width = TAB_SIZE - position % TAB_SIZE if char == "\t" else display_character(char)[1]
        if position + width > column:
            return start + index
        position += width
    return end


class TextLayout:
    """The rows of ``text`` wrapped to ``width`` cells."""

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = width = max(1, width)
        starts: list[int] = []
        ends: list[int] = []
        add_start, add_end = starts.append, ends.append
        # Most books are one-cell text throughout: then no line needs checking, and a line that fits is one row.
        all_single_cell = _SINGLE_CELL_TEXT.fullmatch(text) is not None
        offset = 0
        for line in text.split("\n"):
            length = len(line)
            if all_single_cell or is_single_cell(line):
                # Greedy word wrap, inlined: a book has tens of thousands of paragraphs to wrap at each resize.
                position = 0
                while length - position > width:
                    limit = position + width
                    if line[limit] == " ":
                        cut, resume = limit, limit + 1
                    else:
                        space = line.rfind(" ", position + 1, limit)
                        cut, resume = (space, space + 1) if space > position else (limit, limit)
                    add_start(offset + position)
                    add_end(offset + cut)
                    position = resume
                add_start(offset + position)
                add_end(offset + length)
            else:
                for start, end in _wrap_cells(line, offset, width):
                    add_start(start)
                    add_end(end)
            offset += length + 1
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    def row_span(self, row: int) -> tuple[int, int]:
        """The ``(start, end)`` offsets of ``row``."""
        return self.starts[row], self.ends[row]

    def row_of(self, offset: int) -> int:
        """The row showing ``offset`` (or the row before it, for a space lost at a break)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def _wrap_cells(line: str, offset: int, width: int) -> Iterator[tuple[int, int]]:
    """Greedy word wrap measuring each character's cells (tabs, wide and hidden characters)."""
    row_start = 0
    column = 0
    last_space = -1
    for index, char in enumerate(line):
        cells = _cells_at(char, column)
        if column + cells > width and index > row_start:
            if char == " ":
                yield offset + row_start, offset + index
                row_start, column, last_space = index + 1, 0, -1
                continue
            if last_space > row_start:
                # The word so far goes down to the next row, measured again from its start: a tab in it
                # may widen there, so the word and this character may still not fit together.
                yield offset + row_start, offset + last_space
                row_start = last_space + 1
                column = _cells(line, row_start, index)
                cells = _cells_at(char, column)
            if column + cells > width and index > row_start:
                yield offset + row_start, offset + index
                row_start, column = index, 0
                cells = _cells_at(char, column)
            last_space = -1
        if char == " ":
            last_space = index
        column += cells
    yield offset + row_start, offset + len(line)


def _cells_at(char: str, column: int) -> int:
    """Cells ``char`` takes when shown at ``column``."""
    return TAB_SIZE - column % TAB_SIZE if char == "\t" else display_character(char)[1]


def _cells(line: str, start: int, end: int) -> int:
    """Cells taken by ``line[start:end]`` shown from column 0."""
    column = 0
    for char in line[start:end]:
        column += _cells_at(char, column)
    return column

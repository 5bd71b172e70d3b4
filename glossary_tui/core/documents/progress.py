"""How far a reader has read a document: what spoiler-safe reading shows entities up to."""

from __future__ import annotations


class ReadingProgress:
    """The furthest point of a text of ``length`` characters the reader has had on screen, reading on from the start.

    Paging and scrolling on from what was read moves it on; a jump far ahead
    (the end of the book, a chapter from the contents, a match found) does
    not: the reader has not read what they skipped. Reading on from a jump
    counts once the reader has come back and read up to it.
    """

    def __init__(self, length: int, furthest: int = 0) -> None:
        self.length = length
        self.furthest = max(0, min(furthest, length))

    def seen(self, start: int, end: int) -> bool:
        """The text ``[start, end)`` is on screen; True if that took the furthest point read further."""
        if end <= self.furthest or start > self.furthest + max(end - start, 1):
            return False
        self.furthest = min(end, self.length)
        return True

    def read_up_to(self, offset: int) -> None:
        """The reader is known to have read up to ``offset`` (a saved furthest point or reading position)."""
        self.furthest = max(self.furthest, min(offset, self.length))

    def percent(self, offset: int | None = None) -> int:
        """``offset`` (by default the furthest point read) as a whole percentage of the text."""
        offset = self.furthest if offset is None else offset
        return 100 if not self.length else round(100 * min(offset, self.length) / self.length)

"""Searching the glossary's entries as the reader types: names, aliases and notes, in milliseconds at any size.

A library's glossary has tens of thousands of entries; testing each in a Python
loop takes longer than a keystroke allows. Each entry's searchable text is
folded once (:func:`~glossary_tui.core.entities.names.fold`) and all of them are
joined into one string, which ``str.find`` scans at C speed; a match's position
tells which entry it is in.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from glossary_tui.core.entities.names import fold
from glossary_tui.core.store.records import GlossaryEntry

#: Separates entries in the joined text; fold() never produces it.
_SEPARATOR = "\x00"


class GlossarySearch:
    """Entries (in the order given) whose name, aliases or note contain a query, ignoring case and accents."""

    def __init__(self, entries: Sequence[GlossaryEntry]) -> None:
        self.entries = list(entries)
        self._folded = [fold(" ".join((entry.name, *entry.aliases, entry.note))) for entry in self.entries]
        self._text = ""
        self._starts: list[int] = []
        self._positions: list[int] = []
        self.keep(lambda entry: True)

    def keep(self, wanted: Callable[[GlossaryEntry], bool]) -> int:
        """Search only the entries ``wanted`` accepts (a notes-only or one-document view); how many there are."""
        self._positions = [number for number, entry in enumerate(self.entries) if wanted(entry)]
        starts, parts, offset = [], [], 0
        for number in self._positions:
            starts.append(offset)
            parts.append(self._folded[number])
            offset += len(self._folded[number]) + 1
        self._starts = starts
        self._text = _SEPARATOR.join(parts)
        return len(self._positions)

    def find(self, query: str, limit: int) -> tuple[list[GlossaryEntry], bool]:
        """The first ``limit`` kept entries matching ``query`` (any, if it is empty), and whether more match."""
        wanted = fold(query)
        if not wanted:
            chosen = self._positions[: limit + 1]
        else:
            chosen = []
            text, starts = self._text, self._starts
            position = text.find(wanted)
            while position != -1 and len(chosen) <= limit:
                slot = bisect.bisect_right(starts, position) - 1
                chosen.append(self._positions[slot])
                following = starts[slot + 1] if slot + 1 < len(starts) else len(text)
                position = text.find(wanted, following)
        return [self.entries[number] for number in chosen[:limit]], len(chosen) > limit

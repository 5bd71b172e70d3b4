"""Searching the glossary's entries as the reader types: names, aliases and notes, in milliseconds at any size.

An entry matches when the query, ignoring case and accents
(:func:`~glossary_tui.core.entities.names.fold`), starts at the beginning of a
word of its name, aliases or note ("lav" finds "Sergey Lavrov", "war and" finds
"War and Peace"). A library's glossary has 100,000 entries, more than a Python
loop can test between two keystrokes. So each entry's text is folded once, with
a space before it, and all of them are joined into one string: the query with a
space before it is then found by ``str.find``, at C speed, only where a word
starts; a match's position tells which entry it is in, and the search stops as
soon as enough entries match.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from glossary_tui.core.entities.names import fold
from glossary_tui.core.store.records import GlossaryEntry

#: Separates entries in the joined text; fold() never produces it.
_SEPARATOR = "\x00"


class GlossarySearch:
    """Entries (in the order given) whose name, aliases or note have a word starting with a query."""

    def __init__(self, entries: Sequence[GlossaryEntry]) -> None:
        self.entries = list(entries)
        self._folded = [" " + fold(" ".join((entry.name, *entry.aliases, entry.note))) for entry in self.entries]
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
            needle, text, starts = " " + wanted, self._text, self._starts
            position = text.find(needle)
            while position != -1 and len(chosen) <= limit:
                slot = bisect.bisect_right(starts, position) - 1
                chosen.append(self._positions[slot])
                following = starts[slot + 1] if slot + 1 < len(starts) else len(text)
                position = text.find(needle, following)
        return [self.entries[number] for number in chosen[:limit]], len(chosen) > limit

"""Finding a phrase in a document's text, ignoring case, accents, quote styles and line breaks.

The text is folded one character for one character (``é`` -> ``e``, ``’`` ->
``'``, a newline -> a space), so an offset found in the folded text is an
offset in the text itself.
"""

from __future__ import annotations

import unicodedata
from functools import cached_property

#: Matches listed at most: past that, the count reads "50,000+".
MAX_MATCHES = 50_000
_PUNCTUATION = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}


def fold_character(char: str) -> str:
    """One character as searched: lower case, without accents, straight quotes, whitespace as a space."""
    if char.isspace():
        return " "
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


class TextSearch:
    """Every place a phrase occurs in ``text`` (the folded copy is made on the first search)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def folded(self) -> str:
        """``text`` folded character by character (same length)."""
        table = {ord(char): fold_character(char) for char in set(self.text)}
        return self.text.translate(table)

    def find_all(self, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
        """``(start, end)`` of each occurrence of ``query`` (folded alike), in text order, at most ``limit``."""
        needle = "".join(fold_character(char) for char in query)
        if not needle.strip():
            return []
        folded = self.folded
        matches: list[tuple[int, int]] = []
        position = folded.find(needle)
        while position != -1 and len(matches) < limit:
            matches.append((position, position + len(needle)))
            position = folded.find(needle, position + len(needle))
        return matches

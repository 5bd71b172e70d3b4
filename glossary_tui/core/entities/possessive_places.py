"""Places named after their owner: "Barnard’s Inn", "Lincoln's Inn", "Shooter’s Hill", "St. Paul’s Cathedral".

The model tags such a name in pieces: the owner alone ("Barnard", a person, or
"Lincoln", a town), the head word alone ("Inn", a person), or both apart where
the book's lines break ("Barnard’s" at the end of one line, "Inn" starting the
next). The book writes the whole name every time: a capitalised name, a
possessive, then capitalised words ending in a place's head word (the head
words of :mod:`~glossary_tui.core.entities.place_kinds`). Wherever the model
tagged a piece of such a name, the pieces become one mention of the place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary_tui.core.entities.place_kinds import FAC_HEADS, LOC_HEADS
from glossary_tui.core.entities.spans import NAME_LABELS
from glossary_tui.core.extraction.mentions import Mention

_HEADS = FAC_HEADS | LOC_HEADS
_SAINTS = ("", "St.", "Saint")
_CAPITALISED = r"[A-Z][^\W\d_]*"
#: An owner (one or two capitalised words, "St." before them), a possessive (a tokenised text writes "Lincoln 's"),
#: capitalised words up to a head word.
_POSSESSIVE_PLACE = re.compile(
    rf"(?<![\w.])(?:St\.\s+|Saint\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})? ?(?P<possessive>[’']s)\s+"
    rf"(?:{_CAPITALISED}\s+)*(?P<head>{'|'.join(sorted(head.capitalize() for head in _HEADS))})\b"
)


def join_possessive_places(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` (sorted by offset) with the pieces of every place named after its owner made one mention."""
    joined: list[Mention] = []
    index = 0
    for place in _places(text):
        while index < len(mentions) and mentions[index].end <= place.start:
            joined.append(mentions[index])
            index += 1
        pieces: list[Mention] = []
        while index < len(mentions) and mentions[index].start < place.end:
            (pieces if mentions[index].label in NAME_LABELS else joined).append(mentions[index])
            index += 1
        if pieces:
            start, end = place.start, max(place.end, max(piece.end for piece in pieces))
            first = pieces[0].start
            if first < start or (first < place.possessive and text[start:first].strip() not in _SAINTS):
                start = first  # "Then Lincoln's Inn": the owner is what the model tagged of it, a saint aside
            joined.append(Mention(start, end, text[start:end], place.kind))
    joined += mentions[index:]
    return joined


@dataclass(frozen=True)
class _Place:
    start: int
    possessive: int
    end: int
    kind: str


@lru_cache(maxsize=4)
def _places(text: str) -> tuple[_Place, ...]:
    """Every place named after its owner in ``text`` (found once per text: the reader regroups a book as it
    streams in)."""
    return tuple(
        _Place(match.start(), match.start("possessive"), match.end(), _kind(match.group("head")))
        for match in _POSSESSIVE_PLACE.finditer(text)
        if "\n\n" not in match.group()
    )


def _kind(head: str) -> str:
    return "FAC" if head.lower() in FAC_HEADS else "LOC"

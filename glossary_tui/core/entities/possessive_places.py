"""Places and firms named after their owner: "Barnard’s Inn", "Lincoln's Inn", "St. Paul’s Cathedral", "Tellson’s Bank".

The model tags such a name in pieces: the owner alone ("Barnard", a person, or
"Lincoln", a town), the head word alone ("Inn", a person), or both apart where
the book's lines break ("Barnard’s" at the end of one line, "Inn" starting the
next). The book writes the whole name every time: a capitalised name, a
possessive, then capitalised words ending in a place's head word (the head
words of :mod:`~glossary_tui.core.entities.place_kinds`). Wherever the model
tagged a piece of such a name, the pieces become one mention of the place
(or of the firm: a bank or a company named after its founder, an organisation).

Such a name is also written short, the owner's possessive alone: "at
Tellson’s" is at Tellson’s Bank. :func:`possessive_owners` gives the owners
the book names places and firms after, with their label, for the labelling
to read a name written mostly in the possessive as the firm.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary_tui.core.entities.names import name_key, word_set
from glossary_tui.core.entities.place_kinds import FAC_HEADS, LOC_HEADS
from glossary_tui.core.entities.spans import NAME_LABELS
from glossary_tui.core.extraction.mentions import Mention

#: Last words of firms named after their founder ("Tellson’s Bank", "Dombey's Company").
FIRM_HEADS = word_set("bank company")
_HEADS = FAC_HEADS | LOC_HEADS | FIRM_HEADS
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
def possessive_owners(text: str) -> dict[str, str]:
    """The owners (name keys: "tellson", "barnard") of the places and firms ``text`` names after them, with
    the label of what they own most often (FAC, LOC or ORG: "Tellson’s Bank" more often than "Tellson’s House")."""
    kinds: dict[str, Counter[str]] = {}
    for place in _places(text):
        kinds.setdefault(name_key(text[place.start : place.possessive]), Counter())[place.kind] += 1
    return {owner: kind.most_common(1)[0][0] for owner, kind in kinds.items()}


@lru_cache(maxsize=4)
def _places(text: str) -> tuple[_Place, ...]:
    """Every place named after its owner in ``text`` (found once per text: the reader regroups a book as it
    streams in)."""
    return tuple(
        _Place(match.start(), match.start("possessive"), match.end(), _kind(match.group("head")))
        for match in _POSSESSIVE_PLACE.finditer(text)
        if "\n\n" not in match.group() and not _a_firm_named_at_length(match)
    )


def _a_firm_named_at_length(match: re.Match[str]) -> bool:
    """ "Leichardt's Land Steam Navigation Company": a firm's head word far from the owner names a thing of its own
    (the firm is named after the land, not after Leichardt); a firm named after its founder is "Tellson’s Bank"."""
    return _kind(match.group("head")) == "ORG" and bool(
        match.string[match.end("possessive") : match.start("head")].strip()
    )


def _kind(head: str) -> str:
    head = head.lower()
    return "FAC" if head in FAC_HEADS else "ORG" if head in FIRM_HEADS else "LOC"

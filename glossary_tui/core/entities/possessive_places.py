"""Places and firms named after their owner: "Barnard’s Inn", "Van Diemen’s Land", "Tellson’s Bank".

The model tags such a name in pieces: the owner alone ("Barnard", a person, or
"Lincoln", a town), the head word alone ("Inn", a person), or both apart where
the book's lines break ("Barnard’s" at the end of one line, "Inn" starting the
next). The book writes the whole name every time: a capitalised name, a
possessive, then capitalised words ending in a place's head word (the head
words of :mod:`~glossary_tui.core.entities.place_kinds`). Wherever the model
tagged a piece of such a name, the pieces become one mention of the place
(a town or a land is a political place: "Leichardt's Town", "Van Diemen’s
Land"), or of the firm: a bank or a company named after its founder, an
organisation. A firm may be named after such a place ("the Leichardt's Land
Steam Navigation Company": a firm's head word far from the owner) or hold it
after "of" as the model tagged it ("the Bank of Leichardt's Land"): it is one
mention of the firm, whose owner is no founder.

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
from glossary_tui.core.entities.place_kinds import FAC_HEADS, GPE_HEADS, LOC_HEADS
from glossary_tui.core.entities.spans import NAME_LABELS
from glossary_tui.core.extraction.mentions import Mention

#: Last words of firms named after their founder ("Tellson’s Bank", "Dombey's Company").
FIRM_HEADS = word_set("bank company")
#: Last words of political places named after someone ("Leichardt's Town", "Van Diemen’s Land").
OWNED_GPE_HEADS = GPE_HEADS | word_set("land")
_HEADS = FAC_HEADS | LOC_HEADS | OWNED_GPE_HEADS | FIRM_HEADS
_SAINTS = ("", "St.", "Saint")
_CAPITALISED = r"[A-Z][^\W\d_]*"
#: What stands between a longer name's start and a place it holds: "the Bank of" (Leichardt's Land).
_OF_BEFORE = re.compile(r"\bof\s*$")
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
            start, end, label = place.start, max(place.end, max(piece.end for piece in pieces)), place.kind
            first = pieces[0]
            if first.start < start or (
                first.start < place.possessive and text[start : first.start].strip() not in _SAINTS
            ):
                start = first.start  # "Then Lincoln's Inn": the owner is what the model tagged of it, a saint aside
                if _OF_BEFORE.search(text, first.start, place.start):
                    label = first.label  # "the Bank of Leichardt's Land": the name holding the place, as tagged
            joined.append(Mention(start, end, text[start:end], label))
    joined += mentions[index:]
    return joined


@dataclass(frozen=True)
class _Place:
    start: int
    possessive: int
    end: int
    kind: str
    #: False for a firm named after a place ("Leichardt's Land Steam Navigation Company"), not after its founder.
    owned: bool


@lru_cache(maxsize=4)
def possessive_owners(text: str) -> dict[str, str]:
    """The owners (name keys: "tellson", "barnard") of the places and firms ``text`` names after them, with
    the label of what they own most often (FAC, LOC or ORG: "Tellson’s Bank" more often than "Tellson’s House")."""
    kinds: dict[str, Counter[str]] = {}
    for place in _places(text):
        if not place.owned:
            continue
        kinds.setdefault(name_key(text[place.start : place.possessive]), Counter())[place.kind] += 1
    return {owner: kind.most_common(1)[0][0] for owner, kind in kinds.items()}


@lru_cache(maxsize=4)
def _places(text: str) -> tuple[_Place, ...]:
    """Every place named after its owner in ``text`` (found once per text: the reader regroups a book as it
    streams in)."""
    return tuple(
        _Place(match.start(), match.start("possessive"), match.end(), _kind(match.group("head")), _owned(match))
        for match in _POSSESSIVE_PLACE.finditer(text)
        if "\n\n" not in match.group()
    )


def _owned(match: re.Match[str]) -> bool:
    """False for a firm whose head word stands far from the owner: "Leichardt's Land Steam Navigation Company" is
    named after the land, not after Leichardt; a firm named after its founder is "Tellson’s Bank"."""
    return (
        _kind(match.group("head")) != "ORG" or not match.string[match.end("possessive") : match.start("head")].strip()
    )


def _kind(head: str) -> str:
    head = head.lower()
    if head in FAC_HEADS:
        return "FAC"
    return "ORG" if head in FIRM_HEADS else "GPE" if head in OWNED_GPE_HEADS else "LOC"

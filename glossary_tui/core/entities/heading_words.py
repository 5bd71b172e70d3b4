"""Chapter headings' words the model takes for names: "Chapter I Out to Sea", "THE MAGNET ATTRACTING -- A WAIF".

A chapter opens with a keyword and a number ("CHAPTER I.", "Book One", "Part
II"), then often a title in capitalised words ("Out to Sea", "THE MAGNET
ATTRACTING -- A WAIF AMID FORCES"). The model tags capitalised common words
there as names: "Sea" a place, "MAGNET ATTRACTING" an organisation.
:func:`heading_runs` finds the headings: from the keyword and its number at a
line's start, the run of capitalised words, numbers, small linking words
("of", "to", "the") and punctuation that follows, blank lines included (a
Gutenberg book sets the title a paragraph below the number), up to the first
other lowercase word (a text that runs the heading into its first sentence,
as LitBank's, ends the run there: "Out to Sea I had").

:func:`only_in_headings` tells a name written only there, every word of which
is a common English word (the dictionary has it, or its stem: "attracting",
"forces"), from a name: a heading names real places too ("A VOYAGE TO
LILLIPUT": no common word) and the book's prose names the places its titles
give ("The Castle" of a title, "the Castle" of the story).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from glossary_tui.core.documents.readers.headings import CHAPTER_KEYWORDS, PART_KEYWORDS, cased
from glossary_tui.core.entities.class_nouns import is_dictionary_word
from glossary_tui.core.entities.names import TITLES, word_set
from glossary_tui.core.extraction.mentions import Mention

_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve first second third fourth fifth"
_NUMBER = "|".join(
    [r"\d+", "[IVXLCDM]+", *(form for word in _NUMBER_WORDS.split() for form in (word.title(), word.upper()))]
)
#: Small words a heading's title holds in lowercase ("Out to Sea").
SMALL_WORDS = word_set("a an and as at but by for from in into of on or the to with")
_SMALL = "|".join(sorted(SMALL_WORDS))
#: A heading: a keyword and its number at a line's start, then capitalised words, numbers, small words, punctuation.
_HEADING = re.compile(
    rf"(?m)^[ \t]*(?:{cased((*CHAPTER_KEYWORDS, *PART_KEYWORDS))})[ \t]+"
    rf"(?:{_NUMBER})\b(?:\s+|[.:;,!?()\"“”‘’'—–-]+|[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*|\d+|(?:{_SMALL})\b)*"
)
#: Characters of a heading looked at, at most (a long run of capitals is prose in capitals, not a title).
MAX_HEADING = 200
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def heading_runs(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every chapter heading of ``text`` with its title, in order (see the module)."""
    return tuple((match.start(), min(match.end(), match.start() + MAX_HEADING)) for match in _HEADING.finditer(text))


def only_in_headings(group: Sequence[Mention], text: str) -> bool:
    """True if every mention of ``group`` (one name's) lies in a chapter heading and every word of the name is a
    common English word, no title ("Sea", "MAGNET ATTRACTING"; not "LILLIPUT", "Captain")."""
    runs = heading_runs(text)
    if not runs or not all(_in_a_heading(mention, runs) for mention in group):
        return False
    words = _WORD.findall(group[0].text)
    return bool(words) and all(
        word.lower() in SMALL_WORDS or (_common_word(word) and word.lower() not in TITLES) for word in words
    )


def _in_a_heading(mention: Mention, runs: tuple[tuple[int, int], ...]) -> bool:
    index = bisect.bisect_right(runs, mention.start, key=lambda run: run[0]) - 1
    return index >= 0 and mention.end <= runs[index][1]


def _common_word(word: str) -> bool:
    """True if the dictionary has ``word`` in lowercase, or its stem ("attracting", "forces", "married")."""
    written = word.lower().capitalize()
    stems = [written]
    for ending, restored in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if written.endswith(ending) and len(written) > len(ending) + 2:
            stems.append(written[: -len(ending)] + restored)
    return any(is_dictionary_word(stem) for stem in stems)

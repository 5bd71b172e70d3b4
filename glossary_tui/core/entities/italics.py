"""Names written only in italics: titles of works, ships, foreign words, not people or places to look up.

Gutenberg marks italics with underscores: "the Minuet in _Samson_", "I do want
to buy _Undine and Sintran_", "(_Mem._, get recipe)", "a shout of _Hekinah
degul_" (a tokenised text, as LitBank's, writes "_ Samson _"). Italics hold the
titles of books, operas, newspapers and ships, words of a foreign tongue, and
emphasis. The model tags the capitalised words inside as people or places; a
name written in italics every time it is tagged is none a reader looks up in a
list of people and places:

- an italic run that is a title (its words all capitalised, small linking
  words such as "and", "of", "the" aside: "_Samson_", "_Undine and Sintran_",
  "_The Times_") makes the name a work (WORK_OF_ART, a label the glossary shows
  and no list of people or places counts);
- a name inside a longer run of lowercase words ("_Hekinah degul_", a sentence
  in italics) is a foreign word or an emphasised phrase: its mentions go.

A text shorter than :data:`~glossary_tui.core.entities.labelling.MIN_BOOK_CHARS`
(a news story) keeps its names as labelled. A name the book writes outside
italics too keeps every mention and its label:
a person emphasised once ("_John_," thought madame) stays a person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from glossary_tui.core.entities.class_nouns import NAME_LABELS
from glossary_tui.core.entities.label_cues import names_by_unit, relabel_names
from glossary_tui.core.entities.labelling import MIN_BOOK_CHARS  # a shorter text keeps its names, as labelled
from glossary_tui.core.entities.names import word_set
from glossary_tui.core.extraction.mentions import Mention

#: The label a name written only as an italic title takes.
TITLE_LABEL = "WORK_OF_ART"
#: Lowercase words a title in italics may hold ("_Undine and Sintran_", "_The Pilgrim's Progress_").
TITLE_LINK_WORDS = word_set("and of the a an in on at to for with from by de la le du des von van s")
#: An underscore that marks italics: not inside a word ("snake_case").
_MARKER = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


def italic_names(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` with the names written only in italics made works or dropped (see the module)."""
    runs = _italic_runs(text) if len(text) >= MIN_BOOK_CHARS else ()
    if not runs:
        return list(mentions)
    groups = names_by_unit(mentions, NAME_LABELS)
    new_labels: dict[str, str | None] = {}
    for unit, group in groups.items():
        found = [_run_around(mention, runs) for mention in group]
        if all(found):
            new_labels[unit] = TITLE_LABEL if all(_is_title(text[run[0] : run[1]]) for run in found if run) else None
    return relabel_names(mentions, new_labels, NAME_LABELS)


def _run_around(mention: Mention, runs: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """The italic run (between its underscores) ``mention`` lies in, if any (its span may hold the underscores)."""
    index = bisect.bisect_right(runs, mention.start + 1, key=lambda run: run[0]) - 1
    if index < 0:
        return None
    start, end = runs[index]
    return runs[index] if start - 1 <= mention.start and mention.end <= end + 1 else None


def _is_title(run: str) -> bool:
    """True if every word of the italic ``run`` is capitalised, a number or a small linking word."""
    words = _WORD.findall(run)
    return bool(words) and all(
        word[0].isupper() or word.isdigit() or word.lower() in TITLE_LINK_WORDS for word in words
    )


@lru_cache(maxsize=4)
def _italic_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The italic runs of ``text`` as ``(start, end)`` between their underscores, in order (found once per text:
    the reader regroups a book as it streams in).

    Within a paragraph an underscore opens a run when no word stands right before it and one right after
    ("_Samson"), closes it in the mirror case ("Samson_"); one spaced on both sides (a tokenised "_ Samson _")
    opens or closes as the run before it left off. A run never crosses a paragraph break."""
    runs: list[tuple[int, int]] = []
    if "_" not in text:
        return ()
    breaks = [match.start() for match in _PARAGRAPH_BREAK.finditer(text)]
    opened: int | None = None
    paragraph = 0
    for marker in _MARKER.finditer(text):
        position = marker.start()
        here = bisect.bisect_right(breaks, position)
        if here != paragraph:
            paragraph, opened = here, None
        before = text[position - 1 : position]
        after = text[position + 1 : position + 2]
        opens = (not before or not before.isalnum()) and after.isalnum()
        closes = not after.isalnum() and bool(before) and not before.isspace()
        if opens and not closes:
            opened = position + 1
        elif opened is not None and (closes or not opens):
            runs.append((opened, position))
            opened = None
        elif opened is None and not closes:
            opened = position + 1
    return tuple(runs)

"""How a book writes its words: lowercase, capitalised inside a sentence, or only where a sentence starts.

A name is capitalised wherever it stands; a common word is capitalised only
where a sentence, a line or a quotation starts. So the book itself tells which
capitalised words the model took in are names: "Evidently" (26 times, always
first in its sentence; "evidently" 324 times) is not one, "Moscow" (720 times,
628 of them inside a sentence) is. Counted once per text and remembered, as the
reader regroups the same book many times while it streams in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")
#: A word at the start of a sentence (after . ! ? … not ending a title's abbreviation), of a line,
#: of a quotation or parenthesis, or after a dash.
_INITIAL = re.compile(
    r"[.!?…\n\"“‘(—-](?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bSr\.)(?<!\b[A-Z]\.)"
    r"[\"”’')\]_*]*\s*[\"“‘'(\[_*]*([^\W\d_]+)"
)
#: A word is common when the book writes it lowercase more than this many times as often as
#: capitalised inside a sentence.
COMMON_RATIO = 2


@dataclass(frozen=True)
class BookWords:
    """Counts of every word form of a text, and of the forms that start a sentence, line or quotation."""

    forms: Counter[str]
    initial: Counter[str]
    #: The cues seen around each mention, by ``(start, end)``, kept for the next regrouping of the same text
    #: (filled by :mod:`~glossary_tui.core.entities.label_cues`).
    contexts: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def lowercase(self, word: str) -> int:
        """How often the book writes ``word`` all in lowercase."""
        return self.forms[word.lower()]

    def capitalised_inside(self, word: str) -> int:
        """How often the book writes ``word`` (capitalised as given, or all capitals as a title) inside a sentence."""
        form = word.capitalize() if word.isupper() and len(word) > 1 else word
        return self.forms[form] - self.initial[form]

    def is_common(self, word: str) -> bool:
        """True if the book uses ``word`` as a common word: mostly lowercase, seldom capitalised inside a sentence."""
        lower = self.lowercase(word)
        return lower > 0 and lower > COMMON_RATIO * self.capitalised_inside(word)


@lru_cache(maxsize=4)
def book_words(text: str) -> BookWords:
    """The word counts of ``text`` (computed once per text)."""
    return BookWords(Counter(_WORD.findall(text)), Counter(_INITIAL.findall(text)))

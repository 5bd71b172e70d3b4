"""Small books for the tests of the stages after labelling: filler, the mentions of a word, labels by name."""

import re

from glossary_tui.core.entities.labelling import MIN_BOOK_CHARS
from glossary_tui.core.extraction.mentions import Mention

#: Filler that makes a text long enough to be read as a book (lowercase: no names in it).
FILLER = " and the rain went on over the marsh." * (MIN_BOOK_CHARS // 30)


def mentions_of(text: str, word: str, label: str = "PERSON") -> list[Mention]:
    """Every occurrence of ``word`` in ``text`` as a mention (an underscore, "_Samson_", is no letter)."""
    found = re.finditer(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text)
    return [Mention(m.start(), m.end(), word, label) for m in found]


def labels_by_name(mentions: list[Mention]) -> dict[str, set[str]]:
    """The labels each name's mentions have."""
    found: dict[str, set[str]] = {}
    for mention in mentions:
        found.setdefault(mention.text, set()).add(mention.label)
    return found

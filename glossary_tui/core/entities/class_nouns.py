"""Capitalised words a book uses as common nouns: "a German", "an Elphberg", "three Brahmins".

A name does not take an indefinite determiner: "a German" is one of a kind,
"an Elphberg" one of a family, "a Native Son" one of a club, "three Brahmins"
three of a caste. The model tags such words as people or organisations; a
reader looking for who is who does not want them listed. A name whose
mentions follow an indefinite determiner or a number ("a", "another",
"every", "three"...) at least a quarter of the time is such a word, and all its
mentions go. A name used that way now and then stays: "a Napoleon" a few
times among a thousand mentions of Napoleon.

A place before a lowercase noun is a place said as an adjective ("a London
practice", "an Arizona cave"): still the place, so that use is not counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from glossary_tui.core.entities.names import name_key
from glossary_tui.core.extraction.mentions import Mention

#: Labels of the mentions looked at.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Labels of places: said before a lowercase noun they are adjectives, not class nouns.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words that go before a common noun and never before a name.
INDEFINITE = frozenset(
    {"a", "an", "another", "any", "every", "each", "several", "many", "some", "such"}
    | {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
)
#: Share of a name's mentions after an indefinite word that makes it a common noun.
CLASS_SHARE = 1 / 4
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]+)[ \t]*\n?[ \t]*$")
_LOWERCASE_AFTER = re.compile(r"[ \t]*\n?[ \t]*[a-z]")
#: How far back the word before a mention is looked for.
_REACH = 16


def drop_class_nouns(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` without those of names the book uses as common nouns (see the module)."""
    uses: Counter[str] = Counter()
    class_uses: Counter[str] = Counter()
    for mention in mentions:
        if mention.label in NAME_LABELS:
            key = name_key(mention.text)
            uses[key] += 1
            class_uses[key] += _is_class_use(mention, text)
    common = {key for key, count in class_uses.items() if count and count >= CLASS_SHARE * uses[key]}
    if not common:
        return list(mentions)
    return [mention for mention in mentions if mention.label not in NAME_LABELS or name_key(mention.text) not in common]


def _is_class_use(mention: Mention, text: str) -> bool:
    """True if an indefinite word stands right before ``mention`` (a place before a lowercase noun aside)."""
    before = _WORD_BEFORE.search(text, max(0, mention.start - _REACH), mention.start)
    if before is None or before.group(1).lower() not in INDEFINITE:
        return False
    return not (mention.label in PLACE_LABELS and _LOWERCASE_AFTER.match(text, mention.end))

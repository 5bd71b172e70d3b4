"""Names the labelling dropped that are names by their form (a given name, a title before a name) or known places.

The label model drops a name it finds most likely no name, and most one-off
"names" the model tags in fiction are one-off words ("Behold", "Gothic",
"Michaelmas"). But some names are names wherever they stand: a given name of
the census table ("Harry", "Alice", "Mollie"), alone or before capitalised
words ("Larry Lefferts"), that the book does not use as a common word; and a
person's title before capitalised words ("Countess Amelia", "Judge Thatcher").
Those are kept, as people unless the model voted them a place ("Virginia").
And a name the model called a place that is a country, continent, US state or
city of the world ("Vienna", "Lynchburg"; :mod:`~glossary_tui.core.entities.places`) is
kept as the place the model said it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from glossary_tui.core.entities.aliases import TITLES
from glossary_tui.core.entities.book_words import BookWords, book_words
from glossary_tui.core.entities.labelling import KINSHIP_WORDS
from glossary_tui.core.entities.names import given_name_share, spelling_key
from glossary_tui.core.entities.places import is_known_place
from glossary_tui.core.extraction.mentions import Mention

#: Labels a kept given name may carry as the model voted them (else it is a person).
PERSON_VOTES = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
#: Share (in percent) of the census's people with a given name for it to count as one ("Mollie" 0.02).
GIVEN_NAME_SHARE = 0.01
#: Labels of the mentions looked at.
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"})
#: Labels of places: a name voted one is kept if it is a known place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s?$")


def keep_given_names(cleaned: Sequence[Mention], labelled: Sequence[Mention], text: str) -> list[Mention]:
    """``labelled`` and the mentions of ``cleaned`` it dropped that are given names or known places (see the
    module), sorted."""
    kept = {(mention.start, mention.end) for mention in labelled}
    starts = sorted(mention.start for mention in labelled)
    words = book_words(text)
    restored = []
    for mention in cleaned:
        if mention.label not in NAME_LABELS or (mention.start, mention.end) in kept:
            continue
        if _overlapped(mention, labelled, starts):
            continue
        if not (_given_name_first(mention.text, words) or _is_known_place(mention)):
            continue
        if mention.text.lower() in KINSHIP_WORDS:  # "Son": a given name in the census, but a mother's word here
            continue
        if mention.label in PERSON_VOTES and mention.label != "PERSON":
            mention = Mention(mention.start, mention.end, mention.text, "PERSON")
        restored.append(mention)
    return sorted([*labelled, *restored])


def _given_name_first(text: str, words: BookWords) -> bool:
    """True if ``text`` is a given name, alone or before capitalised words, that the book does not use as a common
    word, or a person's title before capitalised words ("Countess Amelia", "Judge Thatcher")."""
    pieces = text.split()
    if len(pieces) > 1 and pieces[0].rstrip(".").lower() in TITLES and pieces[0][0].isupper():
        return all(piece[0].isupper() for piece in pieces[1:])
    first = _WORD.fullmatch(_POSSESSIVE.sub("", pieces[0]) if len(pieces) == 1 else pieces[0])
    if first is None or not first.group()[0].isupper() or first.group().isupper():
        return False
    if any(not piece[0].isupper() for piece in pieces[1:]):
        return False
    word = first.group()
    return given_name_share(spelling_key(word)) >= GIVEN_NAME_SHARE and not words.is_common(word)


def _is_known_place(mention: Mention) -> bool:
    """True if the model called ``mention`` a place and its name is a well-known one (``places.txt``)."""
    return mention.label in PLACE_LABELS and is_known_place(mention.text)


def _overlapped(mention: Mention, others: Sequence[Mention], starts: list[int]) -> bool:
    """True if a mention of ``others`` (sorted, with ``starts``) overlaps ``mention`` (a span the labelling split)."""
    index = bisect.bisect_left(starts, mention.end)
    return any(other.end > mention.start for other in others[max(0, index - 4) : index])

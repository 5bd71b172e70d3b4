"""Capitalised words a book writes like names that name no one: things, feasts, degrees, institutions said once.

The model tags what is capitalised, and the labelling gives every tagged
name a kind; some are no person, place or organisation a reader looks up,
and the book's own writing shows it:

- **A thing written "the X"**: "the Moonstone passed", "the Diamond", "the
  Boar's coffee-room". A person is seldom "the" anything; a name decided a
  person that the book writes after "the" at least half the time, whose words
  are common English words, with no cue of a person anywhere (no title, no
  "said X", no "X, who"; a possessive or "old" before it are a thing's too),
  is a thing: a place (FAC) if the book puts it after "at/in/to the" ("at
  the Boar", "near the old Battery"), else an object (PRODUCT, a label the
  glossary shows but no list of people counts).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from glossary_tui.core.entities.book_words import book_words
from glossary_tui.core.entities.class_nouns import is_dictionary_word
from glossary_tui.core.entities.label_cues import EVIDENCE_CUES, name_cues, name_unit
from glossary_tui.core.entities.names import TITLES, strip_possessive, word_set
from glossary_tui.core.extraction.mentions import Mention

#: Labels of the mentions looked at.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: A text shorter than this keeps its names (as the labelling does: too few mentions to read).
MIN_BOOK_CHARS = 5000
#: Share of a name's mentions written "the X" that makes it a thing rather than a person.
THING_THE_SHARE = 0.5
#: Cues of a person a thing's name takes too: "the Boar's coffee-room", "the old Battery".
THING_CUES = frozenset({"possessive", "epithet_before"})
#: The cues that say a name is a person's, one seen anywhere enough.
PERSON_CUES = tuple(cue for cue in EVIDENCE_CUES["PERSON"] if cue not in THING_CUES)
#: Small words a name's own words may hold besides common words ("Order of the Bath").
_LINK_WORDS = word_set("of the and &")
#: Prepositions before "the X" that make it a place ("at the Boar"; not "in the Gospel", "according to the Gospel").
AT_WORDS = word_set("at near towards toward beyond outside")
_AT_THE = re.compile(r"\b(?i:" + "|".join(sorted(AT_WORDS)) + r")\s+the\s+(?:[a-z]+\s+)?$")
#: "the X", or "the" and one lowercase word ("the old Battery", "the yellow Diamond").
_THE = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?$")
#: How far back "the" (and a preposition before it) is looked for.
_REACH = 24


def relabel_non_names(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` with things written "the X" no longer people (see the module)."""
    if len(text) < MIN_BOOK_CHARS:
        return list(mentions)
    groups: defaultdict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.label in NAME_LABELS:
            groups[name_unit(mention.text)].append(mention)
    names = [mention for mention in mentions if mention.label in NAME_LABELS]
    cues = name_cues(names, text, book_words(text))
    new_labels: dict[str, str] = {}
    for unit, group in groups.items():
        label = _thing_label(group, text, sum(cues[unit].seen[cue] for cue in PERSON_CUES))
        if label:
            new_labels[unit] = label
    if not new_labels:
        return list(mentions)
    relabelled = []
    for mention in mentions:
        label = new_labels.get(name_unit(mention.text)) if mention.label in NAME_LABELS else None
        relabelled.append(Mention(mention.start, mention.end, mention.text, label) if label else mention)
    return relabelled


def _thing_label(group: Sequence[Mention], text: str, person_cues: int) -> str | None:
    """FAC or PRODUCT for a name decided a person that is a thing written "the X" (see the module), else None."""
    if any(mention.label != "PERSON" for mention in group) or person_cues:
        return None
    if not _common_words(group[0].text):
        return None
    befores = [_before(mention, text) for mention in group]
    if sum(_THE.search(before) is not None for before in befores) < THING_THE_SHARE * len(group):
        return None
    return "FAC" if any(_AT_THE.search(before) for before in befores) else "PRODUCT"


def _before(mention: Mention, text: str) -> str:
    """The text just before ``mention``, with the "the" its span starts with if any ("at" + "the Boar")."""
    before = text[max(0, mention.start - _REACH) : mention.start]
    return before + "the " if mention.text.lower().startswith("the ") else before


def _common_words(name: str) -> bool:
    """True if every word of ``name`` (small linking words aside, a leading "the" too) is a common English word
    and no title ("the Emperor" is a person, named by his rank)."""
    words = [strip_possessive(word).strip(".,’'") for word in name.split()]
    words = [word for word in words if word and word.lower() not in _LINK_WORDS]
    return bool(words) and all(is_dictionary_word(word) and word.lower() not in TITLES for word in words)

"""Who appears with whom: counted by paragraph, most frequent first, dates and numbers left out."""

from __future__ import annotations

import re

from glossary_tui.core.entities.cooccurrence import Companion, Cooccurrence, paragraph_starts
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.mentions import Mention

LABELS = {"Pierre": "PERSON", "Natasha": "PERSON", "Andrew": "PERSON", "Moscow": "GPE", "1812": "DATE"}


def entities_in(text: str) -> list[Entity]:
    """One entity per name of :data:`LABELS` found in ``text``, with every occurrence as a mention."""
    entities = []
    for name, label in LABELS.items():
        mentions = tuple(Mention(m.start(), m.end(), name, label) for m in re.finditer(name, text))
        if mentions:
            entities.append(Entity(name.lower(), name, label, (), mentions))
    return entities


def test_paragraphs_are_blank_line_separated_or_lines_when_there_is_no_blank_line():
    assert paragraph_starts("one\ntwo\n\nthree\n") == [0, 9]
    assert paragraph_starts("one\ntwo\nthree") == [0, 4, 8]


def test_companions_counted_once_per_paragraph_most_frequent_first():
    text = "\n\n".join(
        [
            "Pierre met Natasha, and Natasha smiled. Pierre left for Moscow.",
            "Pierre and Natasha in 1812.",
            "Andrew saw Pierre.",
            "Natasha alone.",
        ]
    )
    together = Cooccurrence(entities_in(text), text)
    assert together.companions("pierre") == [Companion("natasha", 2), Companion("moscow", 1), Companion("andrew", 1)]
    assert together.companions("natasha") == [Companion("pierre", 2), Companion("moscow", 1)]
    assert together.companions("pierre", limit=1) == [Companion("natasha", 2)]


def test_dates_keep_no_company_and_unknown_or_lonely_entities_have_none():
    text = "Natasha in 1812.\n\nPierre alone."
    together = Cooccurrence(entities_in(text), text)
    assert together.companions("natasha") == []
    assert together.companions("1812") == []
    assert together.companions("pierre") == []
    assert together.companions("nobody") == []


def test_ties_go_to_the_more_mentioned_entity():
    text = "Pierre, Andrew and Moscow.\n\nMoscow again.\n\nMoscow once more."
    together = Cooccurrence(entities_in(text), text)
    assert together.companions("pierre") == [Companion("moscow", 1), Companion("andrew", 1)]

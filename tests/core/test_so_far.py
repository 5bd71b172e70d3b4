"""Spoiler-safe reading: the entities of the text up to a point, and what --until accepts."""

from __future__ import annotations

import pytest

from glossary_tui.core.entities.corrections import Correction
from glossary_tui.core.entities.so_far import entities_until, mentions_until, parse_limit
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.mentions import Mention

TEXT = "Pierre met Anna. Later Count Pierre Bezukhov left Moscow with Natasha."


def mention(text: str, label: str = "PERSON", occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Mention(start, start + len(text), text, label)


MENTIONS = [
    mention("Pierre"),
    mention("Anna"),
    mention("Pierre Bezukhov"),
    mention("Moscow", "GPE"),
    mention("Natasha"),
]


@pytest.mark.parametrize(("spec", "offset"), [("25%", 250), ("0%", 0), ("100%", 1000), ("12.5%", 125), ("400", 400),
                                              ("5000", 1000), (" 30 % ", 300)])  # fmt: skip
def test_parse_limit(spec, offset):
    assert parse_limit(spec, 1000) == offset


@pytest.mark.parametrize("spec", ["", "abc", "-3", "101%", "2.5", "25%%"])
def test_parse_limit_refuses_what_it_cannot_read(spec):
    with pytest.raises(GlossaryError, match="--until"):
        parse_limit(spec, 1000)


def test_entities_until_hold_nothing_from_further_on():
    limit = TEXT.index("Later")
    assert mentions_until(MENTIONS, limit) == MENTIONS[:2]
    entities = entities_until(TEXT, MENTIONS, [], limit)
    assert [(e.name, e.count, e.aliases) for e in entities] == [("Pierre", 1, ()), ("Anna", 1, ())]
    everything = entities_until(TEXT, MENTIONS, [], len(TEXT))
    pierre = next(e for e in everything if e.name == "Pierre Bezukhov")
    assert pierre.count == 2  # the full name, known only later, names him once the text gets there


def test_a_phrase_the_reader_added_counts_only_before_the_limit():
    added = Correction("add", "Moscow", "GPE")
    assert not [e for e in entities_until(TEXT, MENTIONS[:2], [added], TEXT.index("Moscow")) if e.name == "Moscow"]
    found = [e for e in entities_until(TEXT, MENTIONS[:2], [added], len(TEXT)) if e.name == "Moscow"]
    assert found and found[0].count == 1

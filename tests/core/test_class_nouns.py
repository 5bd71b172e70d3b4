"""Capitalised words used as common nouns ("a German", "three Brahmins") are no names."""

import re

from glossary_tui.core.entities.class_nouns import drop_class_nouns
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.extraction.mentions import Mention


def mentions_of(text: str, word: str, label: str = "PERSON") -> list[Mention]:
    return [Mention(m.start(), m.end(), word, label) for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


def kept(text: str, mentions: list[Mention]) -> list[str]:
    return [m.text for m in drop_class_nouns(mentions, text)]


def test_a_name_said_with_an_indefinite_word_is_a_common_noun_and_all_its_mentions_go():
    text = "The note was written by a German. The German is rude to his verbs. Holmes laughed."
    mentions = [*mentions_of(text, "German"), *mentions_of(text, "Holmes")]
    assert kept(text, mentions) == ["Holmes"]


def test_a_number_before_a_plural_name_makes_it_a_common_noun():
    text = "The three Brahmins watched. The Brahmins followed the diamond."
    assert kept(text, mentions_of(text, "Brahmins", "ORG")) == []


def test_a_name_said_with_an_indefinite_word_now_and_then_stays():
    text = "He was a Napoleon of finance. " + "Napoleon rode on. " * 4
    assert kept(text, mentions_of(text, "Napoleon")) == ["Napoleon"] * 5


def test_a_place_before_a_lowercase_noun_is_an_adjective_not_a_common_noun():
    text = "He gave up a London practice and a London career to leave London."
    assert kept(text, mentions_of(text, "London", "GPE")) == ["London"] * 3


def test_a_person_before_a_lowercase_noun_still_counts():
    text = "He was a Puritan gentleman, and the Puritan prayed."
    assert kept(text, mentions_of(text, "Puritan")) == []


def test_build_entities_lists_no_common_noun():
    text = "Pip met a Finch of the Grove. Pip laughed."
    mentions = [*mentions_of(text, "Pip"), *mentions_of(text, "Finch"), *mentions_of(text, "Grove", "ORG")]
    assert [e.name for e in build_entities(mentions, text)] == ["Pip", "Grove"]

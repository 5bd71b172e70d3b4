"""Capitalised words used as common nouns ("a German", "three Brahmins") are no names."""

import re

from glossary_tui.core.entities.class_nouns import drop_class_nouns, drop_lone_dictionary_words
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.entities.names import surname_share
from glossary_tui.core.extraction.mentions import Mention
from tests.core.book_stage import mentions_of


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


def lone(text: str, *spans: tuple[str, str]) -> list[str]:
    mentions = []
    for span, label in spans:
        start = text.index(span)
        mentions.append(Mention(start, start + len(span), span, label))
    return [m.text for m in drop_lone_dictionary_words(mentions, text)]


def test_a_common_word_said_once_is_no_name():
    text = "“Hush!” said Estella. Behold the marshes."
    assert lone(text, ("Hush", "PERSON"), ("Behold", "PERSON"), ("Estella", "PERSON")) == ["Estella"]


def test_the_plural_of_a_common_word_said_once_is_no_name():
    text = "Farmers came, and Pillows, and the Brooks."
    assert lone(text, ("Farmers", "PERSON"), ("Pillows", "PERSON"), ("Brooks", "PERSON")) == ["Brooks"]


def test_a_common_word_said_twice_or_with_a_title_stays():
    text = "Mr. Hush came; Thorn came, and Thorn left."
    mentions = [Mention(m.start(), m.end(), m.group(), "PERSON") for m in re.finditer(r"Hush|Thorn", text)]
    assert [m.text for m in drop_lone_dictionary_words(mentions, text)] == ["Hush", "Thorn", "Thorn"]


def test_a_census_surname_a_given_name_a_place_or_an_institution_stays_though_the_dictionary_has_it():
    text = "Crane met Hope in China before Parliament."
    spans = [("Crane", "PERSON"), ("Hope", "PERSON"), ("China", "GPE"), ("Parliament", "ORG")]
    assert lone(text, *spans) == ["Crane", "Hope", "China", "Parliament"]


def test_a_common_word_spelt_like_a_given_name_is_no_given_name():
    text = "Marry, I trow not, said Bill. Penny laughed."
    assert lone(text, ("Marry", "PERSON"), ("Bill", "PERSON"), ("Penny", "PERSON")) == ["Bill", "Penny"]


def test_a_word_of_a_longer_name_stays():
    text = "Nicolo wrote it. Nicolo Machiavelli signed."
    assert lone(text, ("Nicolo", "PERSON"), ("Nicolo Machiavelli", "PERSON")) == ["Nicolo", "Nicolo Machiavelli"]


def test_the_census_tells_surnames():
    assert surname_share("smith") > 1 > surname_share("crane") > 0 == surname_share("hush")


def test_a_word_the_dictionary_also_has_as_a_name_stays():
    text = "Napoleon rode past."
    assert lone(text, ("Napoleon", "PERSON")) == ["Napoleon"]


def test_an_acronym_is_no_common_word():
    text = "Then UN spoke."
    assert lone(text, ("UN", "PERSON")) == ["UN"]


def test_a_place_before_a_small_word_that_is_no_noun_is_one_of_a_kind():
    text = "Ashburnham, home on leave from an India to which he was never to return, met Florence."
    assert kept(text, [*mentions_of(text, "India", "GPE"), *mentions_of(text, "Florence")]) == ["Florence"]


def test_a_place_said_as_an_adjective_after_a_stays():
    text = "He had a London practice and went to London."
    assert kept(text, mentions_of(text, "London", "GPE")) == ["London", "London"]


def test_a_name_only_ever_written_after_a_and_an_adjective_is_a_kind():
    text = "His father, Elmo, a huge St. Bernard, had been the Judge's companion. Elmo slept."
    mentions = [*mentions_of(text, "St. Bernard"), *mentions_of(text, "Elmo")]
    assert kept(text, mentions) == ["Elmo", "Elmo"]


def test_a_name_written_after_a_and_an_adjective_now_and_then_stays():
    text = "Pip said so. Pip was a poor Pip then, and Pip knew it. Then Pip left."
    assert kept(text, mentions_of(text, "Pip")) == ["Pip"] * 5


def test_a_name_after_a_and_a_small_word_is_no_kind():
    text = "She wrote a letter to Lizzie."
    assert kept(text, mentions_of(text, "Lizzie")) == ["Lizzie"]


def test_a_titled_name_after_a_is_a_person():
    text = "There came a Mr. Smith to call."
    assert kept(text, mentions_of(text, "Mr. Smith")) == ["Mr. Smith"]


def test_a_name_after_words_that_name_or_count_is_no_kind():
    text = "They talked of some one called Jane Finn. It is a second Boston, great."
    mentions = [*mentions_of(text, "Jane Finn"), *mentions_of(text, "Boston", "GPE")]
    assert kept(text, mentions) == ["Jane Finn", "Boston"]


def test_a_name_after_a_noun_and_a_preposition_or_before_a_verb_is_no_kind():
    text = (
        "He was found dead in a barn near Hounslow Heath. She read of a certain Emilie de Mansfeld. "
        "They shouted at a tavern Mamonov’s Cossacks had set up."
    )
    mentions = [*mentions_of(text, "Hounslow Heath", "LOC"), *mentions_of(text, "Emilie de Mansfeld")]
    mentions += mentions_of(text, "Mamonov’s Cossacks", "ORG")
    assert kept(text, mentions) == ["Hounslow Heath", "Emilie de Mansfeld", "Mamonov’s Cossacks"]


def test_a_king_and_queen_after_a_are_no_titled_name():
    text = "If he needed a King and Queen to restore him, he was fortunate."
    assert kept(text, mentions_of(text, "King and Queen")) == []


def test_a_name_after_a_word_beginning_with_a_is_no_kind():
    text = "Tobias, and Roger, infant children, were displayed much as Cleopatra was."
    assert kept(text, [*mentions_of(text, "Roger"), *mentions_of(text, "Cleopatra")]) == ["Roger", "Cleopatra"]

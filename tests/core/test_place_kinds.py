"""A place's kind (GPE, LOC, FAC) from its own words, the nouns the book puts around it, and a list of known places."""

from collections import Counter

from glossary_tui.core.entities.place_kinds import head_kind, place_kind


def test_a_places_last_or_first_word_says_its_kind():
    assert head_kind(("baker", "street")) == "FAC"
    assert head_kind(("the", "borgo", "pass")) == "LOC"
    assert head_kind(("mount", "vernon")) == "LOC"
    assert head_kind(("island", "of", "lamu")) == "LOC"
    assert head_kind(("academy", "of", "music")) == "FAC"
    assert head_kind(("city", "of", "london")) == "GPE"
    assert head_kind(("dorsetshire",)) == "GPE"
    assert head_kind(("moscow",)) is None


def test_the_book_says_a_places_kind_when_its_words_do_not():
    assert place_kind(("hudson",), 4, Counter(loc_noun_after=2), Counter(GPE=4)) == "LOC"
    assert place_kind(("arno",), 4, Counter(the_alone=3), Counter(GPE=4)) == "LOC"
    assert place_kind(("benares",), 4, Counter(), Counter(FAC=4)) == "GPE"
    assert place_kind(("petersburg",), 231, Counter(fac_noun_after=1), Counter(GPE=231)) == "GPE"


def test_an_inn_the_model_calls_a_building_and_the_book_writes_the_x_is_one():
    assert place_kind(("blue", "boar"), 13, Counter(the_before=3), Counter(FAC=6, ORG=7)) == "FAC"
    assert place_kind(("tunbridge", "wells"), 2, Counter(), Counter(FAC=2)) == "GPE"

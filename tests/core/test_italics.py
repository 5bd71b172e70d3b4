"""Names written only in italics: works, ships, foreign words."""

from glossary_tui.core.entities.italics import italic_names
from glossary_tui.core.extraction.mentions import Mention
from tests.core.book_stage import FILLER, labels_by_name, mentions_of


def labels(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    return labels_by_name(italic_names(mentions, text))


def test_a_title_in_italics_is_a_work():
    text = "He played the Minuet in _Samson_ on one organ, and Pip listened.\n\nI want _Undine and Sintran_." + FILLER
    mentions = [*mentions_of(text, "Samson", "GPE"), *mentions_of(text, "Undine"), *mentions_of(text, "Sintran")]
    mentions += mentions_of(text, "Pip")
    assert labels(text, mentions) == {
        "Samson": {"WORK_OF_ART"},
        "Undine": {"WORK_OF_ART"},
        "Sintran": {"WORK_OF_ART"},
        "Pip": {"PERSON"},
    }


def test_a_tokenised_text_spaces_its_underscores():
    text = "He could play the Minuet in _ Samson _ on one and the March in _ Scipio _ on the other ." + FILLER
    mentions = [*mentions_of(text, "Samson", "GPE"), *mentions_of(text, "Scipio")]
    assert labels(text, mentions) == {"Samson": {"WORK_OF_ART"}, "Scipio": {"WORK_OF_ART"}}


def test_a_name_in_a_foreign_phrase_goes():
    text = "They cried out _Hekinah degul_ and again, _Hekinah degul_, as Gulliver lay." + FILLER
    mentions = [*mentions_of(text, "Hekinah"), *mentions_of(text, "Gulliver")]
    assert labels(text, mentions) == {"Gulliver": {"PERSON"}}


def test_a_name_also_written_outside_italics_stays():
    text = "“_John_,” thought madame. John Barsad smiled, and John left." + FILLER
    assert labels(text, mentions_of(text, "John")) == {"John": {"PERSON"}}


def test_words_between_two_italic_runs_are_not_italic():
    text = "The _Lusitania_ sank while Tommy and _Tuppence_ watched; Tommy _cried_." + FILLER
    assert labels(text, mentions_of(text, "Tommy")) == {"Tommy": {"PERSON"}}


def test_a_run_ends_at_a_paragraph_break():
    text = "He said _very\n\nwell_ and Tommy went. Tommy came." + FILLER
    assert labels(text, mentions_of(text, "Tommy")) == {"Tommy": {"PERSON"}}


def test_an_underscore_inside_a_word_is_no_italic():
    text = "the file snake_Tommy_case was read by Tommy_. " + FILLER
    assert labels(text, mentions_of(text, "Tommy")) == {"Tommy": {"PERSON"}}


def test_a_short_text_keeps_its_names():
    text = "He played the Minuet in _Samson_."
    assert labels(text, mentions_of(text, "Samson", "GPE")) == {"Samson": {"GPE"}}

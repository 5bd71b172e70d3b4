"""Chapter headings' words: a name seen only in a heading, of common words, is no name."""

from glossary_tui.core.entities.heading_words import heading_runs, only_in_headings
from tests.core.book_stage import mentions_of


def test_a_heading_runs_from_its_number_through_its_title():
    text = "CHAPTER I.\n\nOut to Sea\n\nI had this story from Joe.\nChapter 2 The Castle the end"
    assert [text[start:end] for start, end in heading_runs(text)] == [
        "CHAPTER I.\n\nOut to Sea\n\nI ",
        "Chapter 2 The Castle the ",
    ]


def test_common_words_seen_only_in_headings_are_no_name():
    text = "Chapter I .\nTHE MAGNET ATTRACTING -- A WAIF AMID FORCES When Carrie came.\nChapter II Out to Sea I had"
    assert only_in_headings(mentions_of(text, "MAGNET ATTRACTING", "ORG"), text)
    assert only_in_headings(mentions_of(text, "Sea", "GPE"), text)


def test_a_name_of_a_heading_that_is_no_common_word_or_is_named_in_the_prose_stays():
    text = "PART I .\nA VOYAGE TO LILLIPUT .\nCHAPTER I The Castle\n\nWe saw the Castle. Sea came."
    assert not only_in_headings(mentions_of(text, "LILLIPUT", "GPE"), text)
    assert not only_in_headings(mentions_of(text, "Castle", "FAC"), text)
    assert not only_in_headings(mentions_of(text, "Sea", "GPE"), "Out to Sea. No heading here.")

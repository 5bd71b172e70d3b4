"""A confirmed name found at the occurrences the model left untagged, and only where it can be nothing else."""

from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.entities.occurrences import add_untagged_occurrences
from glossary_tui.core.extraction.mentions import Mention


def mention(text: str, span: str, label: str = "PERSON", occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(span, start + 1)
    return Mention(start, start + len(span), span, label)


def found(text: str, *mentions: Mention) -> list[tuple[int, str, str]]:
    result = add_untagged_occurrences(list(mentions), text)
    assert all(text[m.start : m.end] == m.text for m in result)
    assert result == sorted(result)
    return [(m.start, m.text, m.label) for m in result]


def test_a_name_the_model_tagged_once_is_found_where_it_was_missed():
    text = "Curtis came in. Then Curtis sat down, and Florence looked at Curtis’s hat."
    assert found(text, mention(text, "Curtis")) == [
        (0, "Curtis", "PERSON"),
        (21, "Curtis", "PERSON"),
        (61, "Curtis", "PERSON"),
    ]


def test_a_name_inside_a_longer_run_of_capitals_or_a_hyphenated_word_is_not_taken():
    text = "Jack came. The Union Jack flew over Jack-in-the-box and Jack Carter's house."
    assert found(text, mention(text, "Jack")) == [(0, "Jack", "PERSON")]


def test_a_title_before_the_name_does_not_hide_it():
    text = "Brooke spoke. Miss Brooke smiled at Mr.\nBrooke."
    assert [start for start, _, _ in found(text, mention(text, "Brooke"))] == [0, 19, 40]


def test_a_name_that_is_also_a_common_word_is_only_the_models():
    text = "Hope came. I hope so, we hope, they hope. Will you? Hope is here."
    assert found(text, mention(text, "Hope")) == [(0, "Hope", "PERSON")]


def test_a_one_word_name_opening_a_sentence_is_skipped_when_the_book_writes_it_lowercase():
    text = "Mark came in. He saw a mark on the wall. Mark it well. Then Mark left."
    assert [start for start, _, _ in found(text, mention(text, "Mark"))] == [0, 60]


def test_names_of_several_words_match_across_a_line_break_and_keep_the_label_of_most_mentions():
    text = "Little Britain was dark. He walked down Little\nBritain. Little Britain again."
    result = found(text, mention(text, "Little Britain", "GPE"), mention(text, "Little Britain", "GPE", 1))
    assert result == [(0, "Little Britain", "GPE"), (40, "Little\nBritain", "GPE"), (56, "Little Britain", "GPE")]


def test_a_name_labelled_two_ways_without_a_clear_majority_is_not_looked_for():
    text = "Florence is a city. Florence is a woman. Florence."
    assert len(found(text, mention(text, "Florence", "GPE"), mention(text, "Florence", "PERSON", 1))) == 2


def test_oaths_are_only_the_models():
    text = "God help us. Thank God, said he. My God!"
    assert found(text, mention(text, "God")) == [(0, "God", "PERSON")]


def test_a_one_off_work_made_of_a_known_name_gives_way_to_the_name():
    text = "Curtis came. “You and Curtis will hold the fort,” he said."
    result = found(text, mention(text, "Curtis"), mention(text, "You and Curtis", "WORK_OF_ART"))
    assert result == [(0, "Curtis", "PERSON"), (22, "Curtis", "PERSON")]


def test_nothing_is_found_in_a_gutenberg_header():
    text = (
        "The Project Gutenberg EBook of Pip, by Charles Dickens\n\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK PIP ***\n\nPip ran. Then Pip stopped."
    )
    starts = [start for start, _, _ in found(text, mention(text, "Pip", occurrence=2))]
    assert starts == [text.index("Pip ran"), text.index("Pip stopped")]


def test_a_name_is_found_in_capitals_in_a_heading():
    text = "CHAPTER II. BIDDY AND MR. WOPSLE\n\nBiddy came, and Wopsle. WILL you? Will came."
    mentions = [mention(text, "Biddy"), mention(text, "Wopsle"), mention(text, "Will")]
    assert [m for _, m, _ in found(text, *mentions)] == ["BIDDY", "WOPSLE", "Biddy", "Wopsle", "Will"]


def test_a_lone_title_or_form_of_address_is_only_the_models():
    text = "The King’s men and his Majesty came. The King rode. His Majesty smiled."
    assert len(found(text, mention(text, "King’s"), mention(text, "Majesty"))) == 2


def test_a_capitalised_word_before_the_name_inside_a_sentence_is_part_of_a_longer_name():
    text = "Bailey spoke. He was tried at the Old Bailey. Poor Bailey! It was Old Bailey."
    starts = [start for start, _, _ in found(text, mention(text, "Bailey"))]
    assert starts == [0, text.index("Bailey!")]


def test_the_mention_stages_find_the_untagged_occurrences_before_grouping():
    text = "Drummle sulked. Startop laughed at Drummle, and Drummle’s face fell."
    entities = build_entities([mention(text, "Drummle"), mention(text, "Startop")], text)
    assert {(e.name, e.count) for e in entities} == {("Drummle", 3), ("Startop", 1)}

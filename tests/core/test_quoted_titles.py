"""Names written only between quotes inside a sentence: titles of works."""

from glossary_tui.core.entities.grouping import mention_stages
from glossary_tui.core.entities.quoted_titles import quoted_titles
from glossary_tui.core.extraction.mentions import Mention
from tests.core.book_stage import FILLER, labels_by_name, mentions_of


def labels(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    return labels_by_name(quoted_titles(mentions, text))


def test_a_name_always_quoted_inside_a_sentence_is_a_work():
    text = "She played a duet from “Zampa” upon the piano, then “ Norma ” for us. Pip listened." + FILLER
    mentions = [*mentions_of(text, "Zampa"), *mentions_of(text, "Norma", "GPE"), *mentions_of(text, "Pip")]
    assert labels(text, mentions) == {"Zampa": {"WORK_OF_ART"}, "Norma": {"WORK_OF_ART"}, "Pip": {"PERSON"}}


def test_dialogue_and_names_quoted_only_now_and_then_stay():
    text = (
        "“Pip!” cried Joe. “Joe,” said I. The words “Biddy” and “Property” came back. Biddy smiled. "
        "The man they called “Buck” came in. “Uncle” sat down."
    ) + FILLER
    names = ("Pip", "Joe", "Biddy", "Buck", "Uncle")
    mentions = sorted(mention for name in names for mention in mentions_of(text, name))
    assert labels(text, mentions) == {name: {"PERSON"} for name in names}


def test_a_short_text_keeps_its_labels():
    text = "She played a duet from “Zampa” upon the piano."
    assert labels(text, mentions_of(text, "Zampa")) == {"Zampa": {"PERSON"}}


def test_the_glossary_lists_a_quoted_title_as_a_work():
    text = "Pip heard a duet from “Zampa” upon the piano." + FILLER
    stages = mention_stages([*mentions_of(text, "Zampa"), *mentions_of(text, "Pip")], text)
    assert {(mention.text, mention.label) for mention in stages if mention.text == "Zampa"} == {
        ("Zampa", "WORK_OF_ART")
    }

"""Names the labelling dropped are kept when their form makes them names: given names, titled names."""

from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.entities.real_names import keep_given_names
from glossary_tui.core.extraction.mentions import Mention


def mention(text: str, span: str, label: str = "PERSON") -> Mention:
    start = text.index(span)
    return Mention(start, start + len(span), span, label)


def kept(text: str, cleaned: list[Mention], labelled: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in keep_given_names(cleaned, labelled, text)]


def test_a_given_name_the_labelling_dropped_is_kept_as_a_person():
    text = "Behold, said Harry to Larry Lefferts, the Gothic arch."
    cleaned = [mention(text, "Behold"), mention(text, "Harry", "ORG"), mention(text, "Larry Lefferts")]
    cleaned.append(mention(text, "Gothic", "NORP"))
    assert kept(text, cleaned, []) == [("Harry", "PERSON"), ("Larry Lefferts", "PERSON")]


def test_a_titled_name_is_kept_and_a_place_keeps_its_label():
    text = "She bowed to Countess Amelia in Virginia."
    cleaned = [mention(text, "Countess Amelia", "ORG"), mention(text, "Virginia", "GPE")]
    assert kept(text, cleaned, []) == [("Countess Amelia", "PERSON"), ("Virginia", "GPE")]


def test_a_given_name_the_book_uses_as_a_common_word_stays_dropped():
    text = "Will you come? I will, and he will, and they will. Will smiled."
    assert kept(text, [mention(text, "Will")], []) == []


def test_what_a_family_calls_its_own_stays_dropped_though_a_given_name():
    text = "Get into it in a jiffy, Son, because breakfast is ready, Son."
    assert kept(text, [mention(text, "Son")], []) == []


def test_what_the_labelling_kept_or_split_is_left_as_it_is():
    text = "to Moscow Pierre was handed a letter"
    split = [mention(text, "Moscow", "GPE"), mention(text, "Pierre")]
    assert kept(text, [mention(text, "Moscow Pierre")], split) == [("Moscow", "GPE"), ("Pierre", "PERSON")]


def test_the_mention_stages_keep_a_given_name_the_labelling_dropped():
    # Over 5,000 characters, so the labelling decides; "Harry" is seen once, with no cue: a given name all the same.
    text = "The rain fell on the moor and the wind rose. " * 120 + "Then Harry came in."
    entities = build_entities([mention(text, "Harry", "ORG")], text)
    assert [(e.name, e.label) for e in entities] == [("Harry", "PERSON")]


def test_a_place_the_model_named_is_kept_when_it_is_a_known_place():
    text = "They left Vienna for Lynchburg and the Zembla of dreams."
    cleaned = [mention(text, "Vienna", "GPE"), mention(text, "Lynchburg", "GPE"), mention(text, "Zembla", "GPE")]
    assert kept(text, cleaned, []) == [("Vienna", "GPE"), ("Lynchburg", "GPE")]


def test_a_known_place_the_model_called_a_person_is_not_kept():
    text = "Paris smiled at Helen."
    assert kept(text, [mention(text, "Paris", "PERSON")], []) == []

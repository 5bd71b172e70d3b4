"""Places named after their owner ("Barnard’s Inn") are one mention, however the model tagged their pieces."""

from glossary_tui.core.entities.possessive_places import join_possessive_places, possessive_owners
from glossary_tui.core.extraction.mentions import Mention


def mention(text: str, piece: str, label: str, after: int = 0) -> Mention:
    start = text.index(piece, after)
    return Mention(start, start + len(piece), piece, label)


def test_the_pieces_of_a_place_named_after_its_owner_are_one_mention():
    text = "I was to go to Barnard’s\nInn, to young Mr. Pocket. Then Lincoln's Inn Hall, then home."
    mentions = [
        mention(text, "Barnard", "PERSON"),
        mention(text, "Inn", "PERSON"),
        mention(text, "Pocket", "PERSON"),
        mention(text, "Lincoln", "GPE"),
    ]
    joined = join_possessive_places(mentions, text)
    assert [(m.text, m.label) for m in joined] == [
        ("Barnard’s\nInn", "FAC"),
        ("Pocket", "PERSON"),
        ("Lincoln's Inn Hall", "FAC"),
    ]
    assert all(text[m.start : m.end] == m.text for m in joined)


def test_a_place_the_model_never_tagged_is_not_added_and_a_paragraph_break_parts_names():
    text = "He walked up Shooter’s Hill alone. She met Herbert’s\n\nInn servants. Biddy’s house stood there."
    mentions = [mention(text, "Herbert", "PERSON"), mention(text, "Biddy", "PERSON")]
    assert join_possessive_places(mentions, text) == mentions


def test_the_owner_is_kept_when_only_the_head_was_tagged():
    text = "We met at Barnard’s Inn and later at St. Paul’s Cathedral."
    mentions = [mention(text, "Inn", "PERSON"), mention(text, "Paul", "PERSON")]
    joined = join_possessive_places(mentions, text)
    assert [(m.text, m.label) for m in joined] == [("Barnard’s Inn", "FAC"), ("St. Paul’s Cathedral", "FAC")]


def test_a_bank_named_after_its_founder_is_one_organisation_and_its_owner_is_known():
    text = "He went to Tellson’s Bank at Temple Bar, past the Leichardt's Land Steam Navigation Company office."
    joined = join_possessive_places([mention(text, "Tellson", "PERSON"), mention(text, "Leichardt", "PERSON")], text)
    assert [(m.text, m.label) for m in joined] == [("Tellson’s Bank", "ORG"), ("Leichardt", "PERSON")]
    assert possessive_owners(text) == {"tellson": "ORG"}

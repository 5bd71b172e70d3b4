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
    assert [(m.text, m.label) for m in joined] == [
        ("Tellson’s Bank", "ORG"),
        ("Leichardt's Land Steam Navigation Company", "ORG"),
    ]
    assert possessive_owners(text) == {"tellson": "ORG"}  # the company is named after a land, not its founder


def test_a_town_or_a_land_named_after_someone_is_a_political_place():
    text = "Her cottage in Leichardt 's Town. Storms drove us north-west of Van Diemen’s Land. Leichardt sailed."
    mentions = [mention(text, "Leichardt", "PERSON"), mention(text, "Van Diemen", "PERSON")]
    mentions.append(mention(text, "Leichardt", "PERSON", text.index("sailed") - 12))
    joined = join_possessive_places(mentions, text)
    assert [(m.text, m.label) for m in joined] == [
        ("Leichardt 's Town", "GPE"),
        ("Van Diemen’s Land", "GPE"),
        ("Leichardt", "PERSON"),
    ]
    assert possessive_owners(text) == {"leichardt": "GPE", "van diemen": "GPE"}


def test_a_name_holding_a_place_after_of_is_the_name_the_model_tagged():
    text = "It came re-addressed by the Bank of Leichardt 's Land, and Mr. Lincoln's Inn was shut."
    mentions = [mention(text, "the Bank of Leichardt", "ORG"), mention(text, "Mr. Lincoln", "PERSON")]
    joined = join_possessive_places(mentions, text)
    assert [(m.text, m.label) for m in joined] == [
        ("the Bank of Leichardt 's Land", "ORG"),
        ("Mr. Lincoln's Inn", "FAC"),
    ]

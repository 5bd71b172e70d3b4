"""Descriptions from the text: appositives, copulas, roles before a name, else a sentence, else nothing."""

from __future__ import annotations

import re

import pytest

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.documents.sample import sample_path
from glossary_tui.core.entities.descriptions import Description, describe_entities
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.mentions import Mention


def describe(text: str, name: str, others: dict[str, str] | None = None, label: str = "PERSON") -> Description | None:
    """The description of ``name`` (every occurrence a mention) in ``text``; ``others`` are more name -> label."""
    labels = {name: label, **(others or {})}
    entities = []
    for index, (surface, entity_label) in enumerate(labels.items()):
        spans = [m.span() for m in re.finditer(re.escape(surface), text)]
        mentions = tuple(Mention(start, end, surface, entity_label) for start, end in spans)
        entities.append(Entity(str(index), surface, entity_label, (), mentions))
    return describe_entities(entities, text)["0"]


def text_of(text: str, name: str, **others: str) -> str | None:
    found = describe(text, name, others)
    return found.text if found is not None else None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Sergey Lavrov, the Russian Foreign Minister, said so.", "Sergey Lavrov", "Russian Foreign Minister"),
        ("The Russian Foreign Minister, Sergey Lavrov, welcomed them.", "Sergey Lavrov", "Russian Foreign Minister"),
        ("A statement by Hamas media advisor Taher al-Nono followed.", "Taher al-Nono", "Hamas media advisor"),
        ("In May, Russia’s Foreign Ministry spokeswoman Maria Zakharova spoke.", "Maria Zakharova",
         "Foreign Ministry spokeswoman"),
        ("Ivan Petrov was a retired colonel of the guards.", "Ivan Petrov", "retired colonel of the guards"),
        ("It is headed by Ismail Haniyeh, who was elected prime minister in 2006 but was dismissed.",
         "Ismail Haniyeh", "elected prime minister in 2006"),
        ("Musa, Maher, and the movement’s deputy head, Saleh Aruri, were there.", "Saleh Aruri",
         "movement’s deputy head"),
        ("This was Dólokhov, an officer of the Semënov regiment with whom Borís was to travel.", "Dólokhov",
         "officer of the Semënov regiment"),
        ("Prince Vasíli’s daughter, the beautiful Hélène, came in.", "Hélène", "Prince Vasíli’s daughter"),
        ("the speaker was Anna Pávlovna\nSchérer, maid of honor and favorite of the Empress.", "Anna Pávlovna",
         "maid of honor"),
        ("He was bound apprentice to Mr. James Bates , an eminent surgeon in London , for four years .",
         "James Bates", "eminent surgeon in London"),
        ("He met Dólokhov, an officer in St. Petersburg’s guards, at dinner.", "Dólokhov",
         "officer in St. Petersburg’s guards"),
    ],
)  # fmt: skip
def test_the_rules(text, name, expected):
    assert text_of(text, name) == expected


def test_a_longer_description_later_wins_over_one_word_first():
    text = "Pierre met his son Anatole, the son, at home. Later came Anatole, Prince Vasíli’s younger son, alone."
    assert text_of(text, "Anatole") == "Prince Vasíli’s younger son"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Natasha, the countess, and Sónya went out together that night.", "Natasha"),
        ("Rostóv, his eyes fixed on the hussars, rode on past the bridge.", "Rostóv"),
        ("Then General Kutúzov rode past the long line of soldiers.", "Kutúzov"),
        ("For a moment Prince Andrew did not answer his friend at all.", "Andrew"),
        ("Anna Pávlovna was the first to arrive at the reception.", "Anna Pávlovna"),
        ("And this silence about Dokhtúrov is the clearest testimony to his merit.", "Dokhtúrov"),
        ("Natasha, blushing, ran out of the room and down the stairs.", "Natasha"),
    ],
)
def test_what_is_no_description(text, name):
    found = describe(text, name)
    assert found is not None and found.kind == "sentence"


def test_the_last_item_of_a_list_of_people_keeps_its_appositive():
    text = "Musa Abu Marzouk, Maher Salah, and the movement’s deputy head, Saleh Aruri, were included."
    others = {"Musa Abu Marzouk": "PERSON", "Maher Salah": "PERSON"}
    assert text_of(text, "Saleh Aruri", **others) == "movement’s deputy head"


def test_a_name_before_a_name_is_no_appositive():
    text = "to which came the cardinal, Pagolo, and the Duke di Gravina Orsini, Vitellozzo Vitelli, came too."
    assert text_of(text, "Vitellozzo Vitelli", **{"Duke di Gravina Orsini": "PERSON"}) != "Duke di Gravina Orsini"


def test_a_phrase_after_another_persons_name_describes_that_person_not_the_next():
    text = (
        "Doctor Manette, Lucie Manette, his daughter, Mr. Lorry, the solicitor for the defence, and its counsel, "
        "stood there."
    )
    assert text_of(text, "Mr. Lorry", **{"Lucie Manette": "PERSON", "Doctor Manette": "PERSON"}) != "daughter"
    assert text_of(text, "Lucie Manette", **{"Mr. Lorry": "PERSON", "Doctor Manette": "PERSON"}) == "daughter"


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("They rode to Barton Park, the place of his own residence, at noon.", "Barton Park", "FAC",
         "place of his own residence"),
        ("On the way to Boguchárovo, a princely estate with a house, they sang.", "Boguchárovo", "GPE",
         "princely estate"),
        ("He wrote from Paris, the simple fact, without comment, that he had gone.", "Paris", "GPE", None),
        ("the greatness of Russia or of France, the balance of power in Europe, the diffusion", "France", "GPE",
         None),
        ("the Pope, the Venetians, the King of Naples, the Duke of Milan, and the rest.", "Venetians", "NORP", None),
        ("Mr. Lorry of Tellson’s Bank, an English gentleman who is now in Paris, wrote.", "Bank", "ORG", None),
        ("Ralph Nickleby of the Circumlocution Office, a department of state, wrote.", "Circumlocution Office",
         "ORG", "department of state"),
        ("fighting side-by-side with the Azov Battalion, a Ukrainian far-right militia.", "Azov Battalion", "ORG",
         "Ukrainian far-right militia"),
    ],
)  # fmt: skip
def test_a_place_or_an_organisation_is_described_only_by_a_phrase_naming_a_kind_of_it(text, name, label, expected):
    found = describe(text, name, label=label)
    assert found is not None
    assert (found.text if found.kind != "sentence" else None) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Defarges, husband and wife, The Vengeance, and Jacques Three, were there.", "Jacques Three"),
        ("After a few moments’ chat, John Dashwood left the room in haste.", "John Dashwood"),
        ("MURDERING VITELLOZZO VITELLI, OLIVEROTTO DA FERMO, THE SIGNOR PAGOLO, AND THE DUKE", "OLIVEROTTO DA FERMO"),
    ],
)
def test_items_of_a_list_and_a_phrase_before_a_comma_are_no_appositive(text, name):
    found = describe(text, name)
    assert found is not None and found.kind == "sentence"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“A boy,” said Estella.\n\nHe was a burly man of an exceedingly dark complexion.", "Estella"),
        ("Then came Mrs. Brown at last. He was a very tall man with a stick.", "Mrs. Brown"),
        ("Edward remained a week at the cottage; he was pressed to stay.", "Edward"),
        ("She would not, and Miss Steele was made completely happy.\n\nThen they left.", "Miss Steele"),
        ("Imagine to yourself, my dear Elinor, the delight of a gallop on the downs.", "Elinor"),
        ("Mr. Pocket, Junior’s, idea of Shortly was not mine at all.", "Mr. Pocket"),
    ],
)
def test_what_is_said_near_a_name_but_not_of_it(text, name):
    found = describe(text, name)
    assert found is not None and found.kind == "sentence"


def test_a_table_of_contents_is_no_sentence_of_a_name():
    text = (
        "Contents\n\nChapter VI Hundreds of People Chapter VII Monseigneur in Town Chapter VIII The Country\n\n"
        "Monseigneur, one of the great lords in power, held his reception."
    )
    found = describe(text, "Monseigneur")
    assert found is not None and found.text.startswith("Monseigneur, one of the great lords")


def test_a_date_before_the_name_is_no_description():
    text = "The next day, Pierre, went to the club with his friends."
    found = describe(text, "Pierre", {"The next day": "DATE"})
    assert found is not None and found.kind == "sentence"


def test_quoted_speech_is_skipped_by_the_rules():
    text = "“Pierre, the fool, is late again,” she said. Pierre came in at last, very red."
    found = describe(text, "Pierre")
    assert found == Description("Pierre came in at last, very red.", "sentence", text.index("Pierre came"))


def test_the_sentence_of_the_first_mention_shortened_around_the_name():
    filler = " ".join(["word"] * 40)
    text = f"Nothing much. {filler} and then Natasha arrived {filler}. More."
    found = describe(text, "Natasha")
    assert found is not None and found.kind == "sentence"
    assert "Natasha arrived" in found.text
    assert found.text.startswith("…") and found.text.endswith("…")
    assert len(found.text.split()) <= 33


def test_no_description_when_no_sentence_says_more_than_the_name():
    assert describe("CHAPTER I\n\nNatasha\n\nThe end.", "Natasha") is None


def test_the_sample_article():
    document = read_document(sample_path())
    names = {"Sergey Lavrov": "PERSON", "Sergei Lavrov": "PERSON", "Taher al-Nono": "PERSON",
             "Maria Zakharova": "PERSON", "Ismail Haniyeh": "PERSON", "2006": "DATE"}  # fmt: skip
    described = {name: text_of(document.text, name, **names) for name in names if names[name] == "PERSON"}
    assert described["Sergey Lavrov"] == "Russian Foreign Minister"
    assert described["Taher al-Nono"] == "Hamas media advisor"
    assert described["Maria Zakharova"] == "Foreign Ministry spokeswoman"
    assert described["Ismail Haniyeh"] == "elected prime minister in the Palestinian legislative elections in 2006"


def test_he_or_she_right_after_the_only_person_named():
    text = "Just then another visitor entered: Prince Andrew. He was a very handsome young man, of medium height."
    found = describe(text, "Prince Andrew")
    assert found is not None and (found.kind, found.text) == ("copula", "very handsome young man")
    two = "Pierre met Prince Andrew there. He was a very handsome young man, of medium height."
    assert describe(two, "Prince Andrew", {"Pierre": "PERSON"}).kind == "sentence"


def test_an_appositive_in_speech_counts_after_the_narrative_but_an_address_does_not():
    text = "“Count Kutúzov, the oldest general in Russia, should preside?” he asked. Kutúzov sat down."
    assert text_of(text, "Kutúzov") == "oldest general in Russia"
    assert describe("“Mary, my dear friend, come here,” said he. Mary came.", "Mary").kind == "sentence"

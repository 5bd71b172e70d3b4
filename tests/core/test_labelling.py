"""One label per name, decided by the whole book: cues around the mentions outweigh the model's repeated mistake."""

import re

from glossary_tui.core.entities.label_cues import CUES
from glossary_tui.core.entities.labelling import CLASSES, MIN_BOOK_CHARS, TYPES, LabelModel, label_by_book, label_model
from glossary_tui.core.extraction.mentions import Mention

FILLER = "The rain fell on the roofs and the long grey road, and nothing else happened for a while. "


def book(*sentences: str) -> str:
    """The sentences, padded with filler paragraphs into a text long enough to count as a book."""
    text = "\n\n".join(sentences)
    while len(text) < MIN_BOOK_CHARS:
        text += "\n\n" + FILLER * 3
    return text


def mentions_of(text: str, labels: dict[str, str]) -> list[Mention]:
    found = [
        Mention(match.start(), match.end(), name, label)
        for name, label in labels.items()
        for match in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    return sorted(found)


def labels(mentions: list[Mention]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for mention in mentions:
        result.setdefault(mention.text, set()).add(mention.label)
    return result


def favouring(cls: str, cue: str = "bias") -> LabelModel:
    """A model whose only weights say ``cls`` when ``cue`` is seen (as a class, and as a kind of name if it is one)."""
    rows = [[0.0] * len(CLASSES) for _ in CUES]
    rows[CUES.index(cue)][CLASSES.index(cls)] = 5.0
    kinds = [[0.0] * len(TYPES) for _ in CUES]
    if cls in TYPES:
        kinds[CUES.index(cue)][TYPES.index(cls)] = 5.0
    return LabelModel(tuple(tuple(row) for row in rows), tuple(tuple(row) for row in kinds))


def test_a_person_the_model_calls_a_place_everywhere_is_a_person():
    text = book(
        "“Come here,” said Natásha. Natásha, who was sixteen, laughed.",
        "Natásha’s face lit up. “Oh, Natásha!” cried her mother.",
        "He rode to Moscow and stayed in Moscow all winter; Moscow was cold.",
    )
    found = labels(label_by_book(mentions_of(text, {"Natásha": "GPE", "Moscow": "GPE"}), text))
    assert found == {"Natásha": {"PERSON"}, "Moscow": {"GPE"}}


def test_every_mention_of_a_name_gets_the_same_label():
    text = book("Denísov said nothing. “Well?” asked Denísov.", "Denísov’s eyes shone; Denísov, who was drunk, sang.")
    mentions = mentions_of(text, {"Denísov": "ORG"})
    mentions[1] = Mention(mentions[1].start, mentions[1].end, "Denísov", "PERSON")
    assert labels(label_by_book(mentions, text)) == {"Denísov": {"PERSON"}}


def test_the_vote_stands_without_cues_of_the_other_class():
    text = book("Hamas met. Hamas spoke. Hamas left.")
    model = favouring("PERSON")
    assert labels(label_by_book(mentions_of(text, {"Hamas": "ORG"}), text, model)) == {"Hamas": {"ORG"}}


def test_no_name_is_dropped_unless_the_model_saw_a_kept_label_or_a_named_organisation():
    text = book("Hush fell. The French came. Imprimis was said. The Society met; the Society, the Society.")
    mentions = mentions_of(text, {"Hush": "PERSON", "French": "NORP", "Imprimis": "ORG", "Society": "ORG"})
    assert labels(label_by_book(mentions, text, favouring("NONE"))) == {"French": {"NORP"}, "Society": {"ORG"}}


def test_a_short_text_keeps_the_models_labels():
    text = "Angela Merkel flew to Paris. Berlin waited."
    mentions = mentions_of(text, {"Angela Merkel": "PERSON", "Paris": "GPE", "Berlin": "ORG"})
    assert label_by_book(mentions, text, favouring("NONE")) == mentions


def test_the_shipped_weights_fit_the_cues():
    model = label_model()
    assert len(model.weights) == len(CUES)
    assert all(len(row) == len(CLASSES) for row in model.weights)


def test_in_a_short_text_a_name_after_mr_or_madame_is_a_person():
    text = "Madame Lebrun waited at the Hotel Madame. Mr. Pontellier and General Motors came. M. Poirot too."
    mentions = mentions_of(
        text,
        {
            "Madame Lebrun": "ORG",
            "Mr. Pontellier": "GPE",
            "General Motors": "ORG",
            "Hotel Madame": "FAC",
            "M. Poirot": "ORG",
        },
    )
    found = labels(label_by_book(mentions, text, favouring("NONE")))
    assert found == {
        "Madame Lebrun": {"PERSON"},
        "Mr. Pontellier": {"PERSON"},
        "General Motors": {"ORG"},
        "Hotel Madame": {"FAC"},
        "M. Poirot": {"PERSON"},
    }


def test_what_a_family_calls_its_own_and_a_family_are_no_entries():
    text = book(
        "“Mamma!” cried Natásha. Mamma smiled. “Get into it, Son,” said she.",
        "Said Natásha, who ran to the Rostóvs. Natásha’s face shone; Natásha, who laughed, said no.",
        "They dined at the Rostóvs’ and left the Rostóvs late. “Go,” said Rostóv.",
    )
    mentions = mentions_of(
        text, {"Mamma": "PERSON", "Son": "PERSON", "Natásha": "PERSON", "Rostóvs": "ORG", "Rostóv": "PERSON"}
    )
    found = labels(label_by_book(mentions, text, favouring("PERSON")))
    assert found == {"Natásha": {"PERSON"}, "Rostóv": {"PERSON"}}


def test_a_rare_span_of_a_place_and_a_person_is_two_mentions():
    places = " ".join(["He rode to Moscow."] * 5)
    people = " ".join(["“No,” said Pierre, who smiled."] * 5)
    span = "When he returned to Moscow Pierre was handed a letter."
    text = book(places, people, span)
    mentions = mentions_of(text[: text.index(span)], {"Moscow": "GPE", "Pierre": "PERSON"})
    start = text.index("Moscow Pierre")
    mentions.append(Mention(start, start + len("Moscow Pierre"), "Moscow Pierre", "PERSON"))
    found = label_by_book(mentions, text, label_model())
    assert [(m.text, m.label) for m in found][-2:] == [("Moscow", "GPE"), ("Pierre", "PERSON")]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_a_name_most_often_after_mr_or_madame_is_a_person_whatever_the_votes():
    text = book("Mr. Linden came in. Mr. Linden sat.", "Linden rode home.")
    mentions = mentions_of(text, {"Linden": "GPE"})
    assert labels(label_by_book(mentions, text, favouring("PLACE"))) == {"Linden": {"PERSON"}}


def test_decisive_cues_of_one_kind_and_none_of_the_other_decide():
    text = book("They reached the city of Benares at dawn.", "Benares slept; Benares was hot; Benares woke.")
    mentions = mentions_of(text, {"Benares": "PERSON"})
    assert labels(label_by_book(mentions, text, favouring("PERSON"))) == {"Benares": {"GPE"}}


def test_a_nationality_stays_one_unless_the_book_says_it_is_a_person_outright():
    text = book("The French came. The French left. The French sang.")
    assert labels(label_by_book(mentions_of(text, {"French": "NORP"}), text, favouring("PERSON"))) == {
        "French": {"NORP"}
    }
    text = book("“No,” said Bunter. “Yes,” said Bunter. Bunter laughed.")
    assert labels(label_by_book(mentions_of(text, {"Bunter": "NORP"}), text, favouring("PERSON"))) == {
        "Bunter": {"PERSON"}
    }


def test_a_one_word_organisation_vote_goes_to_the_kind_the_book_says():
    text = book("They drove on to Bistritz at night.", "Bistritz slept. Bistritz was cold. He rode into Bistritz.")
    model = favouring("PERSON")
    assert labels(label_by_book(mentions_of(text, {"Bistritz": "ORG"}), text, model)) == {"Bistritz": {"GPE"}}
    text = book("The Bank was shut. We passed the Bank. Inside the Bank, clerks.")
    assert labels(label_by_book(mentions_of(text, {"Bank": "ORG"}), text, model)) == {"Bank": {"ORG"}}


def test_a_common_word_voted_an_organisation_is_no_place_for_prepositions_alone():
    text = book("He found peace in Freemasonry.", "Freemasonry is a brotherhood. He turned to Freemasonry at last.")
    found = label_by_book(mentions_of(text, {"Freemasonry": "ORG"}), text, favouring("PERSON"))
    assert labels(found) == {"Freemasonry": {"ORG"}}  # "in Bistritz", no common word, is a town (above)


def test_a_name_listed_only_with_places_is_a_place_unless_its_own_cues_say_otherwise():
    text = book(
        "He rode to Paris. Paris slept. They met in Paris.",
        "She crossed Guienne and Paris. Guienne and Paris were green.",
        "“Come,” said Anne. Anne sat and Paris waited; Anne, who knew, and Paris.",
    )
    mentions = mentions_of(text, {"Paris": "GPE", "Guienne": "PERSON", "Anne": "PERSON"})
    found = labels(label_by_book(mentions, text, favouring("PERSON")))
    assert found == {"Paris": {"GPE"}, "Guienne": {"GPE"}, "Anne": {"PERSON"}}


def test_one_naming_cue_decides_a_place():
    text = book("Silas lived near the village of Raveloe.", "Raveloe was quiet; Raveloe slept; Raveloe woke.")
    mentions = mentions_of(text, {"Raveloe": "PERSON"})
    assert labels(label_by_book(mentions, text, favouring("PERSON"))) == {"Raveloe": {"GPE"}}


def test_the_look_of_a_known_place_does_not_overturn_what_the_book_says_of_a_person():
    text = book("“Come,” said Warwick. Warwick’s hat fell.", "Warwick rode on. Warwick slept. Warwick woke.")
    mentions = mentions_of(text, {"Warwick": "PERSON"})
    assert labels(label_by_book(mentions, text, favouring("PLACE", "known_place"))) == {"Warwick": {"PERSON"}}


def test_a_river_written_the_x_is_a_place_an_institution_is_not():
    text = book("The Arno flowed. We crossed the Arno, and over the Arno the sun set.")
    assert labels(label_by_book(mentions_of(text, {"Arno": "ORG"}), text, favouring("PERSON"))) == {"Arno": {"LOC"}}
    text = book("The Senate met. We passed the Senate, and in the Senate they talked.")
    assert labels(label_by_book(mentions_of(text, {"Senate": "ORG"}), text, favouring("PERSON"))) == {"Senate": {"ORG"}}


def test_a_house_named_after_a_family_is_the_family():
    text = book(
        "“Come,” said Roderick Usher. Roderick Usher, who was ill, sat.",
        "The House of Usher stood by the tarn.",
        "The Elphbergs were red-haired; the Elphbergs ruled. The House of Elphberg was old.",
    )
    names = {"Roderick Usher": "PERSON", "House of Usher": "FAC", "Elphbergs": "ORG", "House of Elphberg": "FAC"}
    found = labels(label_by_book(mentions_of(text, names), text, favouring("PERSON")))
    assert found == {name: {"PERSON"} for name in names}


def test_a_place_head_and_a_place_cue_with_no_person_cue_make_a_place():
    text = book(
        "They bid me remind you of the annual visit to Howard Grove, so long delayed.",
        "Howard Grove was far. Mr. Howard Hall came; Howard Hall said no.",
    )
    mentions = mentions_of(text, {"Howard Grove": "PERSON", "Howard Hall": "PERSON"})
    found = labels(label_by_book(mentions, text, favouring("PERSON")))
    assert found == {"Howard Grove": {"FAC"}, "Howard Hall": {"PERSON"}}


def test_a_name_listed_with_several_people_is_a_person_though_a_preposition_stands_before_it():
    text = book(
        "“Come,” said Commodus. “Go,” said Pertinax. Commodus, who was cruel, and Pertinax, who was just.",
        "They were Commodus, Severus and Pertinax.",
        "In Severus there was so much valour. Severus conquered.",
    )
    mentions = mentions_of(text, {"Commodus": "PERSON", "Pertinax": "PERSON", "Severus": "GPE"})
    found = labels(label_by_book(mentions, text, favouring("PERSON")))
    assert found == {"Commodus": {"PERSON"}, "Pertinax": {"PERSON"}, "Severus": {"PERSON"}}


def test_a_name_written_in_the_possessive_is_the_firm_named_after_it():
    text = book(
        "He went to Tellson’s Bank by Temple Bar.",
        "At Tellson’s they were old-fashioned. Tellson’s was a dark place; he worked at Tellson’s.",
    )
    found = labels(label_by_book(mentions_of(text, {"Tellson": "PERSON"}), text, favouring("PERSON")))
    assert found == {"Tellson": {"ORG"}}
    text = book("He went to Tellson’s Bank.", "Tellson smiled. “Well,” said Tellson. Tellson, who was old, sat.")
    found = labels(label_by_book(mentions_of(text, {"Tellson": "PERSON"}), text, favouring("PERSON")))
    assert found == {"Tellson": {"PERSON"}}


def test_a_saints_name_the_book_puts_places_around_is_a_place():
    text = book(
        "They lived in Saint Antoine. The wine ran in Saint Antoine.",
        "Saint Antoine was hungry.",
        "“Pray,” said Saint Paul. Saint Paul, who wrote letters, sat.",
    )
    mentions = mentions_of(text, {"Saint Antoine": "PERSON", "Saint Paul": "PERSON"})
    found = labels(label_by_book(mentions, text, favouring("PERSON")))
    assert found == {"Saint Antoine": {"GPE"}, "Saint Paul": {"PERSON"}}


def test_a_common_word_written_the_x_voted_an_organisation_is_no_person():
    text = book("The Tribunal was silent. He stood before the Tribunal, who judged him, and left the Tribunal.")
    found = labels(label_by_book(mentions_of(text, {"Tribunal": "ORG"}), text, favouring("PERSON")))
    assert found == {"Tribunal": {"ORG"}}


def test_a_place_written_short_is_the_place():
    text = book(
        "Mr. Willoughby of Combe Magna came. He rode to Combe Magna; all was well at Combe Magna.",
        "He was very little at Combe. I would pull Combe down.",
        "We dined at the Blue Boar. The Blue Boar was full; at the Blue Boar they knew me.",
        "The Boar was cool on the subject. The Boar could not put me up.",
        "He was taken to the Police Court. He is in Court; in Court again.",
    )
    names = {"Combe Magna": "GPE", "Combe": "PERSON", "Blue Boar": "FAC", "Boar": "PERSON", "Court": "PERSON"}
    mentions = mentions_of(text, names)
    longer = [m for m in mentions if " " in m.text]
    mentions = [m for m in mentions if " " in m.text or not any(o.start <= m.start < o.end for o in longer)]
    found = labels(label_by_book(mentions, text, favouring("PERSON")))
    assert found["Combe"] == {"GPE"} and found["Boar"] == {"FAC"} and found["Court"] == {"PERSON"}


def test_a_bank_the_book_writes_as_a_place_is_a_rivers_bank():
    text = book(
        "I came upon Mill Pond Bank. The house at Mill Pond Bank was old; we rowed past Mill Pond Bank, Herbert and I.",
        "Mill Pond Bank and Mill Pond stairs. He paid the Land Bank; loans from the Land Bank; to the Land Bank.",
        "“Come,” said Herbert. Herbert, who rowed, laughed.",
    )
    names = {"Mill Pond Bank": "ORG", "Land Bank": "ORG", "Mill Pond": "PERSON", "Herbert": "PERSON"}
    found = labels(label_by_book(mentions_of(text, names), text, favouring("PERSON")))
    assert found["Mill Pond Bank"] == {"LOC"} and found["Land Bank"] == {"ORG"}

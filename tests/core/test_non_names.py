"""Capitalised words a book writes like names that name no one: things written "the X"."""

from glossary_tui.core.entities.non_names import relabel_non_names
from glossary_tui.core.extraction.mentions import Mention
from tests.core.book_stage import FILLER, labels_by_name, mentions_of


def labels(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    return labels_by_name(relabel_non_names(mentions, text))


def test_a_person_written_the_x_with_no_person_cue_is_an_object():
    text = "The Moonstone was seized. Then the Moonstone passed to India. Pip saw it." + FILLER
    mentions = [*mentions_of(text, "Moonstone"), *mentions_of(text, "Pip")]
    assert labels(text, mentions) == {"Moonstone": {"PRODUCT"}, "Pip": {"PERSON"}}


def test_a_thing_the_book_puts_after_at_the_is_a_place():
    text = "We dined at the Boar. The Boar’s coffee-room was cold. I left the old Battery." + FILLER
    mentions = [*mentions_of(text, "Boar"), *mentions_of(text, "Battery")]
    assert labels(text, mentions) == {"Boar": {"FAC"}, "Battery": {"PRODUCT"}}


def test_a_thing_read_in_is_no_place():
    text = "As it is written in the Gospel. The Gospel was read." + FILLER
    assert labels(text, mentions_of(text, "Gospel")) == {"Gospel": {"PRODUCT"}}


def test_a_title_written_the_x_is_a_person_named_by_rank():
    text = "The Emperor rode past. We bowed to the Emperor." + FILLER
    assert labels(text, mentions_of(text, "Emperor")) == {"Emperor": {"PERSON"}}


def test_a_person_cue_anywhere_keeps_a_person_written_the_x():
    text = "I took the Avenger by the collar. The Avenger, who was idle, ran." + FILLER
    assert labels(text, mentions_of(text, "Avenger")) == {"Avenger": {"PERSON"}}


def test_a_name_that_is_no_common_word_stays_a_person():
    text = "The Fuwalda sailed. The Fuwalda rolled in the swell." + FILLER
    assert labels(text, mentions_of(text, "Fuwalda")) == {"Fuwalda": {"PERSON"}}


def test_a_person_seldom_written_the_x_stays():
    text = "Hope came in. Hope sat down. The Hope of them all." + FILLER
    assert labels(text, mentions_of(text, "Hope")) == {"Hope": {"PERSON"}}


def test_a_short_text_keeps_its_labels():
    text = "The Moonstone was seized. Then the Moonstone passed to India."
    assert labels(text, mentions_of(text, "Moonstone")) == {"Moonstone": {"PERSON"}}


def test_a_description_of_common_words_said_once_or_twice_as_the_x_is_no_name():
    text = "He drove from the War Office to the club. The War Office was shut. Tommy waited." + FILLER
    mentions = [*mentions_of(text, "War Office", "ORG"), *mentions_of(text, "Tommy")]
    assert labels(text, mentions) == {"Tommy": {"PERSON"}}


def test_a_description_said_often_stays():
    text = "The War Office called. " * 3 + FILLER
    assert labels(text, mentions_of(text, "War Office", "ORG")) == {"War Office": {"ORG"}}


def test_a_name_of_common_words_not_written_the_x_stays():
    text = "They lived in Dover Street. Dover Street was quiet." + FILLER
    assert labels(text, mentions_of(text, "Dover Street", "FAC")) == {"Dover Street": {"FAC"}}


def test_a_description_with_a_word_the_book_capitalises_elsewhere_stays():
    text = "Then the House of Usher fell. Roderick Usher was mad; Usher wept, and Usher died." + FILLER
    mentions = mentions_of(text, "House of Usher", "FAC")
    assert labels(text, mentions) == {"House of Usher": {"FAC"}}


def test_a_feast_is_a_date_and_no_entry():
    text = "Keep a jolly Christmas, Whitsun, and Easter tide. Hope came at Christmas Eve." + FILLER
    mentions = [*mentions_of(text, "Whitsun"), *mentions_of(text, "Christmas Eve"), *mentions_of(text, "Hope")]
    assert labels(text, mentions) == {"Hope": {"PERSON"}}


def test_a_person_named_like_a_feast_stays():
    text = "Joe Christmas sat down. “No,” said Christmas." + FILLER
    lone = text.rindex("Christmas")
    mentions = [*mentions_of(text, "Joe Christmas"), Mention(lone, lone + len("Christmas"), "Christmas", "PERSON")]
    assert labels(text, mentions) == {"Joe Christmas": {"PERSON"}, "Christmas": {"PERSON"}}


def test_a_point_of_the_compass_alone_is_no_name():
    text = "Szekelys live in the East and North, far from North America. Mr. West came." + FILLER
    mentions = [*mentions_of(text, "North America", "GPE"), *mentions_of(text, "East", "LOC")]
    north = text.index("North,")
    mentions += [Mention(north, north + 5, "North", "GPE"), *mentions_of(text, "Mr. West")]
    assert labels(text, mentions) == {"North America": {"GPE"}, "Mr. West": {"PERSON"}}


def test_an_abbreviation_left_alone_after_a_name_is_no_name():
    text = "To John Graves, Esq. And to James Mortimer, M.R.C.S., from Waite and Co. at last." + FILLER
    written = {"Esq": "PERSON", "M.R.C.S.": "PERSON", "Co.": "ORG", "John Graves": "PERSON"}
    mentions = [Mention(text.index(word), text.index(word) + len(word), word, label) for word, label in written.items()]
    assert labels(text, mentions) == {"John Graves": {"PERSON"}}


def test_an_abbreviation_word_written_as_a_name_stays():
    text = "Jun and Sen came home. Jun laughed. Co is a place in the west." + FILLER
    mentions = [*mentions_of(text, "Jun"), *mentions_of(text, "Sen"), *mentions_of(text, "Co")]
    assert labels(text, mentions) == {"Jun": {"PERSON"}, "Sen": {"PERSON"}, "Co": {"PERSON"}}


def test_a_house_named_after_a_person_of_the_book_is_no_thing():
    text = "Roderick Usher waited. I rode up to the House of Usher. The House of Usher was grey." + FILLER
    mentions = sorted([*mentions_of(text, "Roderick Usher"), *mentions_of(text, "House of Usher")])
    assert labels(text, mentions) == {"Roderick Usher": {"PERSON"}, "House of Usher": {"PERSON"}}
    text = "I rode up to the House of Usher. The House of Usher was grey." + FILLER
    assert labels(text, mentions_of(text, "House of Usher")) == {}  # no Usher lives there: a description said twice


def test_a_nationality_adjective_before_nouns_is_a_nationality():
    text = (
        "He went back to the Belgravian square. The Belgravian mansion was grand. We left the Belgravian. "
        "The Welsh puddler passed; Wolfe was Welsh, and a Welsh voice cried." + FILLER
    )
    mentions = [
        *mentions_of(text, "Belgravian", "FAC")[:2],
        Mention(text.index("the Belgravian."), text.index("the Belgravian.") + 14, "the Belgravian", "FAC"),
    ]
    mentions += mentions_of(text, "Welsh", "ORG")
    mentions += mentions_of(text, "Wolfe")
    assert labels(text, mentions) == {
        "Belgravian": {"NORP"},
        "the Belgravian": {"NORP"},
        "Welsh": {"NORP"},
        "Wolfe": {"PERSON"},
    }


def test_a_titled_name_ending_as_a_nationality_stays():
    text = "He walked on Saint Dunstan side, by Saint Dunstan church." + FILLER
    assert labels(text, mentions_of(text, "Saint Dunstan")) == {"Saint Dunstan": {"PERSON"}}


def test_a_given_name_ending_as_a_nationality_stays_a_person():
    text = "Christine sang well. Christine laughed at the Opera." + FILLER
    assert labels(text, mentions_of(text, "Christine")) == {"Christine": {"PERSON"}}


def test_a_name_ending_as_a_nationality_with_a_person_cue_stays_a_person():
    text = "Justinian ruled long. Justinian went on; said Justinian, smiling." + FILLER
    assert labels(text, mentions_of(text, "Justinian")) == {"Justinian": {"PERSON"}}


def test_a_place_before_a_noun_stays_a_place():
    text = "We saw the Milan cathedral and the Milan streets." + FILLER
    assert labels(text, mentions_of(text, "Milan", "GPE")) == {"Milan": {"GPE"}}


def test_a_verb_written_without_its_final_g_is_no_name():
    text = "“Talkin' through it!” he cried. “Respectin’ the law,” said Martin." + FILLER
    mentions = [*mentions_of(text, "Talkin"), *mentions_of(text, "Respectin"), *mentions_of(text, "Martin")]
    assert labels(text, mentions) == {"Martin": {"PERSON"}}


def test_a_name_before_a_closing_quote_stays():
    text = "‘Come, Martin’ said he. ‘Hush, Hawkin’ she said. Then Hawkin went home." + FILLER
    mentions = [*mentions_of(text, "Martin"), *mentions_of(text, "Hawkin")]
    assert labels(text, mentions) == {"Martin": {"PERSON"}, "Hawkin": {"PERSON"}}


def test_a_doctrine_is_no_name():
    text = "It was when Imperialism, Free Trade and Labour were the cry. Socialism rose. Mr. Gibbs came." + FILLER
    mentions = [
        *mentions_of(text, "Imperialism, Free Trade", "ORG"),
        *mentions_of(text, "Socialism"),
        *mentions_of(text, "Mr. Gibbs"),
    ]
    assert labels(text, mentions) == {"Mr. Gibbs": {"PERSON"}}


def test_common_words_of_a_chapter_heading_are_no_name():
    text = "Chapter I Out to Sea I had this story from Lilliput." + FILLER + "\nChapter II To Lilliput\n\nThen."
    assert labels(text, [*mentions_of(text, "Sea", "GPE"), *mentions_of(text, "Lilliput", "GPE")]) == {
        "Lilliput": {"GPE"}
    }


def test_a_place_kind_said_in_an_idiom_is_no_name():
    text = "I have spent my time badly, I am out of Court. Then Hall came. We dined at the Castle." + FILLER
    mentions = sorted([*mentions_of(text, "Court"), *mentions_of(text, "Hall"), *mentions_of(text, "Castle")])
    assert labels(text, mentions) == {"Hall": {"PERSON"}, "Castle": {"FAC"}}


def test_the_people_of_a_nation_the_book_names_are_a_nationality():
    text = "The French came. “Go!” said the Frenchmen, and a Frenchwoman wept; the Guardsman said no." + FILLER
    mentions = [
        *mentions_of(text, "French", "NORP"),
        *mentions_of(text, "Frenchmen"),
        *mentions_of(text, "Frenchwoman"),
        *mentions_of(text, "Guardsman"),
    ]
    assert labels(text, mentions) == {
        "French": {"NORP"},
        "Frenchmen": {"NORP"},
        "Frenchwoman": {"NORP"},
        "Guardsman": {"PERSON"},
    }

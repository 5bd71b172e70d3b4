"""The cues read around a name's mentions: what the words next to it say it is."""

import re

from glossary_tui.core.entities.book_words import book_words
from glossary_tui.core.entities.label_cues import name_cues, name_unit
from glossary_tui.core.extraction.mentions import Mention


def seen(text: str, name: str, label: str = "PERSON") -> dict[str, int]:
    """The cues counted over every occurrence of ``name`` in ``text``."""
    mentions = [Mention(m.start(), m.end(), name, label) for m in re.finditer(re.escape(name), text)]
    return dict(name_cues(mentions, text, book_words(text))[name_unit(name)].seen)


def test_only_a_verb_of_speech_before_a_name_says_a_person():
    assert seen("“Go away,” said Florence quietly.", "Florence").get("speech_before") == 1
    assert "speech_before" not in seen("At last they saw Florence from the hill.", "Florence")
    assert "speech_before" not in seen("Having left Munich at dawn, we slept.", "Munich")


def test_at_someones_is_their_house_the_owner_is_no_place():
    found = seen("We dined at Klein’s that night.", "Klein")
    assert found.get("possessive") == 1
    assert "place_before" not in found
    assert seen("We dined at Klein that night.", "Klein").get("place_before") == 1


def test_he_or_she_after_a_comma_begins_the_next_clause():
    assert "person_after" not in seen("When my father came to Paleham, he had taken a farm.", "Paleham")
    assert seen("He wrote to Paleham, who never answered.", "Paleham").get("person_after") == 1
    assert seen("He told Natásha his news.", "Natásha").get("person_after") == 1


def test_a_ruler_of_a_place_names_the_place():
    found = seen("The Diamond fell to Tippoo, Sultan of Seringapatam, who wore it.", "Seringapatam")
    assert found.get("gpe_noun_of") == 1
    assert "person_of" not in found
    assert seen("She was the daughter of Agnes and a sailor.", "Agnes").get("person_of") == 1
    assert seen("They looked across the plains of Languedoc.", "Languedoc").get("gpe_noun_of") == 1


def test_a_title_that_owns_a_place_is_part_of_its_name():
    assert name_unit("King 's Chapel") == "king 's chapel"
    assert name_unit("King Lear") == "lear"
    assert "title_before" not in seen("The old churchyard of King 's Chapel lay still.", "King 's Chapel", "FAC")


def test_a_name_quoted_after_the_or_his_is_a_title_not_a_call():
    found = seen('Machiavelli, in his "History of Florence," tells it.', "History of Florence", "WORK_OF_ART")
    assert "vocative" not in found
    assert "sentence_start" not in found
    called = seen("“Pip,” said Joe. He went out, “Pip, come here.”", "Pip")
    assert called.get("vocative") == 2


def test_a_person_noun_and_of_after_a_comma_is_an_apposition_without_an_article():
    assert seen("In Asia, Niger, head of the Asiatic army, rebelled.", "Niger").get("person_apposition") == 1
    assert seen("The Diamond fell to Tippoo, Sultan of Seringapatam.", "Tippoo").get("person_apposition") == 1
    assert "person_apposition" not in seen("He reached Lyon, capital of the Gauls.", "Lyon")
    assert "person_apposition" not in seen("He reached Lyon, head down.", "Lyon")

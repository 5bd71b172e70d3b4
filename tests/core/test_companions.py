"""What the detail panel tells about an entity: description, first appearance, company."""

from __future__ import annotations

import re

from glossary_tui.core.documents.document import Chapter
from glossary_tui.core.entities.companions import ReadingCompanions
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.mentions import Mention

TEXT = (
    "CHAPTER I\n\nAnna met the guests.\n\n"
    "CHAPTER II\n\nDólokhov, an officer of the Semënov regiment, drank with Pierre.\n\nPierre and Dólokhov laughed.\n"
)


def entity(name: str) -> Entity:
    mentions = tuple(Mention(m.start(), m.end(), name, "PERSON") for m in re.finditer(name, TEXT))
    return Entity(name.lower(), name, "PERSON", (), mentions)


def test_about_an_entity():
    chapters = (Chapter("Chapter I", 0, 1), Chapter("Chapter II", TEXT.index("CHAPTER II"), 1))
    anna, dolokhov, pierre = entity("Anna"), entity("Dólokhov"), entity("Pierre")
    companions = ReadingCompanions([anna, dolokhov, pierre], TEXT, chapters)
    about = companions.about(dolokhov)
    assert about.description is not None and about.description.text == "officer of the Semënov regiment"
    assert about.first_in == "Chapter II"
    assert about.appears_with == ((pierre, 2),)
    assert companions.about(anna).appears_with == ()
    assert ReadingCompanions([anna], TEXT).about(anna).first_in is None


def test_only_the_entities_it_was_built_with_and_no_mention_past_its_text():
    pierre = entity("Pierre")
    short = TEXT[: TEXT.index("Pierre") + 3]  # the text read so far ends inside the first "Pierre"
    companions = ReadingCompanions([pierre], short)
    assert companions.knows(pierre) and not companions.knows(entity("Pierre"))
    assert companions.about(pierre).description is None

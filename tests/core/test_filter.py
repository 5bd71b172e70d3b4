"""The entity list's filter: what a query finds and in which order."""

from __future__ import annotations

from glossary_tui.core.entities.entity import Entity, entity_id
from glossary_tui.core.entities.filter import rank_matches
from glossary_tui.core.extraction.mentions import Mention


def entity(name: str, count: int, label: str = "PERSON", aliases: tuple[str, ...] = ()) -> Entity:
    mentions = tuple(Mention(i * 10, i * 10 + len(name), name, label) for i in range(count))
    return Entity(entity_id(name, label), name, label, aliases, mentions)


WAR_AND_PEACE = [
    entity("Commission for the Revision of the Legal Code", 3, "ORG"),
    entity("Moscow", 150, "GPE"),
    entity("Moscow River", 2, "LOC"),
    entity("Nataly Shinshiná", 20),
    entity("Natásha", 900, aliases=("Natasha Rostova",)),
    entity("Sergey Lavrov", 5, aliases=("Lavrov",)),
    entity("Pavlograd", 7, "GPE"),
    entity("Anna Pavlovna", 40),
]


def names(query: str) -> list[str]:
    return [e.name for e in rank_matches(query, WAR_AND_PEACE)]


def test_an_exact_name_comes_first_and_scattered_letters_do_not_match_when_it_exists():
    assert names("moscow") == ["Moscow", "Moscow River"]
    assert names("natasha") == ["Natásha"]


def test_prefix_and_word_start_matches_rank_by_count():
    assert names("nata") == ["Natásha", "Nataly Shinshiná"]
    assert names("pav") == ["Anna Pavlovna", "Pavlograd"]
    assert names("lavrov") == ["Sergey Lavrov"]


def test_a_match_inside_a_word_comes_after_word_starts():
    assert names("avlo") == ["Anna Pavlovna", "Pavlograd"]  # both inside a word: by count
    assert names("osco") == ["Moscow", "Moscow River"]


def test_scattered_letters_match_only_when_nothing_better_does():
    assert names("pvlvn") == ["Anna Pavlovna"]
    assert names("slav") == ["Sergey Lavrov"]


def test_case_accents_and_aliases_are_ignored_and_the_limit_holds():
    assert names("ROSTOVA") == ["Natásha"]
    assert names("shinshina") == ["Nataly Shinshiná"]
    assert len(rank_matches("a", WAR_AND_PEACE, limit=3)) == 3
    assert rank_matches("zzz", WAR_AND_PEACE) == []

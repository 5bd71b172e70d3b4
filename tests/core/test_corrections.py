"""Reader corrections: each kind, their order, their records, and their reuse in another document."""

from __future__ import annotations

from dataclasses import replace

import pytest

from glossary_tui.core.entities.corrections import (
    Correction,
    Spelling,
    corrections_from_records,
    find_phrase_mentions,
    spellings_to_split,
)
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.extraction.mentions import Mention

TEXT = "Pierre met Anna Pavlovna in Petersburg. Pierre and Bezukhov are one. The Salon was loud. Count Bezukhov slept."
NAMES = {"Pierre": "PERSON", "Anna Pavlovna": "PERSON", "Petersburg": "GPE", "Bezukhov": "PERSON", "Salon": "ORG"}


def mentions(text: str = TEXT, names: dict[str, str] = NAMES) -> list[Mention]:
    found = []
    for name, label in names.items():
        start = text.find(name)
        while start != -1:
            found.append(Mention(start, start + len(name), name, label))
            start = text.find(name, start + len(name))
    return sorted(found)


def by_name(corrections, text=TEXT, names=NAMES):
    return {e.name: e for e in build_entities(mentions(text, names), text, corrections)}


def test_merge_joins_one_entity_into_another():
    entities = by_name([Correction("merge", "Bezukhov", "PERSON", target_name="Pierre", target_label="PERSON")])
    assert "Bezukhov" not in entities
    assert entities["Pierre"].count == 4 and "Bezukhov" in entities["Pierre"].aliases


def test_split_takes_an_alias_off_into_its_own_entity():
    merged = [Correction("merge", "Bezukhov", "PERSON", target_name="Pierre", target_label="PERSON")]
    entities = by_name([*merged, Correction("split", "Pierre", "PERSON", value="Bezukhov")])
    # "Count Bezukhov" is written with its title (the span takes it in): an alias of its own, left with Pierre.
    assert entities["Pierre"].count == 3 and entities["Bezukhov"].count == 1
    assert "Count Bezukhov" in entities["Pierre"].aliases


def test_rename_relabel_and_hide():
    entities = by_name([
        Correction("rename", "Pierre", "PERSON", value="Pierre Bezukhov"),
        Correction("relabel", "Salon", "ORG", value="FAC"),
        Correction("hide", "Petersburg", "GPE"),
    ])  # fmt: skip
    assert "Pierre" in entities["Pierre Bezukhov"].aliases
    assert entities["Salon"].label == "FAC"
    assert entities["Petersburg"].hidden and not entities["Salon"].hidden


def test_added_phrase_finds_every_whole_word_occurrence_and_replaces_overlaps():
    text = "The Salon of Anna Pavlovna. the salon was full; salons are not it. Salon\nof Anna Pavlovna again."
    entities = by_name([Correction("add", "Salon of Anna Pavlovna", "FAC")], text, {"Anna Pavlovna": "PERSON"})
    salon = entities["Salon of Anna Pavlovna"]
    assert salon.label == "FAC" and salon.count == 2
    assert "Anna Pavlovna" not in entities  # both its mentions were inside the added phrase
    assert [m.text for m in find_phrase_mentions(text, "salon", "FAC")] == ["Salon", "salon", "Salon"]


def test_corrections_apply_in_order_and_to_another_document():
    corrections = [
        Correction("merge", "Bezukhov", "PERSON", target_name="Pierre", target_label="PERSON"),
        Correction("rename", "Pierre", "PERSON", value="Pierre Bezukhov"),
    ]
    other = "Later, Bezukhov wrote to Pierre."
    entities = by_name(corrections, other, {"Bezukhov": "PERSON", "Pierre": "PERSON"})
    assert list(entities) == ["Pierre Bezukhov"] and entities["Pierre Bezukhov"].count == 2


def test_a_correction_about_an_absent_name_changes_nothing():
    assert by_name([Correction("hide", "Napoleon", "PERSON")]).keys() == by_name([]).keys()


def test_records_round_trip_and_unknown_kinds_are_skipped():
    correction = Correction("merge", "Bezukhov", "PERSON", target_name="Pierre", target_label="PERSON")
    record = {**correction.to_record(), "id": 7}
    assert Correction.from_record(record) == correction
    assert corrections_from_records([record, {"kind": "teleport", "name": "x", "label": "y"}]) == [correction]
    with pytest.raises(ValueError):
        Correction("teleport", "x", "y")
    assert correction.describe() == "merge Bezukhov into Pierre"


def test_a_spelling_split_off_takes_the_label_its_own_mentions_vote_for():
    text = "Pierre rode to Moscow. Moscow burned. Pierre wept; moscow was empty."
    found = mentions(text, {"Pierre": "PERSON", "Moscow": "GPE", "moscow": "PERSON"})
    merged = Correction("merge", "Moscow", "GPE", target_name="Pierre", target_label="PERSON")
    split = Correction("split", "Pierre", "PERSON", value="Moscow")
    entities = {e.name: e for e in build_entities(found, text, [merged, split])}
    assert entities["Moscow"].label == "GPE"  # two GPE votes against one PERSON
    assert entities["Pierre"].label == "PERSON" and entities["Pierre"].count == 2


def test_a_merge_keeps_the_label_the_reader_chose():
    kept = Correction("merge", "Petersburg", "GPE", target_name="Pierre", target_label="PERSON", value="GPE")
    entities = by_name([kept])
    assert entities["Pierre"].label == "GPE" and "Petersburg" in entities["Pierre"].aliases
    assert kept.describe() == "merge Petersburg into Pierre (as GPE)"
    assert by_name([replace(kept, value="")])["Pierre"].label == "PERSON"


def test_spellings_to_split_go_by_name_key_with_the_mentions_each_would_take():
    text = "Pierre saw Moscow. MOSCOW burned. Moscow wept. Pierre left."
    found = mentions(text, {"Pierre": "PERSON", "Moscow": "GPE", "MOSCOW": "GPE"})
    merged = Correction("merge", "Moscow", "GPE", target_name="Pierre", target_label="PERSON")
    (pierre,) = build_entities(found, text, [merged])
    assert spellings_to_split(pierre) == [Spelling("Moscow", ("MOSCOW",), 3)]
    alone = next(e for e in build_entities(found, text) if e.name == "Pierre")
    assert spellings_to_split(alone) == []

"""The glossary screen's search: word starts of names, aliases and notes, in order, within the kept entries."""

from __future__ import annotations

from glossary_tui.core.store.glossary_search import GlossarySearch
from glossary_tui.core.store.records import GlossaryEntry


def entry(name: str, aliases: tuple[str, ...] = (), note: str = "") -> GlossaryEntry:
    return GlossaryEntry(name, name, "PERSON", aliases, note, "", "", ())


ENTRIES = [
    entry("Natásha Rostóva", note="The heroine"),
    entry("Sergey Lavrov", ("Lavrov",)),
    entry("London"),
    entry("City of London"),
    entry("Pierre", note="Bezukhov's heir; marries Natasha"),
]


def names(found) -> list[str]:
    return [e.name for e in found[0]]


def test_a_query_matches_where_a_word_starts_ignoring_case_and_accents():
    search = GlossarySearch(ENTRIES)
    assert names(search.find("natasha", 10)) == ["Natásha Rostóva", "Pierre"]
    assert names(search.find("LAV", 10)) == ["Sergey Lavrov"]
    assert names(search.find("ondon", 10)) == []
    assert names(search.find("city of l", 10)) == ["City of London"]
    assert names(search.find("", 2)) == ["Natásha Rostóva", "Sergey Lavrov"]


def test_a_limit_and_whether_more_match():
    search = GlossarySearch(ENTRIES)
    assert search.find("london", 1) == ([ENTRIES[2]], True)
    assert search.find("london", 2) == ([ENTRIES[2], ENTRIES[3]], False)


def test_only_the_kept_entries_are_searched():
    search = GlossarySearch(ENTRIES)
    assert search.keep(lambda e: bool(e.note)) == 2
    assert names(search.find("natasha", 10)) == ["Natásha Rostóva", "Pierre"]
    assert names(search.find("london", 10)) == []
    assert names(search.find("", 10)) == ["Natásha Rostóva", "Pierre"]

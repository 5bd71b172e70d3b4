"""Finding a phrase in the text: case, accents, quotes and line breaks ignored, offsets into the text itself."""

from __future__ import annotations

from glossary_tui.core.documents.find import TextSearch, fold_character

TEXT = "Natásha met Prince\nAndrew. NATASHA laughed: “Vasíli’s ball!” Natasha, again."


def found(query: str, text: str = TEXT) -> list[str]:
    return [text[start:end] for start, end in TextSearch(text).find_all(query)]


def test_case_and_accents_are_ignored():
    assert found("natasha") == ["Natásha", "NATASHA", "Natasha"]
    assert found("NATÁSHA") == ["Natásha", "NATASHA", "Natasha"]


def test_a_phrase_matches_across_a_line_break_and_quote_styles():
    assert found("prince andrew") == ["Prince\nAndrew"]
    assert found("vasili's") == ["Vasíli’s"]
    assert found('"vasili') == ["“Vasíli"]


def test_nothing_for_blank_or_absent_queries_and_a_limit():
    assert found("") == [] and found("   ") == [] and found("Pierre") == []
    assert TextSearch("a a a a").find_all("a", limit=2) == [(0, 1), (2, 3)]


def test_folding_keeps_one_character_for_one():
    text = "İstanbul ß ﬁ Ǆ é\u0301 日本 🎉"
    assert len(TextSearch(text).folded) == len(text)
    assert all(len(fold_character(char)) == 1 for char in text)

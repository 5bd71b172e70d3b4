"""Chunking: pieces cover the text exactly, respect paragraphs and never exceed the maximum."""

import itertools
import re

import pytest

from glossary_tui.core.extraction.chunking import MAX_CHARS, chunk_spans


def assert_covers(text: str, spans: list[tuple[int, int]], maximum: int = MAX_CHARS) -> None:
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == start
    assert all(0 < end - start <= maximum for start, end in spans)


def test_short_text_is_one_chunk():
    text = "Sergey Lavrov met Ismail Haniyeh in Moscow.\n\nThey talked."
    assert chunk_spans(text) == [(0, len(text))]


def test_chunks_end_at_paragraph_breaks():
    paragraphs = [f"Paragraph {i} mentions Anna Pavlovna and Prince Vasili.\nA second line." for i in range(200)]
    text = "\n\n".join(paragraphs)
    spans = chunk_spans(text, target=500, maximum=2000)
    assert len(spans) > 10
    assert_covers(text, spans, 2000)
    for _, end in spans[:-1]:
        assert text[end - 2 : end] == "\n\n", "a chunk ends inside a paragraph"


def test_single_newline_paragraphs_when_there_are_no_blank_lines():
    text = "\n".join(f"Line {i} about Moscow and Hamas." for i in range(300))
    spans = chunk_spans(text, target=400, maximum=1000)
    assert_covers(text, spans, 1000)
    for _, end in spans[:-1]:
        assert text[end - 1] == "\n"


def test_long_paragraph_is_cut_at_sentence_ends():
    text = " ".join(f"Sentence number {i} names Pierre Bezukhov." for i in range(2000))
    spans = chunk_spans(text, target=1000, maximum=5000)
    assert_covers(text, spans, 5000)
    for _, end in spans[:-1]:
        assert re.match(r"\.\s", text[end - 2 : end]), text[end - 10 : end + 10]


@pytest.mark.parametrize("filler", ["x", "word ", "\u4e2d"])
def test_text_over_a_million_characters_without_breaks(filler):
    text = filler * (1_100_000 // len(filler))
    spans = chunk_spans(text)
    assert_covers(text, spans)


def test_empty_text_has_no_chunks():
    assert chunk_spans("") == []

"""Reflowing hard-wrapped paragraphs: newlines of a wrap become spaces, structure stays, offsets never move."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.documents.sample import sample_path
from glossary_tui.ui.reflow import reflow, wrap_width
from glossary_tui.ui.text_layout import TextLayout
from tests.shared_data import require_shared

BOOKS = ("war-and-peace", "great-expectations", "the-prince", "sense-and-sensibility", "a-tale-of-two-cities")

PROSE = (
    "This eBook is for the use of anyone anywhere at no cost and with almost\n"
    "no restrictions whatsoever. You may copy it, give it away or re-use\n"
    "it under the terms of the Project Gutenberg License included with this\n"
    "eBook or online at www.gutenberg.org\n"
)


def wrapped_prose(paragraphs: int = 3) -> str:
    return "\n".join([PROSE] * paragraphs)


def joined(original: str, reflowed: str) -> list[int]:
    """Offsets of the newlines shown as spaces."""
    return [i for i, (a, b) in enumerate(zip(original, reflowed, strict=True)) if a != b]


def test_a_hard_wrapped_paragraph_becomes_one_line_and_paragraph_breaks_stay():
    text = wrapped_prose()
    shown = reflow(text)
    assert shown == "\n".join([PROSE[:-1].replace("\n", " ") + "\n"] * 3)


@pytest.mark.parametrize(
    "block",
    [
        "It was the best of times,\nit was the worst of times,\nit was the age of wisdom,\n",  # verse
        "    CONTENTS\n\n    CHAPTER I\n    CHAPTER II\n",  # an indented table of contents
        "- first item of a list that is long enough to look like a full line of text\n"
        "- second item of a list that is long enough to look like a full line too\n",
        "1. Some princes, so as to hold securely the state, have disarmed their\n"
        "2. There never was a new prince who has disarmed his subjects; rather\n",
        "Chapter I   The Beginning of the Story and of Many Other Things    1\n"
        "Chapter II  The Middle of the Story, Where Things Become Difficult 17\n",
        "    “Dear Sir, I write to you from the country where I have been for\n"
        "    some weeks now, and where the weather has been unusually fine.”\n",
        "| name | what the column holds, long enough to be a full line of the text |\n"
        "| ---- | ---------------------------------------------------------------- |\n",
        "```\ndef wrapped(line: str, following: str) -> bool: return line.isspace() or not following\n"
        "    return not (_laid_out(line) or _laid_out(following)) and this is a long code line\n```\n",
        "# A Markdown heading that is long enough to look like a full line, really\n"
        "The first paragraph after the heading starts on its own line as written.\n",
    ],
)
def test_structure_is_kept_as_written(block):
    text = wrapped_prose() + "\n" + block + "\n" + wrapped_prose()
    shown = reflow(text)
    start = text.index(block)
    assert shown[start : start + len(block)] == block
    assert shown.count("\n") < text.count("\n"), "the prose around it is reflowed"


def test_a_text_written_a_paragraph_per_line_is_left_alone():
    text = read_document(sample_path()).text
    assert wrap_width(text.split("\n")) is None
    assert reflow(text) == text


def test_a_poem_of_even_lines_is_not_taken_for_a_wrap():
    poem = "Shall I compare thee to a summer's day?\nThou art more lovely and more temperate:\n" * 4
    assert reflow(poem) == poem


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\t-#|>1()`")), max_size=600), st.integers(40, 90))
def test_reflow_only_turns_newlines_into_spaces(words, width):
    # Hard-wrapped texts of random words, so the reflow has something to decide.
    text = "\n".join(line[:width] for line in (words * 3).split("\n"))
    shown = reflow(text)
    assert len(shown) == len(text)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(text, shown, strict=True))


@pytest.mark.parametrize("book", BOOKS)
def test_every_book_reflows_its_prose_and_keeps_what_is_not_prose(book):
    text = read_document(require_shared(f"corpus/{book}.txt")).text
    shown = reflow(text)
    assert len(shown) == len(text)
    width = wrap_width(text.split("\n"))
    assert width is not None and 65 <= width <= 80
    lines = text.split("\n")
    offset = 0
    kept_full = joined_short = full = 0
    for line, following in itertools.pairwise(lines):
        offset += len(line)
        soft = shown[offset] == " "
        if not following.strip() or following[0] in " \t":
            assert not soft, "a break before a blank or indented line stays"
        elif len(line) + 1 + len(following.split(" ")[0]) < 0.7 * width:
            joined_short += soft
        elif len(line) >= 0.9 * width:
            full += 1
            kept_full += not soft
        offset += 1
    assert joined_short == 0, "short lines (verse, headers, ends of paragraphs) keep their break"
    assert kept_full <= 0.01 * full, f"{kept_full} of {full} full lines of prose kept their break"


@pytest.mark.parametrize("book", BOOKS)
def test_in_a_narrow_pane_prose_rows_are_full_not_broken_twice(book):
    """At 50 columns, a 70-column line no longer shows as a full row and a stub."""
    text = read_document(require_shared(f"corpus/{book}.txt")).text
    width = 50
    for shown, most_stubs in ((text, None), (reflow(text), 0.01)):
        layout = TextLayout(shown, width)
        stubs = 0
        for row in range(len(layout) - 1):
            start, end = layout.row_span(row)
            following = shown[end + 1 : layout.row_span(row + 1)[1]]
            # A stub: a short row cut by a newline though the next row's first word would have fitted after it.
            stubs += (
                shown[end] == "\n"
                and following[:1] not in ("", " ")
                and 0 < end - start < width / 2
                and end - start + 1 + len(following.split(" ")[0]) <= width
            )
        if most_stubs is None:
            assert stubs > 0.1 * len(layout), "the hard-wrapped book breaks lines twice without the reflow"
        else:
            assert stubs <= most_stubs * len(layout), f"{stubs} of {len(layout)} rows are stubs"

"""Chapters of plain-text books (Gutenberg headings), and where an offset falls among a document's chapters."""

from __future__ import annotations

import pytest

from glossary_tui.core.documents.chapters import chapter_path, describe_location
from glossary_tui.core.documents.document import Chapter, read_document
from glossary_tui.core.documents.readers import read_content
from glossary_tui.core.documents.readers.headings import text_chapters
from tests.shared_data import require_shared

PROSE = "Pierre came into the drawing room and looked about him for a long while, saying nothing at all. " * 3


def book(*blocks: str) -> str:
    """Paragraphs separated by blank lines, as a Gutenberg book has them."""
    return "\n\n".join(blocks) + "\n"


def titles(text: str) -> list[tuple[int, str]]:
    return [(chapter.level, chapter.title) for chapter in text_chapters(text)]


def test_books_and_chapters_with_the_table_of_contents_left_out():
    text = book(
        "Title: War and Peace",
        "    CONTENTS",
        "    BOOK ONE: 1805",
        "    CHAPTER I",
        "    CHAPTER II",
        "    BOOK TWO: 1805",
        "    CHAPTER I",
        "BOOK ONE: 1805",
        "CHAPTER I",
        PROSE,
        "CHAPTER II",
        PROSE,
        "BOOK TWO: 1805",
        "CHAPTER I",
        PROSE,
        "FIRST EPILOGUE: 1813 - 20",
        "CHAPTER I",
        PROSE,
    )
    assert titles(text) == [
        (1, "Book One: 1805"),
        (2, "Chapter I"),
        (2, "Chapter II"),
        (1, "Book Two: 1805"),
        (2, "Chapter I"),
        (1, "First Epilogue: 1813 - 20"),
        (2, "Chapter I"),
    ]
    first = text_chapters(text)[0]
    assert text[first.start :].startswith("BOOK ONE: 1805\n\nCHAPTER I\n\nPierre")


def test_roman_numeral_chapters_under_books_of_the_first_kind():
    text = book(
        "Book the First--Recalled to Life",
        "I. The Period",
        PROSE,
        "II. The Mail",
        PROSE,
        "Book the Second--the Golden Thread",
        "I. Five Years Later",
        PROSE,
    )
    assert titles(text) == [
        (1, "Book the First--Recalled to Life"),
        (2, "I. The Period"),
        (2, "II. The Mail"),
        (1, "Book the Second--the Golden Thread"),
        (2, "I. Five Years Later"),
    ]


def test_chapters_alone_are_one_level_and_a_title_may_go_on_in_capitals():
    text = book(
        "INTRODUCTION",
        PROSE,
        "CHAPTER I -- HOW MANY KINDS OF PRINCIPALITIES THERE ARE, AND BY WHAT\nMEANS THEY ARE ACQUIRED",
        PROSE,
        "Chapter 2",
        PROSE,
    )
    assert titles(text) == [
        (1, "Introduction"),
        (1, "Chapter I -- How Many Kinds of Principalities There Are, and by What Means They Are Acquired"),
        (1, "Chapter 2"),
    ]


def test_prose_that_starts_like_a_heading_is_not_one():
    text = book(
        "Chapter 2 of the report says nothing.",
        PROSE,
        "Introduction to the second volume",
        PROSE,
        "book one was lost.",
        PROSE,
        "CHAPTER III\nwas written on the first line of a paragraph.",
        PROSE,
        "I. This numbered point is alone.",
        PROSE,
    )
    assert titles(text) == []


def test_the_gutenberg_licence_is_not_searched():
    text = book(
        "The Project Gutenberg EBook of Something",
        "*** START OF THIS PROJECT GUTENBERG EBOOK SOMETHING ***",
        "CHAPTER I",
        PROSE,
        "*** END OF THIS PROJECT GUTENBERG EBOOK SOMETHING ***",
        "CHAPTER II",
        PROSE,
    )
    assert titles(text) == [(1, "Chapter I")]


def test_a_plain_text_document_has_its_chapters():
    reading = read_content("book.txt", book("CHAPTER 1", PROSE, "CHAPTER 2", PROSE).encode())
    assert [chapter.title for chapter in reading.chapters] == ["Chapter 1", "Chapter 2"]
    article = read_content("news.txt", b"Sergey Lavrov met the delegation.\nThey talked.\n")
    assert article.chapters == ()


def test_markdown_and_html_headings_have_levels():
    markdown = read_content("notes.md", b"# Notes\n\nText.\n\n## Later\n\nMore.\n")
    assert [(c.title, c.level) for c in markdown.chapters] == [("Notes", 1), ("Later", 2)]
    html = read_content("page.html", b"<body><h1>Top</h1><p>a</p><h2>Part</h2><p>b</p><h3>Bit</h3><p>c</p></body>")
    assert [(c.title, c.level) for c in html.chapters] == [("Top", 1), ("Part", 2), ("Bit", 3)]


CHAPTERS = (
    Chapter("Book One: 1805", 10, 1),
    Chapter("Chapter I", 20, 2),
    Chapter("Chapter II", 100, 2),
    Chapter("Book Two: 1805", 200, 1),
    Chapter("Chapter I", 210, 2),
)


@pytest.mark.parametrize(
    ("offset", "where"),
    [
        (0, None),
        (15, "Book One: 1805"),
        (20, "Book One: 1805, Chapter I"),
        (150, "Book One: 1805, Chapter II"),
        (205, "Book Two: 1805"),
        (10_000, "Book Two: 1805, Chapter I"),
    ],
)
def test_where_an_offset_lies(offset, where):
    assert describe_location(CHAPTERS, offset) == where


def test_an_articles_own_title_is_not_part_of_where_one_is():
    chapters = (Chapter("Talks in Geneva", 0, 1), Chapter("Reactions", 50, 2))
    assert describe_location(chapters, 60) == "Reactions"
    assert describe_location(chapters, 10) == "Talks in Geneva"
    assert chapter_path((), 5) == ()


@pytest.mark.parametrize(
    ("name", "count", "first", "last"),
    [
        ("war-and-peace.txt", 382, "Book One: 1805", "Chapter XII"),
        ("a-tale-of-two-cities.txt", 48, "Book the First--Recalled to Life", "XV. The Footsteps Die Out For Ever"),
        ("great-expectations.txt", 59, "Chapter I", "Chapter LIX"),
        ("sense-and-sensibility.txt", 50, "Chapter 1", "Chapter 50"),
        ("the-prince.txt", 27, "Introduction", "Chapter XXVI -- An Exhortation to Liberate Italy from the Barbarians"),
    ],
)
def test_the_corpus_books_chapters(name, count, first, last):
    document = read_document(require_shared(f"corpus/{name}"))
    chapters = document.chapters
    assert (len(chapters), chapters[0].title, chapters[-1].title) == (count, first, last)
    assert all(document.text[c.start :].upper().startswith(c.title.split()[0].upper()) for c in chapters)

"""What extraction reads: Gutenberg's header and licence and inline markup are blanked, offsets unchanged."""

import pytest

from glossary_tui.core.documents.contents import contents_ranges
from glossary_tui.core.documents.document import Document, read_document
from glossary_tui.core.documents.gutenberg import boilerplate_ranges
from glossary_tui.core.documents.markup import markup_ranges
from tests.shared_data import require_shared

GUTENBERG = (
    "The Project Gutenberg EBook of War and Peace, by Leo Tolstoy\n\n"
    "Translators: Louise and Aylmer Maude\n\n"
    "*** START OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n\n\n"
    "Produced by An Anonymous Volunteer\n\n\n"
    "Well, Prince, so Genoa and Lucca are now just family estates.\n\n"
    "End of the Project Gutenberg EBook of War and Peace, by Leo Tolstoy\n\n"
    "*** END OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n\n"
    "Project Gutenberg-tm is synonymous with the free distribution of electronic works.\n"
)


def blanked(text: str) -> str:
    return Document.from_text(text).extraction_text


CONTENTS = (
    "A TALE OF TWO CITIES\n\n\nCONTENTS\n\n\n"
    "     Book the First--Recalled to Life\n\n"
    "     Chapter I      The Period\n"
    "     Chapter II     The Mail\n"
    "     Chapter III    Five Years Later\n\n\n"
    "     Book the Second--the Golden Thread\n\n"
    "     Chapter I      Monseigneur in Town\n\n\n\n\n"
    "Book the First--Recalled to Life\n\n\n\n\n"
    "I. The Period\n\n\n"
    "It was the best of times, it was the worst of times, said Mr. Lorry.\n\n"
    "CHAPTER II.\n\nThe Mail\n\nIt was the Dover road that lay, on a Friday night.\n\n"
    "CHAPTER III.\n\nPart of the road was mud, and Monseigneur in Town was a play.\n"
)


def test_a_table_of_contents_is_found_by_its_run_of_entries_and_the_books_headings_are_not():
    ranges = contents_ranges(CONTENTS)
    assert [CONTENTS[start:end] for start, end in ranges] == [
        CONTENTS[
            CONTENTS.index("     Book the First") : CONTENTS.index("Monseigneur in Town") + len("Monseigneur in Town")
        ]
    ]


def test_extraction_leaves_out_a_table_of_contents():
    text = blanked(CONTENTS)
    assert "Five Years Later" not in text and text.count("Monseigneur in Town") == 1
    assert "It was the best of times" in text and "I. The Period" in text


def test_gutenberg_header_credit_and_licence_are_boilerplate():
    ranges = boilerplate_ranges(GUTENBERG)
    body = GUTENBERG.index("Well, Prince")
    assert ranges == ((0, GUTENBERG.index("\n\n\nWell")), (GUTENBERG.index("End of the Project"), len(GUTENBERG)))
    assert ranges[0][1] <= body < ranges[1][0]


def test_extraction_reads_only_the_book_of_a_gutenberg_text():
    document = Document.from_text(GUTENBERG)
    text = document.extraction_text
    assert len(text) == len(document.text)
    assert text.count("\n") == document.text.count("\n")
    for boilerplate in ("Louise", "Aylmer Maude", "Anonymous Volunteer", "Project Gutenberg", "Leo Tolstoy"):
        assert boilerplate not in text
    assert "Well, Prince, so Genoa and Lucca are now just family estates." in text
    assert document.boilerplate == boilerplate_ranges(document.text)


def test_markers_in_other_spellings():
    old = (
        "header\n***START OF THE PROJECT GUTENBERG ETEXT X***\nbody\n*** end of the project gutenberg ebook x ***\nlaw"
    )
    assert boilerplate_ranges(old) == ((0, old.index("\nbody")), (old.index("*** end"), len(old)))


def test_a_text_without_markers_has_no_boilerplate():
    text = "He spoke of the Project Gutenberg of his youth. The End of it all."
    assert boilerplate_ranges(text) == ()
    assert blanked(text) == text


def test_every_corpus_book_has_its_header_and_licence_found():
    for path in sorted(require_shared("corpus").glob("*.txt")):
        document = read_document(path)
        (_, header_end), (licence_start, licence_end) = document.boilerplate
        assert "START OF THIS PROJECT GUTENBERG" in document.text[:header_end], path
        assert document.text[licence_start:].startswith("End of the Project Gutenberg"), path
        assert licence_end == len(document.text)
        assert "Project Gutenberg-tm" not in document.extraction_text, path


def test_style_tags_and_emphasis_markers_are_blanked():
    assert blanked("[bold]Angela Merkel[/bold] met **Berlin** [i]x[/]") == (
        "      Angela Merkel        met   Berlin      x   "
    )
    assert blanked("It was _Natásha_ who <b>came</b>.") == "It was  Natásha  who    came    ."


def test_what_is_not_markup_stays():
    text = "snake_case and 5 * 3 stay; [Illustration] and [Sidenote: Moscow] are prose; <Pip> too."
    assert markup_ranges(text) == []
    assert blanked(text) == text


@pytest.mark.parametrize(
    "credit",
    [
        "Produced by John Bickers, David Widger and Others",
        "An Anonymous Volunteer, and David Widger",
        "Special thanks are due to Sharon Partridge for extensive\nproofreading and correction of this etext.",
        "E-text prepared by Judith Boss",
    ],
)
def test_the_credit_paragraph_after_the_start_marker_is_boilerplate(credit):
    text = (
        f"Header\n\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\n\n{credit}\n\n\nWAR AND PEACE\n\nWell, Prince."
    )
    (_, header_end), *_ = boilerplate_ranges(text)
    assert text[:header_end].endswith(credit)


@pytest.mark.parametrize(
    "opening",
    [
        "WAR AND PEACE",
        "Sense and Sensibility\n\nby Jane Austen",
        "It was the best of times, it was the worst of times, and Sydney Carton was far away.",
        "Emma Woodhouse, handsome, clever, and rich, with a comfortable home and happy disposition.",
    ],
)
def test_the_books_own_opening_after_the_start_marker_is_not_taken_for_a_credit(opening):
    text = f"Header\n\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\n{opening}\n\nMore of the book."
    (_, header_end), *_ = boilerplate_ranges(text)
    assert text[header_end:].lstrip().startswith(opening)

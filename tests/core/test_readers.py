"""Readers: each format's text, title and chapters, the choice of reader, and what cannot be read."""

import io
import os
import sys
from pathlib import Path

import pytest

from glossary_tui.core.documents.document import Chapter, Document, read_document
from glossary_tui.core.documents.library import readable_files
from glossary_tui.core.documents.readers import read_content
from glossary_tui.core.errors import DocumentError
from tests.shared_data import require_shared

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def make_epub(path: Path, chapters: list[tuple[str, str]], title: str = "A Little Book") -> Path:
    """Write an EPUB with ``(title, body html)`` chapters, listed in the spine in that order."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("id-glossary-test")
    book.set_title(title)
    book.set_language("en")
    book.add_author("Leo Tolstoy")
    items = []
    for number, (chapter_title, body) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=chapter_title, file_name=f"chapter{number}.xhtml", lang="en")
        item.content = f"<html><body>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = [
        epub.Link(item.file_name, chapter_title, f"c{n}")
        for n, (item, (chapter_title, _)) in enumerate(zip(items, chapters, strict=True))
    ]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *items]
    epub.write_epub(str(path), book)
    return path


def test_html_main_text_paragraphs_title_and_headings():
    document = read_document(FIXTURES / "article.html")
    assert document.title == "Talks in Geneva"
    paragraphs = document.text.rstrip("\n").split("\n\n")
    assert paragraphs[:3] == [
        "Talks in Geneva",
        "Sergey Lavrov met Antony Blinken in Geneva on Friday.",
        "The talks lasted two hours.\nBoth sides spoke of progress.",
    ]
    assert "NATO welcomed the meeting." in paragraphs
    assert "Markup stays text: [bold]x[/] and [@click=app.quit]quit[/] & <tags>." in paragraphs
    for chrome in ("Daily Site", "World", "tracker", "color", "Macron", "Copyright"):
        assert chrome not in document.text
    assert document.chapters == (
        Chapter("Talks in Geneva", 0, 1),
        Chapter("Reactions", document.text.index("Reactions"), 2),
    )


def test_html_title_falls_back_to_title_element_then_first_heading():
    titled = read_content("page.html", b"<html><head><title> Only\n the  title </title></head><body><p>x</p></body>")
    assert titled.title == "Only the title"
    headed = read_content("page.htm", b"<body><h1>The heading</h1><p>text</p></body>")
    assert headed.title == "The heading"


def test_html_without_main_reads_the_body_and_keeps_pre_spacing():
    reading = read_content("p.html", b"<body><div>one<div>two</div>three</div><pre>a\n   b</pre></body>")
    assert reading.text == "one\n\ntwo\n\nthree\n\na\n   b\n"


def test_html_in_a_declared_legacy_charset():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет, Москва</p></body></html>'
    assert read_content("ru.html", page.encode("cp1251")).text == "Привет, Москва\n"


def test_html_with_control_characters_and_bidi_is_normalised():
    reading = read_content("x.html", "<p>red\x1b[31m text \u202e here</p>".encode())
    assert "\x1b" not in reading.text and "\u202e" not in reading.text


def test_deeply_nested_html_does_not_overflow_the_stack():
    page = b"<body>" + b"<div>" * 5000 + b"deep" + b"</div>" * 5000 + b"</body>"
    assert read_content("deep.html", page).text == "deep\n"


def test_html_is_recognised_without_a_suffix():
    assert read_content("-", b"\n<!DOCTYPE html><title>T</title><p>Para</p>").text == "Para\n"


def test_epub_chapters_in_spine_order_with_titles(tmp_path):
    path = make_epub(
        tmp_path / "book.epub",
        [
            ("Book One", "<h1>I</h1><p>Well, Prince, so Genoa and Lucca are now just family estates.</p>"),
            ("Book Two", "<p>Pierre Bezukhov arrived at Anna Pavlovna's soirée.</p>"),
        ],
        title="War and Peace",
    )
    document = read_document(path)
    assert document.title == "War and Peace"
    assert [c.title for c in document.chapters] == ["Book One", "Book Two"]
    first, second = document.chapters
    assert document.text[first.start :].startswith("I\n\nWell, Prince")
    assert document.text[second.start :].startswith("Pierre Bezukhov")
    assert first.start < second.start


def test_epub_is_recognised_by_its_first_bytes(tmp_path):
    path = make_epub(tmp_path / "book.epub", [("One", "<p>Natasha danced.</p>")])
    assert read_content("-", path.read_bytes()).text.endswith("Natasha danced.\n")


def test_damaged_epub_is_one_clear_error(tmp_path):
    data = make_epub(tmp_path / "book.epub", [("One", "<p>x</p>")]).read_bytes()
    broken = tmp_path / "broken.epub"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError, match=r"broken\.epub: not a readable EPUB"):
        read_document(broken)


def test_markdown_is_shown_as_written_with_urls_blanked_for_extraction():
    document = read_document(FIXTURES / "notes.md")
    source = (FIXTURES / "notes.md").read_text(encoding="utf-8")
    assert document.text == source
    assert document.title == "Reading notes"
    assert [c.title for c in document.chapters] == ["Reading notes", "Later"]
    blanked = document.extraction_text
    assert len(blanked) == len(document.text)
    for url_word in ("reuters", "Paris", "London", "Madrid", "wikipedia", "Boris"):
        assert url_word not in blanked
    for prose in ("the report by Reuters", "Angela Merkel spoke in Berlin"):
        assert prose in blanked
    differing = [i for i, (a, b) in enumerate(zip(blanked, document.text, strict=True)) if a != b]
    assert all(blanked[i] == " " for i in differing)


def test_markdown_front_matter_title():
    reading = read_content("n.md", b'---\nlayout: post\ntitle: "Front matter"\n---\n# Heading\ntext\n')
    assert reading.title == "Front matter"


def test_plain_text_extraction_text_is_the_text():
    document = Document.from_text("See https://example.com/Paris.")
    assert document.extraction_text == document.text


def test_windows_1252_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Title: Les Misérables\r\n\r\nJean Valjean — “Cosette”.\r\n".encode("cp1252"))
    document = read_document(path)
    assert document.title == "Les Misérables"
    assert document.text == "Title: Les Misérables\n\nJean Valjean — “Cosette”.\n"


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Moscow\r\n".encode("utf-16"))))
    document = read_document("-")
    assert (document.text, document.title) == ("Moscow\n", "standard input")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the document is empty"),
        (b" \n\t\r\n \x0c ", "the document is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary data"),
        (b"PK\x03\x04" + bytes(200), "binary data"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "binary data"),
        (bytes(range(32)) * 20, "binary data"),
    ],
    ids=["empty", "whitespace", "png", "zip", "elf", "controls"],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        read_document(path)


def test_missing_path(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nope.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(DocumentError, match="permission denied"):
        read_document(path)


def test_a_directory_is_not_a_document_and_says_what_it_holds(tmp_path):
    with pytest.raises(DocumentError, match="is a directory with no readable document"):
        read_document(tmp_path)
    (tmp_path / "a.txt").write_text("Anna")
    with pytest.raises(DocumentError, match=r"is a directory, not a document \(1 readable files"):
        read_document(tmp_path)


def test_library_lists_readable_files(tmp_path):
    for name in ("b.txt", "a.md", "c.HTML", "d.epub", "README", ".hidden.txt", "image.png", "notes.docx"):
        (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" if name == "image.png" else b"Some text\n")
    (tmp_path / "binary").write_bytes(b"\x7fELF" + bytes(100))
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "f.txt").write_text("x")
    names = [p.relative_to(tmp_path).as_posix() for p in readable_files(tmp_path)]
    assert names == ["README", "a.md", "b.txt", "c.HTML", "d.epub"]
    nested = [p.relative_to(tmp_path).as_posix() for p in readable_files(tmp_path, recursive=True)]
    assert nested == ["README", "a.md", "b.txt", "c.HTML", "d.epub", "sub/e.txt"]


def test_every_corpus_file_reads():
    for path in readable_files(require_shared("corpus"), recursive=True):
        document = read_document(path)
        assert document.text and not document.text.startswith("\ufeff"), path
        assert "\r" not in document.text, path


def test_permission_denied_message_under_any_user(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("x")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DocumentError, match=r"secret\.txt: permission denied$"):
        read_document(path)


@pytest.mark.parametrize("text", ["", " ", "one", " a b  c ", "word" * 10, "ab cd\u3000ef\tgh\n"])
@pytest.mark.parametrize("step", [1, 2, 3, 1 << 20])
def test_words_are_counted_like_split(text, step):
    from glossary_tui.core.documents.document import count_words

    assert count_words(text, step) == len(text.split())


def test_a_folder_that_cannot_be_listed_is_one_clear_error(tmp_path, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(DocumentError, match="cannot list the folder \\(Permission denied\\)"):
        readable_files(tmp_path)
    with pytest.raises(DocumentError, match=r"is a directory, not a document$"):
        read_document(tmp_path)

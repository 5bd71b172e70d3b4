"""Hostile input in the reader: unreadable files are reported on screen, hostile text is shown safely."""

from __future__ import annotations

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.ui.app import GlossaryApp
from glossary_tui.ui.screens.reader import ReaderScreen
from glossary_tui.ui.widgets.article_view import ArticleView
from tests.ui.fakes import FakeExtractor, MemoryStore
from tests.ui.support import NAMES, settle, small_text

UNREADABLE = {
    "missing": (None, "no longer there"),
    "empty": (b"", "empty"),
    "whitespace": (b"  \n\t\n", "empty"),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(64), "binary"),
    "zip": (b"PK\x03\x04" + bytes(64), "binary"),
    "elf": (b"\x7fELF" + bytes(64), "binary"),
}
READABLE = {
    "nul bytes": b"Pierre\x00went to Moscow.",
    "invalid utf-8": b"Pierre \xff\xfe went to Moscow \xc3.",
    "windows-1252": b"Caf\xe9 in Moscow \x96 Pierre\x92s \x93friend\x94.",
    "long line": b"Pierre went to Moscow. " + b"x" * 200_000 + b" Pierre said so.",
    "markup": b"[bold]Pierre[/] [@click=app.quit]x[/] in Moscow [/]",
    "ansi and c1": b"\x1b[31mPierre\x1b[0m \x9b2J in Moscow \x07",
    "bidi and zero width": "Pierre \u202eevil\u202c in\u200b Moscow".encode(),
    "cjk and emoji": "Pierre 日本語 😀 in Moscow".encode(),
    "tabs": b"Pierre\tin\tMoscow",
}


@pytest.mark.parametrize("case", list(UNREADABLE))
async def test_an_unreadable_file_is_reported_and_the_reader_stays(tmp_path, case):
    content, message = UNREADABLE[case]
    path = tmp_path / f"{case}.txt"
    if content is not None:
        path.write_bytes(content)
    app = GlossaryApp(Document.from_text(small_text()), FakeExtractor(NAMES), MemoryStore())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.open_document(str(path))
        await settle(app, pilot)
        notes = " ".join(str(n.message) for n in app._notifications)
        assert message in notes
        assert isinstance(app.screen, ReaderScreen) and app.screen.document.source == "<text>"


@pytest.mark.parametrize("case", list(READABLE))
async def test_hostile_text_opens_with_valid_highlights_and_nothing_unsafe_on_screen(tmp_path, case):
    path = tmp_path / "hostile.txt"
    path.write_bytes(READABLE[case])
    app = GlossaryApp(Document.from_text(small_text()), FakeExtractor(NAMES), MemoryStore())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.open_document(str(path))
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.document.source == str(path)
        text = reader.document.text
        assert {e.name for e in reader.entities} >= {"Moscow"}
        assert all(text[m.start : m.end] == m.text for e in reader.entities for m in e.mentions)
        article = reader.query_one(ArticleView)
        shown = "".join(article.render_line(y).text for y in range(article.scrollable_content_region.height))
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u202e\u202c" for c in shown)


async def test_notifications_show_names_literally():
    """A name with markup in a notification: shown as written, never parsed (it ended the app)."""
    from textual.widgets._toast import Toast

    app = GlossaryApp(Document.from_text(small_text()), FakeExtractor(NAMES), MemoryStore())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Pierre"))
        await settle(app, pilot)
        await pilot.press("R", *["backspace"] * 6, *"x[/] [@click=app.quit]y[/]", "enter")
        await settle(app, pilot)
        assert app.is_running
        shown = " ".join(str(toast.render()) for toast in app.screen.query(Toast))
        assert "rename Pierre to x[/] [@click=app.quit]y[/]" in shown

"""The glossary screen across documents, the directory picker, and switching documents."""

from __future__ import annotations

from glossary_tui.core.documents.document import Document, read_document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.store.glossary_store import open_store
from glossary_tui.ui.app import GlossaryApp
from glossary_tui.ui.screens.glossary import GlossaryScreen
from glossary_tui.ui.screens.library import LibraryScreen
from glossary_tui.ui.screens.reader import ReaderScreen
from tests.ui.fakes import FakeExtractor
from tests.ui.support import NAMES, choose_in_palette, settle, small_text


def write_books(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(small_text(), encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Pierre walked through Moscow alone. Pierre thought of Natasha.\n", encoding="utf-8")
    return first, second


async def test_a_note_from_one_document_shows_in_another_and_in_the_glossary(tmp_path):
    first, second = write_books(tmp_path)
    store = open_store(tmp_path / "glossary.json")
    app = GlossaryApp(read_document(first), FakeExtractor(NAMES), store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Pierre"))
        await settle(app, pilot)
        await pilot.press("e", *"Bezukhov's heir", "escape")
        await settle(app, pilot)
        app.open_document(str(second))
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.document.source == str(second)
        reader.go_to_entity(next(e.id for e in reader.entities if e.name == "Pierre"))
        await settle(app, pilot)
        assert reader.query_one("#note").text == "Bezukhov's heir"
        assert "first.txt" in str(reader.query_one("#detail-facts").render())
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("slash", *"heir")
        assert [e.name for e in app.screen.entries if "heir" in e.note] == ["Pierre"]
        assert "1 of" in app.screen.sub_title
        await pilot.press("enter", "enter")  # to the list, then to the entry's documents
        await pilot.press("enter")  # reopen the first document it lists
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)


async def test_a_folder_opens_a_picker_of_its_readable_files(tmp_path):
    first, second = write_books(tmp_path)
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    app = GlossaryApp(None, FakeExtractor(NAMES), open_store(tmp_path / "glossary.json"), (tmp_path, [first, second]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.document.source == str(second)


async def test_a_file_that_cannot_be_read_is_reported_in_the_reader(tmp_path):
    store = open_store(tmp_path / "glossary.json")
    app = GlossaryApp(Document.from_text(small_text()), FakeExtractor(NAMES), store)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x7fELF" + bytes(200))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.open_document(str(bad))
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("not a text document" in m or "binary" in m for m in messages), messages
        assert isinstance(app.screen, ReaderScreen)


async def test_export_from_the_palette_writes_the_glossary(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "docs"))
    store = open_store(tmp_path / "glossary.json")
    store.save_note(Entity("", "Pierre", "PERSON", (), ()), "a note [b]x[/b]")
    app = GlossaryApp(Document.from_text(small_text()), FakeExtractor(NAMES), store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await choose_in_palette(pilot, "export the glossary as markdown", "markdown")
        await settle(app, pilot)
    written = list((tmp_path / "docs").glob("glossary-*.md"))
    assert written and "a note [b]x[/b]" in written[0].read_text(encoding="utf-8")

"""What the reading companions look like: who is who, find, contents, spoiler-safe reading."""

from __future__ import annotations

from glossary_tui.core.documents.document import read_document
from glossary_tui.ui.app import GlossaryApp
from tests.ui.fakes import FakeExtractor, MemoryStore
from tests.ui.snapshots.test_reader_snapshots import sample_app
from tests.ui.support import settle
from tests.ui.test_companions import BOOK, NAMES


def book_app(tmp_path, store: MemoryStore | None = None) -> GlossaryApp:
    path = tmp_path / "book.txt"
    path.write_text(BOOK, encoding="utf-8")
    return GlossaryApp(read_document(path), FakeExtractor(NAMES), store or MemoryStore())


def test_who_is_who_where_first_and_with_whom(snap_compare, tmp_path):
    async def select_anna(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("slash", *"anna", "enter")
        await settle(pilot.app, pilot)

    assert snap_compare(book_app(tmp_path), terminal_size=(130, 40), run_before=select_anna)


def test_find_in_the_text(snap_compare):
    async def find_hamas(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("f", *"hamas")
        await settle(pilot.app, pilot)
        await pilot.press("enter", "enter")
        await settle(pilot.app, pilot)

    assert snap_compare(sample_app(), terminal_size=(130, 40), run_before=find_hamas)


def test_table_of_contents(snap_compare, tmp_path):
    async def contents(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("c")
        await settle(pilot.app, pilot)

    assert snap_compare(book_app(tmp_path), terminal_size=(130, 40), run_before=contents)


def test_spoiler_safe_reading(snap_compare, tmp_path):
    async def so_far(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("z")
        await settle(pilot.app, pilot)
        pilot.app.clear_notifications()
        await settle(pilot.app, pilot)

    assert snap_compare(book_app(tmp_path), terminal_size=(130, 40), run_before=so_far)

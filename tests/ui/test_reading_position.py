"""The reading position: reopening a document returns to where the reader left it, and is never lost."""

from __future__ import annotations

import threading

from glossary_tui.core.documents.document import Document
from glossary_tui.ui.app import GlossaryApp
from glossary_tui.ui.widgets.article_view import ArticleView
from tests.ui.fakes import FakeExtractor, MemoryStore
from tests.ui.support import NAMES, settle, small_text


def book() -> Document:
    return Document.from_text(small_text(400), source="long.txt", title="A long bit")


def top_offset(app) -> int:
    return app.screen.query_one(ArticleView).visible_range[0]


async def test_reopening_returns_to_where_the_reader_left(store):
    document = book()
    app = GlossaryApp(document, FakeExtractor(NAMES), store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.screen.query_one(ArticleView).focus()
        for _ in range(30):
            await pilot.press("pagedown")
        left_at = top_offset(app)
        assert left_at > 10_000
        await pilot.press("ctrl+c")
    assert store.positions[document.sha256] == left_at
    reopened = GlossaryApp(book(), FakeExtractor(NAMES), store)
    async with reopened.run_test(size=(100, 30)) as pilot:
        await settle(reopened, pilot)
        start, end = reopened.screen.query_one(ArticleView).visible_range
        assert start <= left_at < end


async def test_reopening_at_another_width_shows_the_same_text(store):
    document = book()
    store.positions[document.sha256] = 20_000
    app = GlossaryApp(document, FakeExtractor(NAMES), store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        start, end = app.screen.query_one(ArticleView).visible_range
        assert start <= 20_000 < end


async def test_quitting_before_the_position_is_restored_keeps_the_old_one():
    document = book()
    gate = threading.Event()

    class SlowStore(MemoryStore):
        def reading_position(self, sha256: str) -> int | None:
            gate.wait(5)
            return super().reading_position(sha256)

    store = SlowStore()
    store.positions[document.sha256] = 25_000
    app = GlossaryApp(document, FakeExtractor(NAMES), store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
    gate.set()
    assert store.positions[document.sha256] == 25_000


async def test_a_position_asked_before_the_layout_is_what_the_view_reports_until_it_lands():
    from textual.app import App

    text = small_text(400)

    class One(App[None]):
        def compose(self):
            yield ArticleView(text)

    app = One()
    async with app.run_test(size=(100, 30)) as pilot:
        article = app.query_one(ArticleView)
        article.scroll_to_offset_top(20_000)
        assert article.visible_range[0] == 20_000  # quitting now saves it, not the top of the text
        await pilot.pause()
        await pilot.pause()
        start, end = article.visible_range
        assert start <= 20_000 < end and article.scroll_offset.y > 0
        await pilot.resize_terminal(60, 30)
        assert article.visible_range[0] == start  # between the re-wrap and its scroll
        await pilot.pause()
        await pilot.pause()
        start_after, end_after = article.visible_range
        assert start_after <= start < end_after

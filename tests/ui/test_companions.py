"""The reading companions in the reader: who is who, who appears with whom, contents, find, spoiler-safe reading."""

from __future__ import annotations

from textual.command import CommandList

from glossary_tui.core.documents.document import read_document
from glossary_tui.ui.app import GlossaryApp
from glossary_tui.ui.screens.contents import ContentsScreen
from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser
from glossary_tui.ui.widgets.entity_context import EntityContext
from glossary_tui.ui.widgets.find_bar import FindBar
from tests.ui.fakes import FakeExtractor, MemoryStore
from tests.ui.support import FILLER, NAMES, settle

#: A small book: two chapters, people introduced as a novel introduces them, Napoleon only at the end.
BOOK = "\n\n".join(
    [
        "CHAPTER I",
        "Anna Pavlovna, the maid of honor of the Empress, met Prince Vasili in Petersburg.",
        "Pierre arrived late from Moscow; Anna Pavlovna greeted him with a nod.",
        *[FILLER] * 30,
        "CHAPTER II",
        "In Moscow the Rostovs were celebrating, and Pierre wrote in his diary.",
        *[FILLER] * 30,
        "Napoleon met the Emperor at Tilsit, and Anna Pavlovna spoke of nothing else.",
    ]
)


def book_app(tmp_path, store: MemoryStore | None = None) -> GlossaryApp:
    path = tmp_path / "book.txt"
    path.write_text(BOOK, encoding="utf-8")
    return GlossaryApp(read_document(path), FakeExtractor(NAMES), store or MemoryStore())


def names(app) -> set[str]:
    return {entity.name for entity in app.screen.query_one(EntityBrowser).shown_entities()}


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def caught_up(app, pilot) -> None:
    """Wait until spoiler-safe reading shows the entities up to where the reader has read."""
    for _ in range(200):
        if app.screen.so_far_limit == app.screen.progress.furthest:
            break
        await pilot.pause(0.05)
    await settle(app, pilot)
    assert app.screen.so_far_limit == app.screen.progress.furthest


async def select(app, pilot, name: str) -> None:
    app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == name))
    await settle(app, pilot)


async def test_the_detail_panel_says_who_it_is_where_first_and_with_whom(tmp_path):
    app = book_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Anna Pavlovna")
        about = text_of(app, "#context-about")
        assert about.startswith("maid of honor of the Empress")
        assert "first in Chapter I" in about
        companions = app.screen.query_one("#appears-with")
        rows = [str(option.prompt) for option in companions.options]
        assert rows[0] == "Pierre  1" and "Prince Vasili  1" in rows and "Napoleon  1" in rows
        await pilot.press("w")
        assert app.focused is companions
        await pilot.press(*["down"] * rows.index("Napoleon  1"), "enter")
        await settle(app, pilot)
        assert app.screen.selected.name == "Napoleon"
        assert app.screen.query_one(EntityBrowser).highlighted_entity.name == "Napoleon"
        assert "first in Chapter II" in text_of(app, "#context-about")
        await pilot.press("w", "escape")
        assert app.focused.id == "entity-list"


async def test_contents_jumps_to_a_chapter_and_the_header_says_where_one_is(tmp_path):
    app = book_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.screen.sub_title.startswith("Chapter I · ")
        await pilot.press("c")
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        chapter = app.screen.document.chapters[1]
        assert article.visible_range[0] == chapter.start
        assert app.screen.sub_title.startswith("Chapter II · ")
        assert "%" in app.screen.sub_title


async def test_a_document_without_chapters_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        assert not isinstance(app.screen, ContentsScreen)
        assert any("no chapters" in str(n.message) for n in app._notifications)


async def test_find_walks_the_matches_highlighted_in_the_article_and_esc_leaves(tmp_path):
    app = book_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        find = app.screen.query_one(FindBar)
        article = app.screen.query_one(ArticleView)
        await pilot.press("f", *"moscow")
        await settle(app, pilot)
        assert find.active and app.focused is find.input
        assert text_of(app, "#find-count") == "2 matches"
        await pilot.press("enter")
        assert text_of(app, "#find-count") == "match 1 of 2"
        assert article._current == find.matches[0]
        await pilot.press("enter")
        assert text_of(app, "#find-count") == "match 2 of 2"
        start, end = article.visible_range
        assert start <= find.matches[1].start < end
        article.focus()
        await pilot.press("n")
        assert text_of(app, "#find-count") == "match 1 of 2"
        await pilot.press("N")
        assert text_of(app, "#find-count") == "match 2 of 2"
        await pilot.press("escape")
        await pilot.pause()
        assert not find.active
        assert article._current is None or article._current.label != "FIND"
        assert any(m.label == "PERSON" for m in article._mentions)  # the entities are back


async def test_find_says_when_nothing_matches(tmp_path):
    app = book_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f", *"Bonaparte")
        await settle(app, pilot)
        assert text_of(app, "#find-count") == "no match"


async def test_spoiler_safe_reading_shows_only_what_was_read_and_is_remembered(tmp_path):
    store = MemoryStore()
    app = book_app(tmp_path, store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert "Napoleon" in names(app)
        await pilot.press("z")
        await settle(app, pilot)
        assert "spoiler-safe" in app.screen.sub_title
        assert names(app) == {"Anna Pavlovna", "Prince Vasili", "Pierre", "Petersburg", "Moscow"}
        anna = next(e for e in app.screen.entities if e.name == "Anna Pavlovna")
        assert anna.count == 2  # her mention at the end is not read yet
        await select(app, pilot, "Pierre")
        assert "first in Chapter I" in text_of(app, "#context-about")
        assert "Napoleon" not in text_of(app, "#context-about")
        app.screen.query_one(ArticleView).focus()
        await pilot.press("end")  # a jump to the end is not reading
        await settle(app, pilot)
        assert "Napoleon" not in names(app)
        await pilot.press("Z")  # ... unless the reader says so
        await settle(app, pilot)
        assert "Napoleon" in names(app)
        assert next(e for e in app.screen.entities if e.name == "Anna Pavlovna").count == 3
        await pilot.press("q")
    assert store.furthest[app.document.sha256] == (len(BOOK), True)


async def test_reading_on_widens_what_spoiler_safe_reading_shows(tmp_path):
    app = book_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("z")
        await settle(app, pilot)
        assert "Rostovs" not in names(app)
        app.screen.query_one(ArticleView).focus()
        for _ in range(12):
            await pilot.press("space")
            await caught_up(app, pilot)
            if "Rostovs" in names(app):
                break
        else:
            raise AssertionError("paging on never showed the Rostovs")
        assert app.screen.so_far_limit == app.screen.progress.furthest > BOOK.index("Rostovs")
        assert "Napoleon" not in names(app)
        await pilot.press("z")
        await settle(app, pilot)
        assert "Napoleon" in names(app)


async def test_spoiler_safe_reading_is_back_on_reopening(tmp_path):
    store = MemoryStore()
    app = book_app(tmp_path, store)
    store.furthest[app.document.sha256] = (BOOK.index("CHAPTER II"), True)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert "Rostovs" not in names(app) and "Pierre" in names(app)
        await pilot.press("c")
        chapters = app.screen.query_one("#chapters")
        assert [str(option.prompt) for option in chapters.options] == [
            "Chapter I",
            "Chapter II",
        ]
        await pilot.press("escape")
        app.screen.query_one(ArticleView).scroll_to_offset_top(0)
        store.furthest[app.document.sha256] = (BOOK.index("Pierre arrived"), True)
    second = book_app(tmp_path, store)
    async with second.run_test(size=(120, 30)) as pilot:
        await settle(second, pilot)
        await pilot.press("c")
        rows = [str(option.prompt) for option in second.screen.query_one("#chapters").options]
        assert rows[0] == "Chapter I" and "1 more chapter past where you have read" in rows[-1]
        await pilot.press("escape")
        assert isinstance(second.screen.query_one(EntityContext), EntityContext)


async def test_the_palette_and_help_offer_the_new_keys(tmp_path):
    app = book_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"table of contents")
        for _ in range(100):  # the palette searches in the background
            if app.screen.query_one(CommandList).option_count:
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        shown = str(app.screen.query_one("#help-keys").render())
        for line in ("Finding your way", "table of contents", "find in the text", "spoiler-safe", "select that entity"):
            assert line in shown
        await pilot.press("escape")
        await pilot.pause()
        footer_keys = {binding.key for (_, binding, _, _) in app.screen.active_bindings.values() if binding.show}
        assert {"c", "f", "z"} <= footer_keys


async def test_turning_spoiler_safe_reading_on_with_an_entity_from_further_on_selected(tmp_path):
    app = book_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"napoleon", "enter")  # the filter leaves nothing once Napoleon is not read yet
        await settle(app, pilot)
        assert app.screen.selected.name == "Napoleon"
        await pilot.press("z")
        await settle(app, pilot)
        assert app.is_running
        assert not app.screen.entities or "Napoleon" not in {e.name for e in app.screen.entities}
        assert not app.screen.query_one("#detail").display  # nothing of his is shown

"""Driving the reader with the keyboard and the mouse, as a reader would (fake extractor, small text)."""

from __future__ import annotations

import threading

from glossary_tui.ui.screens.help import HelpScreen
from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser, EntityList
from glossary_tui.ui.widgets.entity_detail import EntityDetail
from tests.ui.fakes import FakeExtractor
from tests.ui.support import NAMES, choose_in_palette, settle, small_text, wait_until


def screen_text(app) -> list[str]:
    """The article pane's rows as plain text."""
    article = app.screen.query_one(ArticleView)
    return [article.render_line(y).text for y in range(article.scrollable_content_region.height)]


def shown_words(app) -> str:
    """The article pane's text with wrapping undone (single spaces)."""
    return " ".join(" ".join(screen_text(app)).split())


def list_rows(app) -> list[str]:
    entity_list = app.screen.query_one(EntityList)
    return [str(option.prompt) for option in entity_list.options]


def detail(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def position(app) -> str:
    """What the detail pane's lower edge says: "mention 3 of 7", or how to walk the mentions."""
    return str(app.screen.query_one(EntityDetail).border_subtitle)


async def test_article_shows_markup_literally_and_entities_grouped_by_label(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        rows = shown_words(app)
        assert "[Illustration]" in rows
        assert "nod [/] reserved" in rows
        assert "[@click=app.quit]x[/]" in rows
        assert app.is_running
        listed = list_rows(app)
        assert listed[0].startswith("PERSON 4")
        assert any(row.endswith("3 Anna Pavlovna") for row in listed)
        assert "GPE 3" in listed
        assert "NORP 1" in listed
        assert "8 entities" in detail(app, "#status-text")


async def test_entities_appear_while_extraction_runs_and_quit_leaves_at_once(make_app):
    gate = threading.Semaphore(0)
    extractor = FakeExtractor(NAMES, gate=gate, chunk_size=60)
    app = make_app(text=small_text(40), extractor=extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        gate.release(3)  # three chunks through, the rest held
        await wait_until(pilot, lambda: app.screen.entities, "the first entities")
        partial = app.screen.entities
        assert partial, "entities should appear before extraction ends"
        assert "Napoleon" not in {e.name for e in partial}
        assert "finding entities" in detail(app, "#status-text")
        await pilot.press("q")
    assert not app.is_running
    assert app.return_code == 0


async def test_list_keys_select_and_enter_jumps_to_first_mention(make_app):
    app = make_app(text=small_text(60))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.focused, EntityList)
        browser = app.screen.query_one(EntityBrowser)
        first = browser.highlighted_entity.name
        await pilot.press("j")
        second = browser.highlighted_entity.name
        assert second != first
        await pilot.press("k")
        assert browser.highlighted_entity.name == first
        await pilot.press("end")  # the last row: places come last, Tilsit mentioned once
        assert browser.highlighted_entity.name == "Tilsit"
        article = app.screen.query_one(ArticleView)
        assert "Tilsit" not in shown_words(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Tilsit" in shown_words(app)
        assert article.scroll_offset.y > 0
        assert position(app) == "mention 1 of 1"


async def test_n_and_shift_n_walk_mentions_with_wrapping(make_app):
    app = make_app(text=small_text(60))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Anna Pavlovna"))
        await pilot.pause()
        await pilot.press("n")
        assert position(app) == "mention 1 of 3"
        await pilot.press("n", "n")
        assert position(app) == "mention 3 of 3"
        assert "Anna Pavlovna spoke" in shown_words(app)
        await pilot.press("n")
        assert position(app) == "mention 1 of 3"
        await pilot.press("N")
        assert position(app) == "mention 3 of 3"
        current = app.screen.query_one(ArticleView)._current
        assert current is not None and current.text == "Anna Pavlovna"


async def test_filter_finds_by_subsequence_and_label_sort_scope_cycle(make_app):
    app = make_app(text=small_text(60))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        browser = app.screen.query_one(EntityBrowser)
        await pilot.press("slash", *"pvlvn")
        assert [e.name for e in browser.shown_entities()] == ["Anna Pavlovna"]
        await pilot.press("enter")  # back to the list
        assert isinstance(app.focused, EntityList)
        assert browser.highlighted_entity.name == "Anna Pavlovna"
        await pilot.press("slash", *["backspace"] * 5, "escape")
        assert len(browser.shown_entities()) == 8
        await pilot.press("t")
        assert {e.label for e in browser.shown_entities()} == {"PERSON"}
        await pilot.press("t")
        assert {e.label for e in browser.shown_entities()} == {"NORP"}
        await pilot.press("t")
        assert {e.label for e in browser.shown_entities()} == {"GPE"}
        await pilot.press("t")
        assert browser.label == "All"
        await pilot.press("s")  # by first appearance
        people = [e.name for e in browser.shown_entities() if e.label == "PERSON"]
        assert people == ["Anna Pavlovna", "Prince Vasili", "Pierre", "Napoleon"]
        await pilot.press("s")  # A-Z
        people = [e.name for e in browser.shown_entities() if e.label == "PERSON"]
        assert people == sorted(people)
        await pilot.press("v")  # only what is on screen: the opening, not Tilsit
        names = {e.name for e in browser.shown_entities()}
        assert "Petersburg" in names and "Tilsit" not in names
        assert "on screen" in detail(app, "#entity-settings")
        await pilot.press("end")
        app.screen.query_one(ArticleView).scroll_end(animate=False, immediate=True)
        await pilot.pause()
        names = {e.name for e in browser.shown_entities()}
        assert "Tilsit" in names and "Petersburg" not in names


async def test_note_saved_on_leaving_editor_and_shown_on_reopening(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Pierre"))
        await settle(app, pilot)
        await pilot.press("e")
        assert app.focused.id == "note"
        await pilot.press(*"Bezukhov [b]heir[/b]")
        await pilot.press("escape")
        assert isinstance(app.focused, EntityList)
        await settle(app, pilot)
        assert store.notes[("PERSON", "pierre")] == "Bezukhov [b]heir[/b]"
    reopened = make_app()
    async with reopened.run_test(size=(120, 40)) as pilot:
        await settle(reopened, pilot)
        reopened.screen.go_to_entity(next(e.id for e in reopened.screen.entities if e.name == "Pierre"))
        await settle(reopened, pilot)
        assert reopened.screen.query_one("#note").text == "Bezukhov [b]heir[/b]"


async def test_note_saved_after_idle_typing_and_on_quit(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Moscow"))
        await settle(app, pilot)
        app.screen.note_idle_seconds = 0.5
        await pilot.press("e", *"old capital")
        assert ("GPE", "moscow") not in store.notes
        await wait_until(pilot, lambda: ("GPE", "moscow") in store.notes, "the note saved once typing rests")
        assert store.notes[("GPE", "moscow")] == "old capital"
        assert store.saves == 1, "saved once for the whole phrase, not once per key"
        await pilot.press(*" of Russia")
        await pilot.press("ctrl+c")
    assert store.notes[("GPE", "moscow")] == "old capital of Russia"
    assert store.positions


async def test_tab_moves_focus_between_panes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.focused, EntityList)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["mention-list", "article", "entity-list"]
        await pilot.press("shift+tab")
        assert app.focused.id == "article"


async def test_clicking_a_highlighted_mention_selects_its_entity(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        rows = screen_text(app)
        row = next(y for y, line in enumerate(rows) if "Petersburg" in line)
        column = rows[row].index("Petersburg")
        article = app.screen.query_one(ArticleView)
        await pilot.click(ArticleView, offset=(article.gutter.left + column + 2, article.gutter.top + row))
        await pilot.pause()
        assert app.screen.selected.name == "Petersburg"
        assert app.screen.query_one(EntityBrowser).highlighted_entity.name == "Petersburg"
        assert position(app) == "mention 1 of 1"


async def test_palette_goes_to_an_entity(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await choose_in_palette(pilot, "napoleon", "Napoleon")
        await pilot.pause()
        assert app.screen.selected.name == "Napoleon"


async def test_help_lists_keys_and_closes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [line.keys for line in app.screen.lines]
        for key in ("n", "N", "^p", "⏎", "esc", "g", "E", "H", "x", "m"):
            assert key in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_resize_rewraps_and_keeps_the_place(make_app):
    app = make_app(text=small_text(80))
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Tilsit"))
        await pilot.press("n")
        assert "Tilsit" in shown_words(app)
        wide_rows = len(app.screen.query_one(ArticleView)._layout)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert len(app.screen.query_one(ArticleView)._layout) > wide_rows
        assert "Tilsit" in shown_words(app)
        assert app.screen.has_class("-narrow")


async def test_theme_switch_changes_highlight_colours(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        row = next(y for y, line in enumerate(screen_text(app)) if "Petersburg" in line)
        dark = {segment.style for segment in article.render_line(row) if "Petersburg" in segment.text}
        app.theme = "textual-light"
        await pilot.pause()
        light = {segment.style for segment in article.render_line(row) if "Petersburg" in segment.text}
        assert dark and light and dark != light


async def test_names_differing_only_in_case_are_one_entry(make_app):
    extractor = FakeExtractor({"NAPOLEON": "PERSON", "Napoleon": "PERSON", "Pierre": "PERSON"})
    app = make_app(text="NAPOLEON\n\nPierre read Napoleon twice.\n", extractor=extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        shown = app.screen.query_one(EntityBrowser).shown_entities()
        # Named as written in running text; the heading's capitals are an alias.
        assert sorted((e.name, e.aliases) for e in shown) == [("Napoleon", ("NAPOLEON",)), ("Pierre", ())]


async def test_list_follows_the_reader_while_entities_arrive(make_app):
    gate = threading.Semaphore(0)
    app = make_app(text=small_text(30), extractor=FakeExtractor(NAMES, gate=gate, chunk_size=60))
    async with app.run_test(size=(120, 40)) as pilot:
        gate.release(1)
        await wait_until(pilot, lambda: app.screen.entities, "the first entities")
        browser = app.screen.query_one(EntityBrowser)
        gate.release(100)
        await settle(app, pilot)
        # Untouched, the cursor stays on the first row as better-known entities arrive.
        assert browser.highlighted_entity.name == "Anna Pavlovna"
        assert app.screen.query_one(EntityList).highlighted == 1
        await pilot.press("down", "down")
        chosen = browser.highlighted_entity
        browser.set_entities(app.screen.entities[::-1])
        await pilot.pause()
        assert browser.highlighted_entity == chosen

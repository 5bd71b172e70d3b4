"""Focus and keys: where the keyboard is, what paging keys page, the note editor, help and footer."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.color import Color
from textual.widgets import Footer, TextArea
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from glossary_tui.ui.screens.help import HelpScreen
from glossary_tui.ui.screens.reader import ReaderScreen
from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser, EntityList
from tests.ui.support import settle, small_text


def article(app) -> ArticleView:
    return app.screen.query_one(ArticleView)


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: Color) -> float:
        def linear(channel: int) -> float:
            c = channel / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = color.rgb
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def highlighted(app) -> str:
    return app.screen.query_one(EntityBrowser).highlighted_entity.name


async def test_the_keyboard_starts_in_the_entity_list(make_app):
    app = make_app(text=small_text(60))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.focused, EntityList)
        first = highlighted(app)
        await pilot.press("j")
        assert highlighted(app) != first
        await pilot.press("up")
        assert highlighted(app) == first
        assert article(app).scroll_offset.y == 0


@pytest.mark.parametrize("key", ["tab", "shift+tab"])
async def test_tab_cycles_the_panes_and_never_lands_in_the_note_or_the_filter(make_app, key):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        seen = []
        for _ in range(6):
            await pilot.press(key)
            seen.append(app.focused.id)
        assert set(seen) == {"entity-list", "mention-list", "article"}
        assert seen[:3] != seen[3:] or len(set(seen[:3])) == 3


async def test_stray_keys_never_reach_a_note_unseen(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("shift+tab", "q")  # q meant as quit, from the pane shift+tab went to
        assert not app.is_running
    assert store.notes == {}


async def test_the_note_editor_is_seen_while_typing_and_left_with_escape(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Pierre"))
        await settle(app, pilot)
        await pilot.press("e", *"heir q")
        editor = app.screen.query_one("#note", TextArea)
        assert app.focused is editor and app.is_running
        region = editor.content_region
        assert region.height >= 3 and region.width >= 30
        assert app.screen.region.contains_region(editor.region)
        assert app.screen.get_widget_at(region.x, region.y)[0] is editor  # nothing covers it
        await pilot.press("escape")
        assert isinstance(app.focused, EntityList)
        await settle(app, pilot)
        assert store.notes[("PERSON", "pierre")] == "heir q"
        assert not editor.display


async def test_escape_returns_to_the_pane_the_reader_came_from(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("e", "escape")
        assert isinstance(app.focused, ArticleView)


async def test_paging_keys_page_the_article_wherever_the_keyboard_is(make_app):
    app = make_app(text=small_text(80))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        first = highlighted(app)
        rows = []
        await pilot.press("pagedown")  # from the entity list
        rows.append(article(app).scroll_offset.y)
        await pilot.press("e", "escape", "pagedown")  # after leaving the note editor
        rows.append(article(app).scroll_offset.y)
        await pilot.press("tab")
        assert app.focused.id == "mention-list"
        await pilot.press("pagedown")  # from the mentions box
        rows.append(article(app).scroll_offset.y)
        await pilot.press("space")
        rows.append(article(app).scroll_offset.y)
        assert rows == sorted(rows) and len(set(rows)) == 4 and rows[0] > 0
        await pilot.press("pageup")
        assert article(app).scroll_offset.y == rows[2]
        assert highlighted(app) == first


async def test_help_lists_every_binding_grouped(make_app):
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        bindings = [
            *Binding.make_bindings(ReaderScreen.BINDINGS),
            *Binding.make_bindings(EntityList.BINDINGS),
            *Binding.make_bindings(ArticleView.BINDINGS),
        ]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.lines
        headings = [line.heading.split()[0] for line in lines if line.heading]
        assert headings[:4] == ["Reading", "Entities", "Corrections", "Glossary"]
        rows = [f"  {line.keys}  {line.what}" for line in lines if line.keys]
        for binding in bindings:
            key = app.get_key_display(binding)
            what = binding.tooltip or binding.description
            assert any(key in row.split("  ")[1].split() and what in row for row in rows), binding
        shown = " ".join(str(app.screen.query_one("#help-keys").render()).split())
        assert all(" ".join(line.what.split()) in shown for line in lines if line.what)
        hidden = next(row for row in rows if row.split()[0] == "H")
        assert "hidden" in hidden and "show" in hidden  # H shows or leaves out hidden entities
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_footer_shows_the_most_used_keys_and_help_on_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(Footer)
        shown = {key.key_display for key in footer.query(FooterKey) if key.region.right <= 80 and key.region.width}
        assert {"?", "q", "/", "n", "e", "g"} <= shown


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_focused_pane_stands_out_in_both_themes(make_app, theme):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await settle(app, pilot)
        screen = app.screen

        background = screen.styles.background

        def border(selector: str) -> Color:
            return background + screen.query_one(selector).styles.border_top[1]  # as blended on screen

        assert contrast(border("#browser"), background) > 2 * contrast(border("#article"), background)
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, ArticleView)
        assert contrast(border("#article"), background) > 2 * contrast(border("#browser"), background)


async def test_triple_clicks_anywhere_on_the_side_pane_leave_the_app_running(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for selector in ("#entity-settings", "#entity-filter", "#entity-list", "#detail-facts", "#status-text"):
            await pilot.click(selector, times=3)
            await pilot.pause()
        await pilot.click("#entity-settings", times=2)
        assert app.is_running


async def test_no_widget_of_ours_shadows_a_textual_attribute(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for node in [app.screen, *app.screen.walk_children()]:
            if not type(node).__module__.startswith("glossary_tui"):
                continue
            textual_base = next(c for c in type(node).__mro__ if c.__module__.startswith("textual"))
            clashes = {name for name in vars(node) if not name.startswith("_") and hasattr(textual_base, name)}
            assert not clashes, (type(node).__name__, clashes)


async def test_a_click_on_the_note_opens_the_editor(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.click("#note-preview")
        assert app.focused.id == "note"
        await pilot.press("escape")
        assert isinstance(app.focused, EntityList)


async def test_while_typing_the_footer_offers_only_what_works(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)

        def footer_keys() -> set[str]:
            return {key.key_display for key in app.screen.query_one(Footer).query(FooterKey)}

        assert "esc" not in footer_keys() and "q" in footer_keys()
        for key in ("slash", "e"):
            await pilot.press(key)
            await pilot.pause()
            assert footer_keys() == {"esc", "^p"}, key
            await pilot.press("escape")
            await pilot.pause()
            assert "q" in footer_keys()


async def test_names_with_markup_never_break_a_notification(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Pierre"))
        await settle(app, pilot)
        await pilot.press("R", *["backspace"] * 6, *"[/] Pierre [b]", "enter")
        await settle(app, pilot)
        assert app.screen.selected.name == "[/] Pierre [b]"
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any("to [/] Pierre [b]" in toast for toast in toasts), toasts


async def test_keys_typed_at_once_act_on_the_entity_under_the_cursor(make_app):
    app = make_app(text=small_text(30))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        entity_list = app.screen.query_one(EntityList)
        entity_list.action_cursor_down()  # j, its message not yet handled when n comes
        await app.screen.run_action("next_mention")
        under_cursor = app.screen.query_one(EntityBrowser).highlighted_entity
        assert app.screen.selected is under_cursor and app.screen.mention_index == 0

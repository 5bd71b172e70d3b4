"""Small terminals: at 80x24 and up the reader reads, sees the selected entity and sees the note they type."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser, EntityList
from glossary_tui.ui.widgets.entity_detail import EntityDetail
from tests.ui.support import settle, small_text


def shown(app, widget) -> bool:
    """True if ``widget`` is on screen and not covered at its top-left corner (by anything but its children)."""
    region = widget.content_region
    if not region.area or not app.screen.region.contains_region(widget.region):
        return False
    hit, _ = app.screen.get_widget_at(region.x, region.y)
    return hit is widget or widget in hit.ancestors


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 48)])
async def test_article_selected_entity_and_note_fit(make_app, size):
    app = make_app(text=small_text(60))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "j")  # Napoleon, under the first three people
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        assert article.scrollable_content_region.height >= 12
        entity_list = app.screen.query_one(EntityList)
        row = entity_list.highlighted
        top = entity_list.scroll_offset.y
        assert top <= row < top + entity_list.scrollable_content_region.height
        assert app.screen.query_one(EntityBrowser).highlighted_entity.name == "Napoleon"
        detail = app.screen.query_one(EntityDetail)
        assert shown(app, detail) and "Napoleon" in str(detail.border_title)
        await pilot.press("e", *"Emperor of the French")
        editor = app.screen.query_one("#note", TextArea)
        assert shown(app, editor) and editor.content_region.height >= 3
        assert article.scrollable_content_region.height >= 12
        assert "Napoleon" in str(detail.border_title)

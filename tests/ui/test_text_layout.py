"""Wrapping any text at any width: rows cover the text in order, fit the width, and show nothing unsafe."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from glossary_tui.core.documents.normalise import normalise_text
from glossary_tui.ui.text_layout import TAB_SIZE, TextLayout, column_to_offset, display_text

WIDTHS = (1, 2, 7, 40, 80)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(" \n\t日本😀é\u200b\u202e[]/")),
    max_size=400,
)


@settings(max_examples=150, deadline=None)
@given(raw=texts)
@example(raw="000000\U00020000\x08\t0000")  # a word carried to the next row with a tab that widens there
@example(raw="0 0000\t")
def test_rows_cover_the_text_and_fit_the_width(raw):
    text = normalise_text(raw)
    for width in WIDTHS:
        layout = TextLayout(text, width)
        previous_end = -1
        for row in range(len(layout)):
            start, end = layout.row_span(row)
            assert previous_end <= start <= end <= len(text)
            assert "\n" not in text[start:end]
            shown = display_text(text[start:end])
            assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E for c in shown)
            # A row is never wider than the pane, unless it is one character too wide to fit anywhere.
            assert cell_len(shown) <= width or end - start == 1
            previous_end = end
        covered = {i for row in range(len(layout)) for i in range(*layout.row_span(row))}
        lost = [i for i in range(len(text)) if i not in covered]
        assert all(text[i] in " \n" for i in lost), "only breaking spaces and newlines are left out of rows"


def test_tabs_expand_to_tab_stops_and_map_back_to_their_offset():
    text = "a\tbc\td"
    assert display_text(text) == "a" + " " * (TAB_SIZE - 1) + "bc" + " " * (TAB_SIZE - 2) + "d"
    assert column_to_offset(text, 0, len(text), TAB_SIZE) == 2  # the "b" after the first tab
    assert column_to_offset(text, 0, len(text), 1) == 1  # inside the tab's spaces: the tab itself


def test_wide_characters_wrap_by_cells():
    layout = TextLayout("日本語のテキスト", 6)
    assert [layout.row_span(r) for r in range(len(layout))] == [(0, 3), (3, 6), (6, 8)]


def test_a_word_carried_to_the_next_row_is_measured_again_with_the_character_that_did_not_fit():
    # "\t000" is 7 cells from a row's start (the tab takes 4 there, 1 where it was): the next "0" does not fit.
    text = "000000日 \t0000"
    layout = TextLayout(text, 7)
    assert [text[slice(*layout.row_span(r))] for r in range(len(layout))] == ["000000", "日", "\t000", "0"]


def test_words_wrap_at_spaces_and_long_words_are_cut():
    layout = TextLayout("the quick brown fox " + "x" * 25, 10)
    rows = [("the quick brown fox " + "x" * 25)[slice(*layout.row_span(r))] for r in range(len(layout))]
    assert rows == ["the quick", "brown fox", "x" * 10, "x" * 10, "x" * 5]


async def test_the_article_view_renders_every_row_of_a_hostile_text_at_several_widths():
    from glossary_tui.core.documents.document import Document
    from glossary_tui.ui.app import GlossaryApp
    from glossary_tui.ui.widgets.article_view import ArticleView
    from tests.ui.fakes import FakeExtractor, MemoryStore

    raw = (
        "Pierre\tmet 日本語 and 😀 emoji in Moscow. [bold]x[/] [@click=app.quit]q[/] \x1b[31mred\x1b[0m "
        "\u202eevil\u202c zero\u200bwidth " + "y" * 300 + "\r\nLast line in Moscow."
    )
    document = Document.from_text(raw)
    app = GlossaryApp(document, FakeExtractor({"Pierre": "PERSON", "Moscow": "GPE"}), MemoryStore())
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        for width in (30, 60, 100):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            content_width = article.scrollable_content_region.width
            for row in range(len(article._layout)):
                strip = article._render_row(row, content_width)
                assert strip.cell_length == content_width
                assert "\x1b" not in strip.text and "\u202e" not in strip.text
        assert app.is_running

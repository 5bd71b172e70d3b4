"""The article pane on hard-wrapped text: paragraphs reflow to the pane, mentions and clicks keep their offsets."""

from __future__ import annotations

import itertools

from glossary_tui.ui.widgets.article_view import ArticleView
from tests.ui.fakes import FakeExtractor
from tests.ui.support import settle

#: Three paragraphs wrapped at 70 columns; "Anna Pavlovna" is cut by a wrap in the second.
WRAPPED = (
    "It was in July, 1805, and the speaker was the well-known Anna Pavlovna\n"
    "Scherer, maid of honor and favorite of the Empress Marya Fedorovna. With\n"
    "these words she greeted Prince Vasili, a man of high rank and importance,\n"
    "who was the first to arrive at her reception.\n"
    "\n"
    "All her invitations without exception, written in French, and delivered\n"
    "by a scarlet-liveried footman that morning, ran as follows, said Anna\n"
    "Pavlovna to the prince, who had come in his embroidered court uniform.\n"
    "\n"
    "    If you have nothing better to do, Count,\n"
    "    come and spend the evening with me.\n"
)
NAMES = {"Anna Pavlovna": "PERSON", "Anna\nPavlovna": "PERSON", "Prince Vasili": "PERSON"}


def rows(article: ArticleView) -> list[str]:
    return [article.render_line(y).text.rstrip() for y in range(article.scrollable_content_region.height)]


async def test_hard_wrapped_paragraphs_fill_a_narrow_pane_and_indented_lines_stay(make_app):
    app = make_app(text=WRAPPED, extractor=FakeExtractor(NAMES))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        width = article.scrollable_content_region.width
        assert width < 70
        shown = rows(article)
        paragraph = shown[: shown.index("")]
        # Every row but the paragraph's last is filled: the next word would not have fitted.
        for row, following in itertools.pairwise(paragraph):
            assert len(row) + 1 + len(following.split()[0]) > width, (row, following)
        assert "    If you have nothing better to do, Count," in shown
        assert "    come and spend the evening with me." in shown


async def test_a_mention_across_a_reflowed_wrap_is_highlighted_whole_and_clicking_it_selects_it(make_app):
    app = make_app(text=WRAPPED, extractor=FakeExtractor(NAMES))
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        mention = next(m for e in app.screen.entities for m in e.mentions if m.text == "Anna\nPavlovna")
        assert WRAPPED[mention.start : mention.end] == "Anna\nPavlovna"
        shown = rows(article)
        row = next(y for y, line in enumerate(shown) if "said Anna Pavlovna to" in line)
        strip = article.render_line(row)
        highlighted = [
            segment.text for segment in strip if segment.text.strip() and segment.style != article.rich_style
        ]
        assert "Anna Pavlovna" in highlighted
        column = shown[row].index("Pavlovna to") + 3
        await pilot.click(ArticleView, offset=(article.gutter.left + column, article.gutter.top + row))
        await pilot.pause()
        assert app.screen.selected is not None and mention in app.screen.selected.mentions
        assert article._current == mention


async def test_a_text_that_needs_a_scrollbar_only_once_wrapped_is_wrapped_beside_it(make_app):
    app = make_app(text="A short line.\n" + "word " * 3000 + "\nThe end.\n")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        assert article.show_vertical_scrollbar
        width = article.scrollable_content_region.width
        assert article._layout.width == width
        assert all(len(row) <= width for row in rows(article))


GUTENBERG = (
    "The Project Gutenberg eBook of A Short Tale, by Anna Pavlovna\n"
    "\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK A SHORT TALE ***\n"
    "\n"
    "Prince Vasili came to see Anna Pavlovna in the evening.\n"
    "\n"
    "*** END OF THE PROJECT GUTENBERG EBOOK A SHORT TALE ***\n"
    "Please read the licence.\n"
)


async def test_gutenbergs_header_and_licence_are_dimmed_and_the_book_is_not(make_app):
    app = make_app(text=GUTENBERG, extractor=FakeExtractor(NAMES))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        dimmed = article.get_component_rich_style("article--dimmed", partial=True)
        shown = rows(article)

        def dimmed_text(row: int) -> str:
            return "".join(
                s.text for s in article.render_line(row) if s.style is not None and dimmed.color == s.style.color
            )

        header = next(y for y, line in enumerate(shown) if line.startswith("*** START"))
        book = next(y for y, line in enumerate(shown) if line.startswith("Prince Vasili"))
        licence = next(y for y, line in enumerate(shown) if line.startswith("Please read"))
        assert dimmed_text(0).startswith("The Project Gutenberg eBook")
        assert dimmed_text(header).startswith("*** START")
        assert dimmed_text(book) == ""
        assert dimmed_text(licence).startswith("Please read")

"""The article pane: the whole document, soft-wrapped, with every mention highlighted.

A Line-API ``ScrollView``: only the rows on screen are rendered, each into a
cached ``Strip``, so a 3 MB book scrolls as smoothly as a news story.
Hard-wrapped paragraphs are reflowed (:func:`~glossary_tui.ui.reflow.reflow`):
their newlines are shown as spaces, so a book wrapped at 70 columns fills a
narrower or wider pane without breaking each line twice. Only newlines turn
into spaces, so an offset means the same character on screen as in the text.
Text around the work itself (a Project Gutenberg header and licence) is shown
dimmed, so the reader's eye finds where the book begins.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.ui.reflow import reflow
from glossary_tui.ui.text_layout import TextLayout, column_to_offset, display_text

#: Label -> component class giving its highlight colour; other labels use ``article--mention-other``.
LABEL_CLASSES = {
    "PERSON": "article--mention-person",
    "NORP": "article--mention-group",
    "ORG": "article--mention-org",
    "GPE": "article--mention-place",
    "LOC": "article--mention-place",
    "FAC": "article--mention-place",
    "DATE": "article--mention-time",
    "TIME": "article--mention-time",
}
OTHER_LABEL_CLASS = "article--mention-other"


class ArticleView(ScrollView, can_focus=True):
    """A document's text, wrapped to the pane's width, with its mentions highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *LABEL_CLASSES.values(),
        OTHER_LABEL_CLASS,
        "article--selected",
        "article--current",
        "article--dimmed",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "page_down", "Page down", show=False),
        Binding("shift+space", "page_up", "Page up", show=False),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    class MentionClicked(Message):
        """The reader clicked a highlighted mention."""

        def __init__(self, mention: Mention) -> None:
            super().__init__()
            self.mention = mention

    class Scrolled(Message):
        """The part of the text on screen changed: ``[start, end)`` offsets."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

        def can_replace(self, message: Message) -> bool:
            """Only the latest position matters."""
            return isinstance(message, ArticleView.Scrolled)

    def __init__(self, text: str, *, dimmed: Sequence[tuple[int, int]] = (), id: str | None = None) -> None:
        """Show ``text``, with the ``(start, end)`` ranges of ``dimmed`` (sorted, apart) in a quieter style."""
        super().__init__(id=id)
        #: What the pane shows: ``text`` with hard wraps as spaces (as long as ``text``, so offsets hold).
        self.shown_text = reflow(text)
        #: Laid out for real at the first resize, when the pane's width is known.
        self._layout = TextLayout("", 1)
        self._dimmed = list(dimmed)
        self._mentions: list[Mention] = []
        self._starts: list[int] = []
        self._longest = 0
        self._selected: frozenset[Mention] = frozenset()
        self._current: Mention | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._shown = (0, 0)
        self._laid_out = False
        #: The offset at the top of the screen; read by the extraction thread to work there first.
        self.focus_offset = 0

    # -- content ---------------------------------------------------------------------------

    def set_mentions(self, mentions: Sequence[Mention]) -> None:
        """Highlight ``mentions`` (sorted by position), replacing any shown before."""
        self._mentions = list(mentions)
        self._starts = [mention.start for mention in self._mentions]
        self._longest = max((m.end - m.start for m in self._mentions), default=0)
        self._invalidate()

    def select(self, mentions: Iterable[Mention], current: Mention | None = None) -> None:
        """Emphasise the selected entity's ``mentions``, and ``current`` most of all."""
        self._selected = frozenset(mentions)
        self._current = current
        self._invalidate()

    # -- position --------------------------------------------------------------------------

    @property
    def visible_range(self) -> tuple[int, int]:
        """The ``[start, end)`` offsets of the text on screen."""
        layout = self._layout
        if not len(layout):
            return 0, 0
        top = min(round(self.scroll_offset.y), len(layout) - 1)
        bottom = min(top + max(self.scrollable_content_region.height, 1), len(layout)) - 1
        return layout.starts[top], layout.ends[bottom]

    def show_offset(self, offset: int) -> None:
        """Scroll so ``offset`` is on screen, a third of the way down, unless it already shows."""
        if not self._laid_out:
            self._shown = (offset, offset)  # the first layout starts there
            return
        row = self._layout.row_of(offset)
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if not top <= row < top + height - 1:
            self.scroll_to(y=max(0, row - height // 3), animate=False, immediate=True)
        self._report_position()

    def scroll_to_offset_top(self, offset: int) -> None:
        """Scroll so the row showing ``offset`` is the top row (to restore a reading position)."""
        if not self._laid_out:
            self._shown = (offset, offset)  # the first layout starts there
            return
        self.scroll_to(y=self._layout.row_of(offset), animate=False, immediate=True)
        self._report_position()

    # -- scrolling: immediate, because an animated page of a book redraws the screen for a second --

    def action_page_down(self) -> None:
        """One screen further."""
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        """One screen back."""
        self.scroll_page_up(animate=False)

    def action_scroll_down(self) -> None:
        """One line further."""
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        """One line back."""
        self.scroll_up(animate=False)

    def action_scroll_home(self) -> None:
        """The start of the document."""
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """The end of the document."""
        self.scroll_end(animate=False)

    # -- rendering -------------------------------------------------------------------------

    def on_mount(self) -> None:
        """Size the text by its lines until it is laid out: a long text shows its scrollbar from the start.

        The first layout then has the width the text will keep (not the width without the scrollbar).
        """
        self.virtual_size = Size(1, self.shown_text.count("\n") + 1)

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap to the new width."""
        self._rewrap()

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """The scrollbar came or went: the text has another width."""
        self._rewrap()

    def _rewrap(self) -> None:
        """Wrap the text to the pane's width if it changed, keeping the reader's place.

        The place is the current mention if it is on screen, else the text at the top.
        """
        width = self.scrollable_content_region.width
        if self._laid_out and width == self._layout.width:
            return
        start, end = self._shown
        current = self._current
        keep_current = current is not None and start <= current.start < end
        self._layout = TextLayout(self.shown_text, width)
        self._laid_out = True
        self.virtual_size = Size(width, len(self._layout))
        self._invalidate()
        # Scroll once the new virtual size has been laid out, or the scroll would be clamped to the old one.
        if current is not None and keep_current:
            self.call_after_refresh(self.show_offset, current.start)
        else:
            self.call_after_refresh(self.scroll_to_offset_top, start)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Report where the reader is after a scroll."""
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._report_position()

    def notify_style_update(self) -> None:
        """The theme changed: highlight colours must be looked up again."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the screen."""
        row = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if row >= len(self._layout):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(row)
        if strip is None:
            strip = self._render_row(row, width)
            self._strips[row] = strip
        return strip

    def _render_row(self, row: int, width: int) -> Strip:
        start, end = self._layout.row_span(row)
        base = self.rich_style
        segments: list[Segment] = []
        column = 0
        position = start
        for mention in self._mentions_between(start, end):
            left, right = max(mention.start, start), min(mention.end, end)
            if left < position:
                continue
            if left > position:
                column = self._append(segments, position, left, column, base)
            column = self._append(segments, left, right, column, base + self._style_of(mention))
            position = right
        if position < end:
            self._append(segments, position, end, column, base)
        return Strip(segments).crop_extend(0, width, base)

    def _append(self, segments: list[Segment], start: int, end: int, column: int, style: Style) -> int:
        for piece_start, piece_end, dimmed in self._dimmed_pieces(start, end):
            shown = display_text(self.shown_text[piece_start:piece_end], column)
            segments.append(Segment(shown, style + self._component("article--dimmed") if dimmed else style))
            column += Segment(shown).cell_length
        return column

    def _dimmed_pieces(self, start: int, end: int) -> Iterable[tuple[int, int, bool]]:
        """``start:end`` cut where a dimmed range begins or ends, each piece with whether it is dimmed."""
        index = bisect.bisect_right(self._dimmed, (start, end)) - 1
        position = start
        for dim_start, dim_end in self._dimmed[max(index, 0) :]:
            if dim_start >= end:
                break
            if dim_end <= position:
                continue
            if dim_start > position:
                yield position, dim_start, False
            position = min(dim_end, end)
            yield max(dim_start, start), position, True
        if position < end:
            yield position, end, False

    def _mentions_between(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        return [m for m in self._mentions[first:last] if m.end > start]

    def _style_of(self, mention: Mention) -> Style:
        if mention == self._current:
            return self._component("article--current")
        style = self._component(LABEL_CLASSES.get(mention.label, OTHER_LABEL_CLASS))
        if mention in self._selected:
            style += self._component("article--selected")
        return style

    def _component(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    # -- mouse -----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Clicking a highlighted mention reports it."""
        position = event.get_content_offset(self)
        if position is None:
            return
        row = round(self.scroll_offset.y) + position.y
        if row >= len(self._layout):
            return
        start, end = self._layout.row_span(row)
        offset = column_to_offset(self.shown_text, start, end, position.x)
        for mention in self._mentions_between(offset, offset + 1):
            if mention.start <= offset < mention.end:
                self.post_message(self.MentionClicked(mention))
                return

    # -- helpers ---------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._strips.clear()
        self.refresh()

    def _report_position(self) -> None:
        start, end = self._shown = self.visible_range
        self.focus_offset = start
        self.post_message(self.Scrolled(start, end))

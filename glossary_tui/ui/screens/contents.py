"""The table of contents: the document's chapters, the current one under the cursor; ``enter`` goes there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from glossary_tui.core.documents.readers.reading import Chapter
from glossary_tui.ui.text_layout import display_text


class ContentsScreen(ModalScreen[int | None]):
    """Pick a chapter; returns the offset it starts at, or ``None`` on escape.

    ``current`` is the index of the chapter the reader is in. ``read_up_to``,
    in spoiler-safe reading, hides the titles of chapters starting after that
    offset (a title can give the story away); they are counted instead.
    """

    DEFAULT_CSS = """
    ContentsScreen {
        align: center middle;
    }
    ContentsScreen > Vertical {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 85%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    ContentsScreen #contents-title {
        padding-bottom: 1;
    }
    ContentsScreen #chapters {
        height: auto;
        max-height: 30;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,c", "dismiss(None)", "Close")]

    def __init__(self, chapters: Sequence[Chapter], current: int | None, read_up_to: int | None = None) -> None:
        super().__init__()
        self.chapters = list(chapters)
        self.current = current
        self.read_up_to = read_up_to

    def compose(self) -> ComposeResult:
        """Title, then one row per chapter, indented by level."""
        shown = [c for c in self.chapters if self.read_up_to is None or c.start <= self.read_up_to]
        hidden = len(self.chapters) - len(shown)
        top = min((chapter.level for chapter in self.chapters), default=1)
        options: list[Option] = [
            Option(Content("  " * (chapter.level - top) + display_text(chapter.title)), id=str(index))
            for index, chapter in enumerate(shown)
        ]
        if hidden:
            note = f"… {hidden} more chapter{'s' if hidden != 1 else ''} past where you have read (z shows all)"
            options.append(Option(Content.styled(note, "dim"), disabled=True))
        with Vertical():
            yield Static(Content.styled("Contents", "bold"), id="contents-title")
            yield OptionList(*options, id="chapters", markup=False)

    def on_mount(self) -> None:
        """Put the cursor on the chapter being read."""
        chapters = self.query_one("#chapters", OptionList)
        if self.current is not None and self.current < chapters.option_count:
            chapters.highlighted = self.current
        chapters.focus()

    @on(OptionList.OptionSelected, "#chapters")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.chapters[int(event.option.id)].start)

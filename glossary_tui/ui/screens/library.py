"""The directory picker: ``glossary-tui DIR`` lists the readable files in it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from glossary_tui.ui.messages import OpenDocument


class LibraryScreen(Screen[None]):
    """Pick a document among ``files`` (all inside ``directory``)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit")]

    def __init__(self, directory: Path, files: list[Path]) -> None:
        super().__init__()
        self.directory = directory
        self.files = files

    def compose(self) -> ComposeResult:
        """A heading and the files."""
        yield Header()
        yield Static(Content.assemble(("Choose a document in ", "dim"), str(self.directory)), id="library-heading")
        yield OptionList(
            *(Option(Content(str(path.relative_to(self.directory))), id=str(path)) for path in self.files),
            id="library-list",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        """Focus the list."""
        self.title = "glossary-tui"
        self.sub_title = f"{len(self.files)} readable files"
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenDocument(event.option.id))

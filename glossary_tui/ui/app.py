"""The glossary-tui Textual application."""

from __future__ import annotations

from textual import work
from textual.app import App
from textual.binding import Binding

from glossary_tui.core.document import Document
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extract import Extractor
from glossary_tui.core.store import GlossaryStore
from glossary_tui.ui.commands import EntityCommands
from glossary_tui.ui.screens.reader import ReaderScreen


class GlossaryApp(App[None]):
    """Read a document beside a living glossary of its entities."""

    CSS_PATH = "glossary.tcss"
    TITLE = "glossary-tui"
    COMMANDS = App.COMMANDS | {EntityCommands}
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False, priority=True)]

    def __init__(self, document: Document, extractor: Extractor, store: GlossaryStore) -> None:
        super().__init__()
        self.document = document
        self.extractor = extractor
        self.store = store
        self._unsaved_warning_shown = False

    def on_mount(self) -> None:
        """Open the reading screen, then return to where the reader left off."""
        self.push_screen(ReaderScreen(self.document, self.extractor, self.store))
        self._restore_position()

    @work(thread=True, exit_on_error=False)
    def _restore_position(self) -> None:
        try:
            offset = self.store.reading_position(self.document.sha256)
        except (GlossaryError, OSError):
            return
        if offset:
            self.call_from_thread(self._reader.restore_position, offset)

    @property
    def _reader(self) -> ReaderScreen:
        return next(screen for screen in self.screen_stack if isinstance(screen, ReaderScreen))

    async def action_quit(self) -> None:
        """Save notes and the reading position, then leave (extraction is abandoned)."""
        try:
            self._reader.save_everything()
        except (GlossaryError, OSError) as error:
            if not self._unsaved_warning_shown:
                self._unsaved_warning_shown = True
                self.notify(f"Could not save: {error}. Press q again to quit anyway.", severity="error")
                return
        self.workers.cancel_all()
        self.exit()

"""The glossary-tui Textual application."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from glossary_tui.core.documents.document import Document, read_document
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.spacy_extractor import Extractor
from glossary_tui.core.store.protocol import Store
from glossary_tui.ui.commands import EntityCommands, GlossaryCommands
from glossary_tui.ui.failures import describe_failure
from glossary_tui.ui.messages import OpenDocument
from glossary_tui.ui.reading_commands import ReadingCommands
from glossary_tui.ui.screens.library import LibraryScreen
from glossary_tui.ui.screens.reader import ReaderScreen


class GlossaryApp(App[None]):
    """Read a document beside a living glossary of its entities.

    Given a ``document``, it opens at once; given a ``library`` (a directory
    and its readable files) instead, the reader picks one first.
    """

    CSS_PATH = "glossary.tcss"
    TITLE = "glossary-tui"
    COMMANDS = App.COMMANDS | {EntityCommands, GlossaryCommands, ReadingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+c", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        document: Document | None,
        extractor: Extractor,
        store: Store,
        library: tuple[Path, list[Path]] | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.extractor = extractor
        self.store = store
        self.library = library
        self._unsaved_warning_shown = False

    def on_mount(self) -> None:
        """Open the reading screen (or the directory picker), then return to where the reader left off."""
        if self.document is not None:
            self._show_document(self.document)
        elif self.library is not None:
            self.push_screen(LibraryScreen(*self.library))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification, always as plain text.

        Notifications quote entity names, notes and file paths, which may hold ``[/]`` or
        ``[@click=…]``: as markup, one would end the app or run an action. ``markup`` is ignored.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A document that could not be opened (or a position not restored) is said, never dropped."""
        if event.state is WorkerState.ERROR:
            title = "Cannot open" if event.worker.name == "_read" else "Reading position not restored"
            self.notify(describe_failure(event.worker.error), title=title, severity="error", timeout=8)

    @on(OpenDocument)
    def _open_requested(self, message: OpenDocument) -> None:
        self.open_document(message.source)

    def open_document(self, source: str) -> None:
        """Read ``source`` in the background and open it in place of the current document."""
        self.notify(f"opening {Path(source).name}…", timeout=2)
        self._read(source)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _read(self, source: str) -> None:
        if not Path(source).exists():
            self.call_from_thread(self.notify, f"{source}: the file is no longer there", severity="error")
            return
        try:
            document = read_document(source)
        except GlossaryError as error:
            self.call_from_thread(self.notify, str(error), title="Cannot open", severity="error", timeout=8)
            return
        self.call_from_thread(self._show_document, document)

    def _show_document(self, document: Document) -> None:
        reader = self._reader
        if reader is not None:
            reader.save_everything()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.document = document
        self.push_screen(ReaderScreen(document, self.extractor, self.store))
        self._restore_position(document)

    @work(thread=True, exit_on_error=False)
    def _restore_position(self, document: Document) -> None:
        try:
            offset = self.store.reading_position(document.sha256)
        except (GlossaryError, OSError):
            return
        if offset:
            self.call_from_thread(self._restore, document, offset)

    def _restore(self, document: Document, offset: int) -> None:
        reader = self._reader
        if reader is not None and reader.document is document:
            reader.restore_position(offset)

    @property
    def _reader(self) -> ReaderScreen | None:
        return next((screen for screen in self.screen_stack if isinstance(screen, ReaderScreen)), None)

    async def action_quit(self) -> None:
        """Save notes and the reading position, then leave (extraction is abandoned)."""
        reader = self._reader
        try:
            if reader is not None:
                reader.save_everything()
        except Exception as error:  # whatever it is, the reader must hear of it before the notes are lost
            if not self._unsaved_warning_shown:
                self._unsaved_warning_shown = True
                self.notify(f"Could not save: {describe_failure(error)}. Press q again to quit anyway.",
                            severity="error")  # fmt: skip
                return
        self.workers.cancel_all()
        self.exit()

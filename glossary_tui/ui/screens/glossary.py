"""The ``g`` glossary screen: every entry across every document, searchable, with notes and documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from glossary_tui.core.entities.names import fold
from glossary_tui.core.store.protocol import Store
from glossary_tui.core.store.records import GlossaryEntry
from glossary_tui.ui.failures import describe_failure
from glossary_tui.ui.messages import OpenDocument
from glossary_tui.ui.text_layout import display_text


class GlossaryScreen(Screen[None]):
    """All entries; enter on a document reopens it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g", "app.pop_screen", "Back to reading"),
        Binding("slash", "filter", "Filter"),
    ]

    class Loaded(Message):
        """The entries, read from the store in a worker."""

        def __init__(self, entries: Sequence[GlossaryEntry]) -> None:
            super().__init__()
            self.entries = entries

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.entries: list[GlossaryEntry] = []

    def compose(self) -> ComposeResult:
        """Filter and entry list beside the selected entry's note and documents."""
        yield Header()
        with Horizontal(id="glossary-body"):
            with Vertical(id="glossary-entries"):
                yield Input(placeholder="/ search names, aliases and notes", id="glossary-filter")
                yield OptionList(id="glossary-list", markup=False)
            with Vertical(id="glossary-detail"):
                yield Static(id="glossary-entry")
                yield Static(Content.styled("Documents (enter reopens one)", "dim"), id="glossary-documents-title")
                yield OptionList(id="glossary-documents", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Read the entries in the background."""
        self.title = "Glossary"
        self.sub_title = "every document"
        self.query_one("#glossary-list").focus()
        self._load()

    @work(thread=True, exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.Loaded(self.store.entries()))

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The glossary could not be read: say why (the list stays empty)."""
        if event.state is WorkerState.ERROR:
            self.notify(describe_failure(event.worker.error), title="Reading the glossary failed",
                        severity="error", timeout=10)  # fmt: skip

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.entries = list(message.entries)
        self._show("")

    def action_filter(self) -> None:
        """Focus the search box."""
        self.query_one("#glossary-filter").focus()

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def _to_list(self) -> None:
        self.query_one("#glossary-list").focus()

    def _show(self, query: str) -> None:
        wanted = fold(query)
        shown = [
            entry for entry in self.entries
            if not wanted or any(wanted in fold(text) for text in (entry.name, *entry.aliases, entry.note))
        ]  # fmt: skip
        options = [
            Option(
                Content.assemble(
                    ("✎ " if entry.note else "  ", "bold $text-accent"),
                    entry.name,
                    (f"  {entry.label} · {len(entry.documents)} doc{'s' if len(entry.documents) != 1 else ''}", "dim"),
                ),
                id=entry.key,
            )
            for entry in shown
        ]
        entry_list = self.query_one("#glossary-list", OptionList)
        entry_list.set_options(options)
        entry_list.highlighted = 0 if options else None
        self.sub_title = f"{len(shown)} of {len(self.entries)} entries"
        if not options:
            self.query_one("#glossary-entry", Static).update(Content.styled("No entry matches.", "dim"))
            self.query_one("#glossary-documents", OptionList).clear_options()

    @on(OptionList.OptionHighlighted, "#glossary-list")
    def _entry_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = next((e for e in self.entries if e.key == event.option.id), None)
        if entry is None:
            return
        parts: list[str | tuple[str, str]] = [(entry.name, "bold"), (f"  {entry.label}", "dim")]
        if entry.aliases:
            parts += [("\nalso: ", "dim"), ", ".join(entry.aliases)]
        parts += ["\n\n", display_text(entry.note) if entry.note else ("no note", "dim")]
        self.query_one("#glossary-entry", Static).update(Content.assemble(*parts))
        documents = self.query_one("#glossary-documents", OptionList)
        documents.set_options(
            Option(
                Content.assemble(occurrence.title or occurrence.source, (f"  {occurrence.count}", "dim")),
                id=occurrence.source,
            )
            for occurrence in entry.documents
        )
        documents.highlighted = 0 if entry.documents else None

    @on(OptionList.OptionSelected, "#glossary-list")
    def _entry_chosen(self) -> None:
        self.query_one("#glossary-documents").focus()

    @on(OptionList.OptionSelected, "#glossary-documents")
    def _document_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenDocument(event.option.id))

"""The ``g`` glossary screen: every entry across every document, notes first, searchable, by document.

Entries with a note come first; ``n`` shows only them, ``d`` only one
document's. Enter on an entry goes to its documents; enter on a document opens
it with that entry selected.
"""

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

from glossary_tui.core.entities.identity import key_of
from glossary_tui.core.store.glossary_search import GlossarySearch
from glossary_tui.core.store.protocol import Store
from glossary_tui.core.store.records import DocumentRecord, GlossaryEntry
from glossary_tui.ui.failures import describe_failure
from glossary_tui.ui.messages import OpenDocument
from glossary_tui.ui.screens.dialogs import ChoiceScreen
from glossary_tui.ui.text_layout import display_text

#: Entries listed at a time; the search narrows the rest down.
SHOWN = 100
#: The choice of every document in the document filter.
ALL_DOCUMENTS = "*"


class GlossaryScreen(Screen[None]):
    """All entries, notes first; enter on a document reopens it on the entry."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g", "app.pop_screen", "Back to reading"),
        Binding("slash", "filter", "Search"),
        Binding("n", "toggle_notes", "Notes only"),
        Binding("d", "choose_document", "Document"),
    ]

    class Loaded(Message):
        """The entries and documents, read from the store in a worker."""

        def __init__(self, search: GlossarySearch, documents: Sequence[DocumentRecord]) -> None:
            super().__init__()
            self.search = search
            self.documents = documents

    def __init__(self, store: Store, document: str | None = None) -> None:
        """``document``: the sha256 of the document being read, offered first in the document filter."""
        super().__init__()
        self.store = store
        self.current_document = document
        self.entries: list[GlossaryEntry] = []
        self.documents: list[DocumentRecord] = []
        self.notes_only = False
        self.document: str | None = None
        self._search: GlossarySearch | None = None
        self._shown: dict[str, GlossaryEntry] = {}
        self._kept = 0

    def compose(self) -> ComposeResult:
        """Filter and entry list beside the selected entry's note and documents."""
        yield Header()
        with Horizontal(id="glossary-body"):
            with Vertical(id="glossary-entries"):
                yield Input(placeholder="/ search names, aliases and notes", id="glossary-filter")
                yield OptionList(id="glossary-list", markup=False)
            with Vertical(id="glossary-detail"):
                yield Static(Content.styled("reading the glossary…", "dim"), id="glossary-entry")
                yield Static(Content.styled("Documents (enter opens it on this entry)", "dim"),
                             id="glossary-documents-title")  # fmt: skip
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
        entries = self.store.entries()
        documents = self.store.documents()
        ordered = sorted(entries, key=lambda entry: (not entry.note, key_of(entry.name), entry.label))
        self.post_message(self.Loaded(GlossarySearch(ordered), documents))

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The glossary could not be read: say why (the list stays empty)."""
        if event.state is WorkerState.ERROR:
            self.notify(describe_failure(event.worker.error), title="Reading the glossary failed",
                        severity="error", timeout=10)  # fmt: skip

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._search = message.search
        self.entries = message.search.entries
        self.documents = list(message.documents)
        self._refilter()

    def action_filter(self) -> None:
        """Focus the search box."""
        self.query_one("#glossary-filter").focus()

    def action_toggle_notes(self) -> None:
        """Show only the entries with a note, or every entry."""
        self.notes_only = not self.notes_only
        self._refilter()

    def action_choose_document(self) -> None:
        """Show only the entries of one document (or of every document)."""
        current = [d for d in self.documents if d.sha256 == self.current_document]
        others = [d for d in self.documents if d.sha256 != self.current_document]
        choices = [(d.sha256, d.title or d.source) for d in current]  # enter: this document
        choices += [(ALL_DOCUMENTS, "every document"), *((d.sha256, d.title or d.source) for d in others)]

        def chosen(sha256: str | None) -> None:
            if sha256 is not None:
                self.document = None if sha256 == ALL_DOCUMENTS else sha256
                self._refilter()

        self.app.push_screen(ChoiceScreen("Entries of…", choices), chosen)

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def _to_list(self) -> None:
        self.query_one("#glossary-list").focus()

    def _refilter(self) -> None:
        if self._search is None:
            return
        notes_only, document = self.notes_only, self.document
        self._kept = self._search.keep(
            lambda entry: (
                (entry.note or not notes_only)
                and (document is None or any(o.sha256 == document for o in entry.documents))
            )
        )
        self._show(self.query_one("#glossary-filter", Input).value)

    def _show(self, query: str) -> None:
        if self._search is None:
            return
        shown, more = self._search.find(query, SHOWN)
        self._shown = {entry.key: entry for entry in shown}
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
        if more:
            options.append(Option(Content.styled(f"… more: type to narrow down (first {SHOWN} shown)", "dim"),
                                  disabled=True))  # fmt: skip
        entry_list = self.query_one("#glossary-list", OptionList)
        entry_list.set_options(options)
        entry_list.highlighted = 0 if shown else None
        self.sub_title = self._describe(len(shown), more)
        if not shown:
            self.query_one("#glossary-entry", Static).update(Content.styled("No entry matches.", "dim"))
            self.query_one("#glossary-documents", OptionList).clear_options()

    def _describe(self, count: int, more: bool) -> str:
        shown = f"{count}+" if more else f"{count}"
        parts = [f"{shown} of {self._kept:,} entries"]
        if self.notes_only:
            parts.append("with notes")
        if self.document is not None:
            title = next((d.title or d.source for d in self.documents if d.sha256 == self.document), "one document")
            parts.append(f"in {title}")
        return " · ".join(parts)

    @on(OptionList.OptionHighlighted, "#glossary-list")
    def _entry_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = self._shown.get(event.option.id or "")
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
                Content.assemble(
                    occurrence.title or occurrence.source,
                    (f"  as {occurrence.name}" if occurrence.name and occurrence.name != entry.name else "", "dim"),
                    (f"  {occurrence.count}" if occurrence.count else "", "dim"),
                ),
                id=f"{entry.key}\x1f{number}",
            )
            for number, occurrence in enumerate(entry.documents)
        )
        documents.highlighted = 0 if entry.documents else None

    @on(OptionList.OptionSelected, "#glossary-list")
    def _entry_chosen(self) -> None:
        self.query_one("#glossary-documents").focus()

    @on(OptionList.OptionSelected, "#glossary-documents")
    def _document_chosen(self, event: OptionList.OptionSelected) -> None:
        key, _, number = (event.option.id or "").partition("\x1f")
        entry = self._shown.get(key)
        if entry is None or not number:
            return
        occurrence = entry.documents[int(number)]
        if occurrence.source:
            self.post_message(OpenDocument(occurrence.source, occurrence.name or entry.name))

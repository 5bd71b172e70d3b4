"""The reading screen: article, entity browser and detail panel, and the work behind them."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, ProgressBar, Static
from textual.worker import get_current_worker

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.corrections import KINDS, Correction, spellings_to_split
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.labels import describe_label, pipeline_labels
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.extraction.spacy_extractor import Extractor
from glossary_tui.core.pipeline import DocumentEntities, StreamProgress, entities_of, record, stream
from glossary_tui.core.store.exchange import write_export
from glossary_tui.core.store.protocol import Store
from glossary_tui.ui.messages import (
    EntitiesRebuilt,
    ExtractionFailed,
    ExtractionProgress,
    NoteLoaded,
    StoreFailed,
)
from glossary_tui.ui.plural import counted
from glossary_tui.ui.screens.dialogs import ChoiceScreen, PromptScreen
from glossary_tui.ui.screens.glossary import GlossaryScreen
from glossary_tui.ui.screens.help import HelpScreen, KeySection
from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser, EntityList
from glossary_tui.ui.widgets.entity_detail import EntityDetail, MentionList, NotePreview

#: Seconds the entity-list cursor must rest before the detail panel follows it.
DETAIL_DELAY = 0.12
#: Seconds of idle typing after which a note is saved.
NOTE_IDLE_SECONDS = 1.0
#: The panes tab moves between (the filter box and the note editor are entered on purpose: / and e).
PANES = "#entity-list, #mention-list, #article"
#: Where keys are typed as text.
TEXT_BOXES = ("note", "entity-filter")
#: Export formats: (format, what the reader reads).
EXPORT_FORMATS = (("md", "Markdown"), ("json", "JSON (import re-reads it)"), ("csv", "CSV"))

# The reader's keys, by section of the help screen (which is built from them). A description is what the
# footer shows, a tooltip what help says. Keys shown in the footer: the most used, and help first.
GENERAL_KEYS: list[BindingType] = [
    Binding("question_mark", "help", "Help", tooltip="this help"),
    Binding("q", "quit", "Quit", tooltip="save notes and the reading position, and quit"),
]
READING_KEYS: list[BindingType] = [
    Binding("pagedown,space", "page_down", "Page down", show=False,
            tooltip="page the article down, wherever the keyboard is (but in a text box)"),
    Binding("pageup,shift+space", "page_up", "Page up", show=False, tooltip="page the article up"),
    Binding("n", "next_mention", "Next", tooltip="next mention of the selected entity (wraps round)"),
    Binding("N", "previous_mention", "Prev", tooltip="previous mention of the selected entity"),
    Binding("tab", "focus_pane(1)", "Next pane", show=False,
            tooltip="move between the entity list, the mentions box and the article"),
    Binding("shift+tab", "focus_pane(-1)", "Previous pane", show=False, tooltip="the same, backwards"),
]  # fmt: skip
ENTITY_KEYS: list[BindingType] = [
    Binding("slash", "filter", "Filter",
            tooltip="filter entities by name or alias (best match first); enter or esc goes back to the list"),
    Binding("e", "edit_note", "Note",
            tooltip="write the selected entity's note (saved as you type; a click on the note does it too)"),
    Binding("escape", "leave", "Done", tooltip="leave the note editor or the filter box"),
    Binding("t", "cycle_label", "Label", show=False, tooltip="show one label only: All, PERSON, ORG, … in turn"),
    Binding("s", "cycle_sort", "Sort", show=False, tooltip="sort by count, by first appearance, A–Z"),
    Binding("v", "toggle_scope", "Scope", show=False, tooltip="only the entities mentioned on screen, or all"),
]  # fmt: skip
CORRECTION_KEYS: list[BindingType] = [
    Binding("m", "merge", "Merge", show=False,
            tooltip="merge the selected entity into another (most mentioned first)"),
    Binding("D", "split", "Split", show=False, tooltip="split one of its spellings off into an entity of its own"),
    Binding("R", "rename", "Rename", show=False, tooltip="rename it"),
    Binding("L", "relabel", "Relabel", show=False, tooltip="give it another label"),
    Binding("x", "hide", "Hide", show=False, tooltip="hide it as a false positive (on a hidden one: show it again)"),
    Binding("H", "show_hidden", "Hidden", show=False,
            tooltip="show hidden entities too (struck through), or leave them out again"),
    Binding("plus", "add_entity", "Add", show=False,
            tooltip="add an entity the model missed: every occurrence of a phrase"),
    Binding("u", "undo", "Undo", show=False, tooltip="undo the last correction"),
]  # fmt: skip
GLOSSARY_KEYS: list[BindingType] = [
    Binding("g", "glossary", "Glossary", tooltip="every entry across every document; enter on a document reopens it"),
    Binding("E", "export", "Export", show=False,
            tooltip="write the whole glossary as Markdown, JSON or CSV to your documents folder"),
]  # fmt: skip
#: Keys of the article itself, once it has the keyboard (help lists them too).
ARTICLE_KEYS: list[BindingType] = [
    *ArticleView.BINDINGS,
    *(b for b in ScrollableContainer.BINDINGS
      if isinstance(b, Binding) and b.action in {"scroll_up", "scroll_down", "scroll_home", "scroll_end"}),
]  # fmt: skip


#: What the mouse does, for the help screen.
MOUSE = (
    ("click", "a highlighted mention selects its entity; a row selects it; the note opens the editor"),
    ("wheel", "scrolls what is under the pointer"),
)


class ReaderScreen(Screen[None]):
    """One document: read it, browse its entities, walk their mentions, write notes."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - an instance attribute in Textual
    BINDINGS: ClassVar[list[BindingType]] = [
        *GENERAL_KEYS,
        *READING_KEYS,
        *ENTITY_KEYS,
        *GLOSSARY_KEYS,
        *CORRECTION_KEYS,
    ]

    def __init__(self, document: Document, extractor: Extractor, store: Store) -> None:
        super().__init__()
        self.document = document
        self.extractor = extractor
        self.store = store
        self.entities: list[Entity] = []
        self.selected: Entity | None = None
        self.mention_index: int | None = None
        self.mentions: tuple[Mention, ...] = ()
        #: The reader's corrections, in the order made (read by the extraction thread).
        self.corrections: list[Correction] = []
        self._correction_ids: list[int] = []
        self._undo_stack: list[int] = []
        self._pending_notes: dict[str, tuple[Entity, str]] = {}
        self._note_versions: dict[str, int] = {}
        self._note_lock = threading.Lock()
        self._note_timer: Timer | None = None
        self._detail_timer: Timer | None = None
        #: Where the keyboard goes back to when the note editor closes.
        self._before_editing: Widget | None = None

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, status line, the article beside (or above) the entity side pane, footer."""
        yield Header()
        with Horizontal(id="status"):
            yield Static(id="status-text")
            yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="body"):
            yield ArticleView(self.document.text, id="article")
            with Vertical(id="side"):
                yield EntityBrowser(len(self.document.text), id="browser")
                yield EntityDetail(self.document.text, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        """Show the text at once; find entities in the background."""
        self.title = self.document.title
        self.sub_title = f"{self.extractor.info.name} {self.extractor.info.version}".strip()
        self._status("finding entities…")
        self.query_one(EntityList).focus()
        self.load_corrections()

    # -- extraction -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="extraction", exit_on_error=False)
    def run_extraction(self, article: ArticleView) -> None:
        """Extract mentions in a thread, posting entities as they arrive (the part on screen first)."""
        worker = get_current_worker()
        final: StreamProgress | None = None
        try:
            for progress in stream(
                self.document,
                self.extractor,
                lambda: self.corrections,
                should_cancel=lambda: worker.is_cancelled,
                focus=lambda: article.focus_offset,
            ):
                final = progress
                self.post_message(ExtractionProgress(progress))
        except GlossaryError as error:
            self.post_message(ExtractionFailed(str(error)))
            return
        if final is not None and final.finished and not worker.is_cancelled:
            try:
                record(self.store, DocumentEntities(self.document, final.mentions, final.entities))
            except (GlossaryError, OSError) as error:
                self.post_message(StoreFailed(str(error)))

    @work(thread=True, group="corrections", exit_on_error=False)
    def load_corrections(self) -> None:
        """Read the reader's corrections, then start extracting (so entities come out corrected)."""
        try:
            records = self.store.corrections()
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(str(error)))
            records = []
        self.app.call_from_thread(self._start, records)

    def _start(self, records: list[dict[str, Any]]) -> None:
        self._set_corrections(records)
        self.run_extraction(self.query_one(ArticleView))

    def _set_corrections(self, records: list[dict[str, Any]]) -> None:
        valid = [(record["id"], Correction.from_record(record)) for record in records if record.get("kind") in KINDS]
        self._correction_ids = [correction_id for correction_id, _ in valid]
        self.corrections = [correction for _, correction in valid]

    @on(ExtractionProgress)
    def _extraction_progress(self, message: ExtractionProgress) -> None:
        progress = message.progress
        self.mentions = progress.mentions
        self._show_entities(progress.entities)
        bar = self.query_one(ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.done)
        if progress.finished:
            bar.display = False
            self._status(
                f"{counted(len(self.entities), 'entity', 'entities')} · {counted(len(progress.mentions), 'mention')}"
            )
        else:
            self._status(f"finding entities… {len(self.entities):,} so far")

    @on(EntitiesRebuilt)
    def _entities_rebuilt(self, message: EntitiesRebuilt) -> None:
        self._show_entities(message.entities)
        if message.focus is not None:
            target = next((e for e in self.entities if e.is_called(message.focus)), None)
            if target is not None:
                self.go_to_entity(target.id)
        if message.note:
            self.notify(message.note, timeout=4, markup=False)

    def _show_entities(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        self._highlight_mentions()
        self.query_one(EntityBrowser).set_entities(self.entities)
        if self.selected is not None:
            current = next((e for e in self.entities if e.id == self.selected.id), None)
            if current is not None and current is not self.selected:
                self._select(current)

    def _highlight_mentions(self) -> None:
        """Highlight in the article the mentions of every entity listed."""
        show_hidden = self.query_one(EntityBrowser).show_hidden
        self.query_one(ArticleView).set_mentions(
            sorted(m for e in self.entities if show_hidden or not e.hidden for m in e.mentions)
        )

    @on(ExtractionFailed)
    def _extraction_failed(self, message: ExtractionFailed) -> None:
        self.query_one(ProgressBar).display = False
        self._status(f"no entities: {message.reason}")
        self.notify(message.reason, title="Extraction failed", severity="error", timeout=10)

    @on(StoreFailed)
    def _store_failed(self, message: StoreFailed) -> None:
        self.notify(message.reason, title="Notes file", severity="error", timeout=10)

    def _status(self, text: str) -> None:
        self.query_one("#status-text", Static).update(Content(text))

    # -- selection and mentions -------------------------------------------------------------

    @on(EntityBrowser.Highlighted)
    def _entity_highlighted(self, message: EntityBrowser.Highlighted) -> None:
        # The cursor may be racing down the list or the filter changing with each key:
        # the detail panel follows once it rests.
        self._select(message.entity, detail_delay=DETAIL_DELAY)

    @on(EntityBrowser.Chosen)
    def _entity_chosen(self, message: EntityBrowser.Chosen) -> None:
        self._select(message.entity)
        self._go_to_mention(0)

    @on(ArticleView.MentionClicked)
    def _mention_clicked(self, message: ArticleView.MentionClicked) -> None:
        for entity in self.entities:
            if message.mention in entity.mentions:
                self.go_to_entity(entity.id)
                self._go_to_mention(entity.mentions.index(message.mention))
                return

    @on(EntityDetail.MentionChosen)
    def _mention_chosen(self, message: EntityDetail.MentionChosen) -> None:
        if self.selected is not None:
            self._go_to_mention(self.selected.mentions.index(message.mention))

    @on(ArticleView.Scrolled)
    def _article_scrolled(self, message: ArticleView.Scrolled) -> None:
        self.query_one(EntityBrowser).set_visible_range(message.start, message.end)

    def go_to_entity(self, entity_id: str) -> None:
        """Select an entity by id (from the palette or a click) and show it in the list."""
        self.query_one(EntityBrowser).highlight(entity_id)
        entity = next((e for e in self.entities if e.id == entity_id), None)
        if entity is not None:
            self._select(entity)

    def _select(self, entity: Entity, detail_delay: float = 0.0) -> None:
        same = self.selected is not None and self.selected.id == entity.id
        if not same:
            self._flush_notes()
            self.mention_index = None
        self.selected = entity
        current = entity.mentions[self.mention_index] if self.mention_index is not None else None
        self.query_one(ArticleView).select(entity.mentions, current)
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if detail_delay:
            self._detail_timer = self.set_timer(detail_delay, self._show_detail)
        else:
            self._show_detail()

    def _show_detail(self) -> None:
        """Bring the detail panel up to date with the selected entity (and load its note if it changed)."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        entity = self.selected
        if entity is None:
            return
        detail = self.query_one(EntityDetail)
        changed = detail.entity is None or detail.entity.id != entity.id
        detail.show(entity)
        detail.show_position(self.mention_index)
        if changed:
            self._load_note(entity)

    def _go_to_mention(self, index: int) -> None:
        entity = self.selected
        if entity is None or not entity.mentions:
            return
        self.mention_index = index % entity.count
        if self._detail_timer is not None:
            self._show_detail()
        mention = entity.mentions[self.mention_index]
        article = self.query_one(ArticleView)
        article.select(entity.mentions, mention)
        article.show_offset(mention.start)
        self.query_one(EntityDetail).show_position(self.mention_index)

    def _current_entity(self) -> Entity | None:
        """The entity under the list's cursor, selected now if the message saying so is still on its way
        (j then n typed quickly), else the one selected last."""
        highlighted = self.query_one(EntityBrowser).highlighted_entity
        if highlighted is not None and (self.selected is None or highlighted.id != self.selected.id):
            self._select(highlighted)
        return self.selected

    def _step_mention(self, step: int) -> None:
        entity = self._current_entity()
        if entity is None:
            self.notify("No entity selected yet.", severity="warning")
            return
        if self.mention_index is None:
            start, _ = self.query_one(ArticleView).visible_range
            after = bisect.bisect_left(entity.mentions, start, key=lambda m: m.start)
            index = after if step > 0 else after - 1
        else:
            index = self.mention_index + step
        self._go_to_mention(index)

    # -- notes -----------------------------------------------------------------------------

    @work(thread=True, group="notes", exit_on_error=False)
    def _load_note(self, entity: Entity) -> None:
        try:
            note = self.store.note_for(entity)
            occurrences = [
                (occurrence.title, occurrence.count)
                for occurrence in self.store.occurrences(entity)
                if occurrence.sha256 != self.document.sha256
            ]
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(str(error)))
            return
        self.post_message(NoteLoaded(entity.id, note, occurrences))

    @on(NoteLoaded)
    def _note_loaded(self, message: NoteLoaded) -> None:
        editing = message.entity_id in self._pending_notes
        self.query_one(EntityDetail).show_note(
            message.entity_id, None if editing else message.note, message.occurrences
        )

    @on(EntityDetail.NoteEdited)
    def _note_edited(self, message: EntityDetail.NoteEdited) -> None:
        self._pending_notes[message.entity.id] = (message.entity, message.note)
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(NOTE_IDLE_SECONDS, self._flush_notes)

    @on(events.DescendantBlur, "#note")
    def _note_left(self) -> None:
        self._stop_editing()
        self._flush_notes()

    @on(NotePreview.Clicked)
    def _note_clicked(self) -> None:
        self.action_edit_note()

    def _flush_notes(self) -> None:
        """Save every pending note in the background, newest last."""
        pending, self._pending_notes = self._pending_notes, {}
        for entity_id, (entity, note) in pending.items():
            version = self._note_versions.get(entity_id, 0) + 1
            self._note_versions[entity_id] = version
            self._save_note(entity, note, version)

    @work(thread=True, group="note-save", exit_on_error=False)
    def _save_note(self, entity: Entity, note: str, version: int) -> None:
        with self._note_lock:
            if self._note_versions.get(entity.id) != version:
                return  # a newer save of this note follows
            try:
                self.store.save_note(entity, note)
            except (GlossaryError, OSError) as error:
                self.post_message(StoreFailed(f"note on {entity.name} not saved: {error}"))

    def save_everything(self) -> None:
        """Save pending notes and the reading position now (on the way out)."""
        if self._note_timer is not None:
            self._note_timer.stop()
        pending, self._pending_notes = self._pending_notes, {}
        with self._note_lock:
            for entity_id, (entity, note) in pending.items():
                self._note_versions[entity_id] = self._note_versions.get(entity_id, 0) + 1
                self.store.save_note(entity, note)
            start, _ = self.query_one(ArticleView).visible_range
            self.store.save_reading_position(self.document.sha256, start)

    # -- actions ---------------------------------------------------------------------------

    # -- corrections -------------------------------------------------------------------

    @work(thread=True, group="corrections", exit_on_error=False)
    def _store_correction(self, correction: Correction, focus: str | None = None) -> None:
        try:
            correction_id = self.store.add_correction(correction.to_record())
            records = self.store.corrections()
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"correction not saved: {error}"))
            return
        self._undo_stack.append(correction_id)
        self.app.call_from_thread(self._set_corrections, records)
        self._rebuild(focus, correction.describe())

    @work(thread=True, group="corrections", exit_on_error=False)
    def _remove_correction(self, correction_id: int, note: str) -> None:
        try:
            self.store.remove_correction(correction_id)
            records = self.store.corrections()
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"correction not removed: {error}"))
            return
        self.app.call_from_thread(self._set_corrections, records)
        self._rebuild(None, note)

    def _rebuild(self, focus: str | None, note: str) -> None:
        """In a worker thread: regroup the mentions found so far under the current corrections."""
        entities = entities_of(self.document, self.mentions, self.corrections)
        self.post_message(EntitiesRebuilt(entities, focus, note))

    def _need_selection(self) -> Entity | None:
        entity = self._current_entity()
        if entity is None:
            self.notify("Select an entity first.", severity="warning")
        return entity

    def action_merge(self) -> None:
        """Merge the selected entity into another, chosen from a filterable list (most mentioned first)."""
        source = self._need_selection()
        if source is None:
            return
        show_hidden = self.query_one(EntityBrowser).show_hidden
        targets = sorted(
            (e for e in self.entities if e.id != source.id and (show_hidden or not e.hidden)),
            key=lambda e: (-e.count, e.first_offset),
        )
        choices = [(e.id, Content.assemble(e.name, (f"  {e.label} · {counted(e.count, 'mention')}", "dim")))
                   for e in targets]  # fmt: skip

        def merge(target_id: str | None) -> None:
            target = next((e for e in self.entities if e.id == target_id), None)
            if target is None:
                return

            def keep(label: str | None) -> None:
                if label:
                    kept = label if label != target.label else ""
                    correction = Correction("merge", source.name, source.label, target_name=target.name,
                                            target_label=target.label, value=kept)  # fmt: skip
                    self._store_correction(correction, focus=target.name)

            if source.label == target.label:
                keep(target.label)
                return
            title = f"{source.name} is {source.label}, {target.name} {target.label}: keep which label?"
            self.app.push_screen(ChoiceScreen(title, [_label_choice(target), _label_choice(source)]), keep)

        self.app.push_screen(ChoiceScreen(f"Merge {source.name} into…", choices), merge)

    def action_hide(self) -> None:
        """Hide the selected entity as a false positive (or show it again)."""
        entity = self._need_selection()
        if entity is None:
            return
        if entity.hidden:
            for correction_id, correction in zip(self._correction_ids, self.corrections, strict=True):
                if correction.kind == "hide" and entity.label == correction.label and entity.is_called(correction.name):
                    self._remove_correction(correction_id, f"{entity.name} shown again")
            return
        self._store_correction(Correction("hide", entity.name, entity.label))

    def action_show_hidden(self) -> None:
        """List the entities marked as false positives too (struck through), or leave them out again."""
        browser = self.query_one(EntityBrowser)
        browser.show_hidden = not browser.show_hidden
        self._highlight_mentions()
        hidden = sum(e.hidden for e in self.entities)
        if browser.show_hidden:
            self.notify(f"{counted(hidden, 'hidden entity', 'hidden entities')} listed, struck through", timeout=3)
        else:
            self.notify("hidden entities left out", timeout=3)

    def action_rename(self) -> None:
        """Give the selected entity another name."""
        entity = self._need_selection()
        if entity is None:
            return

        def rename(name: str | None) -> None:
            if name and name != entity.name:
                self._store_correction(Correction("rename", entity.name, entity.label, value=name), focus=name)

        self.app.push_screen(PromptScreen(f"Rename {entity.name} to", entity.name), rename)

    def action_relabel(self) -> None:
        """Give the selected entity another label (any label of the pipeline)."""
        entity = self._need_selection()
        if entity is None:
            return
        choices = [
            (label, f"{label}  {describe_label(label)}")
            for label in pipeline_labels(self.entities)
            if label != entity.label
        ]

        def relabel(label: str | None) -> None:
            if label:
                self._store_correction(Correction("relabel", entity.name, entity.label, value=label), focus=entity.name)

        self.app.push_screen(ChoiceScreen(f"Label {entity.name} as…", choices), relabel)

    def action_split(self) -> None:
        """Take one of the selected entity's spellings off into an entity of its own."""
        entity = self._need_selection()
        if entity is None:
            return
        spellings = spellings_to_split(entity)
        if not spellings:
            self.notify(f"{entity.name} has no other spelling to split off.", severity="warning", markup=False)
            return

        def split(alias: str | None) -> None:
            if alias:
                self._store_correction(Correction("split", entity.name, entity.label, value=alias), focus=alias)

        choices = [
            (spelling.name, Content.assemble(
                spelling.name, (f"  (also {', '.join(spelling.others)})" if spelling.others else "", "dim"),
                (f"  · {counted(spelling.count, 'mention')}", "dim"),
            ))
            for spelling in spellings
        ]  # fmt: skip
        self.app.push_screen(ChoiceScreen(f"Split off from {entity.name}…", choices), split)

    def action_add_entity(self) -> None:
        """Add an entity the model missed: every occurrence of a phrase becomes a mention."""

        def add(phrase: str | None) -> None:
            if not phrase:
                return
            choices = [(label, f"{label}  {describe_label(label)}") for label in pipeline_labels(self.entities)]

            def labelled(label: str | None) -> None:
                if label:
                    self._store_correction(Correction("add", phrase, label), focus=phrase)

            self.app.push_screen(ChoiceScreen(f"Label for {phrase}", choices), labelled)

        self.app.push_screen(PromptScreen("Add an entity: the phrase to find"), add)

    def action_undo(self) -> None:
        """Undo the last correction made in this session."""
        if not self._undo_stack:
            self.notify("Nothing to undo.", severity="warning")
            return
        correction_id = self._undo_stack.pop()
        described = next(
            (c.describe() for i, c in zip(self._correction_ids, self.corrections, strict=True) if i == correction_id),
            "correction",
        )
        self._remove_correction(correction_id, f"undone: {described}")

    def action_glossary(self) -> None:
        """Open the glossary of every document."""
        self.save_notes_now()
        self.app.push_screen(GlossaryScreen(self.store))

    def action_export(self) -> None:
        """Ask for a format, then write the whole glossary to the user's documents folder."""

        def export(export_format: str | None) -> None:
            if export_format:
                self.save_notes_now()
                self.export_glossary(export_format)

        self.app.push_screen(ChoiceScreen("Export the glossary as…", EXPORT_FORMATS), export)

    @work(thread=True, group="export", exit_on_error=False)
    def export_glossary(self, export_format: str) -> None:
        """Write the whole glossary to the user's documents folder (md, json or csv)."""
        try:
            path = write_export(self.store, export_format)
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"export failed: {error}"))
            return
        self.app.call_from_thread(self.notify, f"glossary written to {path}", title="Export", timeout=8)

    def save_notes_now(self) -> None:
        """Send pending notes to the store now (in the background)."""
        if self._note_timer is not None:
            self._note_timer.stop()
        self._flush_notes()

    def action_help(self) -> None:
        """Show every key."""
        self.app.push_screen(HelpScreen(self.key_sections(), MOUSE))

    def key_sections(self) -> list[KeySection]:
        """Every key of the reader by section, read from the bindings (other keys of this screen under "More")."""
        listed = {b.action for keys in (GENERAL_KEYS, READING_KEYS, ENTITY_KEYS, CORRECTION_KEYS, GLOSSARY_KEYS)
                  for b in Binding.make_bindings(keys)}  # fmt: skip
        more = [b for b in Binding.make_bindings(self.BINDINGS) if b.action not in listed]
        app_keys = [active.binding for active in self.active_bindings.values() if active.node is self.app]
        return [
            KeySection("Reading", READING_KEYS),
            KeySection("Reading", ARTICLE_KEYS, "in the article (click it, or tab to it)"),
            KeySection("Entities", ENTITY_KEYS),
            KeySection("Entities", EntityList.BINDINGS, "in the entity list (where the keyboard starts)"),
            KeySection("Entities", MentionList.BINDINGS, "in the mentions box (tab to it)"),
            KeySection("Corrections (kept, and applied to every document)", CORRECTION_KEYS),
            KeySection("Glossary", GLOSSARY_KEYS),
            KeySection("Anywhere", [*GENERAL_KEYS, *app_keys]),
            KeySection("More", more),
        ]

    async def action_quit(self) -> None:
        """Save and quit (the app does it)."""
        await self.app.action_quit()

    def action_filter(self) -> None:
        """Focus the filter box."""
        self.query_one("#entity-filter").focus()

    def action_page_down(self) -> None:
        """Page the article down, whichever pane has the keyboard."""
        self.query_one(ArticleView).action_page_down()

    def action_page_up(self) -> None:
        """Page the article up, whichever pane has the keyboard."""
        self.query_one(ArticleView).action_page_up()

    def action_focus_pane(self, direction: int) -> None:
        """Give the keyboard to the next (1) or previous (-1) pane."""
        if direction > 0:
            self.focus_next(PANES)
        else:
            self.focus_previous(PANES)

    def action_next_mention(self) -> None:
        """Go to the selected entity's next mention (wrapping)."""
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        """Go to the selected entity's previous mention (wrapping)."""
        self._step_mention(-1)

    def action_edit_note(self) -> None:
        """Open the note editor on the selected entity's note, in place of its mentions."""
        if self._need_selection() is None:
            return
        if self._detail_timer is not None:
            self._show_detail()  # the note edited must be the selected entity's
        detail = self.query_one(EntityDetail)
        if not detail.editing:
            self._before_editing = self.focused
        detail.start_editing()
        self.add_class("-editing")
        detail.note_editor.focus()

    def _stop_editing(self) -> None:
        self.remove_class("-editing")
        detail = self.query_one(EntityDetail)
        if detail.editing:
            detail.stop_editing()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the reader types (a note, the filter), only what still works is offered: leaving, tab, paging."""
        typing = self.focused is not None and self.focused.id in TEXT_BOXES
        if action == "leave":
            return typing
        if typing or self.has_class("-editing"):
            return action in ("focus_pane", "page_down", "page_up")
        return True

    def action_cycle_label(self) -> None:
        """Show the next label only."""
        self.query_one(EntityBrowser).cycle_label()

    def action_cycle_sort(self) -> None:
        """Sort by the next order."""
        self.query_one(EntityBrowser).cycle_sort()

    def action_toggle_scope(self) -> None:
        """Whole text or only what is on screen."""
        browser = self.query_one(EntityBrowser)
        browser.set_visible_range(*self.query_one(ArticleView).visible_range)
        browser.toggle_scope()

    def action_leave(self) -> None:
        """Leave the note editor (for the pane it was opened from) or the filter box (for the entity list)."""
        focused = self.focused
        if focused is None:
            return
        if focused.id == "note":
            self._stop_editing()
            back = self._before_editing
            self._before_editing = None
            (
                back if back is not None and back.is_attached and back.id != "note" else self.query_one(EntityList)
            ).focus()
        elif focused.id == "entity-filter":
            self.query_one(EntityList).focus()

    def restore_position(self, offset: int) -> None:
        """Scroll to a saved reading position."""
        self.query_one(ArticleView).scroll_to_offset_top(offset)


def _label_choice(entity: Entity) -> tuple[str, Content]:
    """A choice of ``entity``'s label, saying what it means and whose it is."""
    return entity.label, Content.assemble(
        (entity.label, "bold"), (f"  {describe_label(entity.label)}", "dim"),
        f"  as {entity.name}", (f" · {counted(entity.count, 'mention')}", "dim"),
    )  # fmt: skip

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
from textual.worker import Worker, WorkerState, get_current_worker

from glossary_tui.core.documents.chapters import chapter_path, describe_location
from glossary_tui.core.documents.document import Document
from glossary_tui.core.documents.progress import ReadingProgress
from glossary_tui.core.entities.companions import ReadingCompanions
from glossary_tui.core.entities.corrections import KINDS, Correction, spellings_to_split
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.labels import describe_label, pipeline_labels
from glossary_tui.core.entities.so_far import entities_until
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.extraction.spacy_extractor import Extractor
from glossary_tui.core.pipeline import DocumentEntities, StreamProgress, entities_of, record, stream
from glossary_tui.core.store.exchange import write_export
from glossary_tui.core.store.protocol import Store
from glossary_tui.ui.failures import describe_failure
from glossary_tui.ui.messages import (
    CompanionsReady,
    CorrectionsChanged,
    EntitiesRebuilt,
    ExtractionProgress,
    NoteLoaded,
    SoFarEntities,
    StoreFailed,
)
from glossary_tui.ui.plural import counted
from glossary_tui.ui.screens.contents import ContentsScreen
from glossary_tui.ui.screens.dialogs import ChoiceScreen, PromptScreen
from glossary_tui.ui.screens.glossary import GlossaryScreen
from glossary_tui.ui.screens.help import HelpScreen, KeySection
from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser, EntityList
from glossary_tui.ui.widgets.entity_context import CompanionList, EntityContext
from glossary_tui.ui.widgets.entity_detail import EntityDetail, MentionList, NotePreview
from glossary_tui.ui.widgets.find_bar import FindBar

#: Seconds the entity-list cursor must rest before the detail panel follows it.
DETAIL_DELAY = 0.12
#: Seconds of idle typing after which a note is saved.
NOTE_IDLE_SECONDS = 1.0
#: Seconds the reader must stop reading on before spoiler-safe entities catch up with them.
SO_FAR_DELAY = 0.3
#: Characters of a chapter title shown in the header.
HEADER_CHAPTER_CHARS = 48
#: The panes tab moves between (the filter box and the note editor are entered on purpose: / and e).
PANES = "#entity-list, #mention-list, #article"
#: Where keys are typed as text.
TEXT_BOXES = ("note", "entity-filter", "find-input")
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
    Binding("escape", "leave", "Done", tooltip="leave the note editor or the filter box; close the find bar"),
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
COMPANION_KEYS: list[BindingType] = [
    Binding("c", "contents", "Contents", tooltip="table of contents: enter goes to a chapter (the header says where)"),
    Binding("f", "find", "Find",
            tooltip="find in the text: enter (in the box), or n / N elsewhere, walks the matches; esc closes"),
    Binding("z", "toggle_so_far", "So far",
            tooltip="spoiler-safe: only what the text holds up to where you have read (again: everything)"),
    Binding("Z", "read_up_to_here", "Read to here", show=False,
            tooltip="count the text up to the bottom of the screen as read (after a jump ahead)"),
    Binding("w", "focus_companions", "With", show=False,
            tooltip="go to the entities that appear with the selected one (enter selects one, esc goes back)"),
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

#: What each background job of the reader does, named in the message if it fails.
JOBS = {
    "run_extraction": "Finding entities",
    "load_corrections": "Reading your corrections",
    "_read_note": "Reading the note",
    "_save_note": "Saving the note",
    "_store_correction": "Saving the correction",
    "_remove_correction": "Undoing the correction",
    "_regroup": "Regrouping the entities",
    "export_glossary": "Exporting the glossary",
}


class ReaderScreen(Screen[None]):
    """One document: read it, browse its entities, walk their mentions, write notes."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - an instance attribute in Textual
    BINDINGS: ClassVar[list[BindingType]] = [
        *GENERAL_KEYS,
        *READING_KEYS,
        *ENTITY_KEYS,
        *GLOSSARY_KEYS,
        *COMPANION_KEYS,
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
        #: The reader's corrections, in the order made.
        self.corrections: list[Correction] = []
        self._correction_ids: list[int] = []
        #: ``(version, corrections)``, replaced whole at each change: what worker threads read.
        self._corrections_state: tuple[int, list[Correction]] = (0, [])
        #: Corrections stored one at a time, so each read of the store sees every earlier one.
        self._corrections_lock = threading.Lock()
        #: ``(corrections version, entity to select, what changed)`` to apply once the list shows that version.
        self._outcomes: list[tuple[int, str | None, str]] = []
        self._undo_stack: list[int] = []
        #: Seconds of idle typing after which a note is saved (tests shorten it).
        self.note_idle_seconds = NOTE_IDLE_SECONDS
        self._pending_notes: dict[str, tuple[Entity, str]] = {}
        self._note_versions: dict[str, int] = {}
        self._note_lock = threading.Lock()
        self._note_timer: Timer | None = None
        self._detail_timer: Timer | None = None
        #: Where the keyboard goes back to when the note editor closes.
        self._before_editing: Widget | None = None
        #: How far the reader has read; in spoiler-safe reading (``so_far``) entities cover only that much.
        self.progress = ReadingProgress(len(document.text))
        self.so_far = False
        #: The offset the entities shown in spoiler-safe reading go up to (``None``: the whole text is shown).
        self.so_far_limit: int | None = None
        #: Every entity extraction found (``entities`` is what is shown: these, or those read so far).
        self.all_entities: list[Entity] = []
        #: Descriptions and company of the entities shown, once worked out.
        self.companions: ReadingCompanions | None = None
        self._progress_loaded = False
        self._so_far_timer: Timer | None = None
        #: How many times spoiler-safe entities and companions were asked for: only the latest answer is shown.
        self._so_far_asked = 0
        self._companions_asked = 0
        #: Running note saves and note reads: what each is about, for when it ends.
        self._note_saves: dict[Worker[None], tuple[Entity, str, int]] = {}
        self._note_reads: dict[Worker[None], Entity] = {}
        #: Entities whose note failed to save and has not been saved since.
        self._failed_notes: set[str] = set()

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, status line, the article beside (or above) the entity side pane, footer."""
        yield Header()
        with Horizontal(id="status"):
            yield Static(id="status-text")
            yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="body"):
            yield ArticleView(self.document.text, dimmed=self.document.boilerplate, id="article")
            with Vertical(id="side"):
                yield EntityBrowser(len(self.document.text), id="browser")
                yield EntityDetail(self.document.text, id="detail")
        yield FindBar(self.document.text, id="find-bar")
        yield Footer()

    def on_mount(self) -> None:
        """Show the text at once; find entities in the background."""
        self.title = self.document.title
        self.sub_title = f"{self.extractor.info.name} {self.extractor.info.version}".strip()
        self._status("finding entities…")
        self.query_one(EntityList).focus()
        self.load_corrections()
        self._load_progress()

    # -- extraction -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="extraction", exit_on_error=False)
    def run_extraction(self, article: ArticleView) -> None:
        """Extract mentions in a thread, posting entities as they arrive (the part on screen first).

        A failure ends the worker with an error, which :meth:`_worker_state_changed` reports.
        """
        worker = get_current_worker()
        final: StreamProgress | None = None
        used = self._corrections_state

        def corrections() -> list[Correction]:
            nonlocal used
            used = self._corrections_state
            return used[1]

        for progress in stream(
            self.document,
            self.extractor,
            corrections,
            should_cancel=lambda: worker.is_cancelled,
            focus=lambda: article.focus_offset,
        ):
            final = progress
            self.post_message(ExtractionProgress(progress, used[0]))
        if final is None or not final.finished or worker.is_cancelled:
            return
        entities = final.entities
        if used is not self._corrections_state:  # a correction came after the last regrouping
            entities = tuple(entities_of(self.document, final.mentions, self._corrections_state[1]))
        try:
            record(self.store, DocumentEntities(self.document, final.mentions, entities))
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"{self.document.title} not recorded in the glossary: {error}"))

    @work(thread=True, group="corrections", exit_on_error=False)
    def load_corrections(self) -> None:
        """Read the reader's corrections, then start extracting (so entities come out corrected)."""
        records = self.store.corrections()
        self.app.call_from_thread(self._start, records)

    def _start(self, records: list[dict[str, Any]]) -> None:
        self._set_corrections(records)
        self.run_extraction(self.query_one(ArticleView))

    def _set_corrections(self, records: list[dict[str, Any]]) -> None:
        valid = [(record["id"], Correction.from_record(record)) for record in records if record.get("kind") in KINDS]
        self._correction_ids = [correction_id for correction_id, _ in valid]
        self.corrections = [correction for _, correction in valid]
        self._corrections_state = (self._corrections_state[0] + 1, self.corrections)

    @property
    def _corrections_version(self) -> int:
        return self._corrections_state[0]

    @on(ExtractionProgress)
    def _extraction_progress(self, message: ExtractionProgress) -> None:
        progress = message.progress
        self.mentions = progress.mentions
        if message.corrections_version == self._corrections_version:
            self._show_entities(progress.entities, message.corrections_version)
        else:  # grouped before the latest correction: regroup these mentions under it
            self._rebuild()
        bar = self.query_one(ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.done)
        if progress.finished:
            bar.display = False
            found = counted(len(self.all_entities), "entity", "entities")
            self._status(f"{found} · {counted(len(progress.mentions), 'mention')}")
        else:
            self._status(f"finding entities… {len(self.all_entities):,} so far")

    @on(EntitiesRebuilt)
    def _entities_rebuilt(self, message: EntitiesRebuilt) -> None:
        if message.mentions is not self.mentions or message.corrections_version != self._corrections_version:
            return  # newer mentions or corrections came meanwhile: a later grouping shows them
        self._show_entities(message.entities, message.corrections_version)

    def _show_entities(self, entities: Sequence[Entity], corrections_version: int | None = None) -> None:
        self.all_entities = list(entities)
        if self.so_far or not self._progress_loaded:
            if self._progress_loaded:
                self._restrict_so_far()  # spoiler-safe reading shows its own entities (see SoFarEntities)
        else:
            self._display_entities(entities)
        if corrections_version is not None:
            self._show_outcomes(corrections_version)

    def _display_entities(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        self._highlight_mentions()
        self.query_one(EntityBrowser).set_entities(self.entities)
        if self.selected is not None:
            current = next((e for e in self.entities if e.id == self.selected.id), None)
            if current is None:  # not in the text read so far: show what the list's cursor is on instead
                current = self.query_one(EntityBrowser).highlighted_entity
            self.query_one(EntityDetail).display = current is not None
            if current is not None and current is not self.selected:
                self._select(current)
        self._build_companions(self.entities, self.so_far_limit)

    def _highlight_mentions(self) -> None:
        """Highlight in the article the mentions of every entity listed (unless the find bar shows its matches)."""
        if self.query_one(FindBar).active:
            return
        show_hidden = self.query_one(EntityBrowser).show_hidden
        article = self.query_one(ArticleView)
        article.set_mentions(sorted(m for e in self.entities if show_hidden or not e.hidden for m in e.mentions))
        if self.selected is not None:
            index = self.mention_index
            article.select(self.selected.mentions, self.selected.mentions[index] if index is not None else None)

    def _show_outcomes(self, corrections_version: int) -> None:
        """Select and announce what the corrections up to ``corrections_version`` did, now that the list shows it."""
        shown = [outcome for outcome in self._outcomes if outcome[0] <= corrections_version]
        self._outcomes = [outcome for outcome in self._outcomes if outcome[0] > corrections_version]
        for _, focus, note in shown:
            if focus is not None:
                target = next((e for e in self.entities if e.is_called(focus)), None)
                if target is not None:
                    self.go_to_entity(target.id)
            if note:
                self.notify(note, timeout=4)

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every background job that ends: note saves and reads settle; a failure is reported, never dropped."""
        worker = event.worker
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        save = self._note_saves.pop(worker, None)
        read = self._note_reads.pop(worker, None)
        if event.state is not WorkerState.ERROR:
            if save is not None:
                self._note_saved(save[0])
            return
        reason = describe_failure(worker.error)
        job = JOBS.get(worker.name, "A background job")
        if save is not None:
            self._note_not_saved(*save, reason)
        elif read is not None:
            self._note_not_read(read, reason)
        elif worker.name == "run_extraction":
            self._extraction_failed(reason)
        elif worker.name == "load_corrections":
            self.notify(f"{reason}. Entities are shown without your corrections.", title=f"{job} failed",
                        severity="error", timeout=10)  # fmt: skip
            self._start([])
        else:
            self.notify(reason, title=f"{job} failed", severity="error", timeout=10)

    def _extraction_failed(self, reason: str) -> None:
        self.query_one(ProgressBar).display = False
        found = f"{len(self.entities):,} entities found before it stopped; " if self.entities else "no entities: "
        self._status(found + reason)
        self.notify(reason, title="Finding entities failed", severity="error", timeout=10)

    @on(StoreFailed)
    def _store_failed(self, message: StoreFailed) -> None:
        self.notify(message.reason, title="Glossary file", severity="error", timeout=10)

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
        self._reading_moved(message.start, message.end)

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
        if not self.query_one(FindBar).active:
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
        detail.display = True
        changed = detail.entity is None or detail.entity.id != entity.id
        detail.show(entity)
        detail.show_position(self.mention_index)
        self._show_context()
        if changed:
            self._load_note(entity)

    def _go_to_mention(self, index: int) -> None:
        entity = self.selected
        if entity is None or not entity.mentions:
            return
        self.query_one(FindBar).close()  # walking an entity's mentions: the article shows entities again
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

    def _load_note(self, entity: Entity) -> None:
        self._note_reads[self._read_note(entity)] = entity

    @work(thread=True, group="notes", exit_on_error=False)
    def _read_note(self, entity: Entity) -> None:
        note = self.store.note_for(entity)
        occurrences = [
            (occurrence.title, occurrence.count)
            for occurrence in self.store.occurrences(entity)
            if occurrence.sha256 != self.document.sha256
        ]
        self.post_message(NoteLoaded(entity.id, note, occurrences))

    @on(NoteLoaded)
    def _note_loaded(self, message: NoteLoaded) -> None:
        unsaved = self._unsaved_note(message.entity_id)
        detail = self.query_one(EntityDetail)
        # A note not saved yet is what the reader wrote: it stays in the editor, whatever the store holds.
        detail.show_note(message.entity_id, message.note if unsaved is None else unsaved, message.occurrences)
        if detail.entity is not None and detail.entity.id == message.entity_id:
            detail.note_editor.read_only = False
            self._show_note_state(message.entity_id)

    def _unsaved_note(self, entity_id: str) -> str | None:
        """The note the reader last wrote on an entity, if it is not saved yet (waiting, or being saved)."""
        if entity_id in self._pending_notes:
            return self._pending_notes[entity_id][1]
        newest = self._note_versions.get(entity_id)
        return next((note for e, note, v in self._note_saves.values() if e.id == entity_id and v == newest), None)

    def _note_not_read(self, entity: Entity, reason: str) -> None:
        """The stored note could not be read: editing it could overwrite it, so the editor is locked."""
        detail = self.query_one(EntityDetail)
        if detail.entity is not None and detail.entity.id == entity.id and entity.id not in self._pending_notes:
            detail.note_editor.read_only = True
        self.notify(f"{reason}. The note on {entity.name} cannot be edited until it can be read.",
                    title="Reading the note failed", severity="error", timeout=10)  # fmt: skip

    @on(EntityDetail.NoteEdited)
    def _note_edited(self, message: EntityDetail.NoteEdited) -> None:
        self._pending_notes[message.entity.id] = (message.entity, message.note)
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(self.note_idle_seconds, self._flush_notes)

    @on(events.DescendantBlur, "#note")
    def _note_left(self) -> None:
        self._stop_editing()
        self._flush_notes()

    @on(NotePreview.Clicked)
    def _note_clicked(self) -> None:
        self.action_edit_note()

    def _flush_notes(self) -> None:
        """Save every pending note in the background, newest last."""
        if self._note_timer is not None:
            self._note_timer.stop()
        pending, self._pending_notes = self._pending_notes, {}
        for entity_id, (entity, note) in pending.items():
            version = self._note_versions.get(entity_id, 0) + 1
            self._note_versions[entity_id] = version
            self._note_saves[self._save_note(entity, note, version)] = (entity, note, version)

    @work(thread=True, group="note-save", exit_on_error=False)
    def _save_note(self, entity: Entity, note: str, version: int) -> None:
        with self._note_lock:
            if self._note_versions.get(entity.id) != version:
                return  # a newer save of this note follows
            self.store.save_note(entity, note)

    def _note_saved(self, entity: Entity) -> None:
        if self._unsaved_note(entity.id) is None:
            self._failed_notes.discard(entity.id)
            self._show_note_state(entity.id)

    def _show_note_state(self, entity_id: str) -> None:
        """Mark the editor "not saved" while the note it shows failed to save and is not saved since."""
        detail = self.query_one(EntityDetail)
        if detail.entity is not None and detail.entity.id == entity_id:
            detail.note_editor.border_subtitle = "not saved" if entity_id in self._failed_notes else ""

    def _note_not_saved(self, entity: Entity, note: str, version: int, reason: str) -> None:
        """Keep the note to save again (when the reader leaves the editor or quits) and say so."""
        if self._note_versions.get(entity.id) == version and entity.id not in self._pending_notes:
            self._pending_notes[entity.id] = (entity, note)
        self._failed_notes.add(entity.id)
        self._show_note_state(entity.id)
        self.notify(f"{reason}. The note stays in the editor and is saved again when you leave it or quit.",
                    title=f"Note on {entity.name} not saved", severity="error", timeout=10)  # fmt: skip

    def save_everything(self) -> None:
        """Save pending notes, and notes still being saved, and the reading position now (on the way out)."""
        if self._note_timer is not None:
            self._note_timer.stop()
        pending, self._pending_notes = self._pending_notes, {}
        for entity, note, version in self._note_saves.values():
            if self._note_versions.get(entity.id) == version:  # the newest save of this note: not done yet
                pending.setdefault(entity.id, (entity, note))
        with self._note_lock:
            while pending:
                entity_id, (entity, note) = next(iter(pending.items()))
                self._note_versions[entity_id] = self._note_versions.get(entity_id, 0) + 1
                try:
                    self.store.save_note(entity, note)
                except BaseException:
                    self._pending_notes.update(pending)  # kept, to save again or to warn about
                    raise
                del pending[entity_id]
            start, _ = self.query_one(ArticleView).visible_range
            self.store.save_reading_position(self.document.sha256, start)
            self.store.save_furthest_read(self.document.sha256, self.progress.furthest, self.so_far)

    # -- actions ---------------------------------------------------------------------------

    # -- corrections -------------------------------------------------------------------

    @work(thread=True, group="corrections", exit_on_error=False)
    def _store_correction(self, correction: Correction, focus: str | None = None) -> None:
        with self._corrections_lock:
            correction_id = self.store.add_correction(correction.to_record())
            records = self.store.corrections()
            self.post_message(CorrectionsChanged(records, correction_id, focus, correction.describe()))

    @work(thread=True, group="corrections", exit_on_error=False)
    def _remove_correction(self, correction_id: int, note: str) -> None:
        with self._corrections_lock:
            self.store.remove_correction(correction_id)
            records = self.store.corrections()
            self.post_message(CorrectionsChanged(records, None, None, note))

    @on(CorrectionsChanged)
    def _corrections_changed(self, message: CorrectionsChanged) -> None:
        self._set_corrections(message.records)
        if message.added is not None:
            self._undo_stack.append(message.added)
        self._outcomes.append((self._corrections_version, message.focus, message.note))
        self._rebuild()

    def _rebuild(self) -> None:
        """Regroup the mentions found so far under the current corrections, in the background."""
        self._regroup(self.mentions, self.corrections, self._corrections_version)

    @work(thread=True, exclusive=True, group="regroup", exit_on_error=False)
    def _regroup(self, mentions: tuple[Mention, ...], corrections: list[Correction], version: int) -> None:
        entities = entities_of(self.document, mentions, corrections)
        if not get_current_worker().is_cancelled:
            self.post_message(EntitiesRebuilt(entities, mentions, version))

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
        path = write_export(self.store, export_format)
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
        listed = {b.action for keys in (GENERAL_KEYS, READING_KEYS, ENTITY_KEYS, CORRECTION_KEYS, GLOSSARY_KEYS,
                                        COMPANION_KEYS)
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
            KeySection("Finding your way", COMPANION_KEYS),
            KeySection("Finding your way", CompanionList.BINDINGS, "in the 'appears with' list (w goes there)"),
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
        """Go to the selected entity's next mention (wrapping), or the next match while the find bar is open."""
        find = self.query_one(FindBar)
        if find.active:
            find.step(1)
        else:
            self._step_mention(1)

    def action_previous_mention(self) -> None:
        """Go to the selected entity's previous mention (wrapping), or the previous match while finding."""
        find = self.query_one(FindBar)
        if find.active:
            find.step(-1)
        else:
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
        focused_id = self.focused.id if self.focused is not None else None
        typing = focused_id in TEXT_BOXES
        if action == "leave":
            return typing or focused_id == "appears-with" or self.query_one(FindBar).active
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
        """Leave the note editor (for the pane it came from) or the filter box (for the entity list); close find."""
        focused = self.focused
        if focused is not None and focused.id == "note":
            self._stop_editing()
            back = self._before_editing
            self._before_editing = None
            (
                back if back is not None and back.is_attached and back.id != "note" else self.query_one(EntityList)
            ).focus()
        elif focused is not None and focused.id in ("entity-filter", "appears-with"):
            self.query_one(EntityList).focus()
        elif self.query_one(FindBar).active:
            self.query_one(FindBar).close()
            self.query_one(ArticleView).focus()

    def restore_position(self, offset: int) -> None:
        """Scroll to a saved reading position."""
        self.query_one(ArticleView).scroll_to_offset_top(offset)

    # -- reading companions: who is who, how far one has read, chapters, find --------------

    def _build_companions(self, entities: Sequence[Entity], limit: int | None) -> None:
        """Work out descriptions and company for ``entities`` (of the text up to ``limit``) off the UI thread."""
        self._companions_asked += 1
        self._work_out_companions(entities, limit, self._companions_asked)

    @work(thread=True, group="companions", exit_on_error=False)
    def _work_out_companions(self, entities: Sequence[Entity], limit: int | None, asked: int) -> None:
        text = self.document.text if limit is None else self.document.text[:limit]
        companions = ReadingCompanions(entities, text, self.document.chapters)
        if not get_current_worker().is_cancelled:
            self.post_message(CompanionsReady(companions, asked))

    @on(CompanionsReady)
    def _companions_ready(self, message: CompanionsReady) -> None:
        if message.asked == self._companions_asked:  # else newer entities are being worked out
            self.companions = message.companions
            self._show_context()

    def _show_context(self) -> None:
        """Show who the selected entity is, where it first appears and with whom (once worked out)."""
        entity = self.query_one(EntityDetail).entity
        companions = self.companions
        if companions is None or entity is None or not companions.knows(entity):
            self.query_one(EntityContext).show(None)  # still being worked out for the entities shown
        else:
            self.query_one(EntityContext).show(companions.about(entity))

    @on(EntityContext.CompanionChosen)
    def _companion_chosen(self, message: EntityContext.CompanionChosen) -> None:
        self.go_to_entity(message.entity_id)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self._highlight_mentions()

    @work(thread=True, group="progress", exit_on_error=False)
    def _load_progress(self) -> None:
        """Read how far this document was read, and whether spoiler-safe reading was on."""
        try:
            furthest, so_far = self.store.furthest_read(self.document.sha256)
            position = self.store.reading_position(self.document.sha256) or 0
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(str(error)))
            furthest, so_far, position = 0, False, 0
        self.app.call_from_thread(self._progress_read, max(furthest, position), so_far)

    def _progress_read(self, furthest: int, so_far: bool) -> None:
        self.progress.read_up_to(furthest)
        self.progress.seen(*self.query_one(ArticleView).visible_range)
        self._progress_loaded = True
        self.so_far = so_far
        self._show_entities(self.all_entities)
        self._show_position()

    def _reading_moved(self, start: int, end: int) -> None:
        """The text on screen changed: how far the reader has read, and the header, follow."""
        if self.progress.seen(start, end) and self.so_far:
            if self._so_far_timer is not None:
                self._so_far_timer.stop()
            self._so_far_timer = self.set_timer(SO_FAR_DELAY, self._restrict_so_far)
        self._show_position(start, end)

    def _show_position(self, start: int | None = None, end: int | None = None) -> None:
        """The header: the chapter on screen, how much of the text is read, spoiler-safe reading's limit."""
        if start is None or end is None:
            start, end = self.query_one(ArticleView).visible_range
        parts = []
        where = describe_location(self.document.chapters, start)
        if where:
            parts.append(where if len(where) <= HEADER_CHAPTER_CHARS else where[: HEADER_CHAPTER_CHARS - 1] + "…")
        parts.append(f"{self.progress.percent(end)}%")
        if self.so_far:
            parts.append(f"spoiler-safe up to {self.progress.percent()}%")
        parts.append(f"{self.extractor.info.name} {self.extractor.info.version}".strip())
        self.sub_title = " · ".join(parts)

    def _restrict_so_far(self) -> None:
        """Regroup the mentions found before the furthest point read, as if the text ended there (in a worker)."""
        self._so_far_asked += 1
        self._regroup_so_far(self.mentions, self.corrections, self.progress.furthest, self._so_far_asked)

    @work(thread=True, group="so-far", exit_on_error=False)
    def _regroup_so_far(
        self, mentions: Sequence[Mention], corrections: Sequence[Correction], limit: int, asked: int
    ) -> None:
        entities = entities_until(self.document.text, mentions, corrections, limit)
        if not get_current_worker().is_cancelled:
            self.post_message(SoFarEntities(entities, limit, asked))

    @on(SoFarEntities)
    def _so_far_entities(self, message: SoFarEntities) -> None:
        if self.so_far and message.asked == self._so_far_asked:
            self.so_far_limit = message.limit
            self._display_entities(message.entities)

    def action_toggle_so_far(self) -> None:
        """Spoiler-safe reading: show only what the text holds up to the furthest point read (or everything)."""
        self.so_far = not self.so_far
        if self.so_far:
            self._restrict_so_far()
            read = self.progress.percent()
            ahead = self.query_one(ArticleView).visible_range[1] > self.progress.furthest + 1
            hint = " You are further on than that: Z counts the text up to here as read." if ahead else ""
            self.notify(f"Spoiler-safe: only what the text holds up to where you have read ({read}%).{hint}")
        else:
            self.so_far_limit = None
            self._display_entities(self.all_entities)
            self.notify("The whole text again.")
        self._show_position()
        self._save_progress()

    @work(thread=True, group="progress-save", exit_on_error=False)
    def _save_progress(self) -> None:
        try:
            self.store.save_furthest_read(self.document.sha256, self.progress.furthest, self.so_far)
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"spoiler-safe setting not saved: {error}"))

    def action_read_up_to_here(self) -> None:
        """Count everything up to the bottom of the screen as read (after a jump ahead, say)."""
        self.progress.read_up_to(self.query_one(ArticleView).visible_range[1])
        self.notify(f"Read up to {self.progress.percent()}%.", timeout=3)
        if self.so_far:
            self._restrict_so_far()
        self._show_position()
        self._save_progress()

    def action_contents(self) -> None:
        """Open the table of contents; the chapter chosen is scrolled to."""
        chapters = self.document.chapters
        if not chapters:
            self.notify("This document has no chapters.", severity="warning")
            return
        article = self.query_one(ArticleView)
        path = chapter_path(chapters, article.visible_range[0])
        current = chapters.index(path[-1]) if path else None

        def go(offset: int | None) -> None:
            if offset is not None:
                article.scroll_to_offset_top(offset)
                article.focus()

        self.app.push_screen(ContentsScreen(chapters, current, self.progress.furthest if self.so_far else None), go)

    def action_focus_companions(self) -> None:
        """Give the keyboard to the "appears with" list of the selected entity."""
        companions = self.query_one("#appears-with", CompanionList)
        if not companions.display or not companions.option_count:
            self.notify("No entity appears with this one (yet).", severity="warning")
            return
        if companions.highlighted is None:
            companions.highlighted = 0
        companions.focus()

    def action_find(self) -> None:
        """Open the find bar."""
        self.query_one(FindBar).open()


def _label_choice(entity: Entity) -> tuple[str, Content]:
    """A choice of ``entity``'s label, saying what it means and whose it is."""
    return entity.label, Content.assemble(
        (entity.label, "bold"), (f"  {describe_label(entity.label)}", "dim"),
        f"  as {entity.name}", (f" · {counted(entity.count, 'mention')}", "dim"),
    )  # fmt: skip

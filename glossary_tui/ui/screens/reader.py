"""The reading screen: article, entity browser and detail panel, and the work behind them."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, ProgressBar, Static
from textual.worker import get_current_worker

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.corrections import KINDS, Correction
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import DocumentIdentity
from glossary_tui.core.entities.labels import describe_label, pipeline_labels
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.extraction.spacy_extractor import Extractor
from glossary_tui.core.pipeline import DocumentEntities, StreamProgress, entities_of, record, refresh, stream
from glossary_tui.core.store.exchange import default_export_path, write_export
from glossary_tui.core.store.protocol import Store
from glossary_tui.core.store.records import Occurrence
from glossary_tui.ui.messages import (
    EntitiesRebuilt,
    ExtractionFailed,
    ExtractionProgress,
    NoteLoaded,
    StoreFailed,
)
from glossary_tui.ui.screens.dialogs import ChoiceScreen, PromptScreen
from glossary_tui.ui.screens.glossary import GlossaryScreen
from glossary_tui.ui.screens.help import HelpScreen
from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser, EntityList
from glossary_tui.ui.widgets.entity_detail import EntityDetail

#: Seconds the entity-list cursor must rest before the detail panel follows it.
DETAIL_DELAY = 0.12
#: Seconds of idle typing after which a note is saved.
NOTE_IDLE_SECONDS = 1.0


class ReaderScreen(Screen[None]):
    """One document: read it, browse its entities, walk their mentions, write notes."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - an instance attribute in Textual
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "filter", "Filter"),
        Binding("n", "next_mention", "Next"),
        Binding("N", "previous_mention", "Prev"),
        Binding("e", "edit_note", "Note"),
        Binding("t", "cycle_label", "Label"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("v", "toggle_scope", "Scope"),
        Binding("g", "glossary", "Glossary"),
        Binding("escape", "leave", "Leave"),
        Binding("m", "merge", "Merge", show=False),
        Binding("x", "hide", "Hide", show=False),
        Binding("H", "show_hidden", "Show hidden", show=False),
        Binding("R", "rename", "Rename", show=False),
        Binding("L", "relabel", "Relabel", show=False),
        Binding("D", "split", "Split alias", show=False),
        Binding("plus", "add_entity", "Add entity", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("X", "not_the_same", "Not the same", show=False),
    ]

    def __init__(self, document: Document, extractor: Extractor, store: Store, select: str | None = None) -> None:
        super().__init__()
        self.document = document
        #: The name of an entity to select once it is found (the glossary opened the document on it).
        self.select_on_arrival = select
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
        self._identity: tuple[DocumentIdentity | None, list[Entity] | None] = (None, None)
        #: Extraction finished and the document was recorded: corrections record it again.
        self._recorded = False
        #: The saved reading position was looked up (and restored): only then is the position saved.
        self.position_known = False
        #: The selected entity's links to other documents, as last loaded: (entity id, links).
        self._links: tuple[str, Sequence[Occurrence]] = ("", ())

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
        self.query_one(ArticleView).focus()
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
                self._recorded = True
                self._refresh_library(lambda: worker.is_cancelled)
            except (GlossaryError, OSError) as error:
                self.post_message(StoreFailed(str(error)))

    def _refresh_library(self, should_cancel: Callable[[], bool] | None = None) -> None:
        """In a worker: record again the other documents a correction changed or the glossary's index lacks."""
        others = [d for d in self.store.documents_to_refresh() if d.sha256 != self.document.sha256]
        refresh(self.store, self.extractor, others, self.corrections, should_cancel=should_cancel)

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
            self._status(f"{len(self.entities):,} entities · {len(progress.mentions):,} mentions")
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
            self.notify(message.note, timeout=4)

    def _show_entities(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        show_hidden = self.query_one(EntityBrowser).show_hidden
        self.query_one(ArticleView).set_mentions(
            sorted(m for e in self.entities if show_hidden or not e.hidden for m in e.mentions)
        )
        self.query_one(EntityBrowser).set_entities(self.entities)
        if self.selected is not None:
            current = next((e for e in self.entities if e.id == self.selected.id), None)
            if current is not None and current is not self.selected:
                self._select(current)
        if self.select_on_arrival is not None:
            wanted = next((e for e in self.entities if e.is_called(self.select_on_arrival) and not e.hidden), None)
            if wanted is not None:
                self.select_on_arrival = None
                self.go_to_entity(wanted.id)

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

    def _step_mention(self, step: int) -> None:
        if self.selected is None:
            highlighted = self.query_one(EntityBrowser).highlighted_entity
            if highlighted is None:
                self.notify("No entity selected yet.", severity="warning")
                return
            self._select(highlighted)
        entity = self.selected
        if entity is None:
            return
        if self.mention_index is None:
            start, _ = self.query_one(ArticleView).visible_range
            after = bisect.bisect_left(entity.mentions, start, key=lambda m: m.start)
            index = after if step > 0 else after - 1
        else:
            index = self.mention_index + step
        self._go_to_mention(index)

    # -- notes -----------------------------------------------------------------------------

    def identity(self) -> DocumentIdentity:
        """Who owns which name in this document, for the entities as grouped now (built once per grouping)."""
        entities = self.entities
        identity, grouping = self._identity
        if identity is None or grouping is not entities:
            identity = DocumentIdentity(self.document.sha256, entities)
            self._identity = (identity, entities)
        return identity

    @work(thread=True, group="notes", exit_on_error=False)
    def _load_note(self, entity: Entity) -> None:
        try:
            identity = self.identity()
            note = self.store.note_for(entity, identity)
            occurrences = [o for o in self.store.occurrences(entity, identity) if o.sha256 != self.document.sha256]
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(str(error)))
            return
        self.post_message(NoteLoaded(entity.id, note, occurrences))

    @on(NoteLoaded)
    def _note_loaded(self, message: NoteLoaded) -> None:
        self._links = (message.entity_id, message.occurrences)
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
        self._flush_notes()

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
                self.store.save_note(entity, note, self.identity())
            except (GlossaryError, OSError) as error:
                self.post_message(StoreFailed(f"note on {entity.name} not saved: {error}"))

    def save_everything(self) -> None:
        """Save pending notes and the reading position now (on the way out).

        The position is saved only once the saved one was restored: quitting
        before that leaves it as it was.
        """
        if self._note_timer is not None:
            self._note_timer.stop()
        pending, self._pending_notes = self._pending_notes, {}
        with self._note_lock:
            for entity_id, (entity, note) in pending.items():
                self._note_versions[entity_id] = self._note_versions.get(entity_id, 0) + 1
                self.store.save_note(entity, note, self.identity())
            if self.position_known:
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
        """In a worker thread: regroup the mentions found so far under the current corrections.

        Once the document is recorded, it is recorded again as corrected, and so
        is every other document the correction changes, so the glossary and its
        exports show it.
        """
        entities = entities_of(self.document, self.mentions, self.corrections)
        self.post_message(EntitiesRebuilt(entities, focus, note))
        if not self._recorded:
            return
        try:
            record(self.store, DocumentEntities(self.document, self.mentions, tuple(entities)), opened=False)
            self._refresh_library()
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"glossary not updated: {error}"))

    def _need_selection(self) -> Entity | None:
        if self.selected is None:
            self.notify("Select an entity first.", severity="warning")
        return self.selected

    def action_merge(self) -> None:
        """Merge the selected entity into another, chosen from a filterable list."""
        source = self._need_selection()
        if source is None:
            return
        choices = [(e.id, f"{e.name}  ({e.label}, {e.count})") for e in self.entities if e.id != source.id]

        def merge(target_id: str | None) -> None:
            target = next((e for e in self.entities if e.id == target_id), None)
            if target is not None:
                correction = Correction("merge", source.name, source.label, target_name=target.name,
                                        target_label=target.label)  # fmt: skip
                self._store_correction(correction, focus=target.name)

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
        """Show or leave out the entities marked as false positives."""
        browser = self.query_one(EntityBrowser)
        browser.show_hidden = not browser.show_hidden
        self._show_entities(self.entities)
        self.notify("hidden entities shown" if browser.show_hidden else "hidden entities left out", timeout=3)

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
        if not entity.aliases:
            self.notify(f"{entity.name} has no other spelling to split off.", severity="warning")
            return

        def split(alias: str | None) -> None:
            if alias:
                self._store_correction(Correction("split", entity.name, entity.label, value=alias), focus=alias)

        self.app.push_screen(ChoiceScreen(f"Split off from {entity.name}…", [(a, a) for a in entity.aliases]), split)

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
        self.app.push_screen(GlossaryScreen(self.store, self.document.sha256))

    def export_glossary(self, export_format: str, this_document: bool = False) -> None:
        """Ask where to write the glossary (md, json or csv; all of it, or this document's), then write it."""
        self.save_notes_now()
        default = default_export_path(self.document.source, self.document.title, export_format)
        what = f"{self.document.title}'s glossary" if this_document else "the glossary"

        def chosen(answer: str | None) -> None:
            if answer:
                self._write_export(export_format, Path(answer).expanduser(), this_document)

        self.app.push_screen(PromptScreen(f"Write {what} ({export_format}) to", str(default)), chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def _write_export(self, export_format: str, path: Path, this_document: bool) -> None:
        try:
            document = self.document.sha256 if this_document else None
            written = write_export(self.store, export_format, path, document=document)
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"export failed: {error}"))
            return
        self.app.call_from_thread(self.notify, f"glossary written to {written}", title="Export", timeout=8)

    def action_not_the_same(self) -> None:
        """Undo a link to another document's entity: choose the one that is not the selected entity."""
        entity = self._need_selection()
        if entity is None:
            return
        links = list(self._links[1]) if self._links[0] == entity.id else []
        if not links:
            self.notify(f"{entity.name} is not linked to another document.", severity="warning")
            return
        choices = [(str(number), f"{link.name} in {link.title} ({link.count}, {link.why})")
                   for number, link in enumerate(links)]  # fmt: skip

        def separate(choice: str | None) -> None:
            if choice is not None:
                self._separate(entity, links[int(choice)])

        self.app.push_screen(ChoiceScreen(f"{entity.name} is not the same as…", choices), separate)

    @work(thread=True, group="notes", exit_on_error=False)
    def _separate(self, entity: Entity, link: Occurrence) -> None:
        try:
            self.store.separate(entity, self.identity(), link.sha256, link.name)
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(f"not saved: {error}"))
            return
        self.app.call_from_thread(self.notify, f"{entity.name} is not {link.name} of {link.title}", timeout=4)
        self._load_note(entity)

    def save_notes_now(self) -> None:
        """Send pending notes to the store now (in the background)."""
        if self._note_timer is not None:
            self._note_timer.stop()
        self._flush_notes()

    def action_help(self) -> None:
        """Show every key."""
        self.app.push_screen(HelpScreen())

    def action_filter(self) -> None:
        """Focus the filter box."""
        self.query_one("#entity-filter").focus()

    def action_next_mention(self) -> None:
        """Go to the selected entity's next mention (wrapping)."""
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        """Go to the selected entity's previous mention (wrapping)."""
        self._step_mention(-1)

    def action_edit_note(self) -> None:
        """Edit the selected entity's note."""
        if self.selected is None:
            self.notify("Select an entity first.", severity="warning")
            return
        if self._detail_timer is not None:
            self._show_detail()  # the note edited must be the selected entity's
        self.query_one(EntityDetail).note_editor.focus()

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
        """Leave the note editor or the filter box for the entity list."""
        if self.focused is not None and self.focused.id in ("note", "entity-filter"):
            self.query_one(EntityList).focus()

    def restore_position(self, offset: int | None) -> None:
        """Scroll to a saved reading position (None: there is none); from now on the position is saved."""
        if offset:
            self.query_one(ArticleView).scroll_to_offset_top(offset)
        self.position_known = True

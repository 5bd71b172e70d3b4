"""The reading screen: article, entity browser and detail panel, and the work behind them."""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Sequence

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, ProgressBar, Static
from textual.worker import get_current_worker

from glossary_tui.core.document import Document
from glossary_tui.core.entities import Entity, build_entities
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extract import Extractor, Mention
from glossary_tui.core.store import GlossaryStore
from glossary_tui.ui.messages import ExtractionFailed, ExtractionProgress, NoteLoaded, StoreFailed
from glossary_tui.ui.screens.help import HelpScreen
from glossary_tui.ui.widgets.article_view import ArticleView
from glossary_tui.ui.widgets.entity_browser import EntityBrowser, EntityList
from glossary_tui.ui.widgets.entity_detail import EntityDetail

#: Seconds between entity-list updates while extraction runs.
PROGRESS_INTERVAL = 0.3
#: Seconds of idle typing after which a note is saved.
NOTE_IDLE_SECONDS = 1.0


class ReaderScreen(Screen[None]):
    """One document: read it, browse its entities, walk their mentions, write notes."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "filter", "Filter"),
        Binding("n", "next_mention", "Next"),
        Binding("N", "previous_mention", "Prev"),
        Binding("e", "edit_note", "Note"),
        Binding("t", "cycle_label", "Label"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("v", "toggle_scope", "Scope"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, document: Document, extractor: Extractor, store: GlossaryStore) -> None:
        super().__init__()
        self.document = document
        self.extractor = extractor
        self.store = store
        self.entities: list[Entity] = []
        self.selected: Entity | None = None
        self.mention_index: int | None = None
        self._pending_notes: dict[str, tuple[Entity, str]] = {}
        self._note_versions: dict[str, int] = {}
        self._note_lock = threading.Lock()
        self._note_timer: Timer | None = None

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
        self.run_extraction()

    # -- extraction -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="extraction", exit_on_error=False)
    def run_extraction(self) -> None:
        """Extract mentions in a thread, posting entities as they arrive (a few times a second)."""
        worker = get_current_worker()
        text = self.document.text
        article = self.query_one(ArticleView)
        mentions: list[Mention] = []
        entities: list[Entity] = []
        done = 0
        next_post = 0.0
        try:
            chunks = self.extractor.extract(
                text, should_cancel=lambda: worker.is_cancelled, focus=lambda: article.focus_offset
            )
            for chunk in chunks:
                if worker.is_cancelled:
                    return
                mentions.extend(chunk.mentions)
                done += chunk.end - chunk.start
                if time.monotonic() >= next_post or done >= len(text):
                    started = time.monotonic()
                    mentions.sort()
                    found = tuple(mentions)
                    entities = build_entities(found, text)
                    self.post_message(ExtractionProgress(done, len(text), found, entities))
                    # Grouping a whole book takes a while: never spend more than a third of the time on it.
                    next_post = started + max(PROGRESS_INTERVAL, 3 * (time.monotonic() - started))
        except GlossaryError as error:
            self.post_message(ExtractionFailed(str(error)))
            return
        if not text:
            self.post_message(ExtractionProgress(0, 0, (), []))
        self._record_document(entities)

    def _record_document(self, entities: Sequence[Entity]) -> None:
        """Remember the document and where its entities occur (called in the extraction thread)."""
        try:
            self.store.record_document(self.document, entities)
        except (GlossaryError, OSError) as error:
            self.post_message(StoreFailed(str(error)))

    @on(ExtractionProgress)
    def _extraction_progress(self, message: ExtractionProgress) -> None:
        self.entities = list(message.entities)
        self.query_one(ArticleView).set_mentions(message.mentions)
        self.query_one(EntityBrowser).set_entities(self.entities)
        progress = self.query_one(ProgressBar)
        progress.update(total=max(message.total, 1), progress=message.done)
        if message.finished:
            progress.display = False
            mentions = len(message.mentions)
            self._status(f"{len(self.entities):,} entities · {mentions:,} mentions")
        else:
            self._status(f"finding entities… {len(self.entities):,} so far")

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
        self._select(message.entity)

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

    def _select(self, entity: Entity) -> None:
        same = self.selected is not None and self.selected.id == entity.id
        if not same:
            self._flush_notes()
            self.mention_index = None
        self.selected = entity
        current = entity.mentions[self.mention_index] if self.mention_index is not None else None
        self.query_one(ArticleView).select(entity.mentions, current)
        detail = self.query_one(EntityDetail)
        detail.show(entity)
        detail.show_position(self.mention_index)
        if not same:
            self._load_note(entity)

    def _go_to_mention(self, index: int) -> None:
        entity = self.selected
        if entity is None or not entity.mentions:
            return
        self.mention_index = index % entity.count
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

    def restore_position(self, offset: int) -> None:
        """Scroll to a saved reading position."""
        self.query_one(ArticleView).scroll_to_offset_top(offset)

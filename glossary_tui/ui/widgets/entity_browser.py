"""The entity pane: a filter box, the list's settings, and the entities grouped by label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.filter import (
    SortOrder,
    mentioned_between,
    rank_matches,
    searchable_names,
    sort_entities,
)
from glossary_tui.core.entities.labels import label_rank
from glossary_tui.ui.sparkline import sparkline

ALL_LABELS = "All"
LABEL_HEADER_PREFIX = "label:"


class EntityList(OptionList, inherit_bindings=False):
    """The entity rows. Arrows and j/k move; paging keys are left to the screen, which pages the article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next entity", show=False),
        Binding("k,up", "cursor_up", "Previous entity", show=False),
        Binding("home", "first", "First entity", show=False),
        Binding("end", "last", "Last entity", show=False),
        Binding("enter", "select", "Go to its first mention", show=False),
    ]


class EntityBrowser(Vertical):
    """Filter, label filter, sort and scope over the document's entities.

    What the list shows is kept in reactives (``label``, ``order``,
    ``visible_only``, ``filter_text``, ``show_hidden``): setting one re-lists.
    """

    DEFAULT_CSS = """
    EntityBrowser {
        #entity-filter {
            border: none;
            height: 1;
            padding: 0 1;
            background: $boost;
        }
        #entity-settings {
            height: 1;
            padding: 0 1;
            color: $text-muted;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #entity-list {
            height: 1fr;
            border: none;
            padding: 0;
            background: transparent;
            /* One line per entity: no wrapping to measure, so a resize of a book's list stays quick. */
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor moved to ``entity``."""

        entity: Entity

    @dataclass
    class Chosen(Message):
        """The reader pressed enter on (or clicked) ``entity``."""

        entity: Entity

    #: The one label shown, or ``ALL_LABELS``.
    label: var[str] = var(ALL_LABELS, init=False)
    #: How entities are ordered within a label (when no filter is typed).
    order: var[SortOrder] = var(SortOrder.COUNT, init=False)
    #: Only entities mentioned on screen.
    visible_only: var[bool] = var(False, init=False)
    #: What the reader typed in the filter box.
    filter_text: var[str] = var("", init=False)
    #: Whether entities the reader hid (false positives) are listed.
    show_hidden: var[bool] = var(False, init=False)

    def __init__(self, text_length: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text_length = text_length
        self.entities: list[Entity] = []
        self.by_id: dict[str, Entity] = {}
        self.visible_range = (0, 0)
        self._rows: dict[str, Option] = {}
        self._search_names: dict[str, tuple[str, ...]] = {}
        #: True once the reader has moved the cursor: list updates then keep it on their entity.
        self._reader_moved = False
        self._placed_index: int | None = None

    def compose(self) -> ComposeResult:
        """The filter box, the settings line and the list."""
        yield Input(placeholder="/ filter entities", id="entity-filter")
        yield Static(id="entity-settings")
        yield EntityList(id="entity-list", markup=False)

    def on_mount(self) -> None:
        """Show the settings before any entity arrives."""
        self.border_title = "Entities"
        self._refresh_list()

    # -- what the screen calls ------------------------------------------------------------

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Show ``entities``, keeping the cursor on the same entity if it is still there."""
        self.entities = list(entities)
        self.by_id = {entity.id: entity for entity in self.entities}
        self._rows.clear()
        self._search_names.clear()
        self._refresh_list()

    def cycle_label(self) -> None:
        """Show the next label only (All, then each label present, then All again)."""
        labels = [ALL_LABELS, *sorted({e.label for e in self.entities}, key=label_rank)]
        index = labels.index(self.label) if self.label in labels else 0
        self.label = labels[(index + 1) % len(labels)]

    def cycle_sort(self) -> None:
        """Sort by the next order."""
        self.order = self.order.next()

    def toggle_scope(self) -> None:
        """Switch between every entity and only those mentioned on screen."""
        self.visible_only = not self.visible_only

    def set_visible_range(self, start: int, end: int) -> None:
        """The text on screen moved; refilter if only visible entities are shown."""
        self.visible_range = (start, end)
        if self.visible_only:
            self._refresh_list()

    def highlight(self, entity_id: str) -> None:
        """Move the cursor to an entity, showing every entity if the filters hide it.

        A hidden entity, while hidden ones are left out, is not in the list: the cursor stays.
        """
        entity_list = self.query_one(EntityList)
        try:
            index = entity_list.get_option_index(entity_id)
        except OptionDoesNotExist:
            entity = self.by_id.get(entity_id)
            if entity is None or (entity.hidden and not self.show_hidden):
                return
            self.set_reactive(EntityBrowser.label, ALL_LABELS)
            self.set_reactive(EntityBrowser.visible_only, False)
            self.set_reactive(EntityBrowser.filter_text, "")
            with self.prevent(Input.Changed):
                self.query_one(Input).value = ""
            self._refresh_list()
            index = entity_list.get_option_index(entity_id)
        self._reader_moved = True
        entity_list.highlighted = index

    @property
    def highlighted_entity(self) -> Entity | None:
        """The entity under the cursor."""
        option = self.query_one(EntityList).highlighted_option
        return self.by_id.get(option.id) if option is not None and option.id else None

    # -- reactives ------------------------------------------------------------------------

    def watch_label(self) -> None:
        self._refresh_list()

    def watch_order(self) -> None:
        self._refresh_list()

    def watch_visible_only(self) -> None:
        self._refresh_list()

    def watch_filter_text(self) -> None:
        self._reader_moved = False  # the cursor goes to the best match as the reader types
        self._refresh_list()

    def watch_show_hidden(self) -> None:
        self._refresh_list()

    # -- events ---------------------------------------------------------------------------

    @on(Input.Changed, "#entity-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#entity-filter")
    def _filter_submitted(self) -> None:
        self.query_one(EntityList).focus()

    @on(OptionList.OptionHighlighted, "#entity-list")
    def _option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index == self._placed_index:
            self._placed_index = None  # the list put the cursor there, not the reader
        else:
            self._reader_moved = True
        entity = self.by_id.get(event.option.id or "")
        if entity is not None:
            self.post_message(self.Highlighted(entity))

    @on(OptionList.OptionSelected, "#entity-list")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self.by_id.get(event.option.id or "")
        if entity is not None:
            self.post_message(self.Chosen(entity))

    # -- building the list ----------------------------------------------------------------

    def shown_entities(self) -> list[Entity]:
        """The entities passing the filter, label and scope, in display order.

        Entities are grouped by label. With a filter typed, the best matches come
        first (see :func:`rank_matches`), and so does the label group holding them.
        """
        entities = self.entities if self.show_hidden else [e for e in self.entities if not e.hidden]
        if self.label != ALL_LABELS:
            entities = [e for e in entities if e.label == self.label]
        if self.visible_only:
            start, end = self.visible_range
            entities = [e for e in entities if mentioned_between(e, start, end)]
        if self.filter_text.strip():
            ranked = rank_matches(self.filter_text, entities, self._folded_names)
            label_order = {label: rank for rank, label in enumerate(dict.fromkeys(e.label for e in ranked))}
            return sorted(ranked, key=lambda e: label_order[e.label])
        return sorted(sort_entities(entities, self.order), key=lambda e: label_rank(e.label))

    def _folded_names(self, entity: Entity) -> tuple[str, ...]:
        names = self._search_names.get(entity.id)
        if names is None:
            names = self._search_names[entity.id] = searchable_names(entity)
        return names

    def _refresh_list(self) -> None:
        entity_list = self.query_one(EntityList)
        current = self.highlighted_entity
        shown = self.shown_entities()
        options: list[Option] = []
        for label, group in groupby(shown, key=lambda e: e.label):
            members = list(group)
            header = Content.assemble((f"{label} ", "bold"), (f"{len(members)}", "dim"))
            options.append(Option(header, id=f"{LABEL_HEADER_PREFIX}{label}", disabled=True))
            options.extend(self._row(entity) for entity in members)
        entity_list.set_options(options)
        index = None
        successor = self._successor(current, shown) if current is not None and self._reader_moved else None
        if successor is not None:
            index = entity_list.get_option_index(successor.id)
        elif shown:
            index = 1
        self._placed_index = index
        entity_list.highlighted = index
        self._show_settings(len(shown))

    @staticmethod
    def _successor(previous: Entity, shown: Sequence[Entity]) -> Entity | None:
        """The shown entity that is ``previous`` now: same id, or holding its first mention."""
        first = previous.mentions[0]
        by_mention = None
        for entity in shown:
            if entity.id == previous.id:
                return entity
            if by_mention is None and first in entity.mentions:
                by_mention = entity
        return by_mention

    def _row(self, entity: Entity) -> Option:
        option = self._rows.get(entity.id)
        if option is None:
            spark = sparkline((m.start for m in entity.mentions), self.text_length)
            prompt = Content.assemble(
                (spark, "$text-muted"),
                (f" {entity.count:>5} ", "dim"),
                (entity.name, "strike dim" if entity.hidden else ""),
            )
            option = self._rows[entity.id] = Option(prompt, id=entity.id)
        return option

    def _show_settings(self, shown: int) -> None:
        scope = "on screen" if self.visible_only else "whole text"
        hidden: list[str | tuple[str, str]] = [("  H ", "bold"), "hidden listed"] if self.show_hidden else []
        settings = Content.assemble(
            ("t ", "bold"), self.label, ("  s ", "bold"), self.order.value, ("  v ", "bold"), scope, *hidden,
        )  # fmt: skip
        self.query_one("#entity-settings", Static).update(settings)
        self.border_subtitle = f"{shown:,} of {len(self.entities):,}"

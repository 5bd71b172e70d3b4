"""The detail panel: the selected entity's facts, its mentions in context, and the reader's note."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.labels import describe_label
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.store.records import Occurrence
from glossary_tui.ui.text_layout import display_text

#: Characters of context shown on each side of a mention.
CONTEXT = 60
#: Mentions listed at a time: a window around the current one (Pierre has 1,900 in War and Peace,
#: and building every row would make each move in the entity list slow).
MENTION_WINDOW = 60
#: Other documents listed under "also in" (the rest are counted).
LINKS_SHOWN = 4


def mention_context(text: str, mention: Mention, width: int = CONTEXT) -> Content:
    """The text around ``mention`` on one line (spaces collapsed), the mention itself emphasised."""
    before = _collapse(text[max(0, mention.start - width) : mention.start])[-width:]
    after = _collapse(text[mention.end : mention.end + width])[:width]
    return Content.assemble(
        ("…", "dim"), display_text(before), (display_text(_collapse(mention.text)), "bold reverse"),
        display_text(after), ("…", "dim"),
    )  # fmt: skip


def _collapse(text: str) -> str:
    """Runs of whitespace (newlines included) as single spaces, keeping one at either end."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


class EntityDetail(Vertical):
    """Facts, mentions and the note of one entity."""

    class MentionChosen(Message):
        """The reader chose a mention in the list: show it in the article."""

        def __init__(self, mention: Mention) -> None:
            super().__init__()
            self.mention = mention

    class NoteEdited(Message):
        """The reader changed the note of ``entity``."""

        def __init__(self, entity: Entity, note: str) -> None:
            super().__init__()
            self.entity = entity
            self.note = note

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self.entity: Entity | None = None
        self._saved_note = ""
        self._occurrences: tuple[Occurrence, ...] = ()
        self._window_start = 0

    def compose(self) -> ComposeResult:
        """Heading, facts, position, mention list and note editor."""
        yield Static("Select an entity to see its mentions and notes.", id="detail-heading")
        yield Static(id="detail-facts")
        yield Static(id="detail-position")
        yield OptionList(id="mention-list", markup=False)
        yield TextArea(id="note", soft_wrap=True, tab_behavior="focus")

    def show(self, entity: Entity) -> None:
        """Show ``entity`` (again, if it grew while extraction runs)."""
        same = self.entity is not None and self.entity.id == entity.id
        self.entity = entity
        if not same:
            self._occurrences = ()
            self._load_editor("")
        self.query_one("#detail-heading", Static).update(Content.styled(entity.name, "bold"))
        self._show_facts()
        if not same:
            self._window_start = 0
        self._fill_mentions(keep_cursor=same)

    def _fill_mentions(self, keep_cursor: bool) -> None:
        """List the mentions of the current window; option ids are indices into the entity's mentions."""
        entity = self.entity
        assert entity is not None
        mentions = self.query_one("#mention-list", OptionList)
        highlighted = mentions.highlighted if keep_cursor else None
        start = self._window_start
        end = min(entity.count, start + MENTION_WINDOW)
        options: list[Option | None] = []
        if start > 0:
            options.append(Option(Content.styled(f"… {start} earlier (N)", "dim"), disabled=True))
        options += [Option(mention_context(self.text, entity.mentions[i]), id=str(i)) for i in range(start, end)]
        if end < entity.count:
            options.append(Option(Content.styled(f"… {entity.count - end} more (n)", "dim"), disabled=True))
        mentions.set_options(options)
        mentions.highlighted = highlighted

    def show_note(self, entity_id: str, note: str | None, occurrences: Sequence[Occurrence]) -> None:
        """Show the stored note (unless ``None``: the reader is editing) and the entity in other documents.

        Ignored if another entity is shown by now.
        """
        if self.entity is None or self.entity.id != entity_id:
            return
        self._occurrences = tuple(occurrences)
        self._show_facts()
        if note is not None:
            self._load_editor(note)

    def _load_editor(self, note: str) -> None:
        editor = self.query_one("#note", TextArea)
        self._saved_note = note
        if editor.text != note:
            editor.load_text(note)

    def show_position(self, index: int | None) -> None:
        """Show "mention 3 of 7" for mention ``index`` (0-based) and move the list's cursor there."""
        position = self.query_one("#detail-position", Static)
        if self.entity is None or index is None:
            total = self.entity.count if self.entity is not None else 0
            hint = "n: go to the mention" if total == 1 else f"n / N: walk through the {total} mentions"
            position.update(Content.styled(hint, "dim"))
            return
        position.update(Content.assemble(("mention ", "dim"), (f"{index + 1} of {self.entity.count}", "bold")))
        if not self._window_start <= index < self._window_start + MENTION_WINDOW:
            self._window_start = max(0, index - MENTION_WINDOW // 3)
            self._fill_mentions(keep_cursor=False)
        mentions = self.query_one("#mention-list", OptionList)
        mentions.highlighted = mentions.get_option_index(str(index))

    @property
    def note_editor(self) -> TextArea:
        """The note editor."""
        return self.query_one("#note", TextArea)

    @on(OptionList.OptionSelected, "#mention-list")
    def _mention_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.entity is not None and event.option.id is not None:
            self.post_message(self.MentionChosen(self.entity.mentions[int(event.option.id)]))

    @on(OptionList.OptionHighlighted, "#mention-list")
    def _mention_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    @on(TextArea.Changed, "#note")
    def _note_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        note = event.text_area.text
        if self.entity is not None and note != self._saved_note:
            self._saved_note = note
            self.post_message(self.NoteEdited(self.entity, note))

    def _show_facts(self) -> None:
        entity = self.entity
        assert entity is not None
        description = describe_label(entity.label)
        parts: list[str | tuple[str, str]] = [
            (entity.label, "bold"),
            (f"  {description}" if description else "", "dim"),
        ]
        parts.append(f"\n{entity.count} mention{'s' if entity.count != 1 else ''}")
        if self._occurrences:
            parts.append(("  ·  X: not the same", "dim italic"))
        if entity.aliases:
            parts += [("\nalso: ", "dim"), ", ".join(entity.aliases)]
        for link in self._occurrences[:LINKS_SHOWN]:
            parts += [("\nalso in ", "dim"), link.title]
            if link.name != entity.name:
                parts += [(" as ", "dim"), link.name]
            parts.append((f" ({link.count}, {link.why})" if link.why else f" ({link.count})", "dim"))
        if len(self._occurrences) > LINKS_SHOWN:
            parts.append((f"\nand {len(self._occurrences) - LINKS_SHOWN} more documents", "dim"))
        self.query_one("#detail-facts", Static).update(Content.assemble(*parts))

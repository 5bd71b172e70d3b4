"""The detail panel: the selected entity's facts, its mentions in context, and the reader's note."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.labels import describe_label
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.store.records import Occurrence
from glossary_tui.ui.plural import counted
from glossary_tui.ui.text_layout import display_text
from glossary_tui.ui.widgets.entity_context import EntityContext

#: Characters of context shown before a mention in the mentions box: a quarter of its width, within these bounds
#: (so the mention shows in a narrow pane).
LEAD = (8, 30)
#: Characters of context shown after it (the row is cut to the pane's width).
TRAIL = 100
#: Mentions listed at a time: a window around the current one (Pierre has 1,900 in War and Peace,
#: and building every row would make each move in the entity list slow).
MENTION_WINDOW = 60
#: Other documents listed under "also in" (the rest are counted).
LINKS_SHOWN = 4


def mention_row(text: str, mention: Mention, number: int, digits: int, lead: int = LEAD[0]) -> Content:
    """One line for the mentions box: the mention's number, a little text before it, the mention, and what follows.

    Whitespace (newlines too) is collapsed, so a mention is always one line;
    the text before it (about ``lead`` characters) is cut at a word, so the
    mention sits near the start of the row and shows in a narrow pane.
    """
    before = _collapse(text[max(0, mention.start - lead * 3) : mention.start])
    if len(before) > lead:
        cut = before[-lead:]
        before = "…" + (cut[cut.find(" ") :] if " " in cut[:-1] else cut)
    after = _collapse(text[mention.end : mention.end + TRAIL])
    return Content.assemble(
        (f"{number:>{digits}} ", "dim"),
        display_text(before),
        (display_text(_collapse(mention.text)), "bold underline"),
        display_text(after),
    )


def _collapse(text: str) -> str:
    """Runs of whitespace (newlines included) as single spaces, keeping one at either end."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


class MentionList(OptionList, inherit_bindings=False):
    """The mentions box: arrows and j/k move, enter shows the mention; paging keys are left to the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next mention in the box", show=False),
        Binding("k,up", "cursor_up", "Previous mention in the box", show=False),
        Binding("enter", "select", "Show that mention in the article", show=False),
    ]


class NotePreview(Static):
    """The note as saved; a click opens the editor."""

    @dataclass
    class Clicked(Message):
        """The reader clicked the note to edit it."""

    def on_click(self, event: events.Click) -> None:
        """Ask to edit the note."""
        event.stop()
        self.post_message(self.Clicked())


class EntityDetail(Vertical):
    """Facts, mentions and the note of one entity.

    The note editor shows only while the reader edits (``start_editing``): it then
    takes the panel's room, so whatever is typed is in sight.
    """

    DEFAULT_CSS = """
    EntityDetail {
        #detail-facts {
            height: auto;
            max-height: 4;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #mention-list {
            height: 1fr;
            min-height: 3;
            border: none;
            padding: 0;
            background: transparent;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #note-preview {
            height: auto;
            max-height: 5;
        }
        #note {
            display: none;
            height: 1fr;
            border: none;
            padding: 0;
        }
        &.-editing {
            #entity-context, #mention-list, #note-preview {
                display: none;
            }
            #detail-facts {
                max-height: 1;
            }
            #note {
                display: block;
            }
        }
    }
    """

    @dataclass
    class MentionChosen(Message):
        """The reader chose a mention in the list: show it in the article."""

        mention: Mention

    @dataclass
    class NoteEdited(Message):
        """The reader changed the note of ``entity``."""

        entity: Entity
        note: str

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self.entity: Entity | None = None
        self._saved_note = ""
        self._occurrences: tuple[Occurrence, ...] = ()
        self._window_start = 0
        self._position: int | None = None

    def compose(self) -> ComposeResult:
        """Who it is (from the text), facts, mention list, the note as saved and its editor."""
        yield EntityContext(id="entity-context")
        yield Static(Content.styled("Select an entity to see its mentions and notes.", "dim"), id="detail-facts")
        yield MentionList(id="mention-list", markup=False)
        yield NotePreview(id="note-preview")
        yield TextArea(id="note", soft_wrap=True, tab_behavior="focus")

    def on_mount(self) -> None:
        """No entity yet."""
        self.border_title = "Entity"

    def on_resize(self) -> None:
        """The mention rows hold as much text before a mention as the width allows: build them again."""
        if self.entity is not None:
            self._fill_mentions(keep_cursor=True)

    def show(self, entity: Entity) -> None:
        """Show ``entity`` (again, if it grew while extraction runs)."""
        same = self.entity is not None and self.entity.id == entity.id
        self.entity = entity
        if not same:
            self._occurrences = ()
            self._load_editor("")
            self._window_start = 0
            self._position = None
        self._show_title()
        self._show_facts()
        self._fill_mentions(keep_cursor=same)

    @property
    def editing(self) -> bool:
        """True while the note editor is open."""
        return self.has_class("-editing")

    def start_editing(self) -> None:
        """Open the note editor in place of the mentions (the caller focuses it)."""
        self.add_class("-editing")
        self._show_title()

    def stop_editing(self) -> None:
        """Close the note editor; the note shows as saved."""
        self.remove_class("-editing")
        self._show_title()
        self._show_preview()

    def _fill_mentions(self, keep_cursor: bool) -> None:
        """List the mentions of the current window; option ids are indices into the entity's mentions."""
        entity = self.entity
        assert entity is not None
        mentions = self.query_one(MentionList)
        highlighted = mentions.highlighted if keep_cursor else None
        start = self._window_start
        end = min(entity.count, start + MENTION_WINDOW)
        digits = len(str(entity.count))
        options: list[Option | None] = []
        if start > 0:
            options.append(Option(Content.styled(f"… {start:,} earlier (N)", "dim"), disabled=True))
        width = mentions.scrollable_content_region.width or 4 * LEAD[0]
        lead = min(max(width // 4, LEAD[0]), LEAD[1])
        options += [
            Option(mention_row(self.text, entity.mentions[i], i + 1, digits, lead), id=str(i))
            for i in range(start, end)
        ]
        if end < entity.count:
            options.append(Option(Content.styled(f"… {entity.count - end:,} more (n)", "dim"), disabled=True))
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
        self._show_preview()

    def show_position(self, index: int | None) -> None:
        """Show "mention 3 of 7" for mention ``index`` (0-based), centred with its neighbours in the box."""
        self._position = index
        self._show_title()
        if self.entity is None or index is None:
            return
        if not self._window_start <= index < self._window_start + MENTION_WINDOW:
            self._window_start = max(0, index - MENTION_WINDOW // 3)
            self._fill_mentions(keep_cursor=False)
        mentions = self.query_one(MentionList)
        row = mentions.get_option_index(str(index))
        mentions.highlighted = row
        mentions.call_after_refresh(self._centre, row)

    def _centre(self, row: int) -> None:
        mentions = self.query_one(MentionList)
        height = mentions.scrollable_content_region.height
        mentions.scroll_to(y=max(0, row - (height - 1) // 2), animate=False, immediate=True)

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

    def _show_title(self) -> None:
        entity = self.entity
        if entity is None:
            return
        if self.editing:
            self.border_title = Content.assemble(("Note on ", "dim"), entity.name)
            self.border_subtitle = Content("esc: done")
            return
        self.border_title = Content(entity.name)
        if self._position is not None:
            self.border_subtitle = Content(f"mention {self._position + 1:,} of {entity.count:,}")
        elif entity.count == 1:
            self.border_subtitle = Content("n: go to the mention")
        else:
            self.border_subtitle = Content(f"n / N: walk the {entity.count:,} mentions")

    def _show_facts(self) -> None:
        entity = self.entity
        assert entity is not None
        description = describe_label(entity.label)
        parts: list[str | tuple[str, str] | Content] = [
            (entity.label, "bold"),
            f" · {counted(entity.count, 'mention')}",
            (f" · {description}" if description else "", "dim"),
        ]
        if self._occurrences:
            parts.append(("  ·  X: not the same", "dim italic"))
        if entity.aliases:
            parts += [("\nalso: ", "dim"), display_text(", ".join(entity.aliases))]
        for link in self._occurrences[:LINKS_SHOWN]:
            parts += [("\nalso in ", "dim"), display_text(link.title)]
            if link.name != entity.name:
                parts += [(" as ", "dim"), display_text(link.name)]
            parts.append((f" ({link.count:,}, {link.why})" if link.why else f" ({link.count:,})", "dim"))
        if len(self._occurrences) > LINKS_SHOWN:
            parts.append((f"\nand {counted(len(self._occurrences) - LINKS_SHOWN, 'more document')}", "dim"))
        self.query_one("#detail-facts", Static).update(Content.assemble(*parts))

    def _show_preview(self) -> None:
        note = self._saved_note.strip()
        shown = "\n".join(display_text(line) for line in note.splitlines())
        preview = Content.assemble(("✎ ", "$text-accent"), shown if note else ("e: write a note", "dim"))
        self.query_one(NotePreview).update(preview)

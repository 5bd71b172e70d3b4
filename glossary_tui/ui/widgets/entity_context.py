"""Who the selected entity is, where it first appears, and who appears with it: the top of the detail panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from glossary_tui.core.entities.companions import AboutEntity
from glossary_tui.ui.text_layout import display_text


class CompanionList(OptionList):
    """The entities most often in a paragraph with the selected one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Select", tooltip="select that entity: the list and the detail panel go to it"),
    ]


class EntityContext(Vertical):
    """The selected entity's description (from the text), first appearance and companions (``enter`` selects one)."""

    DEFAULT_CSS = """
    EntityContext {
        height: auto;
    }
    EntityContext #context-about {
        height: auto;
        max-height: 4;
    }
    EntityContext #appears-with {
        height: auto;
        max-height: 4;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    @dataclass
    class CompanionChosen(Message):
        """The reader chose an entity in the "appears with" list."""

        entity_id: str

    def compose(self) -> ComposeResult:
        """Description and first appearance, then the companions."""
        yield Static(id="context-about")
        yield CompanionList(id="appears-with", markup=False)

    def on_mount(self) -> None:
        """Nothing to tell before an entity is selected."""
        self.show(None)

    def show(self, about: AboutEntity | None) -> None:
        """Tell ``about`` an entity; ``None`` while it is being worked out (or nothing is selected)."""
        text = self.query_one("#context-about", Static)
        companions = self.query_one("#appears-with", OptionList)
        if about is None:
            text.update("")
            companions.clear_options()
            companions.display = False
            return
        text.update(about_content(about))
        companions.set_options(
            Option(Content.assemble(display_text(other.name), (f"  {count}", "dim")), id=other.id)
            for other, count in about.appears_with
        )
        companions.display = bool(about.appears_with)

    @on(OptionList.OptionSelected, "#appears-with")
    def _companion_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.CompanionChosen(event.option.id))

    @on(OptionList.OptionHighlighted, "#appears-with")
    def _companion_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()


def about_content(about: AboutEntity) -> Content:
    """The description (a quoted sentence when no rule found one), where the entity is first met, who comes with it."""
    parts: list[str | tuple[str, str]] = []
    description = about.description
    if description is None:
        parts.append(("no description in the text", "dim italic"))
    elif description.kind == "sentence":
        parts += [("“", "dim"), (display_text(description.text), "italic"), ("”", "dim")]
    else:
        parts.append((display_text(description.text), "bold"))
    if about.first_in:
        parts += [("\nfirst in ", "dim"), display_text(about.first_in)]
    if about.appears_with:
        parts.append(("\nappears with (w goes there):", "dim"))
    return Content.assemble(*parts)

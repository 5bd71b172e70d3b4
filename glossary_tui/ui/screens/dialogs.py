"""Small modal dialogs: choose one of many (filterable), or type a line of text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from glossary_tui.core.entities.names import fold

#: What the dialogs look like; every theme's colours.
DIALOG_CSS = """
    align: center middle;
    .dialog {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 80%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    .dialog-title {
        padding-bottom: 1;
    }
    #choices {
        height: auto;
        max-height: 20;
    }
"""


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of ``choices`` (id, text); typing filters them. Returns the id, or None on escape.

    A choice's text may be ``Content`` (plain user text with styled details); the filter matches its plain text.
    """

    DEFAULT_CSS = f"ChoiceScreen {{{DIALOG_CSS}}}"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("down", "focus_choices", "To the list", show=False),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, str | Content]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = [(choice_id, Content(text) if isinstance(text, str) else text) for choice_id, text in choices]

    def compose(self) -> ComposeResult:
        """Title, filter box, choices."""
        with Vertical(classes="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), classes="dialog-title")
            yield Input(placeholder="type to filter, ↓ to the list", id="choice-filter")
            yield OptionList(*self._options(""), id="choices", markup=False)

    def on_mount(self) -> None:
        """The first choice is the one enter takes."""
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = 0 if choices.option_count else None

    @on(Input.Changed, "#choice-filter")
    def _filter(self, event: Input.Changed) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.set_options(self._options(event.value))
        choices.highlighted = 0 if choices.option_count else None

    @on(Input.Submitted, "#choice-filter")
    def _submit_first(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is not None:
            self.dismiss(choices.get_option_at_index(choices.highlighted).id)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_focus_choices(self) -> None:
        """Down from the filter box moves into the list (in the list, down moves the cursor)."""
        self.query_one("#choices").focus()

    def _options(self, query: str) -> list[Option]:
        wanted = fold(query)
        return [Option(text, id=choice_id) for choice_id, text in self.choices if wanted in fold(text.plain)]


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text. Returns it (stripped), or None on escape or when empty."""

    DEFAULT_CSS = f"PromptScreen {{{DIALOG_CSS}}}"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        """Title and input."""
        with Vertical(classes="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), classes="dialog-title")
            yield Input(value=self.value, id="prompt-input")

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

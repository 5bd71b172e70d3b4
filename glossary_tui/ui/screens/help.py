"""The ``?`` help screen: every key, read from the bindings themselves, grouped into sections."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static


@dataclass(frozen=True)
class KeySection:
    """Bindings shown under one heading; ``where`` says when they apply (e.g. "in the article")."""

    title: str
    bindings: Sequence[BindingType]
    where: str = ""


def key_rows(app: App[object], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """``(keys, what they do)`` rows: one per action, its keys shown as the footer shows them.

    What a key does is the binding's tooltip (a sentence) if it has one, else its description.
    """
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in Binding.make_bindings(bindings):
        keys, what = rows.setdefault(binding.action, ([], ""))
        key = app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
        if not what:
            what = binding.tooltip or binding.description
            rows[binding.action] = (keys, what)
    return [(" ".join(keys), what) for keys, what in rows.values() if what]


def help_rows(
    app: App[object], sections: Sequence[KeySection], extra: Sequence[tuple[str, str]] = ()
) -> list[HelpLine]:
    """The help screen's lines: sections in order (a title used twice is one section), then ``extra`` rows."""
    lines: list[HelpLine] = []
    for title in dict.fromkeys(section.title for section in sections):
        rows = [(section.where, key_rows(app, section.bindings)) for section in sections if section.title == title]
        if not any(keys for _, keys in rows):
            continue
        lines.append(HelpLine(heading=title))
        for where, keys in rows:
            if where and keys:
                lines.append(HelpLine(where=where))
            lines += [HelpLine(keys=key, what=what) for key, what in keys]
    if extra:
        lines.append(HelpLine(heading="Mouse"))
        lines += [HelpLine(keys=key, what=what) for key, what in extra]
    return lines


@dataclass(frozen=True)
class HelpLine:
    """A line of the help screen: a section heading, a note on where keys apply, or a key and what it does."""

    heading: str = ""
    where: str = ""
    keys: str = ""
    what: str = ""

    def widget(self) -> Widget:
        """The line on screen; a long explanation wraps beside its keys."""
        if self.heading:
            return Static(Content.styled(self.heading, "bold $text-accent"), classes="help-heading")
        if self.where:
            return Static(Content.styled(self.where, "italic $text-muted"), classes="help-where")
        return Horizontal(
            Static(Content.styled(self.keys, "bold"), classes="help-keys"),
            Static(Content(self.what), classes="help-what"),
            classes="help-row",
        )


class HelpScreen(ModalScreen[None]):
    """Lists every key of the screen it was opened from; any of escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help-box {
            width: 90;
            max-width: 100%;
            height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        .help-heading {
            padding-top: 1;
        }
        .help-row {
            height: auto;
        }
        .help-keys {
            width: 22;
            padding-left: 2;
        }
        .help-what {
            width: 1fr;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def __init__(self, sections: Sequence[KeySection], extra: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.sections = list(sections)
        self.extra = list(extra)
        #: What the screen lists, line by line.
        self.lines: list[HelpLine] = []

    def compose(self) -> ComposeResult:
        """The key table in a scrollable box."""
        self.lines = help_rows(self.app, self.sections, self.extra)
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("glossary-tui keys  (esc closes)", "bold"), id="help-title")
            yield from (line.widget() for line in self.lines)

"""The ``?`` help screen: every key, read from the bindings themselves, grouped into sections."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

#: Width of the keys column.
KEYS_WIDTH = 20


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


def help_content(lines: Sequence[HelpLine], width: int) -> Content:
    """The help lines as one Content ``width`` cells wide; a long explanation wraps beside its keys."""
    what_width = max(20, width - KEYS_WIDTH - 2)
    parts: list[str | tuple[str, str]] = []
    for line in lines:
        if line.heading:
            parts += ["\n" if parts else "", (f"{line.heading}\n", "bold $text-accent")]
        elif line.where:
            parts.append((f"{line.where}\n", "italic $text-muted"))
        else:
            first, *rest = textwrap.wrap(line.what, what_width) or [""]
            parts += [(f"  {line.keys:<{KEYS_WIDTH}}", "bold"), f"{first}\n"]
            parts += [f"{' ' * (KEYS_WIDTH + 2)}{more}\n" for more in rest]
    return Content.assemble(*parts)


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
            scrollbar-gutter: stable;
        }
        #help-keys {
            text-wrap: nowrap;
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
            yield Static(id="help-keys")

    def on_mount(self) -> None:
        """Lay the keys out once the box has its width."""
        self.call_after_refresh(self._wrap)

    def on_resize(self) -> None:
        """Wrap the explanations to the box's new width."""
        self.call_after_refresh(self._wrap)

    def _wrap(self) -> None:
        keys = self.query_one("#help-keys", Static)
        keys.update(help_content(self.lines, keys.content_region.width or 80))

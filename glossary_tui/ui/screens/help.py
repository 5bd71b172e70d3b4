"""The ``?`` help screen: every key the reader understands."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

#: (keys, what they do), grouped under headings.
KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Entities", (
        ("j / k, ↑ / ↓", "move in the entity list"),
        ("enter", "jump to the entity's first mention"),
        ("n / N", "next / previous mention of the selected entity"),
        ("/", "filter entities by name or alias (letters in order match too)"),
        ("t", "show one label: All, PERSON, ORG, …"),
        ("s", "sort: by count, by first appearance, A–Z"),
        ("v", "scope: whole text, or only entities on screen now"),
    )),
    ("Finding your way", (
        ("c", "contents: the chapters; enter goes to one (the header shows the chapter and % read)"),
        ("f", "find in the text; enter goes to the next match, n / N outside the box; esc closes"),
        ("z", "spoiler-safe: only what the text holds up to where you have read (again: all)"),
        ("Z", "count the text up to the bottom of the screen as read (after a jump ahead)"),
        ("enter on 'appears with'", "select that entity (the detail panel lists who is often with it)"),
    )),
    ("Reading", (
        ("↑ ↓, PgUp PgDn, space", "scroll the article"),
        ("Home / End", "top / end of the article"),
        ("tab / shift+tab", "move between the article, the list, the mentions and the note"),
        ("click", "a highlighted mention selects its entity; a row selects it"),
    )),
    ("Corrections (kept, and applied to every document)", (
        ("m", "merge the selected entity into another"),
        ("D", "split one of its spellings off into an entity of its own"),
        ("R", "rename it"),
        ("L", "give it another label"),
        ("x", "hide it as a false positive (again: show it); H lists hidden ones"),
        ("+", "add an entity the model missed: every occurrence of a phrase"),
        ("u", "undo the last correction"),
    )),
    ("Notes", (
        ("e", "edit the selected entity's note (saved as you type)"),
        ("esc", "leave the note editor"),
    )),
    ("Anywhere", (
        ("ctrl+p", "command palette: go to an entity, change theme, …"),
        ("?", "this help"),
        ("q", "quit"),
    )),
)  # fmt: skip


def help_content() -> Content:
    """The key table as one Content."""
    parts: list[str | tuple[str, str]] = []
    for heading, rows in KEYS:
        parts.append((f"{heading}\n", "bold $text-accent"))
        for keys, description in rows:
            parts += [(f"  {keys:<24}", "bold"), f"{description}\n"]
        parts.append("\n")
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        """The key table in a scrollable box."""
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("glossary-tui keys", "bold"), id="help-title")
            yield Static(help_content(), id="help-keys")

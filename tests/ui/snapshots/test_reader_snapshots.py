"""What the reader looks like: the main screen, an entity with its note, the help screen, 80x24."""

from __future__ import annotations

import pytest

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.documents.sample import sample_path
from glossary_tui.core.entities.entity import Entity
from glossary_tui.ui.app import GlossaryApp
from tests.ui.fakes import FakeExtractor, MemoryStore
from tests.ui.support import settle

#: What the model finds in the sample article, so the pictures do not depend on spaCy.
SAMPLE_NAMES = {
    "Russia": "GPE", "Israel": "GPE", "Ukraine": "GPE", "Moscow": "GPE", "Palestine": "GPE", "Poland": "GPE",
    "Tel Aviv": "GPE", "Sergey Lavrov": "PERSON", "Sergei Lavrov": "PERSON", "Ismail Haniyeh": "PERSON",
    "Haniyeh": "PERSON", "Abbas": "PERSON", "Musa Abu Marzouk": "PERSON", "Maher Salah": "PERSON",
    "Saleh Aruri": "PERSON", "Taher al-Nono": "PERSON", "Al-Nono": "PERSON", "Maria Zakharova": "PERSON",
    "Hamas": "ORG", "Russian Foreign Ministry": "ORG", "UN General Assembly": "ORG", "the Azov Battalion": "ORG",
    "Palestinian": "NORP", "Israeli": "NORP", "Russian": "NORP", "Ukrainian": "NORP", "12 September": "DATE",
    "2006": "DATE", "2007": "DATE", "March 2020": "DATE",
}  # fmt: skip


def sample_app(store: MemoryStore | None = None) -> GlossaryApp:
    return GlossaryApp(read_document(sample_path()), FakeExtractor(SAMPLE_NAMES), store or MemoryStore())


async def wait(pilot) -> None:
    await settle(pilot.app, pilot)


def test_main_screen_on_the_sample(snap_compare):
    assert snap_compare(sample_app(), terminal_size=(130, 40), run_before=wait)


def test_entity_selected_with_mentions_and_note(snap_compare):
    store = MemoryStore()
    lavrov = Entity("x", "Sergey Lavrov", "PERSON", (), ())
    store.save_note(
        lavrov, "Russia's foreign minister since 2004.\nMarkup stays literal: [bold]not bold[/] [@click=app.quit]x[/]"
    )

    async def select_lavrov(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("slash", *"lavrov", "enter", "down", "n", "n")
        await settle(pilot.app, pilot)

    assert snap_compare(sample_app(store), terminal_size=(130, 40), run_before=select_lavrov)


def test_help_screen(snap_compare):
    assert snap_compare(sample_app(), terminal_size=(130, 40), press=["question_mark"], run_before=wait)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_80_by_24_terminal(snap_compare, theme):
    """Twelve lines of article, the entity list with the keyboard (its frame lit), Lavrov's second mention."""

    async def narrow(pilot) -> None:
        pilot.app.theme = theme
        await settle(pilot.app, pilot)
        await pilot.press("j", "n", "n")
        await settle(pilot.app, pilot)

    assert snap_compare(sample_app(), terminal_size=(80, 24), run_before=narrow)


def test_100_by_30_terminal_with_the_mentions_box_focused(snap_compare):
    async def mentions(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("j", "n", "n", "tab")
        await settle(pilot.app, pilot)

    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=mentions)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_writing_a_note_on_a_small_terminal(snap_compare, size):
    """The note editor takes the side pane: what is typed is in sight, and so are the article and the entity."""

    async def write(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("e", *"Hamas leader; [b]not bold[/b]", "enter", *"second line")
        await pilot.pause()

    assert snap_compare(sample_app(), terminal_size=size, run_before=write)

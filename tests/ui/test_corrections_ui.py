"""Reader corrections from the keyboard: each one regroups the list, is stored, and can be undone."""

from __future__ import annotations

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.corrections import Correction
from glossary_tui.core.store.glossary_store import open_store
from glossary_tui.ui.app import GlossaryApp
from glossary_tui.ui.widgets.entity_browser import EntityBrowser
from tests.ui.fakes import FakeExtractor
from tests.ui.support import NAMES, choose_in_palette, settle, small_text


@pytest.fixture
def db(tmp_path):
    return tmp_path / "glossary.json"


def reader(db, text: str | None = None) -> GlossaryApp:
    document = Document.from_text(text or small_text(), source="bit.txt", title="A bit")
    return GlossaryApp(document, FakeExtractor(NAMES), open_store(db))


def people(app) -> dict[str, tuple[str, ...]]:
    return {e.name: e.aliases for e in app.screen.entities if e.label == "PERSON" and not e.hidden}


async def select(app, pilot, name: str) -> None:
    app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == name))
    await settle(app, pilot)


async def test_merge_into_an_entity_chosen_from_a_filtered_list_then_undo(db):
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Pierre")
        await pilot.press("m", *"napo", "enter")
        await settle(app, pilot)
        assert people(app)["Napoleon"] == ("Pierre",)
        assert app.screen.selected.name == "Napoleon"
        assert [c["kind"] for c in open_store(db).corrections()] == ["merge"]
        await pilot.press("u")
        await settle(app, pilot)
        assert "Pierre" in people(app) and open_store(db).corrections() == []


async def test_rename_relabel_split_and_hide(db):
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Prince Vasili")
        await pilot.press("R", *["backspace"] * 13, *"Vasili Kuragin", "enter")
        await settle(app, pilot)
        assert people(app)["Vasili Kuragin"] == ("Prince Vasili", "Vasili")  # the title-free spelling too
        await pilot.press("L", *"NORP", "enter")
        await settle(app, pilot)
        assert next(e for e in app.screen.entities if e.name == "Vasili Kuragin").label == "NORP"
        await select(app, pilot, "Anna Pavlovna")
        await pilot.press("x")
        await settle(app, pilot)
        browser = app.screen.query_one(EntityBrowser)
        assert "Anna Pavlovna" not in {e.name for e in browser.shown_entities()}
        await pilot.press("H")
        assert "Anna Pavlovna" in {e.name for e in browser.shown_entities()}
        await select(app, pilot, "Anna Pavlovna")
        await pilot.press("x")  # hidden already: show it again
        await settle(app, pilot)
        await pilot.press("H")
        assert "Anna Pavlovna" in {e.name for e in browser.shown_entities()}
        kinds = [c["kind"] for c in open_store(db).corrections()]
        assert kinds == ["rename", "relabel"]


async def test_split_an_alias_off(db):
    store = open_store(db)
    store.add_correction(
        Correction("merge", "Pierre", "PERSON", target_name="Napoleon", target_label="PERSON").to_record()
    )
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "Pierre" not in people(app)  # stored corrections apply when the document opens
        await select(app, pilot, "Napoleon")
        await pilot.press("D", "enter")
        await settle(app, pilot)
        assert people(app)["Pierre"] == () and people(app)["Napoleon"] == ()


async def test_add_a_missed_entity_from_a_phrase_and_find_it_in_the_next_document(db):
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("plus", *"the salon", "enter")
        await pilot.pause()
        await pilot.press(*"FAC", "enter")
        await settle(app, pilot)
        assert app.screen.selected.name == "salon" and app.screen.selected.label == "FAC"
        assert app.screen.selected.count == 1
    later = reader(db, "Years later, the Salon was sold.\n")
    async with later.run_test(size=(120, 40)) as pilot:
        await settle(later, pilot)
        assert [(e.name, e.label) for e in later.screen.entities] == [("Salon", "FAC")]


async def test_a_hidden_entity_chosen_in_the_palette_is_shown_without_failing(db):
    # Found by the monkey test: the list leaves hidden entities out, and moving its cursor there raised.
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Anna Pavlovna")
        await pilot.press("x")
        await settle(app, pilot)
        await select(app, pilot, "Pierre")
        await choose_in_palette(pilot, "anna pav", "Anna Pavlovna")
        await settle(app, pilot)
        assert app.is_running
        assert app.screen.selected.name == "Anna Pavlovna"

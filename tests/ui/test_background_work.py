"""Background work that fails or races: every failure is said on screen, no note is lost, no newer result undone."""

from __future__ import annotations

import threading

import pytest

import glossary_tui.core.pipeline as pipeline_module
import glossary_tui.ui.screens.reader as reader_module
from glossary_tui.core.documents.document import Document
from glossary_tui.core.errors import ModelError, StoreError
from glossary_tui.ui.app import GlossaryApp
from tests.ui.fakes import FailingStore, FakeExtractor
from tests.ui.support import NAMES, settle, small_text, wait_until

READ_ONLY = StoreError("/home/reader/glossary.json: the glossary file is read-only; notes could not be saved")


def status(app) -> str:
    return str(app.screen.query_one("#status-text").render())


def notifications(app) -> str:
    return " | ".join(f"{n.title}: {n.message}" for n in app._notifications)


def reader_app(store: FailingStore, text: str | None = None, extractor: FakeExtractor | None = None) -> GlossaryApp:
    document = Document.from_text(text if text is not None else small_text(), source="bit.txt", title="A bit")
    return GlossaryApp(document, extractor or FakeExtractor(NAMES), store)


async def select(app, pilot, name: str) -> None:
    app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == name))
    await settle(app, pilot)


def shown_names(app) -> set[str]:
    return {e.name for e in app.screen.entities if not e.hidden}


# -- extraction ---------------------------------------------------------------------------------


async def test_an_extraction_that_breaks_mid_way_says_so_and_keeps_what_it_found():
    extractor = FakeExtractor(NAMES, chunk_size=60, failure=RuntimeError("tagger exploded"), fail_after=2)
    app = reader_app(FailingStore(), small_text(10), extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "finding entities" not in status(app)
        assert "before it stopped" in status(app) and "RuntimeError: tagger exploded" in status(app)
        assert "Finding entities failed" in notifications(app)
        assert app.screen.entities and not app.screen.query_one("#progress").display
        assert app.is_running


async def test_a_model_that_cannot_load_is_said_in_the_status_line():
    extractor = FakeExtractor(NAMES, failure=ModelError("cannot load spaCy pipeline 'broken' (bad weights)"))
    app = reader_app(FailingStore(), extractor=extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert status(app) == "no entities: cannot load spaCy pipeline 'broken' (bad weights)"
        assert app.is_running


async def test_corrections_that_cannot_be_read_still_let_the_entities_come():
    app = reader_app(FailingStore(failures={"corrections": RuntimeError("index damaged")}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "Reading your corrections failed" in notifications(app)
        assert "Pierre" in shown_names(app) and "8 entities" in status(app)


async def test_an_export_that_fails_is_said(monkeypatch):
    def broken_export(store, export_format):
        raise RuntimeError("no room left")

    monkeypatch.setattr(reader_module, "write_export", broken_export)
    app = reader_app(FailingStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.export_glossary("md")
        await settle(app, pilot)
        assert "Exporting the glossary failed: RuntimeError: no room left" in notifications(app)


# -- notes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("failure", [READ_ONLY, RuntimeError("disk on fire")], ids=["read-only", "unexpected"])
async def test_a_note_that_cannot_be_saved_stays_in_the_editor_says_so_and_is_saved_later(failure):
    store = FailingStore(failures={"save_note": failure})
    app = reader_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Pierre")
        await pilot.press("e", *"Bezukhov's heir", "escape")
        await settle(app, pilot)
        editor = app.screen.query_one("#note")
        assert editor.text == "Bezukhov's heir"
        assert editor.border_subtitle == "not saved"
        assert "Note on Pierre not saved" in notifications(app)
        assert str(failure) in notifications(app)
        # Away and back: the editor shows what the reader wrote, not the (empty) stored note.
        await select(app, pilot, "Moscow")
        await select(app, pilot, "Pierre")
        assert editor.text == "Bezukhov's heir"
        del store.failures["save_note"]  # the file can be written again
        await pilot.press("e", "escape")
        await settle(app, pilot)
        assert store.notes[("PERSON", "pierre")] == "Bezukhov's heir"
        assert editor.border_subtitle == ""


@pytest.mark.parametrize("failure", [READ_ONLY, RuntimeError("disk on fire")], ids=["read-only", "unexpected"])
async def test_quitting_with_a_note_that_cannot_be_saved_warns_first_and_saves_when_it_can(failure):
    store = FailingStore(failures={"save_note": failure})
    app = reader_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Moscow")
        await pilot.press("e", *"old capital")
        await pilot.press("ctrl+c")
        assert app.is_running
        assert "Press q again to quit anyway" in notifications(app)
        del store.failures["save_note"]
        await pilot.press("ctrl+c")
    assert not app.is_running
    assert store.notes[("GPE", "moscow")] == "old capital"


async def test_a_note_that_cannot_be_read_cannot_be_overwritten():
    store = FailingStore(
        failures={"note_for": StoreError("/home/reader/glossary.json: cannot read (Permission denied)")}
    )
    store.notes[("PERSON", "pierre")] = "a note written yesterday"
    app = reader_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Pierre")
        assert "cannot be edited until it can be read" in notifications(app)
        await pilot.press("e", *"oops", "escape")
        await settle(app, pilot)
        assert store.notes[("PERSON", "pierre")] == "a note written yesterday"
        del store.failures["note_for"]
        await select(app, pilot, "Moscow")
        await select(app, pilot, "Pierre")
        editor = app.screen.query_one("#note")
        assert editor.text == "a note written yesterday" and not editor.read_only


# -- corrections racing extraction ----------------------------------------------------------------


async def test_a_regrouping_from_older_mentions_never_replaces_newer_progress(monkeypatch):
    """Hide Anna Pavlovna while extraction runs; the regrouping it starts ends after extraction: the list keeps both."""
    chunks = threading.Semaphore(0)
    regrouping = threading.Event()
    original = reader_module.entities_of

    def held_regrouping(document, mentions, corrections):
        regrouping.wait()
        return original(document, mentions, corrections)

    monkeypatch.setattr(reader_module, "entities_of", held_regrouping)
    store = FailingStore()
    app = reader_app(store, small_text(30), FakeExtractor(NAMES, gate=chunks, chunk_size=60))
    async with app.run_test(size=(120, 40)) as pilot:
        chunks.release(1)
        await wait_until(pilot, lambda: "Anna Pavlovna" in shown_names(app), "the first entities")
        assert "Napoleon" not in shown_names(app)
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Anna Pavlovna"))
        await pilot.press("x")
        await wait_until(pilot, lambda: app.screen.corrections, "the correction to be stored")
        chunks.release(1000)  # extraction runs to the end while the regrouping is held
        await wait_until(pilot, lambda: not app.screen.query_one("#progress").display, "the end of extraction")
        regrouping.set()
        await settle(app, pilot)
        assert "Napoleon" in shown_names(app), "progress made after the correction is kept"
        assert "Anna Pavlovna" not in shown_names(app), "the correction holds"


async def test_progress_grouped_before_a_correction_does_not_undo_it(monkeypatch):
    """Extraction read the corrections for its last grouping just before Anna Pavlovna was hidden: she stays hidden."""
    text = small_text(30)
    every_mention = sum(len(chunk.mentions) for chunk in FakeExtractor(NAMES).extract(text))
    chunks = threading.Semaphore(0)
    last_grouping = threading.Event()
    original = pipeline_module.entities_of
    started = threading.Event()

    def held_last_grouping(document, mentions, corrections):
        if len(mentions) == every_mention:  # corrections were read just before: the reader has hidden nothing
            started.set()
            last_grouping.wait()
        return original(document, mentions, corrections)

    monkeypatch.setattr(pipeline_module, "entities_of", held_last_grouping)
    store = FailingStore()
    app = reader_app(store, text, FakeExtractor(NAMES, gate=chunks, chunk_size=60))
    async with app.run_test(size=(120, 40)) as pilot:
        chunks.release(1)
        await wait_until(pilot, lambda: "Anna Pavlovna" in shown_names(app), "the first entities")
        chunks.release(1000)
        await wait_until(pilot, started.is_set, "extraction's last grouping to start")
        app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == "Anna Pavlovna"))
        await pilot.press("x")
        await wait_until(pilot, lambda: "Anna Pavlovna" not in shown_names(app), "the correction to show")
        last_grouping.set()
        await wait_until(pilot, lambda: not app.screen.query_one("#progress").display, "the end of extraction")
        await settle(app, pilot)
        assert "Anna Pavlovna" not in shown_names(app), "the correction holds"
        assert "Napoleon" in shown_names(app)
        assert store.recorded[-1][1] == len(shown_names(app)), "the glossary records what the reader sees"


async def test_a_glossary_that_cannot_be_read_is_said():
    app = reader_app(FailingStore(failures={"entries": RuntimeError("entries table lost")}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        assert "Reading the glossary failed: RuntimeError: entries table lost" in notifications(app)

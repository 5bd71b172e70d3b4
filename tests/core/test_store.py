"""The glossary store: notes across documents, positions, corrections, schema, bad files, snapshots."""

from __future__ import annotations

import json
import os
import stat
from datetime import date

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.errors import StoreError
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.store.glossary_store import SCHEMA_VERSION, open_store
from glossary_tui.core.store.snapshots import KEEP_DAYS, snapshots, take_daily_snapshot


def entity(name: str, label: str = "PERSON", aliases: tuple[str, ...] = (), count: int = 2) -> Entity:
    mentions = tuple(Mention(i * 10, i * 10 + len(name), name, label) for i in range(count))
    return Entity(name.lower(), name, label, aliases, mentions)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "glossary.json"


def test_a_note_is_found_again_by_any_name_in_another_document(path):
    store = open_store(path)
    store.save_note(entity("Sergey Lavrov", aliases=("Lavrov", "Sergei Lavrov")), "Foreign minister")
    assert store.note_for(entity("Lavrov")) == "Foreign minister"
    assert store.note_for(entity("SERGEI LAVROV")) == "Foreign minister"
    assert store.note_for(entity("Lavrov", label="ORG")) == ""
    assert store.note_for(entity("Haniyeh")) == ""
    assert open_store(path).note_for(entity("Sergey Lavrov")) == "Foreign minister"


def test_a_surname_alone_finds_the_one_full_name_ending_with_it(path):
    store = open_store(path)
    store.save_note(entity("Sergey Lavrov", aliases=("Sergei Lavrov",)), "Foreign minister")
    assert store.note_for(entity("Lavrov")) == "Foreign minister"
    second = Document.from_text("Lavrov spoke.", source="second.txt", title="Second")
    store.record_document(second, [entity("Lavrov", count=3)])
    assert [(o.title, o.count) for o in store.occurrences(entity("Sergey Lavrov"))] == [("Second", 3)]
    assert "Lavrov" in store.entries()[0].aliases
    store.record_document(second, [entity("Lavrov", count=3), entity("Sergey Lavrov", count=2)])
    assert [(o.title, o.count) for o in store.occurrences(entity("Lavrov"))] == [("Second", 5)]
    # Only people: a one-word organisation is not the last word of a longer one.
    store.save_note(entity("Russian Foreign Ministry", label="ORG"), "MID")
    assert store.note_for(entity("Ministry", label="ORG")) == ""


def test_a_surname_read_before_the_note_was_written_still_finds_it(path):
    store = open_store(path)
    first = Document.from_text("Lavrov spoke.", source="first.txt", title="First")
    store.record_document(first, [entity("Lavrov", count=4)])
    store.save_note(entity("Sergey Lavrov"), "Foreign minister")
    assert store.note_for(entity("Lavrov")) == "Foreign minister"


def test_an_ambiguous_surname_matches_only_the_one_person_with_a_note(path):
    store = open_store(path)
    document = Document.from_text("The Rostovs.", source="book.txt", title="Book")
    store.record_document(document, [entity("Natasha Rostova"), entity("Nikolai Rostova")])
    assert store.occurrences(entity("Rostova")) == []  # two candidates, no guess
    store.save_note(entity("Natasha Rostova"), "The heroine")
    assert store.note_for(entity("Rostova")) == "The heroine"


def test_documents_counts_positions_and_entries(path):
    store = open_store(path)
    first = Document.from_text("Pierre and Natasha.", source="first.txt", title="First")
    second = Document.from_text("Pierre again.", source="second.txt", title="Second")
    store.record_document(first, [entity("Pierre", count=5), entity("Natasha", count=1)])
    store.record_document(second, [entity("Pierre", count=2)])
    occurrences = store.occurrences(entity("Pierre"))
    assert [(o.title, o.count) for o in occurrences] == [("First", 5), ("Second", 2)]
    assert occurrences[0].source == str((os.getcwd() / __import__("pathlib").Path("first.txt")).resolve())
    assert [(o.title, o.count) for o in store.occurrences(entity("Natasha"))] == [("First", 1)]
    assert [e.name for e in store.entries()] == ["Natasha", "Pierre"]
    # Entities the document does not mention are not recorded.
    store.record_document(second, [entity("Nobody", count=0)])
    assert store.occurrences(entity("Nobody")) == []
    assert store.reading_position(first.sha256) == 0
    store.save_reading_position(first.sha256, 1234)
    assert open_store(path).reading_position(first.sha256) == 1234
    assert store.reading_position("unknown") is None
    assert {d.title for d in store.documents()} == {"First", "Second"}


def test_corrections_keep_their_order_and_can_be_undone(path):
    store = open_store(path)
    first = store.add_correction({"kind": "hide", "name": "Chapter"})
    second = store.add_correction({"kind": "merge", "source": "Lavrov", "target": "Sergey Lavrov"})
    assert [c["id"] for c in store.corrections()] == [first, second]
    store.remove_correction(second)
    assert store.corrections() == [{"kind": "hide", "name": "Chapter", "id": first}]


def test_file_is_owner_only_versioned_and_plain_tinydb_json(path):
    open_store(path).save_note(entity("Pierre"), "note")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert {"entries", "documents", "corrections"} <= data.keys()


def test_first_release_files_are_migrated(path):
    path.write_text(
        json.dumps(
            {
                "entries": {
                    "1": {
                        "key": "PERSON:pierre",
                        "name": "Pierre",
                        "label": "PERSON",
                        "aliases": ["Pierre Bezukhov"],
                        "note": "old note",
                    }
                }
            }
        )
    )
    store = open_store(path)
    assert store.note_for(entity("Pierre Bezukhov")) == "old note"
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b'{"entries": {"1": {"name": "Pier', "damaged"),
        (b"\x00\x01garbage", "damaged"),
        (b"[1, 2, 3]", "not a glossary file"),
        (b'{"meta": {"1": {"schema": 99}}, "entries": {}}', "schema"),
    ],
    ids=["empty", "truncated", "garbage", "not-an-object", "future-schema"],
)
def test_bad_files_are_refused_in_one_line_and_left_untouched(path, content, message):
    path.write_bytes(content)
    with pytest.raises(StoreError) as raised:
        open_store(path)
    text = str(raised.value)
    assert message in text and str(path) in text and "\n" not in text
    assert path.read_bytes() == content


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write read-only files")
def test_read_only_file_is_refused(path):
    open_store(path).save_note(entity("Pierre"), "note")
    before = path.read_bytes()
    path.chmod(0o400)
    with pytest.raises(StoreError, match="read-only"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_file_the_user_cannot_write_is_refused(path, monkeypatch):
    """As above, for any user (root included): the store asks the system whether it may write."""
    open_store(path).save_note(entity("Pierre"), "note")
    before = path.read_bytes()
    monkeypatch.setattr("glossary_tui.core.store.glossary_store.os.access", lambda target, mode: mode != os.W_OK)
    with pytest.raises(StoreError, match="read-only") as raised:
        open_store(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before


def test_leftover_temporary_files_are_removed_at_open(path):
    open_store(path).save_note(entity("Pierre"), "note")
    leftover = path.parent / f".{path.name}.abc123.tmp"
    leftover.write_text('{"entries": {"1": ')
    assert open_store(path).note_for(entity("Pierre")) == "note"
    assert not leftover.exists()


def test_one_snapshot_a_day_for_seven_days(path):
    open_store(path).save_note(entity("Pierre"), "note")
    for day in range(1, 11):
        take_daily_snapshot(path, date(2026, 1, day))
    kept = snapshots(path)
    assert len(kept) == KEEP_DAYS
    assert kept[0].name == "glossary-2026-01-10.json"
    assert json.loads(kept[0].read_text())["entries"]
    assert take_daily_snapshot(path, date(2026, 1, 10)) is None  # already taken today


def test_a_failed_write_is_not_remembered(path, monkeypatch):
    store = open_store(path)
    store.save_note(entity("Pierre"), "kept")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("glossary_tui.core.store.atomic_storage.write_atomically", refuse)
    with pytest.raises(StoreError, match="cannot write"):
        store.save_note(entity("Pierre"), "lost")
    monkeypatch.undo()
    assert store.note_for(entity("Pierre")) == "kept"


def test_two_stores_on_one_file_see_each_others_notes(path):
    first, second = open_store(path), open_store(path)
    first.save_note(entity("Pierre"), "from the first terminal")
    second.save_note(entity("Natasha"), "from the second terminal")
    assert first.note_for(entity("Natasha")) == "from the second terminal"
    assert open_store(path).note_for(entity("Pierre")) == "from the first terminal"


def test_how_far_a_document_was_read_and_spoiler_safe_mode_are_kept_per_document(path):
    store = open_store(path)
    document = Document.from_text("Pierre and Natasha.", source="first.txt", title="First")
    assert store.furthest_read(document.sha256) == (0, False)
    store.record_document(document, [entity("Pierre")])
    store.save_reading_position(document.sha256, 7)
    store.save_furthest_read(document.sha256, 15, True)
    reopened = open_store(path)
    assert reopened.furthest_read(document.sha256) == (15, True)
    assert reopened.reading_position(document.sha256) == 7
    assert reopened.furthest_read("another") == (0, False)

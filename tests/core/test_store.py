"""The glossary store: notes where the reader meant them, links across documents, the index, files, snapshots."""

from __future__ import annotations

import json
import os
import stat
from datetime import date

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import FULL_NAME, RELATED, DocumentIdentity
from glossary_tui.core.errors import StoreError
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.store.glossary_store import index_path, open_store
from glossary_tui.core.store.migrations import SCHEMA_VERSION
from glossary_tui.core.store.note_shards import SHARDS, notes_directory
from glossary_tui.core.store.snapshots import KEEP_DAYS, snapshots, take_daily_snapshot


def entity(name: str, label: str = "PERSON", aliases: tuple[str, ...] = (), count: int = 2) -> Entity:
    mentions = tuple(Mention(i * 10, i * 10 + len(name), name, label) for i in range(count))
    return Entity(name.lower(), name, label, aliases, mentions)


def body_entity(name: str, count: int) -> Entity:
    """An entity mentioned all through a document (its mentions spread over 0-10,000)."""
    mentions = tuple(
        Mention(i * 10_000 // count, i * 10_000 // count + len(name), name, "PERSON") for i in range(count)
    )
    return Entity(name.lower(), name, "PERSON", (), mentions)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "glossary.json"


def document(name: str, text: str | None = None) -> Document:
    return Document.from_text(text or f"The text of {name}.", source=f"{name.lower()}.txt", title=name)


def record(store, doc: Document, *entities: Entity) -> DocumentIdentity:
    store.record_document(doc, entities)
    return DocumentIdentity(doc.sha256, entities)


def test_a_note_is_found_again_by_any_of_its_names_taken_alone(path):
    store = open_store(path)
    store.save_note(entity("Sergey Lavrov", aliases=("Lavrov", "Sergei Lavrov")), "Foreign minister")
    assert store.note_for(entity("Lavrov")) == "Foreign minister"
    assert store.note_for(entity("SERGEI LAVROV")) == "Foreign minister"
    assert store.note_for(entity("Lavrov", label="ORG")) == ""
    assert store.note_for(entity("Haniyeh")) == ""
    assert open_store(path).note_for(entity("Sergey Lavrov")) == "Foreign minister"


def test_a_note_stays_on_the_entity_it_was_written_on_when_the_grouping_changes(path):
    store = open_store(path)
    book = document("Book")
    pierre = entity("Pierre", count=100)
    store.save_note(pierre, "The hero", record(store, book, pierre, entity("Moscow", "GPE")))
    # Later rules group "Moscow Pierre" with Pierre's spelling: the note stays on Pierre.
    regrouped = (entity("Moscow Pierre", aliases=("MOSCOW", "Pierre"), count=300), entity("Pierre", count=100))
    within = record(store, book, *regrouped)
    assert store.note_for(regrouped[1], within) == "The hero"
    assert store.note_for(regrouped[0], within) == ""
    # And when Pierre's own group dissolves into a better-named one, the note follows his name.
    bezukhov = entity("Pierre Bezukhov", aliases=("Pierre",), count=400)
    assert store.note_for(bezukhov, record(store, book, bezukhov)) == "The hero"


def test_a_full_name_links_documents_a_one_word_name_alone_does_not(path):
    store = open_store(path)
    war = document("War and Peace")
    joseph = entity("Joseph Alexéevich", aliases=("Joseph",), count=22)
    record(store, war, joseph)
    expectations = document("Great Expectations")
    joe = entity("Joe", aliases=("Joseph", "Joe Gargery"), count=600)
    here = record(store, expectations, joe)
    assert store.occurrences(joe, here) == []
    store.save_note(joe, "The blacksmith", here)
    assert store.note_for(joseph, DocumentIdentity(war.sha256, [joseph])) == ""
    # A full name shared is enough: the note shows in the other document, and why.
    sequel = document("More Expectations")
    gargery = entity("Joe Gargery", aliases=("Joe",), count=40)
    there = record(store, sequel, gargery)
    assert store.note_for(gargery, there) == "The blacksmith"
    [link] = store.occurrences(gargery, there)
    assert (link.title, link.name, link.count, link.why) == ("Great Expectations", "Joe", 600, FULL_NAME)


@pytest.mark.parametrize(
    ("there", "here"),
    [
        (entity("Matthew Pocket", aliases=("Matthew",), count=30), entity("Matthew", count=12)),
        (entity("Philip Pip, Esquire", aliases=("Philip",), count=3), entity("Philip", count=9)),
        (entity("Mademoiselle George", aliases=("George",), count=4), entity("George", count=7)),
    ],
    ids=["Matthew", "Philip", "George"],
)
def test_a_first_name_alone_links_no_unrelated_books_and_no_note_crosses(path, there, here):
    store = open_store(path)
    expectations, other = document("Great Expectations"), document("War and Peace")
    store.save_note(there, "Written there", record(store, expectations, there))
    within = record(store, other, here)
    assert store.occurrences(here, within) == []
    assert store.note_for(here, within) == ""


def test_a_one_word_name_links_documents_that_share_several_people(path):
    store = open_store(path)
    cast = ("Elizabeth Bennet", "Fitzwilliam Darcy", "Jane Bennet", "Charles Bingley")
    first, second = document("Volume One"), document("Volume Two")
    people = [body_entity(name, 100) for name in cast]
    record(store, first, *people, body_entity("Lydia", 50))
    lydia = body_entity("Lydia", 30)
    within = record(store, second, *people[:3], lydia)
    [link] = store.occurrences(lydia, within)
    assert (link.title, link.why) == ("Volume One", RELATED)
    # Two shared people are not enough.
    third = document("Another Book")
    other_lydia = body_entity("Lydia", 30)
    assert store.occurrences(other_lydia, record(store, third, *people[:2], other_lydia)) == []


def test_not_the_same_is_kept(path):
    store = open_store(path)
    first, second = document("First"), document("Second")
    lavrov = entity("Sergey Lavrov", count=5)
    record(store, first, lavrov)
    namesake = entity("Sergey Lavrov", count=3)
    within = record(store, second, namesake)
    store.save_note(lavrov, "The minister", DocumentIdentity(first.sha256, [lavrov]))
    assert store.note_for(namesake, within) == "The minister"
    assert store.separate(namesake, within, first.sha256, "Sergey Lavrov")
    reopened = open_store(path)
    assert reopened.occurrences(namesake, within) == []
    assert reopened.note_for(namesake, within) == ""
    assert len(reopened.entries()) == 2


def test_corrections_change_the_entries(path):
    store = open_store(path)
    book = document("Book")
    natasha = entity("Natásha", "GPE", count=40)
    rostova = entity("Natásha Rostóva", "ORG", count=10)
    pierre = entity("Moscow Pierre", aliases=("Moscow", "Pierre"), count=700)
    store.save_note(natasha, "Heroine", record(store, book, natasha, rostova, pierre))
    store.save_note(rostova, "Countess", DocumentIdentity(book.sha256, [natasha, rostova, pierre]))
    # Relabel Natásha, merge Natásha Rostóva into her, split Pierre off and hide Moscow Pierre:
    person = entity("Natásha", aliases=("Natásha Rostóva",), count=50)
    split = entity("Pierre", count=600)
    hidden = Entity("moscow pierre", "Moscow Pierre", "PERSON", ("Moscow",), pierre.mentions[:100], hidden=True)
    within = record(store, book, person, split, hidden)
    assert [(e.name, e.label, e.documents[0].count) for e in store.entries()] == [
        ("Natásha", "PERSON", 50),
        ("Pierre", "PERSON", 600),
    ]
    assert store.note_for(person, within) == "Heroine\n\nCountess"
    [natasha_entry] = store.entries(notes_only=True)
    assert natasha_entry.note == "Heroine\n\nCountess"
    # Saving the merged note keeps one note holding both texts.
    store.save_note(person, "Heroine; countess", within)
    assert [n["note"] for n in store.notes()] == ["Heroine; countess"]


def test_a_rename_keeps_the_note_on_the_renamed_entity(path):
    store = open_store(path)
    book = document("Book")
    natasha, other = entity("Natasha", count=40), entity("Natasha Bolkonskaya", aliases=("Natasha",), count=90)
    store.save_note(natasha, "Heroine", record(store, book, natasha, other))
    rename = store.add_correction({"kind": "rename", "name": "Natasha", "label": "PERSON", "value": "Natasha Rostova"})
    renamed = entity("Natasha Rostova", aliases=("Natasha",), count=40)
    within = record(store, book, renamed, other)
    assert store.note_for(renamed, within) == "Heroine"
    assert store.note_for(other, within) == ""
    store.remove_correction(rename)
    assert store.note_for(natasha, record(store, book, natasha, other)) == "Heroine"


def test_documents_counts_positions_and_entries(path):
    store = open_store(path)
    first = Document.from_text("Pierre and Natasha.", source="first.txt", title="First")
    second = Document.from_text("Pierre again.", source="second.txt", title="Second")
    store.record_document(first, [entity("Pierre Bezukhov", count=5), entity("Natasha", count=1)])
    store.record_document(second, [entity("Pierre Bezukhov", count=2)])
    occurrences = store.occurrences(entity("Pierre Bezukhov"))
    assert [(o.title, o.count) for o in occurrences] == [("First", 5), ("Second", 2)]
    assert occurrences[0].source == str((os.getcwd() / __import__("pathlib").Path("first.txt")).resolve())
    [pierre] = [e for e in store.entries() if e.name == "Pierre Bezukhov"]
    assert [(o.title, o.count) for o in pierre.documents] == [("First", 5), ("Second", 2)]
    assert [e.name for e in store.entries()] == ["Natasha", "Pierre Bezukhov"]
    assert [e.name for e in store.entries(second.sha256)] == ["Pierre Bezukhov"]
    # Entities the document does not mention are not recorded; recording again replaces what was there.
    store.record_document(second, [entity("Nobody", count=0)])
    assert [(o.title, o.count) for o in store.occurrences(entity("Pierre Bezukhov"))] == [("First", 5)]
    assert store.reading_position(first.sha256) == 0
    store.save_reading_position(first.sha256, 1234)
    assert open_store(path).reading_position(first.sha256) == 1234
    assert store.reading_position("unknown") is None
    assert {d.title for d in store.documents()} == {"First", "Second"}


def test_hidden_entities_leave_the_glossary_but_keep_their_notes(path):
    store = open_store(path)
    book = document("Book")
    chapter = entity("Chapter", "LAW")
    store.save_note(chapter, "Not a law", record(store, book, chapter, entity("Pierre")))
    hidden = Entity("chapter", "Chapter", "LAW", (), chapter.mentions, hidden=True)
    within = record(store, book, hidden, entity("Pierre"))
    assert [e.name for e in store.entries()] == ["Pierre"]
    assert store.note_for(hidden, within) == "Not a law"


def test_the_index_is_rebuilt_when_missing_or_damaged(path):
    store = open_store(path)
    book = Document.from_text("Pierre.", source=str(path.parent / "book.txt"), title="Book")
    store.record_document(book, [entity("Pierre")])
    assert store.documents_to_refresh() == []
    store.close()
    index_path(path).write_bytes(b"not a database at all" * 100)
    for suffix in ("-wal", "-shm"):
        index_path(path).with_name(index_path(path).name + suffix).unlink(missing_ok=True)
    reopened = open_store(path)
    assert reopened.entries() == []
    assert [d.title for d in reopened.documents_to_refresh()] == ["Book"]
    reopened.record_document(book, [entity("Pierre")], opened=False)
    assert [e.name for e in reopened.entries()] == ["Pierre"]


def test_a_correction_makes_the_documents_it_touches_stale(path):
    store = open_store(path)
    first = Document.from_text("Pierre.", source=str(path.parent / "first.txt"), title="First")
    second = Document.from_text("Moscow.", source=str(path.parent / "second.txt"), title="Second")
    store.record_document(first, [entity("Pierre")])
    store.record_document(second, [entity("Moscow", "GPE")])
    hide = store.add_correction({"kind": "hide", "name": "Pierre", "label": "PERSON"})
    assert [d.title for d in store.documents_to_refresh()] == ["First"]
    store.record_document(first, [Entity("p", "Pierre", "PERSON", (), entity("Pierre").mentions, hidden=True)])
    assert store.documents_to_refresh() == []
    store.remove_correction(hide)  # an undo touches the same documents
    assert [d.title for d in store.documents_to_refresh()] == ["First"]


def test_corrections_keep_their_order_and_can_be_undone(path):
    store = open_store(path)
    first = store.add_correction({"kind": "hide", "name": "Chapter"})
    second = store.add_correction({"kind": "merge", "source": "Lavrov", "target": "Sergey Lavrov"})
    assert [c["id"] for c in store.corrections()] == [first, second]
    store.remove_correction(second)
    assert store.corrections() == [{"kind": "hide", "name": "Chapter", "id": first}]


def test_files_are_owner_only_versioned_and_plain_tinydb_json(path):
    open_store(path).save_note(entity("Pierre"), "note")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert {"documents", "corrections", "separations"} <= data.keys()
    [shard] = notes_directory(path).iterdir()
    assert stat.S_IMODE(shard.stat().st_mode) == 0o600 and stat.S_IMODE(shard.parent.stat().st_mode) == 0o700
    assert [note["note"] for note in json.loads(shard.read_text(encoding="utf-8"))["notes"].values()] == ["note"]


def test_a_note_save_rewrites_only_the_notes_file_it_is_in(path):
    store = open_store(path)
    for number in range(40):
        store.save_note(entity(f"Person {number}"), f"note {number}")
    before = {file: file.stat().st_mtime_ns for file in [path, *notes_directory(path).iterdir()]}
    store.save_note(entity("Person 7"), "changed")
    changed = [file.name for file in before if file.stat().st_mtime_ns != before[file]]
    assert changed == [f"{8 % SHARDS:02}.json"]  # Person 7's note is the eighth
    assert open_store(path).note_for(entity("Person 7")) == "changed"


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


def test_schema_1_files_keep_their_notes_on_the_document_they_were_mentioned_most_in(path):
    book = document("Book")
    path.write_text(
        json.dumps({
            "meta": {"1": {"schema": 1}},
            "entries": {
                "1": {"name": "Moscow Pierre", "label": "PERSON", "aliases": ["MOSCOW", "Pierre"],
                      "keys": ["moscow", "moscow pierre", "pierre"], "note": "Count Bezukhov",
                      "created": "2026-01-01T00:00:00+00:00", "updated": "2026-01-01T00:00:00+00:00",
                      "documents": {"1": 700}},
                "2": {"name": "Natasha", "label": "PERSON", "aliases": [], "keys": ["natasha"], "note": "",
                      "created": "", "updated": "", "documents": {"1": 40}},
            },
            "documents": {"1": {"sha256": book.sha256, "source": "/books/book.txt", "title": "Book",
                                "last_opened": "2026-01-01", "position": 77}},
            "corrections": {"1": {"kind": "hide", "name": "Chapter", "label": "LAW"}},
        })
    )  # fmt: skip
    store = open_store(path)
    assert store.reading_position(book.sha256) == 77 and len(store.corrections()) == 1
    [note] = store.notes()
    assert (note["document"], note["keys"][0], note["note"]) == (book.sha256, "moscow pierre", "Count Bezukhov")
    pierre = entity("Pierre", count=700)
    assert store.note_for(pierre, DocumentIdentity(book.sha256, [pierre, entity("Moscow", "GPE")])) == "Count Bezukhov"
    assert [d.title for d in store.documents_to_refresh()] == ["Book"]


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
        take_daily_snapshot(path, today=date(2026, 1, day))
    kept = snapshots(path)
    assert len(kept) == KEEP_DAYS
    assert kept[0].name == "glossary-2026-01-10.json"
    assert json.loads(kept[0].read_text())["meta"]
    assert take_daily_snapshot(path, today=date(2026, 1, 10)) is None  # already taken today


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

"""Export and import: Markdown (one file or one per entry), CSV, and a JSON round trip that merges."""

from __future__ import annotations

import csv
import io
import json

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.store.exchange import (
    export_csv,
    export_json,
    export_markdown,
    export_markdown_files,
    import_json,
)
from glossary_tui.core.store.glossary_store import open_store

TRICKY_NOTES = {
    "Sergey Lavrov": "Minister.\nQuotes: \"double\" and 'single'; markup [bold]x[/] [@click=app.quit]q[/]",
    "Ismail Haniyeh": "Emoji 🕊️ and CJK 和平, tabs\tand a trailing newline\n",
    "Hamas": "",
}


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "glossary.json")
    for name, note in TRICKY_NOTES.items():
        label = "ORG" if name == "Hamas" else "PERSON"
        aliases = ("Lavrov", "Sergei Lavrov") if name == "Sergey Lavrov" else ()
        store.save_note(Entity("", name, label, aliases, ()), note)
    return store


def test_json_round_trip_keeps_every_note_and_merges_on_reimport(store, tmp_path):
    exported = export_json(store)
    fresh = open_store(tmp_path / "other.json")
    assert import_json(fresh, exported) == (3, 2)
    for entry in fresh.entries():
        assert entry.note == TRICKY_NOTES[entry.name]
    assert import_json(fresh, exported) == (3, 0)  # nothing duplicated
    assert len(fresh.entries()) == 3
    lavrov = next(e for e in fresh.entries() if e.name == "Sergey Lavrov")
    assert set(lavrov.aliases) == {"Lavrov", "Sergei Lavrov"}


def test_json_round_trip_merges_documents_counts_and_positions(store, tmp_path):
    book = Document.from_text("Lavrov spoke.", source="/books/talks.txt", title="Talks")
    lavrov = Entity("", "Lavrov", "PERSON", (), (None,) * 3)
    store.record_document(book, [lavrov])
    store.save_reading_position(book.sha256, 42)
    other = open_store(tmp_path / "other.json")
    memoir = Document.from_text("Lavrov again.", source="/books/memoir.txt", title="Memoir")
    other.record_document(memoir, [Entity("", "Sergei Lavrov", "PERSON", (), (None,) * 5)])
    import_json(other, export_json(store))
    import_json(other, export_json(store))
    occurrences = other.occurrences(lavrov)
    assert [(o.title, o.source, o.count) for o in occurrences] == [
        ("Memoir", "/books/memoir.txt", 5),
        ("Talks", "/books/talks.txt", 3),
    ]
    assert other.reading_position(book.sha256) == 42
    assert sorted(d.title for d in other.documents()) == ["Memoir", "Talks"]


def test_import_keeps_both_notes_when_they_differ(store, tmp_path):
    other = open_store(tmp_path / "other.json")
    other.save_note(Entity("", "Lavrov", "PERSON", (), ()), "Met him in Moscow.")
    import_json(other, export_json(store), source="laptop.json")
    note = other.note_for(Entity("", "Lavrov", "PERSON", (), ()))
    assert note.startswith("Met him in Moscow.") and "--- imported from laptop.json ---" in note
    assert TRICKY_NOTES["Sergey Lavrov"] in note


def test_import_refuses_what_is_not_an_export(store):
    with pytest.raises(GlossaryError, match="not a glossary-tui JSON export"):
        import_json(store, json.dumps({"entries": []}))
    with pytest.raises(GlossaryError, match="not JSON"):
        import_json(store, "{nope")


def test_markdown_and_csv_hold_names_aliases_and_notes(store):
    markdown = export_markdown(store.entries())
    assert (
        "## Sergey Lavrov" in markdown and "[bold]x[/]" in markdown and "**Aliases:** Lavrov, Sergei Lavrov" in markdown
    )
    rows = list(csv.DictReader(io.StringIO(export_csv(store.entries()))))
    assert {row["name"]: row["note"] for row in rows} == TRICKY_NOTES
    assert next(r for r in rows if r["name"] == "Sergey Lavrov")["aliases"] == "Lavrov; Sergei Lavrov"


def test_split_export_writes_one_file_per_entry_with_front_matter(store, tmp_path):
    written = export_markdown_files(store.entries(), tmp_path / "vault")
    assert sorted(p.name for p in written) == ["Hamas.md", "Ismail Haniyeh.md", "Sergey Lavrov.md"]
    lavrov = (tmp_path / "vault" / "Sergey Lavrov.md").read_text(encoding="utf-8")
    assert lavrov.startswith('---\nlabel: "PERSON"\naliases:\n  - "Lavrov"\n  - "Sergei Lavrov"\n---\n')
    assert "aliases: []" in (tmp_path / "vault" / "Hamas.md").read_text(encoding="utf-8")

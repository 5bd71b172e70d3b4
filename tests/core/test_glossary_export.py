"""Export and import: Markdown (one file or one per entry), CSV, and a JSON round trip that merges."""

from __future__ import annotations

import csv
import io
import json

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.corrections import Correction
from glossary_tui.core.entities.descriptions import Description
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import DocumentIdentity
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.cache import CachedExtractor
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.pipeline import extract_batch, record
from glossary_tui.core.store.exchange import (
    EXPORT_FORMAT,
    default_export_path,
    export_csv,
    export_json,
    export_markdown,
    export_markdown_files,
    export_text,
    file_stem,
    import_json,
)
from glossary_tui.core.store.glossary_store import open_store
from tests.ui.fakes import FakeExtractor

TRICKY_NOTES = {
    "Sergey Lavrov": "Minister.\nQuotes: \"double\" and 'single'; markup [bold]x[/] [@click=app.quit]q[/]",
    "Ismail Haniyeh": "Emoji 🕊️ and CJK 和平, tabs\tand a trailing newline\n",
    "Hamas": "",
}
NEWS = Document.from_text("Lavrov, Haniyeh and Hamas.", source="/news/talks.txt", title="Talks")


def entity(name: str, label: str = "PERSON", aliases: tuple[str, ...] = (), count: int = 2) -> Entity:
    return Entity(name, name, label, aliases, (Mention(0, len(name), name, label),) * count)


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "glossary.json")
    entities = [
        entity("Sergey Lavrov", aliases=("Lavrov", "Sergei Lavrov")),
        entity("Ismail Haniyeh"),
        entity("Hamas", "ORG"),
    ]
    store.record_document(NEWS, entities)
    within = DocumentIdentity(NEWS.sha256, entities)
    for named in entities:
        store.save_note(named, TRICKY_NOTES[named.name], within)
    return store


def test_json_round_trip_keeps_every_note_and_merges_on_reimport(store, tmp_path):
    exported = export_json(store)
    fresh = open_store(tmp_path / "other.json")
    assert import_json(fresh, exported) == (2, 2)
    assert import_json(fresh, exported) == (2, 0)  # nothing duplicated
    assert {note["name"]: note["note"] for note in fresh.notes()} == {k: v for k, v in TRICKY_NOTES.items() if v}
    # The other glossary has not read the document: each note is an entry of its own, named as written.
    lavrov = next(e for e in fresh.entries() if e.name == "Sergey Lavrov")
    assert set(lavrov.aliases) == {"Lavrov", "Sergei Lavrov"} and lavrov.note == TRICKY_NOTES["Sergey Lavrov"]
    # Once it records the document, the notes land on its entities.
    fresh.record_document(NEWS, [entity("Sergey Lavrov", aliases=("Lavrov",), count=5)])
    noted = {e.name: e for e in fresh.entries(notes_only=True, document=NEWS.sha256)}
    assert noted["Sergey Lavrov"].documents[0].count == 5
    assert noted["Ismail Haniyeh"].note == TRICKY_NOTES["Ismail Haniyeh"]  # its entity is not there: kept apart


def test_json_round_trip_merges_documents_positions_corrections_and_separations(store, tmp_path):
    store.save_reading_position(NEWS.sha256, 42)
    store.add_correction({"kind": "hide", "name": "Hamas", "label": "ORG"})
    other = open_store(tmp_path / "other.json")
    memoir = Document.from_text("Lavrov again.", source="/books/memoir.txt", title="Memoir")
    other.record_document(memoir, [entity("Sergei Lavrov", count=5)])
    import_json(other, export_json(store))
    import_json(other, export_json(store))
    assert other.reading_position(NEWS.sha256) == 42
    assert sorted(d.title for d in other.documents()) == ["Memoir", "Talks"]
    assert [c["kind"] for c in other.corrections()] == ["hide"]


def test_import_keeps_both_notes_when_they_differ(store, tmp_path):
    other = open_store(tmp_path / "other.json")
    lavrov = entity("Sergey Lavrov", aliases=("Lavrov",))
    other.save_note(lavrov, "Met him in Moscow.", DocumentIdentity(NEWS.sha256, [lavrov]))
    import_json(other, export_json(store), source="laptop.json")
    note = other.note_for(lavrov, DocumentIdentity(NEWS.sha256, [lavrov]))
    assert note.startswith("Met him in Moscow.") and "--- imported from laptop.json ---" in note
    assert TRICKY_NOTES["Sergey Lavrov"] in note


def test_first_format_exports_are_still_imported(tmp_path):
    old = {
        "format": EXPORT_FORMAT,
        "version": 1,
        "entries": [{"name": "Pierre", "label": "PERSON", "aliases": ["Pierre Bezukhov"], "note": "Heir",
                     "created": "", "updated": "", "key": "1",
                     "documents": [{"sha256": NEWS.sha256, "title": "Talks", "source": "", "count": 3}]}],
        "documents": [{"sha256": NEWS.sha256, "source": "/news/talks.txt", "title": "Talks", "last_opened": "",
                       "position": 5}],
        "corrections": [],
    }  # fmt: skip
    fresh = open_store(tmp_path / "fresh.json")
    assert import_json(fresh, json.dumps(old)) == (1, 1)
    [note] = fresh.notes()
    assert (note["document"], note["keys"]) == (NEWS.sha256, ["pierre", "pierre bezukhov"])


def test_import_refuses_what_is_not_an_export(store):
    with pytest.raises(GlossaryError, match="not a glossary-tui JSON export"):
        import_json(store, json.dumps({"entries": []}))
    with pytest.raises(GlossaryError, match="not JSON"):
        import_json(store, "{nope")


def test_markdown_and_csv_hold_names_aliases_and_notes(store):
    markdown = export_markdown(store.entries())
    assert "## Sergey Lavrov" in markdown and "[bold]x[/]" in markdown
    assert "**Aliases:** Lavrov, Sergei Lavrov" in markdown and "**Documents:** Talks (2)" in markdown
    rows = list(csv.DictReader(io.StringIO(export_csv(store.entries()))))
    assert {row["name"]: row["note"] for row in rows} == TRICKY_NOTES
    assert next(r for r in rows if r["name"] == "Sergey Lavrov")["aliases"] == "Lavrov; Sergei Lavrov"


def test_notes_only_one_document_and_never_a_hidden_entity(store):
    other = Document.from_text("Haniyeh spoke.", source="/news/other.txt", title="Other")
    store.record_document(other, [entity("Ismail Haniyeh"), entity("Gaza", "GPE")])
    assert "## Hamas" not in export_text(store, "md", notes_only=True)
    assert "## Gaza" in export_text(store, "md") and "## Gaza" not in export_text(store, "md", document=NEWS.sha256)
    assert "## Hamas" in export_text(store, "md", document=NEWS.sha256)
    store.record_document(other, [entity("Ismail Haniyeh"), Entity("g", "Gaza", "GPE", (), (), hidden=True)])
    gaza = Entity("g", "Gaza", "GPE", (), (Mention(0, 4, "Gaza", "GPE"),), hidden=True)
    store.record_document(other, [entity("Ismail Haniyeh"), gaza])
    for export_format in ("md", "csv", "json"):
        assert "Gaza" not in export_text(store, export_format)


def test_split_export_writes_one_file_per_entry_with_front_matter(store, tmp_path):
    written = export_markdown_files(store.entries(), tmp_path / "vault")
    assert sorted(p.name for p in written) == ["Hamas.md", "Ismail Haniyeh.md", "Sergey Lavrov.md"]
    lavrov = (tmp_path / "vault" / "Sergey Lavrov.md").read_text(encoding="utf-8")
    assert lavrov.startswith('---\nlabel: "PERSON"\naliases:\n  - "Lavrov"\n  - "Sergei Lavrov"\n---\n')
    assert "aliases: []" in (tmp_path / "vault" / "Hamas.md").read_text(encoding="utf-8")


def test_split_front_matter_lists_only_the_names_no_other_entry_has(tmp_path):
    store = open_store(tmp_path / "glossary.json")
    book = Document.from_text("A book.", source="/books/book.txt", title="Book")
    store.record_document(book, [
        entity("Mademoiselle George", aliases=("George", "MADEMOISELLE GEORGE")),
        entity("George Barnwell", aliases=("George",)),
    ])  # fmt: skip
    export_markdown_files(store.entries(), tmp_path / "vault")
    assert "aliases: []" in (tmp_path / "vault" / "Mademoiselle George.md").read_text(encoding="utf-8")
    assert "aliases: []" in (tmp_path / "vault" / "George Barnwell.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("’s Provis", "Provis"),
        ("1400-0.txt", "1400-0 txt"),
        ("AC/DC: live?", "AC DC live"),
        ("...", "entry"),
        ("NUL", "NUL (entry)"),
        ("Été à Paris", "Été à Paris"),
        ("Ж" * 200, "Ж" * 60),
    ],
)
def test_file_names_are_safe_and_readable(name, stem):
    assert file_stem(name, "PERSON", set()) == stem


def test_the_export_offered_is_named_after_the_title_beside_the_document(tmp_path):
    book = tmp_path / "1400-0.txt"
    assert default_export_path(str(book), "Great Expectations", "md") == tmp_path / "Great Expectations glossary.md"
    assert default_export_path(str(book), "1400-0.txt", "csv") == tmp_path / "1400-0 glossary.csv"


def test_file_names_never_collide():
    used: set[str] = set()
    assert [
        file_stem(name, label, used) for name, label in [("Paris", "GPE"), ("paris", "PERSON"), ("Paris", "PERSON")]
    ] == [
        "Paris",
        "paris (PERSON)",
        "Paris (PERSON 2)",
    ]


#: A news story as the sample tells it: descriptions by appositive and by role, a place with only a sentence, and
#: one ("Gaza") whose only mention says nothing more than its name.
TALKS = Document.from_text(
    "The Russian Foreign Minister, Sergey Lavrov, welcomed the Hamas delegation in Moscow.\n\n"
    "According to a statement by Hamas media advisor Taher al-Nono, the talks went well.\n\n"
    "Gaza.\n\nAt Tilsit the *emperors* met [Illustration] by the #river.\n",
    source="/news/talks.txt",
    title="Talks",
)
TALKS_NAMES = {"Sergey Lavrov": "PERSON", "Hamas": "ORG", "Taher al-Nono": "PERSON", "Gaza": "GPE", "Tilsit": "GPE"}


def recorded_talks(tmp_path, corrections=()):
    store = open_store(tmp_path / "glossary.json")
    (result,) = extract_batch([TALKS], CachedExtractor(FakeExtractor(TALKS_NAMES), None), list(corrections))
    record(store, result)
    return store


def section(markdown: str, name: str) -> str:
    return markdown[markdown.index(f"## {name}\n") :].split("\n## ")[0]


def test_markdown_says_what_the_text_says_an_entry_is_and_nothing_when_it_says_nothing(tmp_path):
    markdown = export_text(recorded_talks(tmp_path), "md")
    assert "- **Description:** Russian Foreign Minister\n- **Label:** PERSON" in section(markdown, "Sergey Lavrov")
    assert "- **Description:** Hamas media advisor\n" in section(markdown, "Taher al-Nono")
    assert "Description" not in section(markdown, "Gaza")
    # A sentence of the text is quoted, and what Markdown would read as markup in it is escaped.
    tilsit = section(markdown, "Tilsit")
    assert r"- **Description:** “At Tilsit the \*emperors\* met \[Illustration\] by the \#river.”" in tilsit


def test_json_and_csv_hold_the_description(tmp_path):
    store = recorded_talks(tmp_path)
    entries = {entry["name"]: entry for entry in json.loads(export_text(store, "json"))["entries"]}
    assert entries["Sergey Lavrov"]["description"] == "Russian Foreign Minister"
    assert entries["Sergey Lavrov"]["description_kind"] == "appositive"
    assert entries["Gaza"]["description"] is None
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(export_text(store, "csv")))}
    assert rows["Taher al-Nono"]["description"] == "Hamas media advisor" and rows["Gaza"]["description"] == ""


def test_split_files_hold_the_description_in_front_matter_and_body(tmp_path):
    export_markdown_files(recorded_talks(tmp_path).entries(), tmp_path / "vault")
    lavrov = (tmp_path / "vault" / "Sergey Lavrov.md").read_text(encoding="utf-8")
    assert lavrov.startswith('---\nlabel: "PERSON"\ndescription: "Russian Foreign Minister"\naliases: []\n---\n')
    assert "- **Description:** Russian Foreign Minister\n" in lavrov
    gaza = (tmp_path / "vault" / "Gaza.md").read_text(encoding="utf-8")
    assert "description" not in gaza.lower()


def test_record_keeps_each_shown_entitys_description_in_the_index_and_none_for_a_hidden_one(tmp_path):
    store = recorded_talks(tmp_path, [Correction("hide", "Sergey Lavrov", "PERSON")])
    described = {(e.name, e.description, e.description_kind) for e in store.index.entities()}
    assert ("Taher al-Nono", "Hamas media advisor", "role") in described and ("Gaza", "", "") in described
    ((lavrov, _),) = store.index.holders(TALKS.sha256, "sergey lavrov")
    assert lavrov.hidden and lavrov.description == ""
    assert "Russian Foreign Minister\n" not in export_text(store, "md")


def test_an_entry_of_several_documents_shows_a_phrase_before_a_sentence_then_the_most_mentioned(tmp_path):
    store = open_store(tmp_path / "glossary.json")
    said = {
        "news": (Description("Russian Foreign Minister", "appositive", 0), 2),
        "memoir": (Description("Lavrov spoke at length.", "sentence", 0), 9),
        "profile": (Description("career diplomat", "copula", 0), 4),
    }
    for title, (description, count) in said.items():
        document = Document.from_text(f"{title} of Sergey Lavrov.", source=f"/{title}.txt", title=title)
        many = entity("Sergey Lavrov", count=count)
        store.record_document(document, [many], descriptions={many.id: description})
    (entry,) = store.entries()  # one entry: a full name links the three documents
    assert (entry.description, entry.description_kind) == ("career diplomat", "copula")

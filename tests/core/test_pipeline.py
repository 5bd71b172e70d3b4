"""One road from a document to its glossary: the reader's stream and the batch of extract/add agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from glossary_tui.core.documents.document import Document, read_document
from glossary_tui.core.entities.corrections import Correction
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.pipeline import DocumentEntities, extract_batch, record, refresh, stream
from glossary_tui.core.store.glossary_store import index_path, open_store
from tests.ui.fakes import FakeExtractor

NAMES = {"Angela Merkel": "PERSON", "Berlin": "GPE", "Paris": "GPE", "London": "GPE", "Madrid": "GPE"}
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def summary(entities):
    return sorted((e.name, e.label, e.count, e.hidden) for e in entities)


def test_markdown_added_in_a_batch_is_then_streamed_from_the_cache(tmp_path):
    document = read_document(FIXTURES / "notes.md")
    inner = FakeExtractor(NAMES)
    extractor = CachedExtractor(inner, ExtractionCache(tmp_path))
    (added,) = extract_batch([document], extractor, [])
    assert inner.calls == 1
    # Link targets are not read: "Paris" and "London" only occur in URLs.
    assert summary(added.entities) == [("Angela Merkel", "PERSON", 1, False), ("Berlin", "GPE", 1, False)]

    progress = list(stream(document, extractor, list))
    assert inner.calls == 1, "the reader must find what add extracted in the cache"
    assert progress[-1].finished
    assert summary(progress[-1].entities) == summary(added.entities)


def test_stream_and_batch_give_the_same_entities_under_corrections(tmp_path):
    text = "Angela Merkel flew to Paris.\n\nIn Berlin, Merkel met nobody.\n\n" * 30
    document = Document.from_text(text)
    corrections = [Correction("hide", "Paris", "GPE"), Correction("rename", "Berlin", "GPE", value="Berlin (city)")]
    streamed = list(stream(document, FakeExtractor(NAMES, chunk_size=100), lambda: corrections, interval=0))
    assert len(streamed) > 1, "a long text streams in several steps"
    (batch,) = extract_batch([document], CachedExtractor(FakeExtractor(NAMES), None), corrections)
    assert summary(streamed[-1].entities) == summary(batch.entities)
    assert [e.name for e in batch.shown] == ["Angela Merkel", "Berlin (city)"]


def test_a_hidden_entity_never_becomes_a_glossary_entry(tmp_path):
    document = Document.from_text("Angela Merkel flew to Paris. Berlin waited.", source="trip.txt")
    corrections = [Correction("hide", "Paris", "GPE")]
    (result,) = extract_batch([document], CachedExtractor(FakeExtractor(NAMES), None), corrections)
    assert any(e.hidden for e in result.entities)
    store = open_store(tmp_path / "glossary.json")
    record(store, result)
    assert sorted(entry.name for entry in store.entries()) == ["Angela Merkel", "Berlin"]


def test_recording_counts_what_the_reader_sees(tmp_path):
    document = Document.from_text("Berlin. Berlin. Paris.", source="cities.txt")
    (result,) = extract_batch([document], CachedExtractor(FakeExtractor(NAMES), None), [])
    store = open_store(tmp_path / "glossary.json")
    record(store, DocumentEntities(document, result.mentions, result.entities))
    counts = {entry.name: entry.documents[0].count for entry in store.entries()}
    assert counts == {"Berlin": 2, "Paris": 1}


def test_refresh_records_again_what_a_correction_changed_from_the_files_and_the_cache(tmp_path):
    extractor = CachedExtractor(FakeExtractor(NAMES), ExtractionCache(tmp_path / "cache"))
    store = open_store(tmp_path / "glossary.json")
    files = {}
    for name, text in (("trip", "Angela Merkel flew to Paris."), ("city", "Berlin. Paris."), ("gone", "Paris!")):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(text, encoding="utf-8")
    for result in extract_batch([read_document(path) for path in files.values()], extractor, []):
        record(store, result)
    files["gone"].unlink()
    store.add_correction({"kind": "rename", "name": "Paris", "label": "GPE", "value": "Lutetia"})
    stale = store.documents_to_refresh()
    assert sorted(Path(d.source).name for d in stale) == ["city.txt", "gone.txt", "trip.txt"]
    corrections = [Correction("rename", "Paris", "GPE", value="Lutetia")]
    assert refresh(store, extractor, stale, corrections) == 2  # the file that is gone is left as it was
    documents = {entry.name: sorted(o.title for o in entry.documents) for entry in store.entries()}
    assert documents["Lutetia"] == ["city.txt", "trip.txt"] and documents["Paris"] == ["gone.txt"]
    assert [d.title for d in store.documents_to_refresh()] == ["gone.txt"]


def test_an_index_of_the_version_before_descriptions_is_rebuilt_from_the_cache_with_them(tmp_path):
    extractor = CachedExtractor(FakeExtractor(NAMES), ExtractionCache(tmp_path / "cache"))
    path = tmp_path / "trip.txt"
    path.write_text("Angela Merkel, the German chancellor, flew to Paris.", encoding="utf-8")
    store = open_store(tmp_path / "glossary.json")
    for result in extract_batch([read_document(path)], extractor, []):
        record(store, result)
    store.close()
    with sqlite3.connect(index_path(tmp_path / "glossary.json")) as index:
        index.execute("PRAGMA user_version = 2")  # what the index was before it held descriptions
    index.close()
    reopened = open_store(tmp_path / "glossary.json")
    assert reopened.entries() == [] and [d.title for d in reopened.documents_to_refresh()] == ["trip.txt"]
    assert refresh(reopened, extractor, reopened.documents_to_refresh(), []) == 1
    described = {entry.name: entry.description for entry in reopened.entries()}
    assert described["Angela Merkel"] == "German chancellor"

"""Any note text survives the store and an export/import round trip (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.store.exchange import export_json, import_json
from glossary_tui.core.store.glossary_store import open_store

notes = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["[bold]x[/]", "[@click=app.quit]q[/]", "\"quoted\"\n'single'", "emoji 🕊️ 和平\ttab", "\x00\x1b[31m\u202e", ""]
)
names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None)
@given(name=names, note=notes)
def test_any_note_survives_the_store_and_an_export_import_round_trip(name, note):
    with tempfile.TemporaryDirectory() as directory:
        entity = Entity("", name, "PERSON", (), ())
        store = open_store(Path(directory) / "glossary.json")
        store.save_note(entity, note)
        reopened = open_store(Path(directory) / "glossary.json")
        assert reopened.note_for(entity) == note
        other = open_store(Path(directory) / "other.json")
        import_json(other, export_json(reopened))
        assert other.note_for(entity) == note

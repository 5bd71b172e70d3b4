"""The glossary store: the reader's notes on entities, kept in one TinyDB file.

An entry is keyed by label and normalised name, so a note written on an
entity is found again whenever that name turns up, in any document.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from tinydb import Query, TinyDB

from glossary_tui.core.entities import Entity

DB_ENVIRONMENT_VARIABLE = "GLOSSARY_TUI_DB"


def default_store_path() -> Path:
    """``$GLOSSARY_TUI_DB``, else ``glossary.json`` in the user's data directory."""
    override = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("glossary-tui")) / "glossary.json"


def entry_key(name: str, label: str) -> str:
    """The key an entry is found by: label and case-folded, space-normalised name."""
    return f"{label}:{' '.join(name.split()).casefold()}"


class GlossaryStore:
    """Notes on entities, safe to call from worker threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = TinyDB(self.path, ensure_ascii=False, indent=1)
        self._entries = self._db.table("entries")

    def note_for(self, entity: Entity) -> str:
        """The note on ``entity`` (matched by name or alias), or ``""``."""
        keys = {entry_key(name, entity.label) for name in (entity.name, *entity.aliases)}
        with self._lock:
            for entry in self._entries.search(Query().key.one_of(list(keys))):
                if entry.get("note"):
                    return entry["note"]
        return ""

    def save_note(self, entity: Entity, note: str) -> None:
        """Store ``note`` on ``entity``."""
        key = entry_key(entity.name, entity.label)
        record = {"key": key, "name": entity.name, "label": entity.label, "aliases": list(entity.aliases), "note": note}
        with self._lock:
            self._entries.upsert(record, Query().key == key)

    def close(self) -> None:
        """Flush and close the file."""
        with self._lock:
            self._db.close()

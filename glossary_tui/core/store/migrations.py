"""The glossary file's layout over time, and the steps that bring an older file up to date.

Schema 2 (now) keeps only what the reader writes: ``notes`` (each anchored to the
document it was written in, a label and name keys: see
:mod:`~glossary_tui.core.entities.identity`), ``documents`` (the documents read,
reading positions, how far each was read and whether spoiler-safe reading is on),
``corrections``, ``separations`` ("not the same" choices) and ``meta``. Schema 1
also kept an entry for every entity of every document read, each gathering the
names of every entity it was ever matched with; schema 0 (the
first release) had entries with notes only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from glossary_tui.core.entities.names import name_key

SCHEMA_VERSION = 2
#: The tables of a schema-2 file besides ``meta``.
TABLES = ("notes", "documents", "corrections", "separations")

Data = dict[str, dict[str, Any]]


def now() -> str:
    """The current time as the store writes it (ISO 8601, UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def schema_version(data: Data) -> int:
    """The schema a file's data follows (0: the first release, which had no ``meta`` table)."""
    meta = data.get("meta") or {}
    record: dict[str, Any] = next(iter(meta.values()), {})
    version = record.get("schema", 0)
    return version if isinstance(version, int) else -1


def migrate(data: Data) -> Data:
    """Bring ``data`` from an older schema to :data:`SCHEMA_VERSION`, one step at a time."""
    version = schema_version(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["meta"] = {"1": {"schema": version}}
    for table in TABLES:
        data.setdefault(table, {})
    return data


def _from_schema_0(data: Data) -> Data:
    """Schema 0 entries had ``key``, ``name``, ``label``, ``aliases`` and ``note`` only."""
    stamp = now()
    entries = {}
    for entry_id, entry in (data.get("entries") or {}).items():
        names = [entry.get("name", ""), *entry.get("aliases", [])]
        entries[entry_id] = {
            "name": entry.get("name", ""),
            "label": entry.get("label", ""),
            "aliases": list(entry.get("aliases", [])),
            "keys": sorted({name_key(name) for name in names if name}),
            "note": entry.get("note", ""),
            "created": stamp,
            "updated": stamp,
            "documents": {},
        }
    return {"entries": entries, "documents": {}, "corrections": {}}


def _from_schema_1(data: Data) -> Data:
    """Keep the entries with a note as notes, each anchored to the document it was mentioned most in.

    Entries without a note were derived from documents read: the index is rebuilt
    from the extraction cache instead. An entry's keys gathered every name it was
    matched with, so the anchor puts its own name first.
    """
    documents = data.get("documents") or {}
    notes = {}
    for entry_id, entry in (data.get("entries") or {}).items():
        if not entry.get("note"):
            continue
        counts: dict[str, int] = entry.get("documents") or {}
        top = max(counts, key=lambda document_id: counts[document_id], default=None)
        own = name_key(entry.get("name", ""))
        notes[entry_id] = {
            "name": entry.get("name", ""),
            "label": entry.get("label", ""),
            "keys": [own, *(key for key in entry.get("keys", ()) if key != own)],
            "document": documents.get(top, {}).get("sha256", "") if top is not None else "",
            "note": entry["note"],
            "created": entry.get("created", ""),
            "updated": entry.get("updated", ""),
        }
    return {
        "notes": notes,
        "documents": documents,
        "corrections": data.get("corrections") or {},
        "separations": {},
    }


#: Schema version -> function upgrading data of that version to the next one.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _from_schema_0, 1: _from_schema_1}

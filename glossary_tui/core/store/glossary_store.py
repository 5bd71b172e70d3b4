"""The glossary store: the reader's notes, the documents read, and reader corrections, in one TinyDB file.

Tables:

``entries``
    One per glossary entry: ``name``, ``label``, ``aliases``, ``keys`` (the
    :func:`~glossary_tui.core.entities.names.name_key` of the name and every alias),
    ``note``, ``created``/``updated`` (ISO times) and ``documents`` (id of the
    document's row in ``documents`` -> mentions; ids, not 64-character
    digests, keep the file small). An entity matches an entry with its label and any
    shared key; failing that, a person named by one word matches the only
    person whose full name ends with it. So a note on "Sergey Lavrov" is found
    again for "Lavrov" in another document.
``documents``
    One per document read: ``sha256`` of its normalised text, ``source``,
    ``title``, ``last_opened`` and reading ``position`` (an offset).
``corrections``
    The reader's corrections to the grouping, opaque records kept in order.
``meta``
    ``{"schema": SCHEMA_VERSION}``.

Entries are kept for entities with a note and for every entity mentioned in a
document read. Mentions themselves live in the extraction cache, never here, so
the file stays small enough for every note save to rewrite it quickly.

Every write happens under a lock shared by every process, reads the file as it
is now, applies one change and replaces the file atomically: two terminals on
one glossary never overwrite each other's notes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, cast, overload

from filelock import FileLock, Timeout
from tinydb import TinyDB

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.names import name_key
from glossary_tui.core.errors import StoreError
from glossary_tui.core.store.atomic_storage import (
    AtomicJSONStorage,
    DamagedStoreFile,
    read_json,
    remove_leftovers,
)
from glossary_tui.core.store.records import DocumentRecord, GlossaryEntry, Occurrence
from glossary_tui.core.store.snapshots import take_daily_snapshot

DB_ENVIRONMENT_VARIABLE = "GLOSSARY_TUI_DB"
SCHEMA_VERSION = 1
#: Entities mentioned fewer times than this (and without a note) are not recorded as entries.
MIN_RECORDED_MENTIONS = 1
#: The label whose one-word names are matched as surnames of full names across documents.
SURNAME_LABEL = "PERSON"
#: Seconds to wait for another process's write before giving up.
LOCK_TIMEOUT = 10.0

Data = dict[str, dict[str, Any]]


def default_store_path() -> Path:
    """``$GLOSSARY_TUI_DB``, else ``glossary.json`` in the user's data directory."""
    override = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("glossary-tui")) / "glossary.json"


def migrate(data: Data) -> Data:
    """Bring ``data`` from an older schema to :data:`SCHEMA_VERSION`, one step at a time."""
    version = schema_version(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["meta"] = {"1": {"schema": version}}
    return data


def schema_version(data: Data) -> int:
    """The schema a file's data follows (0: the first release, which had no ``meta`` table)."""
    meta = data.get("meta") or {}
    record: dict[str, Any] = next(iter(meta.values()), {})
    version = record.get("schema", 0)
    return version if isinstance(version, int) else -1


def _from_schema_0(data: Data) -> Data:
    """Schema 0 entries had ``key``, ``name``, ``label``, ``aliases`` and ``note`` only."""
    now = _now()
    entries = {}
    for entry_id, entry in (data.get("entries") or {}).items():
        names = [entry.get("name", ""), *entry.get("aliases", [])]
        entries[entry_id] = {
            "name": entry.get("name", ""),
            "label": entry.get("label", ""),
            "aliases": list(entry.get("aliases", [])),
            "keys": sorted({name_key(name) for name in names if name}),
            "note": entry.get("note", ""),
            "created": now,
            "updated": now,
            "documents": {},
        }
    return {"entries": entries, "documents": {}, "corrections": {}}


#: Schema version -> function upgrading data of that version to the next one.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _from_schema_0}


def check_store_file(path: Path) -> Data:
    """The data of an existing glossary file, or :class:`StoreError` saying in one line what is wrong."""
    data = read_json(path)
    version = schema_version(data)
    if version < 0 or version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: glossary schema {data.get('meta')} is not one this version of glossary-tui "
            f"knows (it knows up to {SCHEMA_VERSION}); upgrade glossary-tui"
        )
    return data


def open_store(path: str | Path | None = None) -> GlossaryStore:
    """Open (or create) the glossary file; :class:`StoreError` in one line if it cannot be used.

    A damaged file is never changed: the error says so and names
    ``glossary-tui doctor``.
    """
    return GlossaryStore(Path(path) if path is not None else default_store_path())


class GlossaryStore:
    """Notes, documents and corrections; safe across threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{path.parent}: cannot create the glossary directory ({error.strerror})") from None
        self._file_lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT)
        data: Data = {}
        if path.exists():
            try:
                data = check_store_file(path)
            except DamagedStoreFile as error:
                raise StoreError(f"{error}; `glossary-tui doctor` checks it, `doctor --repair` sets it aside") from None
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise StoreError(f"{path}: the glossary file is read-only; notes could not be saved")
            take_daily_snapshot(path)
        self._db = TinyDB(path, storage=AtomicJSONStorage)
        self._storage = cast(AtomicJSONStorage, self._db.storage)
        self._indexed_entries: dict[str, Any] | None = None
        self._index: dict[tuple[str, str], list[str]] = {}
        self._surnames: dict[tuple[str, str], list[str]] = {}
        if schema_version(data) != SCHEMA_VERSION or not path.exists():
            with self._write() as current:
                upgraded = migrate(current)
                current.clear()
                current.update(upgraded)
        with self._file_lock:
            remove_leftovers(path)

    # -- notes -----------------------------------------------------------------------------

    def note_for(self, entity: Entity) -> str:
        """The note on ``entity``'s entry (matched by label and any name), or ``""``."""
        with self._thread_lock:
            data = self._read()
            entry_id = self._entry_id(data, entity)
            return data["entries"][entry_id].get("note", "") if entry_id else ""

    def save_note(self, entity: Entity, note: str) -> None:
        """Store ``note`` on ``entity``'s entry, creating the entry if needed."""
        with self._write() as data:
            entry_id = self._entry_id(data, entity, create=True)
            entry = data["entries"][entry_id]
            entry["note"] = note
            entry["updated"] = _now()
            self._merge_names(data, entry_id, entity)

    def import_entries(
        self, records: Sequence[dict[str, Any]], source: str, documents: Sequence[dict[str, Any]] = ()
    ) -> tuple[int, int]:
        """Merge exported entry and document records in one write; return (entries merged, notes changed).

        A record joins the entry it matches (label and any name) or becomes a
        new one; aliases and per-document counts are merged (the larger count
        wins). A note differing from the stored one is appended under a line
        naming ``source``, never dropped; the same note twice is kept once.
        Documents are matched by sha256; the one opened last keeps its title,
        source and reading position.
        """
        merged = changed = 0
        with self._write() as data:
            for record in documents:
                self._merge_document(data, record)
            for record in records:
                entity = Entity("", record["name"], record["label"], tuple(record.get("aliases", ())), ())
                entry_id = self._entry_id(data, entity, create=True)
                self._merge_names(data, entry_id, entity)
                entry = data["entries"][entry_id]
                for occurrence in record.get("documents", ()):
                    document_id = self._merge_document(data, occurrence)
                    counts = entry["documents"]
                    counts[document_id] = max(counts.get(document_id, 0), int(occurrence.get("count", 0)))
                note, current = record.get("note", ""), entry.get("note", "")
                if note and note not in current:
                    entry["note"] = f"{current}\n\n--- imported from {source} ---\n{note}" if current else note
                    entry["updated"] = _now()
                    changed += 1
                merged += 1
        return merged, changed

    # -- documents -------------------------------------------------------------------------

    def record_document(self, document: Document, entities: Sequence[Entity]) -> None:
        """Remember ``document`` and how often each of its entities occurs in it (one write)."""
        with self._write() as data:
            now = _now()
            documents = data.setdefault("documents", {})
            document_id = self._document_id(data, document.sha256, create=True)
            record = documents.setdefault(document_id, {"sha256": document.sha256, "position": 0})
            record.update(source=_absolute(document.source), title=document.title, last_opened=now)
            counted: set[str] = set()  # entries this call has counted: two entities of one entry add up
            for entity in entities:
                entry_id = self._entry_id(data, entity, create=entity.count >= MIN_RECORDED_MENTIONS)
                if entry_id is None:
                    continue
                self._merge_names(data, entry_id, entity)
                counts = data["entries"][entry_id]["documents"]
                counts[document_id] = entity.count + (counts.get(document_id, 0) if entry_id in counted else 0)
                counted.add(entry_id)

    def reading_position(self, sha256: str) -> int | None:
        """Where the reader left the document, if it was opened before."""
        with self._thread_lock:
            data = self._read()
            document_id = self._document_id(data, sha256)
            return data["documents"][document_id].get("position") if document_id else None

    def save_reading_position(self, sha256: str, offset: int) -> None:
        """Remember the reading position in a document."""
        with self._write() as data:
            document_id = self._document_id(data, sha256, create=True)
            record = data["documents"].setdefault(document_id, {"sha256": sha256, "source": "", "title": ""})
            record["position"] = offset

    def furthest_read(self, sha256: str) -> tuple[int, bool]:
        """How far the reader has read the document, and whether spoiler-safe mode was on (``(0, False)``: never)."""
        with self._thread_lock:
            data = self._read()
            document_id = self._document_id(data, sha256)
            record = data["documents"][document_id] if document_id else {}
            return record.get("furthest", 0), record.get("so_far", False)

    def save_furthest_read(self, sha256: str, offset: int, so_far: bool) -> None:
        """Remember how far the document has been read and whether spoiler-safe mode is on."""
        with self._write() as data:
            document_id = self._document_id(data, sha256, create=True)
            record = data["documents"].setdefault(document_id, {"sha256": sha256, "source": "", "title": ""})
            record.update(furthest=offset, so_far=so_far)

    def occurrences(self, entity: Entity) -> list[Occurrence]:
        """Every recorded document the entity's entry occurs in, most mentions first."""
        with self._thread_lock:
            data = self._read()
            entry_id = self._entry_id(data, entity)
            return self._occurrences(data, data["entries"][entry_id]) if entry_id else []

    def documents(self) -> list[DocumentRecord]:
        """Every document opened, most recent first."""
        with self._thread_lock:
            records = [
                DocumentRecord(r["sha256"], r.get("source", ""), r.get("title", ""), r.get("last_opened", ""),
                               r.get("position", 0))
                for r in self._read().get("documents", {}).values()
            ]  # fmt: skip
        return sorted(records, key=lambda record: record.last_opened, reverse=True)

    def entries(self) -> list[GlossaryEntry]:
        """Every entry, by name."""
        with self._thread_lock:
            data = self._read()
            entries = [
                GlossaryEntry(
                    key=entry_id, name=e["name"], label=e["label"], aliases=tuple(e.get("aliases", ())),
                    note=e.get("note", ""), created=e.get("created", ""), updated=e.get("updated", ""),
                    documents=tuple(self._occurrences(data, e)),
                )
                for entry_id, e in data.get("entries", {}).items()
            ]  # fmt: skip
        return sorted(entries, key=lambda entry: (name_key(entry.name), entry.label))

    # -- corrections -----------------------------------------------------------------------

    def corrections(self) -> list[dict[str, Any]]:
        """Reader corrections in the order they were made, each with its ``id``."""
        with self._thread_lock:
            table = self._read().get("corrections", {})
            return [{**record, "id": int(key)} for key, record in sorted(table.items(), key=lambda i: int(i[0]))]

    def add_correction(self, record: dict[str, Any]) -> int:
        """Keep a correction; return its id."""
        with self._write() as data:
            table = data.setdefault("corrections", {})
            correction_id = max((int(key) for key in table), default=0) + 1
            table[str(correction_id)] = {key: value for key, value in record.items() if key != "id"}
        return correction_id

    def remove_correction(self, correction_id: int) -> None:
        """Forget a correction (undo)."""
        with self._write() as data:
            data.setdefault("corrections", {}).pop(str(correction_id), None)

    def close(self) -> None:
        """Nothing stays open between operations; kept for symmetry with :func:`open_store`."""
        self._db.close()

    # -- internals -------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Data]:
        """Lock the file for every process, yield its current data for changing, write it back."""
        with self._thread_lock:
            try:
                with self._file_lock:
                    data = self._read()
                    try:
                        yield data
                        self._replace(data)
                    except BaseException:
                        self._storage.invalidate()  # the change was not written: do not keep it
                        raise
            except Timeout:
                raise StoreError(f"{self.path}: another glossary-tui has held the glossary for too long") from None
            except PermissionError as error:
                raise StoreError(f"{self.path}: cannot write the glossary file ({error.strerror})") from None

    def _replace(self, data: Data) -> None:
        data.setdefault("meta", {"1": {"schema": SCHEMA_VERSION}})
        for table in ("entries", "documents", "corrections"):
            data.setdefault(table, {})
        self._storage.write(data)

    def _read(self) -> Data:
        data = self._storage.read() or {}
        for table in ("entries", "documents", "corrections"):
            data.setdefault(table, {})
        return data

    @overload
    def _entry_id(self, data: Data, entity: Entity, *, create: Literal[True]) -> str: ...

    @overload
    def _entry_id(self, data: Data, entity: Entity, *, create: bool = False) -> str | None: ...

    def _entry_id(self, data: Data, entity: Entity, *, create: bool = False) -> str | None:
        """The id of the entry matching ``entity`` (see :meth:`_candidates`); one with a note first."""
        entries = data["entries"]
        candidates = self._candidates(data, entity)
        if candidates:
            with_note = [entry_id for entry_id in candidates if entries[entry_id].get("note")]
            return (with_note or candidates)[0]
        if not create:
            return None
        now = _now()
        entry_id = str(max((int(key) for key in entries), default=0) + 1)
        entries[entry_id] = {
            "name": entity.name, "label": entity.label, "aliases": [], "keys": [],
            "note": "", "created": now, "updated": now, "documents": {},
        }  # fmt: skip
        self._merge_names(data, entry_id, entity)
        return entry_id

    def _candidates(self, data: Data, entity: Entity) -> list[str]:
        """Entries sharing a name key and the label with ``entity``.

        A person named by one word ("Lavrov") also matches the one person
        whose full name ends with it ("Sergey Lavrov"), or the one such person
        with a note; with several, the store does not guess. That full name
        wins over an entry of the one word alone without a note (recorded from
        a document read before the note was written).
        """
        self._refresh_indexes(data)
        exact: list[str] = []
        for name in (entity.name, *entity.aliases):
            exact = self._index.get((entity.label, name_key(name)), [])
            if exact:
                break
        if any(data["entries"][entry_id].get("note") for entry_id in exact) or entity.label != SURNAME_LABEL:
            return exact
        for name in (entity.name, *entity.aliases):
            key = name_key(name)
            if " " in key:
                continue
            candidates = list(dict.fromkeys(self._surnames.get((entity.label, key), [])))
            with_note = [entry_id for entry_id in candidates if data["entries"][entry_id].get("note")]
            if len(candidates) == 1 or len(with_note) == 1:
                return with_note or candidates
        return exact

    def _refresh_indexes(self, data: Data) -> None:
        """(label, name key) and (label, surname) -> entry ids, rebuilt when the data was read anew."""
        if data["entries"] is self._indexed_entries:
            return
        self._index, self._surnames = {}, {}
        for entry_id, entry in data["entries"].items():
            self._index_keys(entry_id, entry["label"], entry.get("keys", ()))
        self._indexed_entries = data["entries"]

    def _index_keys(self, entry_id: str, label: str, keys: Iterable[str]) -> None:
        for key in keys:
            self._index.setdefault((label, key), []).append(entry_id)
            if " " in key:
                self._surnames.setdefault((label, key.rsplit(" ", 1)[1]), []).append(entry_id)

    def _merge_names(self, data: Data, entry_id: str, entity: Entity) -> None:
        """Add the entity's spellings to the entry's aliases and keys (and to the key index)."""
        entry = data["entries"][entry_id]
        aliases = set(entry["aliases"])
        keys = set(entry["keys"])
        for name in (entity.name, *entity.aliases):
            if name != entry["name"]:
                aliases.add(name)
            keys.add(name_key(name))
        self._refresh_indexes(data)
        self._index_keys(entry_id, entry["label"], keys.difference(entry["keys"]))
        entry["aliases"] = sorted(aliases)
        entry["keys"] = sorted(keys)

    @overload
    @staticmethod
    def _document_id(data: Data, sha256: str, *, create: Literal[True]) -> str: ...

    @overload
    @staticmethod
    def _document_id(data: Data, sha256: str, *, create: bool = False) -> str | None: ...

    @staticmethod
    def _document_id(data: Data, sha256: str, *, create: bool = False) -> str | None:
        documents = data.setdefault("documents", {})
        for document_id, record in documents.items():
            if record.get("sha256") == sha256:
                return document_id
        if not create:
            return None
        return str(max((int(key) for key in documents), default=0) + 1)

    def _merge_document(self, data: Data, record: dict[str, Any]) -> str:
        """Add or update a document row from an exported record (newest ``last_opened`` wins); its id."""
        document_id = self._document_id(data, record["sha256"], create=True)
        current = data["documents"].get(document_id)
        incoming = {
            "sha256": record["sha256"], "source": record.get("source", ""), "title": record.get("title", ""),
            "last_opened": record.get("last_opened", ""), "position": int(record.get("position", 0)),
        }  # fmt: skip
        if current is None:
            data["documents"][document_id] = incoming
        elif incoming["last_opened"] > current.get("last_opened", ""):
            current.update(incoming)
        return document_id

    @staticmethod
    def _occurrences(data: Data, entry: dict[str, Any]) -> list[Occurrence]:
        documents = data.get("documents", {})
        found = []
        for document_id, count in entry.get("documents", {}).items():
            record = documents.get(document_id, {})
            found.append(Occurrence(record.get("sha256", ""), record.get("title", ""), record.get("source", ""), count))
        return sorted(found, key=lambda occurrence: -occurrence.count)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _absolute(source: str) -> str:
    if source in ("-", "<text>") or source.startswith("<"):
        return source
    return str(Path(source).resolve())

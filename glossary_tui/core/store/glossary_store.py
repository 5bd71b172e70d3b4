"""The glossary store: what the reader writes, in one TinyDB file, beside a derived index of what documents hold.

The TinyDB file (see :mod:`~glossary_tui.core.store.migrations` for its tables)
holds notes, the documents read with their reading positions, corrections and
"not the same" choices: small, so a note save rewrites it in milliseconds even
with a library of books. Which entities occur in which documents is derived data,
kept in a :class:`~glossary_tui.core.store.library_index.LibraryIndex` beside it.

A note is anchored to the entity it was written on (the document, a label, name
keys: :class:`~glossary_tui.core.entities.identity.Anchor`) and lands on that
entity whatever the grouping has become since. An entity shows the notes
anchored to it and to the entities of other documents it is linked to (see
:mod:`~glossary_tui.core.entities.identity` for when two are linked), unless the
reader said they are not the same.

Every write happens under a lock shared by every process, reads the file as it
is now, applies one change and replaces the file atomically: two terminals on
one glossary never overwrite each other's notes.
"""

from __future__ import annotations

import json
import os
import threading
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from filelock import FileLock, Timeout
from tinydb import TinyDB

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.descriptions import Description
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import (
    FULL_NAME,
    Anchor,
    DocumentIdentity,
    is_full_name,
    key_of,
    link_evidence,
    resolve,
)
from glossary_tui.core.errors import StoreError
from glossary_tui.core.store.atomic_storage import (
    AtomicJSONStorage,
    DamagedStoreFile,
    read_json,
    remove_leftovers,
)
from glossary_tui.core.store.glossary_entries import build_entries
from glossary_tui.core.store.library_index import IndexedEntity, LibraryIndex
from glossary_tui.core.store.migrations import (
    SCHEMA_VERSION,
    TABLES,
    Data,
    migrate,
    now,
    schema_version,
)
from glossary_tui.core.store.note_shards import NoteShards, NotesTable
from glossary_tui.core.store.records import DocumentRecord, GlossaryEntry, Occurrence
from glossary_tui.core.store.snapshots import take_daily_snapshot

DB_ENVIRONMENT_VARIABLE = "GLOSSARY_TUI_DB"
#: Seconds to wait for another process's write before giving up.
LOCK_TIMEOUT = 10.0
#: Sources that name no file a document could be read from again.
_NO_FILE = ("-", "<text>")


def default_store_path() -> Path:
    """``$GLOSSARY_TUI_DB``, else ``glossary.json`` in the user's data directory."""
    override = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("glossary-tui")) / "glossary.json"


def index_path(path: Path) -> Path:
    """Where the derived index of the glossary file ``path`` lives: ``<name>.index.sqlite`` beside it."""
    return path.with_name(f"{path.stem}.index.sqlite")


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


def correction_keys(record: dict[str, Any]) -> list[str]:
    """The name keys a correction record is about (what it may change in a document)."""
    names = (record.get("name", ""), record.get("target_name", ""), record.get("value", ""))
    return sorted({key_of(name) for name in names if isinstance(name, str) and name})


@dataclass(frozen=True)
class _Link:
    """An entity of another document, linked to the one looked at."""

    entity: IndexedEntity
    why: str


class GlossaryStore:
    """Notes, documents, corrections and "not the same" choices; safe across threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{path.parent}: cannot create the glossary directory ({error.strerror})") from None
        self._file_lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT)
        data: Data = {}
        self._notes = NoteShards(path)
        if path.exists():
            try:
                data = check_store_file(path)
                notes = self._notes.read()
            except DamagedStoreFile as error:
                raise StoreError(f"{error}; `glossary-tui doctor` checks it, `doctor --repair` sets it aside") from None
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise StoreError(f"{path}: the glossary file is read-only; notes could not be saved")
            take_daily_snapshot(path, lambda: _snapshot_of(data, notes))
        self._db = TinyDB(path, storage=AtomicJSONStorage)
        self._storage = cast(AtomicJSONStorage, self._db.storage)
        self._shared: weakref.WeakKeyDictionary[DocumentIdentity, tuple[tuple[int, int], dict[str, int]]] = (
            weakref.WeakKeyDictionary()
        )
        if schema_version(data) != SCHEMA_VERSION or data.get("notes") or not path.exists():
            with self._write() as current:
                upgraded = migrate(dict(self._storage.read() or {}))
                notes = _notes(current)
                for note_id, record in upgraded.pop("notes", {}).items():  # older files kept notes in the file
                    notes[note_id if note_id not in notes else notes.next_id()] = record
                current.clear()
                current.update(upgraded, notes=notes)
        with self._file_lock:
            remove_leftovers(path)
            self._notes.remove_leftovers()
        self.index = LibraryIndex(index_path(path))

    # -- notes -----------------------------------------------------------------------------

    def note_for(self, entity: Entity, within: DocumentIdentity | None = None) -> str:
        """The notes on ``entity`` (of the document ``within`` describes), one after another, or ``""``.

        Without ``within`` the entity is looked at alone, as if in a document of its own.
        """
        identity = within or _alone(entity)
        with self._thread_lock:
            return _joined(record for _, record in self._notes_on(self._read(), entity, identity))

    def save_note(self, entity: Entity, note: str, within: DocumentIdentity | None = None) -> None:
        """Store ``note`` as the note on ``entity``, in place of every note shown on it; ``""`` removes them.

        The notes shown on an entity were shown together in the editor, so the
        text saved holds them all: it replaces the note written in this document
        (re-anchored to the entity as it is now) or, failing one, the oldest one
        shown; the others are removed.
        """
        identity = within or _alone(entity)
        with self._write(notes_only=True) as data:
            shown = self._notes_on(data, entity, identity)
            notes = _notes(data)
            for note_id, _ in shown:
                del notes[note_id]
            if note:
                own = [(note_id, record) for note_id, record in shown if record["document"] == identity.sha256]
                note_id, record = (own or shown or [(notes.next_id(), {})])[0]
                stamp = now()
                if not record or record["document"] == identity.sha256:
                    anchor = Anchor.of(entity, identity.sha256)
                    record = {**record, "name": entity.name, "aliases": list(entity.aliases), "label": anchor.label,
                              "keys": list(anchor.keys), "document": anchor.document,
                              "created": record.get("created", stamp)}  # fmt: skip
                notes[note_id] = {**record, "note": note, "updated": stamp}

    def notes(self) -> list[dict[str, Any]]:
        """Every note record (``name``, ``label``, ``keys``, ``document``, ``note``, times), oldest first."""
        with self._thread_lock:
            return sorted((dict(r) for r in self._read()["notes"].values()), key=lambda r: r.get("created", ""))

    # -- other documents -------------------------------------------------------------------

    def occurrences(self, entity: Entity, within: DocumentIdentity | None = None) -> list[Occurrence]:
        """The entities of other recorded documents taken to be ``entity``, most mentioned first, with why."""
        identity = within or _alone(entity)
        with self._thread_lock:
            data = self._read()
            titles = self._document_records(data)
            return [
                _occurrence(link.entity, titles.get(link.entity.document), link.why)
                for link in self._links(data, entity, identity)
            ]

    def separate(self, entity: Entity, within: DocumentIdentity, sha256: str, name: str) -> bool:
        """Remember that ``entity`` is not the entity called ``name`` in document ``sha256``; False if no such link."""
        with self._write() as data:
            link = next(
                (link for link in self._links(data, entity, within)
                 if link.entity.document == sha256 and link.entity.name == name),
                None,
            )  # fmt: skip
            if link is None:
                return False
            other = Anchor(sha256, link.entity.label, tuple(self.index.keys_of(link.entity.id)))
            here = Anchor.of(entity, within.sha256)
            data["separations"][_next_id(data["separations"])] = {
                "label": entity.label,
                "first": {"document": here.document, "keys": list(here.keys), "name": entity.name},
                "second": {"document": other.document, "keys": list(other.keys), "name": name},
                "created": now(),
            }
        return True

    def separations(self) -> list[dict[str, Any]]:
        """The reader's "not the same" choices, in the order made."""
        with self._thread_lock:
            table = self._read()["separations"]
            return [dict(record) for _, record in sorted(table.items(), key=lambda item: int(item[0]))]

    # -- documents -------------------------------------------------------------------------

    def record_document(
        self,
        document: Document,
        entities: Sequence[Entity],
        *,
        descriptions: Mapping[str, Description] | None = None,
        opened: bool = True,
    ) -> None:
        """Remember ``document`` and its entities (hidden ones flagged), replacing what it held before.

        ``descriptions`` (by entity id) are what the document says its entities
        are, kept with them for the exports (worked out by the caller:
        :func:`~glossary_tui.core.pipeline.record`). ``opened``: the reader read
        or added the document now (it becomes the most recent); a refresh after a
        correction passes False.
        """
        identity = DocumentIdentity(document.sha256, entities)
        if opened:
            with self._write() as data:
                record = self._document_row(data, document.sha256)
                record.update(source=_absolute(document.source), title=document.title, last_opened=now())
                corrections = data["corrections"]
        else:
            with self._thread_lock:
                corrections = self._read()["corrections"]
        keys = {int(key): correction_keys(record) for key, record in corrections.items()}
        self.index.record(identity, keys, descriptions)

    def reading_position(self, sha256: str) -> int | None:
        """Where the reader left the document, if it was opened before."""
        with self._thread_lock:
            data = self._read()
            document_id = self._document_id(data, sha256)
            return data["documents"][document_id].get("position") if document_id else None

    def save_reading_position(self, sha256: str, offset: int) -> None:
        """Remember the reading position in a document."""
        with self._write() as data:
            self._document_row(data, sha256)["position"] = offset

    def furthest_read(self, sha256: str) -> tuple[int, bool]:
        """How far the reader has read the document, and whether spoiler-safe mode was on (``(0, False)``: never)."""
        with self._thread_lock:
            data = self._read()
            document_id = self._document_id(data, sha256)
            record = data["documents"][document_id] if document_id else {}
            return int(record.get("furthest", 0)), bool(record.get("so_far", False))

    def save_furthest_read(self, sha256: str, offset: int, so_far: bool) -> None:
        """Remember how far the document has been read and whether spoiler-safe mode is on."""
        with self._write() as data:
            self._document_row(data, sha256).update(furthest=offset, so_far=so_far)

    def documents(self) -> list[DocumentRecord]:
        """Every document opened, most recent first."""
        with self._thread_lock:
            records = list(self._document_records(self._read()).values())
        return sorted(records, key=lambda record: record.last_opened, reverse=True)

    def documents_to_refresh(self) -> list[DocumentRecord]:
        """Documents read from a file whose entities the index lacks or a later correction changes."""
        with self._thread_lock:
            data = self._read()
            records = self._document_records(data)
            current = {int(key): correction_keys(record) for key, record in data["corrections"].items()}
        stale = set(self.index.stale(current))
        indexed = self.index.documents()
        return [
            record
            for sha256, record in records.items()
            if record.source and record.source not in _NO_FILE and (sha256 in stale or sha256 not in indexed)
        ]

    # -- the glossary ----------------------------------------------------------------------

    def entries(self, document: str | None = None, *, notes_only: bool = False) -> list[GlossaryEntry]:
        """Every entry, by name: linked entities of every document as one, with their notes; hidden ones left out.

        ``document`` (a sha256) keeps the entries of that document; ``notes_only`` those with a note.
        """
        with self._thread_lock:
            data = self._read()
            notes = [(note_id, dict(record)) for note_id, record in data["notes"].items()]
            separations = list(data["separations"].values())
            records = self._document_records(data)
        return build_entries(self.index, notes, separations, records, document=document, notes_only=notes_only)

    # -- corrections -----------------------------------------------------------------------

    def corrections(self) -> list[dict[str, Any]]:
        """Reader corrections in the order they were made, each with its ``id``."""
        with self._thread_lock:
            table = self._read()["corrections"]
            return [{**record, "id": int(key)} for key, record in sorted(table.items(), key=lambda i: int(i[0]))]

    def add_correction(self, record: dict[str, Any]) -> int:
        """Keep a correction; return its id."""
        return self.add_corrections([record])[0]

    def add_corrections(self, records: Sequence[dict[str, Any]]) -> list[int]:
        """Keep several corrections in one write; return their ids.

        A rename puts the new name first in the anchors of the notes on the
        renamed entity, so they stay on it (and an undo takes it out again).
        """
        with self._write() as data:
            table = data["corrections"]
            ids = []
            for record in records:
                correction_id = _next_id(table)
                table[correction_id] = {key: value for key, value in record.items() if key != "id"}
                ids.append(int(correction_id))
                if record.get("kind") == "rename" and record.get("value"):
                    self._reanchor(data, record, add=True)
        return ids

    def remove_correction(self, correction_id: int) -> None:
        """Forget a correction (undo)."""
        with self._write() as data:
            record = data["corrections"].pop(str(correction_id), None)
            if record is not None and record.get("kind") == "rename" and record.get("value"):
                self._reanchor(data, record, add=False)

    # -- exchange ----------------------------------------------------------------------------

    def merge(self, payload: dict[str, Any], source: str) -> tuple[int, int]:
        """Merge an export's notes, documents, corrections and separations in one write; (notes, notes changed).

        Documents are matched by sha256 (the one opened last keeps its title,
        source and position); a note joins the note anchored to the same document,
        label and name, and a
        different text is kept beside the stored one under a line naming
        ``source``, never dropped; corrections and separations already here are
        not added twice.
        """
        merged = changed = 0
        with self._write() as data:
            for record in payload.get("documents", ()):
                self._merge_document(data, record)
            by_anchor = {_anchor_key(record): note_id for note_id, record in data["notes"].items()}
            for record in payload.get("notes", ()):
                anchor = _anchor_of(record)
                note, stamp = record.get("note", ""), now()
                note_id = by_anchor.get(_anchor_key(record))
                if note_id is None:
                    note_id = by_anchor[_anchor_key(record)] = _notes(data).next_id()
                    data["notes"][note_id] = {
                        "name": record.get("name", ""), "aliases": list(record.get("aliases", ())),
                        "label": anchor.label, "keys": list(anchor.keys), "document": anchor.document, "note": note,
                        "created": record.get("created", stamp), "updated": record.get("updated", stamp),
                    }  # fmt: skip
                    changed += bool(note)
                else:
                    stored = data["notes"][note_id]
                    if note and note not in stored["note"]:
                        current = stored["note"]
                        joined = f"{current}\n\n--- imported from {source} ---\n{note}" if current else note
                        data["notes"][note_id] = {**stored, "note": joined, "updated": stamp}
                        changed += 1
                merged += 1
            for table in ("corrections", "separations"):
                existing = {_identity(record) for record in data[table].values()}
                for record in payload.get(table, ()):
                    clean = {key: value for key, value in record.items() if key != "id"}
                    if _identity(clean) not in existing:
                        existing.add(_identity(clean))
                        data[table][_next_id(data[table])] = clean
        return merged, changed

    def close(self) -> None:
        """Close the index; nothing else stays open between operations."""
        self.index.close()
        self._db.close()

    # -- internals: notes and links ----------------------------------------------------------

    def _notes_on(self, data: Data, entity: Entity, identity: DocumentIdentity) -> list[tuple[str, dict[str, Any]]]:
        """The notes that land on ``entity``: its document's, its links', then notes of documents not indexed."""
        notes = _notes(data)
        found: dict[str, dict[str, Any]] = {}
        keys = identity.keys(entity)
        for key in keys:
            for note_id in notes.anchored_with(key):
                record = notes[note_id]
                if note_id not in found and record["document"] == identity.sha256:
                    landed = identity.resolve(_anchor_of(record))
                    if landed is not None and landed.id == entity.id:
                        found[note_id] = record
        for link in self._links(data, entity, identity):
            other = link.entity
            for key in self.index.keys_of(other.id):
                for note_id in notes.anchored_with(key):
                    record = notes[note_id]
                    if note_id in found or record["document"] != other.document:
                        continue
                    indexed_landing = self._resolve_indexed(_anchor_of(record))
                    if indexed_landing is not None and indexed_landing.id == other.id:
                        found[note_id] = record
        indexed = self.index.documents()
        for key in identity.owned_keys(entity) if not entity.hidden else ():
            for note_id in notes.anchored_with(key):
                record = notes[note_id]
                document = record["document"]
                if note_id in found or document == identity.sha256 or document in indexed:
                    continue
                if record["label"] == entity.label and _unindexed_note_matches(record, key, keys):
                    found[note_id] = record
        return sorted(
            found.items(), key=lambda item: (item[1]["document"] != identity.sha256, item[1]["created"], int(item[0]))
        )

    def _links(self, data: Data, entity: Entity, identity: DocumentIdentity) -> list[_Link]:
        """Entities of other documents that are ``entity``, strongest evidence kept, separated ones left out."""
        if entity.hidden:
            return []
        best: dict[int, _Link] = {}
        for key in identity.owned_keys(entity):
            for holder, own in self.index.owners(key, entity.label):
                if holder.document == identity.sha256:
                    continue
                both_own = own and identity.is_own_name(entity, key)
                why = link_evidence(key, entity.label, both_own, self._shared_people(identity, holder.document, key))
                if why is not None and (holder.id not in best or why == FULL_NAME):
                    best[holder.id] = _Link(holder, why)
        links = [link for link in best.values() if not self._separated(data, entity, identity, link.entity)]
        return sorted(links, key=lambda link: (-link.entity.count, link.entity.document))

    def _shared_people(self, identity: DocumentIdentity, document: str, key: str) -> int:
        """How many full-named people ``identity``'s document shares with ``document`` (0 when not needed)."""
        if is_full_name(key):
            return 0
        version = self.index.version()
        cached = self._shared.get(identity)
        if cached is None or cached[0] != version:
            cached = (version, self.index.shared_people(identity.people))
            self._shared[identity] = cached
        return cached[1].get(document, 0)

    def _separated(self, data: Data, entity: Entity, identity: DocumentIdentity, other: IndexedEntity) -> bool:
        for record in data["separations"].values():
            if record.get("label") != entity.label:
                continue
            for here, there in ((record["first"], record["second"]), (record["second"], record["first"])):
                if here["document"] != identity.sha256 or there["document"] != other.document:
                    continue
                mine = identity.resolve(Anchor(here["document"], entity.label, tuple(here["keys"])))
                theirs = self._resolve_indexed(Anchor(there["document"], entity.label, tuple(there["keys"])))
                if mine is not None and mine.id == entity.id and theirs is not None and theirs.id == other.id:
                    return True
        return False

    def _resolve_indexed(self, anchor: Anchor) -> IndexedEntity | None:
        def holders_of(key: str) -> list[tuple[IndexedEntity, bool]]:
            return self.index.holders(anchor.document, key)

        return resolve(anchor, holders_of)

    def _reanchor(self, data: Data, rename: dict[str, Any], *, add: bool) -> None:
        old, new = key_of(rename["name"]), key_of(rename["value"])
        notes = data["notes"]
        for note_id, record in list(notes.items()):
            keys = record["keys"]
            if record["label"] != rename.get("label"):
                continue
            if add and keys[:1] == [old]:
                notes[note_id] = {**record, "keys": [new, *(key for key in keys if key != new)]}
            elif not add and keys[:2] == [new, old]:
                notes[note_id] = {**record, "keys": keys[1:]}

    # -- internals: the file -----------------------------------------------------------------

    @contextmanager
    def _write(self, *, notes_only: bool = False) -> Iterator[Data]:
        """Lock the files for every process, yield their current data for changing, write back what changed.

        The notes' shards that changed are written, then (unless ``notes_only``) the glossary file.
        """
        with self._thread_lock:
            try:
                with self._file_lock:
                    data = self._read()
                    try:
                        yield data
                        self._notes.write(_notes(data))
                        if not notes_only:
                            self._replace(data)
                    except BaseException:
                        self._storage.invalidate()  # the change was not written: do not keep it
                        self._notes.invalidate()
                        raise
            except Timeout:
                raise StoreError(f"{self.path}: another glossary-tui has held the glossary for too long") from None
            except PermissionError as error:
                raise StoreError(f"{self.path}: cannot write the glossary file ({error.strerror})") from None

    def _replace(self, data: Data) -> None:
        """Write the glossary file: every table but the notes, which live in their shards."""
        main = {name: table for name, table in data.items() if name != "notes"}
        main.setdefault("meta", {"1": {"schema": SCHEMA_VERSION}})
        self._storage.write(main)

    def _read(self) -> Data:
        """The glossary file's tables, with the notes of every shard (each file parsed only if it changed)."""
        main = self._storage.read() or {}
        data = {name: main.setdefault(name, {}) for name in TABLES if name != "notes"}
        data["meta"] = main.get("meta", {})
        data["notes"] = self._notes.read()
        return data

    @staticmethod
    def _document_records(data: Data) -> dict[str, DocumentRecord]:
        return {
            r["sha256"]: DocumentRecord(r["sha256"], r.get("source", ""), r.get("title", ""),
                                        r.get("last_opened", ""), r.get("position", 0))
            for r in data["documents"].values()
        }  # fmt: skip

    @staticmethod
    def _document_id(data: Data, sha256: str) -> str | None:
        for document_id, record in data["documents"].items():
            if record.get("sha256") == sha256:
                return document_id
        return None

    @classmethod
    def _document_row(cls, data: Data, sha256: str) -> dict[str, Any]:
        """The document's row, added if it is not there yet."""
        document_id = cls._document_id(data, sha256) or _next_id(data["documents"])
        row: dict[str, Any] = data["documents"].setdefault(
            document_id, {"sha256": sha256, "source": "", "title": "", "position": 0}
        )
        return row

    def _merge_document(self, data: Data, record: dict[str, Any]) -> None:
        """Add or update a document row from an exported record (newest ``last_opened`` wins)."""
        fresh = self._document_id(data, record["sha256"]) is None
        current = self._document_row(data, record["sha256"])
        incoming = {
            "source": record.get("source", ""), "title": record.get("title", ""),
            "last_opened": record.get("last_opened", ""), "position": int(record.get("position", 0)),
        }  # fmt: skip
        if fresh or incoming["last_opened"] > current.get("last_opened", ""):
            current.update(incoming)


def _notes(data: Data) -> NotesTable:
    """The notes of the data :meth:`GlossaryStore._read` gives."""
    return cast(NotesTable, data["notes"])


def _snapshot_of(data: Data, notes: dict[str, Any]) -> bytes:
    """The whole glossary in one file (notes included), as a daily snapshot keeps it."""
    return json.dumps({**data, "notes": notes}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _alone(entity: Entity) -> DocumentIdentity:
    """An entity looked at without its document: as if it were the only entity of a document of its own."""
    return DocumentIdentity("", [entity])


def _anchor_of(record: dict[str, Any]) -> Anchor:
    return Anchor(record.get("document", ""), record.get("label", ""), tuple(record.get("keys", ())))


def _anchor_key(record: dict[str, Any]) -> tuple[str, str, str]:
    """What makes two note records one note: the document, the label and the entity's own name."""
    return record.get("document", ""), record.get("label", ""), next(iter(record.get("keys", ())), "")


def _unindexed_note_matches(record: dict[str, Any], key: str, keys: Sequence[str]) -> bool:
    """A note of a document the index lacks joins an entity by a full name, or by its own name when both share it.

    (A note of no known document, from an older glossary, also joins a person by a one-word own name.)
    """
    both_own = list(record["keys"][:1]) == [key] and list(keys[:1]) == [key]
    return link_evidence(key, record["label"], both_own, 0) is not None or (not record["document"] and both_own)


def _joined(records: Iterator[dict[str, Any]] | Sequence[dict[str, Any]]) -> str:
    return "\n\n".join(record["note"] for record in records if record.get("note"))


def _next_id(table: dict[str, Any]) -> str:
    return str(max((int(key) for key in table), default=0) + 1)


def _identity(record: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in record.items() if k not in ("id", "created")}, sort_keys=True)


def _occurrence(entity: IndexedEntity, record: DocumentRecord | None, why: str) -> Occurrence:
    title = record.title if record is not None else ""
    source = record.source if record is not None else ""
    return Occurrence(entity.document, title or source, source, entity.count, entity.name, why)


def _absolute(source: str) -> str:
    if source in _NO_FILE or source.startswith("<"):
        return source
    return str(Path(source).resolve())

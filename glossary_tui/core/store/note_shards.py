"""The reader's notes, spread over small TinyDB files so a save rewrites kilobytes, not the whole glossary.

A note lives in shard ``id % SHARDS`` of the ``<glossary>.notes`` folder beside
the glossary file; each shard is a TinyDB JSON file (``{"notes": {id: record}}``)
written like the glossary itself (:mod:`~glossary_tui.core.store.atomic_storage`:
a synced temporary file and one ``os.replace``) and read again only when it
changed on disk. The glossary's lock covers every shard, so two terminals merge
notes exactly as they merge everything else. With thousands of notes a save
rewrites one shard of a few dozen notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from glossary_tui.core.store.atomic_storage import AtomicJSONStorage, remove_leftovers

#: How many files the notes are spread over.
SHARDS = 32


def notes_directory(path: Path) -> Path:
    """Where the notes of the glossary file ``path`` live: ``<name>.notes/`` beside it."""
    return path.with_name(f"{path.stem}.notes")


def shard_of(note_id: str) -> int:
    """The shard a note lives in."""
    return int(note_id) % SHARDS


class NotesTable(dict[str, dict[str, Any]]):
    """Every note by id; setting or deleting one marks its shard to be written and keeps the notes' keys indexed.

    Change a record by setting it again (``table[note_id] = {**record, ...}``), never in place.
    """

    def __init__(self, shards: list[dict[str, dict[str, Any]]] | None = None) -> None:
        super().__init__()
        #: The notes of each shard (what is written to its file).
        self.shards: list[dict[str, dict[str, Any]]] = [{} for _ in range(SHARDS)]
        self.dirty: set[int] = set()
        self.largest = 0
        self._by_key: dict[str, set[str]] = {}
        for notes in shards or ():
            for note_id, record in notes.items():
                self._put(note_id, record)
        self.dirty.clear()

    def anchored_with(self, key: str) -> set[str]:
        """Ids of the notes with ``key`` among their anchor's keys."""
        return self._by_key.get(key, set())

    def next_id(self) -> str:
        """An id no note has."""
        return str(self.largest + 1)

    def __setitem__(self, note_id: str, record: dict[str, Any]) -> None:
        self._put(note_id, record)

    def __delitem__(self, note_id: str) -> None:
        self._unindex(note_id)
        super().__delitem__(note_id)
        number = shard_of(note_id)
        del self.shards[number][note_id]
        self.dirty.add(number)

    def _put(self, note_id: str, record: dict[str, Any]) -> None:
        self._unindex(note_id)
        for key in record.get("keys", ()):
            self._by_key.setdefault(key, set()).add(note_id)
        super().__setitem__(note_id, record)
        number = shard_of(note_id)
        self.shards[number][note_id] = record
        self.dirty.add(number)
        self.largest = max(self.largest, int(note_id))

    def _unindex(self, note_id: str) -> None:
        for key in self.get(note_id, {}).get("keys", ()):
            self._by_key.get(key, set()).discard(note_id)


class NoteShards:
    """The notes' files: read when any changed on disk, written shard by shard."""

    def __init__(self, path: Path) -> None:
        self.directory = notes_directory(path)
        self._storages = [AtomicJSONStorage(self.directory / f"{number:02}.json") for number in range(SHARDS)]
        self._table: NotesTable | None = None
        self._read: list[dict[str, Any] | None] = [None] * SHARDS

    def read(self) -> NotesTable:
        """Every note; the same table as last time unless a shard changed on disk since."""
        shards = [storage.read() for storage in self._storages]
        if self._table is None or any(shard is not seen for shard, seen in zip(shards, self._read, strict=True)):
            self._table = NotesTable([(shard or {}).get("notes", {}) for shard in shards])
            self._read = shards
        return self._table

    def write(self, table: NotesTable) -> None:
        """Write the shards whose notes changed (those marked in ``table``)."""
        for number in sorted(table.dirty):
            notes = table.shards[number]
            if not notes and not self._storages[number].path.exists():
                continue
            self.directory.mkdir(mode=0o700, exist_ok=True)
            self._storages[number].write({"notes": dict(notes)})
        table.dirty.clear()
        self._read = [storage.read() for storage in self._storages]

    def invalidate(self) -> None:
        """Forget what was read (a change was not written): the next read parses the files again."""
        for storage in self._storages:
            storage.invalidate()
        self._table = None

    def files(self) -> Iterator[Path]:
        """The shard files there are."""
        return (storage.path for storage in self._storages if storage.path.exists())

    def remove_leftovers(self) -> None:
        """Delete temporary files a crashed writer left in the notes folder."""
        for storage in self._storages:
            remove_leftovers(storage.path)

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
    """Every note by id; setting or deleting one marks its shard to be written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dirty: set[int] = set()

    def __setitem__(self, note_id: str, record: dict[str, Any]) -> None:
        super().__setitem__(note_id, record)
        self.dirty.add(shard_of(note_id))

    def __delitem__(self, note_id: str) -> None:
        super().__delitem__(note_id)
        self.dirty.add(shard_of(note_id))


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
            table = NotesTable()
            for shard in shards:
                if shard:
                    dict.update(table, shard.get("notes", {}))
            self._table, self._read = table, shards
        return self._table

    def write(self, table: NotesTable) -> None:
        """Write the shards whose notes changed (those marked in ``table``)."""
        for number in sorted(table.dirty):
            notes = {note_id: record for note_id, record in table.items() if shard_of(note_id) == number}
            if not notes and not self._storages[number].path.exists():
                continue
            self.directory.mkdir(mode=0o700, exist_ok=True)
            self._storages[number].write({"notes": notes})
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

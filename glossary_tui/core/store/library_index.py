"""Which entities occur in which documents: derived data, in SQLite beside the glossary file.

Nothing here is the reader's work: every row comes from a document's entities as
:func:`~glossary_tui.core.pipeline.record` gives them, so a missing, damaged or
out-of-date index is rebuilt from the extraction cache (see
:func:`~glossary_tui.core.pipeline.refresh`), never repaired. What the reader
writes (notes, corrections, "not the same", reading positions) lives in the
TinyDB file only.

Tables:

``documents``
    One per recorded document: ``sha256`` and the ids of the corrections its
    entities were grouped under (to know which documents a new or undone
    correction changes).
``entities``
    One per entity of a document: name (and its key), label, mention count,
    hidden, the other names it is called (one spelling per name key), and its
    description from the document (text and the rule that found it; empty when
    none was found or the entity is hidden).
``names``
    One per (entity, name key): whether the key is the entity's own name, whether
    the entity owns the key in its document (see
    :mod:`~glossary_tui.core.entities.identity`), whether it is shown (not
    hidden), whether it is the full name of one of the document's people (what
    relates two documents).
``corrections``
    The name keys each correction is about (kept after an undo, to know what it touched).

Each document is recorded in one transaction (WAL journal), so a process killed
at any instant leaves the document's old rows or its new ones; two processes
wait for each other (``busy_timeout``).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from glossary_tui.core.entities.descriptions import Description
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import DocumentIdentity, key_of
from glossary_tui.core.errors import StoreError

#: Bump when the tables change: an index of another version is rebuilt (3: entities' descriptions).
INDEX_VERSION = 3
#: Seconds to wait for another process's write.
BUSY_TIMEOUT = 10.0
#: Most parameters in one SQL statement (SQLite allows 32,766 since 3.32; older ones 999).
_BATCH = 900
#: SQLite errors that say the index is busy or cannot be written, not that it is damaged.
_NOT_DAMAGE = ("locked", "busy", "readonly", "disk", "unable to open", "full")

_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE NOT NULL, corrections TEXT NOT NULL);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY, document INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, label TEXT NOT NULL,
    count INTEGER NOT NULL, hidden INTEGER NOT NULL, aliases TEXT NOT NULL, description TEXT NOT NULL,
    description_kind TEXT NOT NULL
);
CREATE TABLE names (
    entity INTEGER NOT NULL, document INTEGER NOT NULL, label TEXT NOT NULL, key TEXT NOT NULL,
    own INTEGER NOT NULL, owner INTEGER NOT NULL, shown INTEGER NOT NULL, person INTEGER NOT NULL
);
CREATE TABLE corrections (id INTEGER PRIMARY KEY, keys TEXT NOT NULL);
CREATE INDEX entities_by_document ON entities(document);
CREATE INDEX names_by_key ON names(key, label);
CREATE INDEX names_by_entity ON names(entity);
CREATE INDEX names_by_document ON names(document);
"""


@dataclass(slots=True)
class IndexedEntity:
    """An entity of a recorded document, as the index holds it (light: a library has 100,000s)."""

    id: int
    document: str
    name: str
    #: The key of ``name``.
    key: str
    label: str
    count: int
    hidden: bool
    #: The other names it is called, one spelling per name key.
    aliases: tuple[str, ...]
    #: What the document says it is (``""``: nothing found), and the rule that found it (see
    #: :class:`~glossary_tui.core.entities.descriptions.Description`).
    description: str = ""
    description_kind: str = ""


class IndexedName(NamedTuple):
    """One name key of an indexed entity."""

    entity: int
    document: str
    label: str
    key: str
    own: bool
    #: The full name of one of the document's people (see :attr:`DocumentIdentity.people`).
    person: bool


class LibraryIndex:
    """The derived index of recorded documents; safe across threads (one connection, locked) and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        #: True when the index had to be created (missing, damaged or of another version): documents
        #: recorded before are not in it until they are recorded again.
        self.created = False
        self._connection = self._open()
        self._documents: dict[str, int] | None = None
        self._data_version = -1
        self._writes = 0

    # -- writing ---------------------------------------------------------------------------

    def record(
        self,
        identity: DocumentIdentity,
        corrections: Mapping[int, Sequence[str]],
        descriptions: Mapping[str, Description] | None = None,
    ) -> None:
        """Replace the document's rows with ``identity``'s entities, grouped under ``corrections`` (id -> keys).

        ``descriptions`` (by entity id) are kept with the entities not hidden.
        """
        descriptions = descriptions or {}
        entity_rows = [entity for entity in identity.entities if entity.count]
        with self._transaction() as cursor:
            row = cursor.execute("SELECT id FROM documents WHERE sha256 = ?", (identity.sha256,)).fetchone()
            if row is None:
                cursor.execute(
                    "INSERT INTO documents (sha256, corrections) VALUES (?, ?)",
                    (identity.sha256, json.dumps(sorted(corrections))),
                )
                document = cursor.lastrowid
            else:
                document = row[0]
                cursor.execute("DELETE FROM entities WHERE document = ?", (document,))
                cursor.execute("DELETE FROM names WHERE document = ?", (document,))
                cursor.execute(
                    "UPDATE documents SET corrections = ? WHERE id = ?", (json.dumps(sorted(corrections)), document)
                )
            start = (cursor.execute("SELECT COALESCE(MAX(id), 0) FROM entities").fetchone()[0]) + 1
            entities = []
            names = []
            people = identity.people
            for number, entity in enumerate(entity_rows, start):
                keys = identity.keys(entity)
                described = None if entity.hidden else descriptions.get(entity.id)
                entities.append(
                    (number, document, entity.name, keys[0] if keys else "", entity.label, entity.count,
                     int(entity.hidden), "\x1f".join(other_names(entity)),
                     described.text if described else "", described.kind if described else "")
                )  # fmt: skip
                owned = set(identity.owned_keys(entity))
                for position, key in enumerate(identity.keys(entity)):
                    names.append(
                        (number, document, entity.label, key, int(position == 0), int(key in owned),
                         int(not entity.hidden), int(key in people and key in owned))
                    )  # fmt: skip
            cursor.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entities)
            cursor.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?, ?, ?)", names)
            cursor.executemany(
                "INSERT OR REPLACE INTO corrections (id, keys) VALUES (?, ?)",
                [(number, json.dumps(list(keys))) for number, keys in corrections.items()],
            )
        self._documents = None
        self._writes += 1

    def forget(self, sha256: str) -> None:
        """Drop a document's rows."""
        with self._transaction() as cursor:
            row = cursor.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
            if row is not None:
                for table in ("entities", "names"):
                    cursor.execute(f"DELETE FROM {table} WHERE document = ?", (row[0],))
                cursor.execute("DELETE FROM documents WHERE id = ?", (row[0],))
        self._documents = None
        self._writes += 1

    # -- reading ---------------------------------------------------------------------------

    def documents(self) -> dict[str, int]:
        """sha256 -> row id of every recorded document."""
        with self._lock:
            version = self._query("PRAGMA data_version")[0][0]  # changes when another process commits
            if self._documents is None or version != self._data_version:
                self._documents = dict(self._query("SELECT sha256, id FROM documents"))
                self._data_version = version
            return self._documents

    def version(self) -> tuple[int, int]:
        """Changes whenever this process or another one changed the index (for caches of what it holds)."""
        with self._lock:
            return self._writes, self._query("PRAGMA data_version")[0][0]

    def stale(self, corrections: Mapping[int, Sequence[str]]) -> list[str]:
        """Documents whose entities a correction made or undone since they were recorded may change.

        ``corrections`` are the current ones (id -> the name keys they are about).
        """
        with self._lock:
            known = {number: json.loads(keys) for number, keys in self._query("SELECT id, keys FROM corrections")}
            known.update(corrections)
            current = set(corrections)
            stale = []
            for sha256, document, grouped in self._query("SELECT sha256, id, corrections FROM documents"):
                changed = current.symmetric_difference(json.loads(grouped))
                keys = sorted({key for number in changed for key in known.get(number, ())})
                if keys and self._has_any_key(document, keys):
                    stale.append(sha256)
            return stale

    def holders(self, sha256: str, key: str) -> list[tuple[IndexedEntity, bool]]:
        """The entities of a document called ``key``, each with whether it is their own name."""
        document = self.documents().get(sha256)
        if document is None:
            return []
        rows = self._query(
            f"SELECT {_ENTITY}, n.own FROM names n JOIN entities e ON e.id = n.entity "
            "WHERE n.key = ? AND n.document = ?",
            (key, document),
        )
        return [(_entity(row, sha256), bool(row[-1])) for row in rows]

    def holders_of_keys(self, sha256: str, keys: Iterable[str]) -> dict[str, list[tuple[IndexedEntity, bool]]]:
        """:meth:`holders` of many keys of one document at once."""
        document = self.documents().get(sha256)
        found: dict[str, list[tuple[IndexedEntity, bool]]] = {}
        wanted = sorted(set(keys))
        for start in range(0, len(wanted) if document is not None else 0, _BATCH):
            batch = wanted[start : start + _BATCH]
            rows = self._query(
                f"SELECT {_ENTITY}, n.own, n.key FROM names n JOIN entities e ON e.id = n.entity "
                f"WHERE n.document = ? AND n.key IN ({','.join('?' * len(batch))})",
                [document, *batch],
            )
            for row in rows:
                found.setdefault(row[-1], []).append((_entity(row, sha256), bool(row[-2])))
        return found

    def owners(self, key: str, label: str) -> list[tuple[IndexedEntity, bool]]:
        """Every shown entity owning ``key`` with ``label`` in its document, with whether it is its own name."""
        shas = {number: sha256 for sha256, number in self.documents().items()}
        rows = self._query(
            f"SELECT {_ENTITY}, e.document, n.own FROM names n JOIN entities e ON e.id = n.entity "
            "WHERE n.key = ? AND n.label = ? AND n.owner = 1 AND n.shown = 1",
            (key, label),
        )
        return [(_entity(row, shas[row[-2]]), bool(row[-1])) for row in rows if row[-2] in shas]

    def keys_of(self, entity: int) -> list[str]:
        """An indexed entity's name keys, own name first."""
        return [key for (key,) in self._query("SELECT key FROM names WHERE entity = ? ORDER BY own DESC", (entity,))]

    def shared_people(self, people: Iterable[str]) -> dict[str, int]:
        """For each recorded document, how many of the full-named ``people`` are of its people (sha256 -> count)."""
        shas = {number: sha256 for sha256, number in self.documents().items()}
        counts: dict[str, int] = {}
        keys = sorted(people)
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            rows = self._query(
                f"SELECT document, COUNT(DISTINCT key) FROM names WHERE person = 1 AND key IN ({marks}) "
                "GROUP BY document",
                batch,
            )
            for document, count in rows:
                if document in shas:
                    counts[shas[document]] = counts.get(shas[document], 0) + count
        return counts

    def entities(self) -> list[IndexedEntity]:
        """Every indexed entity not hidden."""
        shas = {number: sha256 for sha256, number in self.documents().items()}
        rows = self._query(f"SELECT {_ENTITY}, e.document FROM entities e WHERE e.hidden = 0")
        return [_entity(row, shas[row[-1]]) for row in rows if row[-1] in shas]

    def owned_names(self) -> list[IndexedName]:
        """Every key owned by an entity not hidden."""
        shas = {number: sha256 for sha256, number in self.documents().items()}
        rows = self._query("SELECT entity, document, label, key, own, person FROM names WHERE owner = 1 AND shown = 1")
        return [IndexedName(row[0], shas[row[1]], row[2], row[3], row[4] == 1, row[5] == 1)
                for row in rows if row[1] in shas]  # fmt: skip

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._connection.close()

    # -- internals -------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """Connect, creating the tables if needed; a damaged file or one of another version is started again."""
        try:
            connection = self._connect()
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version == INDEX_VERSION:
                return connection
            tables = connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
            if version == 0 and not tables:
                self._create(connection)
                return connection
            connection.close()
        except sqlite3.DatabaseError as error:
            _refuse_unless_damaged(self.path, error)
        self._remove()
        try:
            connection = self._connect()
            self._create(connection)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: the glossary index cannot be created ({error})") from None
        return connection

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    def _create(self, connection: sqlite3.Connection) -> None:
        connection.execute("BEGIN IMMEDIATE")
        if connection.execute("PRAGMA user_version").fetchone()[0] != INDEX_VERSION:  # not created meanwhile
            for statement in filter(str.strip, _SCHEMA.split(";")):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {INDEX_VERSION}")
        connection.execute("COMMIT")
        self.created = True

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        with self._lock:
            try:
                cursor = self._connection.cursor()
                cursor.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as error:
                self._recover(error)
                cursor = self._connection.cursor()
                cursor.execute("BEGIN IMMEDIATE")
            try:
                yield cursor
            except BaseException as error:
                with contextlib.suppress(sqlite3.Error):
                    cursor.execute("ROLLBACK")
                if isinstance(error, sqlite3.DatabaseError):
                    self._recover(error)
                raise
            cursor.execute("COMMIT")

    def _query(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.DatabaseError as error:
                self._recover(error)
                return self._connection.execute(sql, parameters).fetchall()

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        """A damaged index is started again (it is derived); a busy or unwritable one is an error."""
        _refuse_unless_damaged(self.path, error)
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()
        self._remove()
        self._connection = self._connect()
        self._create(self._connection)
        self._documents = None

    def _has_any_key(self, document: int, keys: Sequence[str]) -> bool:
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            sql = f"SELECT 1 FROM names WHERE document = ? AND key IN ({marks}) LIMIT 1"
            if self._query(sql, [document, *batch]):
                return True
        return False


def _refuse_unless_damaged(path: Path, error: sqlite3.DatabaseError) -> None:
    """:class:`StoreError` if ``error`` says the index is busy or cannot be written (not that it is damaged)."""
    if isinstance(error, sqlite3.OperationalError) and any(word in str(error) for word in _NOT_DAMAGE):
        raise StoreError(f"{path}: the glossary index cannot be used ({error})") from None


#: The columns :func:`_entity` reads, first in a query on ``entities e``.
_ENTITY = "e.id, e.name, e.key, e.label, e.count, e.hidden, e.aliases, e.description, e.description_kind"


def _entity(row: Sequence[Any], sha256: str) -> IndexedEntity:
    aliases = tuple(row[6].split("\x1f")) if row[6] else ()
    return IndexedEntity(row[0], sha256, row[1], row[2], row[3], row[4], row[5] == 1, aliases, row[7], row[8])


def other_names(entity: Entity) -> list[str]:
    """The names ``entity`` is called besides its own, one per name key (not the capitals-only one if any other)."""
    chosen: dict[str, str] = {}
    for spelling in entity.aliases:
        key = key_of(spelling)
        if key and (key not in chosen or (chosen[key].isupper() and not spelling.isupper())):
            chosen[key] = spelling
    chosen.pop(key_of(entity.name), None)
    return list(chosen.values())

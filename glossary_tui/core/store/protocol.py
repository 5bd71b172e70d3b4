"""What the reader and the exports need of a glossary store: the real TinyDB one, or a test's in-memory one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.store.records import DocumentRecord, GlossaryEntry, Occurrence


class Store(Protocol):
    """Notes, documents read, reading positions and corrections."""

    def note_for(self, entity: Entity) -> str:
        """The note on ``entity``'s entry, or ``""``."""
        ...

    def save_note(self, entity: Entity, note: str) -> None:
        """Store ``note`` on ``entity``'s entry."""
        ...

    def occurrences(self, entity: Entity) -> Sequence[Occurrence]:
        """The recorded documents ``entity``'s entry occurs in, most mentions first."""
        ...

    def record_document(self, document: Document, entities: Sequence[Entity]) -> None:
        """Remember ``document`` and how often each of ``entities`` occurs in it."""
        ...

    def reading_position(self, sha256: str) -> int | None:
        """Where the reader left the document, if it was opened before."""
        ...

    def save_reading_position(self, sha256: str, offset: int) -> None:
        """Remember the reading position in a document."""
        ...

    def furthest_read(self, sha256: str) -> tuple[int, bool]:
        """How far the reader has read the document, and whether spoiler-safe mode was on (``(0, False)``: never)."""
        ...

    def save_furthest_read(self, sha256: str, offset: int, so_far: bool) -> None:
        """Remember how far the document has been read and whether spoiler-safe mode is on."""
        ...

    def entries(self) -> Sequence[GlossaryEntry]:
        """Every entry, by name."""
        ...

    def documents(self) -> Sequence[DocumentRecord]:
        """Every document opened, most recent first."""
        ...

    def corrections(self) -> list[dict[str, Any]]:
        """The reader's corrections as records, in the order made, each with its ``id``."""
        ...

    def add_correction(self, record: dict[str, Any]) -> int:
        """Keep a correction; return its id."""
        ...

    def remove_correction(self, correction_id: int) -> None:
        """Forget a correction (undo)."""
        ...

    def close(self) -> None:
        """Release whatever the store holds."""
        ...

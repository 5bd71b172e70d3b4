"""What the reader and the exports need of a glossary store: the real TinyDB one, or a test's in-memory one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.descriptions import Description
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import DocumentIdentity
from glossary_tui.core.store.records import DocumentRecord, GlossaryEntry, Occurrence


class DocumentRecorder(Protocol):
    """What recording a document's entities needs of the glossary store (see ``pipeline.record``)."""

    def record_document(
        self,
        document: Document,
        entities: Sequence[Entity],
        *,
        descriptions: Mapping[str, Description] | None = None,
        opened: bool = True,
    ) -> None:
        """Remember ``document`` and its entities (hidden ones flagged) with their ``descriptions`` (by id).

        ``opened``: read or added just now.
        """
        ...


class Store(DocumentRecorder, Protocol):
    """Notes, documents read, reading positions, corrections and "not the same" choices.

    ``within`` describes the document the entity is read in (its entities as
    grouped now), so a note lands on the entity it was written on; without it the
    entity is taken alone.
    """

    def note_for(self, entity: Entity, within: DocumentIdentity | None = None) -> str:
        """The notes on ``entity``, or ``""``."""
        ...

    def save_note(self, entity: Entity, note: str, within: DocumentIdentity | None = None) -> None:
        """Store ``note`` as the note on ``entity``."""
        ...

    def occurrences(self, entity: Entity, within: DocumentIdentity | None = None) -> Sequence[Occurrence]:
        """The entities of other recorded documents taken to be ``entity``, most mentions first."""
        ...

    def separate(self, entity: Entity, within: DocumentIdentity, sha256: str, name: str) -> bool:
        """Remember that ``entity`` is not the entity called ``name`` in document ``sha256``."""
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

    def entries(self, document: str | None = None, *, notes_only: bool = False) -> Sequence[GlossaryEntry]:
        """Every entry by name (of one document, with a note only, if asked)."""
        ...

    def documents(self) -> Sequence[DocumentRecord]:
        """Every document opened, most recent first."""
        ...

    def documents_to_refresh(self) -> Sequence[DocumentRecord]:
        """Documents whose recorded entities are missing or out of date (see ``pipeline.refresh``)."""
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

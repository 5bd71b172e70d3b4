"""Messages posted by the reader's background workers and screens to the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.pipeline import StreamProgress
from glossary_tui.core.store.records import Occurrence


@dataclass
class ExtractionProgress(Message):
    """Extraction moved on: ``progress`` holds the mentions and entities found so far."""

    progress: StreamProgress

    def can_replace(self, message: Message) -> bool:
        """A newer progress report carries everything an older one did."""
        return isinstance(message, ExtractionProgress)


@dataclass
class EntitiesRebuilt(Message):
    """The entities regrouped after a correction; ``focus`` names the entity to select, ``note`` what changed."""

    entities: Sequence[Entity]
    focus: str | None
    note: str


@dataclass
class ExtractionFailed(Message):
    """Extraction stopped with a one-line ``reason`` (a missing model, say)."""

    reason: str


@dataclass
class NoteLoaded(Message):
    """The stored note of an entity, and the entities of other documents taken to be it."""

    entity_id: str
    note: str
    occurrences: Sequence[Occurrence]


@dataclass
class StoreFailed(Message):
    """Reading or writing the notes file failed: ``reason`` says why, in one line."""

    reason: str


@dataclass
class OpenDocument(Message):
    """A screen asks the app to open the document at ``source`` in place of the current one.

    ``select``: the name of an entity to select there once it is found.
    """

    source: str
    select: str | None = None

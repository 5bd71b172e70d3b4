"""Messages posted by the reader's background workers and screens to the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message

from glossary_tui.core.entities.companions import ReadingCompanions
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.pipeline import StreamProgress


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
    """The stored note of an entity, and the other documents it occurs in (title, count)."""

    entity_id: str
    note: str
    occurrences: Sequence[tuple[str, int]]


@dataclass
class StoreFailed(Message):
    """Reading or writing the notes file failed: ``reason`` says why, in one line."""

    reason: str


@dataclass
class OpenDocument(Message):
    """A screen asks the app to open the document at ``source`` in place of the current one."""

    source: str


@dataclass
class CompanionsReady(Message):
    """Descriptions, first appearances and company are ready for the entities shown (as asked the ``asked``-th time)."""

    companions: ReadingCompanions
    asked: int


@dataclass
class SoFarEntities(Message):
    """The entities the text holds up to ``limit`` (spoiler-safe reading), regrouped as if it ended there.

    ``asked`` numbers the request: an answer to an older one is left unshown.
    """

    entities: Sequence[Entity]
    limit: int
    asked: int

"""Messages posted by the reader's background workers and screens to the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.message import Message

from glossary_tui.core.entities.companions import ReadingCompanions
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.pipeline import StreamProgress


@dataclass
class ExtractionProgress(Message):
    """Extraction moved on: ``progress`` holds the mentions and entities found so far.

    ``corrections_version`` is the version of the reader's corrections the entities were grouped under.
    """

    progress: StreamProgress
    corrections_version: int

    def can_replace(self, message: Message) -> bool:
        """A newer progress report carries everything an older one did."""
        return isinstance(message, ExtractionProgress)


@dataclass
class EntitiesRebuilt(Message):
    """``mentions`` regrouped under version ``corrections_version`` of the reader's corrections."""

    entities: Sequence[Entity]
    mentions: tuple[Mention, ...]
    corrections_version: int


@dataclass
class CorrectionsChanged(Message):
    """The stored corrections are now ``records``: ``added`` is the id of a new one (to undo), ``note`` says
    what changed and ``focus`` names the entity to select once the list shows it."""

    records: list[dict[str, Any]]
    added: int | None
    focus: str | None
    note: str


@dataclass
class NoteLoaded(Message):
    """The stored note of an entity, and the other documents it occurs in (title, count)."""

    entity_id: str
    note: str
    occurrences: Sequence[tuple[str, int]]


@dataclass
class StoreFailed(Message):
    """Writing to the glossary file failed: ``reason`` says why, in one line."""

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

"""Messages posted by the reader's background workers to the UI thread."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from glossary_tui.core.entities import Entity
from glossary_tui.core.extract import Mention


class ExtractionProgress(Message):
    """Extraction has covered ``done`` of ``total`` characters, finding ``mentions`` so far."""

    def __init__(self, done: int, total: int, mentions: Sequence[Mention], entities: Sequence[Entity]) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.mentions = mentions
        self.entities = entities

    @property
    def finished(self) -> bool:
        """True when the whole text has been extracted."""
        return self.done >= self.total

    def can_replace(self, message: Message) -> bool:
        """A newer progress report carries everything an older one did."""
        return isinstance(message, ExtractionProgress)


class EntitiesRebuilt(Message):
    """The entities regrouped after a correction; ``focus`` names the entity to select, ``note`` what changed."""

    def __init__(self, entities: Sequence[Entity], focus: str | None, note: str) -> None:
        super().__init__()
        self.entities = entities
        self.focus = focus
        self.note = note


class ExtractionFailed(Message):
    """Extraction stopped with a one-line ``reason`` (a missing model, say)."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class NoteLoaded(Message):
    """The stored note of an entity, and the other documents it occurs in."""

    def __init__(self, entity_id: str, note: str, occurrences: Sequence[tuple[str, int]]) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.note = note
        self.occurrences = occurrences


class StoreFailed(Message):
    """Reading or writing the notes file failed: ``reason`` says why, in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class OpenDocument(Message):
    """A screen asks the app to open the document at ``source`` in place of the current one."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

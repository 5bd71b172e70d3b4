"""Test doubles for the reader: an extractor that needs no model, and a store kept in memory."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from glossary_tui.core.chunking import chunk_spans
from glossary_tui.core.entities import Entity
from glossary_tui.core.extract import ExtractedChunk, Mention
from glossary_tui.core.model import ModelInfo
from glossary_tui.core.names import name_key


class FakeExtractor:
    """Finds the given names (whole words) and labels them; no spaCy involved.

    ``gate``, when given, is a semaphore acquired before each chunk, so a test
    can let a number of chunks through and look at the screen mid-way.
    """

    info = ModelInfo("fake_model", "1.0")

    def __init__(self, names: dict[str, str], gate: threading.Semaphore | None = None, chunk_size: int = 3000) -> None:
        self.names = names
        self.gate = gate
        self.chunk_size = chunk_size
        self.calls = 0
        alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        self._pattern = re.compile(rf"\b(?:{alternatives})\b")

    def extract(
        self,
        text: str,
        *,
        should_cancel: Callable[[], bool] | None = None,
        focus: Callable[[], int] | None = None,
    ) -> Iterator[ExtractedChunk]:
        """Yield one chunk per piece of the text, in text order."""
        self.calls += 1
        for start, end in chunk_spans(text, target=self.chunk_size, maximum=self.chunk_size * 4):
            while self.gate is not None and not self.gate.acquire(timeout=0.02):
                if should_cancel is not None and should_cancel():
                    return
            if should_cancel is not None and should_cancel():
                return
            mentions = tuple(
                Mention(m.start(), m.end(), m.group(), self.names[m.group()])
                for m in self._pattern.finditer(text, start, end)
            )
            yield ExtractedChunk(start, end, mentions)


@dataclass
class Occurrence:
    """Where an entry occurs: a document and a count."""

    sha256: str
    title: str
    source: str
    count: int


@dataclass
class MemoryStore:
    """The store interface the reader uses, kept in memory."""

    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    recorded: list[tuple[str, int]] = field(default_factory=list)
    saves: int = 0
    correction_records: dict[int, dict] = field(default_factory=dict)

    def note_for(self, entity: Entity) -> str:
        for name in (entity.name, *entity.aliases):
            note = self.notes.get((entity.label, name_key(name)))
            if note:
                return note
        return ""

    def save_note(self, entity: Entity, note: str) -> None:
        self.saves += 1
        self.notes[(entity.label, name_key(entity.name))] = note

    def occurrences(self, entity: Entity) -> Sequence[Occurrence]:
        return []

    def record_document(self, document, entities: Sequence[Entity]) -> None:
        self.recorded.append((document.sha256, len(entities)))

    def reading_position(self, sha256: str) -> int | None:
        return self.positions.get(sha256)

    def save_reading_position(self, sha256: str, offset: int) -> None:
        self.positions[sha256] = offset

    def corrections(self) -> list[dict]:
        return [{**record, "id": number} for number, record in sorted(self.correction_records.items())]

    def add_correction(self, record: dict) -> int:
        number = max(self.correction_records, default=0) + 1
        self.correction_records[number] = dict(record)
        return number

    def remove_correction(self, correction_id: int) -> None:
        self.correction_records.pop(correction_id, None)

    def close(self) -> None:
        pass

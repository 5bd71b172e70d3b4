"""Test doubles for the reader: an extractor that needs no model, and a store kept in memory.

Both follow the product's protocols (``Extractor``, ``Store``); mypy checks this file against them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.descriptions import Description
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import DocumentIdentity
from glossary_tui.core.entities.names import name_key
from glossary_tui.core.extraction.chunking import chunk_spans
from glossary_tui.core.extraction.mentions import ExtractedChunk, Mention
from glossary_tui.core.extraction.spacy_extractor import Extractor
from glossary_tui.core.extraction.spacy_loader import ModelInfo
from glossary_tui.core.store.protocol import Store
from glossary_tui.core.store.records import DocumentRecord, GlossaryEntry, Occurrence


class FakeExtractor:
    """Finds the given names (whole words) and labels them; no spaCy involved.

    ``gate``, when given, is a semaphore acquired before each chunk, so a test
    can let a number of chunks through and look at the screen mid-way.
    ``failure``, when given, is raised instead of chunk number ``fail_after``.
    """

    info = ModelInfo("fake_model", "1.0")
    settings = ""

    def __init__(
        self,
        names: dict[str, str],
        gate: threading.Semaphore | None = None,
        chunk_size: int = 3000,
        failure: Exception | None = None,
        fail_after: int = 0,
    ) -> None:
        self.names = names
        self.gate = gate
        self.chunk_size = chunk_size
        self.failure = failure
        self.fail_after = fail_after
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
        for number, (start, end) in enumerate(chunk_spans(text, target=self.chunk_size, maximum=self.chunk_size * 4)):
            if self.failure is not None and number == self.fail_after:
                raise self.failure
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

    def extract_many(
        self, texts: Sequence[str], *, should_cancel: Callable[[], bool] | None = None
    ) -> Iterator[tuple[int, ExtractedChunk]]:
        """Every text in turn."""
        for index, text in enumerate(texts):
            for chunk in self.extract(text, should_cancel=should_cancel):
                yield index, chunk


@dataclass
class MemoryStore:
    """The store interface the reader uses, kept in memory."""

    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    furthest: dict[str, tuple[int, bool]] = field(default_factory=dict)
    recorded: list[tuple[str, int]] = field(default_factory=list)
    saves: int = 0
    correction_records: dict[int, dict[str, Any]] = field(default_factory=dict)

    def note_for(self, entity: Entity, within: DocumentIdentity | None = None) -> str:
        for name in (entity.name, *entity.aliases):
            note = self.notes.get((entity.label, name_key(name)))
            if note:
                return note
        return ""

    def save_note(self, entity: Entity, note: str, within: DocumentIdentity | None = None) -> None:
        self.saves += 1
        self.notes[(entity.label, name_key(entity.name))] = note

    def occurrences(self, entity: Entity, within: DocumentIdentity | None = None) -> Sequence[Occurrence]:
        return []

    def separate(self, entity: Entity, within: DocumentIdentity, sha256: str, name: str) -> bool:
        return False

    def record_document(
        self,
        document: Document,
        entities: Sequence[Entity],
        *,
        descriptions: Mapping[str, Description] | None = None,
        opened: bool = True,
    ) -> None:
        self.recorded.append((document.sha256, sum(not entity.hidden for entity in entities)))

    def reading_position(self, sha256: str) -> int | None:
        return self.positions.get(sha256)

    def save_reading_position(self, sha256: str, offset: int) -> None:
        self.positions[sha256] = offset

    def furthest_read(self, sha256: str) -> tuple[int, bool]:
        return self.furthest.get(sha256, (0, False))

    def save_furthest_read(self, sha256: str, offset: int, so_far: bool) -> None:
        self.furthest[sha256] = (offset, so_far)

    def entries(self, document: str | None = None, *, notes_only: bool = False) -> Sequence[GlossaryEntry]:
        return []

    def documents(self) -> Sequence[DocumentRecord]:
        return []

    def documents_to_refresh(self) -> Sequence[DocumentRecord]:
        return []

    def corrections(self) -> list[dict[str, Any]]:
        return [{**record, "id": number} for number, record in sorted(self.correction_records.items())]

    def add_correction(self, record: dict[str, Any]) -> int:
        number = max(self.correction_records, default=0) + 1
        self.correction_records[number] = dict(record)
        return number

    def remove_correction(self, correction_id: int) -> None:
        self.correction_records.pop(correction_id, None)

    def close(self) -> None:
        pass


@dataclass
class FailingStore(MemoryStore):
    """A :class:`MemoryStore` whose methods named in ``failures`` raise the exception given there."""

    failures: dict[str, Exception] = field(default_factory=dict)

    def __getattribute__(self, name: str) -> Any:
        failures = object.__getattribute__(self, "failures")
        if name in failures:
            failure = failures[name]

            def fail(*args: Any, **kwargs: Any) -> Any:
                raise failure

            return fail
        return object.__getattribute__(self, name)


def _conforms(extractor: FakeExtractor, store: MemoryStore, failing: FailingStore) -> tuple[Extractor, Store, Store]:
    """Never called: mypy checks here that the fakes follow the product's protocols."""
    return extractor, store, failing

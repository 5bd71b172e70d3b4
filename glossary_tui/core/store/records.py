"""What the store gives back: glossary entries, where they occur, and the documents read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Occurrence:
    """An entry's mentions in one document."""

    sha256: str
    title: str
    source: str
    count: int


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary entry, across every document."""

    key: str
    name: str
    label: str
    aliases: tuple[str, ...]
    note: str
    created: str
    updated: str
    documents: tuple[Occurrence, ...]


@dataclass(frozen=True)
class DocumentRecord:
    """A document the reader has opened."""

    sha256: str
    source: str
    title: str
    last_opened: str
    position: int

"""What extraction finds: mentions of named entities, and the finished pieces of text they come in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One occurrence of a named entity: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class ExtractedChunk:
    """The mentions found in ``text[start:end]``, one finished piece of the work."""

    start: int
    end: int
    mentions: tuple[Mention, ...]

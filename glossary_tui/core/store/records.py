"""What the store gives back: glossary entries, where they occur, and the documents read.

Plain records with slots: a library's glossary makes 100,000s of them, and a
frozen dataclass takes five times as long to build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Occurrence:
    """An entity's mentions in one document: what it is called there, and why it is taken to be the same."""

    sha256: str
    title: str
    source: str
    count: int
    #: The entity's name in that document.
    name: str = ""
    #: Why an entity of another document is this one (see :func:`~glossary_tui.core.entities.identity.link_evidence`).
    why: str = ""


@dataclass(slots=True)
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
    #: What the text says the entry is (``""``: nothing found), and the rule that found it: ``"appositive"``,
    #: ``"copula"``, ``"role"``, or ``"sentence"`` (the sentence of a mention, quoted when shown).
    description: str = ""
    description_kind: str = ""


@dataclass(frozen=True)
class DocumentRecord:
    """A document the reader has opened."""

    sha256: str
    source: str
    title: str
    last_opened: str
    position: int

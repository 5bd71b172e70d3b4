"""An entity: mentions grouped under one name and label."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from glossary_tui.core.entities.names import name_key
from glossary_tui.core.extraction.mentions import Mention


@dataclass(frozen=True)
class Entity:
    """A named thing in a document: its canonical ``name``, ``label`` and every mention (in text order)."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    #: The reader marked it as not an entity (a false positive); lists leave it out unless asked.
    hidden: bool = False

    @property
    def count(self) -> int:
        """How many times the entity is mentioned."""
        return len(self.mentions)

    def is_called(self, name: str) -> bool:
        """True if ``name`` is this entity's name or one of its aliases (compared by name key)."""
        key = name_key(name)
        return any(name_key(own) == key for own in (self.name, *self.aliases))

    @property
    def first_offset(self) -> int:
        """Where the entity is first mentioned."""
        return self.mentions[0].start


def entity_id(name: str, label: str) -> str:
    """A short id, stable for the same name and label across runs and machines."""
    return hashlib.sha1(f"{label}\x1f{name}".encode()).hexdigest()[:12]

"""Entities: mentions grouped under one name and label.

:func:`build_entities` is what the reader and the CLI use: alias merging
(:mod:`glossary_tui.core.aliases`). :func:`group_mentions`, grouping by exact
surface form (after trimming a leading "the" and a possessive "'s"), is the
baseline it is measured against.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from glossary_tui.core.aliases import canonical_name, display_name, merge_aliases
from glossary_tui.core.extract import Mention
from glossary_tui.core.names import name_key

if TYPE_CHECKING:
    from glossary_tui.core.corrections import Correction

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


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


def surface_name(text: str) -> str:
    """A mention's text without a leading "the", a possessive ending or extra spaces."""
    name = " ".join(text.split())
    name = _LEADING_THE.sub("", name)
    if len(name) > 2 and name[-2:].lower() in ("'s", "’s"):
        name = name[:-2]
    elif name.endswith(("s'", "s’")):
        name = name[:-1]
    return name or " ".join(text.split())


def group_mentions(mentions: Iterable[Mention]) -> list[Entity]:
    """Group mentions by (label, surface name); entities ordered by first mention."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in sorted(mentions):
        groups[(mention.label, surface_name(mention.text))].append(mention)
    entities = [_entity(name, label, members) for (label, name), members in groups.items()]
    entities.sort(key=lambda entity: entity.first_offset)
    return entities


def _entity(name: str, label: str, mentions: list[Mention]) -> Entity:
    spellings = Counter(" ".join(mention.text.split()) for mention in mentions)
    aliases = tuple(sorted(spelling for spelling in spellings if spelling != name))
    return Entity(entity_id(name, label), name, label, aliases, tuple(mentions))


def build_entities(mentions: Iterable[Mention], text: str = "", corrections: Sequence[Correction] = ()) -> list[Entity]:
    """Group mentions into entities by alias merging, then apply the reader's ``corrections``.

    ``text`` is the document the mentions index: it lets titles before a name
    count, and is where phrases the reader added are found. Entities come in
    order of first mention.
    """
    from glossary_tui.core.corrections import (  # they build on Entity
        add_phrase_mentions,
        apply_corrections,
    )

    if corrections:
        mentions = add_phrase_mentions(list(mentions), text, corrections)
    entities = []
    for group in merge_aliases(mentions, text):
        name = canonical_name(group.mentions, group.label)
        spellings = {display_name(mention.text, group.label) for mention in group.mentions}
        spellings |= {" ".join(mention.text.split()) for mention in group.mentions if mention.label == "PERSON"}
        aliases = tuple(sorted(spelling for spelling in spellings if spelling != name and spelling))
        entities.append(Entity(entity_id(name, group.label), name, group.label, aliases, tuple(group.mentions)))
    if corrections:
        entities = apply_corrections(entities, corrections)
    return _unique_ids(entities)


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Two entities may share a canonical name (an ambiguous name left apart): number the later ones."""
    seen: set[str] = set()
    unique = []
    for entity in entities:
        identifier, number = entity.id, 2
        while identifier in seen:
            identifier = f"{entity.id}-{number}"
            number += 1
        seen.add(identifier)
        unique.append(entity if identifier == entity.id else replace(entity, id=identifier))
    return unique

"""Finding, ordering and scoping entities the way the entity list shows them."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from enum import Enum

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.names import fold
from glossary_tui.core.extraction.mentions import Mention


class SortOrder(Enum):
    """How the entity list orders entities within a label."""

    COUNT = "by count"
    FIRST = "by first appearance"
    NAME = "A–Z"

    def next(self) -> SortOrder:
        """The order after this one, wrapping round."""
        orders = list(SortOrder)
        return orders[(orders.index(self) + 1) % len(orders)]


def match_score(query: str, entity: Entity, folded_names: tuple[str, ...] | None = None) -> int:
    """How well ``query`` matches the entity's name or an alias; 0 means no match.

    Case, accents and quotes are ignored. A name starting with the query scores
    highest, then a word starting with it, then any substring, then the query's
    letters appearing in order (a subsequence, so "slav" finds "Sergey Lavrov").
    ``folded_names`` (from :func:`searchable_names`) saves folding the names again.
    """
    folded = fold(query)
    if not folded:
        return 1
    names = folded_names if folded_names is not None else searchable_names(entity)
    return max(_score(folded, name) for name in names)


def searchable_names(entity: Entity) -> tuple[str, ...]:
    """The entity's name and aliases, folded for matching."""
    return tuple(fold(name) for name in (entity.name, *entity.aliases))


def _score(query: str, name: str) -> int:
    if name.startswith(query):
        return 4
    position = name.find(query)
    if position > 0:
        return 3 if not name[position - 1].isalnum() else 2
    characters = iter(name.replace(" ", ""))
    return 1 if all(char in characters for char in query.replace(" ", "")) else 0


def sort_entities(entities: Iterable[Entity], order: SortOrder) -> list[Entity]:
    """``entities`` in ``order`` (ties broken by first appearance)."""
    if order is SortOrder.COUNT:
        return sorted(entities, key=lambda e: (-e.count, e.first_offset))
    if order is SortOrder.NAME:
        return sorted(entities, key=lambda e: (fold(e.name), e.first_offset))
    return sorted(entities, key=lambda e: e.first_offset)


def mentioned_between(entity: Entity, start: int, end: int) -> bool:
    """True if a mention of ``entity`` (mentions are in text order) starts in ``[start, end)``."""
    mentions = entity.mentions
    index = bisect.bisect_left(mentions, start, key=_start)
    return index < len(mentions) and mentions[index].start < end


def _start(mention: Mention) -> int:
    return mention.start

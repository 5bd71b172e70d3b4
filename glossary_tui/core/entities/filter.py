"""Finding, ordering and scoping entities the way the entity list shows them."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from enum import Enum, IntEnum

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


class Match(IntEnum):
    """How a query matches a name, best last."""

    NONE = 0
    #: The query's letters appear in order, spread out ("slav" in "Sergey Lavrov").
    SCATTERED = 1
    #: The query appears inside a word ("avlo" in "Pavlovna").
    INSIDE = 2
    #: The name, or a word of it, starts with the query (an exact name included).
    START = 3


#: Matches listed for a filter at most, best first.
MATCH_LIMIT = 200


def rank_matches(
    query: str,
    entities: Iterable[Entity],
    names: Callable[[Entity], tuple[str, ...]] | None = None,
    limit: int = MATCH_LIMIT,
) -> list[Entity]:
    """The entities whose name or an alias matches ``query``, best first, at most ``limit``.

    Case, accents and quotes are ignored. Names starting with the query, or
    with a word starting with it, come first (an exact name among them), then
    names holding it inside a word; within each, the most mentioned first.
    Names holding only the query's letters in order (a subsequence, so "pvlvn"
    finds "Anna Pavlovna") are listed only when nothing matches better.
    ``names`` gives an entity's folded names (:func:`searchable_names` by default,
    a cache of it to save folding them again).
    """
    folded = fold(query)
    names_of = names or searchable_names
    scored = [(_best_match(folded, names_of(entity)) if folded else Match.START, entity) for entity in entities]
    best = max((tier for tier, _ in scored), default=Match.NONE)
    wanted = {Match.START, Match.INSIDE} if best >= Match.INSIDE else {Match.SCATTERED}
    found = [(tier, entity) for tier, entity in scored if tier in wanted]
    found.sort(key=lambda pair: (-pair[0], -pair[1].count, folded not in names_of(pair[1]), pair[1].first_offset))
    return [entity for _, entity in found[:limit]]


def searchable_names(entity: Entity) -> tuple[str, ...]:
    """The entity's name and aliases, folded for matching."""
    return tuple(fold(name) for name in (entity.name, *entity.aliases))


def _best_match(query: str, names: Iterable[str]) -> Match:
    return max((_match(query, name) for name in names), default=Match.NONE)


def _match(query: str, name: str) -> Match:
    position = name.find(query)
    while position > 0 and name[position - 1].isalnum():
        position = name.find(query, position + 1)
    if position >= 0:
        return Match.START
    if query in name:
        return Match.INSIDE
    characters = iter(name.replace(" ", ""))
    return Match.SCATTERED if all(char in characters for char in query.replace(" ", "")) else Match.NONE


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

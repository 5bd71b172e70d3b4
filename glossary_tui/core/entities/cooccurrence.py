"""Who appears with whom: the entities mentioned in the same paragraphs as another, and how often.

Paragraphs are the ones extraction cuts the text at
(:func:`~glossary_tui.core.extraction.chunking.paragraph_breaks`). Two
entities appear together once for every paragraph that mentions both, however
many times each is named in it. Dates, times and numbers are left out: that
someone "appears with" "the next day" tells a reader nothing.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.chunking import paragraph_breaks
from glossary_tui.core.extraction.spacy_extractor import NUMERIC_LABELS

#: Labels that never count as company.
UNSOCIABLE_LABELS = frozenset({"DATE", "TIME"}) | NUMERIC_LABELS
#: Companions given per entity, most frequent first.
COMPANIONS_SHOWN = 10


@dataclass(frozen=True, slots=True)
class Companion:
    """Another entity, and the number of paragraphs mentioning both."""

    entity_id: str
    count: int


def paragraph_starts(text: str) -> list[int]:
    """The offset where each paragraph of ``text`` starts (the first is 0)."""
    return [0, *(match.end() for match in paragraph_breaks(text).finditer(text) if match.end() < len(text))]


class Cooccurrence:
    """Paragraph co-occurrence among ``entities`` of ``text``, worked out once and asked per entity."""

    def __init__(self, entities: Sequence[Entity], text: str) -> None:
        starts = paragraph_starts(text)
        #: Entity id -> the paragraphs mentioning it, in text order.
        self._paragraphs: dict[str, list[int]] = {}
        #: Paragraph -> the entities it mentions.
        self._members: dict[int, list[str]] = {}
        sociable = [entity for entity in entities if entity.label not in UNSOCIABLE_LABELS]
        for entity in sociable:
            paragraphs = sorted({bisect.bisect_right(starts, mention.start) - 1 for mention in entity.mentions})
            self._paragraphs[entity.id] = paragraphs
            for paragraph in paragraphs:
                self._members.setdefault(paragraph, []).append(entity.id)
        ranked = sorted(sociable, key=lambda entity: (-entity.count, entity.first_offset if entity.mentions else 0))
        #: Ties go to the more mentioned entity, then the one met first.
        self._rank = {entity.id: rank for rank, entity in enumerate(ranked)}

    def companions(self, entity_id: str, limit: int | None = COMPANIONS_SHOWN) -> list[Companion]:
        """The entities most often in a paragraph with ``entity_id``, with how often; ``limit=None`` gives all."""
        counts: Counter[str] = Counter()
        for paragraph in self._paragraphs.get(entity_id, ()):
            counts.update(self._members[paragraph])
        counts.pop(entity_id, None)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self._rank[item[0]]))
        return [Companion(other, count) for other, count in ranked[:limit]]

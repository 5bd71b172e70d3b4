"""What the detail panel tells about an entity besides its mentions: who it is, where it first appears, with whom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossary_tui.core.documents.chapters import describe_location
from glossary_tui.core.documents.readers.reading import Chapter
from glossary_tui.core.entities.cooccurrence import COMPANIONS_SHOWN, Cooccurrence
from glossary_tui.core.entities.descriptions import Describer, Description
from glossary_tui.core.entities.entity import Entity


@dataclass(frozen=True)
class AboutEntity:
    """An entity's description, the chapter of its first mention, and its most frequent companions."""

    description: Description | None
    first_in: str | None
    appears_with: tuple[tuple[Entity, int], ...]


class ReadingCompanions:
    """Descriptions, first appearances and company for one set of entities of ``text``.

    Building it indexes paragraphs (a tenth of a second on War and Peace, so
    build it off the UI thread); :meth:`about` is then quick, and remembers
    each description it works out.
    """

    def __init__(self, entities: Sequence[Entity], text: str, chapters: Sequence[Chapter] = ()) -> None:
        self.entities = tuple(entities)
        self.chapters = tuple(chapters)
        self._by_id = {entity.id: entity for entity in self.entities}
        self._describer = Describer(text, (mention for entity in self.entities for mention in entity.mentions))
        self._together = Cooccurrence(self.entities, text)
        self._descriptions: dict[str, Description | None] = {}

    def knows(self, entity: Entity) -> bool:
        """True if ``entity`` is one of the entities this was built with (the same grouping, not an older one)."""
        return self._by_id.get(entity.id) is entity

    def about(self, entity: Entity, companions: int = COMPANIONS_SHOWN) -> AboutEntity:
        """What there is to tell about ``entity`` (one of the entities this was built with)."""
        if entity.id not in self._descriptions:
            self._descriptions[entity.id] = self._describer.describe(entity)
        first_in = describe_location(self.chapters, entity.first_offset) if entity.mentions else None
        together = tuple(
            (self._by_id[companion.entity_id], companion.count)
            for companion in self._together.companions(entity.id, companions)
        )
        return AboutEntity(self._descriptions[entity.id], first_in, together)

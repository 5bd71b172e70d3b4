"""Command palette providers: "go to entity"."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from glossary_tui.core.entities import Entity

if TYPE_CHECKING:
    from glossary_tui.ui.screens.reader import ReaderScreen

#: Entities offered before the reader types anything: the most mentioned.
DISCOVERY_LIMIT = 20


def entity_prompt(entity: Entity) -> Content:
    """How an entity reads in the palette; names are plain text, never markup."""
    return Content.assemble(entity.name, (f"  {entity.label} · {entity.count}", "dim"))


class EntityCommands(Provider):
    """Go to any entity of the open document by (fuzzy) name or alias."""

    def _reader(self) -> ReaderScreen | None:
        from glossary_tui.ui.screens.reader import ReaderScreen

        return self.screen if isinstance(self.screen, ReaderScreen) else None

    async def discover(self) -> Hits:
        """The most mentioned entities."""
        reader = self._reader()
        if reader is None:
            return
        for entity in sorted(reader.entities, key=lambda e: -e.count)[:DISCOVERY_LIMIT]:
            yield DiscoveryHit(entity_prompt(entity), partial(reader.go_to_entity, entity.id), entity.name)

    async def search(self, query: str) -> Hits:
        """Entities whose name or an alias matches ``query``."""
        reader = self._reader()
        if reader is None:
            return
        matcher = self.matcher(query)
        for entity in reader.entities:
            score = max(matcher.match(name) for name in (entity.name, *entity.aliases))
            if score > 0:
                yield Hit(score, entity_prompt(entity), partial(reader.go_to_entity, entity.id), entity.name,
                          f"go to {entity.label.lower()} · {entity.count} mentions")

"""Command palette providers: "go to entity"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from glossary_tui.core.entities.entity import Entity
from glossary_tui.ui.plural import counted

if TYPE_CHECKING:
    from glossary_tui.ui.screens.reader import ReaderScreen

#: Entities offered before the reader types anything: the most mentioned.
DISCOVERY_LIMIT = 20


def entity_prompt(entity: Entity) -> Content:
    """How an entity reads in the palette; names are plain text, never markup."""
    return Content.assemble(entity.name, (f"  {entity.label} · {counted(entity.count, 'mention')}", "dim"))


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
                yield Hit(
                    score,
                    entity_prompt(entity),
                    partial(reader.go_to_entity, entity.id),
                    entity.name,
                    f"go to {entity.label.lower()} · {counted(entity.count, 'mention')}",
                )


class GlossaryCommands(Provider):
    """The glossary across documents: open it, export it."""

    async def search(self, query: str) -> Hits:
        """Glossary commands matching ``query``."""
        matcher = self.matcher(query)
        for text, help_text, command in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), command, text, help_text)

    async def discover(self) -> Hits:
        """Every glossary command."""
        for text, help_text, command in self._commands():
            yield DiscoveryHit(text, command, text, help_text)

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from glossary_tui.ui.screens.reader import ReaderScreen

        reader = self.screen if isinstance(self.screen, ReaderScreen) else None
        if reader is None:
            return []
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Glossary: every entry across documents", "g", reader.action_glossary)
        ]
        for export_format, name in (("md", "Markdown"), ("json", "JSON (re-importable)"), ("csv", "CSV")):
            commands.append((f"Export the glossary as {name}", "every document; asks where (beside this one)",
                             partial(reader.export_glossary, export_format)))  # fmt: skip
        commands.append(("Export this document's glossary as Markdown", "asks where (beside this one)",
                         partial(reader.export_glossary, "md", this_document=True)))  # fmt: skip
        return commands

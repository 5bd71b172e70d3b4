"""Command palette provider: the reading companions (contents, find in the text, spoiler-safe reading)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from glossary_tui.ui.screens.reader import ReaderScreen


class ReadingCommands(Provider):
    """Table of contents, find in the text, spoiler-safe reading: with the key that does each."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from glossary_tui.ui.screens.reader import ReaderScreen

        reader: ReaderScreen | None = self.screen if isinstance(self.screen, ReaderScreen) else None
        if reader is None:
            return []
        spoiler = "Spoiler-safe reading: off (show the whole text)" if reader.so_far else "Spoiler-safe reading: on"
        return [
            ("Table of contents", "c · jump to a chapter", reader.action_contents),
            ("Find in the text", "f · enter, n / N walk the matches", reader.action_find),
            (spoiler, "z · only what the text holds up to where you have read", reader.action_toggle_so_far),
            ("Count the text up to here as read", "Z · after a jump ahead", reader.action_read_up_to_here),
        ]

    async def discover(self) -> Hits:
        """Every reading command."""
        for text, help_text, command in self._commands():
            yield DiscoveryHit(Content(text), command, text, help_text)

    async def search(self, query: str) -> Hits:
        """Reading commands matching ``query``."""
        matcher = self.matcher(query)
        for text, help_text, command in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text, help_text)

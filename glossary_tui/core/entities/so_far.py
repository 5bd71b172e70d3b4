"""Spoiler-safe reading: a document's entities as the text up to a point holds them.

Everything is worked out again from the mentions before the point and the
text before it (grouping, names, aliases, counts, and what the reader's
corrections add), so nothing from further on can show: not a later mention,
not a full name only revealed later, not a phrase the reader added that
first occurs there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossary_tui.core.entities.corrections import Correction
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.mentions import Mention

_LIMIT = re.compile(r"\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<percent>%?)\s*")


def parse_limit(spec: str, length: int) -> int:
    """The offset ``spec`` means in a text of ``length`` characters: ``"25%"`` or a character offset.

    Raises :class:`GlossaryError` with a one-line message for anything else
    or a percentage above 100; an offset past the end means the whole text.
    """
    match = _LIMIT.fullmatch(spec)
    if match is None:
        raise GlossaryError(f"--until {spec!r}: give a percentage (25%) or a character offset (12000)")
    number = float(match.group("number"))
    if match.group("percent"):
        if number > 100:
            raise GlossaryError(f"--until {spec!r}: a percentage is at most 100%")
        return round(length * number / 100)
    if "." in match.group("number"):
        raise GlossaryError(f"--until {spec!r}: a character offset is a whole number")
    return min(int(number), length)


def mentions_until(mentions: Sequence[Mention], limit: int) -> list[Mention]:
    """The mentions that end at or before ``limit``."""
    return [mention for mention in mentions if mention.end <= limit]


def entities_until(
    text: str, mentions: Sequence[Mention], corrections: Sequence[Correction], limit: int
) -> list[Entity]:
    """The entities ``text[:limit]`` holds: the mentions before ``limit`` grouped as if the text ended there."""
    return build_entities(mentions_until(mentions, limit), text[:limit], corrections)

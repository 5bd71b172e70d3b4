"""``glossary-tui export [--format md|json|csv] [-o PATH] [--split DIR]``: the glossary, out of the store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from glossary_tui.cli.options import add_store_option
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.store.exchange import (
    FORMATS,
    export_markdown_files,
    export_text,
)
from glossary_tui.core.store.glossary_store import open_store


def parser() -> argparse.ArgumentParser:
    """The ``export`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui export",
        description="Export the glossary: Markdown (a section per entry), JSON (everything; re-import "
        "with glossary-tui import) or CSV. --split DIR writes one Markdown file per entry with YAML "
        "front matter (aliases), ready for an Obsidian vault.",
    )
    parser.add_argument("--format", choices=FORMATS, default="md")
    parser.add_argument("-o", "--output", metavar="PATH", help="file to write (default: standard output)")
    parser.add_argument("--split", metavar="DIR", help="one Markdown file per entry in DIR")
    add_store_option(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Write the export; return 0."""
    args = parser().parse_args(argv)
    store = open_store(args.db)
    entries = store.entries()
    if args.split:
        written = export_markdown_files(entries, Path(args.split))
        print(f"wrote {len(written)} entries to {args.split}", file=sys.stderr)
        return 0
    text = export_text(store, args.format)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise GlossaryError(f"{args.output}: cannot write ({error.strerror})") from None
        print(f"wrote {len(entries)} entries to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0

"""``glossary-tui export [--format md|json|csv] [-o PATH] [--split DIR] [--notes-only] [--document FILE]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from glossary_tui.cli.options import add_store_option
from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.corrections import corrections_from_records
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.pipeline import open_extractor, refresh
from glossary_tui.core.store.exchange import FORMATS, export_markdown_files, export_text
from glossary_tui.core.store.glossary_store import GlossaryStore, open_store


def parser() -> argparse.ArgumentParser:
    """The ``export`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui export",
        description="Export the glossary: Markdown (a section per entry), JSON (everything; re-import "
        "with glossary-tui import) or CSV. --split DIR writes one Markdown file per entry with YAML "
        "front matter (aliases), ready for an Obsidian vault. Entities you hid are never exported.",
    )
    parser.add_argument("--format", choices=FORMATS, default="md")
    parser.add_argument("-o", "--output", metavar="PATH", help="file to write (default: standard output)")
    parser.add_argument("--split", metavar="DIR", help="one Markdown file per entry in DIR")
    parser.add_argument("--notes-only", action="store_true", help="only the entries with a note")
    parser.add_argument("--document", metavar="FILE", help="only the entries of this document (read before)")
    add_store_option(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Write the export; return 0."""
    args = parser().parse_args(argv)
    store = open_store(args.db)
    document = _document_sha256(store, args.document) if args.document else None
    _bring_up_to_date(store)
    if args.split:
        entries = store.entries(document, notes_only=args.notes_only)
        written = export_markdown_files(entries, Path(args.split))
        print(f"wrote {len(written)} entries to {args.split}", file=sys.stderr)
        return 0
    text = export_text(store, args.format, document=document, notes_only=args.notes_only)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise GlossaryError(f"{args.output}: cannot write ({error.strerror})") from None
        print(f"wrote the glossary to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _document_sha256(store: GlossaryStore, name: str) -> str:
    """The document ``name`` as the glossary knows it; a one-line error if it was never read."""
    sha256 = read_document(name).sha256
    if all(record.sha256 != sha256 for record in store.documents()):
        raise GlossaryError(f"{name}: not in the glossary yet (open it in the reader or `glossary-tui add` it)")
    return sha256


def _bring_up_to_date(store: GlossaryStore) -> None:
    """Record again, from the extraction cache, the documents a correction changed or the index lacks."""
    stale = store.documents_to_refresh()
    if not stale:
        return
    try:
        done = refresh(store, open_extractor(), stale, corrections_from_records(store.corrections()))
    except GlossaryError as error:
        print(f"glossary-tui: {len(stale)} documents not brought up to date: {error}", file=sys.stderr)
        return
    print(f"brought {done} of {len(stale)} documents up to date with your corrections", file=sys.stderr)

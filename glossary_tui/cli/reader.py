"""``glossary-tui [FILE]``: open the reader on a document (the bundled sample by default)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from glossary_tui.core.document import read_document
from glossary_tui.core.extract import SpacyExtractor
from glossary_tui.core.sample import sample_path


def parser() -> argparse.ArgumentParser:
    """The reader's argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui",
        description="Read a document with a living glossary of its people, places and things. "
        "Subcommands: extract (headless entity extraction; see glossary-tui extract --help).",
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="document to read (default: the sample)")
    parser.add_argument("--model", metavar="M", help="spaCy pipeline name or path")
    return parser


def run(argv: Sequence[str]) -> int:
    """Open the reader; return the exit status."""
    args = parser().parse_args(argv)
    document = read_document(args.file or sample_path())
    extractor = SpacyExtractor(args.model)
    from glossary_tui.ui.app import GlossaryApp

    GlossaryApp(document, extractor).run()
    return 0

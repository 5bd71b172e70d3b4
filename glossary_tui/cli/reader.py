"""``glossary-tui [FILE]``: open the reader on a document (the bundled sample by default)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from glossary_tui.core.cache import CachedExtractor, ExtractionCache, default_cache_directory
from glossary_tui.core.document import read_document
from glossary_tui.core.extract import SpacyExtractor
from glossary_tui.core.sample import sample_path
from glossary_tui.core.store import open_store


def parser() -> argparse.ArgumentParser:
    """The reader's argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui",
        description="Read a document with a living glossary of its people, places and things. "
        "Subcommands: extract, add, export, import, doctor (see glossary-tui SUBCOMMAND --help).",
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="document to read (default: the sample)")
    parser.add_argument("--model", metavar="M", help="spaCy pipeline name or path")
    parser.add_argument("--db", metavar="PATH", help="glossary file (default: the user's data directory)")
    return parser


def run(argv: Sequence[str]) -> int:
    """Open the reader; return the exit status.

    Everything that can fail with a one-line message (the document, the model,
    the notes file) is checked before the screen is taken over.
    """
    args = parser().parse_args(argv)
    document = read_document(args.file or sample_path())
    spacy_extractor = SpacyExtractor(args.model)
    spacy_extractor.info  # a missing or broken model is reported now, in one line
    extractor = CachedExtractor(spacy_extractor, ExtractionCache(default_cache_directory()))
    store = open_store(args.db)
    from glossary_tui.ui.app import GlossaryApp

    try:
        GlossaryApp(document, extractor, store).run()
    finally:
        store.close()
    return 0

"""``glossary-tui [FILE]``: open the reader on a document (the bundled sample by default)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from glossary_tui import __version__
from glossary_tui.cli.options import add_model_option, add_store_option
from glossary_tui.cli.subcommands import summary
from glossary_tui.core.documents.document import read_document
from glossary_tui.core.documents.library import readable_files
from glossary_tui.core.documents.sample import sample_path
from glossary_tui.core.errors import DocumentError
from glossary_tui.core.pipeline import open_extractor
from glossary_tui.core.store.glossary_store import open_store


def parser() -> argparse.ArgumentParser:
    """The reader's argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui",
        description="Read a document with a living glossary of its people, places and things.",
        epilog=summary(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"glossary-tui {__version__}")
    parser.add_argument(
        "file",
        metavar="FILE|DIR",
        nargs="?",
        help="document to read, or a folder to pick one from (default: the sample)",
    )
    add_model_option(parser)
    add_store_option(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Open the reader; return the exit status.

    Everything that can fail with a one-line message (the document, the model,
    the notes file) is checked before the screen is taken over.
    """
    args = parser().parse_args(argv)
    source = Path(args.file) if args.file else sample_path()
    document, library = None, None
    if args.file and args.file != "-" and source.is_dir():
        files = readable_files(source)
        if not files:
            raise DocumentError(f"{source}: no readable document in this folder")
        library = (source, files)
    else:
        document = read_document(args.file or source)
        if args.file == "-":
            _keyboard_from_terminal()
    extractor = open_extractor(args.model)
    _ = extractor.info  # a missing or broken model is reported now, in one line
    store = open_store(args.db)
    from glossary_tui.ui.app import GlossaryApp

    try:
        GlossaryApp(document, extractor, store, library).run()
    finally:
        store.close()
    # The process is ending: the interpreter's last garbage collection, over a loaded pipeline and a
    # book, kept it alive for a second after the screen was gone (bench_reader.py, point 7).
    gc.freeze()
    return 0


def _keyboard_from_terminal() -> None:
    """The document came through standard input: read keys from the terminal instead."""
    if sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise DocumentError("the document came on standard input and no terminal is left for the keyboard") from None
    os.dup2(terminal, sys.stdin.fileno())
    os.close(terminal)

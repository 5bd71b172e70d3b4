"""``glossary-tui extract``: print a document's entities and mentions as JSON or TSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from glossary_tui.cli.options import add_model_option, add_store_option
from glossary_tui.cli.progress import ProgressLine
from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.corrections import Correction, corrections_from_records
from glossary_tui.core.entities.extraction_report import extraction_json, extraction_tsv
from glossary_tui.core.entities.so_far import entities_until, parse_limit
from glossary_tui.core.pipeline import extract_batch, open_extractor
from glossary_tui.core.store.glossary_store import default_store_path, open_store


def parser() -> argparse.ArgumentParser:
    """The ``extract`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui extract",
        description="Print the named entities of a document, with every mention's offsets.",
    )
    parser.add_argument("file", metavar="FILE", help="a text file, or - for standard input")
    parser.add_argument("--format", choices=("json", "tsv"), default="json", help="output format")
    add_model_option(parser)
    parser.add_argument("--all-labels", action="store_true", help="keep numeric labels (CARDINAL, MONEY, ...) too")
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not fill the extraction cache")
    add_store_option(parser, help="glossary whose reader corrections apply (default: the user's)")
    parser.add_argument("--no-corrections", action="store_true", help="ignore the reader's corrections")
    parser.add_argument(
        "--until",
        metavar="PERCENT|OFFSET",
        help="only what the text up to there holds, e.g. 25%% or a character offset (spoiler-safe)",
    )
    return parser


def run(argv: Sequence[str]) -> int:
    """Extract and print; return the exit status."""
    args = parser().parse_args(argv)
    document = read_document(args.file)
    until = parse_limit(args.until, len(document.text)) if args.until is not None else None
    corrections = [] if args.no_corrections else stored_corrections(args.db)
    extractor = open_extractor(args.model, all_labels=args.all_labels, use_cache=not args.no_cache)
    progress = ProgressLine("extracting")
    try:
        result = next(extract_batch([document], extractor, corrections, on_progress=progress.update))
    finally:
        progress.close()
    entities = result.shown
    if until is not None:
        entities = [e for e in entities_until(document.text, result.mentions, corrections, until) if not e.hidden]
    if args.format == "tsv":
        sys.stdout.write(extraction_tsv(entities))
    else:
        sys.stdout.write(extraction_json(document, extractor.info, entities, until) + "\n")
    sys.stdout.flush()
    return 0


def stored_corrections(db: str | None) -> list[Correction]:
    """The reader's corrections from the glossary, if there is one (extract never creates it)."""
    path = Path(db) if db else default_store_path()
    if not path.exists():
        return []
    return corrections_from_records(open_store(path).corrections())

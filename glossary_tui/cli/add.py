"""``glossary-tui add FILE|DIR ...``: extract many documents in one run into the cache and the glossary."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from glossary_tui.cli.options import add_model_option, add_store_option
from glossary_tui.cli.progress import ProgressLine
from glossary_tui.core.documents.document import Document, read_document
from glossary_tui.core.documents.library import readable_files
from glossary_tui.core.entities.corrections import corrections_from_records
from glossary_tui.core.errors import DocumentError
from glossary_tui.core.pipeline import extract_batch, open_extractor, record
from glossary_tui.core.store.glossary_store import open_store


def parser() -> argparse.ArgumentParser:
    """The ``add`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui add",
        description="Extract documents (files, or readable files inside directories) into the "
        "extraction cache and the glossary, with one model load and every CPU. Documents already "
        "cached are skipped, so an interrupted run resumes.",
    )
    parser.add_argument("paths", metavar="FILE|DIR", nargs="+")
    add_model_option(parser)
    add_store_option(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Add the documents; return 0, or 1 if some could not be read."""
    args = parser().parse_args(argv)
    documents, failures = _read_all(_files(args.paths))
    if not documents:
        raise DocumentError("no readable document among the paths given")
    store = open_store(args.db)
    extractor = open_extractor(args.model)
    corrections = corrections_from_records(store.corrections())
    progress = ProgressLine(f"adding {len(documents)} documents")
    started = time.perf_counter()
    from_cache = 0
    try:
        for result in extract_batch(documents, extractor, corrections, on_progress=progress.update):
            from_cache += result.from_cache
            record(store, result)
    finally:
        progress.close()
        store.close()
    seconds = time.perf_counter() - started
    words = sum(document.words for document in documents)
    print(
        f"added {len(documents)} documents ({from_cache} from the cache), {words:,} words "
        f"in {seconds:.1f} s ({words / seconds:,.0f} words/s)",
        file=sys.stderr,
    )
    return 1 if failures else 0


def _files(paths: Iterable[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from readable_files(path, recursive=True)
        else:
            yield path


def _read_all(paths: Iterable[Path]) -> tuple[list[Document], int]:
    """Read every path; a path that cannot be read is reported in one line and skipped."""
    documents: list[Document] = []
    failures = 0
    for path in paths:
        try:
            documents.append(read_document(path))
        except DocumentError as error:
            print(f"glossary-tui: skipped: {error}", file=sys.stderr)
            failures += 1
    return documents, failures

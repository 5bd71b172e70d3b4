"""The most-mentioned entries of a book's glossary with their labels, for spot checks of books without gold.

    .venv/bin/python bench/top_entities.py BOOK [BOOK ...] [-n 40] [--cache DIR]

Extraction runs through this worktree's pipeline with its own cache (``--cache``, default a
temporary directory), never the user's.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, extract_mentions


def main() -> None:
    """Print each book's top entries: count, label, name, a few aliases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", nargs="+", type=Path)
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="top-entities-") as scratch:
        extractor = CachedExtractor(SpacyExtractor(), ExtractionCache(args.cache or Path(scratch)))
        for path in args.books:
            document = read_document(path)
            entities = build_entities(extract_mentions(extractor, document.extraction_text), document.text)
            entities.sort(key=lambda entity: -entity.count)
            print(f"{path.name}: {len(entities)} entries")
            for entity in entities[: args.n]:
                aliases = ", ".join(entity.aliases[:3])
                print(f"  {entity.count:5}  {entity.label:<8} {entity.name}" + (f"  ({aliases})" if aliases else ""))


if __name__ == "__main__":
    main()

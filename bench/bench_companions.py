"""What the reading companions cost on a whole book, against the extraction they follow, in one run.

    .venv/bin/python bench/bench_companions.py [--book PATH] [--skip-extraction]

1. The book through the product's extraction (spaCy NER, every CPU, no
   cache) and grouping: the time ``glossary-tui extract --no-cache`` spends
   before writing anything.
2. On the entities found: chapter headings, descriptions of every entity,
   paragraph co-occurrence and the whole ``extract`` JSON record, each timed
   alone (best of three).
3. The companions' share: (chapters + descriptions + co-occurrence) / step 1.
   The target is at most 20%.

``--skip-extraction`` reads the mentions from the extraction cache of an
earlier run instead (step 1 is then not measured, only step 2).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.documents.readers.headings import text_chapters
from glossary_tui.core.entities.cooccurrence import Cooccurrence
from glossary_tui.core.entities.descriptions import describe_entities
from glossary_tui.core.entities.extraction_report import extraction_record
from glossary_tui.core.extraction.cache import ExtractionCache
from glossary_tui.core.pipeline import extract_batch, open_extractor

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "war-and-peace.txt"
CACHE = ROOT / "bench" / ".cache"


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The shortest of ``runs`` timings of ``work()``, in seconds."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    parser.add_argument("--skip-extraction", action="store_true", help="use the bench cache, do not time spaCy")
    args = parser.parse_args()
    document = read_document(args.book)
    extractor = open_extractor(use_cache=args.skip_extraction)
    if args.skip_extraction:
        extractor.cache = ExtractionCache(CACHE)
    started = time.perf_counter()
    result = next(extract_batch([document], extractor, []))
    extraction = time.perf_counter() - started
    entities = result.shown
    text = document.text
    print(f"{args.book.name}: {len(text):,} characters, {len(entities):,} entities, {len(result.mentions):,} mentions")
    if not args.skip_extraction:
        print(f"extraction and grouping (NER, all CPUs, no cache): {extraction:.2f} s")
    chapters = best_of(3, lambda: text_chapters(text))
    descriptions = best_of(3, lambda: describe_entities(entities, text))
    cooccurrence = best_of(3, lambda: Cooccurrence(entities, text).companions(entities[0].id))
    record = best_of(3, lambda: extraction_record(document, extractor.info, entities))
    companions = chapters + descriptions + cooccurrence
    print(f"chapters ({len(text_chapters(text))} headings): {chapters * 1000:.0f} ms")
    print(f"descriptions of all {len(entities):,} entities: {descriptions * 1000:.0f} ms")
    print(f"co-occurrence index: {cooccurrence * 1000:.0f} ms")
    print(f"whole extract JSON record (descriptions and appears_with included): {record * 1000:.0f} ms")
    if not args.skip_extraction:
        print(f"companions / extraction: {companions / extraction:.1%} (target: at most 20%)")


if __name__ == "__main__":
    main()

"""Extraction throughput: the naive full pipeline against the product's engine, in one run.

    .venv/bin/python bench/bench_extract.py [--book PATH] [--chars 300000] [--skip-book]

1. On the same slice of War and Peace: ``spacy.load(model)`` with every
   component and ``nlp(text)`` on pieces under ``max_length`` (the naive way);
   the engine with one process; the engine as the product runs it (all CPUs).
2. The whole book through ``glossary-tui extract --no-cache``: wall time and
   peak resident memory of all its processes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from proctree import run_measured

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, cpu_count, extract_mentions
from glossary_tui.core.extraction.spacy_loader import resolve_model_name

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "war-and-peace.txt"


def naive(model: str, text: str) -> float:
    """Seconds for the full pipeline, ``nlp(piece)`` on pieces under ``max_length``."""
    import spacy

    nlp = spacy.load(model)
    started = time.perf_counter()
    step = nlp.max_length - 1
    for start in range(0, len(text), step):
        nlp(text[start : start + step])
    return time.perf_counter() - started


def engine(text: str, n_process: int | None) -> float:
    """Seconds for the product's engine (model loaded before timing)."""
    extractor = SpacyExtractor(n_process=n_process)
    extractor.load()
    started = time.perf_counter()
    extract_mentions(extractor, text)
    return time.perf_counter() - started


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--skip-book", action="store_true", help="only the slice comparison")
    args = parser.parse_args()
    if not args.book.exists():
        sys.exit(f"bench_extract: {args.book} is absent")
    document = read_document(args.book)
    start = len(document.text) // 10
    text = document.text[start : start + args.chars]
    words = len(text.split())
    model = resolve_model_name()
    print(f"model {model}; slice of {args.book.name}: {len(text):,} characters, {words:,} words; {cpu_count()} CPUs")
    rows = [
        ("naive: full pipeline, nlp(text)", naive(model, text)),
        ("engine: NER only, 1 process", engine(text, 1)),
        (f"engine: NER only, {cpu_count()} processes (product default)", engine(text, None)),
    ]
    baseline = rows[0][1]
    for name, seconds in rows:
        print(f"  {name:<58} {seconds:7.2f} s {words / seconds:9,.0f} words/s  x{baseline / seconds:.2f}")
    if args.skip_book:
        return
    command = [sys.executable, "-m", "glossary_tui", "extract", "--no-cache", str(args.book)]
    seconds, peak, result = run_measured(command, cwd=ROOT)
    if result.returncode:
        sys.exit(result.stderr.decode())
    print(
        f"whole book via `glossary-tui extract --no-cache`: {seconds:.1f} s, "
        f"{document.words / seconds:,.0f} words/s, peak memory (all processes) {peak / 2**20:,.0f} MB"
    )


if __name__ == "__main__":
    main()

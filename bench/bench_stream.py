"""Extraction as the reader feels it: the first results, stopping, and how worker processes start.

    .venv/bin/python bench/bench_stream.py [--book PATH] [--chars 150000] [--pool-chars 400000] [--repeat 3]

1. One process (what the reader uses below ``PARALLEL_MIN_CHARS``), a
   150,000-character slice of the book, the pipeline loaded before timing:
   seconds to the first chunk, for the whole slice, and to stop when asked
   half a second in (the reader quit), with the model's own batch size (256
   texts) and with the product's ``PIPE_BATCH_SIZE``.
2. Worker processes (a 400,000-character slice over every CPU), each start
   method in a fresh process that, like the reader, extracts in a thread
   while another thread keeps busy and has not loaded the pipeline yet:
   seconds to the first result (loading included), to the end, and the peak
   resident memory of all its processes. Then a second document in the same
   process (a new pool). With ``fork`` the workers inherit the pipeline this
   process loads; with ``forkserver`` and ``spawn`` each worker loads its own.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

from proctree import run_measured

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.extraction import spacy_extractor
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, cpu_count

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "war-and-peace.txt"
METHODS = ("fork", "forkserver", "spawn")


def book_slice(book: Path, chars: int, skip: int = 0) -> str:
    text = read_document(book).text
    start = len(text) // 10 + skip
    return text[start : start + chars]


def one_process(text: str, batch_size: int) -> tuple[float, float, float]:
    """Seconds to the first chunk, for the whole text, and to stop when asked half a second in."""
    extractor = SpacyExtractor(n_process=1)
    extractor.load()
    spacy_extractor.PIPE_BATCH_SIZE = batch_size
    first = 0.0
    started = time.perf_counter()
    for index, _ in enumerate(extractor.extract(text)):
        if index == 0:
            first = time.perf_counter() - started
    whole = time.perf_counter() - started
    asked = time.perf_counter() + 0.5
    for _ in extractor.extract(text, should_cancel=lambda: time.perf_counter() >= asked):
        pass
    return first, whole, time.perf_counter() - asked


def child(method: str, text: str, second: str) -> None:
    """In a fresh process: extract in a thread beside a busy one; print the times as JSON."""
    busy = threading.Event()

    def keep_busy() -> None:  # the UI thread of the reader, drawing
        while not busy.is_set():
            sum(range(2000))
            time.sleep(0.001)

    threading.Thread(target=keep_busy, daemon=True).start()
    times: dict[str, float] = {}

    def extract() -> None:
        extractor = SpacyExtractor(start_method=method)
        for name, document in (("first", text), ("second", second)):
            started = time.perf_counter()
            for index, _ in enumerate(extractor.extract(document)):
                if index == 0:
                    times[f"{name} result"] = time.perf_counter() - started
            times[f"{name} whole"] = time.perf_counter() - started

    worker = threading.Thread(target=extract)
    worker.start()
    worker.join()
    busy.set()
    print(json.dumps(times))


def median_of(samples: list[tuple[float, ...]], index: int) -> float:
    return statistics.median(sample[index] for sample in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    parser.add_argument("--chars", type=int, default=150_000)
    parser.add_argument("--pool-chars", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=METHODS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, book_slice(args.book, args.pool_chars), book_slice(args.book, args.pool_chars, 1_000_000))
        return

    text = book_slice(args.book, args.chars)
    print(f"1. one process, {len(text):,} characters of {args.book.name} (median of {args.repeat})")
    for label, size in (("model's batch size", 256), ("PIPE_BATCH_SIZE", spacy_extractor.PIPE_BATCH_SIZE)):
        samples = [one_process(text, size) for _ in range(args.repeat)]
        print(
            f"   {label:<18} ({size:>3} chunks): first chunk {median_of(samples, 0):5.2f} s, "
            f"whole text {median_of(samples, 1):5.2f} s, stopping when asked {median_of(samples, 2):5.2f} s"
        )

    print(f"2. {cpu_count()} worker processes, {args.pool_chars:,} characters, from a threaded process (median)")
    for method in METHODS:
        runs = []
        for _ in range(args.repeat):
            command = [sys.executable, __file__, "--child", method, "--book", str(args.book)]
            command += ["--pool-chars", str(args.pool_chars)]
            _, peak, result = run_measured(command, cwd=ROOT)
            if result.returncode:
                sys.exit(result.stderr.decode())
            runs.append((json.loads(result.stdout), peak))
        figures = {key: statistics.median(run[key] for run, _ in runs) for key in runs[0][0]}
        peak = statistics.median(peak for _, peak in runs) / 2**20
        print(
            f"   {method:<10} first result {figures['first result']:5.2f} s, whole {figures['first whole']:6.2f} s, "
            f"peak {peak:5.0f} MB; second document: first result {figures['second result']:5.2f} s, "
            f"whole {figures['second whole']:6.2f} s"
        )


if __name__ == "__main__":
    main()

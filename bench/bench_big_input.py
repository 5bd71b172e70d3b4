"""Big input: `glossary-tui extract` on about 50 MB of text; wall time and peak memory of all its processes.

The text is War and Peace repeated (``--megabytes``, default 50); prints seconds, words per second and the
peak resident memory of the command and its worker processes together (issue 7 asks for < 2 GB).
"""

import argparse
import sys
import tempfile
from pathlib import Path

from proctree import run_measured

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "war-and-peace.txt"


def main() -> None:
    """Build the big text, run the command once, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    parser.add_argument("--megabytes", type=int, default=50)
    args = parser.parse_args()
    if not args.book.exists():
        sys.exit(f"bench_big_input: {args.book} is absent")
    book = args.book.read_bytes()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "big.txt"
        path.write_bytes(book * (args.megabytes * 2**20 // len(book) + 1))
        size = path.stat().st_size
        words = len(path.read_bytes().split())
        command = [sys.executable, "-m", "glossary_tui", "extract", "--no-cache", "--format", "tsv", str(path)]
        seconds, peak, result = run_measured(command, cwd=ROOT)
    if result.returncode:
        sys.exit(result.stderr.decode())
    mentions = result.stdout.count(b"\n")
    print(
        f"{size / 2**20:,.1f} MB, {words:,} words via `glossary-tui extract --no-cache`: {seconds:.1f} s, "
        f"{words / seconds:,.0f} words/s, {mentions:,} mentions, "
        f"peak memory (all processes) {peak / 2**20:,.0f} MB"
    )


if __name__ == "__main__":
    main()

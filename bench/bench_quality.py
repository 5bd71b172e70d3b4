"""Glossary quality on the dev data: the three scorers of ``../shared/eval``, one table.

    .venv/bin/python bench/bench_quality.py [--shared DIR] [--cache DIR] [--only novels|litbank]

Runs, each through this worktree's own ``glossary-tui extract --format json``:

* ``novel_eval.py`` on every ``novels/NAME.gold.tsv`` whose book is ``corpus/NAME.txt``
  (share of checks passed, how many of the 30 most-mentioned entries are real),
* ``glossary_eval.py`` on ``litbank-dev`` (mention precision/recall/F1, listed entries that are
  real, real entries with the right label),
* ``alias_eval.py`` on ``litbank-dev`` (alias-link precision/recall/F1),

LitBank's dev excerpts are what the label model learned on, so they are scored held out: the
weights of each of the 5 folds are learned first without that fold's excerpts
(``training/labels/train.py --folds-dir``) and each excerpt is extracted with its own fold's
weights (``bench/extract_held_out.py``). ``--shipped`` scores them with the shipped weights
instead (learned on them: not a fair figure).

and prints one table with the issue's targets beside the figures. The runs never touch the
user's glossary or cache: ``GLOSSARY_TUI_DB`` and ``GLOSSARY_TUI_CACHE`` point into a fresh
temporary directory (or ``--cache DIR``, to keep extractions between runs: the cache key holds
the engine version, so a changed extraction is never served stale).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import glossary_tui

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Row:
    """One figure of the table: what it measures, its value as shown, the target and whether it is met."""

    measure: str
    value: str
    target: str
    met: bool | None


def run_scorer(script: Path, arguments: list[str], environment: dict[str, str], *, held_out: bool = False) -> str:
    """Run one scorer with this worktree's extract command (``held_out``: label weights per fold)."""
    if held_out:
        command = f"{sys.executable} {ROOT / 'bench' / 'extract_held_out.py'} {{path}}"
    else:
        command = f"{sys.executable} -m glossary_tui extract --format json {{path}}"
    completed = subprocess.run(
        [sys.executable, str(script), *arguments, "--cmd", command],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"bench_quality: {script.name} failed: {completed.stdout[-400:]}{completed.stderr[-400:]}")
    return completed.stdout


def _number(pattern: str, output: str) -> float:
    match = re.search(pattern, output)
    if match is None:
        sys.exit(f"bench_quality: cannot read {pattern!r} in:\n{output}")
    return float(match.group(1))


def novel_rows(eval_dir: Path, gold: Path, book: Path, environment: dict[str, str]) -> tuple[list[Row], str]:
    """Checks and top-30 of one novel; also the scorer's verbose failure list."""
    output = run_scorer(eval_dir / "novel_eval.py", [str(gold), str(book), "-v"], environment)
    checks = re.search(r"checks (\d+)/(\d+)", output)
    top = _number(r"top-30 accounted (\d+)/30", output)
    assert checks is not None
    share = int(checks.group(1)) / int(checks.group(2))
    name = book.stem
    rows = [
        Row(f"{name}: checks", f"{checks.group(1)}/{checks.group(2)} ({share:.1%})", ">= 97%", share >= 0.97),
        Row(f"{name}: top-30 real", f"{top:.0f}/30", ">= 28/30", top >= 28),
    ]
    return rows, output


def train_folds(litbank: Path, folds: Path, environment: dict[str, str]) -> None:
    """Learn each fold's label weights without its excerpts (the shipped weights are left alone)."""
    trainer = ROOT / "training" / "labels" / "train.py"
    arguments = ["--litbank", str(litbank), "--folds-dir", str(folds), "--out", str(folds / "all.json")]
    completed = subprocess.run(
        [sys.executable, str(trainer), *arguments], capture_output=True, text=True, env=environment, check=False
    )
    if completed.returncode != 0:
        sys.exit(f"bench_quality: training the folds failed: {completed.stderr[-400:]}")


def litbank_rows(eval_dir: Path, litbank: Path, environment: dict[str, str], *, held_out: bool) -> list[Row]:
    """Mention, entry and label figures, then alias links, on LitBank's dev excerpts."""
    glossary = run_scorer(eval_dir / "glossary_eval.py", [str(litbank)], environment, held_out=held_out)
    aliases = run_scorer(eval_dir / "alias_eval.py", [str(litbank)], environment, held_out=held_out)
    precision = _number(r"mentions: precision ([\d.]+)", glossary)
    recall = _number(r"mentions: precision [\d.]+ recall ([\d.]+)", glossary)
    f1 = _number(r"mentions: .*F1 ([\d.]+)", glossary)
    real = _number(r"entries: \d+/\d+ real \(([\d.]+)%\)", glossary) / 100
    labelled = _number(r"right label: \d+/\d+ \(([\d.]+)%\)", glossary) / 100
    people = _number(r"listed \(([\d.]+)%\)", glossary) / 100
    link_p = _number(r"alias links: precision ([\d.]+)", aliases)
    link_r = _number(r"alias links: precision [\d.]+ recall ([\d.]+)", aliases)
    link_f = _number(r"alias links: .*F1 ([\d.]+)", aliases)
    return [
        Row("litbank: mention P / R", f"{precision:.3f} / {recall:.3f}", "", None),
        Row("litbank: mention F1", f"{f1:.3f}", ">= 0.88", f1 >= 0.88),
        Row("litbank: entries real", f"{real:.1%}", ">= 85%", real >= 0.85),
        Row("litbank: right label", f"{labelled:.1%}", ">= 92%", labelled >= 0.92),
        Row("litbank: people listed", f"{people:.1%}", "", None),
        Row("litbank: alias P / R", f"{link_p:.3f} / {link_r:.3f}", "P >= 0.92", link_p >= 0.92),
        Row("litbank: alias F1", f"{link_f:.3f}", ">= 0.90", link_f >= 0.90),
    ]


def print_table(rows: list[Row]) -> None:
    """The figures as one Markdown table."""
    width = max(len(row.measure) for row in rows)
    print(f"| {'measure':<{width}} | {'value':>20} | {'target':<9} | met |")
    print(f"|{'-' * (width + 2)}|{'-' * 21}:|{'-' * 11}|-----|")
    for row in rows:
        met = "" if row.met is None else ("yes" if row.met else "NO")
        print(f"| {row.measure:<{width}} | {row.value:>20} | {row.target:<9} | {met:<3} |")


def main() -> None:
    """Run the scorers and print the table (with ``-v``, the novels' failure lists first)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data directory")
    parser.add_argument("--cache", type=Path, help="extraction cache to keep between runs (default: a fresh one)")
    parser.add_argument("--only", choices=("novels", "litbank"), help="run only one part")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each novel's failures")
    parser.add_argument("--shipped", action="store_true", help="score LitBank with the shipped label weights")
    args = parser.parse_args()
    if Path(glossary_tui.__file__).resolve().parents[1] != ROOT:
        sys.exit(f"bench_quality: glossary_tui comes from {glossary_tui.__file__}, not this worktree ({ROOT})")
    eval_dir, litbank = args.shared / "eval", args.shared / "litbank-dev"
    if not eval_dir.is_dir():
        sys.exit(f"bench_quality: {eval_dir} is absent")
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as scratch:
        cache = args.cache or Path(scratch) / "cache"
        environment = {
            **os.environ,
            "GLOSSARY_TUI_DB": str(Path(scratch) / "glossary.json"),
            "GLOSSARY_TUI_CACHE": str(cache),
        }
        rows: list[Row] = []
        started = time.perf_counter()
        if args.only in (None, "novels"):
            for gold in sorted((args.shared / "novels").glob("*.gold.tsv")):
                book = args.shared / "corpus" / gold.name.replace(".gold.tsv", ".txt")
                if book.exists():
                    novel, output = novel_rows(eval_dir, gold, book, environment)
                    rows += novel
                    if args.verbose:
                        print(output)
        if args.only in (None, "litbank"):
            if not args.shipped:
                folds = Path(scratch) / "folds"
                folds.mkdir()
                train_folds(litbank, folds, environment)
                environment["HELD_OUT_FOLDS"] = str(folds)
            rows += litbank_rows(eval_dir, litbank, environment, held_out=not args.shipped)
        seconds = time.perf_counter() - started
    print_table(rows)
    met = [row.met for row in rows if row.met is not None]
    print(f"\n{sum(met)}/{len(met)} targets met; {seconds:.0f} s")


if __name__ == "__main__":
    main()

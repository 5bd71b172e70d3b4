"""What the reader feels on a whole book, measured against the short sample article in the same run.

    .venv/bin/python bench/bench_reader.py [--book PATH] [--repeat 30]

1. First frame: ``glossary-tui BOOK`` started in a pseudo-terminal, time until
   the article's first words are on the screen (spaCy is not imported yet).
2. Highlights: in-process (Pilot), with an empty extraction cache, time from
   launch until the first entities are on screen (the viewport is extracted first).
3. Cache: the book reopened with a warm cache, time until every entity is listed.
4. Interaction with extraction finished (Pilot, median and p95 over ``--repeat``
   presses, CPU time of the process: see :func:`timed`): page down, next
   mention, next entity, a filter keystroke (typing entity names); and a
   re-wrap after a resize. The same actions on the sample article are the baseline.
5. Memory: resident size of the process with the book open, extraction done.
6. Wrapping the book alone (CPU, median of ``--repeat``): reflowing its
   hard-wrapped paragraphs (once per document), and wrapping it at 100 and
   140 columns, reflowed (what the reader does) and as written (before reflow).
7. Mid-sized text (a 150,000-character slice of the book: one process, under
   the parallel threshold), empty cache: first entities on screen (Pilot);
   and quitting mid-extraction (``q`` a second after the first entities are
   listed, in a pseudo-terminal, until the process is gone). The book too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.documents.sample import sample_path
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor
from glossary_tui.core.store.glossary_store import open_store

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "war-and-peace.txt"


@contextlib.contextmanager
def reader_in_terminal(book: Path, environment: dict[str, str]) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """The reader started on ``book`` in a pseudo-terminal: its side of the terminal and its process.

    On leaving, ``q`` is pressed (if it still runs) and the process is waited for, killed if it hangs.
    """
    command = [str(Path(sys.executable).with_name("glossary-tui")), str(book)]
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=environment,
                               close_fds=True)  # fmt: skip
    os.close(follower)
    try:
        yield leader, process
    finally:
        if process.poll() is None:
            os.write(leader, b"q")
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        os.close(leader)


def wait_for(leader: int, marker: bytes) -> None:
    """Read the terminal until ``marker`` has been written to it."""
    seen = b""
    while marker not in seen:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            raise RuntimeError("no first frame within 30 s")
        seen = (seen + os.read(leader, 65536))[-200_000:]


def first_frame_seconds(book: Path, marker: bytes, environment: dict[str, str]) -> float:
    """Start the reader in a pseudo-terminal; seconds until ``marker`` is written to it."""
    started = time.perf_counter()
    with reader_in_terminal(book, environment) as (leader, _):
        wait_for(leader, marker)
        return time.perf_counter() - started


def quit_seconds(book: Path, marker: bytes, environment: dict[str, str], after: float = 1.0) -> float:
    """Start the reader on ``book``; ``after`` seconds past ``marker`` press ``q``: seconds until it is gone."""
    with reader_in_terminal(book, environment) as (leader, process):
        wait_for(leader, marker)
        deadline = time.perf_counter() + after
        while time.perf_counter() < deadline:  # keep reading, or the reader blocks on a full terminal
            if select.select([leader], [], [], 0.05)[0]:
                os.read(leader, 65536)
        os.write(leader, b"q")
        started = time.perf_counter()
        while process.poll() is None:
            if select.select([leader], [], [], 0.01)[0]:
                try:
                    os.read(leader, 65536)
                except OSError:
                    break
        process.wait(timeout=60)
        return time.perf_counter() - started


def resident_megabytes() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def timed(pilot, *keys: str) -> float:
    """CPU seconds the app spends handling ``keys`` and redrawing.

    Pilot waits for the app to go idle in steps of 20 ms, so wall time would
    mostly measure Pilot (and whatever else the machine runs); the process's
    CPU time is the work done, which is the latency on an idle machine.
    """
    started = time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return time.process_time() - started


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


async def interactions(path: Path, cache: Path, store_path: Path, repeat: int) -> dict[str, list[float]]:
    """Open ``path`` (cache warm), wait for extraction, time each action ``repeat`` times."""
    from glossary_tui.ui.app import GlossaryApp
    from glossary_tui.ui.widgets.article_view import ArticleView

    document = read_document(path)
    app = GlossaryApp(document, CachedExtractor(SpacyExtractor(), ExtractionCache(cache)), open_store(store_path))
    times: dict[str, list[float]] = {name: [] for name in ("page down", "next mention", "next entity",
                                                           "filter keystroke", "re-wrap after resize")}  # fmt: skip
    async with app.run_test(size=(140, 45)) as pilot:
        while app.screen.query_one("#progress").display:
            await pilot.pause(0.05)
        reader = app.screen
        times["entities"] = [len(reader.entities)]
        reader.query_one(ArticleView).focus()
        for _ in range(repeat):
            times["page down"].append(await timed(pilot, "pagedown"))
        await pilot.press("tab", "tab")  # the entity list
        for _ in range(repeat):
            times["next entity"].append(await timed(pilot, "down"))
        most = max(reader.entities, key=lambda e: e.count)
        reader.go_to_entity(most.id)
        await pilot.pause()
        for _ in range(repeat):
            times["next mention"].append(await timed(pilot, "n"))
        await pilot.press("slash")
        names = [e.name for e in sorted(reader.entities, key=lambda e: -e.count)]
        typed = 0
        while typed < repeat:  # type the names of the best-known entities, letter by letter
            for letter in names[typed % len(names)].lower()[:6]:
                times["filter keystroke"].append(await timed(pilot, letter if letter.isalnum() else "space"))
                typed += 1
            await pilot.press(*["backspace"] * 6)
        await pilot.press("escape")
        for index in range(max(3, repeat // 5)):
            started = time.process_time()
            await pilot.resize_terminal(100 + 40 * (index % 2), 45)
            await pilot.pause()
            times["re-wrap after resize"].append(time.process_time() - started)
        times["resident MB"] = [resident_megabytes()]
    return times


async def until_entities(path: Path, cache: Path, store_path: Path, everything: bool) -> float:
    """Seconds from launch until the first entities (or, with ``everything``, all of them) are listed."""
    from glossary_tui.ui.app import GlossaryApp

    started = time.perf_counter()
    app = GlossaryApp(read_document(path), CachedExtractor(SpacyExtractor(), ExtractionCache(cache)),
                      open_store(store_path))  # fmt: skip
    async with app.run_test(size=(140, 45)) as pilot:
        while True:
            screen = app.screen
            if everything and not screen.query_one("#progress").display and screen.entities:
                break
            if not everything and screen.entities:
                break
            await pilot.pause(0.01)
        return time.perf_counter() - started


def wrapping(book: Path, repeat: int) -> dict[str, list[float]]:
    """CPU seconds to reflow ``book`` and to wrap it, reflowed and as written, at two widths."""
    from glossary_tui.ui.reflow import reflow
    from glossary_tui.ui.text_layout import TextLayout

    text = read_document(book).text
    times: dict[str, list[float]] = {"reflow": [], "wrap reflowed": [], "wrap as written": []}
    shown = reflow(text)
    for _ in range(repeat):
        started = time.process_time()
        reflow(text)
        times["reflow"].append(time.process_time() - started)
        for name, wrapped in (("wrap reflowed", shown), ("wrap as written", text)):
            started = time.process_time()
            TextLayout(wrapped, 100)
            TextLayout(wrapped, 140)
            times[name].append((time.process_time() - started) / 2)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="glossary-bench-"))
    environment = {**os.environ, "GLOSSARY_TUI_DB": str(work / "glossary.json"),
                   "GLOSSARY_TUI_CACHE": str(work / "cache"), "TERM": "xterm-256color"}  # fmt: skip
    os.environ.update(
        GLOSSARY_TUI_DB=environment["GLOSSARY_TUI_DB"], GLOSSARY_TUI_CACHE=environment["GLOSSARY_TUI_CACHE"]
    )
    book, sample = args.book, sample_path()
    print(f"book: {book.name}, {read_document(book).words:,} words; baseline: {sample.name}")

    frames = {name: first_frame_seconds(path, b"Gutenberg" if path == book else b"Tensions", environment)
              for name, path in (("book", book), ("sample", sample))}  # fmt: skip
    print(f"1. first frame: book {frames['book']:.2f} s, sample {frames['sample']:.2f} s "
          f"(x{frames['book'] / frames['sample']:.2f})")  # fmt: skip

    cold = asyncio.run(until_entities(book, work / "cold-cache", work / "cold.json", everything=False))
    print(f"2. first entities on screen, empty cache: book {cold:.2f} s after launch")

    asyncio.run(until_entities(book, work / "cache", work / "warm.json", everything=True))  # fills the cache
    asyncio.run(until_entities(sample, work / "cache", work / "warm.json", everything=True))
    warm = {name: asyncio.run(until_entities(path, work / "cache", work / "warm.json", everything=True))
            for name, path in (("book", book), ("sample", sample))}  # fmt: skip
    print(f"3. every entity listed, warm cache: book {warm['book']:.2f} s, sample {warm['sample']:.2f} s")

    book_times = asyncio.run(interactions(book, work / "cache", work / "interaction.json", args.repeat))
    sample_times = asyncio.run(interactions(sample, work / "cache", work / "interaction-sample.json", args.repeat))
    print(f"4. interaction, CPU per action ({args.repeat} presses each; "
          f"book has {book_times['entities'][0]:,} entities, sample {sample_times['entities'][0]})")  # fmt: skip
    for action in ("page down", "next mention", "next entity", "filter keystroke", "re-wrap after resize"):
        ratio = statistics.median(book_times[action]) / statistics.median(sample_times[action])
        print(
            f"   {action:<22} book {summary(book_times[action])}   "
            f"sample {summary(sample_times[action])}   x{ratio:.2f}"
        )
    print(f"5. resident memory with the book open, extraction done: {book_times['resident MB'][0]:.0f} MB")
    wraps = wrapping(book, args.repeat)
    print(f"6. wrapping the book, CPU ({args.repeat} runs each):")
    for name in ("reflow", "wrap reflowed", "wrap as written"):
        print(f"   {name:<22} {summary(wraps[name])}")
    middle = work / "middle.txt"
    text = read_document(book).text
    middle.write_text(text[len(text) // 10 : len(text) // 10 + 150_000], encoding="utf-8")
    firsts = [asyncio.run(until_entities(middle, work / f"middle-cache-{run}", work / "middle.json", everything=False))
              for run in range(3)]  # fmt: skip
    quits: dict[str, list[float]] = {}
    for name, path in (("150,000 characters", middle), ("book", book)):
        quits[name] = [
            quit_seconds(
                path, b"finding entities", {**environment, "GLOSSARY_TUI_CACHE": str(work / f"q-{name}-{run}")}
            )
            for run in range(3)
        ]
    print(f"7. 150,000 characters, empty cache: first entities on screen {summary(firsts)} after launch")
    for name, samples in quits.items():
        print(f"   quitting mid-extraction, {name:<18} {summary(samples)} from q to the process gone")


if __name__ == "__main__":
    main()

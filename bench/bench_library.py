"""The store at library scale: a synthetic library of novels, and what reading, writing and searching it cost.

    .venv/bin/python bench/bench_library.py [--documents 200] [--saves 200] [--no-extraction]

Builds, in a temporary directory, ``--documents`` synthetic novels (text files,
their mentions written to an extraction cache, as ``add`` leaves them): each has
a cast shared with the other volumes of its series of four, about 400 people of
its own, one-word names and places and organisations drawn from shared pools,
mentioned all through the text. Then, in one run:

1. ``add`` without extraction: every novel grouped (from the cache), its entities
   described (:func:`~glossary_tui.core.pipeline.describe`) and recorded through
   :func:`~glossary_tui.core.pipeline.record`; the store's time against the
   grouping's and the descriptions', and against extraction measured on one
   novel with spaCy;
2. recording one more novel (3,000 entities) into the full library;
3. note saves on that novel's entities, in a glossary with 2,000 notes (the whole
   path: lock, links to other documents, atomic replace with fsync);
4. what the reader asks when an entity is selected (its notes and "also in other
   documents") and the glossary screen's search, per lookup;
5. building the glossary screen's entries, and the index rebuilt from the cache;
6. the reader (Pilot, cache warm) on that novel with the library and with an
   empty glossary: first frame and every entity listed, how long after Esc a
   typed note is on disk, and the longest stall of the event loop while notes
   are saved (a 5 ms timer's largest gap) against the same with no save.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import random
import shutil
import statistics
import string
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import DocumentIdentity
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor
from glossary_tui.core.pipeline import DocumentEntities, describe, entities_of, record, refresh
from glossary_tui.core.store.atomic_storage import write_atomically
from glossary_tui.core.store.glossary_search import GlossarySearch
from glossary_tui.core.store.glossary_store import index_path, open_store
from glossary_tui.ui.screens.glossary import SHOWN

SERIES = 4
CAST = 15
OWN_PEOPLE = 480
ONE_WORD = 60
PLACES = 150
ORGANISATIONS = 60
FILLER = ("and then", "said that", "walked with", "thought of", "wrote to", "remembered", "waited for", "saw")


def word(rng: random.Random, syllables: int) -> str:
    """A pronounceable made-up name."""
    parts = [rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") + rng.choice(["", "n", "r", "s", "l"])
             for _ in range(syllables)]  # fmt: skip
    return "".join(parts).capitalize()


class Pools:
    """Names shared across the library: given names, one-word names, places, organisations, series casts."""

    def __init__(self, rng: random.Random, documents: int) -> None:
        self.given = sorted({word(rng, 2) for _ in range(600)})
        self.nicknames = sorted(
            {word(rng, 2) + rng.choice(string.ascii_lowercase) for _ in range(300)} - set(self.given)
        )
        self.places = sorted({word(rng, 3) for _ in range(1500)})
        self.organisations = sorted({f"{word(rng, 2)} {rng.choice(['Company', 'Bank', 'Society', 'Guild'])}"
                                     for _ in range(800)})  # fmt: skip
        self.casts = [self.people(rng, CAST) for _ in range(documents // SERIES + 1)]

    def people(self, rng: random.Random, count: int) -> list[str]:
        return [f"{rng.choice(self.given)} {word(rng, 3)}" for _ in range(count)]


def novel(rng: random.Random, pools: Pools, number: int, people: int = OWN_PEOPLE) -> tuple[str, list[Mention]]:
    """A novel's text and its mentions (what spaCy would find, labelled), mentioned all through the text."""
    names: list[tuple[str, str, int]] = []
    names += [(name, "PERSON", rng.randint(20, 120)) for name in pools.casts[number // SERIES]]
    names += [(name, "PERSON", max(1, int(rng.paretovariate(1.6)))) for name in pools.people(rng, people)]
    names += [(name, "PERSON", rng.randint(1, 6)) for name in rng.sample(pools.nicknames, ONE_WORD)]
    names += [(name, "GPE", rng.randint(1, 12)) for name in rng.sample(pools.places, PLACES)]
    names += [(name, "ORG", rng.randint(1, 5)) for name in rng.sample(pools.organisations, ORGANISATIONS)]
    slots = [(name, label) for name, label, count in names for _ in range(count)]
    rng.shuffle(slots)
    parts: list[str] = [f"Volume {number}\n\n"]
    mentions = []
    offset = len(parts[0])
    for position, (name, label) in enumerate(slots):
        before = f"{rng.choice(FILLER).capitalize()} the evening, "
        sentence = f"{before}{name} {rng.choice(FILLER)} the others. "
        mentions.append(Mention(offset + len(before), offset + len(before) + len(name), name, label))
        parts.append(sentence + ("\n\n" if position % 6 == 5 else ""))
        offset += len(parts[-1])
    return "".join(parts), mentions


def durable_writes(directory: Path, count: int) -> list[float]:
    """Seconds each of ``count`` atomic, synced writes of 4 kB take on this disk now (what any save costs at least)."""
    seconds = []
    for _ in range(count):
        started = time.perf_counter()
        write_atomically(directory / "floor.json", b"x" * 4096)
        seconds.append(time.perf_counter() - started)
    return seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def milliseconds(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:.2f} ms, p99 {percentile(values, 0.99) * 1000:.2f} ms, "
            f"max {max(values) * 1000:.2f} ms")  # fmt: skip


def build_library(work: Path, count: int, rng: random.Random, cached: CachedExtractor) -> list[Path]:
    """Write the novels and their cached mentions; return their paths."""
    pools = Pools(rng, count + 1)
    paths = []
    for number in range(count + 1):
        text, mentions = novel(rng, pools, number, people=OWN_PEOPLE if number < count else 2_400)
        path = work / "library" / f"novel-{number:03}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        document = read_document(path)
        assert document.text == text, "the synthetic text must need no normalising"
        cached.remember(document.extraction_text, mentions)
        paths.append(path)
    return paths


@dataclass
class Added:
    """What ``add`` from a warm cache cost: grouping and describing (seconds), the store's time per novel."""

    grouping: float
    describing: float
    recording: list[float]
    occurrences: int


def add_library(store_path: Path, paths: list[Path], cached: CachedExtractor) -> Added:
    """``add`` from a warm cache: group each novel, describe its entities and record it."""
    store = open_store(store_path)
    added = Added(0.0, 0.0, [], 0)
    for path in paths:
        document = read_document(path)
        mentions = tuple(cached.cached(document.extraction_text) or ())
        started = time.perf_counter()
        entities = tuple(entities_of(document, mentions, []))
        added.grouping += time.perf_counter() - started
        started = time.perf_counter()
        described = describe(DocumentEntities(document, mentions, entities))
        added.describing += time.perf_counter() - started
        started = time.perf_counter()
        record(store, described)
        added.recording.append(time.perf_counter() - started)
        added.occurrences += len(entities)
    store.close()
    return added


def extraction_words_per_second(path: Path) -> float:
    """spaCy's speed on 60,000 characters of a synthetic novel (model loaded first)."""
    extractor = SpacyExtractor()
    text = read_document(path).text[:60_000]
    list(extractor.extract(text[:2000]))
    started = time.perf_counter()
    list(extractor.extract(text))
    return len(text.split()) / (time.perf_counter() - started)


def add_notes(store_path: Path, paths: list[Path], cached: CachedExtractor, rng: random.Random, count: int) -> None:
    """``count`` notes on entities of random novels, anchored as the reader would (one write, like an import)."""
    store = open_store(store_path)
    records = []
    for path in rng.sample(paths, min(len(paths), 50)):
        document = read_document(path)
        entities = entities_of(document, tuple(cached.cached(document.extraction_text) or ()), [])
        identity = DocumentIdentity(document.sha256, entities)
        for entity in rng.sample(entities, count // 50):
            note = f"Note on {entity.name}: " + "lorem ipsum " * 15
            keys = list(identity.keys(entity))
            records.append({"name": entity.name, "label": entity.label, "keys": keys, "document": document.sha256,
                            "note": note})  # fmt: skip
    store.merge({"notes": records}, "bench")
    store.close()


@dataclass
class ReaderFigures:
    """What the reader felt on one novel."""

    first_frame: float
    listed: float
    #: Seconds from the reader's save of a note (its note-save worker) to the note on disk, for each note.
    on_disk: list[float]
    #: For each save, the event loop's longest stall while it ran (a 5 ms timer's largest gap, beyond 5 ms).
    stalls: list[float]
    #: The same over as long a time just after, with nothing saved.
    idle_stalls: list[float]
    #: Seconds from pressing Esc in the note editor to the note on disk (the focus moving to the list included).
    escape_to_disk: list[float]


async def reader_figures(path: Path, cache: Path, store_path: Path, saves: int) -> ReaderFigures:
    """First frame, every entity listed, note saves (on disk, event-loop stalls) on ``path``."""
    from textual.widgets import TextArea

    from glossary_tui.ui.app import GlossaryApp
    from glossary_tui.ui.screens.reader import ReaderScreen
    from glossary_tui.ui.widgets.article_view import ArticleView

    started = time.perf_counter()
    store = open_store(store_path)
    app = GlossaryApp(read_document(path), CachedExtractor(SpacyExtractor(), ExtractionCache(cache)), store)
    async with app.run_test(size=(140, 45)) as pilot:
        while not (isinstance(app.screen, ReaderScreen) and app.screen.query_one(ArticleView).region.height):
            await pilot.pause(0.002)
        first_frame = time.perf_counter() - started
        while app.screen.query_one("#progress").display or not app.screen.entities:
            await pilot.pause(0.005)
        listed = time.perf_counter() - started
        reader = app.screen
        await app.workers.wait_for_complete()
        editor = reader.query_one("#note", TextArea)

        async def on_disk(entity: Entity, text: str, since: float) -> float:
            # Plain sleeps: Pilot's pause redraws the whole screen each time, which would be measured as a stall.
            while store.note_for(entity, reader.identity()) != text:
                if time.perf_counter() - since > 10:
                    raise RuntimeError(f"the note on {entity.name} was not saved within 10 s")
                await asyncio.sleep(0.002)
            return time.perf_counter() - since

        ticks: list[float] = [time.perf_counter()]
        timer = app.set_interval(0.005, lambda: ticks.append(time.perf_counter()))
        windows, idle_windows, saved, escaped = [], [], [], []
        people = sorted(reader.entities, key=lambda e: -e.count)[:saves]
        for number, entity in enumerate(people):
            reader.go_to_entity(entity.id)
            await app.workers.wait_for_complete()
            await pilot.pause()
            editor.text = f"{editor.text} note {number}"  # as if typed: the detail panel posts the edit
            await pilot.pause()
            await asyncio.sleep(0.25)  # whatever the change (and Pilot's pause) redraws is drawn before the save
            flushed = time.perf_counter()
            reader.save_notes_now()
            saved.append(await on_disk(entity, editor.text, flushed))
            windows.append((flushed, time.perf_counter()))
            await asyncio.sleep(0.25)
            quiet = time.perf_counter()  # as long again, with nothing saved: what the screen costs anyway
            await asyncio.sleep(saved[-1])
            idle_windows.append((quiet, time.perf_counter()))
        timer.stop()
        for number, entity in enumerate(people[: max(1, saves // 3)]):  # and through the keys
            reader.go_to_entity(entity.id)
            await app.workers.wait_for_complete()
            await pilot.press("e", *f" typed {number}")
            typed = editor.text
            pressed = time.perf_counter()
            await pilot.press("escape")
            escaped.append(await on_disk(entity, typed, pressed))
    store.close()
    gaps = list(itertools.pairwise(ticks))

    def longest(spans: list[tuple[float, float]]) -> list[float]:
        return [max((end - begin for begin, end in gaps if start <= end and begin < stop), default=0.005) - 0.005
                for start, stop in spans]  # fmt: skip

    return ReaderFigures(first_frame, listed, saved, longest(windows), longest(idle_windows), escaped)


def main() -> None:
    """Build the library, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--no-extraction", action="store_true", help="skip measuring spaCy (needs the model)")
    parser.add_argument("--keep-index", action="store_true", help="do not measure rebuilding the index")
    parser.add_argument("--library", type=Path, help="build the library in DIR and keep it (reused if it is there)")
    args = parser.parse_args()
    rng = random.Random(13)
    work = args.library or Path(tempfile.mkdtemp(prefix="glossary-library-"))
    work.mkdir(parents=True, exist_ok=True)
    cache = work / "cache"
    cached = CachedExtractor(SpacyExtractor(), ExtractionCache(cache))
    store_path = work / "glossary.json"
    try:
        reused = store_path.exists()
        paths = (
            sorted((work / "library").glob("novel-*.txt"))
            if reused
            else build_library(work, args.documents, rng, cached)
        )
        library, big = paths[:-1], paths[-1]
        if reused:
            print(f"library: {len(library)} novels, reused from {work} (1. not measured)")
        else:
            added = add_library(store_path, library, cached)
            recording = added.recording
            words = sum(len(read_document(p).text.split()) for p in library)
            print(f"library: {len(library)} novels, {words:,} words, {added.occurrences:,} entity occurrences "
              f"(load average at the start {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")  # fmt: skip
            print(f"1. add from the cache: grouping {added.grouping:.1f} s, descriptions {added.describing:.1f} s, "
                  f"store {sum(recording):.1f} s (per novel {milliseconds(recording)})")  # fmt: skip
            if not args.no_extraction:
                speed = extraction_words_per_second(big)
                extraction = words / speed
                print(f"   extraction at {speed:,.0f} words/s would take {extraction:.0f} s: "
                      f"the store is {sum(recording) / extraction:.1%} of add, "
                      f"the descriptions {added.describing / extraction:.1%}")  # fmt: skip
            add_notes(store_path, library, cached, rng, 2000)
        store = open_store(store_path)
        document = read_document(big)
        mentions = tuple(cached.cached(document.extraction_text) or ())
        entities = entities_of(document, mentions, [])
        started = time.perf_counter()
        described = describe(DocumentEntities(document, mentions, tuple(entities)))
        describing = time.perf_counter() - started
        started = time.perf_counter()
        record(store, described)
        stored = time.perf_counter() - started
        print(f"2. recording one more novel ({len(entities):,} entities) into the library: {stored:.3f} s "
              f"(its descriptions, worked out before: {describing:.3f} s)")  # fmt: skip

        identity = DocumentIdentity(document.sha256, entities)
        saves = []
        for number in range(args.saves):
            entity = rng.choice(entities)
            started = time.perf_counter()
            store.save_note(entity, f"Edited note {number}: " + "dolor sit amet " * 12, identity)
            saves.append(time.perf_counter() - started)
        print(f"3. note save ({len(store.notes()):,} notes, file {store_path.stat().st_size / 1e3:,.0f} kB, "
              f"index {index_path(store_path).stat().st_size / 1e6:.1f} MB): {milliseconds(saves)}")  # fmt: skip
        print(f"   the floor: any durable write of 4 kB here (synced file, rename, synced folder): "
              f"{milliseconds(durable_writes(work, args.saves))}")  # fmt: skip

        lookups = []
        linked = 0
        for entity in rng.sample(entities, min(500, len(entities))):
            started = time.perf_counter()
            store.note_for(entity, identity)
            linked += bool(store.occurrences(entity, identity))
            lookups.append(time.perf_counter() - started)
        print(f"4. selecting an entity (its notes and other documents; {linked} of {len(lookups)} linked): "
              f"{milliseconds(lookups)}")  # fmt: skip
        started = time.perf_counter()
        entries = store.entries()
        built = time.perf_counter() - started
        started = time.perf_counter()
        search = GlossarySearch(sorted(entries, key=lambda entry: not entry.note))
        indexed = time.perf_counter() - started
        keystrokes = []
        for entry in rng.sample(entries, 100):
            for length in range(1, 6):
                started = time.perf_counter()
                search.find(entry.name[:length], SHOWN)
                keystrokes.append(time.perf_counter() - started)
        print(f"   glossary search keystroke ({len(entries):,} entries): {milliseconds(keystrokes)}")
        print(f"5. glossary screen entries built in {built:.2f} s, search prepared in {indexed:.2f} s")
        del entries, search  # the reader below runs in this process: its collector must not walk them
        gc.collect()
        store.close()
        if not args.keep_index:
            index_path(store_path).unlink()
            for suffix in ("-wal", "-shm"):
                Path(f"{index_path(store_path)}{suffix}").unlink(missing_ok=True)
            store = open_store(store_path)
            started = time.perf_counter()
            rebuilt = refresh(store, cached, store.documents_to_refresh(), [])
            print(f"   index rebuilt from the cache: {rebuilt} documents in {time.perf_counter() - started:.1f} s")
            store.close()

        empty = work / "empty.json"
        runs: dict[str, list[ReaderFigures]] = {"library": [], "empty": []}
        for _ in range(3):  # alternately, so both meet the machine in the same state
            for name, path in (("empty", empty), ("library", store_path)):
                runs[name].append(asyncio.run(reader_figures(big, cache, path, 30)))
        print(f"6. the reader on that novel, cache warm ({len(entities):,} entities): library / empty glossary, "
              "median of 3 runs")  # fmt: skip
        for label, figure in (("first frame", "first_frame"), ("every entity listed", "listed")):
            median = {name: statistics.median(getattr(run, figure) for run in runs[name]) for name in runs}
            print(f"   {label:<20} {median['library']:.3f} s / {median['empty']:.3f} s")
        for name, done in runs.items():
            saved = [seconds for run in done for seconds in run.on_disk]
            stalls = [seconds for run in done for seconds in run.stalls]
            idle = [seconds for run in done for seconds in run.idle_stalls]
            escaped = [seconds for run in done for seconds in run.escape_to_disk]
            print(f"   {name}: note save to disk {milliseconds(saved)}")
            print(f"   {name}: longest event-loop stall during a save {milliseconds(stalls)}")
            print(f"   {name}:   the same, as long with nothing saved {milliseconds(idle)}")
            print(f"   {name}: Esc to note on disk (focus to the list included) {milliseconds(escaped)}")
    finally:
        if args.library is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

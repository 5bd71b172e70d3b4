"""Notes store: open time and note-save latency on a glossary whose entries all have notes.

    .venv/bin/python bench/bench_notes.py [--entries 5000] [--saves 200] [--documents 20]

Builds a glossary file in a temporary directory with ``--entries`` entries, each
with a note of about 200 characters, two aliases and occurrences in a few of
``--documents`` documents (so the file is the size real reading makes it). Then
measures, each save going through the whole path (cross-process lock, read of
the file if it changed, atomic replace with fsync of file and directory):

- open: ``open_store`` plus the first ``note_for`` (which parses the file);
- save: ``save_note`` on existing entries, median and 95th percentile;
- lookup: ``note_for`` by an alias, median.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.store.glossary_store import open_store

ROOT = Path(__file__).resolve().parents[1]

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


def build(path: Path, entries: int, documents: int, rng: random.Random) -> list[Entity]:
    """Write a glossary of ``entries`` noted entries seen in ``documents`` documents; return the entities."""
    store = open_store(path)
    entities = [
        Entity(str(n), f"Person{n} Surname{n}", LABELS[n % len(LABELS)], (f"Surname{n}", f"P. Surname{n}"), ())
        for n in range(entries)
    ]
    records = [
        {"name": e.name, "label": e.label, "aliases": list(e.aliases), "note": f"Note {n}: " + "lorem ipsum " * 16}
        for n, e in enumerate(entities)
    ]
    store.import_entries(records, "bench")
    for number in range(documents):
        document = Document.from_text(f"Document {number}", source=f"/books/document-{number}.txt",
                                      title=f"Document {number}")  # fmt: skip
        mentioned = rng.sample(entities, k=min(len(entities), entries * 3 // documents))
        store.record_document(document, [_with_count(e, rng.randint(1, 40)) for e in mentioned])
    store.close()
    return entities


def _with_count(entity: Entity, count: int) -> Entity:
    from glossary_tui.core.extraction.mentions import Mention

    mention = Mention(0, len(entity.name), entity.name, entity.label)
    return Entity(entity.id, entity.name, entity.label, entity.aliases, (mention,) * count)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--documents", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "glossary.json"
        entities = build(path, args.entries, args.documents, rng)
        size = path.stat().st_size

        opens = []
        for _ in range(5):
            started = time.perf_counter()
            store = open_store(path)
            store.note_for(entities[0])
            opens.append(time.perf_counter() - started)
            store.close()

        store = open_store(path)
        saves = []
        for number in range(args.saves):
            entity = rng.choice(entities)
            started = time.perf_counter()
            store.save_note(entity, f"Edited note {number}: " + "dolor sit amet " * 12)
            saves.append(time.perf_counter() - started)

        lookups = []
        for _ in range(args.saves):
            entity = rng.choice(entities)
            alias = Entity("x", entity.aliases[0], entity.label, (), ())
            started = time.perf_counter()
            found = store.note_for(alias)
            lookups.append(time.perf_counter() - started)
            assert found, "every entry has a note"

    milliseconds = 1000
    print(f"entries: {args.entries:,} (all with notes), documents: {args.documents}, file: {size / 1e6:.2f} MB")
    print(f"open + first lookup: median {statistics.median(opens) * milliseconds:.1f} ms "
          f"(best {min(opens) * milliseconds:.1f}, worst {max(opens) * milliseconds:.1f}) "
          f"over {len(opens)} opens")  # fmt: skip
    print(f"save_note: median {statistics.median(saves) * milliseconds:.1f} ms, "
          f"p95 {percentile(saves, 0.95) * milliseconds:.1f} ms, max {max(saves) * milliseconds:.1f} ms "
          f"over {len(saves)} saves")  # fmt: skip
    print(f"note_for by alias: median {statistics.median(lookups) * milliseconds:.3f} ms")


if __name__ == "__main__":
    main()

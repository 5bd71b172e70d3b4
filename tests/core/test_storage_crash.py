"""Nothing lost: writers SIGKILLed at random instants, and two writers at once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.store.glossary_store import open_store

#: Saves notes forever, printing each note's number once its save has returned. A scratch note
#: of changing length makes the file shrink as well as grow, as real editing does.
WRITER = """
import random, sys
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.store.glossary_store import open_store
store = open_store(sys.argv[1])
prefix, start = sys.argv[2], int(sys.argv[3])
limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
number = start
while limit is None or number < start + limit:
    store.save_note(Entity("x", f"{prefix} {number}", "PERSON", (), ()), f"note {number} ✓ [b]x[/b]\\n")
    print(number, flush=True)
    store.save_note(Entity("x", f"{prefix} scratch", "PERSON", (), ()), "x" * random.randint(0, 20000))
    number += 1
"""


def person(name: str) -> Entity:
    return Entity("x", name, "PERSON", (), ())


def kill_writers_at_random(path, kills: int, seed: int) -> int:
    """Start and SIGKILL writers ``kills`` times; after each, check every acknowledged note is there."""
    rng = random.Random(seed)
    acknowledged: list[int] = []
    next_number = 0
    for _ in range(kills):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), "p", str(next_number)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(rng.uniform(0.15, 0.6))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate()
        assert "Traceback" not in err, err
        done = [int(line) for line in out.split()]
        acknowledged += done
        next_number = (done[-1] + 1) if done else next_number
        store = open_store(path)  # parses, or raises: a torn file fails the test here
        missing = [n for n in acknowledged if store.note_for(person(f"p {n}")) != f"note {n} ✓ [b]x[/b]\n"]
        assert not missing, f"notes lost after a kill: {missing[:5]}"
    return len(acknowledged)


def test_killed_writers_never_lose_an_acknowledged_note(tmp_path):
    saved = kill_writers_at_random(tmp_path / "glossary.json", kills=20, seed=1)
    assert saved > 20


@pytest.mark.slow
def test_killed_writers_never_lose_an_acknowledged_note_120_times(tmp_path):
    saved = kill_writers_at_random(tmp_path / "glossary.json", kills=120, seed=2)
    print(f"120 kills, {saved} acknowledged notes, none lost")


def test_two_processes_adding_200_notes_each_keep_all_400(tmp_path):
    path = tmp_path / "glossary.json"
    open_store(path)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), prefix, "0", "200"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for prefix in ("left", "right")
    ]  # fmt: skip
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert len(out.split()) == 200
    store = open_store(path)
    names = {entry.name for entry in store.entries() if not entry.name.endswith("scratch")}
    assert names == {f"{side} {n}" for side in ("left", "right") for n in range(200)}


#: Records a document of 2,000 entities again and again (each an index update of thousands of rows),
#: saving a note after each; prints the note's number once its save has returned.
INDEXER = """
import sys
from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.store.glossary_store import open_store
store = open_store(sys.argv[1])
number = int(sys.argv[2])
while True:
    document = Document.from_text(f"Book {number % 3}", source=f"book-{number % 3}.txt")
    mentions = (Mention(0, 1, "x", "PERSON"),) * 3
    entities = [Entity(str(n), f"Person {n} Name{number}", "PERSON", (f"Name{number}",), mentions) for n in range(2000)]
    store.record_document(document, entities)
    store.save_note(Entity("x", f"p {number}", "PERSON", (), ()), f"note {number}")
    print(number, flush=True)
    number += 1
"""


def test_killed_during_index_updates_nothing_the_reader_wrote_is_lost(tmp_path):
    path = tmp_path / "glossary.json"
    rng = random.Random(3)
    acknowledged: list[int] = []
    next_number = 0
    for _ in range(8):
        writer = subprocess.Popen(
            [sys.executable, "-c", INDEXER, str(path), str(next_number)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(rng.uniform(0.8, 2.0))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate()
        assert "Traceback" not in err, err
        done = [int(line) for line in out.split()]
        acknowledged += done
        next_number = (done[-1] + 1) if done else next_number + 1
        store = open_store(path)
        missing = [n for n in acknowledged if store.note_for(person(f"p {n}")) != f"note {n}"]
        assert not missing, f"notes lost after a kill: {missing[:5]}"
        # Each document holds one whole recording: all 2,000 entities of one pass, never a mix or a part.
        for entry_count in Counter(entry.documents[0].sha256 for entry in store.entries() if entry.documents).values():
            assert entry_count == 2000
        store.close()
    assert len(acknowledged) >= 3

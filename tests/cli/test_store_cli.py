"""The store from the command line: doctor, export, import, and refusing damaged files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from filelock import FileLock

from glossary_tui.cli import main
from glossary_tui.cli.doctor import repair
from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import DocumentIdentity
from glossary_tui.core.errors import StoreError
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.store.atomic_storage import AtomicJSONStorage
from glossary_tui.core.store.glossary_store import open_store
from glossary_tui.core.store.note_shards import notes_directory
from glossary_tui.core.store.snapshots import snapshots, take_daily_snapshot


def glossary(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "glossary_tui", *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "glossary.json"
    open_store(path).save_note(Entity("", "Pierre", "PERSON", (), ()), "Bezukhov's heir")
    return path


@pytest.mark.parametrize("command", [["doctor"], ["export"], ["import", "x.json"], ["data/sample-article.txt"]])
def test_every_command_refuses_a_damaged_file_in_one_line(tmp_path, command):
    bad = tmp_path / "glossary.json"
    bad.write_text('{"entries": {"1": {"name": "Pier')
    result = glossary(*command, "--db", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.stderr
    assert bad.read_text() == '{"entries": {"1": {"name": "Pier'


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "empty"), ('{"meta": {"1": {"schema": 99}}}', "schema"), ("[]", "not a glossary file")],
    ids=["empty", "future-schema", "not-a-glossary"],
)
def test_the_reader_refuses_a_bad_glossary_before_taking_the_screen(tmp_path, content, message):
    bad = tmp_path / "glossary.json"
    bad.write_text(content)
    result = glossary("data/sample-article.txt", "--db", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and str(bad) in result.stderr
    assert bad.read_text() == content


def test_doctor_reports_a_healthy_file(db, capsys):
    assert main(["doctor", "--db", str(db)]) == 0
    assert "healthy: 1 notes" in capsys.readouterr().out


def test_doctor_repair_sets_the_damaged_file_aside_and_restores_the_newest_snapshot(db, capsys):
    store = open_store(db)
    store.save_reading_position("abc", 12)
    for old in snapshots(db):
        old.unlink()
    snapshot = take_daily_snapshot(db)
    db.write_text("{broken")
    assert main(["doctor", "--db", str(db), "--repair"]) == 0
    out = capsys.readouterr().out
    assert f"restored what it held from the snapshot {snapshot}" in out
    assert open_store(db).reading_position("abc") == 12
    aside = next(db.parent.glob("glossary.json.corrupt-*"))
    assert aside.read_text() == "{broken"
    assert open_store(db).note_for(Entity("", "Pierre", "PERSON", (), ())) == "Bezukhov's heir"


def test_doctor_repair_without_a_snapshot_starts_clean_and_keeps_the_notes(db, capsys):
    db.write_text("")
    assert main(["doctor", "--db", str(db)]) == 2
    assert db.read_text() == ""
    assert main(["doctor", "--db", str(db), "--repair"]) == 0
    assert "started it again, empty (your notes are in other files, kept)" in capsys.readouterr().out
    assert not db.exists() and next(db.parent.glob("glossary.json.corrupt-*")).read_text() == ""
    store = open_store(db)
    assert store.documents() == [] and store.note_for(Entity("", "Pierre", "PERSON", (), ())) == "Bezukhov's heir"


def test_a_damaged_notes_file_is_refused_then_repaired_from_the_snapshot(db, capsys):
    store = open_store(db)
    store.save_note(Entity("", "Natasha", "PERSON", (), ()), "Heroine")
    [first, second] = sorted(notes_directory(db).glob("*.json"))
    for old in snapshots(db):
        old.unlink()
    snapshot = take_daily_snapshot(
        db,
        lambda: json.dumps(
            {
                "meta": {"1": {"schema": 2}},
                "notes": {**json.loads(first.read_text())["notes"], **json.loads(second.read_text())["notes"]},
            }
        ).encode(),
    )
    second.write_text('{"notes": {"2": {"na')
    result = glossary("data/sample-article.txt", "--db", str(db))
    assert result.returncode == 2 and "damaged" in result.stderr and str(second) in result.stderr
    assert main(["doctor", "--db", str(db), "--repair"]) == 0
    assert f"from the snapshot {snapshot}" in capsys.readouterr().out
    store = open_store(db)
    assert store.note_for(Entity("", "Pierre", "PERSON", (), ())) == "Bezukhov's heir"
    assert store.note_for(Entity("", "Natasha", "PERSON", (), ())) == "Heroine"


def test_doctor_repair_leaves_a_newer_glossary_alone(tmp_path):
    newer = tmp_path / "glossary.json"
    newer.write_text('{"meta": {"1": {"schema": 99}}}')
    result = glossary("doctor", "--repair", "--db", str(newer))
    assert result.returncode == 2 and "upgrade glossary-tui" in result.stderr and result.stderr.count("\n") == 1
    assert newer.read_text() == '{"meta": {"1": {"schema": 99}}}'
    assert list(tmp_path.iterdir()) == [newer]


def test_export_and_import_from_the_command_line(db, tmp_path, capsys):
    exported = tmp_path / "export.json"
    assert main(["export", "--format", "json", "-o", str(exported), "--db", str(db)]) == 0
    assert json.loads(exported.read_text())["entries"][0]["note"] == "Bezukhov's heir"
    other = tmp_path / "other.json"
    assert main(["import", str(exported), "--db", str(other)]) == 0
    assert "imported 1 notes" in capsys.readouterr().err
    assert main(["export", "--format", "md", "--db", str(other)]) == 0
    assert "## Pierre" in capsys.readouterr().out
    assert main(["export", "--split", str(tmp_path / "vault"), "--db", str(other)]) == 0
    assert (tmp_path / "vault" / "Pierre.md").exists()


def test_doctor_repair_waits_for_the_lock_every_writer_takes(db, monkeypatch):
    db.write_text("{broken")
    monkeypatch.setattr("glossary_tui.cli.doctor.LOCK_TIMEOUT", 0.2, raising=False)
    with FileLock(str(db) + ".lock"), pytest.raises(StoreError, match="another glossary-tui is using"):
        repair(db)
    assert db.read_text() == "{broken" and not list(db.parent.glob("glossary.json.corrupt-*"))
    assert "kept the damaged file" in repair(db)


def test_import_writes_the_glossary_once(db, tmp_path, monkeypatch):
    source = open_store(tmp_path / "source.json")
    for name in ("Chapter", "Volume", "Book"):
        source.add_correction({"kind": "hide", "name": name, "label": "LAW"})
    exported = tmp_path / "export.json"
    assert main(["export", "--format", "json", "-o", str(exported), "--db", str(tmp_path / "source.json")]) == 0
    writes = []
    original = AtomicJSONStorage.write
    monkeypatch.setattr(AtomicJSONStorage, "write", lambda self, data: writes.append(1) or original(self, data))
    assert main(["import", str(exported), "--db", str(db)]) == 0
    assert len(writes) == 1
    assert [c["name"] for c in open_store(db).corrections()] == ["Chapter", "Volume", "Book"]


def test_export_keeps_notes_only_or_one_document(tmp_path, capsys):
    db = tmp_path / "fresh.json"
    book = tmp_path / "book.txt"
    book.write_text("Natasha met Pierre.", encoding="utf-8")
    store = open_store(db)
    document = read_document(book)
    natasha = Entity("n", "Natasha", "PERSON", (), (Mention(0, 7, "Natasha", "PERSON"),))
    store.record_document(
        document, [natasha, Entity("p", "Pierre", "PERSON", (), (Mention(12, 18, "Pierre", "PERSON"),))]
    )
    store.save_note(natasha, "Heroine", DocumentIdentity(document.sha256, [natasha]))
    assert main(["export", "--notes-only", "--db", str(db)]) == 0
    notes_only = capsys.readouterr().out
    assert "## Natasha" in notes_only and "## Pierre" not in notes_only
    assert main(["export", "--document", str(book), "--db", str(db)]) == 0
    one = capsys.readouterr().out
    assert "## Natasha" in one and "## Pierre" in one
    other = tmp_path / "other.txt"
    other.write_text("Nobody here.", encoding="utf-8")
    assert main(["export", "--document", str(other), "--db", str(db)]) == 2
    assert "not in the glossary yet" in capsys.readouterr().err

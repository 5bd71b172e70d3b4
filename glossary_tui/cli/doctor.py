"""``glossary-tui doctor [--repair]``: check the glossary's files; set damaged ones aside and start again."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from glossary_tui.cli.options import add_store_option
from glossary_tui.core.errors import StoreError
from glossary_tui.core.store.atomic_storage import DamagedStoreFile, read_json, write_atomically
from glossary_tui.core.store.glossary_store import LOCK_TIMEOUT, check_store_file, default_store_path, open_store
from glossary_tui.core.store.note_shards import SHARDS, notes_directory, shard_of
from glossary_tui.core.store.snapshots import snapshots


def parser() -> argparse.ArgumentParser:
    """The ``doctor`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui doctor",
        description="Check the glossary file and its notes' files. With --repair, a damaged file is kept as "
        "<name>.corrupt-<time> and what it held is restored from the newest healthy snapshot (or started again).",
    )
    add_store_option(parser)
    parser.add_argument("--repair", action="store_true", help="set damaged files aside and restore a snapshot")
    return parser


def run(argv: Sequence[str]) -> int:
    """Exit 0 if the files are healthy (or were repaired), 2 if not.

    Only a damaged file (empty, not JSON, not a glossary) is ever set aside: a
    file of a newer schema, or one that cannot be read, is reported and left.
    """
    args = parser().parse_args(argv)
    path = Path(args.db) if args.db else default_store_path()
    if not path.exists():
        print(f"{path}: no glossary yet (it is created when the first note is saved)")
        return 0
    problems = damaged_files(path)
    if problems:
        if not args.repair:
            raise StoreError(f"{problems[0][1]}; `glossary-tui doctor --repair` sets it aside and starts again")
        print(repair(path))
        return 0
    store = open_store(path)
    stale = len(store.documents_to_refresh())
    print(f"{path}: healthy: {len(store.notes())} notes, {len(store.documents())} documents "
          f"({stale} to bring up to date in the index), {len(store.corrections())} corrections, "
          f"{len(snapshots(path))} daily snapshots")  # fmt: skip
    return 0


def damaged_files(path: Path) -> list[tuple[Path, str]]:
    """The glossary's damaged files, each with what is wrong (a newer schema is an error, not damage)."""
    damaged = []
    for file, check in ((path, check_store_file), *((shard, read_json) for shard in _shards(path))):
        try:
            check(file)
        except DamagedStoreFile as error:
            damaged.append((file, str(error)))
    return damaged


def repair(path: Path) -> str:
    """Set the damaged files aside and restore what they held from the newest healthy snapshot; say what was done.

    It all happens under the lock every writer takes, so a reader saving a note
    meanwhile waits instead of writing into a file being set aside.
    """
    try:
        with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT):
            return _repair(path, damaged_files(path))
    except Timeout:
        raise StoreError(f"{path}: another glossary-tui is using the glossary; close it and repair again") from None


def _repair(path: Path, damaged: list[tuple[Path, str]]) -> str:
    if not damaged:
        return f"{path}: repaired meanwhile by another glossary-tui; nothing to do"
    snapshot, saved = _newest_healthy_snapshot(path)
    said = []
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    for file, problem in damaged:
        aside = file.with_name(f"{file.name}.corrupt-{stamp}")
        try:
            file.rename(aside)
        except OSError as error:
            raise StoreError(
                f"{file}: cannot set the damaged file aside ({error.strerror}); nothing was changed"
            ) from None
        said += [problem, f"kept the damaged file as {aside}"]
        if file == path:
            restored = {name: table for name, table in saved.items() if name != "notes"}
        else:
            number = int(file.stem)
            restored = {"notes": {k: v for k, v in saved.get("notes", {}).items() if shard_of(k) == number}}
        if snapshot is None:
            said.append("started it again, empty" + (" (your notes are in other files, kept)" if file == path else ""))
            continue
        write_atomically(file, json.dumps(restored, ensure_ascii=False).encode("utf-8"))
        said.append(f"restored what it held from the snapshot {snapshot}")
    return "\n".join(said)


def _newest_healthy_snapshot(path: Path) -> tuple[Path | None, dict[str, Any]]:
    for snapshot in snapshots(path):
        try:
            return snapshot, check_store_file(snapshot)
        except StoreError:
            continue
    return None, {}


def _shards(path: Path) -> list[Path]:
    directory = notes_directory(path)
    return [directory / f"{number:02}.json" for number in range(SHARDS) if (directory / f"{number:02}.json").exists()]

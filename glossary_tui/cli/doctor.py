"""``glossary-tui doctor [--repair]``: check the glossary file; set a damaged one aside and start again."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from glossary_tui.cli.options import add_store_option
from glossary_tui.core.errors import StoreError
from glossary_tui.core.store.atomic_storage import DamagedStoreFile, write_atomically
from glossary_tui.core.store.glossary_store import LOCK_TIMEOUT, check_store_file, default_store_path, open_store
from glossary_tui.core.store.snapshots import snapshots


def parser() -> argparse.ArgumentParser:
    """The ``doctor`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="glossary-tui doctor",
        description="Check the glossary file. With --repair, a damaged file is kept as "
        "<name>.corrupt-<time> and replaced by the newest healthy snapshot (or a new, empty glossary).",
    )
    add_store_option(parser)
    parser.add_argument("--repair", action="store_true", help="set a damaged file aside and start from a snapshot")
    return parser


def run(argv: Sequence[str]) -> int:
    """Exit 0 if the file is healthy (or was repaired), 2 if not.

    Only a damaged file (empty, not JSON, not a glossary) is ever set aside: a
    file of a newer schema, or one that cannot be read, is reported and left.
    """
    args = parser().parse_args(argv)
    path = Path(args.db) if args.db else default_store_path()
    if not path.exists():
        print(f"{path}: no glossary yet (it is created when the first note is saved)")
        return 0
    try:
        check_store_file(path)
    except DamagedStoreFile as error:
        if not args.repair:
            raise StoreError(f"{error}; `glossary-tui doctor --repair` sets it aside and starts again") from None
        print(repair(path, str(error)))
        return 0
    store = open_store(path)
    stale = len(store.documents_to_refresh())
    print(f"{path}: healthy: {len(store.notes())} notes, {len(store.documents())} documents "
          f"({stale} to bring up to date in the index), {len(store.corrections())} corrections, "
          f"{len(snapshots(path))} daily snapshots")  # fmt: skip
    return 0


def repair(path: Path, problem: str) -> str:
    """Move the damaged file aside and restore the newest healthy snapshot; say what was done.

    Both happen under the lock every writer takes, so a reader saving a note
    meanwhile waits instead of writing into the file being set aside.
    """
    try:
        with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT):
            return _repair(path, problem)
    except Timeout:
        raise StoreError(f"{path}: another glossary-tui is using the glossary; close it and repair again") from None


def _repair(path: Path, problem: str) -> str:
    try:
        check_store_file(path)
    except DamagedStoreFile:
        pass
    else:
        return f"{path}: repaired meanwhile by another glossary-tui; nothing to do"
    aside = path.with_name(f"{path.name}.corrupt-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        path.rename(aside)
    except OSError as error:
        raise StoreError(f"{path}: cannot set the damaged file aside ({error.strerror}); nothing was changed") from None
    for snapshot in snapshots(path):
        try:
            check_store_file(snapshot)
            write_atomically(path, snapshot.read_bytes())
        except (StoreError, OSError):
            continue
        return f"{problem}\nkept the damaged file as {aside}\nrestored the snapshot {snapshot}"
    return f"{problem}\nkept the damaged file as {aside}\nstarted a new, empty glossary"

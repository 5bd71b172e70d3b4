"""Rolling daily snapshots of the glossary file: the last healthy copy of each of the last 7 days."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

#: How many daily snapshots are kept.
KEEP_DAYS = 7


def snapshot_directory(path: Path) -> Path:
    """Where the snapshots of the glossary file ``path`` live: ``snapshots/`` beside it."""
    return path.parent / "snapshots"


def take_daily_snapshot(
    path: Path, content: Callable[[], bytes] | None = None, today: date | None = None
) -> Path | None:
    """Keep ``content()`` (else a copy of ``path``, known to be healthy) as today's snapshot, unless there is one.

    Old snapshots are pruned. Returns the snapshot written, if any. A snapshot
    that cannot be written is skipped silently: it must never stop the reader
    from opening.
    """
    day = (today or date.today()).isoformat()
    directory = snapshot_directory(path)
    target = directory / f"{path.stem}-{day}{path.suffix}"
    if target.exists():
        return None
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = target.with_suffix(target.suffix + ".partial")
        if content is None:
            shutil.copyfile(path, temporary)
        else:
            temporary.write_bytes(content())
        temporary.chmod(0o600)
        temporary.replace(target)
    except OSError:
        return None
    for old in snapshots(path)[KEEP_DAYS:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def snapshots(path: Path) -> list[Path]:
    """The snapshots of ``path``, newest first."""
    directory = snapshot_directory(path)
    if not directory.is_dir():
        return []
    return sorted(directory.glob(f"{path.stem}-????-??-??{path.suffix}"), reverse=True)

"""The readable files of a directory: what the reader's directory picker and ``glossary-tui add`` offer."""

from __future__ import annotations

from pathlib import Path

from glossary_tui.core.documents.readers import READABLE_SUFFIXES
from glossary_tui.core.documents.readers.sniff import looks_binary
from glossary_tui.core.errors import DocumentError

#: Bytes looked at to decide whether a file without a known suffix is text.
_SNIFF_BYTES = 4096


def readable_files(directory: Path, recursive: bool = False) -> list[Path]:
    """Files under ``directory`` a reader can open, sorted by path; hidden files and folders are left out.

    A file counts when its suffix is a known document suffix (``.txt``,
    ``.md``, ``.html``, ``.epub``, ...), or when it has no suffix and its first
    bytes are text (``README``, ``LICENSE``). Unreadable files are skipped; a folder that
    cannot be listed raises :class:`DocumentError`.
    """
    found = []
    try:
        for path in directory.rglob("*") if recursive else directory.iterdir():
            relative = path.relative_to(directory)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if _is_readable_document(path):
                found.append(path)
    except OSError as error:
        raise DocumentError(f"{directory}: cannot list the folder ({error.strerror or error})") from None
    return sorted(found)


def _is_readable_document(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        if path.suffix.lower() in READABLE_SUFFIXES:
            return True
        if path.suffix:
            return False
        with path.open("rb") as file:
            start = file.read(_SNIFF_BYTES)
    except OSError:
        return False
    return bool(start.strip()) and not looks_binary(start)

"""Failures of background work as one line the reader can act on."""

from __future__ import annotations

from glossary_tui.core.errors import GlossaryError

#: Longest failure line shown; the rest of an unexpected error's text is of no use on screen.
MAX_LENGTH = 200


def describe_failure(error: BaseException | None) -> str:
    """``error`` in one line: the core's own message, an OS error's reason and file, else its type and text."""
    if error is None:
        return "unknown error"
    if isinstance(error, GlossaryError):
        text = str(error)
    elif isinstance(error, OSError) and error.strerror:
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    else:
        text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    line = " ".join(text.split())
    return line if len(line) <= MAX_LENGTH else line[: MAX_LENGTH - 1] + "…"

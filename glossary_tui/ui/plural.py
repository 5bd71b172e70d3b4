"""Counts in words: "1 mention", "2 mentions", "1,204 entities"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str = "") -> str:
    """``count`` and ``noun``, in the plural (``plural``, else ``noun`` + "s") unless the count is one."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"

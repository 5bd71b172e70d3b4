"""Cutting a text into pieces for spaCy without ever cutting through a paragraph needlessly.

Pieces are contiguous ``(start, end)`` ranges that cover the whole text.
They end at paragraph breaks (a blank line, or a single newline when a text
has no blank lines), are packed up to a target size so spaCy sees few tiny
documents, and a paragraph longer than the maximum is cut at a line break,
else at a sentence end, else at a space, else anywhere: spaCy's
``max_length`` is never reached, whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TARGET_CHARS = 3_000
MAX_CHARS = 20_000

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_CUT_POINTS = (re.compile(r"\n"), re.compile(r"[.!?…][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def chunk_spans(text: str, target: int = TARGET_CHARS, maximum: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Return contiguous ``(start, end)`` ranges covering ``text``, each at most ``maximum`` long."""
    spans: list[tuple[int, int]] = []
    start = end = 0
    for _, piece_end in _pieces(text, maximum):
        if piece_end - start > target and end > start:
            spans.append((start, end))
            start = end
        end = piece_end
    if end > start:
        spans.append((start, end))
    return spans


def paragraph_breaks(text: str) -> re.Pattern[str]:
    """What ends a paragraph of ``text``: a blank line, or a single newline when the text has no blank lines."""
    return _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK


def _pieces(text: str, maximum: int) -> Iterator[tuple[int, int]]:
    """Paragraph ranges (trailing break included), long ones cut below ``maximum``."""
    breaks = paragraph_breaks(text)
    start = 0
    for match in breaks.finditer(text):
        yield from _cut(text, start, match.end(), maximum)
        start = match.end()
    if start < len(text):
        yield from _cut(text, start, len(text), maximum)


def _cut(text: str, start: int, end: int, maximum: int) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into ranges no longer than ``maximum`` at the best boundary found."""
    while end - start > maximum:
        limit = start + maximum
        cut = _last_cut_point(text, start + maximum // 2, limit) or limit
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def _last_cut_point(text: str, low: int, high: int) -> int | None:
    """The end of the last boundary match in ``text[low:high]``, trying stronger boundaries first."""
    for pattern in _CUT_POINTS:
        last = None
        for match in pattern.finditer(text, low, high):
            last = match.end()
        if last is not None:
            return last
    return None

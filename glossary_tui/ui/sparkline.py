"""Sparklines: where in a text an entity's mentions fall, in a few characters."""

from __future__ import annotations

from collections.abc import Iterable

BARS = " ▁▂▃▄▅▆▇█"


def sparkline(offsets: Iterable[int], length: int, cells: int = 8) -> str:
    """``cells`` characters, one per equal slice of a text of ``length`` characters.

    Each character's height is the number of ``offsets`` in its slice relative
    to the busiest slice; a slice with at least one mention is never blank.
    """
    counts = [0] * cells
    span = max(length, 1)
    for offset in offsets:
        counts[min(cells - 1, max(0, offset) * cells // span)] += 1
    peak = max(counts)
    if not peak:
        return BARS[0] * cells
    top = len(BARS) - 1
    return "".join(BARS[0] if not count else BARS[max(1, round(count * top / peak))] for count in counts)

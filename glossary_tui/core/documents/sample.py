"""Where the bundled sample article lives: ``data/`` of a checkout, or the installed share directory."""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLE_NAME = "sample-article.txt"


def sample_path() -> Path:
    """The sample article the reader opens when given no file."""
    candidates = (
        Path(__file__).resolve().parents[3] / "data" / SAMPLE_NAME,
        Path(sys.prefix) / "share" / "glossary-tui" / SAMPLE_NAME,
    )
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return candidates[0]

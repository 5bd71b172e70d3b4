"""Finding ``../shared`` (books, LitBank, gold lists) beside the project, as CI places it.

Tests that need it call :func:`require_shared`. Where it is absent they are
skipped on a developer's machine, but in CI (``CI=true``) they fail, so a
misplaced ``shared/`` can never make tests pass by skipping them quietly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


def require_shared(relative: str) -> Path:
    """``../shared/<relative>``, or skip (fail in CI) when it is not there."""
    path = SHARED / relative
    if not path.exists():
        message = f"{path} is absent: tests that read ../shared need it beside the project"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return path

#!/usr/bin/env python3
"""Set up and run glossary-tui from a checkout with nothing but Python 3.11+.

    python3 dev.py run [FILE] [OPTIONS]   open the reader (the bundled sample by default)
    python3 dev.py test [PYTEST OPTIONS]  run the test suite
    python3 dev.py lint                   ruff check, ruff format --check and mypy

The first call creates ``.venv`` and installs the project with its test and
development extras, at the versions pinned in ``constraints.txt`` (so that an
upstream release cannot change what the tests see overnight); later calls
reinstall only when ``pyproject.toml`` or ``constraints.txt`` change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".glossary-tui-installed"
CONSTRAINTS = ROOT / "constraints.txt"
#: What ``lint`` runs, in order; every one must pass.
LINTERS = (
    ("ruff", "check", "glossary_tui", "tests", "bench", "dev.py"),
    ("ruff", "format", "--check", "glossary_tui", "tests", "bench", "dev.py"),
    ("mypy",),
)


def ensure_environment() -> None:
    """Create the virtual environment and install the project (pinned) if needed."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + CONSTRAINTS.read_bytes())
    wanted = digest.hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("dev.py: creating .venv", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    print("dev.py: installing glossary-tui and its test tools into .venv", file=sys.stderr)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    pinned = {**os.environ, "PIP_CONSTRAINT": str(CONSTRAINTS)}  # build environments too
    subprocess.run([*pip, "--upgrade", "pip"], check=True, env=pinned)
    subprocess.run([*pip, "--editable", f"{ROOT}[test,dev]"], check=True, env=pinned)
    STAMP.write_text(wanted)


def lint() -> int:
    """Run every linter; return 0 only if all pass."""
    failed = 0
    for tool, *arguments in LINTERS:
        print(f"dev.py: {tool} {' '.join(arguments)}", file=sys.stderr, flush=True)
        failed |= subprocess.run([str(BIN / tool), *arguments], cwd=ROOT, check=False).returncode
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    """Dispatch ``run``, ``test`` or ``lint``."""
    if not argv or argv[0] not in ("run", "test", "lint"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ensure_environment()
    command, rest = argv[0], argv[1:]
    if command == "lint":
        return lint()
    programs = {"run": [str(BIN / "glossary-tui")], "test": [str(BIN / "python"), "-m", "pytest"]}
    program = programs[command] + rest
    os.chdir(ROOT)
    os.execv(program[0], program)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

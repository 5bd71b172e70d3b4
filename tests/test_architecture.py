"""The core stays usable without a terminal: nothing under glossary_tui/core imports Textual or the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "glossary_tui" / "core"
FORBIDDEN = ("textual", "glossary_tui.ui")


def imported_modules(path: Path) -> list[str]:
    """Every module ``path`` imports, at any depth (functions included)."""
    modules = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.append(node.module)
    return modules


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "sneaky.py"
    module.write_text("def f():\n    from textual.app import App\n    import textual.widgets, os\n")
    assert imported_modules(module) == ["textual.app", "textual.widgets", "os"]


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_does_not_import_textual(path):
    offending = [m for m in imported_modules(path) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert not offending, f"{path.name} imports {offending}"

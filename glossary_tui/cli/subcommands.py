"""The subcommands of ``glossary-tui``: the module that runs each, and what it does in one line."""

from __future__ import annotations

#: Subcommand -> (module under glossary_tui.cli whose ``run(argv)`` implements it, one-line summary).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "print a document's entities and mentions (JSON or TSV)"),
    "add": ("add", "extract many documents into the cache and the glossary in one run"),
    "export": ("export_glossary", "write the glossary as Markdown, JSON or CSV (or one file per entry)"),
    "import": ("import_glossary", "merge a JSON export into the glossary"),
    "doctor": ("doctor", "check the glossary file; set a damaged one aside"),
}


def summary() -> str:
    """The subcommands, one per line, for ``--help``."""
    width = max(map(len, SUBCOMMANDS))
    lines = [f"  {name:<{width}}  {text}" for name, (_, text) in SUBCOMMANDS.items()]
    return "subcommands (glossary-tui SUBCOMMAND --help for more):\n" + "\n".join(lines)

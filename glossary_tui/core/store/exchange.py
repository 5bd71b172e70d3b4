"""The glossary out of the store and back: Markdown (one file, or one per entry for a vault), JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.store.glossary_store import GlossaryStore
from glossary_tui.core.store.protocol import Store
from glossary_tui.core.store.records import GlossaryEntry

FORMATS = ("md", "json", "csv")
#: Written in JSON exports, checked on import.
EXPORT_FORMAT = "glossary-tui export"
EXPORT_VERSION = 1
_UNSAFE_FILE_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def export_text(store: Store, export_format: str) -> str:
    """The whole glossary in ``export_format`` (one of :data:`FORMATS`)."""
    if export_format == "json":
        return export_json(store)
    if export_format == "csv":
        return export_csv(store.entries())
    return export_markdown(store.entries())


def write_export(store: Store, export_format: str, directory: Path | None = None) -> Path:
    """Write the glossary to ``glossary-<date>.<format>`` in ``directory`` (default: the user's documents)."""
    if directory is None:
        from platformdirs import user_documents_dir

        directory = Path(user_documents_dir())
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"glossary-{date.today().isoformat()}.{export_format}"
    path.write_text(export_text(store, export_format), encoding="utf-8", newline="")
    return path


def export_markdown(entries: Sequence[GlossaryEntry]) -> str:
    """One Markdown document: a section per entry with its label, aliases, note and documents."""
    parts = ["# Glossary\n"]
    for entry in entries:
        parts.append(f"\n## {entry.name}\n\n{_markdown_facts(entry)}")
        if entry.note:
            parts.append(f"\n{entry.note.rstrip()}\n")
    return "".join(parts)


def export_markdown_files(entries: Sequence[GlossaryEntry], directory: Path) -> list[Path]:
    """One Markdown file per entry in ``directory``, with YAML front matter (``aliases:``) for Obsidian."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for entry in entries:
        stem = _file_stem(entry.name, entry.label, used)
        front = ["---", f"label: {_yaml(entry.label)}"]
        if entry.aliases:
            front += ["aliases:", *(f"  - {_yaml(alias)}" for alias in entry.aliases)]
        else:
            front.append("aliases: []")
        front.append("---")
        body = f"# {entry.name}\n\n{_markdown_facts(entry)}" + (f"\n{entry.note.rstrip()}\n" if entry.note else "")
        path = directory / f"{stem}.md"
        path.write_text("\n".join(front) + "\n\n" + body, encoding="utf-8")
        written.append(path)
    return written


def export_json(store: Store) -> str:
    """Everything in the store (entries, documents, corrections), re-importable with :func:`import_json`."""
    payload = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "entries": [asdict(entry) for entry in store.entries()],
        "documents": [asdict(record) for record in store.documents()],
        "corrections": store.corrections(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def export_csv(entries: Sequence[GlossaryEntry]) -> str:
    """name, label, aliases, note, documents: one row per entry (lists joined with "; ")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "label", "aliases", "note", "documents"])
    for entry in entries:
        documents = "; ".join(f"{d.title or d.source} ({d.count})" for d in entry.documents)
        writer.writerow([entry.name, entry.label, "; ".join(entry.aliases), entry.note, documents])
    return buffer.getvalue()


def import_json(store: GlossaryStore, text: str, source: str = "the import file") -> tuple[int, int]:
    """Merge an export into ``store``; return (entries merged, notes changed).

    Entries are matched like entities (label and any name) and documents by
    sha256, so importing the same export twice changes nothing; aliases and
    document counts are merged. A note differing from the stored one is
    kept beside it, under a line naming where it came from, never dropped.
    """
    try:
        payload = json.loads(text)
    except ValueError as error:
        raise GlossaryError(f"{source}: not JSON ({str(error).splitlines()[0]})") from None
    if not isinstance(payload, dict) or payload.get("format") != EXPORT_FORMAT:
        raise GlossaryError(f"{source}: not a glossary-tui JSON export")
    if payload.get("version", 0) > EXPORT_VERSION:
        raise GlossaryError(f"{source}: exported by a newer glossary-tui (format {payload.get('version')})")
    merged, changed = store.import_entries(payload.get("entries", []), source, payload.get("documents", []))
    existing = {_correction_identity(c) for c in store.corrections()}
    for correction in payload.get("corrections", []):
        if _correction_identity(correction) not in existing:
            store.add_correction(correction)
    return merged, changed


def _correction_identity(record: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in record.items() if k != "id"}, sort_keys=True)


def _markdown_facts(entry: GlossaryEntry) -> str:
    lines = [f"- **Label:** {entry.label}"]
    if entry.aliases:
        lines.append(f"- **Aliases:** {', '.join(entry.aliases)}")
    if entry.documents:
        documents = ", ".join(f"{d.title or d.source} ({d.count})" for d in entry.documents)
        lines.append(f"- **Documents:** {documents}")
    return "\n".join(lines) + "\n"


def _yaml(value: str) -> str:
    """A YAML scalar that is always read back as the same string."""
    return json.dumps(value, ensure_ascii=False)


def _file_stem(name: str, label: str, used: set[str]) -> str:
    stem = _UNSAFE_FILE_CHARACTERS.sub(" ", name).strip(" .") or "entry"
    stem = stem[:100]
    candidate = stem
    if candidate.casefold() in used:
        candidate = f"{stem} ({label})"
    number = 2
    while candidate.casefold() in used:
        candidate = f"{stem} ({label} {number})"
        number += 1
    used.add(candidate.casefold())
    return candidate

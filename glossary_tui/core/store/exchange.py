"""The glossary out of the store and back: Markdown (one file, or one per entry for a vault), JSON, CSV.

Exports hold the glossary's entries (:meth:`~glossary_tui.core.store.glossary_store.GlossaryStore.entries`):
hidden entities never appear. Each entry says what the text says it is (its
description, when one was found: a Markdown fact line, a ``description:`` front
matter field, a JSON field, a CSV column); the document's text is escaped in
Markdown, never read as markup. The JSON export also holds everything the reader
wrote (notes with their anchors, documents read, corrections, "not the same"
choices) and is what :func:`import_json` merges back.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from glossary_tui.core.entities.identity import key_of
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.store.glossary_store import GlossaryStore
from glossary_tui.core.store.protocol import Store
from glossary_tui.core.store.records import GlossaryEntry

FORMATS = ("md", "json", "csv")
#: Written in JSON exports, checked on import.
EXPORT_FORMAT = "glossary-tui export"
EXPORT_VERSION = 2
#: Characters never in an exported file's name (path separators, shell and Windows specials, dots, controls).
_UNSAFE_FILE_CHARACTERS = re.compile(r'[\\/:*?"<>|.\x00-\x1f\x7f]+')
#: A possessive ending left at the start of a name by the extraction ("’s Provis").
_LEADING_POSSESSIVE = re.compile(r"^\W*['’]s\s+", re.IGNORECASE)
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)
#: Bytes in an exported file's name, before ".md" (most file systems allow 255).
_MAX_NAME_BYTES = 120
#: Characters a document's text could turn into Markdown (CommonMark, and Obsidian's tags, maths, comments,
#: highlights): written backslash-escaped.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|~$%=&!])")


def export_text(store: Store, export_format: str, *, document: str | None = None, notes_only: bool = False) -> str:
    """The glossary (of one document, or with notes only, if asked) in ``export_format`` (one of :data:`FORMATS`)."""
    if export_format == "json":
        return export_json(store, document=document, notes_only=notes_only)
    entries = store.entries(document, notes_only=notes_only)
    if export_format == "csv":
        return export_csv(entries)
    title = next((f"Glossary of {d.title or d.source}" for d in store.documents() if d.sha256 == document), "Glossary")
    return export_markdown(entries, title)


def write_export(
    store: Store, export_format: str, path: Path, *, document: str | None = None, notes_only: bool = False
) -> Path:
    """Write the export to ``path`` (its folder must exist: nothing is created behind the reader's back)."""
    if not path.parent.is_dir():
        raise GlossaryError(f"{path.parent}: no such folder")
    text = export_text(store, export_format, document=document, notes_only=notes_only)
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise GlossaryError(f"{path}: cannot write ({error.strerror})") from None
    return path


def default_export_path(source: str, title: str, export_format: str) -> Path:
    """Where to offer to write a document's glossary: beside the document if its folder is writable, else here.

    The file is named after the document's title when it has one of its own (a
    Gutenberg ``1400-0.txt`` gives ``Great Expectations glossary.md``), else after
    the file.
    """
    path = Path(source)
    named = title if title and title not in (path.name, source) else path.stem or title
    name = f"{file_stem(named, '', set())} glossary.{export_format}"
    if source != "-" and not source.startswith("<") and path.parent.is_dir() and os.access(path.parent, os.W_OK):
        return path.parent.resolve() / name
    return Path.cwd() / name


def export_markdown(entries: Sequence[GlossaryEntry], title: str = "Glossary") -> str:
    """One Markdown document: a section per entry with its description, label, aliases, documents and note."""
    parts = [f"# {title}\n"]
    for entry in entries:
        parts.append(f"\n## {entry.name}\n\n{_markdown_facts(entry)}")
        if entry.note:
            parts.append(f"\n{entry.note.rstrip()}\n")
    return "".join(parts)


def export_markdown_files(entries: Sequence[GlossaryEntry], directory: Path) -> list[Path]:
    """One Markdown file per entry in ``directory``, with YAML front matter for Obsidian.

    The front matter holds the entry's ``label``, its ``description`` when it
    has one, and its ``aliases``: its real aliases only, names it is called by
    that no other entry is also called (Obsidian links by them).
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    callers = Counter(key for entry in entries for key in {key_of(name) for name in (entry.name, *entry.aliases)})
    for entry in entries:
        stem = file_stem(entry.name, entry.label, used)
        aliases = [alias for alias in entry.aliases if callers[key_of(alias)] == 1]
        front = ["---", f"label: {_yaml(entry.label)}"]
        if entry.description:
            front.append(f"description: {_yaml(_one_line(entry.description))}")
        if aliases:
            front += ["aliases:", *(f"  - {_yaml(alias)}" for alias in aliases)]
        else:
            front.append("aliases: []")
        front.append("---")
        body = f"# {entry.name}\n\n{_markdown_facts(entry)}" + (f"\n{entry.note.rstrip()}\n" if entry.note else "")
        path = directory / f"{stem}.md"
        path.write_text("\n".join(front) + "\n\n" + body, encoding="utf-8")
        written.append(path)
    return written


def export_json(store: Store, *, document: str | None = None, notes_only: bool = False) -> str:
    """The entries, and everything the reader wrote, re-importable with :func:`import_json`."""
    payload: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "entries": [_json_entry(entry) for entry in store.entries(document, notes_only=notes_only)],
    }
    if isinstance(store, GlossaryStore):
        payload["notes"] = store.notes()
        payload["separations"] = store.separations()
    payload["documents"] = [asdict(record) for record in store.documents()]
    payload["corrections"] = store.corrections()
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def export_csv(entries: Sequence[GlossaryEntry]) -> str:
    """name, label, description, aliases, note, documents: one row per entry (lists joined with "; ")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "label", "description", "aliases", "note", "documents"])
    for entry in entries:
        documents = "; ".join(f"{d.title or d.source} ({d.count})" for d in entry.documents)
        row = [entry.name, entry.label, entry.description, "; ".join(entry.aliases), entry.note, documents]
        writer.writerow(row)
    return buffer.getvalue()


def import_json(store: GlossaryStore, text: str, source: str = "the import file") -> tuple[int, int]:
    """Merge an export into ``store`` in one write; return (notes merged, notes added or extended).

    Notes are matched by their anchor, documents by sha256, so importing the
    same export twice changes nothing. A note differing from the stored one is
    kept beside it, under a line naming where it came from, never dropped. An
    export of the first format (entries with notes) is read too: each note is
    anchored to the document its entry was mentioned most in.
    """
    try:
        payload = json.loads(text)
    except ValueError as error:
        raise GlossaryError(f"{source}: not JSON ({str(error).splitlines()[0]})") from None
    if not isinstance(payload, dict) or payload.get("format") != EXPORT_FORMAT:
        raise GlossaryError(f"{source}: not a glossary-tui JSON export")
    if payload.get("version", 0) > EXPORT_VERSION:
        raise GlossaryError(f"{source}: exported by a newer glossary-tui (format {payload.get('version')})")
    if payload.get("version", 0) < 2:
        payload = {**payload, "notes": [_note_of_entry(entry) for entry in payload.get("entries", ())]}
    return store.merge(payload, source)


def file_stem(name: str, label: str, used: set[str]) -> str:
    """A safe, readable file name (without suffix) for an entry, unique (case-blind) within ``used``."""
    plain = unicodedata.normalize("NFC", _LEADING_POSSESSIVE.sub("", name))
    stem = " ".join(_UNSAFE_FILE_CHARACTERS.sub(" ", plain).split()).strip(" -'’")
    stem = stem.encode("utf-8")[:_MAX_NAME_BYTES].decode("utf-8", "ignore").strip() or "entry"
    if _WINDOWS_RESERVED.match(stem):
        stem = f"{stem} (entry)"
    candidate = stem
    if candidate.casefold() in used:
        candidate = f"{stem} ({label})"
    number = 2
    while candidate.casefold() in used:
        candidate = f"{stem} ({label} {number})"
        number += 1
    used.add(candidate.casefold())
    return candidate


def _note_of_entry(entry: dict[str, Any]) -> dict[str, Any]:
    documents = [d for d in entry.get("documents", ()) if isinstance(d, dict)]
    top = max(documents, key=lambda d: d.get("count", 0), default={})
    own = key_of(entry.get("name", ""))
    keys = [own, *dict.fromkeys(key_of(alias) for alias in entry.get("aliases", ()) if key_of(alias) != own)]
    return {
        "name": entry.get("name", ""), "label": entry.get("label", ""), "keys": keys,
        "document": top.get("sha256", ""), "note": entry.get("note", ""),
        "created": entry.get("created", ""), "updated": entry.get("updated", ""),
    }  # fmt: skip


def _json_entry(entry: GlossaryEntry) -> dict[str, Any]:
    """An entry as the JSON export holds it: ``description`` and ``description_kind`` are null when none was found."""
    fields = asdict(entry)
    if not entry.description:
        fields["description"] = fields["description_kind"] = None
    return fields


def _markdown_facts(entry: GlossaryEntry) -> str:
    lines = []
    if entry.description:
        described = _markdown_text(entry.description)
        lines.append(f"- **Description:** {f'“{described}”' if entry.description_kind == 'sentence' else described}")
    lines.append(f"- **Label:** {entry.label}")
    if entry.aliases:
        lines.append(f"- **Aliases:** {', '.join(entry.aliases)}")
    if entry.documents:
        documents = ", ".join(f"{d.title or d.source} ({d.count})" if d.count else (d.title or d.source)
                              for d in entry.documents)  # fmt: skip
        lines.append(f"- **Documents:** {documents}")
    return "\n".join(lines) + "\n"


def _markdown_text(text: str) -> str:
    """The document's ``text`` on one line, every character Markdown could read as markup escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", _one_line(text))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yaml(value: str) -> str:
    """A YAML scalar that is always read back as the same string."""
    return json.dumps(value, ensure_ascii=False)

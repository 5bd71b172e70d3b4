"""Reading a file (or standard input) into a normalised :class:`Document`."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from glossary_tui.core.documents.contents import contents_ranges
from glossary_tui.core.documents.gutenberg import boilerplate_ranges
from glossary_tui.core.documents.library import readable_files
from glossary_tui.core.documents.markup import markup_ranges
from glossary_tui.core.documents.normalise import normalise_text
from glossary_tui.core.documents.readers import Chapter, read_content
from glossary_tui.core.documents.readers.text import gutenberg_title
from glossary_tui.core.errors import DocumentError

__all__ = ["STDIN", "Chapter", "Document", "count_words", "guess_title", "prose_text", "read_document"]

STDIN = "-"
_NOT_A_LINE_BREAK = re.compile(r"[^\n]")


@dataclass(frozen=True)
class Document:
    """A document's normalised text and what identifies it.

    ``text`` is the only string offsets refer to; ``sha256`` is the digest of
    its UTF-8 encoding, so the same text read from different files or
    encodings is the same document. ``chapters`` (EPUB chapters, HTML and
    Markdown headings) point into ``text``. ``extraction_text`` is what
    entities are looked for in: ``text`` with what is not prose blanked to
    spaces of the same length (Project Gutenberg’s header and licence, tables of contents, inline
    markup such as ``[bold]`` or ``**``, Markdown's URLs and link targets), so
    every offset found in it is an offset into ``text``. ``boilerplate`` holds
    the ``(start, end)`` ranges of the Gutenberg header and licence, for the
    reader to show apart from the book.
    """

    source: str
    title: str
    text: str
    sha256: str = field(init=False)
    chapters: tuple[Chapter, ...] = ()
    extraction_text: str = field(default="", repr=False, compare=False)
    boilerplate: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.text.encode("utf-8")).hexdigest())
        if not self.extraction_text:
            object.__setattr__(self, "extraction_text", self.text)
        elif len(self.extraction_text) != len(self.text):
            raise ValueError("extraction_text must be as long as text")

    @cached_property
    def words(self) -> int:
        """How many words the text has (counted when first asked: the reader's first frame never waits for it)."""
        return count_words(self.text)

    @classmethod
    def from_text(cls, text: str, source: str = "<text>", title: str | None = None) -> Document:
        """Build a document from a string, normalising it first."""
        normalised = normalise_text(text)
        boilerplate = boilerplate_ranges(normalised)
        return cls(
            source=source,
            title=title or guess_title(normalised, source),
            text=normalised,
            extraction_text=prose_text(normalised, boilerplate + contents_ranges(normalised)),
            boilerplate=boilerplate,
        )


def read_document(source: str | Path) -> Document:
    """Read a file, or standard input when ``source`` is ``"-"``, into a :class:`Document`.

    The reader is chosen by suffix, else by the first bytes (see
    :mod:`glossary_tui.core.documents.readers`). Raises :class:`DocumentError` with a
    one-line message for anything that is not a readable document: a missing
    path, a directory, no permission, binary data, a damaged EPUB, or a file
    with no text at all.
    """
    name = str(source)
    reading = read_content(name, _read_bytes(name))
    if not reading.text.strip():
        raise DocumentError(f"{name}: the document is empty")
    boilerplate = boilerplate_ranges(reading.text)
    return Document(
        source=name,
        title=reading.title or guess_title(reading.text, name),
        text=reading.text,
        chapters=reading.chapters,
        extraction_text=prose_text(
            reading.extraction_text or reading.text, boilerplate + contents_ranges(reading.text)
        ),
        boilerplate=boilerplate,
    )


def prose_text(text: str, boilerplate: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` with the ``boilerplate`` ranges and inline markup blanked (line breaks stay, for chunking)."""
    ranges = sorted([*boilerplate, *markup_ranges(text)])
    if not ranges:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in ranges:
        start = max(start, position)
        if end <= start:
            continue
        pieces += (text[position:start], _NOT_A_LINE_BREAK.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def count_words(text: str, step: int = 1 << 20) -> int:
    """``len(text.split())``, counted a slice at a time so a book never becomes millions of strings at once."""
    count = 0
    for start in range(0, len(text), step):
        count += len(text[start : start + step].split())
        if start and not text[start - 1].isspace() and not text[start].isspace():
            count -= 1
    return count


def guess_title(text: str, source: str) -> str:
    """Return a Project Gutenberg ``Title:`` line if there is one, else the file's name."""
    title = gutenberg_title(text)
    if title:
        return title
    if source in (STDIN, "<text>"):
        return "standard input" if source == STDIN else "untitled"
    return Path(source).name


def _read_bytes(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        if path.is_dir():
            raise DocumentError(_directory_message(name, path))
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a directory, not a document") from None
    except PermissionError:
        raise DocumentError(f"{name}: permission denied") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot read ({error.strerror or error})") from None


def _directory_message(name: str, path: Path) -> str:
    try:
        count = len(readable_files(path))
    except DocumentError:
        return f"{name}: is a directory, not a document"
    if not count:
        return f"{name}: is a directory with no readable document in it"
    return f"{name}: is a directory, not a document ({count} readable files in it; give one of them)"

"""Reading a file (or standard input) into a normalised :class:`Document`."""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from glossary_tui.core.errors import DocumentError
from glossary_tui.core.normalise import decode_bytes, normalise_text

STDIN = "-"

_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"%PDF",
    b"\x1f\x8b",
    b"MZ",
    b"BZh",
    b"\xfd7zXZ",
    b"SQLite format 3",
)
_SAMPLE_SIZE = 64 * 1024
_CONTROL_BYTES = bytes(code for code in range(0x20) if code not in (0x09, 0x0A, 0x0C, 0x0D))
_MAX_CONTROL_SHARE = 0.1
_GUTENBERG_TITLE = re.compile(r"^Title:[ \t]*(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Document:
    """A document's normalised text and what identifies it.

    ``text`` is the only string offsets refer to; ``sha256`` is the digest of
    its UTF-8 encoding, so the same text read from different files or
    encodings is the same document.
    """

    source: str
    title: str
    text: str
    sha256: str = field(init=False)
    words: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.text.encode("utf-8")).hexdigest())
        object.__setattr__(self, "words", len(self.text.split()))

    @classmethod
    def from_text(cls, text: str, source: str = "<text>", title: str | None = None) -> Document:
        """Build a document from a string, normalising it first."""
        normalised = normalise_text(text)
        return cls(source=source, title=title or guess_title(normalised, source), text=normalised)


def read_document(source: str | Path) -> Document:
    """Read a file, or standard input when ``source`` is ``"-"``, into a :class:`Document`.

    Raises :class:`DocumentError` with a one-line message for anything that is
    not readable text: a missing path, a directory, no permission, binary
    data, or a file with no text at all.
    """
    name = str(source)
    data = _read_bytes(name)
    if _looks_binary(data):
        raise DocumentError(f"{name}: not a text document (binary data)")
    try:
        text = decode_bytes(data)
    except UnicodeDecodeError:
        raise DocumentError(f"{name}: cannot decode the text (unknown encoding)") from None
    document = Document.from_text(text, source=name)
    if not document.text.strip():
        raise DocumentError(f"{name}: the document is empty")
    return document


def guess_title(text: str, source: str) -> str:
    """Return a Project Gutenberg ``Title:`` line if there is one, else the file's name."""
    match = _GUTENBERG_TITLE.search(text, 0, 5000)
    if match:
        return match.group(1).strip()
    if source in (STDIN, "<text>"):
        return "standard input" if source == STDIN else "untitled"
    return Path(source).name


def _read_bytes(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a directory, not a document") from None
    except PermissionError:
        raise DocumentError(f"{name}: permission denied") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot read ({error.strerror or error})") from None


def _looks_binary(data: bytes) -> bool:
    """True for well-known binary formats and for data dense in control bytes."""
    if data.startswith(_BINARY_SIGNATURES):
        return True
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text is full of NUL bytes
    sample = data[:_SAMPLE_SIZE]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE

"""Turn raw bytes or text into the one normalised text every offset refers to.

The same string feeds spaCy, the screen and the store, so a mention's
``start``/``end`` mean the same thing everywhere. Normalisation:

* decodes UTF-8 and UTF-8/UTF-16 with a byte-order mark (legacy encodings are
  detected as a fallback),
* turns CRLF and lone CR into LF and drops a leading BOM,
* replaces control characters other than ``\\n`` and ``\\t`` by spaces, one for
  one, so the length is kept.

For UTF-8 text with ``\\n`` newlines and no control characters the result is
the file's text unchanged, so offsets index the file itself.
"""

from __future__ import annotations

import codecs
import re

BOM = "\ufeff"

_CONTROL_CHARACTERS = [
    code for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)) if chr(code) not in "\n\t"
]
_CONTROL_TO_SPACE = {code: " " for code in _CONTROL_CHARACTERS}
_NEWLINES = re.compile(r"\r\n?")


def normalise_text(text: str) -> str:
    """Return ``text`` with one kind of newline, no BOM and no control characters."""
    if text.startswith(BOM):
        text = text[1:]
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return text.translate(_CONTROL_TO_SPACE)


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes: BOM first, then strict UTF-8, then a detected legacy encoding.

    Raises ``UnicodeDecodeError`` when no encoding fits the bytes.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise error
        return str(best)

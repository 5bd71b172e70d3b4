"""Turn raw bytes or text into the one normalised text every offset refers to.

The same string feeds spaCy, the screen and the store, so a mention's
``start``/``end`` mean the same thing everywhere. Normalisation:

* decodes UTF-8 and UTF-8/UTF-16 with a byte-order mark; bytes that are not
  UTF-8 are read as Windows-1252 or a detected legacy encoding, and UTF-8 with
  a few broken sequences keeps them as U+FFFD, so decoding never fails,
* turns CRLF and lone CR into LF and drops a leading BOM,
* blanks terminal escape sequences (CSI such as ``ESC[31m``, OSC such as
  hyperlinks) whole, and every other control character except ``\\n`` and
  ``\\t``, one space per character,
* replaces bidirectional controls (U+202A-U+202E, U+2066-U+2069, marks) and
  invisible separators (zero-width space, word joiner, a BOM inside the text)
  by spaces; zero-width joiner and non-joiner stay, as emoji and several
  scripts need them,
* turns the Unicode line and paragraph separators into ``\\n`` and lone
  surrogates into U+FFFD.

Only the first two steps change the length; everything after them replaces
one character by one, so an offset into the text after newline folding is
an offset into the result. For UTF-8 text with ``\\n`` newlines and no
control characters the result is the file's text unchanged, so offsets
index the file itself.
"""

from __future__ import annotations

import codecs
import re

BOM = "\ufeff"
REPLACEMENT = "\ufffd"

_CONTROL_CHARACTERS = [code for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(code) not in "\n\t"]
_BIDI_CONTROLS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_INVISIBLE_SEPARATORS = [0x200B, 0x2060, 0xFEFF, 0x180E]
_TRANSLATION = {
    **dict.fromkeys((*_CONTROL_CHARACTERS, *_BIDI_CONTROLS, *_INVISIBLE_SEPARATORS), " "),
    0x2028: "\n",
    0x2029: "\n",
    **dict.fromkeys(range(55296, 57344), REPLACEMENT),
}
#: Any character the translation changes: most texts have none, and searching is far cheaper than translating.
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TRANSLATION)) + "]")
_NEWLINES = re.compile(r"\r\n?")
#: CSI (ESC [, or C1 CSI with parameters), OSC (ESC ] ... BEL or ST; also DCS, PM, APC strings), charset
#: designations (ESC ( B) and the usual two-character escapes; a stray ESC before a letter blanks the ESC only,
#: and so does a string never ended on its line (ESC P, ESC ] ... with no BEL or ST): what follows it is text.
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]+[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]+[0-~]"
    r"|\x1b[78=>c](?![a-z])"
)
#: Share of broken sequences below which undecodable bytes are taken for damaged UTF-8.
_DAMAGED_UTF8_SHARE = 0.05


def normalise_text(text: str) -> str:
    """Return ``text`` with one kind of newline, no BOM and nothing a terminal would act on."""
    if text.startswith(BOM):
        text = text[1:]
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_SEQUENCES.sub(_blank, text)
    if _TRANSLATED.search(text) is None:
        return text
    return text.translate(_TRANSLATION)


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes: BOM first, then UTF-8, then Windows-1252 or a detected legacy encoding.

    Never fails: bytes no encoding explains become U+FFFD.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if _is_damaged_utf8(lenient):
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    return _detected(data) or lenient


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _is_damaged_utf8(lenient: str) -> bool:
    """True when the text holds real multi-byte UTF-8 characters, and no more broken ones than those or few."""
    broken = lenient.count(REPLACEMENT)
    multibyte = sum(1 for c in lenient if c > "\x7f") - broken
    return multibyte > 0 and (broken <= multibyte or broken <= len(lenient) * _DAMAGED_UTF8_SHARE)


def _detected(data: bytes) -> str | None:
    """A single-byte legacy decoding charset-normalizer finds plausible, if any."""
    from charset_normalizer import from_bytes

    for match in from_bytes(
        data, cp_exclusion=["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
    ):
        return str(match)
    return None

"""Headings of a plain-text book: its chapters, found by the lines that open them.

EPUB, HTML and Markdown readers find their chapters in the markup; a plain
text (a Project Gutenberg book) has only lines such as ``BOOK ONE: 1805``,
``CHAPTER III``, ``Book the First--Recalled to Life``, ``Chapter 12`` or
``IV. The Preparation``. :func:`text_chapters` finds them: a heading is a
paragraph of its own (a blank line before and after), opened by a keyword
(book, part, volume, chapter, stave, or a standalone epilogue, prologue,
preface, introduction, conclusion) and a number, or by a Roman numeral with
a period. A table of contents lists the same lines with no text between
them, so a heading followed by (almost) no prose before the next heading of
its level is taken for a contents entry and dropped. Only the text between
Project Gutenberg's ``*** START`` and ``*** END`` lines is searched.

Books, parts and volumes are level 1 and the chapters inside them level 2;
a book of chapters alone has one level.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from glossary_tui.core.documents.readers.reading import Chapter

#: Non-space characters a heading's section must hold before the next heading of its level, or it is a
#: table-of-contents entry.
MIN_SECTION_PROSE = 100
#: Roman-numeral headings ("IV. The Preparation") count only when a book has at least this many.
MIN_ROMAN_HEADINGS = 3
#: Characters a heading's first line holds at most.
MAX_HEADING_LINE = 120

_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
)  # fmt: skip
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "last", "final",
)  # fmt: skip
#: Keywords that open a heading of a book's parts, and of its chapters.
PART_KEYWORDS = ("book", "part", "volume")
CHAPTER_KEYWORDS = ("chapter", "stave")
_SECTION_KEYWORDS = ("epilogue", "prologue", "preface", "introduction", "conclusion")


def cased(words: Sequence[str]) -> str:
    """Words as an alternation in Title and UPPER case only (a line starting "book" is prose)."""
    return "|".join(form for word in words for form in (word.title(), word.upper()))


_NUMBER = rf"(?:\d+|[IVXLCDM]+|[ivxlcdm]+|(?:{cased(_NUMBER_WORDS)})(?:-(?:{cased(_NUMBER_WORDS)}))?)"
_ORDINAL = rf"(?:{cased(_ORDINALS)})"
#: Whatever may follow a heading's number: nothing, or a separator and a title starting with a capital.
_TITLE_REST = r"(?:[ \t]*(?P<separator>[.:]|--|—|–)?[ \t]*(?P<rest>[^\s][^\n]{0,90})?)?"
_HEADING = re.compile(
    rf"[ \t]*(?:"
    rf"(?P<part>(?:{_ORDINAL}[ \t]+)?(?:{cased(PART_KEYWORDS)})[ \t]+(?:{_NUMBER}|(?:the|THE)[ \t]+{_ORDINAL})\b)"
    rf"|(?P<chapter>(?:{cased(CHAPTER_KEYWORDS)})[ \t]+{_NUMBER}\b)"
    rf"|(?P<section>(?:{_ORDINAL}[ \t]+)?(?:{cased(_SECTION_KEYWORDS)})\b)"
    rf"|(?P<roman>[IVXLC]+)(?=\.|[ \t]*$)"
    rf"){_TITLE_REST}[ \t]*",
)
#: How a heading's first line opens (a keyword, or a Roman numeral's first letter): a cheap first test.
_OPENING_WORDS = tuple(
    form
    for word in (*_ORDINALS, *PART_KEYWORDS, *CHAPTER_KEYWORDS, *_SECTION_KEYWORDS)
    for form in (word.title(), word.upper())
) + tuple("IVXLC")
#: A blank line, then a line opening like a heading (the pattern starts with a newline, which ``re`` finds fast).
_BLANK_THEN_OPENING = re.compile(r"\n[ \t]*\n\s*(?=" + "|".join(map(re.escape, _OPENING_WORDS)) + ")")
_VALID_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$", re.IGNORECASE)
_TITLE_START = re.compile(r"[\"“‘'(\[A-Z0-9]")
_GUTENBERG_START = "*** START OF"
_GUTENBERG_END = "*** END OF"
_TITLE_SEPARATORS = ("--", "—", "–", ":", ".")
_SMALL_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with")
)


def text_chapters(text: str) -> tuple[Chapter, ...]:
    """The headings of a plain-text book, in text order (see the module's docstring)."""
    begin = text.find(_GUTENBERG_START)
    begin = 0 if begin == -1 else text.find("\n", begin) % (len(text) + 1)
    end = text.find(_GUTENBERG_END, begin)
    end = len(text) if end == -1 else end
    candidates: list[tuple[int, int, str, str]] = []  # (start, end of heading, kind, title)
    for start, stop in _paragraph_first_lines(text, begin, end):
        match = _HEADING.fullmatch(text, start, stop)
        if match is None:
            continue
        kind = next(name for name in ("part", "chapter", "section", "roman") if match.group(name))
        if kind == "roman" and not _VALID_ROMAN.match(match.group("roman")):
            continue
        rest, separator = match.group("rest"), match.group("separator")
        if rest and not separator and (kind == "section" or not _TITLE_START.match(rest)):
            continue  # "Introduction to the ..." and "Chapter 2 of the report" are prose
        heading_end = _continuation_end(text, stop)
        if not _stands_alone(text, start, heading_end):
            continue
        candidates.append((start, heading_end, kind, _heading_title(text[start:heading_end])))
    if sum(kind == "roman" for _, _, kind, _ in candidates) < MIN_ROMAN_HEADINGS:
        candidates = [candidate for candidate in candidates if candidate[2] != "roman"]
    has_parts = any(kind == "part" for _, _, kind, _ in candidates)
    levels = [1 if not has_parts or kind in ("part", "section") else 2 for _, _, kind, _ in candidates]
    kept = _drop_contents_entries(text, candidates, levels, end)
    return tuple(Chapter(candidates[i][3], _line_start(text, candidates[i][0]), levels[i]) for i in kept)


def _paragraph_first_lines(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every short line after a blank one that opens like a heading (keyword, Roman numeral).

    Only these can be headings: finding blank lines with one regular
    expression and testing what follows with ``str.startswith`` is far quicker
    than trying the heading pattern at every line of a book.
    """
    starts = (match.end() for match in _BLANK_THEN_OPENING.finditer(text, begin, end))
    first = [begin] if not begin and text.startswith(_OPENING_WORDS) else []
    for start in itertools.chain(first, starts):
        stop = text.find("\n", start, end)
        stop = end if stop == -1 else stop
        if stop - start <= MAX_HEADING_LINE:
            yield start, stop


def _stands_alone(text: str, start: int, end: int) -> bool:
    """True if the line ``text[start:end]`` has a blank line (or the text's edge) before and after it."""
    before = text.rfind("\n", 0, max(start - 1, 0))
    blank_before = start == 0 or (text[start - 1] == "\n" and not text[before + 1 : start - 1].strip())
    after = text.find("\n", end + 1)
    blank_after = end >= len(text) - 1 or not text[end + 1 : after if after != -1 else len(text)].strip()
    return blank_before and blank_after


def _continuation_end(text: str, end: int) -> int:
    """The end of a heading whose title goes on in capitals on the next line, else ``end``."""
    following = text.find("\n", end + 1)
    line = text[end + 1 : following if following != -1 else len(text)]
    if line.strip() and not any(char.islower() for char in line) and any(char.isalpha() for char in line):
        return end + 1 + len(line)
    return end


def _line_start(text: str, offset: int) -> int:
    """The first non-space character of the line at ``offset``."""
    while offset < len(text) and text[offset] in " \t":
        offset += 1
    return offset


def _drop_contents_entries(
    text: str, candidates: Sequence[tuple[int, int, str, str]], levels: Sequence[int], end: int
) -> list[int]:
    """Indices of the candidates whose section holds prose before the next heading of the same or a higher level."""
    starts = [start for start, _, _, _ in candidates] + [end]
    prose = [_non_space(text, candidates[i][1], starts[i + 1]) for i in range(len(candidates))]
    kept = []
    for index, level in enumerate(levels):
        held = 0
        for following in range(index, len(candidates)):
            if following > index and levels[following] <= level:
                break
            held += prose[following]
            if held >= MIN_SECTION_PROSE:
                kept.append(index)
                break
    return kept


def _non_space(text: str, start: int, end: int) -> int:
    """Non-space characters in ``text[start:end]``, counted up to about :data:`MIN_SECTION_PROSE`."""
    held = 0
    for piece in range(start, end, 4 * MIN_SECTION_PROSE):
        held += len("".join(text[piece : min(end, piece + 4 * MIN_SECTION_PROSE)].split()))
        if held >= MIN_SECTION_PROSE:
            break
    return held


def _heading_title(line: str) -> str:
    """A heading as a reader would write it: "BOOK ONE: 1805" -> "Book One: 1805", Roman numerals kept."""
    line = " ".join(line.split())
    if any(char.islower() for char in line):
        return line
    words = line.split(" ")
    titled = []
    for index, word in enumerate(words):
        letters = word.strip(".:,;-—–()\"'“”‘’")
        if _VALID_ROMAN.match(letters) and letters:
            titled.append(word)
        elif index and word.lower() in _SMALL_WORDS and not words[index - 1].endswith(_TITLE_SEPARATORS):
            titled.append(word.lower())
        else:
            titled.append(word.capitalize())
    return " ".join(titled)

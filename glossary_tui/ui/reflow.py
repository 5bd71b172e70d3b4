"""Which newlines of a text are hard wraps, to be shown as spaces so paragraphs re-wrap to the pane.

Gutenberg books (and many plain-text and Markdown files) are wrapped at
about 70 columns; in a narrower pane each of those lines would break twice.
:func:`reflow` returns the text with the newlines that only wrapped a
paragraph turned into spaces: the same length, so every offset still points
at the same character, and only ``"\\n"`` -> ``" "`` changes.

What counts as hard-wrapped is read from the text itself:

* its wrap width is the length that 95 % of the lines continued by another
  line do not exceed; a text is hard-wrapped when that width lies between
  :data:`MIN_WRAP_WIDTH` and :data:`MAX_WRAP_WIDTH` and most of those lines
  are *full* (a paragraph on one line, verse and short notes have no wrap
  width to speak of and stay as written);
* a line is full when it and the next line's first word reach
  :data:`FULL_SHARE` of the wrap width: the next word did not fit, so the
  break was the wrapper's. Shorter lines (verse, headers, addresses, the
  end of a paragraph) keep their break;
* a break also stays before an indented line (indented blocks, verse,
  letters, tables of contents, footnotes), before a list item, around a
  line laid out in columns (three spaces or more inside it, dot leaders, a
  Markdown table row), around Markdown headings, block quotes and fences,
  and everywhere inside a fenced code block.
"""

from __future__ import annotations

import bisect
import itertools
import re

#: Narrower than this, line lengths cannot tell prose from verse: such texts are kept as written.
MIN_WRAP_WIDTH = 50
#: Wider than this, lines are paragraphs written on one line, not a wrap.
MAX_WRAP_WIDTH = 160
#: A line is full when it and the next line's first word reach this share of the wrap width. In the five
#: books of the test corpus every prose line reaches 0.84 of it and every header or verse line at most 0.71.
FULL_SHARE = 0.78
#: Share of continued lines that must be full for a text to count as hard-wrapped.
HARD_WRAPPED_SHARE = 0.5
#: Lines continued by another line a text needs before its wrap width means anything.
MIN_CONTINUED_LINES = 3

#: A line that starts a list item: a bullet, "1." / "1)", "(a)".
_LIST_ITEM = re.compile(r"(?:[-*+•–]|\d{1,3}[.)]|\(\w{1,4}\))[ \t]")
#: First characters of a list item or of Markdown structure (heading, block quote, fence, table row).
_STRUCTURE_STARTS = frozenset("-*+•–0123456789(#>`~|")
#: A line starting with one of these (or empty) keeps the break before it: indented, or blank.
_KEEPING_STARTS = frozenset(("", " ", "\t"))
_FENCES = ("```", "~~~")


def reflow(text: str) -> str:
    """``text`` with the newlines that hard-wrap a paragraph replaced by spaces (nothing else changes)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    needed = FULL_SHARE * width
    fenced = _fenced_lines(lines) if "```" in text or "~~~" in text else frozenset()
    # The cheapest tests first: most newlines are decided by the first two. ``find(" ") % (len + 1)``
    # is the length of the first word (``find`` gives -1 when the line is one word).
    separators = [
        " "
        if following[:1] not in _KEEPING_STARTS
        and len(line) + 1 + following.find(" ") % (len(following) + 1) >= needed
        and _wrapped(line, following)
        and index not in fenced
        else "\n"
        for index, (line, following) in enumerate(itertools.pairwise(lines), 1)
    ]
    separators.append("")
    return "".join(itertools.chain.from_iterable(zip(lines, separators, strict=True)))


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were hard-wrapped at, or ``None`` if they were not hard-wrapped."""
    lengths = [len(line) for line in lines]
    continued = sorted(length for length, following in itertools.pairwise(lengths) if length and following)
    if len(continued) < MIN_CONTINUED_LINES:
        return None
    width = continued[int(0.95 * (len(continued) - 1))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    full = len(continued) - _count_below(continued, FULL_SHARE * width)
    return width if full >= HARD_WRAPPED_SHARE * len(continued) else None


def _first_word_length(line: str) -> int:
    space = line.find(" ")
    return len(line) if space < 0 else space


def _count_below(ordered: list[int], limit: float) -> int:
    """How many of the sorted ``ordered`` are below ``limit``."""
    return bisect.bisect_left(ordered, limit)


def _wrapped(line: str, following: str) -> bool:
    """True unless the break between two long enough lines is structure: a list, Markdown, columns."""
    if line.isspace():
        return False
    if following[0] in _STRUCTURE_STARTS and (_is_markdown_block(following) or _LIST_ITEM.match(following)):
        return False
    if line[0] in _STRUCTURE_STARTS and _is_markdown_block(line):
        return False
    return not (_laid_out(line) or _laid_out(following))


def _is_markdown_block(line: str) -> bool:
    """True if ``line`` is a Markdown heading, block quote, table row or fence."""
    first = line[:1]
    if first == "#":
        marks = len(line) - len(line.lstrip("#"))
        return marks <= 6 and line[marks : marks + 1] in ("", " ", "\t")
    return first in (">", "|") or line.startswith(_FENCES)


def _laid_out(line: str) -> bool:
    """True if ``line`` is laid out in columns: a gap of three spaces or a tab inside it, or dot leaders.

    Dot leaders are six dots or four spaced ones: novels use four dots for an ellipsis after a sentence.
    """
    if "   " in line or "\t" in line:
        inner = line.strip()
        if "   " in inner or "\t" in inner:
            return True
    return "......" in line or ". . . ." in line


def _fenced_lines(lines: list[str]) -> frozenset[int]:
    """Indices of the lines of Markdown fenced code blocks, fences included."""
    fenced: set[int] = set()
    inside = False
    for index, line in enumerate(lines):
        fence = line.startswith(_FENCES)
        if inside or fence:
            fenced.add(index)
        if fence:
            inside = not inside
    return frozenset(fenced)

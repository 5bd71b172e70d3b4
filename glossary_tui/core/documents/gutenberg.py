"""Project Gutenberg's header and licence: where they are, so extraction can leave them out.

A Gutenberg book opens with a header (title, author, translators, release date,
the licence's first lines) ended by a ``*** START OF THE PROJECT GUTENBERG EBOOK
… ***`` line, often followed by a credit paragraph ("Produced by …", "Special thanks
are due to … for proofreading", or the volunteers' names alone); it closes with an
``End of the Project Gutenberg EBook of …`` line, an ``*** END OF … ***`` line
and the full licence. Neither is the book: the translators, volunteers and the
foundation listed there are no characters. Both markers are matched whatever
their spacing and case ("THIS"/"THE", "EBOOK"/"ETEXT"), as Gutenberg has written
them over the years; a text without them has no boilerplate.
"""

from __future__ import annotations

import re

_START = re.compile(
    r"^[ \t]*\*{3}[ \t]*START OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b[^\n]*$"
    r"|^[ \t]*\*END\*[ \t]*THE SMALL PRINT[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_END = re.compile(
    r"^[ \t]*\*{3}[ \t]*END OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: The line that announces the end, a few lines above the END marker (or alone, in old books).
_END_OF_BOOK = re.compile(r"^[ \t]*End of (?:the )?Project Gutenberg(?:'s|’s)?\b[^\n]*$", re.IGNORECASE | re.MULTILINE)
#: The first paragraph after the START marker (blank lines before it skipped).
_FIRST_PARAGRAPH = re.compile(r"\s*(\S[^\n]*(?:\n[^\n]*\S[^\n]*)*)")
#: Words that make that paragraph a credit to the people who made the e-book.
_CREDIT_WORDS = re.compile(
    r"\b(?:produced|prepared|transcribed|proof-?read\w*|scanned|e-?texts?|e-?books?|volunteers?|special thanks)\b",
    re.IGNORECASE,
)
#: What joins the names of a credit: commas and "and".
_NAME_JOINS = re.compile(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
#: A person's name as a credit writes it: two or more capitalised words ("David Widger").
_FULL_NAME = re.compile(r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)+")
#: A credit is short: a longer first paragraph is the book's own opening.
_CREDIT_MAX_CHARS = 300
#: How far above the END marker its "End of the Project Gutenberg EBook" line may be.
_END_LINE_REACH = 400


def boilerplate_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` ranges of ``text`` that are Gutenberg's header and licence, in order.

    The header runs from the start of the text to the end of the START marker
    (and a credit paragraph right after it); the licence from the "End of the
    Project Gutenberg EBook" line (or the END marker) to the end of the text.
    """
    start = _START.search(text)
    header_end = 0 if start is None else start.end()
    licence_start = _licence_start(text, header_end)
    ranges: list[tuple[int, int]] = []
    if start is not None:
        ranges.append((0, _credit_end(text, header_end, len(text) if licence_start is None else licence_start)))
    if licence_start is not None:
        ranges.append((licence_start, len(text)))
    return tuple(ranges)


def _credit_end(text: str, body_start: int, body_end: int) -> int:
    """Where the credit paragraph right after the START marker ends (``body_start`` if there is none).

    A credit is short and either speaks of making the e-book ("Produced by", "proofreading",
    "Volunteer") or is one line of full names alone, joined by commas or "and" ("An Anonymous
    Volunteer, and David Widger"; not "WAR AND PEACE" nor "Sense and Sensibility", titles).
    """
    paragraph = _FIRST_PARAGRAPH.match(text, body_start, body_end)
    if paragraph is None or len(paragraph.group(1)) > _CREDIT_MAX_CHARS:
        return body_start
    words = paragraph.group(1)
    names = _NAME_JOINS.split(words)
    names_alone = (
        len(names) > 1
        and "\n" not in words
        and any(c.islower() for c in words)
        and all(_FULL_NAME.fullmatch(name) for name in names)
    )
    return paragraph.end() if names_alone or _CREDIT_WORDS.search(words) else body_start


def _licence_start(text: str, body_start: int) -> int | None:
    """Where the closing boilerplate begins, if the text has any after ``body_start``."""
    markers = list(_END.finditer(text, body_start))
    if markers:
        marker = markers[-1].start()
        announced = _END_OF_BOOK.search(text, max(body_start, marker - _END_LINE_REACH), marker)
        return announced.start() if announced is not None else marker
    announcements = list(_END_OF_BOOK.finditer(text, body_start))
    return announcements[-1].start() if announcements else None

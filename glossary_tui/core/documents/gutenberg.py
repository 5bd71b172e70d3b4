"""Project Gutenberg's header and licence: where they are, so extraction can leave them out.

A Gutenberg book opens with a header (title, author, translators, release date,
the licence's first lines) ended by a ``*** START OF THE PROJECT GUTENBERG EBOOK
… ***`` line, often followed by a "Produced by …" credit; it closes with an
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
#: A credit paragraph just after the START marker.
_CREDIT = re.compile(
    r"\s*(?:Produced by|E-?text prepared by|This e-?(?:book|text) was (?:produced|prepared) by|Transcribed from)"
    r"[^\n]*(?:\n[^\n]+)*",
    re.IGNORECASE,
)
#: How far above the END marker its "End of the Project Gutenberg EBook" line may be.
_END_LINE_REACH = 400


def boilerplate_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` ranges of ``text`` that are Gutenberg's header and licence, in order.

    The header runs from the start of the text to the end of the START marker
    (and a credit paragraph right after it); the licence from the "End of the
    Project Gutenberg EBook" line (or the END marker) to the end of the text.
    """
    ranges: list[tuple[int, int]] = []
    start = _START.search(text)
    body_start = 0
    if start is not None:
        body_start = start.end()
        credit = _CREDIT.match(text, body_start)
        if credit is not None:
            body_start = credit.end()
        ranges.append((0, body_start))
    end_start = _licence_start(text, body_start)
    if end_start is not None:
        ranges.append((end_start, len(text)))
    return tuple(ranges)


def _licence_start(text: str, body_start: int) -> int | None:
    """Where the closing boilerplate begins, if the text has any after ``body_start``."""
    markers = list(_END.finditer(text, body_start))
    if markers:
        marker = markers[-1].start()
        announced = _END_OF_BOOK.search(text, max(body_start, marker - _END_LINE_REACH), marker)
        return announced.start() if announced is not None else marker
    announcements = list(_END_OF_BOOK.finditer(text, body_start))
    return announcements[-1].start() if announcements else None

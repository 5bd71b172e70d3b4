"""Dates and times that are no glossary entries: "tomorrow", "the day", "evening", "Sunday".

The model labels every expression of time, and a novel is full of them: War
and Peace has 2,400 DATE and TIME mentions, "tomorrow", "today", "the day"
and "evening" the most frequent. They are no entries a reader looks up. A date
that fixes a point in history stays: one with a year ("1812", "In October,
1805") or a day of a month ("November 1", "the first of September").
"""

from __future__ import annotations

import re

#: Labels of expressions of time.
TIME_LABELS = frozenset({"DATE", "TIME"})

#: A year: four digits from 1000 to 2099 (or a decade, "the 1820s"), not a count ("1000 years").
_YEAR = re.compile(
    r"(?<![\d,.])(?:1[0-9]{3}|20[0-9]{2})(?:s|’s|'s)?(?![\d,.]\d|\s*(?:years?|months?|weeks?|days?|hours?)\b)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_ORDINAL = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth"
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL})"
_DAY_OF_MONTH = re.compile(
    rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}\b|\b{_DAY}\s+(?:of\s+|day\s+of\s+)?{_MONTH}(?!\w)", re.IGNORECASE
)


def is_relative_time(text: str, label: str) -> bool:
    """True for a DATE or TIME mention that names no year and no day of a month."""
    return label in TIME_LABELS and not (_YEAR.search(text) or _DAY_OF_MONTH.search(text))

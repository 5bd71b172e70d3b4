"""Inline markup written around words: where it is, so extraction reads only the words.

Texts carry markup the reader shows as written but that is not prose: style
tags (Rich/BBCode ``[bold]…[/bold]``, ``[/]``, a few HTML inline tags such as
``<b>``) and emphasis markers (Markdown ``**Berlin**``, ``__x__``, Gutenberg's
``_italic_``). Left in, they glue onto names ("[bold]Angela", "_Natásha_") and
mislead the model. Only markers that touch a word on one side and not on the
other are markup: ``snake_case`` and ``5 * 3`` stay as they are, and a bracket
that opens with a capital (``[Illustration]``, ``[Sidenote: …]``) is prose.
"""

from __future__ import annotations

import re

#: Where markup may start: searched for first, as a character class is far faster to scan for.
_MARKUP_START = re.compile(r"[\[<*_]")
#: Markup, matched where it may start.
_MARKUP = re.compile(
    # Rich/BBCode style tags: lowercase words, attributes, closing tags, [/].
    r"\[/?[a-z@][a-z0-9_ #=:.,/@'\"-]{0,60}\]|\[/\]"
    # HTML inline tags in plain text.
    r"|</?(?i:b|i|u|em|strong|span|small|big|sup|sub|font|mark|a|br)(?:\s[^<>\n]{0,200})?/?>"
    # A run of emphasis markers (kept only if it opens before a word or closes after one).
    r"|[*_]{1,3}"
)


def markup_ranges(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` ranges of inline markup in ``text``, in order."""
    ranges: list[tuple[int, int]] = []
    for candidate in _MARKUP_START.finditer(text):
        if ranges and candidate.start() < ranges[-1][1]:
            continue
        match = _MARKUP.match(text, candidate.start())
        if match is None:
            continue
        start, end = match.span()
        if text[start] in "*_":
            word_before = start > 0 and text[start - 1].isalnum()
            word_after = end < len(text) and text[end].isalnum()
            if word_before == word_after:
                continue
        ranges.append((start, end))
    return ranges

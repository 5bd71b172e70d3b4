"""Names written only between quotes inside a sentence: titles of works ("a duet from “Zampa” upon the piano").

A book quotes the title of an opera, a song or a play as it writes others in
italics (:mod:`~glossary_tui.core.entities.italics`): "a duet from “Zampa”
upon the piano", "she sang “Norma” for us". The model tags the capitalised
words inside as a person or a place. A name written between quotes every time
it is tagged, the quotes holding the name alone (no "!" nor "," of a line of
dialogue: “Pip!” cried Joe, “Joe,” said I), with a lowercase word before the
opening quote and after the closing one (the sentence goes on around it) is a
title: it becomes a work (WORK_OF_ART, a label the glossary shows and no list
of people or places counts).

A name quoted as a name stays: after a naming word ("the man they called
“Buck”"), opening a sentence ("“Uncle” sat down"), or written unquoted
elsewhere ("the words “Biddy” and ..." beside "Biddy smiled"). A text shorter
than :data:`~glossary_tui.core.entities.labelling.MIN_BOOK_CHARS` (a news
story) keeps its names as labelled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossary_tui.core.entities.class_nouns import NAME_LABELS, NAMING_WORDS
from glossary_tui.core.entities.italics import TITLE_LABEL
from glossary_tui.core.entities.label_cues import names_by_unit, relabel_names
from glossary_tui.core.entities.labelling import MIN_BOOK_CHARS  # a shorter text keeps its names, as labelled
from glossary_tui.core.extraction.mentions import Mention

#: Opening quotes and the closing quote each pairs with.
QUOTES = {"“": "”", '"': '"', "‘": "’"}
#: A lowercase word, then an opening quote hugging what follows (a tokenised text puts a space inside: "“ Zampa").
_BEFORE = re.compile(r"(?<![^\W\d_])(?P<word>[a-z]+)[ \t]+(?P<quote>[“\"‘])[ \t]?$")
#: A closing quote hugging what comes before, then a lowercase word.
_AFTER = re.compile(r"[ \t]?(?P<quote>[”\"’])[ \t]+[a-z]")
#: How far back the word and the quote before a mention are looked for.
_REACH = 30


def quoted_titles(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` with the names written only as quoted titles made works (see the module)."""
    if len(text) < MIN_BOOK_CHARS:
        return list(mentions)
    groups = names_by_unit(mentions, NAME_LABELS)
    new_labels: dict[str, str | None] = {
        unit: TITLE_LABEL for unit, group in groups.items() if all(_quoted_in_a_sentence(m, text) for m in group)
    }
    return relabel_names(mentions, new_labels, NAME_LABELS)


def _quoted_in_a_sentence(mention: Mention, text: str) -> bool:
    """True if quotes hold ``mention`` alone, with a lowercase word (no naming word) before and after them."""
    before = _BEFORE.search(text, max(0, mention.start - _REACH), mention.start)
    if before is None or before.group("word") in NAMING_WORDS:
        return False
    after = _AFTER.match(text, mention.end)
    return after is not None and after.group("quote") == QUOTES[before.group("quote")]

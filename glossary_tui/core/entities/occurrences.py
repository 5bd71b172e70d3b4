"""A confirmed name found where the model left it untagged.

spaCy's small model tags a name at some of its occurrences and not at others:
in Great Expectations "Drummle" is written 88 times and tagged 34; in a LitBank
excerpt "Curtis" is tagged at the start and missed eight times after. Once the
book has a name (the model tagged it, the clean-up and labelling kept it), its
other occurrences are mentions too, with the label the name has. An occurrence
is taken only where it can be nothing else than that name:

- written exactly so (case included, or all in capitals as in a heading) as a
  whole word, outside any mention the model made and outside Gutenberg's
  header and licence;
- not part of a longer capitalised run ("Union Jack", "New London Inn",
  "Newgate-street"): a capitalised word glued before or after it must be a
  title ("Miss Brooke") or a word the book writes as a common word;
- not a lone title or form of address ("King", "Majesty"), nor a name said in
  oaths ("God", "Heaven"): those keep only the mentions the model made;
- for a one-word name, not a word the book uses as a common word ("Will",
  "Hope", "May": see :mod:`~glossary_tui.core.entities.book_words`), and not
  at the start of a sentence if the book ever writes it in lowercase.

The book's capitalised words are indexed once per text, so a regrouping while
the book streams in only looks up the names it has.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary_tui.core.documents.contents import contents_ranges
from glossary_tui.core.documents.gutenberg import boilerplate_ranges
from glossary_tui.core.entities.aliases import TITLES
from glossary_tui.core.entities.book_words import BookWords, book_words
from glossary_tui.core.extraction.mentions import Mention

#: Labels whose names are looked for at their untagged occurrences.
FOUND_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})
#: Names said in oaths and exclamations ("my God!", "thank Heaven", "mon Dieu"): only the model's mentions count.
OATHS = frozenset({"God", "Lord", "Heaven", "Heavens", "Providence", "Dieu", "Gott"})
#: Words said to or of a person in place of a name ("his Majesty", "Your Excellency"): only the model's mentions
#: count, as for a lone title ("the King's", "the Pope").
FORMS_OF_ADDRESS = frozenset(
    {"Majesty", "Highness", "Excellency", "Lordship", "Ladyship", "Magnificence", "Eminence", "Holiness", "Reverence"}
)
#: Labels of one-off spans that give way to a name of the book inside them ("You and Florence" as a work).
CONTAINER_LABELS = frozenset({"WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})
#: Share of a spelling's mentions that must carry one label for its occurrences to take it.
LABEL_AGREEMENT = 2 / 3
_WORD = re.compile(r"[^\W\d_]+")
_CAPITALISED = re.compile(r"(?<![\w’'-])[^\W\d_a-z][^\W\d_]*")
_ROMAN = re.compile(r"[IVXLC]+")
_NEXT_WORD = re.compile(r"\S*\s+([^\W\d_]+)")
_WORD_AFTER = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]*\n?[ \t]*$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
#: What may stand between the end of a sentence and the next word: quotes, brackets, spaces.
_OPENING = "\"“‘'([_*"


@dataclass(frozen=True)
class _BookIndex:
    """Where each capitalised word of a text starts, and what of the text is no prose: Gutenberg's boilerplate
    and tables of contents."""

    starts: dict[str, list[int]]
    not_prose: tuple[tuple[int, int], ...]


@lru_cache(maxsize=4)
def _book_index(text: str) -> _BookIndex:
    starts: dict[str, list[int]] = defaultdict(list)
    for match in _CAPITALISED.finditer(text):
        starts[match.group()].append(match.start())
    return _BookIndex(dict(starts), tuple(sorted(boilerplate_ranges(text) + contents_ranges(text))))


def add_untagged_occurrences(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` and the untagged occurrences of their names in ``text`` (see the module's rules), sorted."""
    names = _names(mentions)
    if not names or not text:
        return sorted(mentions)
    index = _book_index(text)
    words = book_words(text)
    containers = _containers(mentions, names)
    taken = bytearray(len(text))
    for mention in mentions:
        if (mention.start, mention.end) not in containers:
            taken[mention.start : mention.end] = b"\1" * (mention.end - mention.start)
    found: list[Mention] = []
    for (key, offset), by_second in _by_first_words(names, words).items():
        free = [start - offset for start in index.starts.get(key, ()) if start >= offset and not taken[start - offset]]
        one_word = by_second.get("", [])
        longer = any(by_second.keys() - {""})
        for start in free:
            following = _next_word(text, start + offset + len(key)) if longer else ""
            for label, parts in (*one_word, *by_second.get(following, ())):
                end = _match_words(text, start, parts)
                if end < 0 or taken.find(1, start, end) >= 0 or _in_ranges(start, index.not_prose):
                    continue
                if len(parts) == 1 and _sentence_start(text, start) and words.lowercase(key):
                    continue
                if _stands_alone(text, start, end, words, names):
                    found.append(Mention(start, end, text[start:end], label))
    found = _unoverlapping(found)
    replaced = _replaced(containers, found)
    return sorted([*(mention for mention in mentions if (mention.start, mention.end) not in replaced), *found])


def _containers(mentions: Sequence[Mention], names: dict[str, str]) -> dict[tuple[int, int], Mention]:
    """One-off spans of a work, law, product or event that are no name of the book: a name inside is looked for."""
    spellings = Counter(mention.text for mention in mentions)
    return {
        (mention.start, mention.end): mention
        for mention in mentions
        if mention.label in CONTAINER_LABELS and spellings[mention.text] == 1 and mention.text not in names
    }


def _replaced(containers: dict[tuple[int, int], Mention], found: list[Mention]) -> set[tuple[int, int]]:
    """The containers a found name overlaps: they give way to it."""
    ordered = sorted(containers)
    starts = [start for start, _ in ordered]
    replaced = set()
    for mention in found:
        index = bisect.bisect_left(starts, mention.end) - 1
        while index >= 0 and ordered[index][1] > mention.start:
            replaced.add(ordered[index])
            index -= 1
    return replaced


def _names(mentions: Sequence[Mention]) -> dict[str, str]:
    """Each spelling of a name (without a possessive) and the label most of its mentions carry."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.label in FOUND_LABELS:
            spelling = _POSSESSIVE.sub("", " ".join(mention.text.split()))
            if _WORD.search(spelling):
                labels[spelling][mention.label] += 1
    names = {}
    for spelling, counts in labels.items():
        label, count = counts.most_common(1)[0]
        if spelling in OATHS or spelling.lower() in TITLES or spelling in FORMS_OF_ADDRESS:
            continue
        if count >= LABEL_AGREEMENT * counts.total():
            names[spelling] = label
    return names


def _by_first_words(
    names: dict[str, str], words: BookWords
) -> dict[tuple[str, int], dict[str, list[tuple[str, list[str]]]]]:
    """The names to look for, by their first word (and where it starts in them), then by the first letters of
    their second word ("" for a one-word name): each occurrence of a word in the book is looked at once.

    Each name is looked for in capitals too ("BIDDY", "MR. VILLARS" in a heading). A one-word name the book
    uses as a common word is not looked for.
    """
    keyed: dict[tuple[str, int], dict[str, list[tuple[str, list[str]]]]] = defaultdict(lambda: defaultdict(list))
    shouted = {spelling.upper(): label for spelling, label in names.items() if spelling.upper() not in names}
    for spelling, label in (*names.items(), *shouted.items()):
        pieces = _WORD.findall(spelling)
        if len(pieces) == 1 and words.is_common(pieces[0]):
            continue
        first = _WORD.search(spelling)
        assert first is not None
        parts = spelling.split()
        second = _WORD.match(parts[1]) if len(parts) > 1 else None
        keyed[(first.group(), first.start())][second.group() if second else ""].append((label, parts))
    return keyed


def _next_word(text: str, position: int) -> str:
    """The letters of the word after the one ending at ``position`` (past its punctuation and the spaces)."""
    match = _NEXT_WORD.match(text, position)
    return match.group(1) if match else ""


def _match_words(text: str, start: int, parts: list[str]) -> int:
    """Where ``parts`` written from ``start`` on, any run of whitespace between them, end; -1 if they are not."""
    position = start
    for number, part in enumerate(parts):
        if number:
            gap = position
            while gap < len(text) and text[gap].isspace():
                gap += 1
            if gap == position:
                return -1
            position = gap
        if not text.startswith(part, position):
            return -1
        position += len(part)
    return position


def _in_ranges(offset: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _stands_alone(text: str, start: int, end: int, words: BookWords, names: dict[str, str]) -> bool:
    """True unless the occurrence is glued to more word, or part of a longer run of capitalised words.

    A capitalised word right before it may be a title ("Miss Brooke"), a Roman numeral or common word in a
    heading's capitals ("II. BIDDY", "WRITING BIDDY"), or the first word of a sentence that is no name of the
    book ("Poor Jo"); inside a sentence it is part of the name ("the Old Bailey"). One right after it may only
    be a common word.
    """
    if start and (text[start - 1].isalnum() or text[start - 1] in "-’'"):
        return False
    if end < len(text) and (text[end].isalnum() or (text[end] in "-’'" and text[end + 1 : end + 2].isalpha())):
        possessive = text[end] in "’'" and text[end + 1 : end + 2] == "s" and not text[end + 2 : end + 3].isalpha()
        if not possessive:
            return False
    after = _WORD_AFTER.match(text, end)
    if after is not None and after.group(1)[0].isupper() and not words.is_common(after.group(1)):
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if before is None or not before.group(1)[0].isupper():
        return True
    word = before.group(1)
    if word.lower() in TITLES or _ROMAN.fullmatch(word) or (word.isupper() and words.is_common(word)):
        return True
    return _sentence_start(text, start - len(before.group())) and word not in names


def _sentence_start(text: str, start: int) -> bool:
    """True if the word at ``start`` opens a sentence, a paragraph or a quotation."""
    position = start
    while position and (text[position - 1] in _OPENING or text[position - 1] in " \t"):
        position -= 1
    if not position:
        return True
    previous = text[position - 1]
    if previous == "\n":
        line = text[text.rfind("\n", 0, position - 1) + 1 : position - 1].rstrip(" \t\"”’')]_*")
        return not line or line[-1] in ".!?…:"
    return previous in ".!?…:;—-"


def _unoverlapping(found: list[Mention]) -> list[Mention]:
    """Of occurrences that overlap (a name inside a longer one), the longest, first come."""
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda mention: (mention.start, -mention.end)):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept

"""Mention clean-up: a mention's span holds the name and nothing else.

The model's spans carry debris: words before or after the name ("Evidently
Speránski", "Wemmick remarked", "marry Clara", "’s Provis"), chapter headings
run together ("CHAPTER XXIX CHAPTER"), two names read as one across a
paragraph break or a word that joins them ("Estella to Provis"), and spans
that are no name at all ("the bay", "I.", "CHAPTER"). For every mention of a
name label this module

1. splits the span at a paragraph break, and, for people and places, at a
   comma or a lowercase word that is no name particle ("Estella to Provis"),
2. trims from both ends what is not part of a name: punctuation, clitics
   ("’s", "n’t"), lowercase words (name particles such as "de" aside at the
   start), chapter headings and Roman numerals before a name, words the book
   itself writes as common words (see :mod:`~glossary_tui.core.entities.book_words`)
   or capitalises only first in a sentence ("Hereupon Startop"),
   and, before a person's name, a nationality the book names ("Frenchman
   Langeron", "Austrian General Weyrother"),
3. drops what is left if it is no name: no capital letter, a lone letter or
   Roman numeral, a lone title ("Prince", "Uncle"),
4. drops a way of addressing a rank after a possessive ("His Majesty", "your
   Serene Highness"): whoever holds it, no name,
5. ends a person's name before "the" and an office whose possessive follows
   ("Mrs. Cadwallader the Rector's wife" is Mrs. Cadwallader and the
   Rector's wife; "Peter the Great's army" keeps its epithet).

Offsets stay offsets into the text: a trimmed mention is a slice of the original.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from glossary_tui.core.entities.aliases import PARTICLES, TITLES
from glossary_tui.core.entities.book_words import BookWords, book_words
from glossary_tui.core.entities.class_nouns import is_dictionary_word
from glossary_tui.core.entities.names import (
    MARRIED_TITLES,
    given_name_gender,
    given_name_share,
    name_key,
    spelling_key,
    title_before,
    word_set,
)
from glossary_tui.core.entities.place_kinds import PLACE_HEADS
from glossary_tui.core.extraction.mentions import Mention

#: Labels whose mentions are names (numbers, dates and times are not cleaned here).
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}
)
#: Labels whose names a lowercase word or a comma never joins ("Estella to Provis"; but "Bank of England").
SPLIT_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
#: Labels of places, whose names end in the kind of place they are ("River", "Street").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Lowercase words that may stand inside one name ("Duke of Wellington", "Anne de Bourgh").
CONNECTORS = PARTICLES | {"of", "the", "y", "e", "d", "o"}
#: Lowercase words that may also stand inside the name of an organisation, a work, an event or a law
#: ("Society for Psychical Research", "Marks and Spencer").
NAME_CONNECTORS = frozenset({"and", "&", "for", "in", "on", "at", "upon", "under", "with", "a", "an"})
#: Words that head a chapter, not a name.
HEADING_WORDS = frozenset(
    {"chapter", "book", "part", "volume", "vol", "epilogue", "prologue", "stave", "canto", "section", "appendix"}
)
#: Offices written "the X" after a name, besides titles ("Mrs. Cadwallader the Rector's wife").
OFFICES = TITLES | word_set(
    """rector vicar curate parson dean bishop archbishop archdeacon chaplain deacon abbot abbess prior prioress
    squire judge magistrate sheriff constable bailiff steward mistress"""
)
#: Ways of addressing a dignitary ("His Majesty", "your Serene Highness"): after a possessive, no name.
ADDRESSES = word_set(
    """majesty majesties highness highnesses excellency excellencies lordship lordships ladyship ladyships
    grace graces honour honor worship eminence holiness reverence serene imperial royal most gracious"""
)
_POSSESSIVE_BEFORE = re.compile(r"\b(?i:his|her|your|their|its|our)\s+$")
#: "the" and an office closing a span, the possessive of that office just after it.
_OFFICE_AT_END = re.compile(r"\s+the\s+([A-Z][a-z]+)$")
_POSSESSIVE_AFTER = re.compile(r" ?['’]s\b")
_PIECE = re.compile(r"\S+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_ROMAN = re.compile(r"[IVXLCDM]+")
_NUMERAL = re.compile(
    r"[IVXLCDM]+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|first|second|third|last",
    re.IGNORECASE,
)
_CLITIC = re.compile(r"^['’](?:s|d|ll|re|ve|t|m)$|^n['’]t$", re.IGNORECASE)
#: Punctuation that never starts or ends a name (a final period may: "Co.", "St.", "W.").
_LEADING_PUNCTUATION = "\"“”‘’'([{*_-—–,;:!?.…/"
_TRAILING_PUNCTUATION = '"“”‘)]}*_-—–,;:!?…/'
_CLOSING_QUOTES = "\"”’'"


def clean_mentions(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` with debris trimmed, joined names split and non-names dropped (see the module's rules).

    ``text`` is the document the mentions index; its words decide which
    capitalised words are common ones.
    """
    cleaner = _Cleaner(mentions, book_words(text))
    cleaned = []
    for mention in mentions:
        if mention.label not in NAME_LABELS:
            cleaned.append(mention)
            continue
        for start, end in cleaner.slices(mention.text, mention.label):
            if mention.label == "PERSON":
                end = _name_before_office(mention.text, start, end, text, mention.start)
            if _an_address(mention.text[start:end], text, mention.start + start):
                continue
            cleaned.append(Mention(mention.start + start, mention.start + end, mention.text[start:end], mention.label))
    return cleaned


def _an_address(name: str, text: str, start: int) -> bool:
    """ "His Majesty", "his Serene Highness": a way of addressing whoever holds the rank, not a name."""
    words = _bare(name).lower().split()
    return all(word in ADDRESSES for word in words) and bool(_POSSESSIVE_BEFORE.search(text, max(0, start - 8), start))


def _name_before_office(span: str, start: int, end: int, text: str, offset: int) -> int:
    """Where a person's name in ``span[start:end]`` ends: before "the" and an office whose possessive follows in
    ``text`` (the span starts at ``offset``), else at ``end``."""
    office = _OFFICE_AT_END.search(span, start, end)
    if office is None or office.start() == start or office.group(1).lower() not in OFFICES:
        return end
    return office.start() if _POSSESSIVE_AFTER.match(text, offset + end) else end


class _Cleaner:
    """What one document tells about its names, and the slices worked out for each spelling and label."""

    def __init__(self, mentions: Sequence[Mention], words: BookWords) -> None:
        self.words = words
        spellings = Counter((mention.text, mention.label) for mention in mentions)
        #: How often each name key is a whole mention on its own.
        self.known: Counter[str] = Counter()
        nationalities: set[str] = set()
        for (spelling, label), count in spellings.items():
            key = name_key(_bare(spelling))
            self.known[key] += count
            if label == "NORP":
                nationalities.add(key)
        self.nationalities = frozenset(nationalities)
        self._slices: dict[tuple[str, str], list[tuple[int, int]]] = {}

    def slices(self, text: str, label: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` slices of a mention written ``text`` that are names."""
        found = self._slices.get((text, label))
        if found is None:
            found = self._slices[(text, label)] = [
                trimmed for part in self._parts(text, label) if (trimmed := self._trimmed(text, part, label))
            ]
        return found

    def _parts(self, text: str, label: str) -> list[list[re.Match[str]]]:
        """The parts of a mention (see :func:`_parts`); split at commas whatever its label when every part is a
        name the book writes alone ("Dólokhov, Denísov" the model called an organisation; not "Carston, Waite
        & Co.")."""
        parts = _parts(text, label)
        if label in SPLIT_LABELS or "," not in text:
            return parts
        by_comma = _parts(text, "PERSON")
        if len(by_comma) > 1 and all(self.known[name_key(_bare(_joined(text, part)))] for part in by_comma):
            return by_comma
        return parts

    def _trimmed(self, text: str, part: list[re.Match[str]], label: str) -> tuple[int, int] | None:
        """The part without the words and punctuation at its ends that are not part of a name."""
        first, last = 0, len(part)
        while first < last and self._not_a_name_start(text, part, first, last, label):
            first += 1
        while last > first and self._not_a_name_end(text, part, first, last, label):
            last -= 1
        if first == last:
            return None
        start, end = part[first].start(), part[last - 1].end()
        while start < end and text[start] in _LEADING_PUNCTUATION:
            start += 1
        while end > start and (text[end - 1] in _TRAILING_PUNCTUATION or _dangling_apostrophe(text, start, end)):
            end -= 1
        return (start, end) if start < end and _is_a_name(text[start:end]) else None

    def _not_a_name_start(self, text: str, part: list[re.Match[str]], index: int, last: int, label: str) -> bool:
        piece = part[index].group()
        bare = _bare(piece)
        folded = bare.lower()
        has_more = index + 1 < last
        if not bare or _CLITIC.match(piece.strip(_LEADING_PUNCTUATION + _TRAILING_PUNCTUATION)):
            return True
        if _is_heading(part, index) or (index and _is_heading(part, index - 1) and _NUMERAL.fullmatch(bare)):
            return True
        if _ROMAN.fullmatch(bare):
            return has_more
        if _is_lowercase(bare):
            if folded == "the" and has_more and part[index + 1].group()[0] in _LEADING_PUNCTUATION:
                return True  # the “Quartier Francais”: a quoted name, the article outside the quote
            return not has_more or (folded != "the" and not _is_particle(folded))
        if folded in TITLES:
            return False
        if not has_more:
            return self.words.is_common(bare)
        rest = text[part[index + 1].start() : part[last - 1].end()]
        if label == "PERSON" and name_key(bare) in self.nationalities:
            return self._is_known(rest)
        return (self.words.is_common(bare) or self._only_first_in_a_sentence(bare)) and self._is_known(rest)

    def _only_first_in_a_sentence(self, word: str) -> bool:
        """ "Hereupon", "Thereupon": an English word, no given name, that the book capitalises only where a
        sentence starts (and never writes lowercase, so :meth:`BookWords.is_common` cannot tell)."""
        return (
            self.words.capitalised_inside(word) == 0
            and is_dictionary_word(word)
            and not given_name_share(spelling_key(word))
        )

    def _not_a_name_end(self, text: str, part: list[re.Match[str]], first: int, last: int, label: str) -> bool:
        piece = part[last - 1].group()
        bare = _bare(piece)
        if not bare or _CLITIC.match(piece.strip(_LEADING_PUNCTUATION + _TRAILING_PUNCTUATION)) or _is_lowercase(bare):
            return True
        if last - 1 == first or bare.lower() in TITLES or not self.words.is_common(bare):
            return False
        if label in PLACE_LABELS and bare.lower() in PLACE_HEADS:
            return False  # "the Leichardt River", "Baker Street": a place's head word is its name's
        return self._is_known(text[part[first].start() : part[last - 2].end()])

    def _is_known(self, name: str) -> bool:
        """True if ``name`` (or ``name`` without its titles) is a mention of its own somewhere in the book."""
        words = _bare(name).split()
        while words:
            if self.known[name_key(" ".join(words))]:
                return True
            if _bare(words[0]).lower() not in TITLES:
                return False
            words = words[1:]
        return False


def _parts(text: str, label: str) -> list[list[re.Match[str]]]:
    """The words of a mention, split at paragraph breaks, brackets, "!" and "?", joining words and commas."""
    parts: list[list[re.Match[str]]] = [[]]
    by_comma = label in SPLIT_LABELS
    joining = CONNECTORS if label in SPLIT_LABELS else CONNECTORS | NAME_CONNECTORS
    for match in _PIECE.finditer(text):
        piece = match.group()
        bare = _bare(piece)
        current = parts[-1]
        if current and (_PARAGRAPH_BREAK.search(text, current[-1].end(), match.start()) or piece[0] in "([{"):
            parts.append(current := [])
        if _is_lowercase(bare) and bare.lower() not in joining and not _is_particle(bare.lower()):
            if current:
                parts.append([])
            continue
        current.append(match)
        if (
            piece[-1] in ")]};:"
            or piece.rstrip(_CLOSING_QUOTES)[-1:] in ("!", "?")
            or (by_comma and piece.endswith(","))
        ):
            parts.append([])
    return [part for part in parts if part]


def _joined(text: str, part: Sequence[re.Match[str]]) -> str:
    """The text a part of a mention spans."""
    return text[part[0].start() : part[-1].end()]


def _is_heading(part: Sequence[re.Match[str]], index: int) -> bool:
    """ "CHAPTER", or "Chapter"/"Book"/"Part"… followed by a numeral: a chapter heading, not a name."""
    bare = _bare(part[index].group())
    if bare.lower() not in HEADING_WORDS:
        return False
    following = _bare(part[index + 1].group()) if index + 1 < len(part) else ""
    return bare.isupper() or bool(_NUMERAL.fullmatch(following))


def _is_lowercase(word: str) -> bool:
    """Letters, none of them a capital ("al-Nono" and "d’Artagnan" are names, "9" is no word)."""
    return any(char.isalpha() for char in word) and not any(char.isupper() for char in word)


def _is_particle(folded: str) -> bool:
    """ "de", "al-…", "d’…": a name particle, alone or joined to the name."""
    return re.split(r"[-'’]", folded, maxsplit=1)[0] in PARTICLES


def _dangling_apostrophe(text: str, start: int, end: int) -> bool:
    """A closing quote mark at the end that is no plural possessive ("Rostóvs’" keeps its apostrophe)."""
    return text[end - 1] in "'’" and not (end - start > 2 and text[end - 2] in "sS")


def _is_a_name(text: str) -> bool:
    """Some capital letter, and more than a lone letter, Roman numeral or title."""
    if not any(char.isupper() for char in text):
        return False
    bare = _bare(text)
    return " " in bare or not (len(bare) <= 1 or _ROMAN.fullmatch(bare) or bare.lower() in TITLES)


def _bare(piece: str) -> str:
    """A piece of text without the punctuation around it ("Mr." -> "Mr", "“Pierre," -> "Pierre")."""
    return piece.strip(_LEADING_PUNCTUATION + _TRAILING_PUNCTUATION + ".")


def take_in_titles(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` of one word with a person's title written just before it taken into the span ("Mrs." + "Joe").

    A bare "Joe" after "Mrs." is Mrs. Joe, not Joe: the span says so wherever the mention is read.
    Runs after the labels are decided (the title is a cue of its own for them); the title is read as
    :func:`~glossary_tui.core.entities.names.title_before` reads it, so never across a sentence end.
    Full names keep their spans ("Sir" + "Luke Tallant"): their titled and bare forms are both in use; but a
    married woman's title before a man's full name names his wife ("Mrs." + "Joe Gargery" is Mrs. Joe).
    """
    titled = []
    for mention in mentions:
        if mention.label == "PERSON":
            title, written = title_before(text, mention.start)
            words = mention.text.split()
            if written and (len(words) == 1 or (title in MARRIED_TITLES and _is_a_mans(words[0]))):
                start = text.rindex(written, 0, mention.start)
                mention = Mention(start, mention.end, text[start : mention.end], mention.label)
        titled.append(mention)
    return titled


def _is_a_mans(given_name: str) -> bool:
    """True if the census gives ``given_name`` mostly to men ("Joe")."""
    return given_name_gender(spelling_key(_bare(given_name))) == "male"

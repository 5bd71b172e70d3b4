"""Capitalised words a book uses as common nouns: "a German", "an Elphberg", "three Brahmins".

A name does not take an indefinite determiner: "a German" is one of a kind,
"an Elphberg" one of a family, "a Native Son" one of a club, "three Brahmins"
three of a caste. The model tags such words as people or organisations; a
reader looking for who is who does not want them listed. A name whose
mentions follow an indefinite determiner or a number ("a", "another",
"every", "three"...) at least a quarter of the time is such a word, and all its
mentions go. A name used that way now and then stays: "a Napoleon" a few
times among a thousand mentions of Napoleon.

A place before a lowercase noun is a place said as an adjective ("a London
practice", "an Arizona cave"): still the place, so that use is not counted.

A word the model tags once in the whole text and that an English dictionary
has in lowercase is a common word capitalised at a sentence start, in a cry or
for emphasis ("Hush", "Behold", "Marry", "Appearance", "Death"): a name is
seldom said only once, and a common word that is a name ("Crane", "Hope",
"Temple") is a surname or given name of the census, which stays. Only people
are looked at: places ("china", "surrey") and institutions ("Parliament")
are often dictionary words. The
dictionary is Webster's Second (the ``english-words`` package); a book's own
common words are :mod:`~glossary_tui.core.entities.book_words`' job, this is for
texts too short to tell them (an article, a short story).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from glossary_tui.core.entities.names import given_name_share, name_key, spelling_key, surname_share, title_before
from glossary_tui.core.extraction.mentions import Mention

#: Labels of the mentions looked at.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Labels of places: said before a lowercase noun they are adjectives, not class nouns.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words that go before a common noun and never before a name.
INDEFINITE = frozenset(
    {"a", "an", "another", "any", "every", "each", "several", "many", "some", "such"}
    | {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
)
#: Share of a name's mentions after an indefinite word that makes it a common noun.
CLASS_SHARE = 1 / 4
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]+)[ \t]*\n?[ \t]*$")
_LOWERCASE_AFTER = re.compile(r"[ \t]*\n?[ \t]*[a-z]")
#: How far back the word before a mention is looked for.
_REACH = 16
#: Share (in percent) of the census's people with a surname for a dictionary word to count as one ("Crane" 0.014).
SURNAME_SHARE = 0.005
#: Share (in percent) of the census's people with a given name for a dictionary word to count as one ("Hope").
GIVEN_NAME_SHARE = 0.01
_ONE_WORD = re.compile(r"([^\W\d_]+)(?:['’]s?)?")


def drop_class_nouns(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` without those of names the book uses as common nouns (see the module)."""
    uses: Counter[str] = Counter()
    class_uses: Counter[str] = Counter()
    for mention in mentions:
        if mention.label in NAME_LABELS:
            key = name_key(mention.text)
            uses[key] += 1
            class_uses[key] += _is_class_use(mention, text)
    common = {key for key, count in class_uses.items() if count and count >= CLASS_SHARE * uses[key]}
    if not common:
        return list(mentions)
    return [mention for mention in mentions if mention.label not in NAME_LABELS or name_key(mention.text) not in common]


def _is_class_use(mention: Mention, text: str) -> bool:
    """True if an indefinite word stands right before ``mention`` (a place before a lowercase noun aside)."""
    before = _WORD_BEFORE.search(text, max(0, mention.start - _REACH), mention.start)
    if before is None or before.group(1).lower() not in INDEFINITE:
        return False
    return not (mention.label in PLACE_LABELS and _LOWERCASE_AFTER.match(text, mention.end))


def drop_lone_dictionary_words(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` without those of a one-word person's name said once, untitled, that is a common English word.

    Only people: the dictionary has many places in lowercase ("china", "surrey", "soho"), and an institution
    is often a common word ("Parliament", "the Senate"). A word of a longer name of the text stays ("Nicolo" of
    "Nicolo Machiavelli")."""
    counts = Counter(name_key(mention.text) for mention in mentions if mention.label in NAME_LABELS)
    name_words = {word for key in counts if " " in key for word in key.split()}
    return [
        mention
        for mention in mentions
        if mention.label != "PERSON"
        or counts[key := name_key(mention.text)] > 1
        or key in name_words
        or not _is_common_word(mention.text)
        or title_before(text, mention.start)[0]
    ]


def _is_common_word(name: str) -> bool:
    """True if ``name`` is one capitalised word (capitals only are an acronym or a heading: "UN") that the
    dictionary has in lowercase (itself or, for a plural, its singular) and not capitalised ("napoleon" is a
    pastry, "Napoleon" an emperor), and the census has as no name."""
    match = _ONE_WORD.fullmatch(name)
    if match is None or not match.group(1).istitle():
        return False
    if not is_dictionary_word(match.group(1)):
        return False
    word = match.group(1).lower()
    return surname_share(word) < SURNAME_SHARE and given_name_share(spelling_key(word)) < GIVEN_NAME_SHARE


def is_dictionary_word(written: str) -> bool:
    """True if the dictionary has ``written`` (or, for a plural, its singular) in lowercase and not capitalised
    as written ("Office", "Pillows"; not "Napoleon", "Paris")."""
    word = written.lower()
    dictionary = _dictionary()
    if written.endswith("s") and word not in dictionary:  # a plural ("Pillows", "Beggars")
        written, word = written[:-1], word[:-1]
    return word in dictionary and written not in dictionary


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """The words of Webster's Second (235,000; its capitalised entries are names)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"]))

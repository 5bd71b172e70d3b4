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
practice", "an Arizona cave"): still the place, so that use is not counted; a
place before a small word that is no noun ("an India to which he was never to
return") is one of a kind all the same.

A name only ever written after "a" and a lowercase word that describes ("a huge
St. Bernard", "a perfect Hercules") is a kind or a figure too; a name written
so only some of the time stays ("a poor Pip" beside "Pip said"), as does a
titled name ("a Mr. Smith" is a person).

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

from glossary_tui.core.entities.names import (
    SAINTS,
    TITLES,
    census_table,
    name_key,
    surname_share,
    title_before,
    word_set,
)
from glossary_tui.core.entities.places import is_known_place
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
#: Verbs after a name that make it the subject of a clause ("a tavern Mamónov’s Cossacks had set up").
AUXILIARIES = word_set(
    "is was were are be been being am has had have would could should will shall may might must do did does"
)
#: Small lowercase words that are no noun: a place before one is no adjective ("an India to which"), and none
#: stands between "a" and a name it describes ("a letter to Pip" is no "a ... Pip").
FUNCTION_WORDS = AUXILIARIES | word_set(
    """to of in on at by for from with into upon about after before over under through against among between
    which that who whom whose where when while whence whither and or but nor as than so if though
    he she it they we i you him her them us me his its their our my your this these those not"""
)
#: Lowercase words between "a" and a name that say who it is, not what it is like ("some one called Jane
#: Finn", "a girl named Ruth", "a certain Emilie"), or count ("a second New York" is New York all the same).
NAMING_WORDS = word_set(
    """one called named christened nicknamed dubbed styled termed known entitled
    first second third fourth fifth sixth seventh eighth ninth tenth new certain"""
)
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]+)[ \t]*\n?[ \t]*$")
_LOWERCASE_AFTER = re.compile(r"[ \t]*\n?[ \t]*([a-z]+)")
#: Lowercase words between "a" and a name that do not describe it.
_NOT_DESCRIBING = FUNCTION_WORDS | NAMING_WORDS | INDEFINITE
#: Titles before a name that make "a ..." a person ("a Mr. Smith"); a saint's name after "a" is a kind ("a St.
#: Bernard", a dog).
_PERSON_TITLES = TITLES - SAINTS
#: A lowercase word that may describe what follows ("huge", "four-footed").
_DESCRIBING = re.compile(r"[a-z][a-z-]*")
#: How far back the word before a mention is looked for.
_REACH = 16
#: How far back an indefinite word and the words describing a name are looked for.
_DESCRIBED_REACH = 40
#: Share (in percent) of the census's people with a surname for a dictionary word to count as one ("Crane" 0.014).
SURNAME_SHARE = 0.005
#: Share (in percent) of the census's people with a given name for a dictionary word to count as one ("Hope").
GIVEN_NAME_SHARE = 0.01
_ONE_WORD = re.compile(r"([^\W\d_]+)(?:['’]s?)?")


def drop_class_nouns(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` without those of names the book uses as common nouns (see the module)."""
    uses: Counter[str] = Counter()
    class_uses: Counter[str] = Counter()
    named: set[str] = set()  # names written once at least with no indefinite word before them
    for mention in mentions:
        if mention.label in NAME_LABELS:
            key = name_key(mention.text)
            uses[key] += 1
            if _is_class_use(mention, text):
                class_uses[key] += 1
            elif key not in named and not _is_described_class_use(mention, text):
                named.add(key)
    common = {key for key, count in class_uses.items() if count and count >= CLASS_SHARE * uses[key]}
    common |= uses.keys() - named
    if not common:
        return list(mentions)
    return [mention for mention in mentions if mention.label not in NAME_LABELS or name_key(mention.text) not in common]


def _is_class_use(mention: Mention, text: str) -> bool:
    """True if an indefinite word stands right before ``mention`` (a place before a lowercase noun aside)."""
    before = _WORD_BEFORE.search(text, max(0, mention.start - _REACH), mention.start)
    if before is None or before.group(1).lower() not in INDEFINITE or _titled(mention):
        return False
    return not (mention.label in PLACE_LABELS and before_a_noun(mention, text))


def _is_described_class_use(mention: Mention, text: str) -> bool:
    """True if an indefinite word and a lowercase word that describes stand right before ``mention`` ("a huge
    St. Bernard"; not "a letter to", "some one called", "a second", "a certain"), and no verb of a clause after
    it ("a tavern Mamónov’s Cossacks had set up"); a known place ("a fine London") or a place before a lowercase
    noun ("a fine Arizona cave") aside."""
    reach = max(0, mention.start - _DESCRIBED_REACH)
    words = text[reach : mention.start].rsplit(None, 2)  # split by hand: this runs on every mention of a book
    if len(words) < 2 + bool(reach) or words[-2].lower() not in INDEFINITE:
        return False
    if words[-1] in _NOT_DESCRIBING or not _DESCRIBING.fullmatch(words[-1]):
        return False
    if _titled(mention) or is_known_place(mention.text):
        return False
    after = _LOWERCASE_AFTER.match(text, mention.end)
    if after is not None and after.group(1) in AUXILIARIES:
        return False
    return not (mention.label in PLACE_LABELS and before_a_noun(mention, text))


def _titled(mention: Mention) -> bool:
    """True if ``mention`` is a person's title and a name ("a Mr. Smith" is a person; not "a King and Queen"),
    a saint's aside ("a St. Bernard" is a dog)."""
    words = mention.text.split()
    if len(words) < 2 or not words[1][:1].isupper():
        return False
    return words[0].rstrip(".").lower() in _PERSON_TITLES


def before_a_noun(mention: Mention, text: str) -> bool:
    """True if a lowercase word that may be a noun follows ``mention`` ("a London practice"; not "an India to")."""
    after = _LOWERCASE_AFTER.match(text, mention.end)
    return after is not None and after.group(1) not in FUNCTION_WORDS


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
    return surname_share(word) < SURNAME_SHARE and _given_name_as_written(word) < GIVEN_NAME_SHARE


def _given_name_as_written(word: str) -> float:
    """How common ``word`` (folded) is as a given name spelt just so, in percent: "marry" is rare (0.003), though
    spelt as "Mary" is (:func:`~glossary_tui.core.entities.names.spelling_key` makes them one)."""
    return _census_given_names().get(word, 0.0)


@lru_cache(maxsize=1)
def _census_given_names() -> dict[str, float]:
    shares: dict[str, float] = {}
    for table in ("male_first", "female_first"):
        for name, share in census_table(table):
            shares[name] = shares.get(name, 0.0) + share
    return shares


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

"""Capitalised words a book writes like names that name no one: things, feasts, degrees, institutions said once.

The model tags what is capitalised, and the labelling gives every tagged
name a kind; some are no person, place or organisation a reader looks up,
and the book's own writing shows it:

- **A thing written "the X"**: "the Moonstone passed", "the Diamond", "the
  Boar's coffee-room". A person is seldom "the" anything; a name decided a
  person that the book writes after "the" at least half the time, whose words
  are common English words, with no cue of a person anywhere (no title, no
  "said X", no "X, who"; a possessive or "old" before it are a thing's too),
  is a thing: a place (FAC) if the book puts it after "at/in/to the" ("at
  the Boar", "near the old Battery"), else an object (PRODUCT, a label the
  glossary shows but no list of people counts). A name holding a word of a
  person's full name is no thing ("the House of Usher", Roderick Usher's).
- **A description said once or twice**: "the War Office", "the Medical
  Directory", "the Headless Horseman". A name of two common words or more
  (no title), written "the X" at half its mentions or more, seen at most
  :data:`DESCRIPTION_MENTIONS` times, none of whose words the book
  capitalises anywhere else ("the House of Usher" stays where Roderick Usher
  lives), with no cue of a person, is a description written with capitals,
  not a name: its mentions go. "Dover Street", "Sleepy Hollow" (no "the")
  and a name said three times or more stay.
- **A feast day**: "Easter", "Whitsun", "Michaelmas", "Christmas Eve". A
  feast is a date with no year, which the glossary leaves out as it leaves
  out "Sunday" (:mod:`~glossary_tui.core.extraction.dates`); the model tags
  some as people. Its mentions go.
- **A nationality's adjective**: "the Belgravian square", "the Welsh
  puddler", "the Gothic library", "some Florentine merchants". One word that
  ends as the adjectives of peoples and places do (-ian, -ean, -ese, -ish,
  -ic, -ine, -ite, -sh; not -an, a place's ending too: "Ryazán", "Milan") and that the book writes before a lowercase
  word that may be a noun at half its mentions or more, taken for a person,
  an organisation or a building, is a nationality or a group (NORP) when no
  cue of a person stands anywhere (a title, "said X", a given name of the
  census: "Christine", "Caroline") and it names no known place. Places stay
  places ("the Milan cathedral").
- **A point of the compass**: "the East and North", "the South", "the
  North-West" written alone are a direction or a region, as LitBank
  annotates them (a common noun), not a name; with the name of a place they
  stay ("North America", "the West Indies"). Their mentions go.
- **An abbreviation left alone**: "Esq.", "Co.", "M.R.C.S." written after a
  name ("John Graves, Esq.", "Waite and Co.", "James Mortimer, M.R.C.S.")
  and cut off from it by the comma or the "and" the span clean-up splits at.
  A person or organisation whose words are all honorifics, company words or
  degrees written as abbreviations is no name; its mentions go.
- **A verb without its final g**: "Talkin' through it!", "Respectin’ the
  law". One word ending in "in" that the book writes with an apostrophe after
  it every time (no "'s"), that the dictionary has with a "g" ("talking") and
  not as it is, and that the census has as no name, is a word of dialect; its
  mentions go. A name before a British closing quote ("‘Come, Martin’ said
  he") is a dictionary word, a name of the census ("Robin’"), or written
  without the quote elsewhere ("Hawkin went home"): it stays.
- **Words of a chapter's heading**: "Chapter I Out to Sea", "THE MAGNET
  ATTRACTING -- A WAIF AMID FORCES". A name seen only in the headings of the
  book, made of common words only, is a title's words
  (:mod:`~glossary_tui.core.entities.heading_words`); its mentions go.
  "A VOYAGE TO LILLIPUT" names a place: "Lilliput" is no common word.
- **A place's kind said in an idiom**: "I am out of Court", "he went to Sea".
  One word that is a head word of places (:data:`~glossary_tui.core.entities.
  place_kinds.PLACE_HEADS`: "court", "sea", "church"), decided a person with no
  cue of one, never written "the X", and no common surname of the census
  ("Hall", "Hill", "Wood" stay), is the kind of a place written bare, no name;
  its mentions go. A place the book names by its kind is written "the Castle",
  "the Court", and is no person: it stays.
- **A doctrine**: "Imperialism", "Socialism", or a list opening with one
  ("Imperialism, Free Trade"). A word in -ism names a belief or a system, no
  person, place or organisation, whatever cue stands around it; its mentions
  go.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence, Set

from glossary_tui.core.entities.book_words import BookWords, book_words
from glossary_tui.core.entities.class_nouns import (
    GIVEN_NAME_SHARE,
    NAME_LABELS,
    SURNAME_SHARE,
    before_a_noun,
    is_dictionary_word,
)
from glossary_tui.core.entities.heading_words import only_in_headings
from glossary_tui.core.entities.label_cues import EVIDENCE_CUES, name_cues, name_unit, names_by_unit, relabel_names
from glossary_tui.core.entities.labelling import MIN_BOOK_CHARS  # a shorter text keeps its names, as labelled
from glossary_tui.core.entities.names import (
    TITLES,
    given_name_share,
    spelling_key,
    strip_determiner,
    strip_possessive,
    surname_share,
    word_set,
)
from glossary_tui.core.entities.place_kinds import PLACE_HEADS
from glossary_tui.core.entities.places import is_known_place
from glossary_tui.core.extraction.mentions import Mention

#: Share of a name's mentions written "the X" that makes it a thing or a description.
THE_SHARE = 0.5
#: A description of common words is said at most this often ("the War Office" twice).
DESCRIPTION_MENTIONS = 2
#: Cues of a person a thing's name takes too: "the Boar's coffee-room", "the old Battery".
THING_CUES = frozenset({"possessive", "epithet_before"})
#: The cues that say a name is a person's, one seen anywhere enough.
PERSON_CUES = tuple(cue for cue in EVIDENCE_CUES["PERSON"] if cue not in THING_CUES)
#: Small words a name's own words may hold besides common words ("Order of the Bath").
_LINK_WORDS = word_set("of the and &")
#: Prepositions before "the X" that make it a place ("at the Boar"; not "in the Gospel", "according to the Gospel").
AT_WORDS = word_set("at near towards toward beyond outside")
_AT_THE = re.compile(r"\b(?i:" + "|".join(sorted(AT_WORDS)) + r")\s+the\s+(?:[a-z]+\s+)?$")
#: "the X", or "the" and one lowercase word ("the old Battery", "the yellow Diamond").
_THE = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?$")
#: Feasts of the year (dates: the model sometimes calls them people).
FEASTS = word_set(
    """christmas christmastide yule yuletide noel easter eastertide whitsun whitsuntide whitsunday pentecost
    michaelmas candlemas lammas martinmas hallowmas allhallowmas lent advent epiphany shrovetide midsummer
    passover"""
)
#: Words a feast's name may hold besides the feast ("Christmas Eve", "Easter Sunday", "Michaelmas Term").
FEAST_WORDS = word_set("day eve week tide term sunday monday")
#: Feasts named by common words.
FEAST_PHRASES = frozenset({"lady day", "good friday", "ash wednesday", "palm sunday", "whit sunday", "whit monday"})
#: Points of the compass written alone ("the East and North", "the South"): a direction or a region, no name.
DIRECTIONS = frozenset(
    {f"{a}{joint}{b}" for a in ("north", "south") for b in ("east", "west") for joint in ("", "-", " ")}
    | {"north", "south", "east", "west"}
)
#: Endings of the adjectives of peoples and places ("Belgravian", "Welsh", "Florentine", "Gothic", "Japanese").
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ine", "ite", "sh")
#: Labels a nationality's adjective is taken for that are changed (a place before a noun is a place).
DEMONYM_LABELS = frozenset({"PERSON", "ORG", "FAC"})
#: Share of a name's mentions before a lowercase noun that makes a demonym-like word an adjective.
ADJECTIVE_SHARE = 0.5
#: Abbreviations written after a name: honorifics, company words, degrees and orders ("Esq.", "Co.", "M.R.C.S.").
AFTER_NAME_ABBREVIATIONS = word_set(
    """esq esqr bart bt jr jun junr sen senr sr co ltd inc md mp qc kc frs mrcs lrcp frcs dd lld
    kcb kg cb obe mbe"""
)
#: Labels an abbreviation left alone takes (a place "U.S." or "Pa." is a place's abbreviation).
ABBREVIATION_LABELS = frozenset({"PERSON", "ORG"})
#: Endings of a nationality's nouns for its people ("Frenchmen", "Englishwoman").
_PEOPLE_ENDINGS = ("women", "woman", "men", "man")
#: How far back "the" (and a preposition before it) is looked for.
_REACH = 24
#: A doctrine ("Imperialism"), alone or opening a list ("Imperialism, Free Trade and ...").
_DOCTRINE = re.compile(r"[A-Z][a-z]{2,}ism(?:\s*(?:,|\band\b)\D*)?")


def relabel_non_names(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """``mentions`` with things written "the X" no longer people, descriptions said once or twice gone (see the
    module)."""
    if len(text) < MIN_BOOK_CHARS:
        return list(mentions)
    groups = names_by_unit(mentions, NAME_LABELS)
    names = [mention for mention in mentions if mention.label in NAME_LABELS]
    nationalities = {name_unit(mention.text) for mention in mentions if mention.label == "NORP"}
    cues = name_cues(names, text, book_words(text))
    words = book_words(text)
    people: defaultdict[str, set[str]] = defaultdict(set)  # a word of a person's full name -> those names
    for unit, group in groups.items():
        if group[0].label == "PERSON" and " " in unit:
            for word in unit.split():
                people[word].add(unit)
    new_labels: dict[str, str | None] = {}
    for unit, group in groups.items():
        if all(_DOCTRINE.fullmatch(mention.text) for mention in group):
            new_labels[unit] = None
            continue
        if _is_a_peoples_noun(unit, nationalities):
            new_labels[unit] = "NORP"  # "the Frenchmen said": people of a nation, whatever they say
            continue
        person_cues = sum(cues[unit].seen[cue] for cue in PERSON_CUES)
        if person_cues:
            continue
        if (
            unit in DIRECTIONS
            or _is_feast(unit)
            or _is_g_dropped(unit, text)
            or _is_place_kind_in_an_idiom(unit, group, text)
            or only_in_headings(group, text)
            or _is_abbreviation(group, text)
            or _is_description(group, text, words)
        ):
            new_labels[unit] = None
        elif _is_nationality_adjective(unit, group, text):
            new_labels[unit] = "NORP"
        elif label := _thing_label(group, text, people):
            new_labels[unit] = label
    return relabel_names(mentions, new_labels, NAME_LABELS)


def _is_a_peoples_noun(unit: str, nationalities: Set[str]) -> bool:
    """True for one word made of a nationality the book names ("French", a NORP) and "man", "men", "woman" or
    "women": "Frenchmen", "Englishwoman" (not "Guardsman", not "Juryman")."""
    if " " in unit:
        return False
    stem = next((unit[: -len(end)] for end in _PEOPLE_ENDINGS if unit.endswith(end)), "")
    return stem in nationalities


def _is_feast(unit: str) -> bool:
    """True for a feast day's name ("easter", "christmas eve", "good friday"; ``unit`` is a name unit)."""
    words = unit.split()
    if unit in FEAST_PHRASES:
        return True
    return any(word in FEASTS for word in words) and all(word in FEASTS or word in FEAST_WORDS for word in words)


def _is_g_dropped(unit: str, text: str) -> bool:
    """True for one word ending in "in" that the dictionary has with a "g" and not as it is, no name of the
    census, written with an apostrophe after it at every occurrence ("Talkin'", "Talkin ’": see the module)."""
    if " " in unit or not unit.endswith("in") or len(unit) < 4 or not unit.isalpha():
        return False
    if not is_dictionary_word(f"{unit.capitalize()}g") or is_dictionary_word(unit.capitalize()):
        return False
    if surname_share(unit) >= SURNAME_SHARE or given_name_share(spelling_key(unit)) >= GIVEN_NAME_SHARE:
        return False
    occurrences = re.finditer(rf"(?i)(?<![^\W\d_]){unit}(?![^\W\d_])(?P<apostrophe>[ \t]?['’](?![^\W\d_]))?", text)
    return all(occurrence.group("apostrophe") for occurrence in occurrences)


def _is_place_kind_in_an_idiom(unit: str, group: Sequence[Mention], text: str) -> bool:
    """True for a place's head word ("court") taken for a person, never written "the X", no common surname of the
    census (the person cues are looked at by the caller)."""
    if unit not in PLACE_HEADS or surname_share(unit) >= SURNAME_SHARE:
        return False
    return all(mention.label == "PERSON" and not _THE.search(_before(mention, text)) for mention in group)


def _is_nationality_adjective(unit: str, group: Sequence[Mention], text: str) -> bool:
    """True for one word (no title: "Saint Dunstan") ending as a nationality's adjective, taken for a person, an
    organisation or a building, written before a lowercase noun at :data:`ADJECTIVE_SHARE` of its mentions or
    more, and no known place (the person cues are looked at by the caller), nor a given name of the census."""
    if " " in unit or not unit.endswith(DEMONYM_ENDINGS) or is_known_place(unit):
        return False
    if given_name_share(spelling_key(unit)) >= GIVEN_NAME_SHARE:  # "Christine", "Caroline", "Lillian"
        return False
    if any(mention.label not in DEMONYM_LABELS or len(strip_determiner(mention.text.split())) > 1 for mention in group):
        return False
    return sum(before_a_noun(mention, text) for mention in group) >= ADJECTIVE_SHARE * len(group)


def _is_abbreviation(group: Sequence[Mention], text: str) -> bool:
    """True for a person or organisation whose every word is an abbreviation written after names ("Esq.",
    "Co.", "M.R.C.S."), written as one: a period after it (in the span or just after) or in capitals, so that
    "Jun" or "Sen" as a given name stays."""
    if any(mention.label not in ABBREVIATION_LABELS for mention in group):
        return False
    return all(_abbreviations_only(mention, text) for mention in group)


def _abbreviations_only(mention: Mention, text: str) -> bool:
    words = mention.text.replace("&", " ").split()
    period_after = text.startswith(".", mention.end)
    return bool(words) and all(
        word.replace(".", "").lower() in AFTER_NAME_ABBREVIATIONS
        and (word.endswith(".") or word.isupper() or (period_after and word == words[-1]))
        for word in words
    )


def _is_description(group: Sequence[Mention], text: str, words: BookWords) -> bool:
    """True for a name of two common words or more, seen at most :data:`DESCRIPTION_MENTIONS` times, written
    "the X" at half its mentions or more, none of whose words the book capitalises elsewhere (see the module)."""
    if len(group) > DESCRIPTION_MENTIONS or not _common_words(group[0].text):
        return False
    content = _content_words(group[0].text)
    if len(content) < 2 or any(words.capitalised_inside(word) > len(group) for word in content):
        return False
    return _written_the_x(group, text)


def _thing_label(group: Sequence[Mention], text: str, people: Mapping[str, set[str]]) -> str | None:
    """FAC or PRODUCT for a name decided a person that is a thing written "the X" (see the module), else None.

    ``people`` are the words of the book's people's full names, each with the names holding it: "the House of
    Usher" where Roderick Usher lives is his family, no thing."""
    if any(mention.label != "PERSON" for mention in group) or not _common_words(group[0].text):
        return None
    unit = name_unit(group[0].text)
    if any(people.get(word, set()) - {unit} for word in unit.split()):
        return None
    if not _written_the_x(group, text):
        return None
    return "FAC" if any(_AT_THE.search(_before(mention, text)) for mention in group) else "PRODUCT"


def _written_the_x(group: Sequence[Mention], text: str) -> bool:
    """True if at least :data:`THE_SHARE` of ``group`` is written "the X"."""
    return sum(_THE.search(_before(mention, text)) is not None for mention in group) >= THE_SHARE * len(group)


def _before(mention: Mention, text: str) -> str:
    """The text just before ``mention``, with the "the" its span starts with if any ("at" + "the Boar")."""
    before = text[max(0, mention.start - _REACH) : mention.start]
    return before + "the " if mention.text.lower().startswith("the ") else before


def _common_words(name: str) -> bool:
    """True if every word of ``name`` (small linking words aside, a leading "the" too) is a common English word
    and no title ("the Emperor" is a person, named by his rank)."""
    words = _content_words(name)
    return bool(words) and all(is_dictionary_word(word) and word.lower() not in TITLES for word in words)


def _content_words(name: str) -> list[str]:
    """The words of ``name`` without possessives, punctuation and small linking words ("of", "the")."""
    words = [strip_possessive(word).strip(".,’'") for word in name.split()]
    return [word for word in words if word and word.lower() not in _LINK_WORDS]

"""Alias merging: the spellings and short forms of one name become one entity.

Deterministic rules, applied in this order to groups of mentions that share a
label and a :func:`~glossary_tui.core.entities.names.name_key`:

1. **One label per name.** When spaCy labels one name differently in
   different places, every group of that name takes the majority label.
2. **People.** Titles and honorifics ("Mr", "Princess", "General", …) are
   ignored for matching; name particles ("al-", "de", "von", …) do not hide a
   surname ("Al-Nono" is "Taher al-Nono"). Full names (two words or more) with
   the same surname and similar given names are one person ("Sergey" and
   "Sergei Lavrov"). One-word forms of a name with and without a title are one
   ("Miss Bartlett", "Bartlett"), unless the word is used with both a man's and
   a woman's title: then it is a family's name ("Mr Verloc", "Mrs Verloc") and
   each titled form stays its own person. A given name alone joins the only
   full name with that given name; with several (two Natashas), each mention
   goes to the person whose full name came last before it, and mentions before
   any full name stay apart. A surname alone joins the only full name with that
   surname, if that full name was mentioned before it or the short form has a
   title; a surname shared by several full names (two Rostóvs) stays apart
   (giving it to the nearest full name cost precision on LitBank: 0.903 ->
   0.893). Titles of one gender never join a name used with titles of the
   other.
3. **Organisations and places.** An acronym joins the name whose initials it
   spells ("UN", "United Nations"); a name contained word for word in exactly
   one longer name of the same label joins it ("Foreign Ministry", "the
   Russian Foreign Ministry").

The canonical name is the most complete form without titles, and among
equally complete forms the most frequent.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler

from glossary_tui.core.entities.names import fold, name_key
from glossary_tui.core.extraction.mentions import Mention

#: Words before a person's name that are not part of it.
TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "master",
        "mister",
        "madam",
        "madame",
        "mme",
        "mlle",
        "mademoiselle",
        "monsieur",
        "m",
        "messrs",
        "dr",
        "doctor",
        "prof",
        "professor",
        "rev",
        "reverend",
        "fr",
        "father",
        "mother",
        "brother",
        "sister",
        "saint",
        "st",
        "sir",
        "dame",
        "lady",
        "lord",
        "prince",
        "princess",
        "count",
        "countess",
        "baron",
        "baroness",
        "duke",
        "duchess",
        "king",
        "queen",
        "emperor",
        "empress",
        "tsar",
        "czar",
        "tsarina",
        "archduke",
        "marquis",
        "marquess",
        "earl",
        "viscount",
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "secretary",
        "senator",
        "governor",
        "mayor",
        "ambassador",
        "premier",
        "general",
        "gen",
        "colonel",
        "col",
        "major",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "corporal",
        "admiral",
        "commander",
        "marshal",
        "uncle",
        "aunt",
        "auntie",
        "cousin",
        "grandfather",
        "grandmother",
        "granny",
        "old",
        "young",
        "little",
    }
)
#: Titles that say a person is a man, or a woman.
MALE_TITLES = frozenset(
    {
        "mr",
        "mister",
        "master",
        "monsieur",
        "m",
        "messrs",
        "sir",
        "lord",
        "prince",
        "count",
        "baron",
        "duke",
        "king",
        "emperor",
        "tsar",
        "czar",
        "archduke",
        "marquis",
        "marquess",
        "earl",
        "viscount",
        "father",
        "brother",
        "uncle",
        "grandfather",
    }
)
FEMALE_TITLES = frozenset(
    {
        "mrs",
        "ms",
        "miss",
        "madam",
        "madame",
        "mme",
        "mlle",
        "mademoiselle",
        "dame",
        "lady",
        "princess",
        "countess",
        "baroness",
        "duchess",
        "queen",
        "empress",
        "tsarina",
        "mother",
        "sister",
        "aunt",
        "auntie",
        "grandmother",
        "granny",
    }
)
#: Labels the model gives people's names by mistake ("Florence" as an ORG beside "Florence Linden").
MISLABELLED_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Name particles: they may start a surname without being one.
PARTICLES = frozenset(
    {
        "al",
        "el",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "des",
        "le",
        "la",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "bin",
        "ibn",
        "ben",
        "abu",
        "ap",
        "mac",
    }
)
#: Labels whose names merge by the organisation and place rules.
CONTAINMENT_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
#: Words skipped when spelling an acronym.
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&"})
#: How alike two given names must be to be spellings of one (Jaro-Winkler similarity).
GIVEN_NAME_SIMILARITY = 0.8

_WORD = re.compile(r"[^\s]+")


@dataclass
class Group:
    """Mentions that are, so far, one entity."""

    label: str
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    #: Titles written before or in the mentions ("mr", "mrs"), folded.
    titles: set[str] = field(default_factory=set)

    def absorb(self, other: Group) -> None:
        self.mentions += other.mentions
        self.keys |= other.keys
        self.titles |= other.titles
        other.mentions = []
        other.keys = set()
        other.titles = set()


def merge_aliases(mentions: Iterable[Mention], text: str = "") -> list[Group]:
    """Group ``mentions`` by the rules above; groups come in order of first mention.

    ``text``, the document the mentions index, lets titles written just before
    a mention count ("Mr" in "Mr Verloc", where the model tags only "Verloc").
    """
    groups = _exact_groups(mentions, text)
    groups = _majority_labels(groups)
    people = [group for group in groups if group.label == "PERSON"]
    _merge_people(people)
    _adopt_mislabelled_names(people, [g for g in groups if g.label in MISLABELLED_PERSON_LABELS and g.mentions])
    for label in CONTAINMENT_LABELS:
        _merge_names([group for group in groups if group.label == label and group.mentions])
    merged = [group for group in groups if group.mentions]
    for group in merged:
        group.mentions.sort()
    merged.sort(key=lambda group: group.mentions[0].start)
    return merged


def canonical_name(mentions: Sequence[Mention], label: str) -> str:
    """The most complete spelling without titles; ties go to the most frequent, then the first."""
    spellings = Counter(display_name(mention.text, label) for mention in mentions)
    first_seen: dict[str, int] = {}
    for mention in mentions:
        first_seen.setdefault(display_name(mention.text, label), mention.start)
    return max(spellings, key=lambda name: (len(_words(name)), spellings[name], -first_seen[name]))


def display_name(text: str, label: str) -> str:
    """A mention's text as a name: single spaces, no leading "the", possessive or (for people) title."""
    words = " ".join(text.split()).split(" ")
    if words and words[0].lower() in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    if label == "PERSON":
        while len(words) > 1 and _bare(words[0]) in TITLES:
            words = words[1:]
    name = " ".join(words)
    if len(name) > 2 and name[-2:].lower() in ("'s", "’s"):
        name = name[:-2]
    elif len(name) > 2 and name[-1] in "'’" and name[-2].lower() == "s":
        name = name[:-1]
    return name


# -- steps ----------------------------------------------------------------------------------


def _exact_groups(mentions: Iterable[Mention], text: str) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for mention in sorted(mentions):
        key = name_key(mention.text)
        group = groups.get((mention.label, key))
        if group is None:
            group = groups[(mention.label, key)] = Group(mention.label, keys={key})
        group.mentions.append(mention)
        words = _words(key)
        if words and _bare(words[0]) in TITLES:
            group.titles.add(_bare(words[0]))
        elif text:
            before = _words(fold(text[max(0, mention.start - 16) : mention.start]))
            if before and _bare(before[-1]) in TITLES:
                group.titles.add(_bare(before[-1]))
    return list(groups.values())


def _majority_labels(groups: list[Group]) -> list[Group]:
    by_key: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        by_key[next(iter(group.keys))].append(group)
    result = []
    for same_name in by_key.values():
        if len(same_name) == 1:
            result.append(same_name[0])
            continue
        winner = max(same_name, key=lambda group: (len(group.mentions), -group.mentions[0].start))
        for group in same_name:
            if group is not winner:
                group.label = winner.label
                winner.absorb(group)
        result.append(winner)
    return result


def _merge_people(groups: list[Group]) -> None:
    """Spelling variants of full names, then short forms into full names (see the module's rules)."""
    cores = {id(group): _person_words(group) for group in groups}
    full = [group for group in groups if len(cores[id(group)]) >= 2]
    short = [group for group in groups if len(cores[id(group)]) == 1]
    # Full names with one surname and similar given names are one person.
    by_surname: dict[str, list[Group]] = defaultdict(list)
    for group in full:
        by_surname[_surname(cores[id(group)])].append(group)
    for same_surname in by_surname.values():
        same_surname.sort(key=lambda group: -len(group.mentions))
        for index, group in enumerate(same_surname):
            if not group.mentions:
                continue
            for other in same_surname[index + 1 :]:
                if other.mentions and _same_person(cores[id(group)], cores[id(other)]):
                    group.absorb(other)
    full = [group for group in full if group.mentions]
    # Short forms of one word: "Miss Bartlett" and "Bartlett" are one, unless the word is a family's
    # name (used with both a man's and a woman's title), where each title stays its own person.
    by_word: dict[str, list[Group]] = defaultdict(list)
    for group in short:
        by_word[_strip_particle(cores[id(group)][0])].append(group)
    families = {word for word, same in by_word.items() if _is_family(same)}
    short = []
    for word, same in by_word.items():
        if word in families:
            short += same
            continue
        same.sort(key=lambda group: -len(group.mentions))
        for other in same[1:]:
            same[0].absorb(other)
        short.append(same[0])
    surnames: dict[str, list[Group]] = defaultdict(list)
    given_names: dict[str, list[Group]] = defaultdict(list)
    for group in full:
        words = cores[id(group)]
        surnames[_surname(words)].append(group)
        given_names[words[0]].append(group)
    for group in short:
        word = _strip_particle(cores[id(group)][0])
        gender = _gender(group)
        by_given = [g for g in given_names.get(word, []) if _compatible(gender, _gender(g))]
        by_family = [g for g in surnames.get(word, []) if _compatible(gender, _gender(g))]
        if by_given and not by_family:
            if len(by_given) == 1:
                by_given[0].absorb(group)
            else:
                _share_by_nearest_full_name(group, by_given)
        elif (
            len(by_family) == 1
            and not by_given
            and word not in families
            # A surname alone follows its full name ("Sergey Lavrov ... Lavrov"); used before the
            # full name appears, it is more likely someone else's (the family, the firm, the lawsuit).
            and (group.titles or _first_start(by_family[0]) < _first_start(group))
        ):
            by_family[0].absorb(group)


def _adopt_mislabelled_names(people: list[Group], others: list[Group]) -> None:
    """A one-word name labelled as something else joins the only person whose given name it is.

    (Not surnames: "Temple" beside "Charlotte Temple" is as often the family or a building.)
    """
    full = [group for group in people if group.mentions and len(_person_words(group)) >= 2]
    given_names: dict[str, list[Group]] = defaultdict(list)
    for group in full:
        given_names[_person_words(group)[0]].append(group)
    for group in others:
        words = _name_words(group)
        if len(words) != 1:
            continue
        candidates = given_names.get(words[0], [])
        if len(candidates) == 1:
            candidates[0].absorb(group)


def _gender(group: Group) -> str:
    """ "male" or "female" if the group's mentions use titles of one gender only, else ""."""
    genders = {"male" for title in group.titles if title in MALE_TITLES}
    genders |= {"female" for title in group.titles if title in FEMALE_TITLES}
    return genders.pop() if len(genders) == 1 else ""


def _first_start(group: Group) -> int:
    return min(mention.start for mention in group.mentions)


def _is_family(groups: list[Group]) -> bool:
    """True if one word is used with a man's title and with a woman's ("Mr Verloc", "Mrs Verloc")."""
    titles = set().union(*(group.titles for group in groups))
    return bool(titles & MALE_TITLES) and bool(titles & FEMALE_TITLES)


def _compatible(first: str, second: str) -> bool:
    return not first or not second or first == second


def _share_by_nearest_full_name(short: Group, candidates: list[Group]) -> None:
    """Give each mention of a short form to the candidate whose full name was mentioned last before it.

    A short name follows the full name it stands for ("Natasha Rostova ... Natasha"); mentions before
    any full name stay apart, since nothing says whose they are.
    """
    starts = sorted((mention.start, index) for index, group in enumerate(candidates) for mention in group.mentions)
    kept: list[Mention] = []
    position = 0
    latest: int | None = None
    for mention in sorted(short.mentions):
        while position < len(starts) and starts[position][0] < mention.start:
            latest = starts[position][1]
            position += 1
        if latest is None:
            kept.append(mention)
        else:
            candidates[latest].mentions.append(mention)
            candidates[latest].keys |= short.keys
    short.mentions = kept


def _merge_names(groups: list[Group]) -> None:
    """Acronyms and unambiguous word-for-word containment, for organisations and places."""
    words = {id(group): _name_words(group) for group in groups}
    # Candidates come from indexes (by word, by initials), not from every pair: a novel has thousands of names.
    by_word: dict[str, list[Group]] = defaultdict(list)
    by_initials: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        for word in set(words[id(group)]):
            by_word[word].append(group)
        if len(words[id(group)]) > 1:
            by_initials[_initials(words[id(group)])].append(group)
    for group in sorted(groups, key=lambda group: len(words[id(group)])):
        mine = words[id(group)]
        if not group.mentions or not mine:
            continue
        acronym = _acronym_text(group)
        candidates = {id(other): other for other in (*by_word[mine[0]], *(by_initials[acronym] if acronym else ()))}
        targets = [
            other
            for other in candidates.values()
            if other is not group and other.mentions and len(words[id(other)]) > len(mine)
            and (_contains(words[id(other)], mine) or (acronym and _initials(words[id(other)]) == acronym))
        ]  # fmt: skip
        if len(targets) == 1:
            targets[0].absorb(group)


# -- words ----------------------------------------------------------------------------------


def _person_words(group: Group) -> list[str]:
    """The most complete spelling's words, folded, without titles or words that cannot start a name.

    Names are capitalised: a lowercase word the model took in ("demesne Buck") is
    dropped, unless it is a name particle ("de", "al-Nono").
    """
    best: list[str] = []
    for spelling in {display_name(mention.text, "") for mention in group.mentions}:
        words = _words(spelling)
        while len(words) > 1 and _not_a_name_start(words[0]):
            words = words[1:]
        if len(words) > len(best):
            best = words
    words = [word for word in (_bare(fold(word)) for word in best) if word]
    if len(words) == 1 and words[0] in TITLES:
        return []
    return words


def _not_a_name_start(word: str) -> bool:
    bare = _bare(fold(word))
    if bare in TITLES or not any(char.isalpha() for char in word):
        return True
    return word[:1].islower() and bare.split("-")[0] not in PARTICLES


def _name_words(group: Group) -> list[str]:
    key = max(group.keys, key=lambda k: len(_words(k)))
    return [word for word in map(_bare, _words(key)) if word]


def _surname(words: list[str]) -> str:
    return _strip_particle(words[-1])


def _strip_particle(word: str) -> str:
    """ "al-nono" -> "nono": a particle joined by a hyphen or apostrophe is not the surname."""
    for separator in ("-", "'"):
        head, _, tail = word.partition(separator)
        if tail and head in PARTICLES:
            return tail
    return word


def _same_person(first: list[str], second: list[str]) -> bool:
    """Same surname; given names alike (spelling/transliteration) or one is the other's initial."""
    if _surname(first) != _surname(second):
        return False
    a, b = first[0], second[0]
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return JaroWinkler.similarity(a, b) >= GIVEN_NAME_SIMILARITY


def _contains(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word not in ACRONYM_STOPWORDS and word[0].isalnum())


def _acronym_text(group: Group) -> str:
    """The folded acronym this group is written as ("UN", "U.N."), or ""."""
    for mention in group.mentions:
        letters = mention.text.replace(".", "").strip()
        if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
            return fold(letters)
    return ""


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _bare(word: str) -> str:
    """A word without surrounding punctuation ("Mr." -> "mr")."""
    return word.strip(".,;:!?\"'()[]")

"""Alias merging: the spellings and short forms of one name become one entity.

Deterministic rules, applied in this order to groups of mentions that share a
label and a :func:`~glossary_tui.core.entities.names.name_key`:

1. **One label per name.** When spaCy labels one name differently in
   different places, every group of that name takes the majority label.
2. **People.** A person mention is read with the title written before it
   (:func:`~glossary_tui.core.entities.names.person_name`): "Pocket" after
   "Mrs." is the name ``pocket`` with the title ``mrs``, and each title and
   name is a form of its own; a name tagged alone is read with the byname
   written after it ("Alexander the Sixth" is Alexander VI). Then, in four
   passes:

   a. *Full names* (two words or more) with one surname and similar given
      names are one person ("Sergey" and "Sergei Lavrov"), or when one given
      name is the start of the other with a diminutive ending
      (:func:`~glossary_tui.core.entities.names.is_diminutive`: "Váska
      Denísov", "Vasíli Denísov"); a given name and
      patronymic joins the only longer name that starts with them ("Anna
      Pávlovna", "Anna Pávlovna Schérer"). A married woman's title with a
      man's name names his wife: "Mrs. Joe Gargery" stays apart from "Joe
      Gargery".
   b. *A title and one word* ("Prince Andrew", "Count Rostóv", "Miss
      Woodhouse") joins the full name whose given name or surname it is: the
      one used with the same title (alone, or three times as often as any
      other: "Mr. Pocket" is Matthew Pocket; a given name and patronymic
      without a surname, "Prince Vasíli Sergéevich", is no other beside
      "Prince Vasíli Kurágin"), or whose family is ("Princess
      Mary" and "Princess Bolkónskaya" make Mary Bolkónskaya), else the only
      one. "Mrs." with a surname joins only a full name used with "Mrs." and
      not named for a man (Mrs. Dashwood is not Mrs. John Dashwood); "Mrs."
      with a given name joins only a wife's full name ("Mrs. Joe", "Mrs. Joe
      Gargery"); "Miss" with a surname never joins a woman called "Miss" with
      her given name (Miss Steele is not Miss Lucy Steele: the eldest
      daughter is Miss Steele). A word used with both a man's and a woman's
      common title (Mr. and Mrs. Verloc) is a family's name: "Mr." joins only
      a full name used with "Mr." or whose given name is a man's. Titles of
      one gender never join a name of the other, told by its titles or its
      given name (:func:`~glossary_tui.core.entities.names.given_name_gender`:
      "Mr. Linden" is John Linden, not Florence Linden); a title of no sex
      ("Doctor", "Citizen") is of the sex the pronouns after its mentions say
      (:mod:`~glossary_tui.core.entities.pronouns`). A family's name whose one
      woman is its daughter ("Miss Manette", known as Lucie Manette; no
      "Mrs." or "Madame") lets a man's title join a full name of no known sex
      ("Monsieur Manette", "Doctor Manette": Alexandre Manette). A full name written
      once beside others does not make a titled name ambiguous, however often
      its person is called otherwise ("Kiríl Andréevich Denísov", else
      "Monsieur Kiríl", is no rival for "Major Denísov").
   c. *A titled word left over* joins the one person already called by the
      word with another title ("Count Kutúzov", "Prince Kutúzov"); with no
      such person, the titled forms of one word are one person when their
      titles agree in gender ("Colonel Brandon", "Mr. Brandon"; for a
      family's name, the same gender), never a married woman's title with an
      unmarried one's (Mrs. Pocket, Miss Pocket).
   d. *A bare word* joins the only person who has it as a given name, a
      titled name or a surname ("Pierre", "Willoughby"). A word used far
      more often as a given name than as a surname is a given name ("Pierre",
      in spite of one "Moscow Pierre"), and the reverse. A given name shared
      by several people goes, mention by mention, to the one mentioned last
      before it; mentions before any of them stay apart. But when one of them
      has three times as many mentions as the others together, and the name
      is written alone more often than those others are mentioned at all, it
      is that one's every time ("Nicholas" is Nicholas Rostóv, not Prince
      Nicholas Bolkónski named a page before); not among people told apart by
      a regnal number or a byname (Alexander VI, Alexander the Great). A surname alone
      joins its only full name if at most a fifth of its mentions come before
      it (Magwitch; not the Jarndyce lawsuit). A surname shared by several
      people goes, like a given name, to the one mentioned last if one of them
      is called by it with a title ("Rostóv": Nicholas Rostóv, or Count
      Rostóv); else it stays apart (giving it to the nearest full name cost
      precision on LitBank: 0.903 -> 0.893). Saints ("St. Nicholas") and
      names written once in someone's full name ("Vienna Kutúzov") are no
      rivals for a word.
3. **Organisations and places.** An acronym joins the name whose initials it
   spells ("UN", "United Nations"); a name contained word for word in exactly
   one longer name of the same label joins it ("Foreign Ministry", "the
   Russian Foreign Ministry"); an owner's name with the label of the one firm
   or place named after it is that firm ("at Tellson’s", "Tellson’s Bank").

A person's display name is the most frequent full name that does not end
in a patronymic and is written in a twentieth of the mentions (at least
twice; in a short text, a tenth will do), or twice with its given name and
its surname each a twentieth of the mentions alone ("Nicholas Rostóv",
called "Nicholas" and "Rostóv"); else the most frequent full name or titled
form ("Anna Pávlovna", "Kutúzov" rather than "Michael Ilariónovich",
"Count Rostopchín", "Miss Havisham", "Prince Andrew"). Forms with debris or
initials never show; a name tagged alone before an ordinal shows with it
("Rudolf the Fifth"). A full name with a regnal number ("Napoleon III") or a
byname written more than once ("Alexander the Great") is another person than
the bare name's, if the bare name has a candidate without one; between such
names, a title goes to the one written with it in full ("Pope Alexander" is
the "Pope Alexander VI"). Other names
show their most frequent form without determiner or possessive ("London",
not "City of London"), ties to the most complete.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from glossary_tui.core.entities.names import (
    COMMON_TITLES,
    EPITHETS,
    MARRIED_TITLES,
    PARTICLES,
    SAINTS,
    TITLES,
    UNMARRIED_TITLES,
    bare,
    byname_after,
    fold,
    gender_of_title,
    given_name_gender,
    is_diminutive,
    is_patronymic,
    is_regnal_number,
    name_key,
    person_name,
    spelling_key,
    strip_determiner,
    strip_possessive,
    title_before,
    written_ordinal,
)
from glossary_tui.core.entities.pronouns import pronoun_gender
from glossary_tui.core.extraction.mentions import Mention

#: Labels the model gives people's names by mistake ("Florence" as an ORG beside "Florence Linden").
MISLABELLED_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Labels whose names merge by the organisation and place rules.
CONTAINMENT_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
#: Words skipped when spelling an acronym.
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&"})
#: How much more often a full name must be used with a title than any other to take that title alone.
TITLE_DOMINANCE = 3
#: How much more often a word must be used as a given name than as a surname (or the reverse) to be one.
ROLE_DOMINANCE = 3
#: How many times as many mentions one person sharing a given name must have as the others together to take it alone.
PERSON_DOMINANCE = 3
#: The share of a surname's mentions that may come before its only full name for it to join that name.
SURNAME_BEFORE_FULL_NAME = 0.2
#: How alike two given names must be to be spellings of one (Jaro-Winkler similarity).
GIVEN_NAME_SIMILARITY = 0.8
#: How often a person's full name must be written to be its display name, or which share of the mentions
#: it must be: a one-off "Evidently Speránski" among 75 mentions is debris, "Sergey Lavrov" in a news story is not.
DISPLAYED_FULL_NAME_MENTIONS = 2
DISPLAYED_FULL_NAME_SHARE = 0.1
#: And a full name must be a fair share of a person's mentions to show, unless its given name and its
#: surname are each one: Rostopchín, named in full twice among 136 mentions, is shown as the book calls
#: him, Nicholas Rostóv (20 of 1,086) as "Nicholas" and "Rostóv" both are.
DISPLAYED_FULL_NAME_LEAST_SHARE = 0.05

_WORD = re.compile(r"[^\s]+")
#: Several unmarried daughters of one family: "the Miss Steeles", "the Misses Bennet".
_SISTERS = re.compile(r"\bMiss(?:es)?\s+(\w+)s\b|\bMisses\s+(\w+)")
#: A person's form: its title (folded, or "") and its name's words (as :func:`spelling_key` spells them).
Form = tuple[str, tuple[str, ...]]


@dataclass
class Group:
    """Mentions that are, so far, one entity."""

    label: str
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    #: For people: every title-and-name form of the mentions, and how many mentions have it.
    forms: Counter[Form] = field(default_factory=Counter)

    def absorb(self, other: Group) -> None:
        self.mentions += other.mentions
        self.keys |= other.keys
        self.forms.update(other.forms)
        other.mentions = []
        other.keys = set()
        other.forms = Counter()


def merge_aliases(mentions: Iterable[Mention], text: str = "", owners: Mapping[str, str] | None = None) -> list[Group]:
    """Group ``mentions`` by the rules above; groups come in order of first mention.

    ``text``, the document the mentions index, lets titles written just before
    a mention count ("Mr" in "Mr Verloc", where the model tags only "Verloc").
    ``owners``: the names the book names places and firms after, with the label of what they own
    (:func:`~glossary_tui.core.entities.possessive_places.possessive_owners`).
    """
    groups = _exact_groups(mentions)
    groups = _majority_labels(groups)
    people = _people_forms([group for group in groups if group.label == "PERSON"], text)
    others = [group for group in groups if group.label != "PERSON"]
    _merge_people(people, sisters_named(text), text)
    _adopt_mislabelled_names(people, [g for g in others if g.label in MISLABELLED_PERSON_LABELS and g.mentions])
    for label in CONTAINMENT_LABELS:
        _merge_names([group for group in others if group.label == label and group.mentions])
    if owners:
        _join_owners_to_their_places(others, owners)
    merged = [group for group in (*people, *others) if group.mentions]
    for group in merged:
        group.mentions.sort()
    merged.sort(key=lambda group: group.mentions[0].start)
    return merged


def canonical_name(mentions: Sequence[Mention], label: str, text: str = "", taken: Set[str] = frozenset()) -> str:
    """The name an entity is shown by (see the module's last paragraph).

    ``text`` lets a person's title written before a mention count ("Miss" +
    "Havisham" is shown "Miss Havisham"). A name in ``taken`` (the names of
    bigger entities) is shown only if no other form of this one is: of two
    people called "Defarge", the second is shown "Madame Defarge".
    """
    if label == "PERSON":
        return _person_display_name(mentions, text, taken)
    spellings = Counter(display_name(mention.text, label) for mention in mentions)
    first_seen: dict[str, int] = {}
    for mention in mentions:
        first_seen.setdefault(display_name(mention.text, label), mention.start)
    return max(spellings, key=lambda name: (name not in taken, spellings[name], len(_words(name)), -first_seen[name]))


@lru_cache(maxsize=1 << 15)
def display_name(text: str, label: str) -> str:
    """A mention's text as a name: single spaces, no leading "the", possessive or (for people) title."""
    words = strip_determiner(text.split())
    if label == "PERSON":
        while len(words) > 1 and (bare(words[0]) in TITLES or bare(words[0]) in EPITHETS):
            words = words[1:]
    if words:
        words[-1] = strip_possessive(words[-1])
    return " ".join(words)


# -- steps ----------------------------------------------------------------------------------


def _exact_groups(mentions: Iterable[Mention]) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for mention in sorted(mentions):
        key = name_key(mention.text)
        group = groups.get((mention.label, key))
        if group is None:
            group = groups[(mention.label, key)] = Group(mention.label, keys={key})
        group.mentions.append(mention)
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


def _people_forms(groups: list[Group], text: str) -> list[Group]:
    """People's groups split by form: the title read before or in each mention, and the name's words.

    A one-word name without a title, tagged without the byname written after it, is read with it: "Alexander the
    Sixth" is "Alexander VI"; "Alexander the Great", when the book has that name tagged whole elsewhere. (Not a
    titled one: "King Louis the Eleventh" would make every "King Louis" the one called "King" with a number.)
    """
    forms: list[tuple[Mention, Form]] = []
    for group in groups:
        for mention in group.mentions:
            name = person_name(mention.text, title_before(text, mention.start) if text else ("", ""))
            forms.append((mention, (name.title, tuple(map(spelling_key, name.words or (name_key(mention.text),))))))
    if text:
        tagged = {words for _, (_, words) in forms}
        for index, (mention, (title, words)) in enumerate(forms):
            if len(words) == 1 and not title and (byname := byname_after(text, mention.end)):
                whole = words + byname
                if len(byname) == 1 or whole in tagged:
                    forms[index] = (mention, (title, whole))
    by_form: dict[Form, Group] = {}
    for mention, form in forms:
        person = by_form.get(form)
        if person is None:
            person = by_form[form] = Group("PERSON")
        person.forms[form] += 1
        person.mentions.append(mention)
        person.keys.add(name_key(mention.text))
    return list(by_form.values())


def _split_living(groups: Iterable[Group], test: Callable[[Group], object]) -> tuple[list[Group], list[Group]]:
    """The groups that still hold mentions, split into those ``test`` is true of and the others."""
    chosen: list[Group] = []
    others: list[Group] = []
    for group in groups:
        if group.mentions:
            (chosen if test(group) else others).append(group)
    return chosen, others


def _full_forms(group: Group) -> list[Form]:
    return [form for form in group.forms if len(form[1]) >= 2]


def _given_names(group: Group) -> set[str]:
    """Given names of the group's full names (not a wife's: "Mrs. Joe Gargery" names Joe)."""
    return {words[0] for title, words in group.forms if len(words) >= 2 and title not in MARRIED_TITLES}


def _surnames(group: Group) -> set[str]:
    return {_surname(words) for _, words in group.forms if len(words) >= 2}


def _titled_words(group: Group) -> set[str]:
    """The one-word names the group is called by with a title (not a married woman's)."""
    return {words[0] for title, words in group.forms if len(words) == 1 and title and title not in MARRIED_TITLES}


def _full_titles(group: Group) -> set[str]:
    return {title for title, words in group.forms if len(words) >= 2 and title}


def _gender(group: Group) -> str:
    """ "male" or "female": what the group's titles say, else what its given names say; "" if unsure."""
    genders = {gender_of_title(title) for title, _ in group.forms} - {""}
    if not genders:
        genders = {given_name_gender(given) for given in _given_names(group)} - {""}
    return genders.pop() if len(genders) == 1 else ""


def _wife(group: Group) -> bool:
    """True if the group is called "Mrs." with a man's name ("Mrs. John Dashwood"): a wife, named for him."""
    return any(title in MARRIED_TITLES and given_name_gender(words[0]) == "male" for title, words in _full_forms(group))


def _married(group: Group) -> bool:
    return any(title in MARRIED_TITLES for title, _ in group.forms)


@lru_cache(maxsize=4)
def sisters_named(text: str) -> frozenset[str]:
    """The surnames (spelt by :func:`spelling_key`) a book gives several unmarried daughters of one family.

    "The Miss Steeles", "the Misses Bennet": then "Miss Steele" is the eldest,
    not the sister called "Miss Lucy". Without such a plural, "Miss Manette" is
    the one daughter, whatever else she is called.
    """
    found = set()
    for match in _SISTERS.finditer(text):
        found.add(spelling_key(match.group(1) or match.group(2)))
    return frozenset(found)


def _merge_people(groups: list[Group], sisters: Set[str] = frozenset(), text: str = "") -> None:
    """Full names, titled words, titled words left over, then bare words (see the module's rules).

    ``sisters``: the surnames several daughters are called "Miss" by (:func:`sisters_named`); ``text``, the
    document, tells by its pronouns the sex of a name whose title does not (:mod:`.pronouns`).
    """
    _merge_full_names(groups)
    _merge_titled_words(groups, sisters, text)
    _merge_same_titled_words(groups)
    _merge_bare_words(groups)


def _merge_full_names(groups: list[Group]) -> None:
    """Rule 2a: spellings of one full name; a given name and patronymic into the one longer name."""
    full = sorted((group for group in groups if _full_forms(group)), key=lambda group: -len(group.mentions))
    by_surname: dict[str, list[Group]] = defaultdict(list)
    for group in full:
        by_surname[_surname(_longest(group))].append(group)
    for same_surname in by_surname.values():
        for index, group in enumerate(same_surname):
            for other in same_surname[index + 1 :]:
                if group.mentions and other.mentions and _same_full_name(group, other):
                    group.absorb(other)
    full = [group for group in full if group.mentions]
    by_start: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for group in full:
        for _, words in _full_forms(group):
            if len(words) >= 3:
                by_start[words[:2]].append(group)
    for group in full:
        words = _longest(group)
        longer = _unique(other for other in by_start.get(words, []) if other is not group) if len(words) == 2 else []
        if len(longer) == 1 and longer[0].mentions and _married(longer[0]) == _married(group):
            longer[0].absorb(group)


def _same_full_name(first: Group, second: Group) -> bool:
    return (
        _married(first) == _married(second)
        and _compatible(_gender(first), _gender(second))
        and _same_person(_longest(first), _longest(second))
    )


def _merge_titled_words(groups: list[Group], sisters: Set[str], text: str = "") -> None:
    """Rule 2b: a title and one word joins the full name it belongs to."""
    full, short = _split_living(groups, _full_forms)
    by_given: dict[str, list[Group]] = defaultdict(list)
    by_surname: dict[str, list[Group]] = defaultdict(list)
    wives: dict[str, list[Group]] = defaultdict(list)
    for group in full:
        for title, words in _full_forms(group):
            if title in MARRIED_TITLES:
                wives[words[0]].append(group)
        for given in _given_names(group):
            by_given[given].append(group)
        for surname in _surnames(group):
            by_surname[surname].append(group)
    titles_by_word: dict[str, set[str]] = defaultdict(set)
    for group in short:
        for title, words in group.forms:
            titles_by_word[_strip_particle(words[0])].add(title)
    # Women called "Miss" with their given name ("Miss Marianne", "Miss Lucy Steele") are not "Miss Dashwood".
    called_miss = {id(group) for group in full if _full_titles(group) & UNMARRIED_TITLES}
    for group in short:
        for title, words in group.forms:
            if title in UNMARRIED_TITLES:
                called_miss |= {id(other) for other in by_given.get(words[0], [])}
    for group in sorted(short, key=lambda group: -len(group.mentions)):
        if len(group.forms) != 1:
            continue
        title, words = next(iter(group.forms))
        if not title or title in SAINTS:
            continue
        word = _strip_particle(words[0])
        if title in MARRIED_TITLES:
            # "Mrs. Joe" is the wife of the "Mrs. Joe Gargery"; "Mrs. Todd" the woman "Mrs. Almira Todd"
            # or "Emma Todd", unless called "Miss" or named for her husband ("Mrs. John Dashwood").
            as_surname = [
                c
                for c in _unique(by_surname.get(word, []))
                if _full_titles(c) & MARRIED_TITLES and id(c) not in called_miss and not _wife(c)
            ]
            candidates = _unique(wives.get(word, []) + as_surname)
        else:
            as_given = [c for c in _unique(by_given.get(word, [])) if not _married(c)]
            as_surname = [c for c in _unique(by_surname.get(word, [])) if not _married(c) and c not in as_given]
            as_given, as_surname = _dominant_role(word, as_given, as_surname)
            candidates = _unnumbered_first(as_given + as_surname)
            if title in UNMARRIED_TITLES and word in sisters:
                candidates = [c for c in candidates if word not in _surnames(c) or id(c) not in called_miss]
        # A title of no sex ("Doctor Manette") is a man's or a woman's as the pronouns after it say.
        gender = gender_of_title(title) or (pronoun_gender(text, (m.end for m in group.mentions)) if text else "")
        candidates = [c for c in candidates if c.mentions and _compatible(gender, _gender(c))]
        # A title's own gender, where some candidates have it, rules out those of no known gender: "Miss
        # Manette" is Lucie Manette, not Alexandre Manette (a given name the census does not know).
        if gender:
            candidates = [c for c in candidates if _gender(c) == gender] or candidates
        matched = _title_matched(candidates, title, word, titles_by_word)
        if len(candidates) > 1:
            # A full name written once beside others ("Whom Defarge" beside "Ernest Defarge") is too weak to
            # make a titled name ambiguous, whatever else its person is called.
            candidates = [c for c in candidates if _uses(c, word) > 1] or candidates
        # A family's name ("Mr. Verloc", "Mrs. Verloc") joins only a full name of the title's gender.
        family = _is_family(titles_by_word[word]) and title in COMMON_TITLES and title not in UNMARRIED_TITLES
        if matched:
            matched.absorb(group)
        elif len(candidates) == 1 and (
            not family
            or _gender(candidates[0]) == gender_of_title(title)
            or (not _gender(candidates[0]) and _women_known(word, titles_by_word[word], by_surname[word]))
        ):
            candidates[0].absorb(group)


def _women_known(word: str, titles: set[str], bearers: list[Group]) -> bool:
    """True if the only woman of a family's name is its daughter, known by her full name.

    That is, a woman is called by the name only as "Miss" (no wife, no widow: "Miss Manette", never
    "Madame Manette") and some full name of the surname is a woman's ("Lucie Manette"): then a full
    name of no known sex ("Alexandre Manette") is not hers, and may be the man's "Monsieur Manette".
    """
    women = {title for title in titles if gender_of_title(title) == "female"}
    return (
        bool(women)
        and women <= UNMARRIED_TITLES
        and any(c.mentions and word in _surnames(c) and _gender(c) == "female" for c in bearers)
    )


def _title_matched(candidates: list[Group], title: str, word: str, titles_by_word: dict[str, set[str]]) -> Group | None:
    """The candidate used with ``title`` in full, alone or three times as often as any other; else None.

    ("Mr. Pocket" is Matthew Pocket, written "Mr. Matthew Pocket" six times and "Mr. Herbert Pocket"
    once.) Without such a full name, a rank the candidate's family is called by counts ("Princess
    Mary" and "Princess Bolkónskaya" make Mary Bolkónskaya).
    """
    uses = sorted(
        (
            (sum(n for (t, words), n in c.forms.items() if t == title and len(words) >= 2), index)
            for index, c in enumerate(candidates)
        ),
        reverse=True,
    )
    uses = [(count, index) for count, index in uses if count]
    if any(not _patronymic_only(candidates[index]) for _, index in uses):
        # "Prince Vasíli Sergéevich" may be the "Prince Vasíli Kurágin" (a given name and patronymic has no
        # surname to tell them apart): a full name with a surname is the title's.
        uses = [(count, index) for count, index in uses if not _patronymic_only(candidates[index])]
    if uses and (len(uses) == 1 or uses[0][0] >= TITLE_DOMINANCE * uses[1][0]):
        return candidates[uses[0][1]]
    if uses:
        return None
    by_family = [c for c in candidates if word not in _surnames(c) and _family_title(c, title, titles_by_word)]
    return by_family[0] if len(by_family) == 1 else None


def _patronymic_only(group: Group) -> bool:
    """True if every full name of the group is a given name and a patronymic ("Vasíli Sergéevich")."""
    full = _full_forms(group)
    return bool(full) and all(len(words) == 2 and is_patronymic(words[1]) for _, words in full)


def _family_title(group: Group, title: str, titles_by_word: dict[str, set[str]]) -> bool:
    """True if ``title`` is a rank the group's family name is used with ("Princess Bolkónskaya")."""
    if title in COMMON_TITLES:
        return False
    return any(title in titles_by_word.get(surname, ()) for surname in _surnames(group))


def _merge_same_titled_words(groups: list[Group]) -> None:
    """Rule 2c: titled one-word forms left apart join the person called by the word with another title.

    "Count Kutúzov" joins the one person already called "Prince Kutúzov"; with no such person, the
    titled forms of one word are one person ("Colonel Brandon", "Mr. Brandon"; "Madame Defarge",
    "Citizeness Defarge"). Titles must agree in gender (for a family's name, with a man's and a
    woman's common title, be the same), and a married woman's title never meets an unmarried one's.
    """
    leftover: dict[str, list[Group]] = defaultdict(list)
    placed: dict[str, list[Group]] = defaultdict(list)
    titles_by_word: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        if not group.mentions:
            continue
        for title, words in group.forms:
            if len(words) == 1:
                titles_by_word[words[0]].add(title)
        if _full_forms(group):
            for word in _titled_words(group):
                placed[word].append(group)
        elif len(group.forms) == 1:
            title, words = next(iter(group.forms))
            if title and title not in SAINTS:
                leftover[words[0]].append(group)
    for word, same in leftover.items():
        family = _is_family(titles_by_word[word])
        # With its one woman known by her full name, a family's name of no sex ("Citizen Manette") is the man's.
        man_or_none = family and _women_known(word, titles_by_word[word], placed.get(word, []))

        def agree(first: Group, second: Group, family: bool = family, man_or_none: bool = man_or_none) -> bool:
            one, other = _gender(first), _gender(second)
            titles = _titles(first) | _titles(second)
            if titles & MARRIED_TITLES and titles & UNMARRIED_TITLES:
                return False  # Mrs. Pocket is not Miss Pocket
            return (
                one == other
                or (not family and _compatible(one, other))
                or (man_or_none and {one, other} == {"male", ""})
            )

        same.sort(key=lambda group: -len(group.mentions))
        for index, group in enumerate(same):
            if not group.mentions:
                continue
            targets = _unique(person for person in placed.get(word, []) if person.mentions and agree(person, group))
            if len(targets) == 1:
                targets[0].absorb(group)
            elif not targets:
                for other in same[index + 1 :]:
                    if other.mentions and agree(group, other):
                        group.absorb(other)


def _merge_bare_words(groups: list[Group]) -> None:
    """Rule 2d: a word without a title joins the person it names."""
    bare_words, named = _split_living(groups, _bare_word)
    by_given: dict[str, list[Group]] = defaultdict(list)
    by_surname: dict[str, list[Group]] = defaultdict(list)
    by_title: dict[str, list[Group]] = defaultdict(list)
    for group in named:
        for word in _given_names(group):
            by_given[word].append(group)
        for surname in _surnames(group):
            by_surname[surname].append(group)
        for title, words in group.forms:
            if len(words) == 1 and title and title not in MARRIED_TITLES and title not in SAINTS:
                by_title[_strip_particle(words[0])].append(group)
    for group in sorted(bare_words, key=lambda group: -len(group.mentions)):
        word = _bare_word(group)
        as_given = [c for c in _unique(by_given.get(word, [])) if c.mentions]
        as_surname = [c for c in _unique(by_surname.get(word, [])) if c.mentions and c not in as_given]
        as_given, as_surname = _dominant_role(word, as_given, as_surname)
        titled = [c for c in _unique(by_title.get(word, [])) if c.mentions]
        candidates = _unnumbered_first(_unique(as_given + as_surname + titled))
        if len(candidates) > 1:
            # One "Vienna Kutúzov" does not make the city a rival of Kutúzov for his surname.
            candidates = [c for c in candidates if _uses(c, word) > 1] or candidates
        if len(candidates) == 1:
            # Known only as a surname, it must follow its full name (see _mostly_after).
            if as_given or titled or _mostly_after(group, candidates[0]):
                candidates[0].absorb(group)
        elif (
            candidates
            and as_given
            and not all(map(_numbered, candidates))  # Alexander VI is no hero beside Alexander the Great
            and (dominant := _dominant_person(candidates, len(group.mentions)))
        ):
            dominant.absorb(group)
        elif candidates and (as_given or titled):
            _share_by_nearest_mention(group, candidates)


def _dominant_role(word: str, as_given: list[Group], as_surname: list[Group]) -> tuple[list[Group], list[Group]]:
    """The candidates of the role ``word`` plays far more often, given name or surname.

    One "Moscow Pierre" or "Expecting Herbert" does not make Pierre or Herbert a surname.
    """
    if as_given and as_surname:
        # Forms written once are weak evidence ("Kiev Pierre" is a span the model ran together).
        given = sum(_uses_as_given(c, word, least=2) for c in as_given)
        surname = sum(_uses_as_surname(c, word, least=2) for c in as_surname)
        if not given and not surname:
            given = sum(_uses_as_given(c, word) for c in as_given)
            surname = sum(_uses_as_surname(c, word) for c in as_surname)
        if given >= ROLE_DOMINANCE * surname:
            return as_given, []
        if surname >= ROLE_DOMINANCE * given:
            return [], as_surname
    return as_given, as_surname


def _dominant_person(candidates: list[Group], alone: int) -> Group | None:
    """The person a given name written ``alone`` times without a title names every time, if there is one.

    That is the candidate with three times as many mentions as all the others together, when the
    name alone is written more often than those others are mentioned at all: "Nicholas" alone (565
    times) is Nicholas Rostóv (431 mentions so far), not Prince Nicholas Bolkónski and Uncle
    Nicholas (35 together); "Peter" alone (9 times) is not given to Bagratión (156) over four minor
    Peters (33): it may be any of them.
    """
    biggest = max(candidates, key=lambda group: len(group.mentions))
    others = sum(len(group.mentions) for group in candidates if group is not biggest)
    return biggest if len(biggest.mentions) >= PERSON_DOMINANCE * others and alone > others else None


def _unnumbered_first(candidates: list[Group]) -> list[Group]:
    """The candidates without a regnal number or a byname if there are any: "Napoleon" is Bonaparte, not
    Napoleon III; "Alexander" in a book with Alexander the Great may be another Alexander."""
    return [c for c in candidates if not _numbered(c)] or candidates


def _numbered(group: Group) -> bool:
    """True if every full name of the group ends in a regnal number or is a byname ("Alexander the Great": a
    given name, "the" and an epithet, written more than once: "Napoleon the Order of St. Andrew" is debris)."""
    full = [(words, count) for (_, words), count in group.forms.items() if len(words) >= 2]
    return bool(full) and all(
        is_regnal_number(words[-1]) or (len(words) == 3 and words[1] == "the" and count > 1) for words, count in full
    )


def _uses(group: Group, word: str) -> int:
    """How many of the group's mentions use ``word`` in a name, with a title or in a full name."""
    return sum(count for (title, words), count in group.forms.items() if (title or len(words) > 1) and word in words)


def _uses_as_given(group: Group, word: str, least: int = 1) -> int:
    """How many of the group's mentions use ``word`` as a given name or with a title (forms written ``least`` times)."""
    return sum(
        count
        for (title, words), count in group.forms.items()
        if count >= least
        and title not in MARRIED_TITLES
        and _strip_particle(words[0]) == word
        and (len(words) >= 2 or title)
    )


def _uses_as_surname(group: Group, word: str, least: int = 1) -> int:
    """How many of the group's mentions use ``word`` as the surname of a full name (forms written ``least`` times)."""
    return sum(
        count
        for (_, words), count in group.forms.items()
        if count >= least and len(words) >= 2 and _surname(words) == word
    )


def _bare_word(group: Group) -> str:
    """The group's one word if it is only ever written as that word without a title, else ""."""
    if len(group.forms) != 1:
        return ""
    title, words = next(iter(group.forms))
    return _strip_particle(words[0]) if not title and len(words) == 1 else ""


def _titles(group: Group) -> set[str]:
    return {title for title, _ in group.forms if title}


def _unique(groups: Iterable[Group]) -> list[Group]:
    return list({id(group): group for group in groups}.values())


def _longest(group: Group) -> tuple[str, ...]:
    return max((words for _, words in group.forms), key=len, default=())


def _adopt_mislabelled_names(people: list[Group], others: list[Group]) -> None:
    """A one-word name labelled as something else joins the only person whose given name it is.

    (Not surnames: "Temple" beside "Charlotte Temple" is as often the family or a building.)
    """
    given_names: dict[str, list[Group]] = defaultdict(list)
    for group in people:
        if group.mentions:
            for given in _given_names(group):
                given_names[given].append(group)
    for group in others:
        words = [spelling_key(word) for word in _name_words(group)]
        if len(words) != 1:
            continue
        candidates = _unique(given_names.get(words[0], []))
        if len(candidates) == 1:
            candidates[0].absorb(group)


def _mostly_after(short: Group, full: Group) -> bool:
    """True if few mentions of ``short`` (a fifth at most) come before ``full`` is first mentioned.

    A surname alone follows its full name ("Sergey Lavrov ... Lavrov"); used well before the full
    name appears, it is more likely someone else's (the family, the firm, the lawsuit).
    """
    first = min(mention.start for mention in full.mentions)
    return sum(mention.start < first for mention in short.mentions) <= SURNAME_BEFORE_FULL_NAME * len(short.mentions)


def _is_family(titles: set[str]) -> bool:
    """True if one word is used with a man's title and with a woman's ("Mr Verloc", "Mrs Verloc")."""
    genders = {gender_of_title(title) for title in titles}
    return {"male", "female"} <= genders


def _compatible(first: str, second: str) -> bool:
    return not first or not second or first == second


def _share_by_nearest_mention(short: Group, candidates: list[Group]) -> None:
    """Give each mention of a short form to the candidate mentioned last before it.

    A short name follows the name it stands for ("Natasha Rostova ... Natasha"); mentions before
    any candidate stay apart, since nothing says whose they are.
    """
    starts = sorted((mention.start, index) for index, group in enumerate(candidates) for mention in group.mentions)
    kept: list[Mention] = []
    given: list[list[Mention]] = [[] for _ in candidates]
    position = 0
    latest: int | None = None
    for mention in sorted(short.mentions):
        while position < len(starts) and starts[position][0] < mention.start:
            latest = starts[position][1]
            position += 1
        if latest is None:
            kept.append(mention)
        else:
            given[latest].append(mention)
    for candidate, mentions in zip(candidates, given, strict=True):
        if mentions:
            candidate.mentions += mentions
            candidate.keys |= short.keys
            candidate.forms.update({form: len(mentions) for form in short.forms})
    short.mentions = kept


def _person_display_name(mentions: Sequence[Mention], text: str, taken: Set[str]) -> str:
    """The most frequent full name written often enough, else the most frequent titled form.

    Forms with an unclean word never show, nor full names with an initial ("Mrs. J. Gargery").
    """
    full: Counter[str] = Counter()
    short: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for mention in mentions:
        shown = _shown_form(mention.text, title_before(text, mention.start) if text else ("", ""))
        if shown is None:
            continue
        is_full, name = shown
        if not is_full and text and " " not in name and (ordinal := written_ordinal(text, mention.end)):
            is_full, name = True, f"{name} {ordinal}"  # "Rudolf the Fifth", where the model tagged "Rudolf"
        (full if is_full else short)[name] += 1
        first_seen.setdefault(name, mention.start)
    least = max(
        min(DISPLAYED_FULL_NAME_MENTIONS, DISPLAYED_FULL_NAME_SHARE * len(mentions)),
        DISPLAYED_FULL_NAME_LEAST_SHARE * len(mentions),
    )
    # How often each word is the whole name (with or without a title): "Nicholas" and "Rostóv" alone.
    alone: Counter[str] = Counter()
    for name, count in short.items():
        alone[fold(name.split()[-1])] += count
    share = DISPLAYED_FULL_NAME_LEAST_SHARE * len(mentions)

    def both_parts_used(name: str) -> bool:
        words = name.split()
        return alone[fold(words[0])] >= share and alone[fold(words[-1])] >= share

    full = Counter(
        {
            name: count
            for name, count in full.items()
            if (count >= least or (count >= DISPLAYED_FULL_NAME_MENTIONS and both_parts_used(name)))
            and _no_initial(name)
        }
    )
    # A full name ending in a surname shows; one ending in a patronymic ("Michael Ilariónovich")
    # competes with the short forms ("Kutúzov").
    forms = Counter({name: count for name, count in full.items() if not is_patronymic(name.split()[-1])})
    preferred = forms or full + short
    for pool in (preferred, full + short):
        free = [name for name in pool if name not in taken]
        if free:
            return max(free, key=lambda name: (pool[name], -first_seen[name]))
    if preferred:
        return max(preferred, key=lambda name: (preferred[name], -first_seen[name]))
    return display_name(mentions[0].text, "PERSON")


@lru_cache(maxsize=1 << 15)
def _shown_form(text: str, before: tuple[str, str]) -> tuple[bool, str] | None:
    """(is a full name, the name as shown) for one mention, or None if it has debris."""
    name = person_name(text, before)
    if not name.words or not all(
        _clean_word(word) or (0 < index < len(name.words) - 1 and word in ("of", "the"))
        for index, word in enumerate(name.words)
    ):
        return None
    if len(name.words) >= 2:
        return True, name.shown(with_title=name.title in MARRIED_TITLES)
    return False, name.shown(with_title=True)


def _no_initial(name: str) -> bool:
    return all(len(word.rstrip(".")) > 1 for word in name.split())


def _clean_word(word: str) -> bool:
    """A word a reader would accept in a name: capitalised (or a particle), not shouted, letters only."""
    if not word[:1].isupper() and fold(word).split("-")[0].split("'")[0] not in PARTICLES:
        return False
    letters = [char for char in word if char.isalpha()]
    if not letters or (len(letters) > 1 and word.isupper() and not is_regnal_number(fold(word))):
        return False
    return all(char.isalpha() or char in "-'’." for char in word)


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


def _join_owners_to_their_places(groups: list[Group], owners: Mapping[str, str]) -> None:
    """An owner's name of the label of what it owns is that place or firm: "at Tellson’s" (an organisation) is
    at "Tellson’s Bank", the one organisation named after Tellson (``owners``: see
    :func:`~glossary_tui.core.entities.possessive_places.possessive_owners`)."""
    for owner, label in owners.items():
        named = [group for group in groups if group.label == label and group.mentions]
        alone = [group for group in named if owner in group.keys]
        owned = [group for group in named if any(key.startswith(f"{owner}'s ") for key in group.keys)]
        if len(alone) == 1 and len(owned) == 1 and alone[0] is not owned[0]:
            owned[0].absorb(alone[0])


# -- words ----------------------------------------------------------------------------------


def _name_words(group: Group) -> list[str]:
    key = max(group.keys, key=lambda k: len(_words(k)))
    return [word for word in map(bare, _words(key)) if word]


def _surname(words: Sequence[str]) -> str:
    return _strip_particle(words[-1]) if words else ""


def _strip_particle(word: str) -> str:
    """ "al-nono" -> "nono": a particle joined by a hyphen or apostrophe is not the surname."""
    for separator in ("-", "'"):
        head, _, tail = word.partition(separator)
        if tail and head in PARTICLES:
            return tail
    return word


def _same_person(first: Sequence[str], second: Sequence[str]) -> bool:
    """Same surname; given names alike (spelling/transliteration), one a diminutive of the other or its initial."""
    if _surname(first) != _surname(second):
        return False
    a, b = first[0], second[0]
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return JaroWinkler.similarity(a, b) >= GIVEN_NAME_SIMILARITY or is_diminutive(a, b) or is_diminutive(b, a)


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

"""What the whole book says about each name: the cues its mentions stand among, as numbers.

A name's label is decided by everything the book says about it
(:mod:`~glossary_tui.core.entities.labelling`), not by the model's vote at each
mention: spaCy's small English model calls Natásha a place all 1,207 times,
Denísov an organisation 158 times out of 197. The book says otherwise: "said
Natásha", "Natásha, who", "Denísov’s face", "Mr. Jaggers"; and "in Moscow",
"the road to Smolénsk". Each name gets a vector of cue shares (the share of
its mentions where a cue is seen), the model's votes, and a few facts about
the name itself; :data:`CUES` names them in order.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from glossary_tui.core.entities.aliases import TITLES
from glossary_tui.core.entities.book_words import BookWords
from glossary_tui.core.entities.names import (
    COMMON_TITLES,
    PARTICLES,
    SAINTS,
    given_name_share,
    name_key,
    spelling_key,
    word_set,
)
from glossary_tui.core.entities.place_kinds import (
    FAC_HEADS,
    GPE_BEFORE_OF,
    LOC_BEFORE_OF,
    LOC_HEADS,
    RULERS_BEFORE_OF,
    head_kind,
)
from glossary_tui.core.entities.places import is_known_place
from glossary_tui.core.extraction.mentions import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


#: Verbs of speech, thought and bearing that stand next to a person's name ("said Natásha", "Wemmick remarked").
SPEECH_VERBS = word_set(
    """said says say asked asks replied answered cried exclaimed whispered shouted muttered murmured thought
    continued added began remarked resumed returned observed inquired enquired rejoined interrupted repeated
    screamed laughed smiled sighed nodded declared explained insisted protested retorted responded sobbed
    groaned grumbled growled stammered stuttered suggested urged warned pleaded begged demanded wondered knew felt
    saw looked glanced sat walked tell told"""
)
#: The verbs of :data:`SPEECH_VERBS` that stand before a speaker's name ("said Natásha", "told Pierre"): not
#: "saw", "knew", "left" and the like, whose object is a place as often as a person ("saw Florence").
SPEECH_VERBS_BEFORE = SPEECH_VERBS - word_set("knew felt saw looked glanced sat walked")
#: Words after a name that say it is someone.
PERSON_AFTER = word_set("who whom whose")
#: Pronouns right after a name (no comma between) that say it is someone ("told Natásha her ...", "Pierre himself").
#: After a comma "he"/"she" begin the next clause: "when my father came to Paleham, he had taken a farm".
PERSON_PRONOUNS_AFTER = word_set("his her him himself herself")
#: Words after a place's name ("Bistritz, where ...").
PLACE_AFTER = word_set("where whence whither")
#: Words after a possessive that belong to a person ("Denísov’s face").
PERSONAL_THINGS = word_set(
    """face eyes eye hand hands voice head heart lips mouth arm arms shoulder shoulders hair cheeks cheek brow
    smile look glance words tone mind soul life wife husband son daughter father mother brother sister uncle aunt
    children child family friend friends servant valet maid room letter name feet fingers"""
)
#: People a person is named by ("my friend Blakeney", "the daughter of Agnes", "Tippoo, Sultan of ...").
PERSON_NOUNS = word_set(
    """friend friends cousin nephew niece son sons daughter daughters wife husband widow mother father brother
    sister uncle aunt child children grandson granddaughter servant servants master mistress maid man woman boy
    girl lady gentleman fellow officer officers sultan king queen prince princess emperor chief lover sweetheart
    body death murder murderer partner guest guests pupil disciple head leader minister advisor adviser
    spokesman spokeswoman deputy manager clerk editor correspondent agent director"""
)
#: Words before a person's name that describe the person ("poor Giotto", "dear Mina").
EPITHETS = word_set("poor dear old little young good")
#: Prepositions before a place ("in Moscow", "at Bald Hills").
PLACE_BEFORE = word_set(
    "in at into near within inside outside through across beyond throughout around towards toward via"
)
#: Prepositions of motion, before places and people alike ("to Moscow", "to Pierre").
MOTION_BEFORE = word_set("to from")
#: Nouns that say what a place is, written after its name with a comma ("Bistritz, the post town").
PLACE_NOUNS = (
    word_set("capital country county city town village hamlet port seaport parish district region province place")
    | FAC_HEADS
    | LOC_HEADS
)
#: Last words of organisation names.
ORG_HEADS = word_set(
    """company society bank club office association times gazette journal review magazine department ministry
    council parliament army navy regiment battalion corps university institute committee board union party co
    ltd inc firm brothers assembly college hospital school"""
)
_WORD = re.compile(r"['’]s\b|[^\W\d_]+(?:['’][^\W\d_]+)*|-+|[^\w\s]")
_SENTENCE_END = frozenset(".!?…\n")
#: Words after "the X" that show X is the whole noun, not a word before one ("the Arno was", "the Smolensk road").
_AFTER_A_NOUN_PHRASE = word_set(
    "and or but of in at on to from by with as was were is are had has which that where when flows flowed runs ran lay"
)
_VOCATIVE_BEFORE = frozenset(["“", '"', "oh", "o", "ah", "dear", "my"])
_VOCATIVE_AFTER = frozenset([",", "!", "?", ";", "”", '"', "-", "--"])
_DETERMINERS = word_set("the a an his her their our my this that")

#: The cues that say what kind of place a name is (:func:`~glossary_tui.core.entities.place_kinds.place_kind`).
PLACE_NOUN_CUES = ("fac_noun_after", "loc_noun_after", "gpe_noun_of", "loc_noun_of")
#: The cues that speak for a person, a place or an organisation by themselves (the model's votes aside).
EVIDENCE_CUES = {
    "PERSON": ("title_before", "speech_before", "speech_after", "person_after", "personal_thing", "vocative",
               "in_a_persons_name", "person_noun_before", "person_of", "epithet_before", "person_apposition",
               "given_name", "possessive"),
    "PLACE": ("place_before", "motion_before", "place_head", "place_after", "place_apposition", "fac_noun_after",
              "loc_noun_after", "gpe_noun_of", "loc_noun_of", "known_place"),
    "ORG": ("org_head",),
    "NONE": ("sentence_start", "the_alone", "common_word"),
}  # fmt: skip
#: The cues, in the order :meth:`NameCues.vector` gives them.
CUES = (
    "bias",
    "person_evidence",
    "place_evidence",
    "votes_person",
    "votes_org",
    "votes_place",
    "votes_norp",
    "votes_other",
    "title_before",
    "saint_before",
    "speech_after",
    "speech_before",
    "person_after",
    "possessive",
    "personal_thing",
    "person_noun_before",
    "person_of",
    "epithet_before",
    "person_apposition",
    "with_before",
    "place_before",
    "motion_before",
    "place_after",
    "place_apposition",
    "place_noun",
    "the_before",
    "of_before",
    "vocative",
    "sentence_start",
    "place_head",
    "known_place",
    "given_name",
    "org_head",
    "several_words",
    "one_mention",
    "two_mentions",
    "common_word",
    "in_a_persons_name",
    "plural_of_a_person",
)


@dataclass
class NameCues:
    """The cues counted over one name's mentions."""

    key: str
    words: tuple[str, ...]
    #: The name's last word as first written ("Natásha"): how the book writes it.
    written: str = ""
    mentions: int = 0
    votes: Counter[str] = field(default_factory=Counter)
    seen: Counter[str] = field(default_factory=Counter)
    facts: dict[str, float] = field(default_factory=dict)
    #: The names this one is written next to in a list or a pair ("Guienne and Languedoc"), with how often.
    partners: Counter[str] = field(default_factory=Counter)

    def evidence(self, kind: str, *, facts: bool = True) -> float:
        """How much the book's cues, not the model's votes, say the name is a ``kind`` ("PERSON", "PLACE", "ORG").

        The share of its mentions seen with a cue of that kind, plus (with ``facts``) what the name's own
        words say: a given name, a place's head word, a well-known place. A name that is both a given name
        and a well-known place (Florence, Kent) says neither.
        """
        cues = EVIDENCE_CUES.get(kind, ())
        if kind == "NONE" and len(self.words) > 1:
            cues = tuple(cue for cue in cues if cue != "sentence_start")  # its other words are capitalised too
        said = sum(self.seen[cue] for cue in cues) / max(1, self.mentions)
        if facts:
            ambiguous = min(self.facts.get("given_name", 0.0), self.facts.get("known_place", 0.0))
            said += sum(self.facts.get(cue, 0.0) for cue in cues) - ambiguous * (kind in ("PERSON", "PLACE"))
        return said

    def vector(self) -> list[float]:
        """The cues as numbers, in :data:`CUES` order (shares of mentions, or facts about the name)."""
        total = max(1, self.mentions)
        person, org = self.votes["PERSON"], self.votes["ORG"]
        place = sum(self.votes[label] for label in PLACE_LABELS)
        norp = self.votes["NORP"]
        values = {
            "bias": 1.0,
            "votes_person": person / total,
            "votes_org": org / total,
            "votes_place": place / total,
            "votes_norp": norp / total,
            "votes_other": (total - person - org - place - norp) / total,
            "several_words": float(len(self.words) > 1),
            "one_mention": float(self.mentions == 1),
            "two_mentions": float(self.mentions == 2),
            "person_evidence": self.evidence("PERSON"),
            "place_evidence": self.evidence("PLACE"),
            "place_noun": sum(self.seen[cue] for cue in PLACE_NOUN_CUES) / total,
            **{cue: count / total for cue, count in self.seen.items()},
            **self.facts,
        }
        return [values.get(cue, 0.0) for cue in CUES]


@lru_cache(maxsize=1 << 16)
def name_unit(text: str) -> str:
    """The key a name's label is decided under: its name key without titles ("Mr. Jaggers" -> "jaggers")."""
    words = name_key(text).split()
    while len(words) > 1 and words[0].strip(".") in TITLES and words[1] != "'s":  # "King's Chapel" keeps "King"
        words = words[1:]
    return " ".join(words)


def names_by_unit(mentions: Sequence[Mention], labels: Collection[str]) -> dict[str, list[Mention]]:
    """The mentions labelled one of ``labels``, by name (:func:`name_unit`), in text order."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.label in labels:
            groups.setdefault(name_unit(mention.text), []).append(mention)
    return groups


def relabel_names(
    mentions: Sequence[Mention], new_labels: Mapping[str, str | None], labels: Collection[str]
) -> list[Mention]:
    """``mentions`` with those of a name (a :func:`name_unit`, among mentions labelled one of ``labels``) in
    ``new_labels`` given its new label, or dropped where that is ``None``."""
    if not new_labels:
        return list(mentions)
    relabelled = []
    for mention in mentions:
        unit = name_unit(mention.text) if mention.label in labels else ""
        if unit not in new_labels:
            relabelled.append(mention)
        elif label := new_labels[unit]:
            relabelled.append(Mention(mention.start, mention.end, mention.text, label))
    return relabelled


def name_cues(mentions: Sequence[Mention], text: str, words: BookWords) -> dict[str, NameCues]:
    """The cues of every name of ``mentions`` (keyed by :func:`name_unit`), read from ``text`` around each."""
    names: dict[str, NameCues] = {}
    for mention in mentions:
        unit = name_unit(mention.text)
        cues = names.get(unit)
        if cues is None:
            written = mention.text.split()[-1].strip(".,;:!?’'\"“”") if mention.text.split() else ""
            cues = names[unit] = NameCues(unit, tuple(unit.split()), written)
        cues.mentions += 1
        cues.votes[mention.label] += 1
        seen = words.contexts.get((mention.start, mention.end))
        if seen is None:
            seen = words.contexts[(mention.start, mention.end)] = _context_cues(mention, text)
        cues.seen.update(seen)
    _add_coordination(mentions, text, names)
    _add_facts(names, words)
    return names


#: What stands between two names in a list or a pair ("Russia and Israel", "Fatah-Hamas", "Toots, Ysabel").
_COORDINATION = re.compile(r"\s*(?:,|,?\s*(?:and|or|nor|&)|-|–)\s*")


def _add_coordination(mentions: Sequence[Mention], text: str, names: dict[str, NameCues]) -> None:
    """Count the mentions written next to another name, joined by "and", "or", a comma or a hyphen."""
    ordered = sorted(mentions)
    for first, second in itertools.pairwise(ordered):
        if 0 <= second.start - first.end <= 8 and _COORDINATION.fullmatch(text, first.end, second.start):
            one, other = name_unit(first.text), name_unit(second.text)
            names[one].seen["coordinated"] += 1
            names[other].seen["coordinated"] += 1
            if one != other:
                names[one].partners[other] += 1
                names[other].partners[one] += 1


def _context_cues(mention: Mention, text: str) -> tuple[str, ...]:
    """The cues seen around one mention."""
    seen: list[str] = []
    before = _WORD.findall(text[max(0, mention.start - 32) : mention.start])
    after = _WORD.findall(text[mention.end : mention.end + 40])
    previous = before[-1].lower() if before else "\n"
    earlier = before[-2].lower() if len(before) > 1 else "\n"
    inside = mention.text.split()
    first_inside = inside[0].lower().strip(".") if len(inside) > 1 and inside[1] not in ("'s", "’s") else ""
    title = next((word for word in (first_inside, previous) if word in TITLES), "")
    title = title or (earlier if previous == "." and earlier in TITLES else "")
    if title in SAINTS:
        seen.append("saint_before")
    elif title:
        seen.append("title_before")
        if title in COMMON_TITLES:
            seen.append("common_title")  # "Mr.", "Madame": nothing but people bear them
    following = [word.lower() for word in after[:4]]
    next_word = following[0] if following else ""
    possessive = bool(following) and following[0] in ("’s", "'s", "’", "'")
    if possessive or mention.text.endswith(("’s", "'s")):
        seen.append("possessive")
        rest = following[1:] if possessive else following
        if rest and rest[0] in PERSONAL_THINGS:
            seen.append("personal_thing")
    words_after = [word for word in following if word not in (",", "’s", "'s")]
    if next_word in SPEECH_VERBS and previous not in PLACE_BEFORE | MOTION_BEFORE | {"of"}:
        seen.append("speech_after")  # "Wemmick remarked" (not "Imperialism in Australia demanded")
    if (words_after and words_after[0] in PERSON_AFTER) or next_word in PERSON_PRONOUNS_AFTER:
        seen.append("person_after")
    if words_after and words_after[0] in PLACE_AFTER:
        seen.append("place_after")
    if following[:1] == [","] and len(following) > 2 and following[1] in _DETERMINERS:
        if following[2] in PERSON_NOUNS:
            seen.append("person_apposition")  # "Tippoo, the Sultan"
        elif following[2] in PLACE_NOUNS:
            seen.append("place_apposition")  # "Bistritz, the post town" (an adjective between is missed)
    elif following[:1] == [","] and len(following) > 2 and following[1] in PERSON_NOUNS and following[2] == "of":
        seen.append("person_apposition")  # "Niger, head of the Asiatic army", "Tippoo, Sultan of Mysore"
    if previous in SPEECH_VERBS_BEFORE or (previous == "," and earlier in SPEECH_VERBS_BEFORE):
        seen.append("speech_before")
    if (previous in PERSON_NOUNS and before[-1].islower()) or (previous == "," and earlier in PERSON_NOUNS):
        seen.append("person_noun_before")  # "my friend Blakeney", "the movement's deputy head, Saleh Aruri"
    elif previous in EPITHETS and before[-1].islower():
        seen.append("epithet_before")  # "poor Giotto"
    elif previous == "of" and earlier in PERSON_NOUNS and earlier not in RULERS_BEFORE_OF:
        seen.append("person_of")  # "the daughter of Agnes"
    elif previous == "of" and (earlier in GPE_BEFORE_OF or earlier in RULERS_BEFORE_OF):
        seen.append("gpe_noun_of")  # "the city of Benares"
    elif previous == "of" and earlier in LOC_BEFORE_OF:
        seen.append("loc_noun_of")  # "the island of Lamu"
    elif previous in PLACE_BEFORE and not possessive:  # "at Klein's" is at Klein's house: Klein is its owner
        seen.append("place_before")
    elif previous in MOTION_BEFORE and not possessive:
        seen.append("motion_before")
    elif previous == "with":
        seen.append("with_before")
    elif previous == "the":
        seen.append("the_before")
        if (not next_word[:1].isalpha() and next_word != "-") or next_word in _AFTER_A_NOUN_PHRASE:
            seen.append("the_alone")  # "the Arno flows", "over the Arno." (not "the Mozhaysk road")
    elif previous == "of":
        seen.append("of_before")
    # "Chestnut street", "the Hudson river" (not "Klein's hotel": a person's)
    noun = after[0] if after else ""
    if noun.islower() and noun in FAC_HEADS:
        seen.append("fac_noun_after")
    elif noun.islower() and noun in LOC_HEADS:
        seen.append("loc_noun_after")
    # "“Trafalgar, mother", "don't gap like that, Huckleberry;" (not ", Transylvania, Moldavia and ...": a list)
    # A quote opened after "the" or "his" holds a title, not speech: the "History of Florence," his "Lohengrin".
    quoted_title = previous in ("“", '"') and earlier in _DETERMINERS
    if not quoted_title and (
        (previous in _VOCATIVE_BEFORE and next_word in _VOCATIVE_AFTER)
        or (previous == "," and next_word in _VOCATIVE_AFTER and next_word != ",")
    ):
        seen.append("vocative")
    if not quoted_title and (previous in _SENTENCE_END or previous in ("“", '"') or not before):
        seen.append("sentence_start")
    if mention.text[:4].lower() == "the ":
        seen.append("the_inside")  # "the Land Bank" tagged whole (not one of CUES: the label model never sees it)
    return tuple(seen)


def given_name_cue(word: str) -> float:
    """How much ``word`` (folded) is a given name: 0 if the census never gives it (or to one in 100,000),
    1 for one in a thousand or more ("mary", "howard"), 0.5 for one in 10,000 ("mina"), on a log scale."""
    share = given_name_share(spelling_key(word)) / 100  # the census tables give percentages
    return min(1.0, max(0.0, (math.log10(share) + 5) / 2)) if share > 0 else 0.0


def _add_facts(names: dict[str, NameCues], words: BookWords) -> None:
    """Facts about each name itself: its head word, whether it is a common word, a person's name part or family."""
    person_words: Counter[str] = Counter()
    for cues in names.values():
        if len(cues.words) > 1 and cues.votes["PERSON"] * 2 > cues.mentions:
            for word in cues.words:
                person_words[word] += cues.mentions
    persons = {key for key, cues in names.items() if cues.votes["PERSON"] * 2 > cues.mentions}
    by_word: defaultdict[str, int] = defaultdict(int)
    for cues in names.values():
        by_word[cues.key] += cues.mentions
    for key, cues in names.items():
        last = cues.words[-1] if cues.words else ""
        facts = cues.facts
        facts["place_head"] = float(head_kind(cues.words) is not None)
        facts["org_head"] = float(len(cues.words) > 1 and last.strip(".") in ORG_HEADS)
        facts["known_place"] = float(is_known_place(key))
        facts["given_name"] = given_name_cue(cues.words[0]) if cues.words and cues.words[0] not in PARTICLES else 0.0
        facts["common_word"] = float(len(cues.words) == 1 and bool(cues.written) and words.is_common(cues.written))
        if len(cues.words) == 1 and person_words[key]:
            facts["in_a_persons_name"] = min(1.0, person_words[key] / max(1, cues.mentions))
        if key.endswith("s") and key[:-1] in persons:
            facts["plural_of_a_person"] = 1.0

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

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from glossary_tui.core.entities.aliases import TITLES
from glossary_tui.core.entities.book_words import BookWords
from glossary_tui.core.entities.names import name_key
from glossary_tui.core.extraction.mentions import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Verbs of speech and thought that stand next to a person's name ("said Natásha", "Wemmick remarked").
SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "asked",
        "asks",
        "replied",
        "answered",
        "cried",
        "exclaimed",
        "whispered",
        "shouted",
        "muttered",
        "murmured",
        "thought",
        "continued",
        "added",
        "began",
        "remarked",
        "resumed",
        "returned",
        "observed",
        "inquired",
        "enquired",
        "rejoined",
        "interrupted",
        "repeated",
        "screamed",
        "laughed",
        "smiled",
        "sighed",
        "nodded",
        "called",
        "declared",
        "explained",
        "insisted",
        "protested",
        "retorted",
        "responded",
        "sobbed",
        "groaned",
        "grumbled",
        "growled",
        "stammered",
        "stuttered",
        "suggested",
        "urged",
        "warned",
        "pleaded",
        "begged",
        "demanded",
        "wondered",
        "knew",
        "felt",
        "saw",
        "looked",
        "glanced",
        "turned",
        "stood",
        "sat",
        "rose",
        "went",
        "came",
        "ran",
        "walked",
    ]
)
#: Words after a name that say it is someone.
PERSON_AFTER = frozenset(["he", "she", "his", "her", "him", "himself", "herself", "who", "whom", "whose"])
#: Words after a possessive that belong to a person ("Denísov’s face").
PERSONAL_THINGS = frozenset(
    [
        "face",
        "eyes",
        "eye",
        "hand",
        "hands",
        "voice",
        "head",
        "heart",
        "lips",
        "mouth",
        "arm",
        "arms",
        "shoulder",
        "shoulders",
        "hair",
        "cheeks",
        "cheek",
        "brow",
        "smile",
        "look",
        "glance",
        "words",
        "tone",
        "mind",
        "soul",
        "life",
        "wife",
        "husband",
        "son",
        "daughter",
        "father",
        "mother",
        "brother",
        "sister",
        "uncle",
        "aunt",
        "children",
        "child",
        "family",
        "friend",
        "friends",
        "servant",
        "valet",
        "maid",
        "room",
        "letter",
        "name",
        "feet",
        "fingers",
    ]
)
#: Prepositions before a place ("in Moscow", "at Bald Hills").
PLACE_BEFORE = frozenset(
    [
        "in",
        "at",
        "into",
        "near",
        "within",
        "inside",
        "outside",
        "through",
        "across",
        "beyond",
        "throughout",
        "around",
        "towards",
        "toward",
        "via",
    ]
)
#: Prepositions of motion, before places and people alike ("to Moscow", "to Pierre").
MOTION_BEFORE = frozenset(["to", "from"])
#: Last words of place and building names.
PLACE_HEADS = frozenset(
    [
        "street",
        "road",
        "lane",
        "square",
        "place",
        "hall",
        "house",
        "court",
        "castle",
        "abbey",
        "church",
        "chapel",
        "cathedral",
        "bridge",
        "park",
        "gardens",
        "garden",
        "inn",
        "hotel",
        "tavern",
        "palace",
        "tower",
        "gate",
        "gates",
        "row",
        "hill",
        "hills",
        "mountain",
        "mountains",
        "river",
        "lake",
        "sea",
        "ocean",
        "island",
        "islands",
        "valley",
        "forest",
        "wood",
        "woods",
        "heath",
        "common",
        "green",
        "field",
        "fields",
        "bay",
        "harbour",
        "harbor",
        "port",
        "station",
        "farm",
        "manor",
        "grange",
        "lodge",
        "cottage",
        "mill",
        "city",
        "town",
        "village",
        "county",
        "province",
        "shire",
    ]
)
#: Last words of organisation names.
ORG_HEADS = frozenset(
    [
        "company",
        "society",
        "bank",
        "club",
        "office",
        "association",
        "times",
        "gazette",
        "journal",
        "review",
        "magazine",
        "department",
        "ministry",
        "council",
        "parliament",
        "army",
        "navy",
        "regiment",
        "corps",
        "college",
        "university",
        "school",
        "academy",
        "institute",
        "committee",
        "board",
        "union",
        "party",
        "co",
        "ltd",
        "inc",
        "firm",
        "brothers",
    ]
)
_WORD = re.compile(r"['’]s\b|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")
_SENTENCE_END = frozenset(".!?…\n")

#: The cues that speak for a person, a place or an organisation by themselves (the model's votes aside).
EVIDENCE_CUES = {
    "PERSON": ("title_before", "speech_before", "speech_after", "person_after", "personal_thing", "vocative",
               "in_a_persons_name"),
    "PLACE": ("place_before", "motion_before", "place_head"),
    "ORG": ("org_head",),
}  # fmt: skip
#: The cues, in the order :meth:`NameCues.vector` gives them.
CUES = (
    "bias",
    "votes_person",
    "votes_org",
    "votes_place",
    "votes_norp",
    "votes_other",
    "title_before",
    "speech_after",
    "speech_before",
    "person_after",
    "possessive",
    "personal_thing",
    "place_before",
    "motion_before",
    "the_before",
    "of_before",
    "vocative",
    "sentence_start",
    "place_head",
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

    def evidence(self, kind: str) -> float:
        """How much the book's cues, not the model's votes, say the name is a ``kind`` ("PERSON", "PLACE", "ORG")."""
        cues = EVIDENCE_CUES.get(kind, ())
        return sum(self.seen[cue] for cue in cues) / max(1, self.mentions) + sum(
            self.facts.get(cue, 0.0) for cue in cues
        )

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
            **{cue: count / total for cue, count in self.seen.items()},
            **self.facts,
        }
        return [values.get(cue, 0.0) for cue in CUES]


@lru_cache(maxsize=1 << 16)
def name_unit(text: str) -> str:
    """The key a name's label is decided under: its name key without titles ("Mr. Jaggers" -> "jaggers")."""
    words = name_key(text).split()
    while len(words) > 1 and words[0].strip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


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
    _add_facts(names, words)
    return names


def _context_cues(mention: Mention, text: str) -> tuple[str, ...]:
    """The cues seen around one mention."""
    seen: list[str] = []
    before = _WORD.findall(text[max(0, mention.start - 24) : mention.start])
    after = _WORD.findall(text[mention.end : mention.end + 32])
    previous = before[-1].lower() if before else "\n"
    inside = mention.text.split()
    if (
        (len(inside) > 1 and inside[0].lower().strip(".") in TITLES)
        or previous in TITLES
        or (previous == "." and len(before) > 1 and before[-2].lower() in TITLES)
    ):
        seen.append("title_before")
    following = [word.lower() for word in after[:4]]
    possessive = bool(following) and following[0] in ("’s", "'s", "’", "'")
    if possessive or mention.text.endswith(("’s", "'s")):
        seen.append("possessive")
        rest = following[1:] if possessive else following
        if rest and rest[0] in PERSONAL_THINGS:
            seen.append("personal_thing")
    words_after = [word for word in following if word not in (",", "’s", "'s")]
    if words_after and words_after[0] in SPEECH_VERBS:
        seen.append("speech_after")
    if words_after and words_after[0] in PERSON_AFTER:
        seen.append("person_after")
    if previous in SPEECH_VERBS or (previous == "," and len(before) > 1 and before[-2].lower() in SPEECH_VERBS):
        seen.append("speech_before")
    if previous in PLACE_BEFORE:
        seen.append("place_before")
    elif previous in MOTION_BEFORE:
        seen.append("motion_before")
    elif previous == "the":
        seen.append("the_before")
    elif previous == "of":
        seen.append("of_before")
    if previous in (",", "“", '"', "!", "oh", "dear", "my") and following and following[0] in (",", "!", "?", "”", '"'):
        seen.append("vocative")
    if previous in _SENTENCE_END or previous in ("“", '"') or not before:
        seen.append("sentence_start")
    return tuple(seen)


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
        facts["place_head"] = float(len(cues.words) > 1 and last in PLACE_HEADS)
        facts["org_head"] = float(len(cues.words) > 1 and last in ORG_HEADS)
        facts["common_word"] = float(len(cues.words) == 1 and bool(cues.written) and words.is_common(cues.written))
        if len(cues.words) == 1 and person_words[key]:
            facts["in_a_persons_name"] = min(1.0, person_words[key] / max(1, cues.mentions))
        if key.endswith("s") and key[:-1] in persons:
            facts["plural_of_a_person"] = 1.0

"""One label per name, decided by the whole book.

The model labels each mention on its own, and a small model is often wrong
the same way every time (Natásha a place 1,207 times out of 1,207, Denísov an
organisation 158 times out of 197). Here every name
(:func:`~glossary_tui.core.entities.label_cues.name_unit`: its key without
titles) gets one label from everything the book says about it: the cues
around its mentions and the model's votes
(:mod:`~glossary_tui.core.entities.label_cues`), weighed by two small linear
models learned on LitBank's dev excerpts (multinomial logistic regression:
whether it is a name at all, and if so a person, a place or an
organisation). ``training/labels/`` holds the training script, its settings
and the model card with the cross-validated figures. Every mention of the
name then takes one label:

- a name the model voted a nationality, work, event, law, language or product
  keeps that label unless the book says outright (a quarter of its mentions,
  two at least) that it is a person, place or organisation;
- a name the linear model finds most likely no name is dropped only if the
  book says so too (cues of no name: "the X" alone, only at sentence starts,
  a common word) or says nothing for it (one word, no cue of any kind); a name seen :data:`KEPT_MENTIONS` times or more,
  or an organisation named in several words, is never dropped;
- decisive cues ("said X", "X said", "the city of X", "X street"), seen at a
  quarter of a name's mentions and no cue of the other kind, decide it; a
  place noun before "of" ("the village of Raveloe") decides it at once;
- otherwise the model's vote stands unless the linear model picks another
  kind with at least :data:`FLIP_CONFIDENCE` of the probability and the
  book's own cues for that kind are seen at :data:`EVIDENCE` of its mentions
  or more: a vote is not overturned on the votes' say-so alone, nor on the
  name's look alone (a known place, a given name) when the book's cues back
  the vote ("said Warwick");
- a one-word organisation vote with no cue of a person or a place, written
  "the X" and no common word, is a river ("the Arno"; "the Senate" stays);
  nor is a common word a place because only prepositions call it one ("in
  Freemasonry");
- a name written in the possessive at half its mentions or more, in a book that
  names a firm after it, is that firm ("at Tellson’s", "Tellson’s Bank":
  :mod:`~glossary_tui.core.entities.possessive_places`; a place named after
  someone, "Clarriker’s House", does not make Clarriker a place);
- a name ending in "Bank" that the book writes as a place ("at Mill Pond Bank"),
  never "the X" nor after an owner, is a river's bank (LOC); an organisation
  named by its head word is not made a person by the names it is listed with;
- a one-word organisation vote for a common word written "the X" at half its
  mentions stays an organisation ("the Tribunal"); a name written after
  "Saint" at half its mentions is a place if the book's cues say a place more
  than a person ("in Saint Antoine"; "St. Paul says" is the man);
- "the House of Usher" and "the Elphbergs" beside "the House of Elphberg"
  are families: people;
- a one-word person with no cue of a person, a word of one place's name of
  several words and of no person's, is that place written short ("at Combe"
  in a book with "Combe Magna", "the Boar" beside "the Blue Boar");
- a place is GPE, LOC or FAC as its words and the book say
  (:func:`~glossary_tui.core.entities.place_kinds.place_kind`).

A text shorter than :data:`MIN_BOOK_CHARS` (a news story, a note) keeps the
model's labels: its names have too few mentions for their cues to say much.

``$GLOSSARY_TUI_LABEL_WEIGHTS`` may name another weights file (the benchmark
scores each LitBank excerpt with weights not learned on it).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from glossary_tui.core.entities.book_words import book_words
from glossary_tui.core.entities.class_nouns import is_dictionary_word
from glossary_tui.core.entities.label_cues import CUES, PLACE_LABELS, NameCues, name_cues, name_unit
from glossary_tui.core.entities.names import COMMON_TITLES, TITLES
from glossary_tui.core.entities.place_kinds import PLACE_HEADS, THE_SHARE, place_kind
from glossary_tui.core.entities.possessive_places import possessive_owners
from glossary_tui.core.entities.spans import NAME_LABELS
from glossary_tui.core.extraction.mentions import Mention

WEIGHTS_ENVIRONMENT_VARIABLE = "GLOSSARY_TUI_LABEL_WEIGHTS"
WEIGHTS = Path(__file__).with_name("label_weights.json")
#: What the model tells apart.
CLASSES = ("PERSON", "PLACE", "ORG", "NONE")
#: The kinds of name.
TYPES = ("PERSON", "PLACE", "ORG")
#: Labels a name the model calls no person, place or organisation may keep.
KEPT_LABELS = frozenset({"NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
#: Share of the name classes' probability a class needs to overturn the model's vote.
FLIP_CONFIDENCE = 0.5
#: Share of mentions with cues of the new class needed to overturn the model's vote.
EVIDENCE = 0.1
#: Share of mentions with cues of a name's kind needed to overturn a vote for a label of no name (NORP, ...).
KEPT_LABEL_EVIDENCE = 0.25
#: A text shorter than this says too little about its names: the model's own labels stand.
MIN_BOOK_CHARS = 5000
#: Below this probability of an organisation (the kind model's), a one-word organisation vote is a person or a
#: place if the book's cues say which: fiction names few organisations in one word.
UNLIKELY_ORG = 0.2
#: A name seen this often is never dropped (nor an organisation named in several words).
KEPT_MENTIONS = 3
#: Words by which a family calls its own: no names of their own.
KINSHIP_WORDS = frozenset(
    {"mamma", "mama", "mamma's", "papa", "pappa", "mum", "mummy", "mom", "dad", "daddy", "pa", "ma", "son", "sonny"}
)
#: Share of a plural's mentions written "the …" that makes it a family ("the Rostóvs").
FAMILY_THE_SHARE = 0.5
#: Share of a name's mentions written in the possessive that makes it the firm named after it, when the book names
#: one ("at Tellson’s" in a book with "Tellson’s Bank"; not "Tellson’s face").
OWNED_SHARE = 0.5
#: How many names of one kind (and none of another) a name must be listed with for its lists to count as a cue.
LISTED_PARTNERS = 2
#: A span seen at most this often, made of two names each seen at least FREQUENT_NAME_MENTIONS times, is two.
RARE_SPAN_MENTIONS = 2
FREQUENT_NAME_MENTIONS = 5


def _softmax(vector: Sequence[float], weights: tuple[tuple[float, ...], ...]) -> list[float]:
    classes = len(weights[0])
    scores = [sum(value * row[k] for value, row in zip(vector, weights, strict=True)) for k in range(classes)]
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


@dataclass(frozen=True)
class LabelModel:
    """Two linear models over the cues of :data:`CUES` (one row per cue): whether a name is one at all
    (one column per class of :data:`CLASSES`), and which kind of name it is (one column per :data:`TYPES`)."""

    weights: tuple[tuple[float, ...], ...]
    type_weights: tuple[tuple[float, ...], ...]

    def probabilities(self, vector: Sequence[float]) -> list[float]:
        """The probability of each class of :data:`CLASSES` (no name among them) for a name with cue ``vector``."""
        return _softmax(vector, self.weights)

    def type_probabilities(self, vector: Sequence[float]) -> list[float]:
        """The probability of each kind of :data:`TYPES` for a name with cue ``vector``, given that it is a name."""
        return _softmax(vector, self.type_weights)

    def label(self, cues: NameCues) -> str | None:
        """The label every mention of this name takes, or ``None`` if it is no name."""
        vector = cues.vector()
        probabilities = dict(zip(CLASSES, self.probabilities(vector), strict=True))
        types = dict(zip(TYPES, self.type_probabilities(vector), strict=True))
        voted = cues.votes.most_common(1)[0][0]
        if voted in KEPT_LABELS:  # a nationality, a work...: a person only if the book says so outright
            best = max(TYPES, key=types.__getitem__)
            said = cues.evidence(best, facts=False)
            if types[best] >= FLIP_CONFIDENCE and said >= KEPT_LABEL_EVIDENCE and said * cues.mentions >= 2:
                return place_kind(cues.words, cues.mentions, cues.seen, cues.votes) if best == "PLACE" else best
            return voted
        recurring = cues.mentions >= KEPT_MENTIONS or (voted == "ORG" and len(cues.words) > 1)
        if max(CLASSES, key=probabilities.__getitem__) == "NONE" and not recurring and _unconfirmed(cues):
            return None
        if cues.facts.get("org_head"):
            return "LOC" if _a_bank_by_the_water(cues) else "ORG"
        if (
            cues.facts.get("place_head")
            and cues.evidence("PLACE", facts=False)
            and not cues.evidence("PERSON", facts=False)
        ):
            # "the annual visit to Howard Grove": a place's head word, a place's cue, and no person's anywhere
            return place_kind(cues.words, cues.mentions, cues.seen, cues.votes)
        if cues.seen["common_title"] * 2 >= cues.mentions:
            return "PERSON"
        if cues.seen["saint_before"] * 2 >= cues.mentions and _said_more("PLACE", "PERSON", cues):
            return place_kind(cues.words, cues.mentions, cues.seen, cues.votes)  # "in Saint Antoine"
        decided = _decisive(cues)
        if decided == "PLACE":
            return place_kind(cues.words, cues.mentions, cues.seen, cues.votes)
        if decided:
            return decided
        best = max(TYPES, key=types.__getitem__)
        kind = _class_of(voted) if self._vote_stands(cues, _class_of(voted), best, types[best]) else best
        if kind == "PERSON" and voted == "ORG" and _an_institution(cues):
            return "ORG"
        if kind == "ORG" and types["ORG"] < UNLIKELY_ORG:
            kind = _person_or_place(cues) or kind
        return place_kind(cues.words, cues.mentions, cues.seen, cues.votes) if kind == "PLACE" else kind

    @staticmethod
    def _vote_stands(cues: NameCues, voted: str, best: str, confidence: float) -> bool:
        """True unless the linear model picks another kind ``best`` with ``confidence`` of at least
        :data:`FLIP_CONFIDENCE` and the book says so: cues of ``best`` at :data:`EVIDENCE` of the mentions,
        and not only the name's own look (a known place, a given name) against the book's cues for the vote
        ("said Warwick", "Warwick's": the man, though Warwick is a town)."""
        if best == voted or confidence < FLIP_CONFIDENCE or cues.evidence(best) < EVIDENCE:
            return True
        return cues.evidence(best, facts=False) < EVIDENCE <= cues.evidence(voted, facts=False)


def _a_bank_by_the_water(cues: NameCues) -> bool:
    """ "at Mill Pond Bank": a name ending in "Bank", never written "the X" nor named after an owner or with "of"
    (not "the Bank of England", "Tellson’s Bank"), that the book's cues call a place at a quarter of its mentions
    or more, is a river's bank, not a bank."""
    words = cues.words
    return (
        words[-1] == "bank"
        and "of" not in words
        and not any(word.endswith(("'s", "’s")) for word in words)
        and not cues.seen["the_before"]
        and not cues.seen["the_inside"]
        and cues.evidence("PLACE", facts=False) >= DECISIVE_SHARE
    )


def _an_institution(cues: NameCues) -> bool:
    """ "the Tribunal", "the Bank": one common word that is no given name, written "the X" at half its mentions or
    more, names an institution, whatever cues of a person a few of its mentions stand among ("the Tribunal, who")."""
    return (
        len(cues.words) == 1
        and cues.seen["the_alone"] >= THE_SHARE * cues.mentions
        and not cues.facts.get("given_name")
        and (bool(cues.facts.get("common_word")) or is_dictionary_word(cues.written))
    )


def _said_more(kind: str, other: str, cues: NameCues) -> bool:
    """True if the book's cues (not the name's look: saints' names are given names) say ``kind`` more than ``other``."""
    return cues.evidence(kind, facts=False) > cues.evidence(other, facts=False)


def _person_or_place(cues: NameCues) -> str | None:
    """For a one-word name voted an organisation that the book gives no organisation's head word ("to
    Bistritz"): a person or a place, whichever the book's cues say more; with no such cue, a place if the
    book writes it "the X" and it is no common word ("the Arno"), else ``None`` ("the Bank", "the Senate")."""
    if len(cues.words) != 1:
        return None
    person, place = cues.evidence("PERSON"), cues.evidence("PLACE")
    if max(person, place) < EVIDENCE and cues.seen["the_alone"] >= THE_SHARE * cues.mentions:
        # "the Arno flows": an institution named "the X" is a common word ("the Bank", "the Senate"), a river
        # is not; a plural is a family as often as a range ("the Elphbergs", "the Carpathians")
        common = cues.facts.get("common_word") or is_dictionary_word(cues.written)
        return None if common or cues.words[0].endswith("s") else "PLACE"
    if max(person, place) < EVIDENCE or person == place:
        return None
    if place > person and _only_prepositions_say_a_place(cues):
        return None  # "in philanthropy, in Freemasonry": a common noun after "in" is no place for that
    return "PERSON" if person > place else "PLACE"


#: The cues of a place that are only a preposition before the name ("in X", "to X"): a common noun takes them too.
PREPOSITION_CUES = ("place_before", "motion_before")


def _only_prepositions_say_a_place(cues: NameCues) -> bool:
    """True for a dictionary word ("Freemasonry", "Tickler") that nothing but prepositions call a place: not a
    known place, no place's head word, apposition, "where" or "the city of" (its mentions' cues)."""
    others = cues.evidence("PLACE") - sum(cues.seen[cue] for cue in PREPOSITION_CUES) / max(1, cues.mentions)
    return others <= 0 and is_dictionary_word(cues.written)


def _by_partners(cues: dict[str, NameCues], decided: dict[str, str | None]) -> dict[str, str]:
    """Names of another kind than every name they are listed or paired with ("Guienne and Languedoc", "Toots,
    Ysabel"), whose own cues, with the lists themselves counted as one more cue of the partners' kind, speak
    for their partners' kind at least as much as for theirs: that kind ("Commodus, Severus, Antoninus
    Caracalla, and Maximinus": emperors, though "in Severus there was so much valour")."""
    changed = {}
    for unit, name in cues.items():
        own = _kind(decided.get(unit))
        if own not in TYPES or not name.partners or name.facts.get("org_head"):
            continue  # an organisation's name says what it is ("the Bank of England", though listed with people)
        kinds = Counter[str]()
        for partner, count in name.partners.items():
            kind = _kind(decided.get(partner))
            if kind in ("PERSON", "PLACE"):
                kinds[kind] += count
        if len(kinds) != 1:
            continue
        (kind,) = kinds
        # Listed with several names, all of one kind: the lists say as much as a cue of that kind would.
        several = sum(_kind(decided.get(partner)) == kind for partner in name.partners) >= LISTED_PARTNERS
        listed = name.seen["coordinated"] / max(1, name.mentions) if several else 0.0
        if kind != own and (own == "ORG" or name.evidence(kind) + listed >= name.evidence(own)):
            changed[unit] = place_kind(name.words, name.mentions, name.seen, name.votes) if kind == "PLACE" else kind
    return changed


def _kind(label: str | None) -> str | None:
    return None if label is None else _class_of(label)


def _unconfirmed(cues: NameCues) -> bool:
    """True if the book says the name is no name ("the X" alone, only at sentence starts, a common word), or
    says nothing for it: one word, no cue or fact of any kind, in no list of names."""
    if cues.evidence("NONE") >= EVIDENCE:
        return True
    said = max(cues.evidence(kind) for kind in TYPES)
    return len(cues.words) == 1 and said < EVIDENCE and not cues.seen["coordinated"]


#: Cues that, seen at a few of a name's mentions and none of the other kind's, decide it.
DECISIVE_CUES = {
    "PERSON": ("speech_before", "speech_after", "person_noun_before"),
    "PLACE": ("gpe_noun_of", "loc_noun_of", "place_after", "fac_noun_after", "loc_noun_after"),
}
DECISIVE_SHARE = 0.25


#: Cues that decide a name by a single occurrence when no cue of the other kind is seen: "the village of
#: Raveloe" says what Raveloe is once and for all.
NAMING_CUES = ("gpe_noun_of", "loc_noun_of")


def _decisive(cues: NameCues) -> str | None:
    counts = {kind: sum(cues.seen[cue] for cue in decisive) for kind, decisive in DECISIVE_CUES.items()}
    for kind, other in (("PERSON", "PLACE"), ("PLACE", "PERSON")):
        if counts[kind] >= max(1, DECISIVE_SHARE * cues.mentions) and not counts[other]:
            return kind
    if not counts["PERSON"] and any(cues.seen[cue] for cue in NAMING_CUES):
        return "PLACE"
    return None


def _class_of(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else label if label in CLASSES else "NONE"


@cache
def _load_model(path: str) -> LabelModel:
    record = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(record["cues"]) != CUES or tuple(record["classes"]) != CLASSES or tuple(record["types"]) != TYPES:
        raise ValueError(f"{path}: the weights do not fit this version's cues")

    def matrix(rows: list[list[float]]) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(float(value) for value in row) for row in rows)

    return LabelModel(matrix(record["weights"]), matrix(record["type_weights"]))


def label_model() -> LabelModel:
    """The shipped model (or the one ``$GLOSSARY_TUI_LABEL_WEIGHTS`` names)."""
    return _load_model(os.environ.get(WEIGHTS_ENVIRONMENT_VARIABLE) or str(WEIGHTS))


def label_by_book(mentions: Sequence[Mention], text: str, model: LabelModel | None = None) -> list[Mention]:
    """``mentions`` with one label per name, decided by the whole book; mentions of no name dropped."""
    if len(text) < MIN_BOOK_CHARS:
        return [_person_if_titled(mention) for mention in mentions]
    model = model or label_model()
    names = [mention for mention in mentions if mention.label in NAME_LABELS]
    cues = name_cues(names, text, book_words(text))
    decided = {unit: model.label(name) for unit, name in cues.items()}
    decided.update(_by_partners(cues, decided))
    people = {word for unit, label in decided.items() if label == "PERSON" for word in unit.split()}
    owners = possessive_owners(text)
    for unit, name in cues.items():
        if owners.get(unit) == "ORG" and name.seen["possessive"] >= OWNED_SHARE * name.mentions:
            decided[unit] = "ORG"  # "at Tellson’s": Tellson’s Bank
        elif _is_kinship_or_family(name, decided):
            decided[unit] = None
        elif _is_role(name, decided):
            decided[unit] = name.votes.most_common(1)[0][0]
        elif _is_a_house(name, people, cues) or _is_the_family_of_a_house(name, cues):
            decided[unit] = "PERSON"
    decided.update(_short_places(cues, decided))
    labelled = []
    for mention in mentions:
        if mention.label not in NAME_LABELS:
            labelled.append(mention)
            continue
        unit = name_unit(mention.text)
        label = decided[unit]
        parts = _two_names(mention, unit, cues, decided)
        if parts:
            labelled += parts
        elif label is not None:
            labelled.append(
                mention if label == mention.label else Mention(mention.start, mention.end, mention.text, label)
            )
    return labelled


def _person_if_titled(mention: Mention) -> Mention:
    """A name opened by an honorific ("Madame Lebrun", "Mr. Pontellier") is a person's whatever the model said.

    A short text has too few mentions for the book's cues; an honorific says
    nothing but "person" (unlike "General" in "General Motors").
    """
    title, _, rest = mention.text.partition(" ")
    honorific = title[:1].isupper() and title.rstrip(".").lower() in COMMON_TITLES
    if honorific and rest[:1].isupper() and mention.label in NAME_LABELS and mention.label != "PERSON":
        return Mention(mention.start, mention.end, mention.text, "PERSON")
    return mention


def _short_places(cues: dict[str, NameCues], decided: dict[str, str | None]) -> dict[str, str]:
    """One-word people that are a word of one kind of place's name of several words ("Combe Magna", "the Blue
    Boar"; before its "of": not "Kingdom of Darius"; no place's head word: not "Court" of "Police Court") and
    of no person's, with no cue of a person in the book and some cue of a place ("at Combe") or written "the X"
    as the place is ("the Boar"): that place, written short."""
    places: defaultdict[str, set[str]] = defaultdict(set)
    people: set[str] = set()
    for unit, label in decided.items():
        words = unit.split()
        if len(words) > 1 and label in PLACE_LABELS:
            for word in words[: words.index("of")] if "of" in words else words:
                places[word].add(label)
        elif len(words) > 1 and label == "PERSON":
            people.update(words)
    return {
        unit: next(iter(places[unit]))
        for unit, name in cues.items()
        if len(name.words) == 1
        and decided.get(unit) == "PERSON"
        and len(places.get(unit, ())) == 1
        and unit not in people
        and unit not in PLACE_HEADS  # "Court" of "Police Court" is any court
        and name.evidence("PERSON", facts=False) < EVIDENCE
        and (name.evidence("PLACE", facts=False) >= EVIDENCE or name.seen["the_before"] * 2 >= name.mentions)
    }


def _is_kinship_or_family(name: NameCues, decided: dict[str, str | None]) -> bool:
    """ "Mamma", "Papa": what a family calls its own; "the Rostóvs": a family, the plural of a person's name."""
    if len(name.words) != 1:
        return False
    word = name.words[0]
    if word in KINSHIP_WORDS:
        return True
    the_share = name.seen["the_before"] / max(1, name.mentions)
    return word.endswith("s") and decided.get(word[:-1]) == "PERSON" and the_share >= FAMILY_THE_SHARE


def _is_a_house(name: NameCues, people: set[str], cues: dict[str, NameCues]) -> bool:
    """ "the House of Usher", "the House of Elphberg": a family named after a name the book gives a person
    (Roderick Usher) or a family ("the Elphbergs")."""
    words = name.words
    return len(words) == 3 and words[:2] == ("house", "of") and (words[2] in people or words[2] + "s" in cues)


def _is_the_family_of_a_house(name: NameCues, cues: dict[str, NameCues]) -> bool:
    """ "the Elphbergs" in a book that names "the House of Elphberg": the family."""
    words = name.words
    return len(words) == 1 and words[0].endswith("s") and f"house of {words[0][:-1]}" in cues


def _is_role(name: NameCues, decided: dict[str, str | None]) -> bool:
    """ "the Russian Emperor", "the French General": a nationality and titles name a role, not a person's name
    (left as the model voted, so that "Russian" is never taken for a given name)."""
    words = name.words
    return len(words) > 1 and decided.get(words[0]) == "NORP" and all(word in TITLES for word in words[1:])


def _two_names(
    mention: Mention, unit: str, cues: dict[str, NameCues], decided: dict[str, str | None]
) -> list[Mention] | None:
    """ "Moscow Pierre" ("to Moscow Pierre was handed..."): a rare span made of a frequent place's name
    and a frequent person's name is two mentions, each with its own name's label."""
    words = mention.text.split()
    if len(words) < 2 or cues[unit].mentions > RARE_SPAN_MENTIONS:
        return None
    for cut in range(1, len(words)):
        first, rest = name_unit(" ".join(words[:cut])), name_unit(" ".join(words[cut:]))
        first_label, rest_label = decided.get(first), decided.get(rest)
        if {_class_of(first_label or ""), _class_of(rest_label or "")} != {"PERSON", "PLACE"}:
            continue
        assert first_label is not None and rest_label is not None
        if min(cues[first].mentions, cues[rest].mentions) < FREQUENT_NAME_MENTIONS:
            continue
        split = mention.text.index(words[cut], len(" ".join(words[:cut])))
        head = mention.text[:split].rstrip()
        return [
            Mention(mention.start, mention.start + len(head), head, first_label),
            Mention(mention.start + split, mention.end, mention.text[split:], rest_label),
        ]
    return None

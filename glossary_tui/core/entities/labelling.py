"""One label per name, decided by the whole book.

The model labels each mention on its own, and a small model is often wrong
the same way every time (Natásha a place 1,207 times out of 1,207, Denísov an
organisation 158 times out of 197). Here every name
(:func:`~glossary_tui.core.entities.label_cues.name_unit`: its key without
titles) gets one label from everything the book says about it: the cues
around its mentions and the model's votes
(:mod:`~glossary_tui.core.entities.label_cues`), weighed by a small linear
model (multinomial logistic regression: 25 cues, four classes: person, place,
organisation, no name) learned on LitBank's dev excerpts. ``training/labels/``
holds the training script, its settings and the model card with the
cross-validated figures. Every mention of the name then takes one label:

- the model's vote stands unless the linear model picks another class with at
  least :data:`FLIP_CONFIDENCE` of the probability left to the three name
  classes and the book's own cues for that class (a title, "said X", "X, who",
  "in X", ...) are seen at :data:`EVIDENCE` of its mentions or more: a vote is
  not overturned on the votes' say-so alone;
- a place is GPE, LOC or FAC as the model voted most among those (GPE if never);
- a name the linear model finds most likely no name is dropped, unless the
  model voted it a nationality, work, event, law, language or product (it
  keeps that label), or the name is seen at least :data:`KEPT_MENTIONS` times,
  or is an organisation named in several words (LitBank's fiction holds 9
  organisations in all: what the linear model knows of them is that fiction has few);
- a text shorter than :data:`MIN_BOOK_CHARS` says too little about its names
  (a news story, a test): its model labels stand.

``$GLOSSARY_TUI_LABEL_WEIGHTS`` may name another weights file (the benchmark
scores each LitBank excerpt with weights not learned on it).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from glossary_tui.core.entities.book_words import book_words
from glossary_tui.core.entities.label_cues import CUES, PLACE_LABELS, NameCues, name_cues, name_unit
from glossary_tui.core.entities.spans import NAME_LABELS
from glossary_tui.core.extraction.mentions import Mention

WEIGHTS_ENVIRONMENT_VARIABLE = "GLOSSARY_TUI_LABEL_WEIGHTS"
WEIGHTS = Path(__file__).with_name("label_weights.json")
#: What the model tells apart.
CLASSES = ("PERSON", "PLACE", "ORG", "NONE")
#: Labels a name the model calls no person, place or organisation may keep.
KEPT_LABELS = frozenset({"NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
#: Share of the name classes' probability a class needs to overturn the model's vote.
FLIP_CONFIDENCE = 0.5
#: Share of mentions with cues of the new class needed to overturn the model's vote.
EVIDENCE = 0.1
#: A name seen this often is never dropped (nor an organisation named in several words).
KEPT_MENTIONS = 3
#: A text shorter than this says too little about its names: the model's own labels stand.
MIN_BOOK_CHARS = 5000
#: Words by which a family calls its own: no names of their own.
KINSHIP_WORDS = frozenset(
    {"mamma", "mama", "mamma's", "papa", "pappa", "mum", "mummy", "mom", "dad", "daddy", "pa", "ma"}
)
#: Share of a plural's mentions written "the …" that makes it a family ("the Rostóvs").
FAMILY_THE_SHARE = 0.5
#: A span seen at most this often, made of two names each seen at least FREQUENT_NAME_MENTIONS times, is two.
RARE_SPAN_MENTIONS = 2
FREQUENT_NAME_MENTIONS = 5


@dataclass(frozen=True)
class LabelModel:
    """Weights of the linear model: one row per cue of :data:`CUES`, one column per class of :data:`CLASSES`."""

    weights: tuple[tuple[float, ...], ...]

    def probabilities(self, vector: Sequence[float]) -> list[float]:
        """The probability of each class for a name with cue ``vector``."""
        scores = [
            sum(value * row[k] for value, row in zip(vector, self.weights, strict=True)) for k in range(len(CLASSES))
        ]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return [value / total for value in exps]

    def label(self, cues: NameCues) -> str | None:
        """The label every mention of this name takes, or ``None`` if it is no name."""
        probabilities = dict(zip(CLASSES, self.probabilities(cues.vector()), strict=True))
        voted = cues.votes.most_common(1)[0][0]
        best = max(CLASSES, key=probabilities.__getitem__)
        recurring = cues.mentions >= KEPT_MENTIONS or (voted == "ORG" and len(cues.words) > 1)
        if best == "NONE" and recurring:
            best = max(CLASSES[:3], key=probabilities.__getitem__)
        if best == "NONE":
            return voted if voted in KEPT_LABELS else None
        if best == _class_of(voted) or probabilities[best] < FLIP_CONFIDENCE * (1 - probabilities["NONE"]):
            return voted
        if cues.evidence(best) < EVIDENCE:
            return voted
        if best == "PLACE":
            places = [(count, label) for label, count in cues.votes.items() if label in PLACE_LABELS]
            return max(places)[1] if places else "GPE"
        return best


def _class_of(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else label if label in CLASSES else "NONE"


@cache
def _load_model(path: str) -> LabelModel:
    record = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(record["cues"]) != CUES or tuple(record["classes"]) != CLASSES:
        raise ValueError(f"{path}: the weights do not fit this version's cues")
    return LabelModel(tuple(tuple(float(value) for value in row) for row in record["weights"]))


def label_model() -> LabelModel:
    """The shipped model (or the one ``$GLOSSARY_TUI_LABEL_WEIGHTS`` names)."""
    return _load_model(os.environ.get(WEIGHTS_ENVIRONMENT_VARIABLE) or str(WEIGHTS))


def label_by_book(mentions: Sequence[Mention], text: str, model: LabelModel | None = None) -> list[Mention]:
    """``mentions`` with one label per name, decided by the whole book; mentions of no name dropped."""
    if len(text) < MIN_BOOK_CHARS:
        return list(mentions)
    model = model or label_model()
    names = [mention for mention in mentions if mention.label in NAME_LABELS]
    cues = name_cues(names, text, book_words(text))
    decided = {unit: model.label(name) for unit, name in cues.items()}
    for unit, name in cues.items():
        if _is_kinship_or_family(name, decided):
            decided[unit] = None
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


def _is_kinship_or_family(name: NameCues, decided: dict[str, str | None]) -> bool:
    """ "Mamma", "Papa": what a family calls its own; "the Rostóvs": a family, the plural of a person's name."""
    if len(name.words) != 1:
        return False
    word = name.words[0]
    if word in KINSHIP_WORDS:
        return True
    the_share = name.seen["the_before"] / max(1, name.mentions)
    return word.endswith("s") and decided.get(word[:-1]) == "PERSON" and the_share >= FAMILY_THE_SHARE


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

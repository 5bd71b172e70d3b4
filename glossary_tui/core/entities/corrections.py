"""Reader corrections: what the reader fixed in the grouping, kept in the store and applied again.

Every correction names entities by label and name (matched by
:func:`~glossary_tui.core.entities.names.name_key` against an entity's name and
aliases), never by offsets, so a correction made in one document applies to
the next document that mentions the same name. They apply in the order they
were made, after alias merging; "add" corrections apply before it, since
they make mentions.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from glossary_tui.core.entities.entity import Entity, entity_id
from glossary_tui.core.entities.names import name_key
from glossary_tui.core.extraction.mentions import Mention

KINDS = ("merge", "split", "rename", "relabel", "hide", "add")


@dataclass(frozen=True)
class Correction:
    """One correction. ``name``/``label`` name the entity it is about; the other fields depend on ``kind``.

    - merge: the entity joins ``target_name``/``target_label``, keeping the label ``value`` if given
      (the reader chose it when the two labels differed), else the target's;
    - split: the mentions written ``value`` leave the entity and become their own, labelled as
      most of them are;
    - rename: the entity is called ``value``;
    - relabel: the entity's label becomes ``value``;
    - hide: the entity is hidden (a false positive);
    - add: every occurrence of the phrase ``name`` becomes a mention labelled ``label``.
    """

    kind: str
    name: str
    label: str
    value: str = ""
    target_name: str = ""
    target_label: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown correction {self.kind!r}")

    def to_record(self) -> dict[str, Any]:
        """The correction as JSON-able data for the store."""
        return {key: value for key, value in asdict(self).items() if value}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Correction:
        """A correction from :meth:`to_record` data (an ``id`` from the store is ignored)."""
        fields = {key: record.get(key, "") for key in ("kind", "name", "label", "value", "target_name", "target_label")}
        return cls(**fields)

    def describe(self) -> str:
        """One line for the reader: what this correction does."""
        return {
            "merge": f"merge {self.name} into {self.target_name}"
            + (f" (as {self.value})" if self.value and self.value != self.target_label else ""),
            "split": f"split {self.value} off {self.name}",
            "rename": f"rename {self.name} to {self.value}",
            "relabel": f"relabel {self.name} as {self.value}",
            "hide": f"hide {self.name}",
            "add": f"add {self.name} as {self.label}",
        }[self.kind]


def corrections_from_records(records: Iterable[dict[str, Any]]) -> list[Correction]:
    """Corrections from store records, skipping any this version does not understand."""
    corrections = []
    for record in records:
        try:
            corrections.append(Correction.from_record(record))
        except (TypeError, ValueError):
            continue
    return corrections


def find_phrase_mentions(text: str, phrase: str, label: str) -> list[Mention]:
    """Every whole-word, case-insensitive occurrence of ``phrase`` in ``text`` (spaces match any whitespace)."""
    words = phrase.split()
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    return [Mention(match.start(), match.end(), match.group(), label) for match in pattern.finditer(text)]


def add_phrase_mentions(mentions: Sequence[Mention], text: str, corrections: Sequence[Correction]) -> list[Mention]:
    """``mentions`` with every "add" correction's occurrences, which replace mentions they overlap."""
    added = [m for c in corrections if c.kind == "add" for m in find_phrase_mentions(text, c.name, c.label)]
    if not added:
        return list(mentions)
    added.sort()
    starts = [m.start for m in added]
    kept = [m for m in mentions if not _overlaps_any(m, added, starts)]
    return sorted(kept + added)


def apply_corrections(entities: Sequence[Entity], corrections: Sequence[Correction]) -> list[Entity]:
    """``entities`` after every merge, split, rename, relabel and hide, in order; hidden ones are flagged."""
    result = list(entities)
    for correction in corrections:
        if correction.kind == "add":
            continue
        index = _find(result, correction.name, correction.label)
        if index is None:
            continue
        entity = result[index]
        if correction.kind == "merge":
            target = _find(result, correction.target_name, correction.target_label)
            if target is None or target == index:
                continue
            merged = _merged(result[target], entity)
            if correction.value and correction.value != merged.label:
                merged = replace(merged, label=correction.value, id=entity_id(merged.name, correction.value))
            result[target] = merged
            del result[index]
        elif correction.kind == "split":
            leaving = mentions_written(entity, correction.value)
            if not leaving or len(leaving) == entity.count:
                continue
            left = set(leaving)
            staying = tuple(m for m in entity.mentions if m not in left)
            result[index] = replace(entity, mentions=staying, aliases=_aliases(entity.name, staying))
            name = " ".join(leaving[0].text.split())
            label = _voted_label(leaving, entity.label)
            result.append(Entity(entity_id(name, label), name, label, _aliases(name, leaving), leaving))
        elif correction.kind == "rename":
            aliases = tuple(sorted({*entity.aliases, entity.name} - {correction.value}))
            result[index] = replace(entity, name=correction.value, aliases=aliases)
        elif correction.kind == "relabel":
            result[index] = replace(entity, label=correction.value, id=entity_id(entity.name, correction.value))
        elif correction.kind == "hide":
            result[index] = replace(entity, hidden=True)
    result.sort(key=lambda e: e.first_offset)
    return result


def mentions_written(entity: Entity, spelling: str) -> tuple[Mention, ...]:
    """The mentions of ``entity`` written ``spelling`` (by name key): what splitting it off takes."""
    key = name_key(spelling)
    return tuple(m for m in entity.mentions if name_key(m.text) == key)


@dataclass(frozen=True)
class Spelling:
    """A way an entity is written that can be split off: ``name`` (the commonest form), ``others`` (the same
    name in other case or form, which go with it) and ``count``, the mentions a split takes."""

    name: str
    others: tuple[str, ...]
    count: int


def spellings_to_split(entity: Entity) -> list[Spelling]:
    """The entity's other spellings that a split would take off (some mentions, not all), most mentioned first."""
    forms = Counter(" ".join(m.text.split()) for m in entity.mentions)
    by_key: dict[str, list[str]] = {}
    for alias in entity.aliases:
        if name_key(alias) != name_key(entity.name):
            by_key.setdefault(name_key(alias), []).append(alias)
    spellings = []
    for aliases in by_key.values():
        count = len(mentions_written(entity, aliases[0]))
        if 0 < count < entity.count:
            name, *others = sorted(aliases, key=lambda alias: -forms[alias])
            spellings.append(Spelling(name, tuple(others), count))
    return sorted(spellings, key=lambda spelling: -spelling.count)


def _find(entities: Sequence[Entity], name: str, label: str) -> int | None:
    """The entity with this label called ``name`` (or with it as an alias)."""
    key = name_key(name)
    fallback = None
    for index, entity in enumerate(entities):
        if entity.label != label:
            continue
        if name_key(entity.name) == key:
            return index
        if fallback is None and entity.is_called(name):
            fallback = index
    return fallback


def _merged(target: Entity, source: Entity) -> Entity:
    mentions = tuple(sorted({*target.mentions, *source.mentions}))
    aliases = tuple(sorted({*target.aliases, *source.aliases, source.name} - {target.name}))
    return replace(target, mentions=mentions, aliases=aliases, hidden=target.hidden and source.hidden)


def _voted_label(mentions: Sequence[Mention], current: str) -> str:
    """The label most of ``mentions`` carry; ``current`` wins a tie it is part of."""
    votes = Counter(mention.label for mention in mentions)
    most = max(votes.values())
    return current if votes[current] == most else min(label for label, count in votes.items() if count == most)


def _aliases(name: str, mentions: Sequence[Mention]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(m.text.split()) for m in mentions} - {name}))


def _overlaps_any(mention: Mention, added: Sequence[Mention], starts: Sequence[int]) -> bool:
    index = bisect.bisect_right(starts, mention.end)
    return any(other.start < mention.end and mention.start < other.end for other in added[max(0, index - 8) : index])

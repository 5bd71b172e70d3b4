"""What identifies an entity across groupings and documents.

Grouping changes (better rules, the reader's corrections), so nothing the reader
writes is tied to a group. It is tied to an :class:`Anchor`: the document it was
written in, a label, and name keys (the entity's own name first, then its other
spellings).

**Within a document** every name key has an *owner*, the one entity it stands
for there: among the entities called that, the one whose own name it is, then
one of the label asked for, then one not hidden, then the most mentioned. An
anchor lands on the owner of its first key (whatever the label, so a relabelled
entity keeps its note), else on the owner of another of its keys with the
anchor's label. So a note written on Pierre stays on Pierre when a later grouping
also makes an entity "Moscow Pierre" with "Pierre" among its spellings.

**Across documents** two entities are the same when each owns a key they share,
with the same label, and the evidence agrees (:func:`link_evidence`):

- a full name (two name words or more, titles left out: "Joseph Alexéevich",
  "Matthew Pocket") is enough;
- a one-word name ("Joseph") alone is weak evidence: it links two documents only
  when they share at least :data:`RELATED_DOCUMENTS` full-named people, as books
  of one series do. Only people of a document's body count: mentioned at least
  :data:`BODY_MENTIONS` times away from its first and last tenth, so the names in
  front and back matter that every book of a collection has ("Project
  Gutenberg", "Michael S. Hart") relate nothing;
- a one-word name of anything but a person ("London") links when it is both
  entities' own name, not merely a spelling one of them was grouped with.

The reader can undo any link ("not the same"); that choice is kept by the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Protocol, TypeVar

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.names import name_key

PERSON = "PERSON"
#: Full-named people two documents must share before a one-word person name links them.
RELATED_DOCUMENTS = 3
#: Mentions away from the first and last tenth of a document that make a person one of its body's.
BODY_MENTIONS = 2
#: The share of a document at either end that is not its body (front and back matter).
MATTER = 0.1
#: Words before a name that do not make it a full name ("Prince Andrew" is one name word).
NAME_TITLES = frozenset(
    [
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
        "general",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "admiral",
        "uncle",
        "aunt",
        "cousin",
        "old",
        "young",
        "little",
        "pope",
        "cardinal",
        "bishop",
    ]
)
#: Words after a name that do not make it a full name either.
NAME_SUFFIXES = frozenset({"esq", "esquire", "jr", "junior", "sr", "senior"})
_PUNCTUATION = ".,;:!?'’\"“”()[]-"

#: Why two entities of different documents are one (see :func:`link_evidence`).
FULL_NAME = "same full name"
RELATED = "same name in related documents"
OWN_NAME = "same name"


@lru_cache(maxsize=1 << 16)
def key_of(name: str) -> str:
    """:func:`~glossary_tui.core.entities.names.name_key`, remembered (the same names come back all the time)."""
    return name_key(name)


def entity_keys(entity: Entity) -> tuple[str, ...]:
    """The entity's name keys: its own name's first, then its other spellings' (each once)."""
    return tuple(dict.fromkeys(key for key in map(key_of, (entity.name, *entity.aliases)) if key))


@lru_cache(maxsize=1 << 16)
def is_full_name(key: str) -> bool:
    """True if the name key has two name words or more once titles and suffixes are left out."""
    words = [word.strip(_PUNCTUATION) for word in key.split()]
    words = [word for word in words if word]
    while words and words[0] in NAME_TITLES:
        words.pop(0)
    while words and words[-1] in NAME_SUFFIXES:
        words.pop()
    return len(words) >= 2


def link_evidence(key: str, label: str, both_own_name: bool, shared_people: int) -> str | None:
    """Why two entities of ``label`` in different documents, each owning ``key``, are one; None if they are not.

    ``both_own_name``: ``key`` is each entity's own name (not one of its other
    spellings); ``shared_people``: how many full-named people the two documents share.
    """
    if is_full_name(key):
        return FULL_NAME
    if shared_people >= RELATED_DOCUMENTS:
        return RELATED
    if label != PERSON and both_own_name:
        return OWN_NAME
    return None


@dataclass(frozen=True)
class Anchor:
    """What a note or a "not the same" choice is attached to: a document, a label, name keys (own name first)."""

    document: str
    label: str
    keys: tuple[str, ...]

    @classmethod
    def of(cls, entity: Entity, document: str) -> Anchor:
        """The anchor of ``entity`` as it is now in ``document`` (a sha256)."""
        return cls(document, entity.label, entity_keys(entity))


class Holder(Protocol):
    """An entity holding a name key, as far as ownership is concerned."""

    @property
    def label(self) -> str: ...

    @property
    def count(self) -> int: ...

    @property
    def hidden(self) -> bool: ...


H = TypeVar("H", bound=Holder)


def best_holder(holders: Iterable[tuple[H, bool]], label: str, *, same_label: bool) -> H | None:
    """The owner among ``(holder, key is its own name)`` pairs: own name, ``label``, shown, most mentioned first.

    With ``same_label`` only holders of ``label`` are considered.
    """
    best: H | None = None
    best_rank: tuple[bool, bool, bool, int] | None = None
    for holder, own_name in holders:
        if same_label and holder.label != label:
            continue
        rank = (own_name, holder.label == label, not holder.hidden, holder.count)
        if best_rank is None or rank > best_rank:
            best, best_rank = holder, rank
    return best


def resolve(anchor: Anchor, holders_of: Callable[[str], Iterable[tuple[H, bool]]]) -> H | None:
    """Where ``anchor`` lands among a document's holders of each key (see the module's docstring)."""
    if not anchor.keys:
        return None
    first = best_holder(holders_of(anchor.keys[0]), anchor.label, same_label=False)
    if first is not None:
        return first
    for key in anchor.keys[1:]:
        found = best_holder(holders_of(key), anchor.label, same_label=True)
        if found is not None:
            return found
    return None


class DocumentIdentity:
    """Who owns which name key in one document's entities (as grouped and corrected now)."""

    def __init__(self, sha256: str, entities: Sequence[Entity]) -> None:
        self.sha256 = sha256
        self.entities = tuple(entities)
        self._keys: dict[str, tuple[str, ...]] = {}
        self._holders: dict[str, list[tuple[Entity, bool]]] = {}
        self._owners: dict[tuple[str, str], Entity | None] = {}
        for entity in self.entities:
            keys = entity_keys(entity)
            self._keys[entity.id] = keys
            for position, key in enumerate(keys):
                self._holders.setdefault(key, []).append((entity, position == 0))

    def keys(self, entity: Entity) -> tuple[str, ...]:
        """``entity``'s name keys, own name first (computed now if it is not one of this document's)."""
        return self._keys.get(entity.id) or entity_keys(entity)

    def owner(self, key: str, label: str) -> Entity | None:
        """The entity of ``label`` that ``key`` stands for in this document."""
        try:
            return self._owners[(key, label)]
        except KeyError:
            owner = self._owners[(key, label)] = best_holder(self._holders.get(key, ()), label, same_label=True)
            return owner

    def owned_keys(self, entity: Entity) -> list[str]:
        """The keys of ``entity`` it owns here."""
        return [key for key in self.keys(entity) if _same(self.owner(key, entity.label), entity)]

    def resolve(self, anchor: Anchor) -> Entity | None:
        """The entity ``anchor`` lands on here (see the module's docstring), or None."""
        return resolve(anchor, lambda key: self._holders.get(key, ()))

    def is_own_name(self, entity: Entity, key: str) -> bool:
        """True if ``key`` is the key of ``entity``'s own name."""
        keys = self.keys(entity)
        return bool(keys) and keys[0] == key

    @cached_property
    def people(self) -> frozenset[str]:
        """Full names of the people of this document's body (what :data:`RELATED_DOCUMENTS` counts)."""
        length = max((mention.end for entity in self.entities for mention in entity.mentions[-1:]), default=0)
        start, end = length * MATTER, length * (1 - MATTER)
        return frozenset(
            key
            for entity in self.entities
            if entity.label == PERSON
            and not entity.hidden
            and sum(start <= mention.start < end for mention in entity.mentions) >= BODY_MENTIONS
            for key in self.owned_keys(entity)
            if is_full_name(key)
        )


def _same(first: Entity | None, second: Entity) -> bool:
    return first is not None and first.id == second.id

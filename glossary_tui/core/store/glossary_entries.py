"""The glossary: the entities of every recorded document, linked across documents into entries, with notes.

Entities of different documents become one entry when the identity rules link
them (:mod:`~glossary_tui.core.entities.identity`): a shared full name first,
then one-word names where the evidence agrees; never two entities of one
document, never two the reader said are not the same. Every note lands on the
entity it is anchored to, and so on that entity's entry; a note whose entity is
in no recorded document is an entry of its own, so no note is ever left out.
Hidden entities, and the notes on them, are not in the glossary.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from glossary_tui.core.entities.identity import (
    Anchor,
    is_full_name,
    key_of,
    link_evidence,
    resolve,
)
from glossary_tui.core.store.library_index import IndexedEntity, IndexedName, LibraryIndex
from glossary_tui.core.store.records import DocumentRecord, GlossaryEntry, Occurrence


def build_entries(
    index: LibraryIndex,
    notes: Sequence[tuple[str, dict[str, Any]]],
    separations: Sequence[dict[str, Any]],
    documents: Mapping[str, DocumentRecord],
    *,
    document: str | None = None,
    notes_only: bool = False,
) -> list[GlossaryEntry]:
    """Every entry by name (see the module's docstring); ``document`` and ``notes_only`` keep some of them."""
    entities = {entity.id: entity for entity in index.entities()}
    clusters = _Clusters(entities)
    names = [name for name in index.owned_names() if name.entity in entities]
    for entity_a, entity_b in _separated_pairs(index, separations):
        clusters.keep_apart(entity_a, entity_b)
    _link(clusters, names)
    noted: dict[int, list[dict[str, Any]]] = defaultdict(list)
    alone: list[tuple[str, dict[str, Any]]] = []
    for note_id, record in notes:
        if not record.get("note"):
            continue
        landed = _land(index, record, entities)
        if landed is None:
            if not _on_hidden_entity(index, record):
                alone.append((note_id, record))
        else:
            noted[clusters.find(landed)].append({**record, "id": int(note_id)})
    members: dict[int, list[IndexedEntity]] = defaultdict(list)
    for entity in entities.values():
        members[clusters.find(entity.id)].append(entity)
    entries = []
    for root, group in members.items():
        notes_here = noted.get(root, [])
        if notes_only and not notes_here:
            continue
        if document is not None and all(entity.document != document for entity in group):
            continue
        entries.append(_entry(str(root), group, notes_here, documents))
    for note_id, record in alone:
        if document is None or record.get("document") == document:
            entries.append(_lone_note_entry(note_id, record, documents))
    return sorted(entries, key=lambda entry: (key_of(entry.name), entry.label))


class _Clusters:
    """Union-find over entity ids, keeping entities of one document and separated ones apart."""

    def __init__(self, entities: Mapping[int, IndexedEntity]) -> None:
        self._parent = {number: number for number in entities}
        self._documents = {number: {entity.document} for number, entity in entities.items()}
        self._apart: dict[int, set[int]] = {}

    def find(self, number: int) -> int:
        parent = self._parent
        root = number
        while parent[root] != root:
            root = parent[root]
        while parent[number] != root:
            parent[number], number = root, parent[number]
        return root

    def keep_apart(self, first: int, second: int) -> None:
        self._apart.setdefault(first, set()).add(second)
        self._apart.setdefault(second, set()).add(first)

    def union(self, first: int, second: int) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a == root_b:
            return
        documents_a, documents_b = self._documents[root_a], self._documents[root_b]
        if not documents_a.isdisjoint(documents_b):
            return
        apart_a, apart_b = self._apart.get(root_a), self._apart.get(root_b)
        if apart_a and apart_b and any(self.find(other) == root_b for other in apart_a):
            return
        if len(documents_a) < len(documents_b):
            root_a, root_b = root_b, root_a
            documents_a, documents_b = documents_b, documents_a
        self._parent[root_b] = root_a
        documents_a |= documents_b
        del self._documents[root_b]
        if root_b in self._apart or root_a in self._apart:
            self._apart[root_a] = self._apart.get(root_a, set()) | self._apart.pop(root_b, set())


def _link(clusters: _Clusters, names: Sequence[IndexedName]) -> None:
    """Link owners of one key across documents: full names first, then one-word names with evidence."""
    groups: dict[tuple[str, str], list[IndexedName]] = defaultdict(list)
    people: dict[str, set[str]] = defaultdict(set)
    for name in names:
        groups[(name.label, name.key)].append(name)
        if name.person:
            people[name.document].add(name.key)
    weak = []
    for (label, key), group in groups.items():
        if len(group) < 2:
            continue
        if is_full_name(key):
            for name in group[1:]:
                clusters.union(group[0].entity, name.entity)
        else:
            weak.append((label, key, group))
    shared: dict[tuple[str, str], int] = {}

    def shared_people(first: str, second: str) -> int:
        pair = (first, second) if first < second else (second, first)
        if pair not in shared:
            shared[pair] = len(people[first] & people[second])
        return shared[pair]

    for label, key, group in weak:
        for position, first in enumerate(group):
            for second in group[position + 1 :]:
                both_own = first.own and second.own
                if link_evidence(key, label, both_own, shared_people(first.document, second.document)):
                    clusters.union(first.entity, second.entity)


def _separated_pairs(index: LibraryIndex, separations: Iterable[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs = []
    for record in separations:
        first, second = (
            _resolve_indexed(
                index, Anchor(side.get("document", ""), record.get("label", ""), tuple(side.get("keys", ())))
            )
            for side in (record.get("first", {}), record.get("second", {}))
        )
        if first is not None and second is not None:
            pairs.append((first.id, second.id))
    return pairs


def _resolve_indexed(index: LibraryIndex, anchor: Anchor) -> IndexedEntity | None:
    def holders_of(key: str) -> list[tuple[IndexedEntity, bool]]:
        return index.holders(anchor.document, key)

    return resolve(anchor, holders_of)


def _land(index: LibraryIndex, record: dict[str, Any], entities: Mapping[int, IndexedEntity]) -> int | None:
    """The id of the shown entity a note lands on, or None (its document is not indexed, or its entity hidden)."""
    anchor = Anchor(record.get("document", ""), record.get("label", ""), tuple(record.get("keys", ())))
    if anchor.document in index.documents():
        landed = _resolve_indexed(index, anchor)
        return landed.id if landed is not None and landed.id in entities else None
    for key in anchor.keys:
        for holder, own in index.owners(key, anchor.label):
            both_own = own and anchor.keys[0] == key
            if link_evidence(key, anchor.label, both_own, 0) or (not anchor.document and both_own):
                return holder.id if holder.id in entities else None
    return None


def _on_hidden_entity(index: LibraryIndex, record: dict[str, Any]) -> bool:
    anchor = Anchor(record.get("document", ""), record.get("label", ""), tuple(record.get("keys", ())))
    if anchor.document not in index.documents():
        return False
    landed = _resolve_indexed(index, anchor)
    return landed is not None and landed.hidden


def _entry(
    key: str, group: Sequence[IndexedEntity], notes: Sequence[dict[str, Any]], documents: Mapping[str, DocumentRecord]
) -> GlossaryEntry:
    """One entry from linked entities: the name most mentioned, every other distinct name as an alias."""
    by_name: Counter[str] = Counter()
    for entity in group:
        by_name[entity.name] += entity.count
    name = max(by_name, key=lambda spelling: (by_name[spelling], -len(spelling)))
    spellings: dict[str, str] = {}
    for entity in sorted(group, key=lambda entity: -entity.count):
        for spelling in (entity.name, *entity.aliases):
            folded = key_of(spelling)
            if folded and (folded not in spellings or spellings[folded].isupper()):
                spellings[folded] = spelling
    spellings.pop(key_of(name), None)
    occurrences = sorted(
        (_occurrence(entity, documents.get(entity.document)) for entity in group), key=lambda o: (-o.count, o.title)
    )
    ordered = sorted(notes, key=lambda record: (record.get("created", ""), record["id"]))
    return GlossaryEntry(
        key=key,
        name=name,
        label=group[0].label,
        aliases=tuple(sorted(spellings.values(), key=key_of)),
        note="\n\n".join(record["note"] for record in ordered),
        created=min((record.get("created", "") for record in ordered), default=""),
        updated=max((record.get("updated", "") for record in ordered), default=""),
        documents=tuple(occurrences),
    )


def _lone_note_entry(note_id: str, record: dict[str, Any], documents: Mapping[str, DocumentRecord]) -> GlossaryEntry:
    """A note whose entity is in no recorded document: an entry of its own, named as when it was written."""
    known = documents.get(record.get("document", ""))
    occurrences: tuple[Occurrence, ...] = ()
    if known is not None:
        occurrences = (Occurrence(known.sha256, known.title or known.source, known.source, 0, record.get("name", "")),)
    return GlossaryEntry(
        key=f"note-{note_id}",
        name=record.get("name", ""),
        label=record.get("label", ""),
        aliases=tuple(record.get("aliases", ())),
        note=record["note"],
        created=record.get("created", ""),
        updated=record.get("updated", ""),
        documents=occurrences,
    )


def _occurrence(entity: IndexedEntity, record: DocumentRecord | None) -> Occurrence:
    title = record.title if record is not None else ""
    source = record.source if record is not None else ""
    return Occurrence(entity.document, title or source, source, entity.count, entity.name)

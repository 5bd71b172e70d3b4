"""The glossary: the entities of every recorded document, linked across documents into entries, with notes.

An entry's description is its entity's, from the document the entity is
mentioned most in among those that describe it, a phrase (appositive, copula,
role) before a mere sentence of the text.

Entities of different documents become one entry when the identity rules link
them (:mod:`~glossary_tui.core.entities.identity`): a shared full name, a
shared one-word name of two related documents, or a place's own name; never two
entities of one document, never two the reader said are not the same. Every
note lands on the entity it is anchored to, and so on that entity's entry; a
note whose entity is in no recorded document is an entry of its own, so no note
is ever left out. Hidden entities, and the notes on them, are not in the glossary.

A library holds 100,000s of entities, so this works on the index's rows in
bulk: one query for the entities, one for the names, one per document with
notes; most entries are one entity, built without any name folding.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import combinations
from typing import Any

from glossary_tui.core.entities.identity import (
    OWN_NAME,
    RELATED_DOCUMENTS,
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
    with _no_garbage_collection():
        return _build(index, notes, separations, documents, document, notes_only)


@contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Building 100,000s of records that are all kept would set the cyclic collector scanning them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(
    index: LibraryIndex,
    notes: Sequence[tuple[str, dict[str, Any]]],
    separations: Sequence[dict[str, Any]],
    documents: Mapping[str, DocumentRecord],
    document: str | None,
    notes_only: bool,
) -> list[GlossaryEntry]:
    entities = {entity.id: entity for entity in index.entities()}
    clusters = _Clusters(entities)
    for first, second in _separated_pairs(index, separations):
        clusters.keep_apart(first, second)
    _link(clusters, [name for name in index.owned_names() if name.entity in entities])
    noted: dict[int, list[dict[str, Any]]] = defaultdict(list)
    alone: list[tuple[str, dict[str, Any]]] = []
    for note_id, record, landed in _land(index, notes, entities):
        if landed is not None:
            noted[clusters.find(landed)].append({**record, "id": int(note_id)})
        elif not _hidden(index, record):
            alone.append((note_id, record))
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
        entries.append(_entry(root, group, notes_here, documents))
    for note_id, record in alone:
        if document is None or record.get("document") == document:
            entries.append((key_of(record.get("name", "")), _lone_note_entry(note_id, record, documents)))
    entries.sort(key=lambda keyed: (keyed[0], keyed[1].label))
    return [entry for _, entry in entries]


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
    for name in names:
        groups[(name.label, name.key)].append(name)
    related = _related_documents(names)
    weak = []
    for (label, key), group in groups.items():
        if len(group) < 2:
            continue
        if is_full_name(key):
            for name in group[1:]:
                clusters.union(group[0].entity, name.entity)
        else:
            weak.append((label, key, group))
    for label, key, group in weak:
        own = [name for name in group if name.own]
        if len(own) > 1 and link_evidence(key, label, both_own_name=True, shared_people=0) == OWN_NAME:
            for name in own[1:]:
                clusters.union(own[0].entity, name.entity)
        by_document = {name.document: name for name in group}
        for name in group:
            for other in related.get(name.document, set()) & by_document.keys():
                clusters.union(name.entity, by_document[other].entity)


def _related_documents(names: Iterable[IndexedName]) -> dict[str, set[str]]:
    """Documents sharing at least :data:`RELATED_DOCUMENTS` people, each with the others it is related to."""
    documents_of: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if name.person:
            documents_of[name.key].add(name.document)
    shared: Counter[tuple[str, str]] = Counter()
    for documents in documents_of.values():
        if len(documents) > 1:
            shared.update(combinations(sorted(documents), 2))
    related: dict[str, set[str]] = defaultdict(set)
    for (first, second), count in shared.items():
        if count >= RELATED_DOCUMENTS:
            related[first].add(second)
            related[second].add(first)
    return related


def _separated_pairs(index: LibraryIndex, separations: Iterable[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs = []
    for record in separations:
        sides = [_anchor(side, record.get("label", "")) for side in (record.get("first", {}), record.get("second", {}))]
        first, second = (_resolve_indexed(index, anchor) for anchor in sides)
        if first is not None and second is not None:
            pairs.append((first.id, second.id))
    return pairs


def _land(
    index: LibraryIndex, notes: Sequence[tuple[str, dict[str, Any]]], entities: Mapping[int, IndexedEntity]
) -> Iterable[tuple[str, dict[str, Any], int | None]]:
    """Each note with the id of the shown entity it lands on (None: its entity is hidden or nowhere)."""
    indexed = index.documents()
    by_document: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for note_id, record in notes:
        if record.get("note"):
            by_document[record.get("document", "")].append((note_id, record))
    for sha256, noted in by_document.items():
        if sha256 in indexed:
            holders = index.holders_of_keys(sha256, (key for _, record in noted for key in record.get("keys", ())))
            for note_id, record in noted:
                landed = _resolve_among(holders, _anchor(record, record.get("label", "")))
                yield note_id, record, landed.id if landed is not None and landed.id in entities else None
        else:
            for note_id, record in noted:
                yield note_id, record, _land_unindexed(index, record, entities)


def _land_unindexed(index: LibraryIndex, record: dict[str, Any], entities: Mapping[int, IndexedEntity]) -> int | None:
    """A note of a document not recorded joins an entity by a full name, or a place by its own name."""
    anchor = _anchor(record, record.get("label", ""))
    for key in anchor.keys:
        for holder, own in index.owners(key, anchor.label):
            both_own = own and anchor.keys[0] == key
            if link_evidence(key, anchor.label, both_own, 0) or (not anchor.document and both_own):
                return holder.id if holder.id in entities else None
    return None


def _hidden(index: LibraryIndex, record: dict[str, Any]) -> bool:
    landed = _resolve_indexed(index, _anchor(record, record.get("label", "")))
    return landed is not None and landed.hidden


def _anchor(side: dict[str, Any], label: str) -> Anchor:
    return Anchor(side.get("document", ""), label, tuple(side.get("keys", ())))


def _resolve_indexed(index: LibraryIndex, anchor: Anchor) -> IndexedEntity | None:
    return _resolve_among(index.holders_of_keys(anchor.document, anchor.keys), anchor)


def _resolve_among(holders: Mapping[str, list[tuple[IndexedEntity, bool]]], anchor: Anchor) -> IndexedEntity | None:
    def holders_of(key: str) -> list[tuple[IndexedEntity, bool]]:
        return holders.get(key, [])

    return resolve(anchor, holders_of)


def _entry(
    root: int, group: Sequence[IndexedEntity], notes: Sequence[dict[str, Any]], documents: Mapping[str, DocumentRecord]
) -> tuple[str, GlossaryEntry]:
    """One entry (with its sort key) from linked entities: the name most mentioned, every other name as an alias."""
    if len(group) == 1:
        entity = group[0]
        key, name, aliases = entity.key, entity.name, entity.aliases
        occurrences: tuple[Occurrence, ...] = (_occurrence(entity, documents.get(entity.document)),)
    else:
        by_name: Counter[str] = Counter()
        for entity in group:
            by_name[entity.name] += entity.count
        name = max(by_name, key=lambda spelling: (by_name[spelling], -len(spelling)))
        spellings: dict[str, str] = {}
        for entity in sorted(group, key=lambda entity: -entity.count):
            for spelling in (entity.name, *entity.aliases):
                folded = key_of(spelling)
                if folded not in spellings or spellings[folded].isupper():
                    spellings[folded] = spelling
        key = key_of(name)
        spellings.pop(key, None)
        aliases = tuple(sorted(spellings.values(), key=key_of))
        occurrences = tuple(
            sorted((_occurrence(e, documents.get(e.document)) for e in group), key=lambda o: (-o.count, o.title))
        )
    entry = GlossaryEntry(str(root), name, group[0].label, aliases, "", "", "", occurrences)
    described = _describing(group)
    if described is not None:
        entry.description, entry.description_kind = described.description, described.description_kind
    if notes:
        ordered = sorted(notes, key=lambda record: (record.get("created", ""), record["id"]))
        entry.note = "\n\n".join(record["note"] for record in ordered)
        entry.created = min(record.get("created", "") for record in ordered)
        entry.updated = max(record.get("updated", "") for record in ordered)
    return key, entry


def _describing(group: Sequence[IndexedEntity]) -> IndexedEntity | None:
    """The linked entity whose description the entry shows: a phrase before a sentence, then the most mentioned.

    One description, not one per document: the documents mostly say the same
    thing, and a phrase found anywhere says who someone is better than the
    sentence a longer book merely mentions them in.
    """
    described = [entity for entity in group if entity.description]
    return min(
        described,
        key=lambda entity: (entity.description_kind == "sentence", -entity.count, entity.document),
        default=None,
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

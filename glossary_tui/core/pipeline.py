"""The one road from a document to its glossary.

read → normalise (:func:`~glossary_tui.core.documents.document.read_document`)
→ extract, through the cache (:class:`~glossary_tui.core.extraction.cache.CachedExtractor`)
→ group aliases and apply the reader's corrections (:func:`entities_of`)
→ record the document's entities in the glossary, hidden ones flagged, with what
  the text says each shown one is (:func:`describe`, :func:`record`).

Two forms share every step: :func:`stream`, which the reader uses to show
entities while extraction runs (the part on screen first), and
:func:`extract_batch`, which ``extract`` and ``add`` use for whole documents.
The same file gives the same entities either way. :func:`refresh` records
again, from the extraction cache, documents a correction changed or the
glossary's index lacks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from glossary_tui.core.documents.document import Document, read_document
from glossary_tui.core.entities.corrections import Correction
from glossary_tui.core.entities.descriptions import Describer, Description
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.batch import extract_documents
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache, default_cache_directory
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.extraction.spacy_extractor import NUMERIC_LABELS, Extractor, SpacyExtractor
from glossary_tui.core.store.protocol import DocumentRecorder

#: Seconds between two regroupings while a document streams in (at least; see :func:`stream`).
STREAM_INTERVAL = 0.3


class RecordedDocument(Protocol):
    """What :func:`refresh` needs to know of a recorded document."""

    @property
    def sha256(self) -> str: ...

    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class DocumentEntities:
    """A document's mentions and the entities they group into (hidden ones flagged, not dropped).

    ``descriptions``: what the text says each shown entity is, by id (entities
    with none left out); ``None`` until worked out (:func:`describe`).
    """

    document: Document
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    from_cache: bool = False
    descriptions: Mapping[str, Description] | None = None

    @property
    def shown(self) -> list[Entity]:
        """The entities the reader did not hide: what lists, exports and the glossary hold."""
        return [entity for entity in self.entities if not entity.hidden]


@dataclass(frozen=True)
class StreamProgress:
    """Extraction has covered ``done`` of ``total`` characters; ``entities`` group the ``mentions`` found so far."""

    done: int
    total: int
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]

    @property
    def finished(self) -> bool:
        """True once the whole text is extracted."""
        return self.done >= self.total


def open_extractor(model: str | None = None, *, all_labels: bool = False, use_cache: bool = True) -> CachedExtractor:
    """The extractor every command uses: spaCy (``model``, or the default) behind the user's cache.

    ``all_labels`` keeps numeric labels (CARDINAL, MONEY, ...) and relative dates and times
    ("tomorrow", "evening"); ``use_cache=False`` neither reads nor fills the cache.
    """
    spacy = SpacyExtractor(model, exclude_labels=() if all_labels else NUMERIC_LABELS, keep_relative_times=all_labels)
    return CachedExtractor(spacy, ExtractionCache(default_cache_directory()) if use_cache else None)


def entities_of(document: Document, mentions: Sequence[Mention], corrections: Sequence[Correction]) -> list[Entity]:
    """Group ``mentions`` of ``document`` into entities and apply the reader's ``corrections``."""
    return build_entities(mentions, document.text, corrections)


def stream(
    document: Document,
    extractor: Extractor,
    corrections: Callable[[], Sequence[Correction]],
    *,
    should_cancel: Callable[[], bool] | None = None,
    focus: Callable[[], int] | None = None,
    interval: float = STREAM_INTERVAL,
) -> Iterator[StreamProgress]:
    """Extract ``document`` piece by piece, yielding its entities so far every ``interval`` seconds or so.

    ``focus`` (an offset, read again before each piece) makes the pieces near
    it come first; ``corrections`` is asked again at each regrouping, so a
    correction made meanwhile applies at once. Regrouping a whole book takes
    a while, so no more than a third of the time goes to it. The last
    progress covers the whole text (unless cancelled) and equals what
    :func:`extract_batch` gives for the document.
    """
    text = document.extraction_text
    total = len(text)
    mentions: list[Mention] = []
    done = 0
    next_report = 0.0
    if not total:
        yield StreamProgress(0, 0, (), ())
        return
    for chunk in extractor.extract(text, should_cancel=should_cancel, focus=focus):
        if should_cancel is not None and should_cancel():
            return
        mentions.extend(chunk.mentions)
        done += chunk.end - chunk.start
        if time.monotonic() >= next_report or done >= total:
            started = time.monotonic()
            mentions.sort()
            found = tuple(mentions)
            yield StreamProgress(done, total, found, tuple(entities_of(document, found, corrections())))
            next_report = started + max(interval, 3 * (time.monotonic() - started))


def extract_batch(
    documents: Sequence[Document],
    extractor: CachedExtractor,
    corrections: Sequence[Correction],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Iterator[DocumentEntities]:
    """Every document with its entities, cached ones first, the rest as each completes (one model load)."""
    for extracted in extract_documents(documents, extractor, on_progress=on_progress, should_cancel=should_cancel):
        mentions = tuple(extracted.mentions)
        entities = tuple(entities_of(extracted.document, mentions, corrections))
        yield DocumentEntities(extracted.document, mentions, entities, extracted.from_cache)


def describe(result: DocumentEntities) -> DocumentEntities:
    """``result`` with the descriptions of its shown entities worked out (as it is if they already are).

    As the reader's detail panel describes an entity: from the document's text,
    every entity's mentions helping (a second or so for a whole novel).
    """
    if result.descriptions is not None:
        return result
    describer = Describer(result.document.text, (mention for entity in result.entities for mention in entity.mentions))
    descriptions = {}
    for entity in result.shown:
        found = describer.describe(entity)
        if found is not None:
            descriptions[entity.id] = found
    return replace(result, descriptions=descriptions)


def record(store: DocumentRecorder, result: DocumentEntities, *, opened: bool = True) -> None:
    """Remember the document in the glossary with its entities and their descriptions (hidden ones stay out).

    The descriptions are worked out here unless ``result`` holds them
    (:func:`describe`), before the store is touched. ``opened``: the reader read
    or added the document just now (a refresh is not).
    """
    described = describe(result)
    store.record_document(result.document, result.entities, descriptions=described.descriptions, opened=opened)


def refresh(
    store: DocumentRecorder,
    extractor: Extractor,
    documents: Sequence[RecordedDocument],
    corrections: Sequence[Correction],
    *,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Record ``documents`` again under ``corrections``, from their files and the extraction cache; how many were.

    A document whose file is gone or changed, or whose extraction is no longer
    cached, is left as it was recorded (extracting a library again is ``add``'s
    work, not a correction's). An extractor without a cache (a test's) extracts.
    """
    done = 0
    for recorded in documents:
        if should_cancel is not None and should_cancel():
            break
        try:
            document = read_document(recorded.source)
        except GlossaryError:
            continue
        if document.sha256 != recorded.sha256:
            continue
        mentions = _cached_mentions(extractor, document.extraction_text)
        if mentions is None:
            continue
        entities = tuple(entities_of(document, mentions, corrections))
        record(store, DocumentEntities(document, mentions, entities, from_cache=True), opened=False)
        done += 1
    return done


def _cached_mentions(extractor: Extractor, text: str) -> tuple[Mention, ...] | None:
    if isinstance(extractor, CachedExtractor):
        cached = extractor.cached(text)
        return tuple(cached) if cached is not None else None
    return tuple(sorted(mention for chunk in extractor.extract(text) for mention in chunk.mentions))

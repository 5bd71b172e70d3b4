"""Extracting many documents in one run: one model load, every CPU, cached ones skipped."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from glossary_tui.core.documents.document import Document
from glossary_tui.core.extraction.cache import CachedExtractor
from glossary_tui.core.extraction.mentions import Mention


@dataclass(frozen=True)
class ExtractedDocument:
    """One finished document: its mentions, and whether they came from the cache."""

    document: Document
    mentions: list[Mention]
    from_cache: bool


def extract_documents(
    documents: Sequence[Document],
    extractor: CachedExtractor,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Iterator[ExtractedDocument]:
    """Yield every document with its mentions, cached ones first, the rest as each completes.

    What is extracted is each document's ``extraction_text`` (the reader
    extracts the same, so the two share cache entries). Uncached documents
    share one ``nlp.pipe``, so small files keep all processes busy; each is
    cached as soon as it is complete, so an interrupted run resumes where it
    stopped. ``on_progress(done, total)`` counts characters.
    """
    total = sum(len(document.text) for document in documents)
    done = 0
    pending: list[Document] = []
    for document in documents:
        cached = extractor.cached(document.extraction_text)
        if cached is None:
            pending.append(document)
            continue
        done += len(document.text)
        _report(on_progress, done, total)
        yield ExtractedDocument(document, cached, from_cache=True)
    found: list[list[Mention]] = [[] for _ in pending]
    covered = [0] * len(pending)
    texts = [document.extraction_text for document in pending]
    for index, chunk in extractor.extract_many(texts, should_cancel=should_cancel):
        found[index].extend(chunk.mentions)
        covered[index] += chunk.end - chunk.start
        done += chunk.end - chunk.start
        _report(on_progress, done, total)
        if covered[index] == len(texts[index]):
            mentions = sorted(found[index])
            extractor.remember(texts[index], mentions)
            yield ExtractedDocument(pending[index], mentions, from_cache=False)


def _report(on_progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if on_progress is not None:
        on_progress(done, total)

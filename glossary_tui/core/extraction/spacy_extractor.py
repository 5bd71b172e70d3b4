"""Named-entity extraction: spaCy NER over paragraph chunks, streamed as results arrive.

:class:`SpacyExtractor` loads only the components NER needs, pipes the text
through ``nlp.pipe(..., as_tuples=True)`` in paragraph chunks (so spaCy's
``max_length`` is never hit and memory stays flat), uses several processes
for long texts, and yields an :class:`ExtractedChunk` per piece of text as it
finishes, so callers can show progress and results early and can stop at any
time by ceasing to iterate or through ``should_cancel``.
"""

from __future__ import annotations

import bisect
import itertools
import os
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from glossary_tui.core.extraction.chunking import chunk_spans
from glossary_tui.core.extraction.dates import is_relative_time
from glossary_tui.core.extraction.mentions import ExtractedChunk, Mention
from glossary_tui.core.extraction.spacy_loader import (
    ModelInfo,
    load_ner_pipeline,
    model_info,
    resolve_model_name,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Labels left out of the glossary unless asked for: numbers are not glossary entries.
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
#: Texts at least this long are shared out over several processes.
PARALLEL_MIN_CHARS = 200_000
#: Chunks per batch sent to a worker process: small enough for smooth progress.
PARALLEL_BATCH_SIZE = 4


@dataclass(frozen=True)
class MentionFilter:
    """Which of the model's entities become mentions: not those of ``exclude_labels``, nor, unless
    ``keep_relative_times``, dates and times that name no year or day of a month ("tomorrow", "evening";
    see :mod:`~glossary_tui.core.extraction.dates`)."""

    exclude_labels: frozenset[str] = NUMERIC_LABELS
    keep_relative_times: bool = False

    def keeps(self, text: str, label: str) -> bool:
        """True if an entity written ``text`` and labelled ``label`` is a mention."""
        return label not in self.exclude_labels and (self.keep_relative_times or not is_relative_time(text, label))

    @property
    def settings(self) -> str:
        """The filter as a cache-key string."""
        kept = ";relative-times" if self.keep_relative_times else ""
        return "exclude=" + ",".join(sorted(self.exclude_labels)) + kept


class Extractor(Protocol):
    """Anything that finds mentions in a text; the UI and tests may supply their own."""

    @property
    def info(self) -> ModelInfo:
        """The model behind the results (loading it if needed)."""
        ...

    def extract(
        self,
        text: str,
        *,
        should_cancel: Callable[[], bool] | None = None,
        focus: Callable[[], int] | None = None,
    ) -> Iterator[ExtractedChunk]:
        """Yield the mentions of ``text`` piece by piece, covering the whole text once.

        ``focus``, when given, returns the offset the reader is looking at;
        pieces near it should come first.
        """
        ...

    def extract_many(
        self, texts: Sequence[str], *, should_cancel: Callable[[], bool] | None = None
    ) -> Iterator[tuple[int, ExtractedChunk]]:
        """Yield ``(index of the text, chunk)`` until every text is covered once."""
        ...

    @property
    def settings(self) -> str:
        """What besides the model shapes the output, for cache keys ("" if nothing)."""
        ...


def cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class SpacyExtractor:
    """Extract mentions with a spaCy pipeline, loaded lazily and only with what NER needs."""

    def __init__(
        self,
        model: str | None = None,
        *,
        exclude_labels: Collection[str] = NUMERIC_LABELS,
        keep_relative_times: bool = False,
        n_process: int | None = None,
    ) -> None:
        """Resolve the model name now (cheap); load it on first use.

        Mentions whose label is in ``exclude_labels`` are dropped (default:
        :data:`NUMERIC_LABELS`), and relative dates and times unless
        ``keep_relative_times`` (see :class:`MentionFilter`); ``n_process`` forces a number of processes
        (default: one for short texts, every CPU for long ones).
        """
        self.model_name = resolve_model_name(model)
        self._filter = MentionFilter(frozenset(exclude_labels), keep_relative_times)
        self._n_process = n_process
        self._lock = threading.Lock()
        self._nlp: Language | None = None
        self._info: ModelInfo | None = None

    def load(self) -> Language:
        """Load the pipeline once; safe to call from any thread."""
        with self._lock:
            if self._nlp is None:
                self._nlp, self._info = load_ner_pipeline(self.model_name)
            return self._nlp

    @property
    def info(self) -> ModelInfo:
        """The model's name and version, read from its metadata without loading it."""
        if self._info is None:
            self._info = model_info(self.model_name)
        return self._info

    @property
    def settings(self) -> str:
        """What besides the model shapes the output (for cache keys)."""
        return self._filter.settings

    def extract(
        self,
        text: str,
        *,
        should_cancel: Callable[[], bool] | None = None,
        focus: Callable[[], int] | None = None,
    ) -> Iterator[ExtractedChunk]:
        """Yield one :class:`ExtractedChunk` per chunk of ``text``.

        Chunks come in text order, or, given ``focus`` (an offset, read again
        before each chunk is handed to spaCy), nearest that offset first: the
        part of the text on screen is done before the rest, and moving the
        focus reprioritises what is left.
        """
        spans = chunk_spans(text)
        n_process = self._n_process or (cpu_count() if len(text) >= PARALLEL_MIN_CHARS else 1)
        ordered = focus_order(spans, focus) if focus is not None else iter(spans)
        yield from self.extract_spans(
            text, ordered, n_process=min(n_process, max(1, len(spans))), should_cancel=should_cancel
        )

    def extract_spans(
        self,
        text: str,
        spans: Iterable[tuple[int, int]],
        *,
        n_process: int = 1,
        should_cancel: Callable[[], bool] | None = None,
    ) -> Iterator[ExtractedChunk]:
        """Yield the mentions of each ``text[start:end]`` span, in the order ``spans`` gives them.

        ``spans`` is consumed lazily, as spaCy asks for more work.
        """
        pieces = ((text, 0, start, end) for start, end in spans)
        for _, chunk in self._pipe(pieces, n_process, should_cancel):
            yield chunk

    def extract_many(
        self, texts: Sequence[str], *, should_cancel: Callable[[], bool] | None = None
    ) -> Iterator[tuple[int, ExtractedChunk]]:
        """Extract several texts through one ``nlp.pipe`` and one set of processes.

        Yields ``(index of the text, chunk)`` in order; a text is done when its
        chunks cover it. Many small documents keep every CPU busy this way.
        """
        pieces = ((text, index, start, end) for index, text in enumerate(texts) for start, end in chunk_spans(text))
        total = sum(len(text) for text in texts)
        n_process = self._n_process or (cpu_count() if total >= PARALLEL_MIN_CHARS else 1)
        yield from self._pipe(pieces, n_process, should_cancel)

    def _pipe(
        self,
        pieces: Iterable[tuple[str, int, int, int]],
        n_process: int,
        should_cancel: Callable[[], bool] | None,
    ) -> Iterator[tuple[int, ExtractedChunk]]:
        """Run NER over ``(text, index, start, end)`` pieces; yield ``(index, chunk)``."""
        if n_process > 1:
            yield from self._pipe_in_processes(pieces, n_process, should_cancel)
            return
        nlp = self.load()
        tuples = ((text[start:end], (index, start, end)) for text, index, start, end in pieces)
        for doc, (index, start, end) in nlp.pipe(tuples, as_tuples=True):
            yield index, ExtractedChunk(start, end, tuple(_doc_mentions(doc, start, self._filter)))
            if should_cancel is not None and should_cancel():
                return

    def _pipe_in_processes(
        self,
        pieces: Iterable[tuple[str, int, int, int]],
        n_process: int,
        should_cancel: Callable[[], bool] | None,
    ) -> Iterator[tuple[int, ExtractedChunk]]:
        """Share the pieces out to ``n_process`` worker processes, a few batches ahead of the results.

        Not spaCy's ``n_process``: stopping early there waits for every text
        already queued, and can leave a queue thread blocking the interpreter's
        exit. Here, stopping cancels what has not started, and the pool is shut
        down without waiting.
        """
        global _worker_pipeline
        # A missing or broken model fails here, in this process, with a clear message; and workers
        # started by fork inherit the loaded pipeline instead of loading their own.
        _worker_pipeline = (self.load(), self._filter)
        batches = _batches(((text[start:end], index, start, end) for text, index, start, end in pieces))
        pool = ProcessPoolExecutor(
            max_workers=n_process, initializer=_start_worker, initargs=(self.model_name, self._filter)
        )
        pending: set[Future[list[tuple[int, ExtractedChunk]]]] = set()
        try:
            for batch in itertools.islice(batches, 2 * n_process):
                pending.add(pool.submit(_extract_batch, batch))
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
                    if should_cancel is not None and should_cancel():
                        return
                    for batch in itertools.islice(batches, 1):
                        pending.add(pool.submit(_extract_batch, batch))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


#: The pipeline a worker process uses: inherited from the parent when processes fork, else loaded at start.
_worker_pipeline: tuple[Language, MentionFilter] | None = None


def _start_worker(model_name: str, mention_filter: MentionFilter) -> None:
    global _worker_pipeline
    if _worker_pipeline is None or _worker_pipeline[1] != mention_filter:
        _worker_pipeline = (load_ner_pipeline(model_name)[0], mention_filter)


def _extract_batch(batch: list[tuple[str, int, int, int]]) -> list[tuple[int, ExtractedChunk]]:
    """In a worker process: the chunks of one batch of ``(piece, index, start, end)``."""
    assert _worker_pipeline is not None
    nlp, mention_filter = _worker_pipeline
    docs = nlp.pipe(piece for piece, _, _, _ in batch)
    return [
        (index, ExtractedChunk(start, end, tuple(_doc_mentions(doc, start, mention_filter))))
        for doc, (_, index, start, end) in zip(docs, batch, strict=True)
    ]


def _batches(pieces: Iterator[tuple[str, int, int, int]]) -> Iterator[list[tuple[str, int, int, int]]]:
    while batch := list(itertools.islice(pieces, PARALLEL_BATCH_SIZE)):
        yield batch


def _doc_mentions(doc: Doc, offset: int, mention_filter: MentionFilter) -> Iterator[Mention]:
    for ent in doc.ents:
        if mention_filter.keeps(ent.text, ent.label_):
            yield Mention(offset + ent.start_char, offset + ent.end_char, ent.text, ent.label_)


def focus_order(spans: Sequence[tuple[int, int]], focus: Callable[[], int]) -> Iterator[tuple[int, int]]:
    """Yield every span once: each time the first one left that ends after ``focus()``, else the last one left.

    ``spans`` are sorted, contiguous ``(start, end)`` ranges.
    """
    remaining = list(spans)
    ends = [end for _, end in remaining]
    while remaining:
        index = min(bisect.bisect_right(ends, focus()), len(remaining) - 1)
        del ends[index]
        yield remaining.pop(index)


def extract_mentions(
    extractor: Extractor,
    text: str,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> list[Mention]:
    """Run ``extractor`` over all of ``text`` and return its mentions sorted by position.

    ``on_progress(done, total)`` is called with characters processed so far.
    """
    mentions: list[Mention] = []
    done = 0
    for chunk in extractor.extract(text, should_cancel=should_cancel):
        mentions.extend(chunk.mentions)
        done += chunk.end - chunk.start
        if on_progress is not None:
            on_progress(done, len(text))
    mentions.sort()
    return mentions

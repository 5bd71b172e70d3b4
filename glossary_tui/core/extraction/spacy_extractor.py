"""Named-entity extraction: spaCy NER over paragraph chunks, streamed as results arrive.

:class:`SpacyExtractor` loads only the components NER needs, pipes the text
through ``nlp.pipe(..., as_tuples=True)`` in paragraph chunks (so spaCy's
``max_length`` is never hit and memory stays flat), uses several processes
for long texts, and yields an :class:`ExtractedChunk` per piece of text as it
finishes, so callers can show progress and results early and can stop at any
time by ceasing to iterate or through ``should_cancel``.

Stopping is prompt at every stage (the reader quits mid-extraction): the
pipeline loads in a daemon thread the caller can walk away from; in one
process spaCy parses :data:`PIPE_BATCH_SIZE` chunks at a time, not the
model's 256 (on 150,000 characters of War and Peace: first chunk after 0.17 s
instead of 4.66 s, stopping 0.04 s after being asked instead of 3.67 s, the
whole text no slower); worker processes are watched every
:data:`STOP_CHECK_SECONDS` and terminated when stopped early.

Worker processes are forked (:data:`START_METHOD`), on purpose:

* The reader extracts in a worker thread, so the fork happens while other
  threads run (Textual's event loop, its input and output threads). The
  child gets a copy of every lock another thread held at that moment. The
  risk is accepted because the child only ever runs :func:`_extract_batch`
  (spaCy on the text it is sent): it touches none of Textual's objects, nor
  stdio or logging; CPython re-creates what a child needs (the GIL, the
  import lock, ``threading``'s state); and ``ProcessPoolExecutor`` forks all
  its workers at the first submit, before its own feeder thread exists.
* In return, workers inherit the pipeline loaded here and load nothing.
  ``bench/bench_stream.py`` (400,000 characters, two workers, from a
  threaded process that has not loaded the pipeline yet): first result
  after 1.72 s with ``fork``, 2.74 s with ``forkserver`` and 4.20 s with
  ``spawn`` (each worker imports spaCy and loads the pipeline); a second
  document in the same process 0.43 s, 3.11 s and 4.10 s; whole slice
  11.3 s, 10.6 s, 18.2 s; peak memory 465, 410 and 399 MB.
* Under Textual, ``forkserver`` and ``spawn`` cannot even start their helper
  processes: ``multiprocessing`` hands them ``sys.stderr.fileno()``, which
  Textual's output capture answers with -1 ("bad value(s) in fds_to_keep",
  seen in the reader). With that worked around, a fork server that loads the
  pipeline before forking workers was tried: first result 3.06 s against
  fork's 1.94 s in the same run, and the first worker start then waits,
  uninterruptibly, for the server to load spaCy, so quitting is no longer
  immediate.
* Python 3.12 warns about forking a threaded process and 3.14 makes
  ``forkserver`` Linux's default: the constant keeps the choice explicit.
  Should a worker ever hang at start, this is the place to look.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Protocol

from glossary_tui.core.errors import ExtractionError
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
#: Chunks spaCy parses at a time in this process. The model's own batch size (256 texts for
#: en_core_web_sm) would parse a 150,000-character text whole before the first result, read the
#: reader's focus once, and make stopping wait for the whole batch.
PIPE_BATCH_SIZE = 2
#: Seconds between two looks at whether to stop, while worker processes are busy.
STOP_CHECK_SECONDS = 0.05
#: How worker processes start: see the module docstring.
START_METHOD = "fork"


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
        start_method: str = START_METHOD,
    ) -> None:
        """Resolve the model name now (cheap); load it on first use.

        Mentions whose label is in ``exclude_labels`` are dropped (default:
        :data:`NUMERIC_LABELS`), and relative dates and times unless
        ``keep_relative_times`` (see :class:`MentionFilter`); ``n_process`` forces a number of processes
        (default: one for short texts, every CPU for long ones); ``start_method`` is how worker
        processes start (``multiprocessing``'s names; the default is :data:`START_METHOD`, the others
        are for benchmarks).
        """
        self.model_name = resolve_model_name(model)
        self._filter = MentionFilter(frozenset(exclude_labels), keep_relative_times)
        self._n_process = n_process
        self._start_method = start_method
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
        nlp = self._load_unless_cancelled(should_cancel)
        if nlp is None:
            return
        tuples = ((text[start:end], (index, start, end)) for text, index, start, end in pieces)
        for doc, (index, start, end) in nlp.pipe(tuples, as_tuples=True, batch_size=PIPE_BATCH_SIZE):
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
        if self._start_method == "fork":
            # Forked workers inherit the pipeline loaded here (and a missing model fails here, in one line).
            nlp = self._load_unless_cancelled(should_cancel)
            if nlp is None:
                return
            _worker_pipeline = (self.model_name, self._filter, nlp)
        batches = _batches(((text[start:end], index, start, end) for text, index, start, end in pieces))
        extract = functools.partial(_extract_batch, self.model_name, self._filter)
        pool = ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context(self._start_method))
        pending: set[Future[list[tuple[int, ExtractedChunk]]]] = set()
        try:
            for batch in itertools.islice(batches, 2 * n_process):
                pending.add(pool.submit(extract, batch))
            while pending:
                # Wake up now and then to see whether to stop: a batch can take seconds on a busy machine.
                done, pending = wait(pending, timeout=STOP_CHECK_SECONDS, return_when=FIRST_COMPLETED)
                if should_cancel is not None and should_cancel():
                    return
                for future in done:
                    yield from future.result()
                    if should_cancel is not None and should_cancel():
                        return
                    for batch in itertools.islice(batches, 1):
                        pending.add(pool.submit(extract, batch))
        except BrokenProcessPool:
            raise ExtractionError(
                "an extraction process stopped unexpectedly (killed, or out of memory); reopen the document to retry"
            ) from None
        finally:
            workers = _worker_processes(pool)
            pool.shutdown(wait=False, cancel_futures=True)
            if pending:  # stopped early: what the workers are doing is of no use, and exiting would wait for it
                for process in workers:
                    process.terminate()

    def _load_unless_cancelled(self, should_cancel: Callable[[], bool] | None) -> Language | None:
        """The pipeline, or ``None`` if ``should_cancel`` says to stop while it loads.

        Loading takes a second or more and cannot be interrupted: it runs in a daemon thread while
        this one keeps an eye on ``should_cancel``, so a reader quitting meanwhile does not wait for it.
        """
        if self._nlp is not None or should_cancel is None:
            return self.load()
        loaded: Future[Language] = Future()

        def load() -> None:
            try:
                loaded.set_result(self.load())
            except BaseException as error:  # handed over to the waiting thread
                loaded.set_exception(error)

        threading.Thread(target=load, name="load spaCy pipeline", daemon=True).start()
        while True:
            try:
                return loaded.result(timeout=STOP_CHECK_SECONDS)
            except TimeoutError:
                if should_cancel():
                    return None


def _worker_processes(pool: ProcessPoolExecutor) -> list[BaseProcess]:
    """The processes of ``pool`` (Python 3.14 has ``terminate_workers()``; 3.11 keeps them private)."""
    return list((getattr(pool, "_processes", None) or {}).values())


#: The pipeline of a worker process, as ``(model name, mention filter, pipeline)``: inherited from the
#: parent with ``fork``, else loaded by the worker's first batch.
_worker_pipeline: tuple[str, MentionFilter, Language] | None = None


def _worker_nlp(model_name: str, mention_filter: MentionFilter) -> Language:
    """In a worker process: its pipeline, loaded on first use unless inherited."""
    global _worker_pipeline
    if _worker_pipeline is None or _worker_pipeline[:2] != (model_name, mention_filter):
        _worker_pipeline = (model_name, mention_filter, load_ner_pipeline(model_name)[0])
    return _worker_pipeline[2]


def _extract_batch(
    model_name: str, mention_filter: MentionFilter, batch: list[tuple[str, int, int, int]]
) -> list[tuple[int, ExtractedChunk]]:
    """In a worker process: the chunks of one batch of ``(piece, index, start, end)``.

    A pipeline that cannot be loaded raises its one-line error here, and the parent gets it with the result.
    """
    nlp = _worker_nlp(model_name, mention_filter)
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

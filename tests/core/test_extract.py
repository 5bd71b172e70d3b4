"""The spaCy engine on real text: offsets, chunk borders, processes, progress and cancellation."""

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.errors import ExtractionError
from glossary_tui.core.extraction import spacy_extractor
from glossary_tui.core.extraction.chunking import chunk_spans
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, extract_mentions
from tests.shared_data import require_shared

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample-article.txt"


@pytest.fixture(scope="module")
def extractor():
    return SpacyExtractor()


@pytest.fixture(scope="module")
def sample():
    return read_document(SAMPLE)


def test_sample_article_people_places_and_organisations(extractor, sample):
    mentions = extract_mentions(extractor, sample.text)
    found = {(m.text, m.label, m.start, m.end) for m in mentions}
    raw = SAMPLE.read_text(encoding="utf-8")
    for name, label in [("Sergey Lavrov", "PERSON"), ("Ismail Haniyeh", "PERSON"), ("Moscow", "GPE"), ("Hamas", "ORG")]:
        start = raw.index(name)
        assert (name, label, start, start + len(name)) in found
    assert all(sample.text[m.start : m.end] == m.text for m in mentions)
    assert not {m.label for m in mentions} & {"CARDINAL", "MONEY", "PERCENT"}


def test_chunk_borders_neither_lose_nor_shift_entities(extractor, sample):
    text = "\n\n".join([sample.text] * 6)
    whole = sorted(extract_mentions(extractor, text))
    small = sorted(
        m for c in extractor.extract_spans(text, chunk_spans(text, target=300, maximum=900)) for m in c.mentions
    )
    assert len(chunk_spans(text, target=300, maximum=900)) > 6
    assert small == whole
    assert all(text[m.start : m.end] == m.text for m in small)


def test_two_processes_give_the_same_mentions(sample):
    text = "\n\n".join([sample.text] * 8)
    single = extract_mentions(SpacyExtractor(n_process=1), text)
    double = extract_mentions(SpacyExtractor(n_process=2), text)
    assert single == double


def test_progress_reaches_the_whole_text(extractor, sample):
    text = "\n\n".join([sample.text] * 4)
    seen = []
    extract_mentions(extractor, text, on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(text), len(text))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_cancellation_stops_early(extractor, sample):
    text = "\n\n".join([sample.text] * 40)
    chunks = []
    for chunk in extractor.extract(text, should_cancel=lambda: bool(chunks)):
        chunks.append(chunk)
    assert len(chunks) == 1 and chunks[0].end < len(text)


def test_stopping_while_the_pipeline_loads_does_not_wait_for_it(monkeypatch, sample):
    loading = threading.Event()
    loaded = threading.Event()

    def slow_load(name):
        loading.set()
        loaded.wait(10)  # the old code waited here, then failed
        raise AssertionError("never used")

    monkeypatch.setattr(spacy_extractor, "load_ner_pipeline", slow_load)
    extractor = SpacyExtractor(n_process=1)
    stop = threading.Event()
    chunks = extractor.extract(sample.text, should_cancel=stop.is_set)
    stopping = threading.Timer(0, lambda: loading.wait() and stop.set())
    stopping.start()
    assert list(chunks) == []  # returned while the pipeline was still loading
    assert not loaded.is_set()
    loaded.set()
    stopping.join()


def test_results_stream_chunk_by_chunk_not_after_the_whole_text(extractor, sample):
    # A mid-sized text in one process: spaCy must not take every chunk before the first result comes back.
    text = "\n\n".join([sample.text] * 40)
    spans = chunk_spans(text)
    handed = []

    def spans_as_asked():
        for span in spans:
            handed.append(span)
            yield span

    chunks = extractor.extract_spans(text, spans_as_asked())
    first = next(chunks)
    assert first.start == 0 and len(spans) > 20
    assert len(handed) <= 4, "the first result comes after a few chunks, not the whole text"
    assert sum(1 for _ in chunks) == len(spans) - 1


def test_a_worker_process_killed_mid_way_is_a_one_line_error(sample):
    text = "\n\n".join([sample.text] * 40)
    chunks = SpacyExtractor(n_process=2).extract(text)
    next(chunks)
    for worker in multiprocessing.active_children():
        os.kill(worker.pid, signal.SIGKILL)
    with pytest.raises(ExtractionError, match="stopped unexpectedly"):
        for _ in chunks:
            pass


STOP_EARLY_AND_EXIT = """
import sys
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor
text = open(sys.argv[1], encoding="utf-8").read()
for seen, _ in enumerate(SpacyExtractor(n_process=2).extract("\\n\\n".join([text] * 60)), 1):
    if seen == 3:
        break  # the reader quit
print("stopped")
"""


def test_stopping_a_parallel_run_early_lets_the_process_exit():
    # The hang this guards against was permanent (a queue thread waiting on dead workers),
    # so the timeout only keeps a regression from blocking the suite.
    result = subprocess.run(
        [sys.executable, "-c", STOP_EARLY_AND_EXIT, str(SAMPLE)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "stopped"
    assert result.stderr == ""


def test_grouping_uses_surface_forms_per_label(extractor, sample):
    entities = {(e.name, e.label): e for e in build_entities(extract_mentions(extractor, sample.text), sample.text)}
    hamas = entities[("Hamas", "ORG")]
    assert hamas.count == sample.text.count("Hamas") - 1  # "Fatah-Hamas" is not a mention of its own
    assert [e.first_offset for e in entities.values()] == sorted(e.first_offset for e in entities.values())


@pytest.mark.slow
def test_war_and_peace_offsets_are_right(extractor):
    document = read_document(require_shared("corpus/war-and-peace.txt"))
    mentions = extract_mentions(extractor, document.text)
    assert len(mentions) > 20_000
    assert all(document.text[m.start : m.end] == m.text for m in mentions)
    assert {"Pierre", "Natasha", "Napoleon"} <= {m.text for m in mentions}

"""The extraction cache: hits skip spaCy, keys separate models and settings, bad files are rebuilt."""

from collections.abc import Iterator

import pytest

from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.chunking import chunk_spans
from glossary_tui.core.extraction.mentions import ExtractedChunk, Mention
from glossary_tui.core.extraction.spacy_extractor import extract_mentions, focus_order
from glossary_tui.core.extraction.spacy_loader import ModelInfo

TEXT = "Anna Pavlovna met Prince Vasili.\n\nPierre arrived in Moscow.\n"


class CountingExtractor:
    """Finds fixed names; counts how often it really runs."""

    settings = "test"

    def __init__(self, version: str = "1.0") -> None:
        self.info = ModelInfo("fake_model", version)
        self.runs = 0

    def extract(self, text, *, should_cancel=None, focus=None) -> Iterator[ExtractedChunk]:
        self.runs += 1
        for start, end in chunk_spans(text, target=10, maximum=100):
            found = []
            for name in ("Anna Pavlovna", "Prince Vasili", "Pierre", "Moscow"):
                at = text.find(name, start, end)
                if at >= 0:
                    found.append(Mention(at, at + len(name), name, "GPE" if name == "Moscow" else "PERSON"))
            yield ExtractedChunk(start, end, tuple(found))
            if should_cancel and should_cancel():
                return


@pytest.fixture
def cache(tmp_path):
    return ExtractionCache(tmp_path / "cache")


def test_second_run_is_served_from_the_cache(cache):
    inner = CountingExtractor()
    extractor = CachedExtractor(inner, cache)
    first = extract_mentions(extractor, TEXT)
    second = extract_mentions(extractor, TEXT)
    assert inner.runs == 1
    assert first == second and len(first) == 4
    assert all(TEXT[m.start : m.end] == m.text for m in second)


def test_other_model_version_does_not_see_stale_results(cache):
    extract_mentions(CachedExtractor(CountingExtractor("1.0"), cache), TEXT)
    newer = CountingExtractor("2.0")
    extract_mentions(CachedExtractor(newer, cache), TEXT)
    assert newer.runs == 1


def test_cancelled_run_is_not_cached(cache):
    inner = CountingExtractor()
    extractor = CachedExtractor(inner, cache)
    extract_mentions(extractor, TEXT, should_cancel=lambda: True)
    assert extractor.cached(TEXT) is None


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"labels": [], "mentions": [[0, 999, 0]], "characters": 60}'])
def test_corrupt_cache_file_is_ignored_and_rebuilt(cache, garbage):
    inner = CountingExtractor()
    extractor = CachedExtractor(inner, cache)
    extract_mentions(extractor, TEXT)
    [path] = list(cache.directory.glob("*.json"))
    path.write_bytes(garbage)
    assert len(extract_mentions(extractor, TEXT)) == 4
    assert inner.runs == 2
    assert extractor.cached(TEXT) is not None


def test_focus_order_starts_at_the_focus_and_covers_everything():
    spans = [(0, 10), (10, 20), (20, 30), (30, 40)]
    focus = iter([25, 25, 5, 5]).__next__
    assert list(focus_order(spans, focus)) == [(20, 30), (30, 40), (0, 10), (10, 20)]


def test_focus_order_follows_a_moving_focus():
    spans = [(i, i + 10) for i in range(0, 100, 10)]
    where = {"at": 95}
    order = []
    for span in focus_order(spans, lambda: where["at"]):
        order.append(span)
        where["at"] = 0 if len(order) == 1 else where["at"]
    assert order[0] == (90, 100) and order[1] == (0, 10)
    assert sorted(order) == spans

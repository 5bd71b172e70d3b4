"""Many documents in one run: all extracted once, cached ones skipped, each cached when complete."""

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.core.extraction.batch import extract_documents
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, extract_mentions

pytestmark = pytest.mark.model

TEXTS = [
    "Sergey Lavrov met Ismail Haniyeh in Moscow.\n\nHamas sent a delegation.",
    "Pierre Bezukhov walked through Moscow with Natasha Rostova.",
    "The Prince was written by Niccolò Machiavelli in Florence.",
]


@pytest.fixture(scope="module")
def spacy_extractor():
    return SpacyExtractor()


def test_every_document_once_with_the_same_mentions_as_alone(tmp_path, spacy_extractor):
    documents = [Document.from_text(text, source=f"doc{i}.txt") for i, text in enumerate(TEXTS)]
    extractor = CachedExtractor(spacy_extractor, ExtractionCache(tmp_path))
    progress = []
    added = list(extract_documents(documents, extractor, on_progress=lambda d, t: progress.append((d, t))))
    assert sorted(a.document.source for a in added) == sorted(d.source for d in documents)
    assert not any(a.from_cache for a in added)
    for result in added:
        assert result.mentions == extract_mentions(spacy_extractor, result.document.text)
    total = sum(len(text) for text in TEXTS)
    assert progress[-1] == (total, total)


def test_cached_documents_are_skipped(tmp_path, spacy_extractor):
    documents = [Document.from_text(text, source=f"doc{i}.txt") for i, text in enumerate(TEXTS)]
    extractor = CachedExtractor(spacy_extractor, ExtractionCache(tmp_path))
    list(extract_documents(documents[:2], extractor))
    again = {a.document.source: a.from_cache for a in extract_documents(documents, extractor)}
    assert again == {"doc0.txt": True, "doc1.txt": True, "doc2.txt": False}

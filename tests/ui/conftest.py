"""Fixtures for driving the reader with Pilot: a small text, a fake extractor, a store in memory."""

from __future__ import annotations

import pytest

from glossary_tui.core.documents.document import Document
from glossary_tui.ui.app import GlossaryApp
from tests.ui.fakes import FakeExtractor, MemoryStore
from tests.ui.support import NAMES, small_text


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def make_app(store):
    """Build a reader app on a small document: ``make_app(text=..., extractor=...)``."""

    def make(text: str | None = None, extractor: FakeExtractor | None = None, title: str = "War and Peace, a bit"):
        document = Document.from_text(text if text is not None else small_text(), source="bit.txt", title=title)
        return GlossaryApp(document, extractor or FakeExtractor(NAMES), store)

    return make

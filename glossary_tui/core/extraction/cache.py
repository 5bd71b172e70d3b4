"""The extraction cache: a document's mentions, kept in the user's cache directory.

Results are keyed by the text's sha256, the model's name and version, the
extractor's settings and :data:`ENGINE_VERSION`, so a different model or
engine never serves stale results. Files are written atomically; a file that
cannot be read or does not fit the text is ignored, removed and rebuilt.
The cache lives apart from the notes file so saving a note never rewrites
megabytes of mentions.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from glossary_tui.core.extraction.mentions import ExtractedChunk, Mention
from glossary_tui.core.extraction.spacy_extractor import Extractor
from glossary_tui.core.extraction.spacy_loader import ModelInfo

#: Bump when chunking, filtering or anything else changes what the engine outputs.
ENGINE_VERSION = "3"
CACHE_ENVIRONMENT_VARIABLE = "GLOSSARY_TUI_CACHE"


def default_cache_directory() -> Path:
    """``$GLOSSARY_TUI_CACHE``, else ``extractions/`` in the user's cache directory."""
    override = os.environ.get(CACHE_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("glossary-tui")) / "extractions"


class ExtractionCache:
    """Mentions per (text, model, settings), one JSON file each."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    @staticmethod
    def key(sha256: str, model: ModelInfo, settings: str) -> str:
        """The file name stem for one text under one model and settings."""
        identity = "\x1f".join((sha256, model.name, model.version, settings, ENGINE_VERSION))
        return hashlib.sha256(identity.encode()).hexdigest()

    def load(self, key: str, text: str) -> list[Mention] | None:
        """The cached mentions of ``text``, or ``None`` if absent or unusable (then removed)."""
        path = self._path(key)
        try:
            record = json.loads(path.read_bytes())
            labels = record["labels"]
            mentions = [Mention(start, end, text[start:end], labels[label]) for start, end, label in record["mentions"]]
            if record["characters"] != len(text) or any(not 0 <= m.start < m.end <= len(text) for m in mentions):
                raise ValueError("offsets do not fit the text")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            path.unlink(missing_ok=True)
            return None
        return mentions

    def save(self, key: str, text: str, mentions: list[Mention]) -> None:
        """Store ``mentions`` of ``text`` atomically; a failure to write is not an error."""
        labels = sorted({mention.label for mention in mentions})
        index = {label: number for number, label in enumerate(labels)}
        record = {
            "engine": ENGINE_VERSION,
            "characters": len(text),
            "labels": labels,
            "mentions": [[m.start, m.end, index[m.label]] for m in sorted(mentions)],
        }
        temporary: Path | None = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=self.directory, suffix=".tmp", delete=False) as handle:
                temporary = Path(handle.name)
                json.dump(record, handle, separators=(",", ":"))
            os.replace(temporary, self._path(key))
        except OSError:
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"


class CachedExtractor:
    """An :class:`~glossary_tui.core.extraction.spacy_extractor.Extractor` that answers from a cache when it can.

    A hit yields every mention at once without loading spaCy; a miss runs the
    wrapped extractor and stores its result once the whole text is done.
    ``cache=None`` turns caching off (``extract --no-cache``) without changing
    anything else.
    """

    def __init__(self, inner: Extractor, cache: ExtractionCache | None) -> None:
        self.inner = inner
        self.cache = cache

    @property
    def info(self) -> ModelInfo:
        """The wrapped extractor's model."""
        return self.inner.info

    @property
    def settings(self) -> str:
        """The wrapped extractor's settings."""
        return self.inner.settings

    def cached(self, text: str) -> list[Mention] | None:
        """The cached mentions of ``text``, if any."""
        return self.cache.load(self.key_for(text), text) if self.cache is not None else None

    def remember(self, text: str, mentions: list[Mention]) -> None:
        """Cache the complete mentions of ``text``."""
        if self.cache is not None:
            self.cache.save(self.key_for(text), text, mentions)

    def extract(
        self,
        text: str,
        *,
        should_cancel: Callable[[], bool] | None = None,
        focus: Callable[[], int] | None = None,
    ) -> Iterator[ExtractedChunk]:
        """Yield the cached result as one chunk, or the wrapped extractor's chunks, saving them."""
        mentions = self.cached(text)
        if mentions is not None:
            yield ExtractedChunk(0, len(text), tuple(mentions))
            return
        found: list[Mention] = []
        covered = 0
        for chunk in self.inner.extract(text, should_cancel=should_cancel, focus=focus):
            found.extend(chunk.mentions)
            covered += chunk.end - chunk.start
            yield chunk
        if covered == len(text):
            self.remember(text, found)

    def extract_many(
        self, texts: Sequence[str], *, should_cancel: Callable[[], bool] | None = None
    ) -> Iterator[tuple[int, ExtractedChunk]]:
        """The wrapped extractor's :meth:`extract_many`, uncached (see :mod:`~glossary_tui.core.extraction.batch`)."""
        return self.inner.extract_many(texts, should_cancel=should_cancel)

    def key_for(self, text: str) -> str:
        """The cache key of ``text`` under the wrapped extractor."""
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return ExtractionCache.key(sha256, self.inner.info, self.inner.settings)

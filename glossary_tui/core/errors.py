"""Errors the core raises for the user to read: each message is one line."""


class GlossaryError(Exception):
    """Base of every error whose message is meant for the user, as one line."""


class DocumentError(GlossaryError):
    """A document cannot be read or holds no text."""


class ModelError(GlossaryError):
    """A spaCy pipeline cannot be found or loaded."""


class ExtractionError(GlossaryError):
    """Extraction stopped part-way (a worker process died, say)."""


class StoreError(GlossaryError):
    """The glossary file cannot be read, parsed or written."""

"""Extraction: the spaCy pipeline run over a document's text, in chunks, with a cache of results."""

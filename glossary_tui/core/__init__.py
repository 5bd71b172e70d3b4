"""The headless core: documents, extraction, entity grouping, storage and export.

Nothing in this package imports Textual; a test enforces it.
"""

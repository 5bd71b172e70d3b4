"""The glossary store: the reader's notes, corrections and documents, kept safe in one TinyDB file."""

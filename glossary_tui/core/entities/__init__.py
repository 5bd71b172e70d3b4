"""Entities: mentions grouped into named things, by name rules and the reader's corrections."""

"""glossary-tui: a terminal reader that turns any article or book into a living glossary."""

__version__ = "0.1.0"

"""Command-line options shared by several subcommands."""

from __future__ import annotations

import argparse

STORE_HELP = "glossary file (default: glossary.json in the user's data directory, or $GLOSSARY_TUI_DB)"


def add_store_option(parser: argparse.ArgumentParser, help: str = STORE_HELP) -> None:
    """``--db PATH``: the glossary file to use."""
    parser.add_argument("--db", metavar="PATH", help=help)

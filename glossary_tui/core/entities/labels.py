"""Entity labels: their descriptions and the order the entity list shows them in."""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary_tui.core.entities.entity import Entity

#: Labels in the order the entity list groups them; others follow alphabetically.
LABEL_ORDER = (
    "PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE",
    "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL",
)  # fmt: skip


def label_rank(label: str) -> tuple[int, str]:
    """Sort key placing known labels in :data:`LABEL_ORDER`, then the rest by name."""
    try:
        return (LABEL_ORDER.index(label), label)
    except ValueError:
        return (len(LABEL_ORDER), label)


def pipeline_labels(entities: Iterable[Entity] = ()) -> list[str]:
    """Labels a reader may give an entity: the usual NER labels and any the document uses, in list order."""
    return sorted({*LABEL_ORDER, *(entity.label for entity in entities)}, key=label_rank)


def describe_label(label: str) -> str:
    """What ``spacy.explain(label)`` says about a label, or ``""``.

    spaCy's glossary is read from its source file rather than imported, so the
    reader can describe labels at once, without the second it takes to import spaCy.
    """
    return _spacy_glossary().get(label, "")


@cache
def _spacy_glossary() -> dict[str, str]:
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return {}
    source = Path(spec.origin).with_name("glossary.py")
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "GLOSSARY" for t in node.targets):
            try:
                glossary = ast.literal_eval(node.value)
            except ValueError:
                return {}
            return {str(key): str(value) for key, value in glossary.items()}
    return {}

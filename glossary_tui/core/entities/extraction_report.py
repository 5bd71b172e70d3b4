"""Turning one document's extraction into JSON or TSV for scripts and tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.cooccurrence import Cooccurrence
from glossary_tui.core.entities.descriptions import Description, describe_entities
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.spacy_loader import ModelInfo


def extraction_record(
    document: Document, model: ModelInfo, entities: Sequence[Entity], until: int | None = None
) -> dict[str, Any]:
    """The ``extract`` JSON structure: document, model and entities with their mentions.

    Each entity has its ``description`` from the text (``null`` when none is
    found) and ``appears_with``: the entities most often in a paragraph with
    it, ``{"id", "count"}``, most frequent first. ``until`` (an offset) says
    the entities hold only the text before it; descriptions and company are
    then read from that text alone, and the document says ``"until"``.
    """
    text = document.text if until is None else document.text[:until]
    descriptions = describe_entities(entities, text)
    together = Cooccurrence(entities, text)
    facts: dict[str, Any] = {
        "source": document.source,
        "sha256": document.sha256,
        "characters": len(document.text),
        "words": document.words,
    }
    if until is not None:
        facts["until"] = until
    return {
        "document": facts,
        "model": {"name": model.name, "version": model.version},
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "label": entity.label,
                "aliases": list(entity.aliases),
                "count": entity.count,
                "description": _text_of(descriptions[entity.id]),
                "appears_with": [
                    {"id": companion.entity_id, "count": companion.count}
                    for companion in together.companions(entity.id)
                ],
                "mentions": [
                    {"start": mention.start, "end": mention.end, "text": mention.text} for mention in entity.mentions
                ],
            }
            for entity in entities
        ],
    }


def extraction_json(document: Document, model: ModelInfo, entities: Sequence[Entity], until: int | None = None) -> str:
    """The ``extract`` output as indented JSON, non-ASCII kept as is."""
    return json.dumps(extraction_record(document, model, entities, until), ensure_ascii=False, indent=2)


def _text_of(description: Description | None) -> str | None:
    return description.text if description is not None else None


def extraction_tsv(entities: Sequence[Entity]) -> str:
    """One mention per line, in text order: start, end, label, entity id, text."""
    rows = sorted(
        (mention.start, mention.end, entity.label, entity.id, _tsv_field(mention.text))
        for entity in entities
        for mention in entity.mentions
    )
    return "".join("\t".join(map(str, row)) + "\n" for row in rows)


def _tsv_field(text: str) -> str:
    """Keep a TSV row on one line: tabs and newlines inside a mention become spaces."""
    return text.replace("\t", " ").replace("\n", " ")

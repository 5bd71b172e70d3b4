"""Turning one document's extraction into JSON or TSV for scripts and tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from glossary_tui.core.documents.document import Document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.extraction.spacy_loader import ModelInfo


def extraction_record(document: Document, model: ModelInfo, entities: Sequence[Entity]) -> dict[str, Any]:
    """The ``extract`` JSON structure: document, model and entities with their mentions."""
    return {
        "document": {
            "source": document.source,
            "sha256": document.sha256,
            "characters": len(document.text),
            "words": document.words,
        },
        "model": {"name": model.name, "version": model.version},
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "label": entity.label,
                "aliases": list(entity.aliases),
                "count": entity.count,
                "mentions": [
                    {"start": mention.start, "end": mention.end, "text": mention.text} for mention in entity.mentions
                ],
            }
            for entity in entities
        ],
    }


def extraction_json(document: Document, model: ModelInfo, entities: Sequence[Entity]) -> str:
    """The ``extract`` output as indented JSON, non-ASCII kept as is."""
    return json.dumps(extraction_record(document, model, entities), ensure_ascii=False, indent=2)


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

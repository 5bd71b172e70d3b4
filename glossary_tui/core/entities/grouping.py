"""From mentions to entities: alias merging, then the reader's corrections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from glossary_tui.core.entities.aliases import canonical_name, display_name, merge_aliases
from glossary_tui.core.entities.class_nouns import drop_class_nouns, drop_lone_dictionary_words
from glossary_tui.core.entities.corrections import Correction, add_phrase_mentions, apply_corrections
from glossary_tui.core.entities.entity import Entity, entity_id
from glossary_tui.core.entities.italics import italic_names
from glossary_tui.core.entities.labelling import label_by_book
from glossary_tui.core.entities.non_names import relabel_non_names
from glossary_tui.core.entities.occurrences import add_untagged_occurrences
from glossary_tui.core.entities.possessive_places import join_possessive_places, possessive_owners
from glossary_tui.core.entities.quoted_titles import quoted_titles
from glossary_tui.core.entities.real_names import keep_given_names
from glossary_tui.core.entities.spans import clean_mentions, take_in_titles
from glossary_tui.core.extraction.mentions import Mention


def build_entities(mentions: Iterable[Mention], text: str = "", corrections: Sequence[Correction] = ()) -> list[Entity]:
    """Group mentions into entities by alias merging, then apply the reader's ``corrections``.

    ``text`` is the document the mentions index: it lets titles before a name
    count, and is where phrases the reader added are found. Before merging,
    mentions are cleaned (:func:`~glossary_tui.core.entities.spans.clean_mentions`).
    Entities come in order of first mention.
    """
    mentions = mention_stages(mentions, text)
    if corrections:
        mentions = add_phrase_mentions(list(mentions), text, corrections)
    groups = merge_aliases(mentions, text, possessive_owners(text))
    # Bigger entities choose their names first; a smaller one shows another of its forms if it can.
    taken: dict[str, set[str]] = defaultdict(set)
    names: dict[int, str] = {}
    for group in sorted(groups, key=lambda group: -len(group.mentions)):
        names[id(group)] = canonical_name(group.mentions, group.label, text, taken[group.label])
        taken[group.label].add(names[id(group)])
    entities = []
    for group in groups:
        name = names[id(group)]
        spellings = {display_name(mention.text, group.label) for mention in group.mentions}
        spellings |= {" ".join(mention.text.split()) for mention in group.mentions if mention.label == "PERSON"}
        aliases = tuple(sorted(spelling for spelling in spellings if spelling != name and spelling))
        entities.append(Entity(entity_id(name, group.label), name, group.label, aliases, tuple(group.mentions)))
    if corrections:
        entities = apply_corrections(entities, corrections)
    return _unique_ids(entities)


def mention_stages(mentions: Iterable[Mention], text: str) -> list[Mention]:
    """What happens to the model's mentions before alias merging: span clean-up, one label per name (given
    and titled names it dropped kept), the names found at their occurrences the model left untagged, common
    nouns dropped again (a nationality the labelling made a person is one: "a German") and common words said
    once ("Hush"), names that name no one relabelled (:mod:`~glossary_tui.core.entities.non_names`) and names
    written only in italics or quoted as titles made works (:mod:`~glossary_tui.core.entities.italics`,
    :mod:`~glossary_tui.core.entities.quoted_titles`), then a title before a one-word person's name taken into its
    span."""
    cleaned = clean_stage(mentions, text)
    found = add_untagged_occurrences(keep_given_names(cleaned, label_by_book(cleaned, text), text), text)
    found = drop_lone_dictionary_words(drop_class_nouns(found, text), text)
    return take_in_titles(quoted_titles(italic_names(relabel_non_names(found, text), text), text), text)


def clean_stage(mentions: Iterable[Mention], text: str) -> list[Mention]:
    """Span clean-up (:func:`~glossary_tui.core.entities.spans.clean_mentions`) of the model's mentions, without
    the capitalised words the book uses as common nouns (:mod:`~glossary_tui.core.entities.class_nouns`)."""
    return drop_class_nouns(join_possessive_places(clean_mentions(sorted(mentions), text), text), text)


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Two entities may share a canonical name (an ambiguous name left apart): number the later ones."""
    seen: set[str] = set()
    unique = []
    for entity in entities:
        identifier, number = entity.id, 2
        while identifier in seen:
            identifier = f"{entity.id}-{number}"
            number += 1
        seen.add(identifier)
        unique.append(entity if identifier == entity.id else replace(entity, id=identifier))
    return unique

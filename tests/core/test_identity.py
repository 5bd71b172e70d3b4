"""Cross-document identity: full names, owners of a name in a document, anchors, evidence for links."""

from __future__ import annotations

import pytest

from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.identity import (
    FULL_NAME,
    OWN_NAME,
    RELATED,
    Anchor,
    DocumentIdentity,
    is_full_name,
    link_evidence,
)
from glossary_tui.core.extraction.mentions import Mention


def entity(name: str, label: str = "PERSON", aliases: tuple[str, ...] = (), count: int = 2, **kw) -> Entity:
    mentions = tuple(Mention(i * 100, i * 100 + len(name), name, label) for i in range(count))
    return Entity(f"{label}:{name}", name, label, aliases, mentions, **kw)


@pytest.mark.parametrize(
    ("key", "full"),
    [
        ("joseph alexeevich", True),
        ("philip pip, esquire", True),
        ("j. gargery", True),
        ("joseph", False),
        ("prince andrew", False),
        ("mademoiselle george", False),
        ("mr. jaggers", False),
        ("john smith jr.", True),
        ("new york", True),
    ],
)
def test_a_full_name_has_two_name_words_besides_titles(key, full):
    assert is_full_name(key) is full


def test_evidence_for_a_link():
    assert link_evidence("joseph alexeevich", "PERSON", both_own_name=False, shared_people=0) == FULL_NAME
    assert link_evidence("joseph", "PERSON", both_own_name=True, shared_people=2) is None
    assert link_evidence("joseph", "PERSON", both_own_name=False, shared_people=3) == RELATED
    assert link_evidence("london", "GPE", both_own_name=True, shared_people=0) == OWN_NAME
    assert link_evidence("london", "GPE", both_own_name=False, shared_people=0) is None


def test_a_name_belongs_to_the_entity_it_names_then_the_most_mentioned():
    pierre = entity("Pierre", count=3)
    moscow_pierre = entity("Moscow Pierre", aliases=("Moscow", "Pierre"), count=700)
    natasha = entity("Natasha Rostova", aliases=("Natasha",), count=300)
    other_natasha = entity("Natasha Bolkonskaya", aliases=("Natasha",), count=20)
    identity = DocumentIdentity("doc", [pierre, moscow_pierre, natasha, other_natasha])
    assert identity.owner("pierre", "PERSON") is pierre
    assert identity.owner("natasha", "PERSON") is natasha
    assert identity.owned_keys(moscow_pierre) == ["moscow pierre", "moscow"]
    assert identity.owner("natasha", "GPE") is None


def test_an_anchor_lands_on_its_own_name_whatever_the_label_then_on_its_other_names():
    relabelled = entity("Natasha", count=40)  # written on as GPE, relabelled PERSON since
    place = entity("Petersburg Natasha", "GPE", aliases=("Natasha",), count=90)
    identity = DocumentIdentity("doc", [relabelled, place])
    assert identity.resolve(Anchor("doc", "GPE", ("natasha",))) is relabelled
    grouped = entity("Pierre Bezukhov", aliases=("Pierre",), count=500)
    later = DocumentIdentity("doc", [grouped, entity("Moscow", "GPE")])
    assert later.resolve(Anchor("doc", "PERSON", ("moscow pierre", "moscow", "pierre"))) is grouped
    assert later.resolve(Anchor("doc", "PERSON", ("nobody",))) is None


def test_a_hidden_entity_keeps_what_was_anchored_to_it_but_owns_no_name_others_have():
    hidden = entity("Chapter", "LAW", hidden=True)
    identity = DocumentIdentity("doc", [hidden])
    assert identity.resolve(Anchor("doc", "LAW", ("chapter",))) is hidden
    shown = entity("Chapter One", "LAW", aliases=("Chapter",), count=1)
    assert DocumentIdentity("doc", [hidden, shown]).owner("chapter", "LAW") is hidden  # its own name first


def test_only_the_people_of_a_documents_body_relate_it_to_another():
    def spread(name: str, starts: list[int]) -> Entity:
        return Entity(name, name, "PERSON", (), tuple(Mention(s, s + len(name), name, "PERSON") for s in starts))

    body = spread("Elizabeth Bennet", [500, 3000, 6000])
    licence = spread("Michael Hart", [9500, 9900])
    author = spread("Jane Austen", [0, 9950])
    once = spread("Charlotte Lucas", [4000])
    identity = DocumentIdentity("doc", [body, licence, author, once])
    assert identity.people == frozenset({"elizabeth bennet"})

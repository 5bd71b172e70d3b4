"""A person's sex told by the pronouns after their mentions."""

from __future__ import annotations

from glossary_tui.core.entities.pronouns import pronoun_after, pronoun_gender


def ends_of(text: str, name: str) -> list[int]:
    ends, start = [], text.find(name)
    while start != -1:
        ends.append(start + len(name))
        start = text.find(name, start + 1)
    return ends


def test_the_first_pronoun_of_the_clause_is_read_unless_another_name_comes_first():
    text = "Querel rose, and his hat fell. “Querel,” said Anselme in his ear. Querel wept; she cried. Querel. He ran."
    cues = [pronoun_after(text, end) for end in ends_of(text, "Querel")]
    assert cues == ["male", "", "", ""]
    assert pronoun_after("Querel took her hat", len("Querel")) == "female"


def test_a_sex_needs_several_cues_mostly_one_way():
    he = "Querel took his hat. "
    she = "Querel took her hat. "
    assert pronoun_gender(he * 4, ends_of(he * 4, "Querel")) == "male"
    assert pronoun_gender(he * 3, ends_of(he * 3, "Querel")) == ""  # too few
    mixed = he * 4 + she * 2
    assert pronoun_gender(mixed, ends_of(mixed, "Querel")) == ""  # not four to one
    assert pronoun_gender(she * 5, ends_of(she * 5, "Querel")) == "female"

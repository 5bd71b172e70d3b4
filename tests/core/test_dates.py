"""Relative dates and times are no glossary entries by default; dates with a year or a day of a month stay."""

import pytest

from glossary_tui.core.extraction.dates import is_relative_time
from glossary_tui.core.extraction.spacy_extractor import MentionFilter, SpacyExtractor, extract_mentions


@pytest.mark.parametrize(
    "text", ["tomorrow", "the day", "evening", "that night", "Sunday", "October", "two days", "100 years", "Christmas"]
)
def test_relative_dates_and_times(text):
    assert is_relative_time(text, "DATE")
    assert is_relative_time(text, "TIME")


@pytest.mark.parametrize(
    "text", ["1812", "In October, 1805", "November 1", "the first of September", "the twenty-fifth of August",
             "3rd May", "the 1820s", "Christmas Day, 1805"],
)  # fmt: skip
def test_dates_with_a_year_or_a_day_of_a_month(text):
    assert not is_relative_time(text, "DATE")


def test_only_dates_and_times_are_judged():
    assert not is_relative_time("Tomorrow", "PERSON")


def test_the_default_filter_drops_relative_times_and_numbers_and_all_labels_keeps_them():
    default, everything = MentionFilter(), MentionFilter(frozenset(), keep_relative_times=True)
    assert not default.keeps("tomorrow", "DATE")
    assert not default.keeps("three", "CARDINAL")
    assert default.keeps("November 1, 1805", "DATE")
    assert default.keeps("Moscow", "GPE")
    assert everything.keeps("tomorrow", "DATE") and everything.keeps("three", "CARDINAL")
    assert default.settings != everything.settings


@pytest.mark.model
def test_the_extractor_leaves_relative_dates_out():
    text = "Tomorrow Pierre will ride to Moscow. He left on November 1, 1805."
    default = {(m.text, m.label) for m in extract_mentions(SpacyExtractor(), text)}
    everything = {(m.text, m.label) for m in extract_mentions(SpacyExtractor(keep_relative_times=True), text)}
    assert ("Tomorrow", "DATE") in everything
    assert default == everything - {("Tomorrow", "DATE")}
    assert ("November 1, 1805", "DATE") in default

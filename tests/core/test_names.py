"""Name shapes: keys, titles read before a mention, a person's name inside a span, spellings."""

from __future__ import annotations

import pytest

from glossary_tui.core.entities.names import (
    byname_after,
    given_name_gender,
    given_name_share,
    is_patronymic,
    name_key,
    person_name,
    spelling_key,
    surname_share,
    title_before,
    written_ordinal,
)


def test_name_keys_ignore_case_accents_quotes_determiners_and_possessives():
    assert name_key("the Kremlin’s") == name_key("KREMLIN") == name_key("Kremlin") == "kremlin"
    assert name_key("Natásha's") == "natasha"
    assert name_key("the") == "the"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Then Mr. Pocket", ("mr", "Mr.")),
        ("Then Mr Pocket", ("mr", "Mr")),
        ("said Princess Mary", ("princess", "Princess")),
        ("“Miss Havisham", ("miss", "Miss")),
        ("my sister,--Mrs. Joe", ("mrs", "Mrs.")),  # a dash before the title
        ("asked Prince. Andrew", ("", "")),  # a sentence ends there
        ("said J. Gargery", ("", "")),  # an initial is not a title
        ("the old Orlick", ("", "")),
    ],
)
def test_the_title_before_a_mention_is_read_with_or_without_a_period(text, title):
    start = text.rindex(" ") + 1
    assert title_before(text, start) == title


@pytest.mark.parametrize(
    ("text", "before", "title", "words"),
    [
        ("Pocket", ("mr", "Mr."), "mr", ("Pocket",)),
        ("Miss Havisham’s", ("", ""), "miss", ("Havisham",)),
        ("the Prince Andrew", ("", ""), "prince", ("Andrew",)),
        ("Wemmick remarked:--", ("", ""), "", ("Wemmick",)),
        ("Havisham,--“and", ("miss", "Miss"), "miss", ("Havisham",)),
        ("Herbert’s Clara", ("", ""), "", ("Clara",)),
        ("marry Clara", ("", ""), "", ("Clara",)),
        ("Mary murmured", ("", ""), "", ("Mary",)),
        ("Prince Andrew knew Denísov", ("", ""), "prince", ("Andrew",)),
        ("near Hetzelsdorf Prince Andrew", ("", ""), "prince", ("Andrew",)),
        ("Old Orlick", ("", ""), "", ("Orlick",)),
        ("My Elinor", ("", ""), "", ("Elinor",)),
        ("Rudolf the Fifth", ("", ""), "", ("Rudolf", "the", "Fifth")),
        ("the King of Naples", ("", ""), "", ("King", "of", "Naples")),
        ("the House of Usher", ("", ""), "", ("House", "of", "Usher")),
        ("Louis XII", ("", ""), "", ("Louis", "XII")),
        ("Taher al-Nono", ("", ""), "", ("Taher", "al-Nono")),
        ("Mrs. Joe Gargery", ("", ""), "mrs", ("Joe", "Gargery")),
    ],
)
def test_a_person_mention_is_read_as_a_title_and_the_words_of_a_name(text, before, title, words):
    name = person_name(text, before)
    assert (name.title, name.words) == (title, words)


def test_a_person_name_is_shown_with_its_title_as_written():
    assert person_name("Pocket", ("mr", "Mr.")).shown(with_title=True) == "Mr. Pocket"
    assert person_name("Pocket", ("mr", "Mr.")).shown(with_title=False) == "Pocket"
    assert person_name("Pocket", ("mr", "Mr.")).gender == "male"
    assert person_name("Havisham", ("miss", "Miss")).gender == "female"


def test_spellings_of_transliterations_share_a_key():
    assert spelling_key("Bezúkhov") == spelling_key("Besouhoff")
    assert spelling_key("XII") != spelling_key("XI")
    assert spelling_key("Bolkónsky") == spelling_key("Bolkonski")
    assert spelling_key("Rostóv") != spelling_key("Rostóva")


def test_patronymics():
    assert is_patronymic("Ilariónovich") and is_patronymic("Pávlovna") and is_patronymic("Iványch")
    assert not is_patronymic("Bezúkhov") and not is_patronymic("Karágina")


@pytest.mark.parametrize(
    ("name", "male", "female"),
    [("John", 3.271, 0.012), ("Mary", 0.009, 2.629 + 0.014), ("Jean", 0.035, 0.315), ("Florence", 0, 0.2)],
)
def test_given_name_shares_are_the_census_tables_shipped_with_the_package(name, male, female):
    # US Census 1990 (dist.male.first, dist.female.first); "Mary" and "Mari" share a spelling key.
    assert given_name_share(spelling_key(name)) == pytest.approx(male + female, abs=1e-9)


def test_a_given_name_says_a_sex_only_when_the_census_gives_it_mostly_to_one():
    assert given_name_gender(spelling_key("Joe")) == "male"
    assert given_name_gender(spelling_key("Florence")) == "female"
    assert given_name_gender(spelling_key("Natásha")) == "female"
    assert given_name_gender(spelling_key("Leslie")) == given_name_gender(spelling_key("Zzyzx")) == ""


def test_surname_shares_are_the_census_table_shipped_with_the_package():
    # dist.all.last: Smith 1.006, Brooks 0.103, Crane 0.014, Willoughby 0.006; Aalderink is rounded to 0.000.
    assert [surname_share(word) for word in ("smith", "brooks", "crane", "willoughby")] == [1.006, 0.103, 0.014, 0.006]
    assert surname_share("aalderink") == surname_share("dashwood") == 0.0


def test_a_byname_after_a_name_is_read_across_a_line_break_and_an_ordinal_as_a_regnal_number():
    text = "Alexander the Sixth; Alexander the\nGreat; Henry the Eighth; Louis the Fourteenth; Pierre the man."
    ends = [text.index(name) + len(name) for name in ("Alexander", "Alexander the\n", "Henry", "Louis", "Pierre")]
    ends[1] = text.index("Alexander", 5) + len("Alexander")
    assert [byname_after(text, end) for end in ends] == [("vi",), ("the", "great"), ("viii",), ("xiv",), ()]
    assert [written_ordinal(text, end) for end in ends] == ["the Sixth", "", "the Eighth", "the Fourteenth", ""]

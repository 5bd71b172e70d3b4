"""The one list of well-known places (GeoNames, ISO 3166), read by the label cues and the mention stages."""

from glossary_tui.core.entities.places import is_known_place, known_places


def test_well_known_places_come_from_the_shipped_list():
    assert is_known_place("London") and is_known_place("Europe") and is_known_place("Kent")
    assert is_known_place("Wales") and is_known_place("Palestine") and is_known_place("Lynchburg")
    assert not is_known_place("Natasha")


def test_a_place_is_matched_by_its_name_key():
    assert "london" in known_places()
    assert is_known_place("the Hague") and is_known_place("LONDON") and is_known_place("Bogota")
    assert is_known_place("Vienna's")

"""What kind of place a place name is: a political place (GPE), a natural or vague one (LOC), a built one (FAC).

spaCy's small model tells the three apart poorly in fiction: it calls Europe
and Africa LOC, "Covent Garden" LOC, "Benares" a building, "Mt Kenia" an
organisation. A name usually says what it is by its own words ("Baker
Street", "the Borgo Pass", "Mt Kenia", "Lincoln's Inn Hall", "Dorsetshire"),
or the book says it around the name ("Chestnut street", "the city of
Benares", "the Hudson river"); rivers and ranges are written with "the"
("the Arno", "the Carpathians"), towns and countries without. A place with
none of these is a political place: in fiction as in the news, most named
places are towns, counties and countries.
"""

from __future__ import annotations

from collections.abc import Mapping

from glossary_tui.core.entities.names import word_set
from glossary_tui.core.entities.places import is_known_place

#: Last words of built places: streets, buildings, grounds ("Baker Street", "Netherfield Park").
FAC_HEADS = word_set(
    """street streets st lane road roads row square avenue boulevard terrace crescent walk mews alley yard
    hall house church chapel cathedral abbey minster priory convent monastery mosque synagogue
    bridge park gardens garden inn hotel tavern arms palace castle tower towers gate gates museum gallery
    prison gaol jail theatre theater opera station grange manor lodge cottage mill mills grove
    farm wharf wharves dock docks quay pier market exchange library academy barracks fort monument
    building buildings villa vicarage rectory parsonage mansion chambers bar corner court cross"""
)
#: Last words of natural places ("the Borgo Pass", "Rockaway Beach", "the East Indies").
LOC_HEADS = word_set(
    """river rivers mountain mountains mount hill hills pass lake loch sea ocean island islands isle isles
    bay point beach valley vale forest wood woods hollow coast shore desert gulf strait straits sound
    channel falls peak ridge marsh marshes moor moors heath plain plains hook creek brook glen canyon
    cliff cliffs rock rocks downs fen fens indies alps highlands lowlands"""
)
#: Last words of political places ("Columbia City", "Salisbury County").
GPE_HEADS = word_set("city town county province state states kingdom empire republic colony borough")
#: Every head word of a place's name.
PLACE_HEADS = FAC_HEADS | LOC_HEADS | GPE_HEADS
#: First words of places named by their kind first ("Mount Vernon", "Lake Erie", "Hotel Royale").
LOC_FIRST = word_set("mount mt lake loch cape isle island river gulf bay")
FAC_FIRST = word_set("hotel pension fort castle chateau château palazzo villa")
#: Place nouns before "of" that say what the place after them is ("the city of Benares", "the Isle of Wight").
GPE_BEFORE_OF = word_set(
    """city cities town towns village villages county counties kingdom kingdoms state states province provinces
    district districts country republic empire duchy principality capital inhabitants natives citizens
    plains shores coast coasts"""
)  # "the plains of Languedoc", "the coast of Norway": a land, named without "the"
LOC_BEFORE_OF = word_set("island islands isle river lake sea gulf bay cape straits mountains valley vale")
#: Rulers and lords, before "of" and the place they hold ("Tippoo, Sultan of Seringapatam", "the King of Prussia").
RULERS_BEFORE_OF = word_set(
    """king queen prince princess emperor empress sultan duke duchess czar tsar shah khan rajah bishop archbishop
    governor mayor earl marquis marquess baron"""
)
#: Endings of political places' names ("Dorsetshire", "Kukuanaland" is a country in its book).
GPE_ENDINGS = ("shire",)
#: Share of a name's mentions with a place noun around it that says its kind ("Petersburg road" once in 231 does not).
NOUN_SHARE = 0.2
#: Share of a name's mentions written "the X" that makes a one-word place a river or a range ("the Arno").
THE_SHARE = 0.5


def head_kind(words: tuple[str, ...]) -> str | None:
    """The kind a place name's own words say ("baker street" -> FAC), or ``None`` if they say none."""
    if not words:
        return None
    if "of" in words[1:-1]:  # "Island of Lamu", "Academy of Music", "City of London": the head comes first
        head = words[: words.index("of")]
        return head_kind(head) or _heads_kind(head[-1]) or _first_kind(head[-1])
    last = words[-1].strip(".’'")
    if len(words) > 1:
        kind = _heads_kind(last)
        if kind:
            return kind
        first = _first_kind(words[0])
        if first:
            return first
    if last.endswith(GPE_ENDINGS) and len(last) > 7:
        return "GPE"
    return None


def _heads_kind(word: str) -> str | None:
    for kind, heads in (("FAC", FAC_HEADS), ("LOC", LOC_HEADS), ("GPE", GPE_HEADS)):
        if word in heads:
            return kind
    return None


def _first_kind(word: str) -> str | None:
    word = word.strip(".")
    if word in LOC_FIRST:
        return "LOC"
    if word in FAC_FIRST:
        return "FAC"
    return None


def place_kind(words: tuple[str, ...], mentions: int, seen: Mapping[str, int], votes: Mapping[str, int]) -> str:
    """GPE, LOC or FAC for a name known to be a place.

    ``words`` are the name's folded words, ``seen`` how many of its ``mentions`` stand
    with each cue of :mod:`~glossary_tui.core.entities.label_cues`, ``votes`` the model's
    labels. The name's own words decide first, then the nouns the book puts around it,
    then "the" before a one-word name (a river, a range), then the model's votes for a name of several
    words (a region; a building if written "the X" too: towns are not); else it is a political place.
    """
    kind = head_kind(words)
    if kind:
        return kind
    if is_known_place(" ".join(words)):
        return "GPE"
    said = {cue: seen.get(cue, 0) for cue in ("fac_noun_after", "loc_noun_after", "gpe_noun_of", "loc_noun_of")}
    best = max(said, key=lambda cue: said[cue])
    if said[best] >= max(1.0, NOUN_SHARE * mentions):
        return {"fac_noun_after": "FAC", "loc_noun_after": "LOC", "gpe_noun_of": "GPE", "loc_noun_of": "LOC"}[best]
    if len(words) == 1 and seen.get("the_alone", 0) >= THE_SHARE * mentions:
        return "LOC"
    if len(words) > 1 and votes.get("LOC", 0) > votes.get("GPE", 0) + votes.get("FAC", 0):
        return "LOC"  # "New England", "the Middle East": regions of several words, as the model says
    if len(words) > 1 and seen.get("the_before", 0) and votes.get("FAC", 0) > votes.get("GPE", 0) + votes.get("LOC", 0):
        return "FAC"  # "the Blue Boar", "the Royal George": inns and houses, written with "the", as the model says
    return "GPE"

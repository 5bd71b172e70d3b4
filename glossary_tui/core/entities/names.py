"""Name shapes: the one place that knows determiners, possessives, titles and particles.

Matching and display both read names through this module, so "the
Kremlin's", "Kremlin" and "KREMLIN" share one :func:`name_key`, and
"Mr. Pocket" (or "Pocket" with "Mr." written just before it) is read by
:func:`person_name` as the title ``mr`` and the name ``pocket``, whatever
the model took into its span.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, compactly."""
    return frozenset(words.split())


#: Words before a name that are not part of it: determiners.
DETERMINERS = word_set("the a an")
#: Titles and honorifics written before a person's name ("Mr", "Princess", "General", ...).
TITLES = word_set(
    """mr mrs ms miss mx master mister madam madame mme mlle mademoiselle monsieur m messrs dr doctor prof
    professor rev reverend fr father mother brother sister saint st sir dame lady lord prince princess count
    countess baron baroness duke duchess king queen emperor empress tsar czar tsarina archduke marquis marquess
    earl viscount president vice prime minister chancellor secretary senator governor mayor ambassador premier
    general gen colonel col major captain capt lieutenant lt sergeant sgt corporal admiral commander marshal
    uncle aunt auntie cousin grandfather grandmother granny citizen citizeness messer signor signore signora
    signorina don dona herr frau fraulein senor senora senorita pope"""
)
#: Words a family's line is named by ("the House of Usher", "the Family of Bourbon").
LINEAGES = word_set("house family clan dynasty line")
#: First words a name may go on from with "of" ("King of Naples", "House of Usher").
_NAMED_OF = TITLES | LINEAGES
#: Titles of saints: "St. Nicholas" is not the Nicholas of a novel.
SAINTS = word_set("saint st")
#: Words before a name that describe the person, not name them ("Old Orlick", "Young Pip", "My Elinor").
EPITHETS = word_set("old young little dear poor my our your his her their")
#: Endings of patronymics ("Ilariónovich", "Pávlovna", "Dmítrich", "Iványch"): not a surname.
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovitch", "evitch", "ich", "ych", "ovna", "evna", "ichna", "inichna")
#: Titles that say a person is a man, or a woman (military ranks count as a man's: these are novels' ranks).
MALE_TITLES = word_set(
    """mr mister master monsieur m messrs sir lord prince count baron duke king emperor tsar czar archduke
    marquis marquess earl viscount father brother uncle grandfather general gen colonel col major captain capt
    lieutenant lt sergeant sgt corporal admiral commander marshal messer signor signore don herr senor pope"""
)
FEMALE_TITLES = word_set(
    """mrs ms miss madam madame mme mlle mademoiselle dame lady princess countess baroness duchess queen
    empress tsarina mother sister aunt auntie grandmother granny citizeness signora signorina dona frau fraulein
    senora senorita"""
)
#: A married woman's titles: with a surname they name a wife, and with a man's name, his wife ("Mrs. Joe").
MARRIED_TITLES = word_set("mrs madame mme signora frau senora")
#: An unmarried woman's titles: with a surname alone they name the eldest daughter ("Miss Dashwood").
UNMARRIED_TITLES = word_set("miss mademoiselle mlle signorina fraulein senorita")
#: Titles that say nothing of rank: used with a surname, they do not tell family members apart.
COMMON_TITLES = word_set(
    "mr mrs ms miss mx master mister madam madame mme mlle mademoiselle monsieur m signor signore signora signorina "
    "herr frau fraulein senor senora senorita"
)
#: Titles written abbreviated, with or without a period ("Mr." and "Mr").
ABBREVIATED_TITLES = word_set("mr mrs ms mx mme mlle messrs dr prof rev fr st gen col capt lt sgt")
#: Name particles: they may start a surname without being one ("al-Nono", "de Winter").
PARTICLES = word_set("al el de del della di da du des le la van von der den ter ten bin ibn ben abu ap mac")

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}
)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
#: Punctuation that ends a name inside a span ("Wemmick remarked:--", "Havisham,--“and", "Pip, Esquire").
_NAME_BREAK = re.compile(r"--|[,;:!?\"“”()\[\]{}_*]|—|–")
#: The word just before a mention, when it may be a title ("Mr." or "Prince" in "Mr. Pocket", "Prince Andrew").
_WORD_BEFORE = re.compile(r"(?:^|[\s(\"'“‘—–-])([A-Z][A-Za-z]*)(\.?)\s+$")
_PUNCTUATION = ".,;:!?\"'()[]“”‘’"


def fold(text: str) -> str:
    """``text`` case-folded, without diacritics, with straight quotes and single spaces."""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


#: How many names each memoised reading keeps: a novel has a few thousand distinct mention texts,
#: and grouping reads them again at every regrouping while a book streams in.
_MEMO = 1 << 15


@lru_cache(maxsize=_MEMO)
def name_key(name: str) -> str:
    """The key a name is matched by: folded, without a leading determiner or possessive."""
    key = " ".join(strip_determiner(fold(name).split(" ")))
    return _POSSESSIVE.sub("", key).strip() or fold(name)


#: Spellings that transliterations of one name differ by ("Bezúkhov", "Besouhoff"; "Bolkónsky", "Bolkonski").
_TRANSLITERATIONS = (("ff", "v"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("w", "v"),
                     ("z", "s"), ("y", "i"))  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")


_ROMAN_NUMERAL = re.compile(r"(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})")


#: Ordinals a ruler is numbered by, written out ("Alexander the Sixth" is "Alexander VI"), as regnal numbers.
_ORDINAL_WORDS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"""
REGNAL_ORDINALS = {ordinal: numeral for numeral, ordinal in enumerate(_ORDINAL_WORDS.split(), start=1)}
#: "the" and a capitalised word just after a name, across a line break ("Alexander the\nGreat").
_BYNAME_AFTER = re.compile(r"[ \t]*\n?[ \t]*the[ \t]*\n?[ \t]*([A-Z][a-z]+)\b")
_NUMERALS = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def byname_after(text: str, end: int) -> tuple[str, ...]:
    """The byname written just after a name ending at ``end``, folded: ("the", "great") of "Alexander the
    Great", or a regnal number for an ordinal: ("vi",) of "Alexander the Sixth"; () if none."""
    match = _BYNAME_AFTER.match(text, end)
    if match is None:
        return ()
    word = match.group(1).casefold()
    number = REGNAL_ORDINALS.get(word)
    if number is None:
        return ("the", word)
    return (_roman(number),)


def written_ordinal(text: str, end: int) -> str:
    """The ordinal a ruler's name ending at ``end`` is numbered by, as written on one line ("the Sixth"), or ""."""
    match = _BYNAME_AFTER.match(text, end)
    return " ".join(match.group().split()) if match and match.group(1).casefold() in REGNAL_ORDINALS else ""


def _roman(number: int) -> str:
    """A number up to 39 as a folded Roman numeral (6 -> "vi")."""
    numeral = ""
    for value, letters in _NUMERALS:
        while number >= value:
            numeral += letters
            number -= value
    return numeral


def is_regnal_number(key: str) -> bool:
    """True for a folded regnal number ("iii" of "Napoleon III")."""
    return bool(_ROMAN_NUMERAL.fullmatch(key.upper()))


@lru_cache(maxsize=_MEMO)
def spelling_key(word: str) -> str:
    """A folded word with the differences of transliterations and doubled letters ironed out.

    A regnal number written in capitals stays as it is: "Louis XII" is not "Louis XI".
    """
    if _ROMAN_NUMERAL.fullmatch(word):
        return word.casefold()
    key = fold(word)
    for written, said in _TRANSLITERATIONS:
        key = key.replace(written, said)
    return _DOUBLED.sub(r"\1", key)


#: Endings of diminutives made from the start of a given name ("Váska" of Vasíli, "Natásha" of Natálya,
#: "Nikólenka", "Dunyásha", "Mashka"): Slavic suffixes, spelt by :func:`spelling_key`.
DIMINUTIVE_ENDINGS = ("ka", "sha")
#: How many letters a diminutive must share with the start of its given name, and how long its ending may be.
DIMINUTIVE_STEM = 3
DIMINUTIVE_ENDING_LENGTH = 5


def is_diminutive(short: str, full: str) -> bool:
    """True if given name ``short`` is ``full``'s start with a diminutive ending ("vaska", "vasili").

    Both are spelt by :func:`spelling_key`. The shared start must be three letters or more and the
    rest of ``short`` a diminutive ending of at most five letters (see :data:`DIMINUTIVE_ENDINGS`).
    """
    stem = 0
    while stem < min(len(short), len(full)) and short[stem] == full[stem]:
        stem += 1
    ending = short[stem:]
    return (
        stem >= DIMINUTIVE_STEM
        and stem < len(full)
        and 0 < len(ending) <= DIMINUTIVE_ENDING_LENGTH
        and ending.endswith(DIMINUTIVE_ENDINGS)
    )


def given_name_gender(key: str) -> str:
    """ "male" or "female" if a given name (spelt by :func:`spelling_key`) is mostly one, else "".

    From the US census's tables of given names, with how common each is among men and among women
    (:func:`census_table`): "joe" is a man's, "florence" a woman's, "jean" neither clearly.
    """
    male, female = _given_name_frequencies().get(key, (0.0, 0.0))
    if male > GENDER_ODDS * female:
        return "male"
    if female > GENDER_ODDS * male:
        return "female"
    return ""


def given_name_share(key: str) -> float:
    """How common a given name (spelt by :func:`spelling_key`) is in the census, in percent; 0 for no given name."""
    return sum(_given_name_frequencies().get(key, (0.0, 0.0)))


def surname_share(word: str) -> float:
    """How common a surname (folded) is in the census, in percent ("smith" 1.006, "crane" 0.014); 0 for none."""
    return _surname_frequencies().get(word, 0.0)


def census_table(name: str) -> list[tuple[str, float]]:
    """(name, share in percent) of a shipped US Census 1990 table, in its order (public domain data).

    ``name`` is ``male_first``, ``female_first`` or ``last``: the files ``census_<name>.txt`` beside
    this module, written by ``tools/build_census_names.py`` from the Census Bureau's tables.
    """
    text = files("glossary_tui.core.entities").joinpath(f"census_{name}.txt").read_text(encoding="ascii")
    rows = (line.split() for line in text.splitlines() if line and not line.startswith("#"))
    return [(fields[0], float(fields[1])) for fields in rows]


@lru_cache(maxsize=1)
def _surname_frequencies() -> dict[str, float]:
    return {name.casefold(): share for name, share in census_table("last")}


#: How much more common among one sex a given name must be to say a person's sex.
GENDER_ODDS = 4


@lru_cache(maxsize=1)
def _given_name_frequencies() -> dict[str, tuple[float, float]]:
    frequencies: dict[str, list[float]] = {}
    for column, table in enumerate(("male_first", "female_first")):
        for name, share in census_table(table):
            frequencies.setdefault(spelling_key(name), [0.0, 0.0])[column] += share
    return {name: (male, female) for name, (male, female) in frequencies.items()}


@lru_cache(maxsize=_MEMO)
def bare(word: str) -> str:
    """A word folded and without surrounding punctuation ("Mr." -> "mr", "Pierre's" stays "pierre's")."""
    return fold(word).strip(_PUNCTUATION)


def strip_determiner(words: list[str]) -> list[str]:
    """``words`` without a leading "the", "a" or "an" (unless that is all there is)."""
    return words[1:] if len(words) > 1 and bare(words[0]) in DETERMINERS else words


def strip_possessive(word: str) -> str:
    """ "Kremlin's" -> "Kremlin", "Jones'" -> "Jones"; other words unchanged."""
    stripped = _POSSESSIVE.sub("", word)
    return stripped if len(stripped) > 1 else word


def gender_of_title(title: str) -> str:
    """ "male", "female" or "" for a folded title."""
    if title in MALE_TITLES:
        return "male"
    if title in FEMALE_TITLES:
        return "female"
    return ""


def is_patronymic(word: str) -> bool:
    """True if ``word`` ends like a Russian patronymic ("Ilariónovich", "Pávlovna")."""
    return fold(word).endswith(PATRONYMIC_ENDINGS)


def title_before(text: str, start: int) -> tuple[str, str]:
    """The title written just before ``text[start:]``, folded and as written ("mr", "Mr."), or ("", "").

    A title is a capitalised word of :data:`TITLES`, followed only by spaces;
    abbreviations may end with a period ("Mr. Pocket", "Mr Pocket"), whole
    words may not ("Prince. Andrew" ends a sentence).
    """
    match = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if not match:
        return "", ""
    word, period = match.group(1), match.group(2)
    title = word.casefold()
    if title not in TITLES or len(title) < 2 or (period and title not in ABBREVIATED_TITLES):
        return "", ""
    return title, word + period


@dataclass(frozen=True)
class PersonName:
    """A person's name as written in one mention: the title before it and the name's own words.

    ``words`` are as written (accents and case kept), ``keys`` the same words
    folded for matching; ``title`` is folded ("mr"), ``written_title`` as in
    the text ("Mr.").
    """

    title: str
    written_title: str
    words: tuple[str, ...]
    keys: tuple[str, ...]

    @property
    def gender(self) -> str:
        """What the title says: "male", "female" or ""."""
        return gender_of_title(self.title)

    def shown(self, with_title: bool) -> str:
        """The name for a reader, with its title or without."""
        words = (self.written_title, *self.words) if with_title and self.written_title else self.words
        return " ".join(words)


@lru_cache(maxsize=_MEMO)
def person_name(text: str, before: tuple[str, str] = ("", "")) -> PersonName:
    """Read a person mention's ``text``: titles, epithets, debris and possessives set aside.

    ``before`` is the title written just before the mention (see
    :func:`title_before`); a title inside the span wins over it. What is not
    a name is dropped: a leading determiner, words up to a possessive inside
    the span ("Herbert's Clara" is Clara), lowercase words at either end that
    are not particles ("marry Clara"), everything from a lowercase word on
    ("Mary murmured", "Prince Andrew knew Denísov") or after punctuation that
    ends a name ("Wemmick remarked:--", "Pip, Esquire"), and everything before
    a title inside the span ("near Hetzelsdorf Prince Andrew").
    """
    words = _name_segment(text).split()
    words = strip_determiner(words)
    for index, word in enumerate(words[:-1]):
        if strip_possessive(word) != word:
            words = words[index + 1 :]
            break
    title, written_title = before
    while len(words) > 1 and _is_lowercase_debris(words[0]):
        words = words[1:]
    inner = [
        index
        for index, word in enumerate(words)
        if index and _is_lowercase_debris(word) and not _is_regnal_the(words, index)
    ]
    if inner:
        words = words[: inner[0]]
    inner_titles = [index for index, word in enumerate(words[:-1]) if index and _is_capitalised_title(word)]
    if inner_titles:
        words = words[inner_titles[-1] :]
    while len(words) > 1 and (bare(words[0]) in TITLES or bare(words[0]) in EPITHETS) and words[1] != "of":
        if bare(words[0]) in TITLES:
            title, written_title = bare(words[0]), words[0]
        words = words[1:]
        while len(words) > 1 and _is_lowercase_debris(words[0]):
            words = words[1:]
    while len(words) > 1 and _is_lowercase_debris(words[-1]):
        words = words[:-1]
    if words:
        words[-1] = strip_possessive(words[-1])
    words = [word.strip(_PUNCTUATION) for word in words]
    words = [word for word in words if word]
    return PersonName(title, written_title, tuple(words), tuple(fold(word) for word in words))


def _name_segment(text: str) -> str:
    """The part of ``text`` before punctuation that ends a name; the first part with a capital if that one has none."""
    parts = [part for part in _NAME_BREAK.split(text) if part.strip()]
    for part in parts:
        if any(word[:1].isupper() for word in part.split()):
            return part
    return parts[0] if parts else text


def _is_regnal_the(words: list[str], index: int) -> bool:
    """True for the "the" of "Rudolf the Fifth" or the "of" of "King of Naples" and "House of Usher": part of
    the name."""
    if index + 1 >= len(words) or not words[index + 1][:1].isupper():
        return False
    return words[index] == "the" or (words[index] == "of" and bare(words[0]) in _NAMED_OF)


def _is_capitalised_title(word: str) -> bool:
    return word[:1].isupper() and bare(word) in TITLES


def _is_lowercase_debris(word: str) -> bool:
    """A word that cannot be part of a name: lowercase and not a particle, or with no letter at all."""
    if not any(char.isalpha() for char in word):
        return True
    stripped = word.strip(_PUNCTUATION)
    return stripped[:1].islower() and fold(stripped).split("-")[0].split("'")[0] not in PARTICLES

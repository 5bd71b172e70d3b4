"""Who is this? A short description of an entity, drawn from the document itself.

Five rules are tried on the entity's mentions in text order, the first to
fit wins, so a description is what the text says where it introduces the
entity:

* an appositive after the name: "Sergey Lavrov, the Russian Foreign Minister,"
  -> "Russian Foreign Minister"; "Dólokhov, an officer of the Semënov regiment,"
* an appositive before it: "The Russian Foreign Minister, Sergey Lavrov, said";
  "Prince Vasíli's daughter, the beautiful Hélène, came"
* a copula: "Sónya was a slender little brunette", "Haniyeh, who was elected
  prime minister in 2006"
* a role before the name: "Hamas media advisor Taher al-Nono"
  -> "Hamas media advisor" (a possessive owner before it, "Russia's", is left
  out like an article; titles of address alone, "Prince", are no description)
* "he" or "she" right after the only person a sentence names: "... Prince
  Andrew Bolkónski. He was a very handsome young man" -> "very handsome young man".

Failing all five, the description is the sentence of the first mention that
says more than the name (shortened around the name when long), and ``None``
when no mention has such a sentence.

Only the text and the mentions are read: no parser, no tagger (the product
loads spaCy's NER alone, for speed). What a parser would tell, the rules get
from punctuation, capitals, small closed word lists (articles, pronouns,
prepositions, common verbs) and the other mentions (a phrase that is a date,
"The next day, Pierre", is no description). Mentions inside quoted speech are
read only after the narrative, and only for appositives and roles.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glossary_tui.core.entities.aliases import TITLES
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.names import given_name_gender, person_name, spelling_key, word_set
from glossary_tui.core.entities.place_kinds import GPE_BEFORE_OF, PLACE_HEADS
from glossary_tui.core.extraction.mentions import Mention

#: Mentions of an entity the rules are tried on, in text order.
MENTIONS_TRIED = 100
#: Words an appositive, copula or role phrase holds at most.
MAX_PHRASE_WORDS = 12
#: Words a fallback sentence is cut to, around the name.
MAX_SENTENCE_WORDS = 32
#: Characters looked at on either side of a mention for a rule, and for its sentence.
WINDOW = 400

#: Labels whose mentions a description must not be ("The next day, Pierre": no description).
_TIME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
#: Openers a description goes without; "my old friend" keeps its "my" (a narrator's own).
_DROPPED_OPENERS = _ARTICLES | {"his", "her", "their", "its"}
#: Function words: a role phrase never holds one, an appositive never starts with one.
_FUNCTION_WORDS = word_set(
    """
    a about above after again against all also although am among an and another any are as at be because
    been before behind being below beside besides between both but by can could did do does doing down
    during each either else even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in indeed instead into is it its itself just least less let
    like many may me meanwhile might mine more moreover most much must my myself near neither never no nor
    not now of off often on once one onto or other our ours ourselves out over own perhaps quite rather same
    shall she should since so some still such than that the their theirs them themselves then there
    therefore these they this those though through thus till to too toward towards under unless until up
    upon us very was we were what whatever when whenever where whereas whether which while who whoever whom
    whose why will with within without would yet you your yours yourself yourselves o oh ah ay yes
    """
)
#: Words after which a name is the object of a preposition, not the subject of a sentence.
_PREPOSITIONS = word_set(
    """
    about above across after against along among around at before behind below beside between beyond by
    despite down during except for from in inside into like near of off on onto over past since than through
    to toward towards under until upon with within without the a an his her their its my our your
    """
)
#: Verbs often found right before a name ("told Pierre", "saw Natasha"): never a role.
_COMMON_VERBS = word_set(
    """
    said says say told tell tells asked ask asks saw see sees seen met meet meets called call calls knew
    know knows gave give gives took take takes left leave leaves found find finds sent send sends went go
    goes came come comes made make makes thought think thinks heard hear hears felt feel feels let lets got
    get gets kept keep keeps brought bring brings kissed kiss loved love loves married marry thanked thank
    answered answer replied reply cried cry shouted shout whispered whisper looked look followed follow
    joined join introduced introduce greeted greet visited visit invited invite remember remembers
    remembered forgot forget forgets wanted want wants meant mean means spent spend became become becomes
    seemed seem seems began begin begins told watch watched watches helped help helps offer offered order
    ordered answered consider considered wonder wondered murmur murmured mutter muttered blamed blame blames
    named name names considered described describe describes
    """
)
#: Nouns of office, trade and kin that may stand before a name ("media advisor Taher al-Nono").
_ROLE_NOUNS = word_set(
    """
    advisor adviser aide ambassador analyst archbishop artist attorney author bishop boss brother candidate
    captain cardinal chair chairman chairwoman champion chancellor chief clerk coach colonel commander
    commissioner congressman congresswoman consul correspondent councillor councilman counsel cousin critic
    daughter delegate deputy diplomat director doctor editor emissary envoy executive expert father founder
    general governor head historian imam journalist judge lawmaker lawyer leader lieutenant major manager
    marshal mayor member militant minister monarch mother negotiator nephew niece novelist officer official
    owner partner physician pilot player poet politician pope premier president priest professor prosecutor
    rabbi representative researcher ruler scholar scientist secretary senator sergeant sister son speaker
    spokesman spokesperson spokeswoman strategist surgeon teacher uncle aunt veteran warlord widow wife
    husband writer maid friend guest servant companion heir heiress orderly valet steward nurse governess
    tutor footman coachman butler housekeeper landlord landlady neighbour neighbor fiancé fiancée bride
    bridegroom mistress lover undergraduate student cadet hussar soldier peasant merchant banker gambler
    duelist prisoner captive hostess host child boy girl lad lass youth baby infant
    """
)
#: Endings of English nouns for people: a word before a name ending so may be a role ("negotiator").
_ROLE_ENDINGS = ("ist", "ian", "man", "woman", "person", "men", "women")
#: Words with those endings that name no person.
_NOT_ROLES = word_set("resist insist persist assist consist exist amongst against median guardian")
#: Titles of address and the adjectives of names: never a description alone or at the head of one.
_ADDRESS_TITLES = TITLES - word_set(
    """
    doctor professor reverend father mother brother sister president minister chancellor secretary senator
    governor mayor ambassador premier general colonel major captain lieutenant sergeant corporal admiral
    commander marshal uncle aunt cousin grandfather grandmother
    """
)
#: First words after the article that make a copula no description ("was the first to arrive").
_EMPTY_HEADS = word_set(
    """
    first last next same one other only kind sort matter case way reason time moment end rest thing subject
    object point question fact result part lot number little few bit good great latter former
    """
)
#: Words a vocative ends with ("my dear"): what a speaker calls someone, not what they are.
_ENDEARMENTS = word_set("dear darling love sweetheart dearest")
#: Auxiliary verbs: a phrase holding one is a clause.
_AUXILIARIES = word_set("had has have was were is are will would could should did does do")
#: Words of degree: with one word after them they make an adjective, not a noun phrase.
_DEGREE_WORDS = word_set("most more very least so too quite rather")
#: Words that make a phrase plural: it describes a group the name is one of.
_MANY = word_set("two three four five six seven eight nine ten both all many several some")
#: Words that open a clause: an appositive or a copula phrase ends before them.
_CLAUSE_WORDS = word_set("who whom whose which that where when while as because though although if and but since with")
#: Verbs of being made something, kept in the description ("who was elected prime minister").
_APPOINTED = word_set("elected appointed named made chosen promoted crowned born")
#: What a pronoun's phrase is when it is no description: "his eyes fixed on the hussars".
_BODY_WORDS = word_set(
    """
    eyes eye face head hands hand look voice lips arms arm heart mouth brow cheeks cheek hair legs leg feet
    foot back shoulders shoulder fingers finger expression smile tone glance gaze chin nose forehead
    """
)
#: Nouns ending in -ing (the rest of such words read as verbs).
_ING_NOUNS = word_set(
    """
    evening morning thing nothing something anything everything building wedding meeting beginning being
    ceiling lodging pudding stocking farthing offspring sibling earring herring
    """
)
#: Words after which a word in -ed is an adjective ("a retired colonel"), not a verb ("eyes fixed").
_MODIFIER_OPENERS = frozenset(
    {*_ARTICLES, *_POSSESSIVE_PRONOUNS, "and", "or", "very", "most", "more", "well", "so", "much", "newly", "long"}
)
_ABBREVIATIONS = word_set(
    """
    mr mrs ms dr st mme mlle messrs jr sr prof gen col capt lt sgt rev hon no vs etc ste mt ft
    """
)

#: Nouns a description of a place ends its head with: "Barton Park, the place of his own residence".
_PLACE_NOUNS = (
    PLACE_HEADS
    | GPE_BEFORE_OF
    | word_set(
        """place home seat residence estate property land port harbour harbor suburb quarter region parish
        neighbourhood neighborhood spot site birthplace capital metropolis hamlet settlement fortress stronghold"""
    )
)
#: Nouns a description of an organisation ends its head with: "the Circumlocution Office, a department of state".
_ORGANISATION_NOUNS = word_set(
    """company firm bank house society club party government council ministry office department institution
    association order regiment army navy fleet church school college university court board committee
    newspaper paper journal business establishment concern corporation league union brotherhood guild militia
    battalion brigade movement group organisation organization agency force forces unit corps faction network
    channel outlet service bureau authority body federation alliance coalition foundation trust charity mission
    embassy legation"""
)
#: Nouns of a stretch of time: "Edward remained a week at the cottage" says nothing of who he is.
_TIME_NOUNS = word_set(
    "moment minute hour day night week fortnight month year while time instant season morning evening afternoon"
)
#: A heading word: a sentence with two of them is a table of contents, not what the book says of a name.
_CONTENTS_WORD = re.compile(r"\b(?:CHAPTER|Chapter)\b")
#: Labels whose descriptions the rules may give, with the nouns their heads must be (people: any).
_HEAD_NOUNS: dict[str, frozenset[str] | None] = {
    "PERSON": None,
    "GPE": _PLACE_NOUNS,
    "LOC": _PLACE_NOUNS,
    "FAC": _PLACE_NOUNS,
    "ORG": _ORGANISATION_NOUNS,
}
_WORD = re.compile(r"[^\W\d_][\w’'‘-]*|\d[\w’'-]*")
_SPACE = re.compile(r"\s+")
#: Punctuation that ends a phrase; a full stop only at the end of a sentence (see :func:`_clause_end`).
_CLAUSE_END = re.compile(r"[,;:!?()\[\]“”\"—–…]|--|\.(?=[\s”’\"')\]]|$)|\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)|\n[ \t]*\n")
#: Capitalised words right after a mention that the model left out of the name ("Anna Pávlovna Schérer").
_NAME_TAIL = re.compile(r"(?:[ \t]*\n?[ \t]*(?<=\s)[A-Z][\w’'-]*){0,2}")
_COPULA = re.compile(r"[ \t\n]+(?:was|is|had[ \t\n]+been|has[ \t\n]+been|became|becomes|remained)[ \t\n]+")
_RELATIVE_COPULA = re.compile(
    r"[ \t]?,[ \t\n]+who[ \t\n]+(?:was|is|had[ \t\n]+been|has[ \t\n]+been|became|becomes)[ \t\n]+"
)
_LIST_GOES_ON = re.compile(r"[ \t]?,[ \t\n]+(?i:and|or)\b")
#: The start of the sentence after a name's: "He was", "She had been" (spaces and closing quotes before it).
_PRONOUN_COPULA = re.compile(
    r"(?:[ \t”’\"')]|\n(?![ \t]*\n))*(?P<pronoun>He|She)[ \t\n]+(?:was|is|had[ \t\n]+been|became)[ \t\n]+"
)  # in the same paragraph: "“A boy,” said Estella.\n\nHe was a burly man" is somebody else
_APPOSITION_COMMA = re.compile(r"[ \t]?,[ \t\n]+")
#: What may stand between an appositive before a name and the name: ", the beautiful Hélène".
_BEFORE_NAME = re.compile(r"[ \t]?,[ \t\n]+(?:(?:the|a|an)[ \t\n]+)?(?:[a-z][\w-]*[ \t\n]+){0,2}$")


@dataclass(frozen=True, slots=True)
class Description:
    """What the text says an entity is: ``text``, found by rule ``kind`` at offset ``start``.

    ``kind`` is ``"appositive"``, ``"copula"``, ``"role"`` or ``"sentence"``
    (the sentence of a mention, when no rule fits).
    """

    text: str
    kind: str
    start: int


class Describer:
    """Describes the entities of one text; ``mentions`` are all the text's mentions (any entity)."""

    def __init__(self, text: str, mentions: Iterable[Mention]) -> None:
        self.text = text
        mentions = list(mentions)
        self._person_starts = sorted(m.start for m in mentions if m.label == "PERSON")
        self._person_ends = frozenset(m.end for m in mentions if m.label == "PERSON")
        timed = sorted((m.start, m.end) for m in mentions if m.label in _TIME_LABELS)
        self._time_starts = [start for start, _ in timed]
        self._time_ends = [end for _, end in timed]

    def describe(self, entity: Entity) -> Description | None:
        """The first rule that fits one of the entity's first mentions, else a sentence, else ``None``.

        The narrative is read first; quoted speech after, for an appositive
        with an article only ("Count Kutúzov, the oldest general in Russia"):
        what else characters call someone is mostly address ("my dear
        friend") or opinion. A one-word description ("son")
        gives way to a longer one found later ("Prince Vasíli's son"), if any.
        """
        heads = _HEAD_NOUNS.get(entity.label, frozenset())
        single_word: Description | None = None
        tried = [mention for mention in entity.mentions[:MENTIONS_TRIED] if mention.end <= len(self.text)]
        speech = {mention for mention in tried if self._in_speech(mention.start)}
        for in_speech in (False, True):
            for mention in tried:
                if (mention in speech) != in_speech:
                    continue
                if in_speech:
                    found = self._appositive_after(mention, articles_only=True)
                else:
                    found = (
                        self._appositive_after(mention)
                        or self._appositive_before(mention)
                        or self._copula(mention)
                        or (self._role(mention) if entity.label == "PERSON" else None)
                        or (self._next_sentence(mention) if entity.label == "PERSON" else None)
                    )
                if found is not None and heads is not None and _head_noun(found.text) not in heads:
                    found = None  # "Paris, the simple fact, ...": no place is a fact
                if found is not None and " " in found.text:
                    return found
                single_word = single_word or found
        return single_word or self._sentence(tried)

    # -- the rules ----------------------------------------------------------------------

    def _appositive_after(self, mention: Mention, articles_only: bool = False) -> Description | None:
        """ "NAME, the Russian Foreign Minister," / "NAME, an officer of the Semënov regiment, ..."

        ``articles_only`` takes only a phrase opening with "the", "a" or "an".
        """
        comma = _APPOSITION_COMMA.match(self.text, self._after_name(mention))
        if comma is None or self._addressed(mention):
            return None
        end = self._clause_end(comma.end())
        words = _words(self.text, comma.end(), end)
        clause = _cut_at_clause(words)
        if not clause or (len(clause) == len(words) and _starts_a_list(self.text, end)):
            return None  # "Natasha, the countess, and Sónya": one item of a list
        first = clause[0][2]
        if articles_only and first.lower() not in _ARTICLES:
            return None
        if not (_is_determiner(first) or _is_possessive_name(clause) or (first[0].islower() and _is_role_word(first))):
            return None
        return self._phrase(clause, "appositive")

    def _appositive_before(self, mention: Mention) -> Description | None:
        """ "The Russian Foreign Minister, NAME, said" / "Prince Vasíli's daughter, the beautiful NAME," """
        after = self._after_name(mention)
        following = self.text[after : after + 2].lstrip(" ")[:1]  # "Roderick Usher , had": spaced punctuation too
        if following not in (",", ".", ";", ":", "!", "?") or _starts_a_list(self.text, after):
            return None
        low = max(0, mention.start - WINDOW)
        comma = _BEFORE_NAME.search(self.text, low, mention.start)
        if comma is None:
            return None
        between = [word[2].lower() for word in _words(self.text, comma.start(), mention.start)]
        if any(word in _FUNCTION_WORDS and word not in _ARTICLES for word in between):
            return None  # "..., the firmness of Alexander", "The Vengeance, and Jacques Three": not an appositive
        clause_start = self._clause_start(comma.start())
        words = _words(self.text, clause_start, comma.start())
        if words and words[0][2].lower() in ("and", "or"):
            words = words[1:]  # "Musa, Maher, and the movement’s deputy head, Saleh Aruri": the last of a list
        elif self._after_a_persons_name(clause_start):
            return None  # "Lucie Manette, his daughter, Mr. Lorry": the phrase is the name's before it
        if not words or not (_is_determiner(words[0][2]) or _is_possessive_name(words)):
            return None
        if any(word[2].lower() in _CLAUSE_WORDS for word in words):
            return None
        if words[-1][1] in self._person_ends:
            return None  # "and the Duke di Gravina Orsini, Vitellozzo Vitelli": a person, not what one is
        return self._phrase(words, "appositive")

    def _copula(self, mention: Mention) -> Description | None:
        """ "NAME was a retired colonel" / "NAME, who was elected prime minister in 2006" """
        position = self._after_name(mention)
        link = _RELATIVE_COPULA.match(self.text, position)
        if link is None:
            link = _COPULA.match(self.text, position)
            if link is None or self._after_preposition(mention.start):
                return None  # "this silence about Dokhtúrov is ...": the name is not what the sentence is about
        words = _cut_at_clause(_words(self.text, link.end(), self._clause_end(link.end())))
        if len(words) < 2:
            return None
        first = words[0][2].lower()
        if first in _APPOINTED:
            return self._phrase(words, "copula", verb_first=True)
        if not _is_determiner(first):
            return None
        return self._phrase(words, "copula")

    def _next_sentence(self, mention: Mention) -> Description | None:
        """ "... Prince Andrew Bolkónski. He was a very handsome young man": the only person named, then he or she."""
        start, end = self._sentence_bounds(mention)
        first = bisect.bisect_left(self._person_starts, start)
        if bisect.bisect_left(self._person_starts, end) - first != 1:
            return None  # nobody, or more than one person, for "he" or "she" to be
        link = _PRONOUN_COPULA.match(self.text, end)
        if link is None or _gender_differs(mention.text, link.group("pronoun")):
            return None
        words = _cut_at_clause(_words(self.text, link.end(), self._clause_end(link.end())))
        if len(words) < 2 or not _is_determiner(words[0][2]):
            return None
        return self._phrase(words, "copula")

    def _role(self, mention: Mention) -> Description | None:
        """ "Hamas media advisor NAME" -> "Hamas media advisor"; "Russia's Foreign Ministry spokeswoman NAME" """
        words = _words(self.text, max(0, mention.start - 120), mention.start)
        phrase: list[tuple[int, int, str]] = []
        for word in reversed(words):
            gap = self.text[word[1] : phrase[0][0] if phrase else mention.start]
            bare = word[2].lower()
            adverb = bare.endswith("ly") and bare != "only"
            if gap.strip() or "\n\n" in gap or bare in _FUNCTION_WORDS or bare in _COMMON_VERBS or adverb:
                break
            if phrase and _possessive(word[2]):
                break  # "Russia's Foreign Ministry spokeswoman": the owner goes, like an article
            phrase.insert(0, word)
            if len(phrase) >= 6:
                break
        if not phrase:
            return None
        head = phrase[-1][2].lower()
        if head in _ADDRESS_TITLES or (
            head not in _ROLE_NOUNS and not (phrase[-1][2][0].islower() and _is_role_word(head))
        ):
            return None
        if (len(phrase) == 1 and phrase[0][2][0].isupper()) or (
            head in TITLES and not any(word[2].lower() not in TITLES for word in phrase[:-1])
        ):
            return None  # a title alone is part of the name: "Judge Miller", "General Kutúzov", "Uncle Pumblechook"
        return self._phrase(phrase, "role")

    def _sentence(self, mentions: Sequence[Mention]) -> Description | None:
        """The sentence of the first mention that says more than the name, shortened around it.

        A mention in the narrative is preferred to one in quoted speech.
        """
        narrative = [mention for mention in mentions if not self._in_speech(mention.start)]
        for mention in [*narrative, *(mention for mention in mentions if mention not in narrative)]:
            start, end = self._sentence_bounds(mention)
            words = _words(self.text, start, end)
            around = [word for word in words if word[1] <= mention.start or word[0] >= mention.end]
            if len(around) < 3 or len(_CONTENTS_WORD.findall(self.text, start, end)) >= 2:
                continue
            if len(words) > MAX_SENTENCE_WORDS:
                middle = next((i for i, word in enumerate(words) if word[1] > mention.start), 0)
                first = max(0, min(middle - MAX_SENTENCE_WORDS // 3, len(words) - MAX_SENTENCE_WORDS))
                kept = words[first : first + MAX_SENTENCE_WORDS]
                text = _collapse(self.text[kept[0][0] : kept[-1][1]])
                text = ("…" if first else "") + text + ("…" if first + MAX_SENTENCE_WORDS < len(words) else "")
                return Description(text, "sentence", kept[0][0])
            return Description(_collapse(self.text[start:end]), "sentence", start)
        return None

    # -- helpers ------------------------------------------------------------------------

    def _phrase(self, words: list[tuple[int, int, str]], kind: str, verb_first: bool = False) -> Description | None:
        """``words`` as a description, without their article; ``None`` if they read as no noun phrase.

        Refused: a date ("The next day, Pierre"), a phrase cut after a function
        word, one with a verb in it ("his eyes fixed on the hussars"), a
        pronoun's body part ("his face pale"), a group ("the two daughters"),
        an endearment ("my dear"). ``verb_first`` lets the first word be a verb
        of appointment ("elected prime minister").
        """
        bare = [word[2].lower() for word in words]
        if not bare or len(bare) > MAX_PHRASE_WORDS + 1 or bare[-1] in _FUNCTION_WORDS:
            return None
        if any(_is_verb(bare[i], bare[i - 1] if i else "") for i in range(1 if verb_first else 0, len(bare))):
            return None
        if any(word in _AUXILIARIES or word in _ENDEARMENTS for word in bare):
            return None  # a clause, "the mist had spread", or what a speaker calls someone, "my dear"
        if bare[0] in _POSSESSIVE_PRONOUNS and len(bare) > 1 and bare[1] in _BODY_WORDS:
            return None
        if bare[0] in _DROPPED_OPENERS:
            words, bare = words[1:], bare[1:]  # "the Russian Foreign Minister": the article says nothing here
        if not words or len(words) > MAX_PHRASE_WORDS or bare[0] in _EMPTY_HEADS or bare[0] in _MANY:
            return None  # "the first to arrive", "the two daughters of Agnes": not what one person is
        if len(bare) == 1 and not (_is_role_word(bare[0]) or words[0][2][0].isupper()):
            return None  # one word that names no person: "pretty", "rosy"
        if len(bare) == 2 and bare[0] in _DEGREE_WORDS:
            return None  # an adjective alone: "the most distinct"
        if verb_first and len(bare) > 1 and bare[1].endswith("ly"):
            return None  # "was made completely happy": no office
        if _possessive(words[-1][2]) or _head_noun(" ".join(bare)) in _TIME_NOUNS:
            return None  # "Mr. Pocket, Junior’s, idea", "remained a week at the cottage"
        if self._overlaps_time(words[0][0], words[min(1, len(words) - 1)][1]):
            return None
        return Description(_collapse(self.text[words[0][0] : words[-1][1]]), kind, words[0][0])

    def _after_name(self, mention: Mention) -> int:
        """Where the name ends, counting capitalised words the model left out ("Anna Pávlovna Schérer")."""
        tail = _NAME_TAIL.match(self.text, mention.end)
        return tail.end() if tail is not None else mention.end

    def _clause_end(self, start: int) -> int:
        """Where the phrase starting at ``start`` ends: punctuation (not an abbreviation's stop) or a blank line."""
        limit = min(len(self.text), start + WINDOW)
        position = start
        while True:
            match = _CLAUSE_END.search(self.text, position, limit)
            if match is None:
                return limit
            if match.group() == "." and _is_abbreviation(self.text, match.start()):
                position = match.end()
                continue
            return match.start()

    def _after_a_persons_name(self, position: int) -> bool:
        """True if a person's name and a comma come right before ``position``."""
        low = max(0, position - 4)
        before = self.text[low:position].rstrip()
        if not before.endswith(","):
            return False
        return low + len(before[:-1].rstrip()) in self._person_ends  # "Lucie Manette ," spaced punctuation too

    def _clause_start(self, end: int) -> int:
        """Where the clause ending at ``end`` starts: after the last punctuation mark or sentence end before it."""
        low = max(0, end - WINDOW)
        start = low
        for match in _CLAUSE_END.finditer(self.text, low, end):
            if not (match.group() == "." and _is_abbreviation(self.text, match.start())):
                start = match.end()
        return start

    def _sentence_bounds(self, mention: Mention) -> tuple[int, int]:
        """The sentence around ``mention``: from the end of the one before to its own end (at most a window)."""
        low = max(0, mention.start - WINDOW)
        start = low
        for match in _SENTENCE_END.finditer(self.text, low, mention.start):
            if not (match.group().startswith(".") and _is_abbreviation(self.text, match.start())):
                start = match.end()
        while start < mention.start and self.text[start].isspace():
            start += 1
        high = min(len(self.text), mention.end + WINDOW)
        end = high
        for match in _SENTENCE_END.finditer(self.text, mention.end, high):
            if not (match.group().startswith(".") and _is_abbreviation(self.text, match.start())):
                end = match.end()
                break
        return start, end

    def _addressed(self, mention: Mention) -> bool:
        """True if an endearment comes right before ``mention``: "my dear Elinor, the delight of a gallop" is
        what a letter's writer offers her."""
        return self._word_before(mention.start) in _ENDEARMENTS

    def _after_preposition(self, offset: int) -> bool:
        """True if the word before ``offset`` is a preposition or an article ("about Dokhtúrov")."""
        return self._word_before(offset) in _PREPOSITIONS

    def _word_before(self, offset: int) -> str:
        """The word right before ``offset`` (only spaces between), lowercase; "" if punctuation comes first."""
        words = _words(self.text, max(0, offset - 20), offset)
        return words[-1][2].lower() if words and not self.text[words[-1][1] : offset].strip() else ""

    def _in_speech(self, offset: int) -> bool:
        """True if ``offset`` is inside quotation marks opened in its paragraph."""
        paragraph = self.text.rfind("\n\n", max(0, offset - 4 * WINDOW), offset)
        before = self.text[paragraph + 1 if paragraph != -1 else max(0, offset - 4 * WINDOW) : offset]
        curly = before.count("“") - before.count("”")
        if curly:
            return curly > 0
        return before.count('"') % 2 == 1

    def _overlaps_time(self, start: int, end: int) -> bool:
        """True if a date, time or number mention overlaps ``[start, end)``."""
        index = bisect.bisect_left(self._time_starts, end) - 1
        return index >= 0 and self._time_ends[index] > start


def describe_entities(entities: Sequence[Entity], text: str) -> dict[str, Description | None]:
    """Every entity's description (by id), the other entities' mentions helping."""
    describer = Describer(text, (mention for entity in entities for mention in entity.mentions))
    return {entity.id: describer.describe(entity) for entity in entities}


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for each word of ``text[start:end]``."""
    return [(match.start(), match.end(), match.group()) for match in _WORD.finditer(text, start, end)]


def _collapse(text: str) -> str:
    """Runs of whitespace (line breaks of a hard-wrapped book) as single spaces."""
    return _SPACE.sub(" ", text).strip()


def _possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'"))


def _is_determiner(word: str) -> bool:
    """An article or a possessive pronoun: what an appositive or a copula's noun phrase opens with."""
    bare = word.lower()
    return bare in _ARTICLES or bare in _POSSESSIVE_PRONOUNS


def _is_possessive_name(words: Sequence[tuple[int, int, str]]) -> bool:
    """A capitalised owner within the first words: "Prince Vasíli's daughter", not "What's the matter"."""
    if not words[0][2][0].isupper():
        return False
    return any(
        _possessive(word[2]) and word[2][0].isupper() and word[2][:-2].lower() not in _FUNCTION_WORDS
        for word in words[:4]
    )  # not "After a few moments’ chat"


def _gender_differs(name: str, pronoun: str) -> bool:
    """True if ``name``'s title or given name is a woman's and ``pronoun`` is "He", or the other way round."""
    person = person_name(name)
    gender = person.gender or (given_name_gender(spelling_key(person.words[0])) if person.words else "")
    return bool(gender) and gender != ("male" if pronoun == "He" else "female")


def _head_noun(phrase: str) -> str:
    """The head noun of a description, lowercase: "place" of "place of his own residence", "estate" of
    "Prince Nicholas’s estate"."""
    words = [word.lower() for word in _WORD.findall(phrase)]
    for index, word in enumerate(words[1:], 1):
        if word in _PREPOSITIONS or word in _CLAUSE_WORDS:
            words = words[:index]
            break
    last = words[-1] if words else ""
    if _possessive(last):
        last = last[:-2]
    return last.rsplit("-", 1)[-1]


def _is_role_word(word: str) -> bool:
    """A noun for a person by office, trade or kin: "maid", "spokeswoman", "strategist"."""
    bare = word.lower()
    if bare in _ROLE_NOUNS:
        return True
    if bare in _FUNCTION_WORDS or bare in _COMMON_VERBS or bare in _NOT_ROLES:
        return False
    return bare.endswith(_ROLE_ENDINGS) and len(bare) >= 7


def _cut_at_clause(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``words`` up to the first that opens a clause ("an officer in the regiment | with whom ...")."""
    for index, word in enumerate(words[1:], 1):
        if word[2].lower() in _CLAUSE_WORDS:
            return words[:index]
    return words


def _is_verb(word: str, previous: str) -> bool:
    """True if ``word`` (lowercase), after ``previous``, reads as a verb: "fixed" after "eyes", "avoiding"."""
    if word in _COMMON_VERBS:
        return True
    if word.endswith("ing") and len(word) > 5 and not word.endswith("ling") and word not in _ING_NOUNS:
        return True
    if word.endswith("ed") and len(word) > 4:
        return not (previous in _MODIFIER_OPENERS or previous.endswith("ly"))
    return False


def _starts_a_list(text: str, position: int) -> bool:
    """True if ``text`` at ``position`` goes on with ", and" / ", or": the phrase is one item of a list."""
    return _LIST_GOES_ON.match(text, position) is not None


def _is_abbreviation(text: str, dot: int) -> bool:
    """True if the full stop at ``dot`` ends an abbreviation ("St.", "Mr.") or an initial ("N.")."""
    start = dot
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:dot]
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS

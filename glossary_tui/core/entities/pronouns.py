"""What the pronouns after a person's mentions say of their sex, when nothing else does.

"Doctor Manette ... he" : a title like "Doctor" or "Citizen" says nothing, and
neither does a given name the census does not know ("Alexandre"). The text
does: the first "he", "his", "she", "her"... after a mention in its clause,
before any other capitalised word (the pronoun after "said Defarge in his ear"
is Defarge's) or the clause's end. One cue is weak (a woman's sentences name
men too), so a sex is told only by several cues, most of them one way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from glossary_tui.core.entities.names import word_set

#: Pronouns of a man, and of a woman.
MALE_PRONOUNS = word_set("he him his himself")
FEMALE_PRONOUNS = word_set("she her hers herself")
#: How many cues must be read, and how much more often one sex than the other, to tell a sex.
LEAST_CUES = 4
CUE_ODDS = 4
#: How far after a mention a pronoun is looked for (characters).
CUE_REACH = 120

#: The end of a clause, a pronoun, or a capitalised word (another name, the next sentence; not "I").
_CUE = re.compile(rf"[.!?;:]|\b(?:((?i:{'|'.join(sorted(MALE_PRONOUNS | FEMALE_PRONOUNS))}))\b|(?!I\b)[A-Z])")


@lru_cache(maxsize=1 << 16)
def pronoun_after(text: str, end: int) -> str:
    """ "male", "female" or "": the first pronoun after ``text[:end]`` in its clause, before any other name."""
    match = _CUE.search(text, end, end + CUE_REACH)
    if match is None or match.group(1) is None:
        return ""
    return "male" if match.group(1).casefold() in MALE_PRONOUNS else "female"


def pronoun_gender(text: str, ends: Iterable[int]) -> str:
    """ "male" or "female" if the pronouns after mentions ending at ``ends`` say so clearly, else "".

    At least :data:`LEAST_CUES` cues, :data:`CUE_ODDS` times as many of one sex as of the other.
    """
    male = female = 0
    for end in ends:
        cue = pronoun_after(text, end)
        male += cue == "male"
        female += cue == "female"
    if male >= LEAST_CUES and male >= CUE_ODDS * female:
        return "male"
    if female >= LEAST_CUES and female >= CUE_ODDS * male:
        return "female"
    return ""

"""Book punctuation for spaCy's tokenizer: dashes and quotes glued to words are their own tokens.

Nineteenth-century books (and their Gutenberg transcriptions) write a dash as
two hyphens, glued to the words and punctuation around it: ``Joe
resumed:--“Well``, ``said Mr. Wemmick,--“except``, ``Biddy,--when``. spaCy's
English tokenizer splits a dash only between two letters, so these become one
token ("resumed:--“Well") that the model takes for part of a name ("Joe
resumed:--"). The rules here split them, and a bracket glued to a word
("Merkel[/bold"), without changing any offset: a tokenizer only decides where
tokens start and end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: A dash (two hyphens or more, or en/em dashes), with the punctuation written just before it.
DASH = r"[,;:.!?]?(?:-{2,}|[—–]+)"
#: An opening quote right after a dash ("--“Well").
QUOTE_AFTER_DASH = r"(?<=[-—–])[\"“‘'«]"
#: A square bracket inside a token ("bold]Angela", "Merkel[/bold").
BRACKET = r"[\[\]]"


def add_book_punctuation(nlp: Language) -> None:
    """Teach ``nlp``'s tokenizer the dash, quote and bracket rules above (in place).

    A pipeline with a tokenizer of its own kind (not spaCy's rule-based one) is left as it is.
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    defaults = nlp.Defaults
    tokenizer.prefix_search = compile_prefix_regex([DASH, *(defaults.prefixes or ())]).search
    tokenizer.suffix_search = compile_suffix_regex([DASH, *(defaults.suffixes or ())]).search
    infixes = [DASH, QUOTE_AFTER_DASH, BRACKET, *(defaults.infixes or ())]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer

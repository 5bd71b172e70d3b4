"""Properties over any input: normalised text is safe for a terminal and every mention offset stays valid."""

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_tui.core.documents.document import Document
from glossary_tui.core.documents.normalise import normalise_text
from glossary_tui.core.documents.readers import read_content
from glossary_tui.core.documents.readers.markdown import prose_only
from glossary_tui.core.errors import DocumentError
from glossary_tui.core.extraction.chunking import chunk_spans
from glossary_tui.core.extraction.mentions import ExtractedChunk, Mention
from glossary_tui.core.extraction.spacy_extractor import extract_mentions

CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
#: Text with what hostile input holds: controls, escapes, bidi, joiners, CRs, BOMs, CJK, emoji, surrogates.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from("Anna Moscow Pierre \n\t\r\x00\x1b[31m\x9b\x85\u202e\u2066\u200b\u200d\ufeff\u2028東京👩[/]"),
        st.characters(codec=None),
    ),
    max_size=300,
)
FEW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class CapitalisedWords:
    """A fake extractor: every capitalised word is a PERSON, found piece by piece like the real engine."""

    def extract(self, text, *, should_cancel=None, focus=None):
        for start, end in chunk_spans(text, target=50, maximum=120):
            found = tuple(
                Mention(m.start(), m.end(), m.group(), "PERSON") for m in CAPITALISED.finditer(text, start, end)
            )
            yield ExtractedChunk(start, end, found)


def is_terminal_safe(text: str) -> bool:
    for character in text:
        if character in "\n\t":
            continue
        category = unicodedata.category(character)
        if (
            category in ("Cc", "Cs")
            or character in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
        ):
            return False
    return True


@FEW
@given(HOSTILE)
def test_normalised_text_is_safe_and_stable(text):
    result = normalise_text(text)
    assert is_terminal_safe(result)
    assert "\r" not in result and not result.startswith("\ufeff")
    assert normalise_text(result) == result
    result.encode("utf-8")


@FEW
@given(HOSTILE)
def test_after_newline_folding_offsets_are_kept(text):
    folded = re.sub(r"\r\n?", "\n", text.removeprefix("\ufeff"))
    result = normalise_text(text)
    assert len(result) == len(folded)
    for match in CAPITALISED.finditer(folded):
        assert result[match.start() : match.end()] == match.group()


@FEW
@given(HOSTILE)
def test_every_mention_offset_is_valid(text):
    document = Document.from_text(text)
    mentions = extract_mentions(CapitalisedWords(), document.text)
    assert [m.text for m in mentions] == CAPITALISED.findall(document.text)
    for mention in mentions:
        assert document.text[mention.start : mention.end] == mention.text


@FEW
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.md", "a.html", "-"]))
def test_any_bytes_read_or_fail_with_a_document_error(data, name):
    try:
        reading = read_content(name, data)
    except DocumentError as error:
        assert "\n" not in str(error)
        return
    assert is_terminal_safe(reading.text)
    assert reading.title is None or is_terminal_safe(reading.title)
    for chapter in reading.chapters:
        assert 0 <= chapter.start <= len(reading.text)
        assert is_terminal_safe(chapter.title)


@FEW
@given(HOSTILE)
def test_markdown_extraction_text_only_blanks(text):
    normalised = normalise_text(text)
    blanked = prose_only(normalised)
    assert len(blanked) == len(normalised)
    assert all(a == b or a == " " for a, b in zip(blanked, normalised, strict=True))

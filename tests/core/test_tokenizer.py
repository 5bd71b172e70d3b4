"""Book punctuation: dashes, quotes and brackets glued to words become tokens of their own, offsets unchanged."""

import pytest
import spacy

from glossary_tui.core.extraction.tokenizer import add_book_punctuation


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    add_book_punctuation(blank)
    return blank


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Joe resumed:--“Well, Pip.", ["Joe", "resumed", ":--", "“", "Well", ",", "Pip", "."]),
        ("Wemmick remarked:--", ["Wemmick", "remarked", ":--"]),
        ("said Mr. Wemmick,--“except", ["said", "Mr.", "Wemmick", ",--", "“", "except"]),
        ("with Biddy,--when all", ["with", "Biddy", ",--", "when", "all"]),
        ("dear Joe!--No", ["dear", "Joe", "!--", "No"]),
        ("--Natásha-- came", ["--", "Natásha", "--", "came"]),
        ("Mr. Jaggers--” one", ["Mr.", "Jaggers", "--", "”", "one"]),
        ("said—“Pip", ["said", "—", "“", "Pip"]),
        ("bold]Angela Merkel[/bold", ["bold", "]", "Angela", "Merkel", "[", "/bold"]),
    ],
)
def test_book_punctuation_is_split_from_words(nlp, text, tokens):
    doc = nlp(text)
    assert [token.text for token in doc] == tokens
    assert all(text[token.idx : token.idx + len(token)] == token.text for token in doc)


def test_ordinary_words_and_hyphens_stay_whole(nlp):
    text = "A well-known man, Mr. Darcy, met Anna Pávlovna in St. Petersburg."
    assert [token.text for token in nlp(text)] == [
        "A", "well", "-", "known", "man", ",", "Mr.", "Darcy", ",", "met", "Anna", "Pávlovna", "in", "St.",
        "Petersburg", ".",
    ]  # fmt: skip


@pytest.mark.model
def test_the_loaded_pipeline_reads_book_punctuation():
    from glossary_tui.core.extraction.spacy_loader import load_ner_pipeline, resolve_model_name

    loaded, _ = load_ner_pipeline(resolve_model_name())
    doc = loaded("When this was over, Joe resumed:--“Well, Pip, I never.”")
    assert "resumed" in [token.text for token in doc]
    assert "Joe" in [ent.text for ent in doc.ents]
    assert not [ent.text for ent in doc.ents if "resumed" in ent.text]

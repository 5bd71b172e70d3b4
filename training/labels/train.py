"""Learn the weights of the name-label model (glossary_tui/core/entities/label_weights.json) on LitBank's dev half.

    .venv/bin/python training/labels/train.py [--litbank DIR] [--out PATH] [--folds-dir DIR]

For every excerpt: the product's own extraction (cached in ``$GLOSSARY_TUI_CACHE`` or
``bench/.cache``) and mention clean-up, then every name's cues
(``glossary_tui.core.entities.label_cues``). A name's class is the gold type of most
of its mentions (a mention is gold when it overlaps a PROP_ mention and shares its
first or last character, as ``glossary_eval.py`` scores it): PER -> PERSON,
GPE/LOC/FAC -> PLACE, ORG -> ORG; a name whose mentions are mostly not gold is NONE.
The model is a multinomial logistic regression (L2, full-batch gradient descent,
fixed iterations: deterministic), trained with every name weighted by
``1 + log(mentions)``.

Prints the 5-fold cross-validated accuracy per class (folds by excerpt: excerpt ``i``
of the sorted list is in fold ``i % 5``), writes the weights learned on all excerpts
to ``--out``, and with ``--folds-dir`` the weights of each fold learned without it
(``fold0.json`` ... ``fold4.json``), which ``bench/bench_quality.py`` uses to score
each excerpt with a model that never saw it. Settings: see ``config.json`` beside this file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
from collections import Counter
from pathlib import Path

import numpy as np

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.book_words import book_words
from glossary_tui.core.entities.grouping import clean_stage
from glossary_tui.core.entities.label_cues import CUES, name_cues, name_unit
from glossary_tui.core.entities.labelling import CLASSES, WEIGHTS
from glossary_tui.core.entities.spans import NAME_LABELS
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, extract_mentions

ROOT = Path(__file__).resolve().parents[2]
CONFIG = json.loads((Path(__file__).with_name("config.json")).read_text(encoding="utf-8"))
GOLD_CLASS = {"PER": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG", "VEH": "NONE"}


def gold_spans(ann: Path) -> list[tuple[int, int, str]]:
    """The PROP_ mentions of a brat file: (start, end, type)."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0].startswith("T"):
            kind, start, end = fields[1].split(" ")[:3]
            if kind.startswith("PROP_"):
                spans.append((int(start), int(end), kind[5:]))
    return spans


def matched(start: int, end: int, gold: list[tuple[int, int, str]]) -> str | None:
    """The gold type a predicted mention matches (overlap, and a shared first or last character)."""
    for gold_start, gold_end, kind in gold:
        if start < gold_end and gold_start < end and (end == gold_end or start == gold_start):
            return kind
    return None


def excerpt_rows(text_path: Path, extractor: CachedExtractor) -> list[tuple[list[float], int, int]]:
    """(cue vector, class index, mentions) for every name of one excerpt."""
    document = read_document(text_path)
    mentions = clean_stage(extract_mentions(extractor, document.extraction_text), document.text)
    names = [mention for mention in mentions if mention.label in NAME_LABELS]
    gold = gold_spans(text_path.with_suffix(".ann"))
    hits: dict[str, list[str | None]] = {}
    for mention in names:
        hits.setdefault(name_unit(mention.text), []).append(matched(mention.start, mention.end, gold))
    rows = []
    for unit, cues in name_cues(names, document.text, book_words(document.text)).items():
        real = [kind for kind in hits[unit] if kind]
        kind = GOLD_CLASS[Counter(real).most_common(1)[0][0]] if len(real) * 2 > len(hits[unit]) else "NONE"
        rows.append((cues.vector(), CLASSES.index(kind), cues.mentions))
    return rows


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Multinomial logistic regression by full-batch gradient descent (deterministic)."""
    w = np.zeros((x.shape[1], len(CLASSES)))
    target = np.eye(len(CLASSES))[y]
    for _ in range(CONFIG["iterations"]):
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        gradient = x.T @ ((p - target) * weight[:, None]) / weight.sum() + CONFIG["l2"] * w / len(y)
        w -= CONFIG["learning_rate"] * gradient
    return w


def save(w: np.ndarray, path: Path, excerpts: list[str]) -> None:
    record = {
        "cues": list(CUES),
        "classes": list(CLASSES),
        "weights": [[round(float(value), 4) for value in row] for row in w],
        "trained_on": excerpts,
        "config": CONFIG,
    }
    path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--litbank", type=Path, default=ROOT.parent / "shared" / "litbank-dev")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--folds-dir", type=Path, help="also write the weights of each fold here")
    args = parser.parse_args()
    cache = Path(os.environ.get("GLOSSARY_TUI_CACHE") or ROOT / "bench" / ".cache")
    extractor = CachedExtractor(SpacyExtractor(n_process=1), ExtractionCache(cache))
    texts = sorted(args.litbank.glob("*.txt"))
    folds = CONFIG["folds"]
    rows = [(index % folds, row) for index, path in enumerate(texts) for row in excerpt_rows(path, extractor)]
    x = np.array([row[0] for _, row in rows])
    y = np.array([row[1] for _, row in rows])
    weight = np.array([1 + math.log(row[2]) for _, row in rows])
    fold = np.array([f for f, _ in rows])
    predicted = np.zeros(len(y), dtype=int)
    for k in range(folds):
        w = fit(x[fold != k], y[fold != k], weight[fold != k])
        predicted[fold == k] = (x[fold == k] @ w).argmax(axis=1)
        if args.folds_dir:
            args.folds_dir.mkdir(parents=True, exist_ok=True)
            held_in = [path.name for index, path in enumerate(texts) if index % folds != k]
            save(w, args.folds_dir / f"fold{k}.json", held_in)
    print(
        f"{len(texts)} excerpts, {len(y)} names: "
        + ", ".join(f"{c} {n}" for c, n in zip(CLASSES, np.bincount(y, minlength=4), strict=True))
    )
    print(f"{folds}-fold cross-validated accuracy over names: {(predicted == y).mean():.3f}")
    for k, name in enumerate(CLASSES):
        row = Counter(CLASSES[p] for p in predicted[y == k])
        print(f"  gold {name:<6} -> " + ", ".join(f"{c} {row[c]}" for c in CLASSES))
    save(fit(x, y, weight), args.out, [path.name for path in texts])
    print(f"weights learned on all {len(texts)} excerpts: {args.out}")


if __name__ == "__main__":
    main()

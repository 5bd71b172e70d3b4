"""Learn the weights of the name-label model (glossary_tui/core/entities/label_weights.json) on LitBank's dev half.

    .venv/bin/python training/labels/train.py [--litbank DIR] [--out PATH] [--folds-dir DIR]

For every excerpt: the product's own extraction (cached in ``$GLOSSARY_TUI_CACHE`` or
``bench/.cache``) and mention clean-up, then every name's cues
(``glossary_tui.core.entities.label_cues``). A name's class is the gold type of most
of its mentions (a mention is gold when it overlaps a PROP_ mention and shares its
first or last character, as ``glossary_eval.py`` scores it): PER -> PERSON,
GPE/LOC/FAC -> PLACE, ORG -> ORG; a name whose mentions are mostly not gold is NONE.
Two multinomial logistic regressions (L2, Newton's method, a fixed number of steps:
deterministic) are learned, every name weighted by ``1 + log(mentions)``: one over all
classes (is it a name at all), one over the names only (which kind of name).

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
from glossary_tui.core.entities.labelling import CLASSES, TYPES, WEIGHTS
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


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, classes: int) -> np.ndarray:
    """Multinomial logistic regression with an L2 penalty, fitted by Newton's method (deterministic).

    Minimises the weighted mean log loss plus ``l2 / (2 n)`` times the squared weights: the
    penalty that keeps a cue seen on a handful of names from taking a weight it has not earned.
    """
    n, d = x.shape
    w = np.zeros((d, classes))
    target = np.eye(classes)[y]
    share = weight / weight.sum()
    penalty = CONFIG["l2"] / n
    for _ in range(CONFIG["newton_steps"]):
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        gradient = x.T @ ((p - target) * share[:, None]) + penalty * w
        # Hessian of the loss: sum over names of share * (diag(p) - p p^T) (x) x x^T, then the penalty.
        curvature = np.einsum("i,ik,kl->ikl", share, p, np.eye(classes)) - np.einsum("i,ik,il->ikl", share, p, p)
        hessian = np.einsum("ia,ikl,ib->akbl", x, curvature, x).reshape(d * classes, d * classes)
        hessian += penalty * np.eye(d * classes)
        step = np.linalg.solve(hessian, gradient.reshape(-1))
        w -= step.reshape(d, classes)
    return w


def learn(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The two weight matrices: name or no name (all classes), and which kind of name (names only)."""
    named = y != CLASSES.index("NONE")
    return fit(x, y, weight, len(CLASSES)), fit(x[named], y[named], weight[named], len(TYPES))


def save(weights: tuple[np.ndarray, np.ndarray], path: Path, excerpts: list[str]) -> None:
    def rounded(w: np.ndarray) -> list[list[float]]:
        return [[round(float(value), 4) for value in row] for row in w]

    record = {
        "cues": list(CUES),
        "classes": list(CLASSES),
        "weights": rounded(weights[0]),
        "types": list(TYPES),
        "type_weights": rounded(weights[1]),
        "trained_on": excerpts,
        "config": CONFIG,
    }
    path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def training_rows(texts: list[Path], extractor: CachedExtractor) -> tuple[np.ndarray, ...]:
    """Cue vectors, classes, weights and folds of every name of ``texts`` (excerpt ``i`` in fold ``i % folds``)."""
    rows = [(index % CONFIG["folds"], row) for index, path in enumerate(texts) for row in excerpt_rows(path, extractor)]
    x = np.array([row[0] for _, row in rows])
    y = np.array([row[1] for _, row in rows])
    weight = np.array([1 + math.log(row[2]) for _, row in rows])
    fold = np.array([f for f, _ in rows])
    return x, y, weight, fold


def write_folds(texts: list[Path], extractor: CachedExtractor, folds_dir: Path) -> None:
    """``fold<k>.json``: the weights learned without the excerpts of fold ``k``."""
    x, y, weight, fold = training_rows(texts, extractor)
    folds_dir.mkdir(parents=True, exist_ok=True)
    for k in range(CONFIG["folds"]):
        held_in = [path.name for index, path in enumerate(texts) if index % CONFIG["folds"] != k]
        save(learn(x[fold != k], y[fold != k], weight[fold != k]), folds_dir / f"fold{k}.json", held_in)


def predict(weights: tuple[np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    """The class of each row as the product decides it before its guards: no name, else the likeliest kind."""
    none = (x @ weights[0]).argmax(axis=1) == CLASSES.index("NONE")
    kinds = np.array([CLASSES.index(kind) for kind in TYPES])[(x @ weights[1]).argmax(axis=1)]
    return np.where(none, CLASSES.index("NONE"), kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--litbank", type=Path, default=ROOT.parent / "shared" / "litbank-dev")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--folds-dir", type=Path, help="also write the weights of each fold here")
    args = parser.parse_args()
    cache = Path(os.environ.get("GLOSSARY_TUI_CACHE") or ROOT / "bench" / ".cache")
    extractor = CachedExtractor(SpacyExtractor(n_process=1), ExtractionCache(cache))
    texts = sorted(args.litbank.glob("*.txt"))
    x, y, weight, fold = training_rows(texts, extractor)
    predicted = np.zeros(len(y), dtype=int)
    for k in range(CONFIG["folds"]):
        predicted[fold == k] = predict(learn(x[fold != k], y[fold != k], weight[fold != k]), x[fold == k])
    if args.folds_dir:
        write_folds(texts, extractor, args.folds_dir)
    print(
        f"{len(texts)} excerpts, {len(y)} names: "
        + ", ".join(f"{c} {n}" for c, n in zip(CLASSES, np.bincount(y, minlength=4), strict=True))
    )
    print(f"{CONFIG['folds']}-fold cross-validated accuracy over names: {(predicted == y).mean():.3f}")
    named = y != CLASSES.index("NONE")
    kept = named & (predicted != CLASSES.index("NONE"))
    print(f"  of the names kept, of the right kind: {(predicted[kept] == y[kept]).mean():.3f} ({kept.sum()} names)")
    for k, name in enumerate(CLASSES):
        row = Counter(CLASSES[p] for p in predicted[y == k])
        print(f"  gold {name:<6} -> " + ", ".join(f"{c} {row[c]}" for c in CLASSES))
    save(learn(x, y, weight), args.out, [path.name for path in texts])
    print(f"weights learned on all {len(texts)} excerpts: {args.out}")


if __name__ == "__main__":
    main()

"""Where labels go wrong on LitBank's dev excerpts, held out: every real entry with the wrong label.

    .venv/bin/python bench/label_errors.py [--litbank DIR] [--cache DIR] [--only NAME] [--all]

Learns the label weights of each fold without its excerpts (as ``bench/bench_quality.py`` does,
with ``training/labels/train.py``), groups each excerpt with its own fold's weights through the
product's ``build_entities``, and scores the entries as ``glossary_eval.py`` does: an entry is real
when most of its mentions match a gold ``PROP_`` mention, and its label is right when it is the
gold type of most of those. Prints, per excerpt, the real entries with the wrong label (our label,
gold type, name, mentions, spaCy's votes over its mentions), then the errors by kind:

* ``place subtype``: a place, but GPE/LOC/FAC wrong;
* ``A -> B``: our class against the gold class (PERSON, PLACE, ORG).

``--all`` also lists the right ones (to see what a rule would break). Extraction goes through its
own cache (``--cache``, default ``/tmp/label-errors-cache``), never the user's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.book_words import book_words
from glossary_tui.core.entities.grouping import build_entities, clean_stage
from glossary_tui.core.entities.label_cues import name_cues, name_unit
from glossary_tui.core.entities.labelling import CLASSES, WEIGHTS_ENVIRONMENT_VARIABLE, label_model
from glossary_tui.core.entities.labelling import TYPES as KINDS
from glossary_tui.core.entities.spans import NAME_LABELS
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, extract_mentions

ROOT = Path(__file__).resolve().parents[1]
TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}
CLASS = {"PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "VEH": "VEH"}


def _trainer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_labels", ROOT / "training" / "labels" / "train.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_of(ann: Path) -> list[tuple[int, int, str]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0].startswith("T") and fields[1].startswith("PROP_"):
            kind, start, end = fields[1].split(" ")
            spans.append((int(start), int(end), kind[5:]))
    return spans


def match(start: int, end: int, gold: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    return next((g for g in gold if start < g[1] and g[0] < end and (end == g[1] or start == g[0])), None)


def why(mentions, cues) -> list[str]:  # type: ignore[no-untyped-def]
    """The cues, facts and class probabilities of each name among ``mentions``."""
    model = label_model()
    lines = []
    for unit in sorted({name_unit(mention.text) for mention in mentions}):
        name = cues.get(unit)
        if name is None:
            continue
        vector = name.vector()
        shown = " ".join(f"{c}={p:.2f}" for c, p in zip(CLASSES, model.probabilities(vector), strict=True))
        shown += " | " + " ".join(f"{c}={p:.2f}" for c, p in zip(KINDS, model.type_probabilities(vector), strict=True))
        seen = " ".join(f"{cue}:{count}" for cue, count in name.seen.most_common())
        facts = " ".join(f"{fact}={value:g}" for fact, value in name.facts.items() if value)
        lines.append(f"        {unit!r}: {shown} -> {model.label(name)}; seen {seen}; {facts}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--litbank", type=Path, default=ROOT.parent / "shared" / "litbank-dev")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/label-errors-cache"))
    parser.add_argument("--only", help="excerpts whose file name contains this")
    parser.add_argument("--all", action="store_true", help="list right labels too")
    parser.add_argument("--why", action="store_true", help="print the cues and probabilities of each name listed")
    parser.add_argument("--shipped", action="store_true", help="the shipped weights (learned on these excerpts)")
    args = parser.parse_args()
    extractor = CachedExtractor(SpacyExtractor(n_process=1), ExtractionCache(args.cache))
    texts = sorted(args.litbank.glob("*.txt"))
    kinds: Counter[str] = Counter()
    typed = right = 0
    tally: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="label-errors-") as scratch:
        if not args.shipped:
            _trainer().write_folds(texts, extractor, Path(scratch))
        folds = json.loads((ROOT / "training" / "labels" / "config.json").read_text())["folds"]
        for index, path in enumerate(texts):
            if args.only and args.only not in path.name:
                continue
            if not args.shipped:
                os.environ[WEIGHTS_ENVIRONMENT_VARIABLE] = str(Path(scratch) / f"fold{index % folds}.json")
            document = read_document(path)
            raw = extract_mentions(extractor, document.extraction_text)
            cleaned = clean_stage(raw, document.text)
            votes = {(m.start, m.end): m.label for m in cleaned}
            cues = name_cues([m for m in cleaned if m.label in NAME_LABELS], document.text, book_words(document.text))
            gold = gold_of(path.with_suffix(".ann"))
            lines = []
            found: set[tuple[int, int, str]] = set()
            for entity in build_entities(raw, document.text):
                if entity.label not in TYPES:
                    continue
                hits = [match(m.start, m.end, gold) for m in entity.mentions]
                real = [hit for hit in hits if hit is not None]
                found.update(real)
                tally.update(entries=1, predicted=len(hits), predicted_ok=len(real))
                if len(real) * 2 <= len(hits):
                    continue
                tally["entries_real"] += 1
                gold_type = Counter(hit[2] for hit in real).most_common(1)[0][0]
                ok = TYPES[entity.label] == gold_type
                typed += 1
                right += ok
                if not ok:
                    ours, theirs = CLASS[TYPES[entity.label]], CLASS[gold_type]
                    kinds["place subtype" if ours == theirs else f"{ours} -> {theirs}"] += 1
                if not ok or args.all:
                    voted = Counter(votes.get((m.start, m.end), "?") for m in entity.mentions)
                    spacy = " ".join(f"{label}:{count}" for label, count in voted.most_common())
                    mark = "  " if ok else "x "
                    lines.append(
                        f"  {mark}{entity.label:<6} gold {gold_type:<4} {entity.count:3}  {entity.name!r:<32} {spacy}"
                    )
                    if args.why:
                        lines += why(entity.mentions, cues)
            tally.update(gold=len(gold), gold_found=len(found))
            if lines:
                print(path.stem)
                print("\n".join(lines))
    precision = tally["predicted_ok"] / max(1, tally["predicted"])
    recall = tally["gold_found"] / max(1, tally["gold"])
    print(f"\nmentions P/R {precision:.3f}/{recall:.3f} F1 {2 * precision * recall / (precision + recall):.3f}")
    print(f"entries real: {tally['entries_real']}/{tally['entries']} ({tally['entries_real'] / tally['entries']:.1%})")
    print(f"right label: {right}/{typed} ({right / max(1, typed):.1%})")
    for kind, count in kinds.most_common():
        print(f"  {kind:<16} {count}")


if __name__ == "__main__":
    main()

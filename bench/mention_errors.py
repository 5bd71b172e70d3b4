"""Where LitBank's named mentions go wrong: per excerpt, the missed gold mentions and the mentions matching no gold.

    .venv/bin/python bench/mention_errors.py [--litbank DIR] [--cache DIR] [--folds DIR] [--only NAME] [-q]

A dev tool for the mention stages (not a benchmark with a target). Each excerpt is extracted
through this worktree's pipeline (cached), then followed stage by stage: the model's entities
(all labels, relative times too), what the extractor keeps, the span clean-up, the labelling
(with the excerpt's held-out fold weights from ``--folds``, learned by
``training/labels/train.py --folds-dir``; else the shipped weights) and the final entities.
A predicted mention matches a gold ``PROP_`` mention as ``glossary_eval.py`` scores it: they
overlap and share their first or last character.

Each missed gold mention is put down to the first stage that lost it:

* ``untagged``: the model never tagged it,
* ``label``: tagged only with a label the glossary does not score (DATE, NORP, WORK_OF_ART...),
* ``boundary``: tagged, but no tagged span shares its first or last character,
* ``clean``: the span clean-up dropped or cut it,
* ``labelling``: the labelling dropped it or labelled it out of the scored labels,
* ``grouping``: lost in grouping.

Each final mention matching no gold is classed as ``nominal`` (it overlaps a NOM_ gold mention:
"the Lord High Chancellor"), ``boundary`` (it overlaps a PROP_ one without sharing an end),
or ``other``. ``-q`` prints only the totals.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.grouping import build_entities, clean_stage
from glossary_tui.core.entities.labelling import WEIGHTS_ENVIRONMENT_VARIABLE, label_by_book
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, extract_mentions

ROOT = Path(__file__).resolve().parents[1]
SCORED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
FOLDS = 5


@dataclass(frozen=True)
class Gold:
    """One LitBank mention: its span, text and type (``PROP_PER``, ``NOM_LOC``...)."""

    start: int
    end: int
    text: str
    kind: str


def read_gold(ann: Path) -> list[Gold]:
    """Every mention of a brat file."""
    gold = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0].startswith("T") and fields[1].startswith(("PROP_", "NOM_")):
            kind, start, end = fields[1].split(" ")[:3]
            gold.append(Gold(int(start), int(end), fields[2], kind))
    return gold


def matches(start: int, end: int, gold: Gold) -> bool:
    """The scorer's match: overlap and a shared first or last character."""
    return start < gold.end and gold.start < end and (end == gold.end or start == gold.start)


def first_match(mention: Mention, gold: Sequence[Gold]) -> Gold | None:
    """The gold mention the scorer credits a predicted one with: the first in the file that it matches."""
    return next((g for g in gold if matches(mention.start, mention.end, g)), None)


def overlaps(start: int, end: int, gold: Gold) -> bool:
    return start < gold.end and gold.start < end


def found(gold: Gold, mentions: Sequence[Mention], labels: frozenset[str] | None = SCORED) -> bool:
    return any(matches(m.start, m.end, gold) for m in mentions if labels is None or m.label in labels)


def miss_cause(gold: Gold, stages: dict[str, list[Mention]]) -> str:
    """The first stage that lost a gold mention (see the module's list)."""
    if not any(overlaps(m.start, m.end, gold) for m in stages["model"]):
        return "untagged"
    if not found(gold, stages["model"], None):
        return "boundary"
    if not found(gold, stages["model"]):
        return "label"
    if not found(gold, stages["kept"]):
        return "filter"
    if not found(gold, stages["clean"]):
        return "clean"
    if not found(gold, stages["labelled"]):
        return "labelling"
    return "grouping"


def false_kind(mention: Mention, gold: Sequence[Gold]) -> str:
    """Why a final mention matches no gold mention."""
    if any(overlaps(mention.start, mention.end, g) for g in gold if g.kind.startswith("PROP_")):
        return "boundary"
    if any(overlaps(mention.start, mention.end, g) for g in gold if g.kind.startswith("NOM_")):
        return "nominal"
    return "other"


def main() -> None:
    """Print each excerpt's misses and false mentions, then the totals per cause."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--litbank", type=Path, default=ROOT.parent / "shared" / "litbank-dev")
    parser.add_argument("--cache", type=Path, help="extraction cache (default: a temporary directory)")
    parser.add_argument("--folds", type=Path, help="the held-out weights (fold0.json ...); default: shipped")
    parser.add_argument("--train", action="store_true", help="learn the held-out weights first (into --folds)")
    parser.add_argument("--only", help="excerpts whose file name contains this")
    parser.add_argument("-q", "--quiet", action="store_true", help="totals only")
    args = parser.parse_args()
    misses: Counter[str] = Counter()
    falses: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="mention-errors-") as scratch:
        if args.train:
            args.folds = args.folds or Path(scratch) / "folds"
            environment = {**os.environ, "GLOSSARY_TUI_CACHE": str(args.cache or scratch)}
            arguments = [
                "--litbank",
                str(args.litbank),
                "--folds-dir",
                str(args.folds),
                "--out",
                str(args.folds / "all.json"),
            ]
            subprocess.run(
                [sys.executable, str(ROOT / "training" / "labels" / "train.py"), *arguments],
                env=environment,
                check=True,
                capture_output=True,
            )
        cache = ExtractionCache(args.cache or Path(scratch))
        everything = CachedExtractor(SpacyExtractor(exclude_labels=(), keep_relative_times=True, n_process=1), cache)
        product = CachedExtractor(SpacyExtractor(n_process=1), cache)
        texts = sorted(args.litbank.glob("*.txt"))
        for index, path in enumerate(texts):
            if args.only and args.only not in path.name:
                continue
            if args.folds:
                os.environ[WEIGHTS_ENVIRONMENT_VARIABLE] = str(args.folds / f"fold{index % FOLDS}.json")
            document = read_document(path)
            text = document.text
            stages: dict[str, list[Mention]] = {}
            stages["model"] = extract_mentions(everything, document.extraction_text)
            stages["kept"] = extract_mentions(product, document.extraction_text)
            stages["clean"] = clean_stage(stages["kept"], text)
            stages["labelled"] = label_by_book(stages["clean"], text)
            kept_spans = {(m.start, m.end) for m in stages["labelled"]}
            gold_proper = [g for g in read_gold(path.with_suffix(".ann")) if g.kind.startswith("PROP_")]
            for m in stages["clean"]:
                if m.label in SCORED and (m.start, m.end) not in kept_spans:
                    real = first_match(m, gold_proper) is not None
                    totals.update(dropped=1, dropped_real=int(real))
                    if not args.quiet:
                        print(f"  DROP {'real' if real else 'junk':<4} {m.label:<6} {m.text!r}")
            entities = [e for e in build_entities(stages["kept"], text) if e.label in SCORED]
            final = [m for e in entities for m in e.mentions]
            gold = read_gold(path.with_suffix(".ann"))
            proper = [g for g in gold if g.kind.startswith("PROP_")]
            credited = {first for m in final if (first := first_match(m, proper)) is not None}
            missed = [(g, miss_cause(g, stages)) for g in proper if g not in credited]
            wrong = [(m, false_kind(m, gold)) for m in final if not any(matches(m.start, m.end, g) for g in proper)]
            totals.update(gold=len(proper), predicted=len(final), missed=len(missed), wrong=len(wrong))
            junk = [e for e in entities if 2 * sum(first_match(m, proper) is not None for m in e.mentions) <= e.count]
            totals.update(entries=len(entities), junk=len(junk))
            totals.update(
                singletons=sum(e.count == 1 for e in entities), junk_singletons=sum(e.count == 1 for e in junk)
            )
            misses.update(cause for _, cause in missed)
            falses.update(kind for _, kind in wrong)
            if args.quiet:
                continue
            print(
                f"== {path.stem}: {len(proper)} gold, {len(missed)} missed, {len(final)} predicted, {len(wrong)} wrong"
            )
            for g, cause in missed:
                tagged = [f"{m.text!r}/{m.label}" for m in stages["model"] if overlaps(m.start, m.end, g)]
                context = text[max(0, g.start - 30) : g.end + 30].replace("\n", " ")
                print(f"  MISS {cause:<9} {g.kind:<9} {g.text!r:<28} model: {' '.join(tagged) or '-'}   …{context}…")
            for e in junk:
                print(f"  JUNK {e.label:<6} {e.name!r} x{e.count}")
            for m, kind in wrong:
                near = [f"{g.text!r}/{g.kind}" for g in gold if overlaps(m.start, m.end, g)]
                print(f"  FALSE {kind:<8} {m.label:<6} {m.text!r:<28} gold: {' '.join(near) or '-'}")
    precision = 1 - totals["wrong"] / max(1, totals["predicted"])
    recall = 1 - totals["missed"] / max(1, totals["gold"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    real_share = 1 - totals["junk"] / max(1, totals["entries"])
    print(f"entries of one mention: {totals['singletons']}, {totals['junk_singletons']} of them not real")
    print(f"labelling dropped {totals['dropped']} mentions, {totals['dropped_real']} of them real")
    print(
        f"\nmentions P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; entries real {real_share:.1%} of {totals['entries']}"
    )
    print(
        f"gold {totals['gold']}, missed {totals['missed']} ("
        + ", ".join(f"{cause} {n}" for cause, n in misses.most_common())
        + f"); predicted {totals['predicted']}, matching no gold {totals['wrong']} ("
        + ", ".join(f"{kind} {n}" for kind, n in falses.most_common())
        + ")"
    )


if __name__ == "__main__":
    main()

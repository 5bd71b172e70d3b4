"""Alias merging quality on LitBank (gold coreference), against exact-string grouping, in one run.

    .venv/bin/python bench/bench_aliases.py [--litbank DIR] [--book PATH]

For each ``NAME.txt`` in LitBank's dev excerpts: the product's extraction
(cached between runs), the gold mentions whose type starts with ``PROP_``, and
each gold mention's chain. A gold mention is *found* when an extracted mention
overlaps it and shares its start or its end. Over pairs of found gold mentions
in one excerpt, a pair is *predicted-linked* when both sit in one entity and
*gold-linked* when they share a chain; precision, recall and F1 are summed
over all excerpts (micro-averaged). Then the time the grouping takes on the
whole of War and Peace.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.entities.entity import Entity
from glossary_tui.core.entities.grouping import build_entities
from glossary_tui.core.entities.names import name_key
from glossary_tui.core.extraction.cache import CachedExtractor, ExtractionCache
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.core.extraction.spacy_extractor import SpacyExtractor, extract_mentions

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_LITBANK = ROOT.parent / "shared" / "litbank-dev"
DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "war-and-peace.txt"
CACHE = ROOT / "bench" / ".cache"


@dataclass(frozen=True)
class Gold:
    """A gold proper-name mention and its coreference chain."""

    start: int
    end: int
    chain: str


@dataclass
class Score:
    """Pair counts over all excerpts."""

    true_links: int = 0
    predicted_links: int = 0
    gold_links: int = 0

    @property
    def precision(self) -> float:
        return self.true_links / self.predicted_links if self.predicted_links else 0.0

    @property
    def recall(self) -> float:
        return self.true_links / self.gold_links if self.gold_links else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(annotations: Path, chains: Path) -> list[Gold]:
    """The PROP_ mentions of a brat ``.ann`` file with their chains from ``.coref.tsv``."""
    chain_of = {}
    for line in chains.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0] == "COREF":
            chain_of[fields[1]] = fields[2]
    gold = []
    for line in annotations.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        mention_id, span, _ = line.split("\t", 2)
        kind, start, end = span.split(";")[0].split()
        if kind.startswith("PROP_") and mention_id in chain_of:
            gold.append(Gold(int(start), int(end), chain_of[mention_id]))
    return gold


def score_excerpt(gold: Sequence[Gold], mentions: Sequence[Mention], entities: Sequence[Entity], score: Score) -> None:
    """Add one excerpt's pair counts to ``score``."""
    entity_of = {mention: index for index, entity in enumerate(entities) for mention in entity.mentions}
    found: list[tuple[Gold, int]] = []
    for item in gold:
        for mention in mentions:
            overlaps = mention.start < item.end and item.start < mention.end
            if overlaps and (mention.start == item.start or mention.end == item.end) and mention in entity_of:
                found.append((item, entity_of[mention]))
                break
    for (first, first_entity), (second, second_entity) in combinations(found, 2):
        predicted = first_entity == second_entity
        linked = first.chain == second.chain
        score.predicted_links += predicted
        score.gold_links += linked
        score.true_links += predicted and linked


def exact_string_groups(mentions: Sequence[Mention], _text: str) -> list[Entity]:
    """The baseline: one entity per label and name key (case, a leading "the" and a possessive ignored)."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in sorted(mentions):
        groups.setdefault((mention.label, name_key(mention.text)), []).append(mention)
    return [Entity(f"{label}:{key}", key, label, (), tuple(members)) for (label, key), members in groups.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--litbank", type=Path, default=DEFAULT_LITBANK)
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    args = parser.parse_args()
    extractor = CachedExtractor(SpacyExtractor(n_process=1), ExtractionCache(CACHE))
    groupings: dict[str, Callable[[Sequence[Mention], str], list[Entity]]] = {
        "exact string (baseline)": exact_string_groups,
        "alias merging (product)": build_entities,
    }
    scores = {name: Score() for name in groupings}
    texts = sorted(args.litbank.glob("*.txt"))
    for text_path in texts:
        stem = text_path.name.removesuffix(".txt")
        gold = read_gold(text_path.with_suffix(".ann"), args.litbank / f"{stem}.coref.tsv")
        document = read_document(text_path)
        mentions = extract_mentions(extractor, document.text)
        for name, grouping in groupings.items():
            score_excerpt(gold, mentions, grouping(mentions, document.text), scores[name])
    print(f"LitBank dev: {len(texts)} excerpts, model {extractor.info.name} {extractor.info.version}")
    print(f"  {'grouping':<28} {'precision':>9} {'recall':>7} {'F1':>6}   links (true / predicted / gold)")
    for name, score in scores.items():
        print(
            f"  {name:<28} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f}   "
            f"{score.true_links} / {score.predicted_links} / {score.gold_links}"
        )
    if args.book.exists():
        book = read_document(args.book)
        mentions = extract_mentions(extractor, book.text)
        for name, grouping in groupings.items():
            started = time.perf_counter()
            entities = grouping(mentions, book.text)
            seconds = time.perf_counter() - started
            print(f"{args.book.name}: {name}: {len(mentions):,} mentions -> {len(entities):,} entities "
                  f"in {seconds * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()

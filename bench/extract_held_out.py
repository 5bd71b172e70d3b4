"""``glossary-tui extract --format json PATH`` with label weights that never saw PATH (for bench_quality.py).

    .venv/bin/python bench/extract_held_out.py PATH      # $HELD_OUT_FOLDS: the folds' weights

The label model ships trained on all of LitBank's dev excerpts, so scoring those
excerpts with it would score it on what it learned. ``training/labels/train.py
--folds-dir DIR`` writes ``fold<k>.json``, learned without the excerpts of fold
``k`` (excerpt ``i`` of the sorted list is in fold ``i % folds``); this runs the
extraction of PATH with the weights of its own fold.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from glossary_tui.cli import main as glossary_tui
from glossary_tui.core.entities.labelling import WEIGHTS_ENVIRONMENT_VARIABLE

CONFIG = Path(__file__).resolve().parents[1] / "training" / "labels" / "config.json"


def main() -> int:
    """Pick PATH's fold, point the label weights at it and run ``extract``."""
    path = Path(sys.argv[1])
    folds = json.loads(CONFIG.read_text(encoding="utf-8"))["folds"]
    index = sorted(path.parent.glob("*.txt")).index(path)
    os.environ[WEIGHTS_ENVIRONMENT_VARIABLE] = str(Path(os.environ["HELD_OUT_FOLDS"]) / f"fold{index % folds}.json")
    return glossary_tui(["extract", "--format", "json", str(path)])


if __name__ == "__main__":
    sys.exit(main())

"""``extract`` and ``add`` go the same road: on the same file they list the same entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_tui.cli import main
from glossary_tui.core.store.glossary_store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample-article.txt"
FILES = [SAMPLE, FIXTURES / "notes.md", FIXTURES / "article.html"]


@pytest.mark.model
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.suffix)
def test_extract_and_add_agree_entity_for_entity(path, tmp_path, capsys):
    db = tmp_path / "glossary.json"
    assert main(["add", "--db", str(db), str(path)]) == 0
    assert main(["extract", "--db", str(db), str(path)]) == 0
    extracted = json.loads(capsys.readouterr().out)["entities"]
    assert extracted, "the file has entities"
    listed = sorted((e["name"], e["label"], e["count"]) for e in extracted)
    recorded = sorted(
        (entry.name, entry.label, occurrence.count)
        for entry in open_store(db).entries()
        for occurrence in entry.documents
    )
    assert recorded == listed


@pytest.mark.model
def test_add_applies_the_readers_corrections(tmp_path, capsys):
    db = tmp_path / "glossary.json"
    store = open_store(db)
    store.add_correction({"kind": "hide", "name": "Hamas", "label": "ORG"})
    store.add_correction({"kind": "rename", "name": "Moscow", "label": "GPE", "value": "Moskva"})
    assert main(["add", "--db", str(db), str(SAMPLE)]) == 0
    names = {entry.name for entry in open_store(db).entries()}
    assert "Moskva" in names
    assert "Moscow" not in names
    assert "Hamas" not in names


def test_version_and_help_list_the_subcommands(capsys):
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    assert capsys.readouterr().out.startswith("glossary-tui 0.")
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    for subcommand in ("extract", "add", "export", "import", "doctor"):
        assert any(line.split()[:1] == [subcommand] and len(line.split()) > 3 for line in help_text.splitlines())

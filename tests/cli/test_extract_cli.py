"""`glossary-tui extract`: the JSON schema, TSV rows, and one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from glossary_tui.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample-article.txt"


@pytest.mark.model
def test_json_schema_and_offsets(capsys):
    assert main(["extract", str(SAMPLE)]) == 0
    record = json.loads(capsys.readouterr().out)
    text = SAMPLE.read_text(encoding="utf-8")
    assert set(record) == {"document", "model", "entities"}
    assert record["document"]["source"] == str(SAMPLE)
    assert record["document"]["characters"] == len(text)
    assert record["document"]["words"] == len(text.split())
    assert len(record["document"]["sha256"]) == 64
    assert record["model"]["name"].startswith("en_core_web_sm") and record["model"]["version"]
    entities = record["entities"]
    firsts = [entity["mentions"][0]["start"] for entity in entities]
    assert firsts == sorted(firsts)
    for entity in entities:
        assert set(entity) == {"id", "name", "label", "aliases", "count", "description", "appears_with", "mentions"}
        assert entity["count"] == len(entity["mentions"])
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    lavrov = next(e for e in entities if "Sergey Lavrov" in (e["name"], *e["aliases"]))
    assert lavrov["label"] == "PERSON"
    assert {lavrov["name"], *lavrov["aliases"]} == {"Sergey Lavrov", "Sergei Lavrov"}
    assert lavrov["description"] == "Russian Foreign Minister"
    ids = {entity["id"] for entity in entities}
    counts = [companion["count"] for companion in lavrov["appears_with"]]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    assert all(set(companion) == {"id", "count"} and companion["id"] in ids for companion in lavrov["appears_with"])


@pytest.mark.model
def test_ids_are_stable_between_runs(capsys):
    main(["extract", str(SAMPLE)])
    first = json.loads(capsys.readouterr().out)
    main(["extract", str(SAMPLE)])
    second = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in first["entities"]] == [e["id"] for e in second["entities"]]


@pytest.mark.model
def test_tsv_is_one_mention_per_line_in_text_order(capsys):
    assert main(["extract", str(SAMPLE), "--format", "tsv"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    text = SAMPLE.read_text(encoding="utf-8")
    assert all(len(row) == 5 for row in rows)
    starts = [int(row[0]) for row in rows]
    assert starts == sorted(starts)
    assert all(text[int(start) : int(end)] == mention for start, end, _, _, mention in rows)


@pytest.mark.model
def test_standard_input(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Sergey Lavrov flew to Moscow.\r\n")))
    assert main(["extract", "-", "--format", "tsv"]) == 0
    assert "Moscow" in capsys.readouterr().out


def test_missing_model_is_one_line_and_exit_2(capsys):
    assert main(["extract", str(SAMPLE), "--model", "no_such_pipeline"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no_such_pipeline" in err and "pip install" in err


@pytest.mark.parametrize("make", ["missing", "directory", "empty"])
def test_unreadable_input_is_one_line_without_traceback(tmp_path, make):
    target = tmp_path / "doc.txt"
    if make == "directory":
        target.mkdir()
    elif make == "empty":
        target.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "glossary_tui", "extract", str(target)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(target) in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.model
def test_extract_applies_the_readers_corrections(tmp_path, capsys):
    from glossary_tui.core.entities.corrections import Correction
    from glossary_tui.core.store.glossary_store import open_store

    db = tmp_path / "glossary.json"
    store = open_store(db)
    store.add_correction(Correction("hide", "Hamas", "ORG").to_record())
    store.add_correction(
        Correction("rename", "Ismail Haniyeh", "PERSON", value="Ismail Abdel Salam Haniyeh").to_record()
    )
    main(["extract", str(SAMPLE), "--db", str(db)])
    names = {e["name"] for e in json.loads(capsys.readouterr().out)["entities"]}
    assert "Hamas" not in names and "Ismail Abdel Salam Haniyeh" in names
    main(["extract", str(SAMPLE), "--db", str(db), "--no-corrections"])
    assert "Hamas" in {e["name"] for e in json.loads(capsys.readouterr().out)["entities"]}


@pytest.mark.model
def test_until_lists_only_what_the_text_up_to_there_holds(capsys):
    assert main(["extract", str(SAMPLE), "--until", "30%"]) == 0
    record = json.loads(capsys.readouterr().out)
    limit = record["document"]["until"]
    assert limit == round(record["document"]["characters"] * 0.3)
    names = {name for e in record["entities"] for name in (e["name"], *e["aliases"])}
    assert "Sergey Lavrov" in names
    assert not names & {"Sergei Lavrov", "Taher al-Nono", "Maria Zakharova", "Poland"}  # all further on
    assert all(m["end"] <= limit for e in record["entities"] for m in e["mentions"])
    assert all(e["count"] == len(e["mentions"]) for e in record["entities"])
    assert main(["extract", str(SAMPLE), "--until", str(limit), "--format", "tsv"]) == 0
    assert all(int(row.split("\t")[1]) <= limit for row in capsys.readouterr().out.splitlines())


@pytest.mark.parametrize("until", ["abc", "120%", "-5", "3.5"])
def test_a_bad_until_is_one_line_and_exit_2(capsys, until):
    assert main(["extract", str(SAMPLE), "--until", until]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--until" in err

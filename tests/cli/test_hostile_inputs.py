"""Hostile input through `glossary-tui extract`: one line on stderr and exit 2 for what cannot be read,
valid offsets and terminal-safe output for what can; never a traceback."""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import ClassVar

import pytest

import glossary_tui.core.pipeline as pipeline
from glossary_tui.cli import EXIT_USAGE, main
from glossary_tui.core.documents.document import read_document
from glossary_tui.core.extraction.chunking import MAX_CHARS, chunk_spans
from glossary_tui.core.extraction.mentions import ExtractedChunk, Mention
from glossary_tui.core.extraction.spacy_loader import ModelInfo
from tests.shared_data import require_shared

ROOT = Path(__file__).resolve().parents[2]
CAPITALISED_MIN = 2


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """``glossary-tui ARGS`` in a fresh interpreter, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "glossary_tui", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def assert_one_line_error(result: subprocess.CompletedProcess, expected: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == EXIT_USAGE, stderr
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("glossary-tui: error: ")
    assert expected in stderr
    assert result.stdout == b""


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def zip_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "Anna Karenina")
    return buffer.getvalue()


def elf() -> bytes:
    return Path(sys.executable).resolve().read_bytes()[:4096]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "the document is empty"),
        ("blank.txt", b"  \n\n\t \r\n   \n", "the document is empty"),
        ("picture.png", png(), "not a text document (binary data)"),
        ("picture.txt", png(), "not a text document (binary data)"),
        ("archive.zip", zip_file(), "not a text document (binary data)"),
        ("program", elf(), "not a text document (binary data)"),
        ("book.epub", zip_file(), "not a readable EPUB"),
    ],
    ids=["empty", "whitespace", "png", "png-named-txt", "zip", "elf", "zip-named-epub"],
)
def test_unreadable_file(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    assert_one_line_error(run_cli("extract", str(path)), f"{path}: {expected}")


def test_missing_path(tmp_path):
    assert_one_line_error(run_cli("extract", str(tmp_path / "missing.txt")), "missing.txt: no such file")


def test_directory_with_nothing_readable(tmp_path):
    (tmp_path / "image.png").write_bytes(png())
    assert_one_line_error(run_cli("extract", str(tmp_path)), "is a directory with no readable document in it")


def test_directory_with_readable_files(tmp_path):
    (tmp_path / "a.txt").write_text("Anna")
    assert_one_line_error(run_cli("extract", str(tmp_path)), "is a directory, not a document (1 readable files")


def test_empty_standard_input():
    assert_one_line_error(run_cli("extract", "-", stdin=b""), "-: the document is empty")


def test_binary_standard_input():
    assert_one_line_error(run_cli("extract", "-", stdin=png()), "-: not a text document (binary data)")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Anna Karenina")
    path.chmod(0)
    assert_one_line_error(run_cli("extract", str(path)), "secret.txt: permission denied")


class CapitalisedWords:
    """Stands in for spaCy: every capitalised word is a PERSON, found chunk by chunk like the real engine."""

    info = ModelInfo("fake_capitalised", "1.0")
    settings = ""
    texts: ClassVar[list[str]] = []

    def __init__(self, *args, **kwargs) -> None:
        pass

    def extract(self, text, *, should_cancel=None, focus=None):
        import re

        CapitalisedWords.texts.append(text)
        for start, end in chunk_spans(text):
            assert end - start <= MAX_CHARS
            found = tuple(
                Mention(m.start(), m.end(), m.group(), "PERSON")
                for m in re.finditer(r"\b[A-Z][^\W\d_]+", text[start:end])
            )
            yield ExtractedChunk(
                start, end, tuple(Mention(m.start + start, m.end + start, m.text, m.label) for m in found)
            )

    def extract_many(self, texts, *, should_cancel=None):
        for index, text in enumerate(texts):
            for chunk in self.extract(text):
                yield index, chunk


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr(pipeline, "SpacyExtractor", CapitalisedWords)
    CapitalisedWords.texts = []
    return CapitalisedWords


def extract_in_process(path: Path, capsys) -> tuple[dict, str]:
    assert main(["extract", "--no-cache", "--no-corrections", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return json.loads(captured.out), captured.err


def assert_offsets_valid(record: dict, text: str) -> int:
    count = 0
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
            count += 1
    return count


HOSTILE_TEXTS = {
    "nul": "Anna\x00Karenina met Vronsky\x00\x00at the station.\n",
    "markup": "[bold]Pierre[/] met [@click=app.quit]Natasha[/] and [red]Andrei[/red] in [link=x]Moscow[/link].\n",
    "ansi": "\x1b[31mPierre\x1b[0m saw \x1b]8;;http://x\x1b\\Natasha\x1b]8;;\x1b\\ \x1b[2J\x07 and\x9b1mAndrei.\n",
    "c0-c1": "Pierre\x01\x02\x7f\x85\x9fNatasha \x0b\x0cAndrei.\n",
    "bidi": "Pierre \u202eNatasha\u202c met \u2066Andrei\u2069 and Mar\u200bya.\n",
    "cjk-emoji": "東京で Pierre は 👩‍👩‍👧 Natasha と会った。😀 Andrei ｆｕｌｌ.\n",  # noqa: RUF001 - full-width letters on purpose
    "tabs": "\tPierre\tmet\t\tNatasha\n\t\tAndrei\tdanced.\n",
    "crlf": "Pierre met Natasha.\r\nAndrei\rdanced.\r\n",
}


@pytest.mark.parametrize("name", list(HOSTILE_TEXTS))
def test_hostile_text_is_read_with_valid_offsets_and_nothing_for_a_terminal(tmp_path, capsys, fake_model, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(HOSTILE_TEXTS[name].encode("utf-8"))
    record, err = extract_in_process(path, capsys)
    text = read_document(path).text
    assert assert_offsets_valid(record, text) >= CAPITALISED_MIN
    names = {entity["name"] for entity in record["entities"]}
    assert {"Pierre", "Natasha", "Andrei"} <= names or {"Anna", "Karenina", "Vronsky"} <= names
    for forbidden in ("\x1b", "\x9b", "\x00", "\x07", "\u202e", "\u2066", "\r", "\x85"):
        assert forbidden not in text
        assert forbidden not in json.dumps(record, ensure_ascii=False)
    assert "\x1b" not in err


def test_invalid_utf8_is_read_with_replacement_characters(tmp_path, capsys, fake_model):
    path = tmp_path / "broken.txt"
    path.write_bytes("Pierre met Natasha in Zürich. ".encode() + b"\xc3\x28\xff Andrei left.\n")
    record, _ = extract_in_process(path, capsys)
    text = read_document(path).text
    assert "\ufffd" in text and "Zürich" in text
    assert assert_offsets_valid(record, text) >= 3


def test_windows_1252_file_is_read(tmp_path, capsys, fake_model):
    path = tmp_path / "old.txt"
    path.write_bytes("Fran\u00e7ois met Ang\u00e8le in Z\u00fcrich \u2014 \u201cyes\u201d.\r\n".encode("cp1252"))
    record, _ = extract_in_process(path, capsys)
    assert record["document"]["characters"] == len("François met Angèle in Zürich — “yes”.\n")
    assert {"Fran\u00e7ois", "Z\u00fcrich"} <= {entity["name"] for entity in record["entities"]}


def test_one_megabyte_line_without_spaces_is_cut_into_chunks(tmp_path, capsys, fake_model):
    line = ("Natasha" + "x" * 93) * 10_000 + "Pierre"
    path = tmp_path / "line.txt"
    path.write_text(line)
    record, _ = extract_in_process(path, capsys)
    assert len(line) > 1_000_000
    assert CapitalisedWords.texts == [line]
    assert assert_offsets_valid(record, line) >= 1
    spans = chunk_spans(line)
    assert all(end - start <= MAX_CHARS for start, end in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(line)


def test_markdown_urls_are_not_searched(tmp_path, capsys, fake_model):
    path = tmp_path / "notes.md"
    path.write_text("Pierre read [the letter](https://example.com/Natasha/Andrei) at https://www.Moscow.ru/Kremlin\n")
    record, _ = extract_in_process(path, capsys)
    names = {entity["name"] for entity in record["entities"]}
    assert "Pierre" in names
    assert not names & {"Natasha", "Andrei", "Moscow", "Kremlin"}
    assert_offsets_valid(record, read_document(path).text)


def test_html_page_is_read_as_its_text(tmp_path, capsys, fake_model):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>T</title><script>Hidden</script></head>"
        "<body><nav>Menu</nav><p>Pierre met <b>Natasha</b>.</p></body></html>"
    )
    record, _ = extract_in_process(path, capsys)
    assert {entity["name"] for entity in record["entities"]} == {"Pierre", "Natasha"}
    assert read_document(path).title == "T"


@pytest.mark.model
def test_real_model_on_a_hostile_mixture(tmp_path):
    path = tmp_path / "mixture.txt"
    path.write_bytes("".join(HOSTILE_TEXTS.values()).encode("utf-8") + b"\xff\xfe invalid\n")
    result = run_cli("extract", "--no-cache", str(path))
    assert result.returncode == 0, result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    record = json.loads(result.stdout)
    assert assert_offsets_valid(record, read_document(path).text) >= 1


@pytest.mark.slow
def test_fifty_megabytes_of_text(tmp_path):
    book = require_shared("corpus/war-and-peace.txt").read_bytes()
    path = tmp_path / "big.txt"
    path.write_bytes(book * (50 * 2**20 // len(book) + 1))
    result = run_cli("extract", "--no-cache", "--format", "tsv", str(path))
    assert result.returncode == 0 and "Traceback" not in result.stderr.decode()
    assert result.stdout.count(b"\n") > 100_000
